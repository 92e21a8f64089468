import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { Award, Nomination } from '../../../../../types'
import StateView from '../../../../components/state-view'
import { useLoad } from '@/hooks/use-load'
import { useMe } from '@/hooks/use-me'
import { errorMessage } from '@/services/api'
import { confirmNomination, fetchAwards, listNominations, submitNomination, withdrawNomination } from '@/features/honour/api'
import { stateName } from '@/features/honour/labels'
import { honourCertificateUrl, honourManageUrl, honourNominateUrl, honourNoticeUrl, honourReviewUrl, honourReviseUrl } from '@/features/honour/urls'
import '@/features/honour/honour.scss'

/**
 * 评优评先: open awards to apply for, my nominations (confirm, submit, withdraw), 公示 and review.
 * `?nomination=` (a step notice's link): that nomination first, marked, with what to do next.
 */
export default function HonourHubPage() {
  const focus = useRouter().params.nomination ?? ''
  const me = useMe()
  const awards = useLoad<Award[]>(fetchAwards, 'awards')
  const mine = useLoad<Nomination[]>(me.member ? () => listNominations({ scope: 'mine' }) : null, me.member?.openid ?? '')
  const [busy, setBusy] = useState<string | null>(null)
  useDidShow(() => {
    if (mine.status === 'ready') void mine.reload(true)
  })

  const act = async (key: string, run: () => Promise<unknown>, done: string) => {
    if (busy) return
    setBusy(key)
    try {
      await run()
      void Taro.showToast({ title: done, icon: 'success' })
      await mine.reload(true)
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  const go = (url: string) => void Taro.navigateTo({ url })
  const role = me.member?.role
  return (
    <View className='page honour' id='honour-hub'>
      <View className='card'>
        <Text className='section-title'>评优评先</Text>
        <View className='honour-actions'>
          <Button className='btn btn-ghost' id='honour-go-notice' onClick={() => go(honourNoticeUrl())}>
            公示
          </Button>
          <Button className='btn btn-ghost' id='honour-go-review' onClick={() => go(honourReviewUrl())}>
            评委评审
          </Button>
          {role === 'staff' || role === 'station_head' ? (
            <Button className='btn btn-ghost' id='honour-go-manage' onClick={() => go(honourManageUrl())}>
              评优管理
            </Button>
          ) : null}
        </View>
      </View>

      <View className='card'>
        <Text className='section-title'>正在申报的奖项</Text>
        {awards.status === 'loading' ? <StateView kind='loading' /> : null}
        {awards.status === 'error' ? <StateView kind='error' description={awards.error ?? undefined} actionText='重试' onAction={() => void awards.reload()} /> : null}
        {awards.data && awards.data.filter((a) => a.status === 'open').length === 0 ? <StateView kind='empty' title='暂时没有申报中的奖项' /> : null}
        {(awards.data ?? [])
          .filter((a) => a.status === 'open')
          .map((a) => (
            <View className='honour-row' key={a.id} id={`award-${a.id}`}>
              <Text className='honour-row__title'>{a.name}</Text>
              {a.description ? <Text className='hint'>{a.description}</Text> : null}
              {me.member ? (
                <View className='honour-actions'>
                  <Button className='btn btn-primary' id={`nominate-${a.id}`} onClick={() => go(honourNominateUrl(a.id))}>
                    {role === 'station_head' || role === 'staff' ? '提名' : '我要申报'}
                  </Button>
                </View>
              ) : null}
            </View>
          ))}
      </View>

      {me.member ? (
        <View className='card' id='my-nominations'>
          <Text className='section-title'>我的提名</Text>
          {mine.status === 'loading' ? <StateView kind='loading' /> : null}
          {mine.status === 'error' ? <StateView kind='error' description={mine.error ?? undefined} actionText='重试' onAction={() => void mine.reload()} /> : null}
          {mine.data && mine.data.length === 0 ? <StateView kind='empty' title='还没有提名' description='申报或被站长提名后会显示在这里' /> : null}
          {focus && mine.status === 'ready' && !(mine.data ?? []).some((n) => n.id === focus) ? (
            <StateView kind='empty' title='通知所指的提名已不在你的列表中' description='它可能已被撤回' />
          ) : null}
          {[...(mine.data ?? [])].sort((a, b) => Number(b.id === focus) - Number(a.id === focus)).map((n) => {
            const forMe = n.nomineeOpenid === me.member?.openid
            const byMe = n.nominatorOpenid === me.member?.openid
            return (
              <View className={`honour-row${n.id === focus ? ' honour-row--focus' : ''}`} key={n.id} id={`nomination-${n.id}`}>
                {n.id === focus ? <Text className='hint'>通知所指的提名</Text> : null}
                <Text className='honour-row__title'>
                  {n.awardName} · {n.nomineeName}
                </Text>
                <Text className='honour-state'>{stateName(n.state)}</Text>
                {n.screening && !n.screening.eligible ? <Text className='honour-reason'>{n.screening.reasons.join('；')}</Text> : null}
                {n.state === 'draft' && forMe && !n.confirmedAt ? <Text className='hint'>站长提名了你，请确认材料属实后同意</Text> : null}
                {n.state === 'returned' ? <Text className='hint'>{byMe ? '提名被退回，请查看原因并修改材料后重新提交' : '提名被退回，等待提名人修改材料'}</Text> : null}
                {n.state === 'revoked' && n.revokedNote ? <Text className='honour-reason'>撤销说明：{n.revokedNote}</Text> : null}
                <View className='honour-actions'>
                  {n.state === 'draft' && forMe && !n.confirmedAt ? (
                    <Button className='btn btn-primary' id={`confirm-${n.id}`} disabled={busy !== null || undefined} onClick={() => void act(n.id, () => confirmNomination(n.id), '已确认')}>
                      确认提名
                    </Button>
                  ) : null}
                  {n.state === 'draft' && byMe ? (
                    <Button className='btn btn-primary' id={`submit-${n.id}`} disabled={busy !== null || undefined} onClick={() => void act(n.id, () => submitNomination(n.id), '已提交')}>
                      提交
                    </Button>
                  ) : null}
                  {n.state === 'awarded' && forMe ? (
                    <Button className='btn btn-primary' id={`certificate-${n.id}`} onClick={() => go(honourCertificateUrl(n.id))}>
                      荣誉证书
                    </Button>
                  ) : null}
                  {n.state === 'returned' && byMe ? (
                    <Button className='btn btn-primary' id={`revise-${n.id}`} disabled={busy !== null || undefined} onClick={() => go(honourReviseUrl(n.awardId, n.id))}>
                      修改材料
                    </Button>
                  ) : null}
                  {['draft', 'submitted', 'returned'].includes(n.state) ? (
                    <Button className='btn btn-plain' id={`withdraw-${n.id}`} disabled={busy !== null || undefined} onClick={() => void act(n.id, () => withdrawNomination(n.id), '已撤回')}>
                      撤回
                    </Button>
                  ) : null}
                </View>
              </View>
            )
          })}
        </View>
      ) : null}
    </View>
  )
}
