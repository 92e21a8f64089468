import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import FormField, { FormText } from '@/components/form-field'
import StateView from '@/components/state-view'
import { useLoad } from '@/hooks/use-load'
import { errorMessage } from '@/services/api'
import { acceptPlatformInvite, myPlatforms } from '../../../../features/platform/api'
import { whenOf } from '../../../../features/platform/labels'
import { platformSubmitUrl, platformUrl } from '../../../../features/platform/urls'
import '../../platform.scss'

const DRAFT_STATUS = { pending: '待审核', approved: '已发布', rejected: '已退回' } as const

/**
 * A platform contact's page: redeem the invite code staff gave, then draft the platform's visits
 * and propose its jobs; staff publish them after review.
 */
export default function PlatformContactPage() {
  const mine = useLoad(() => myPlatforms(), 'mine')
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  useDidShow(() => void mine.reload(true))
  usePullDownRefresh(() => {
    void mine.reload(true).finally(() => Taro.stopPullDownRefresh())
  })

  const redeem = async () => {
    if (busy) return
    setBusy(true)
    setError(undefined)
    try {
      await acceptPlatformInvite(code)
      setCode('')
      void Taro.showToast({ title: '已成为平台联系人', icon: 'success' })
      await mine.reload(true)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  if (mine.status === 'loading') return <View className='page'><StateView kind='loading' /></View>
  if (mine.status === 'error' || !mine.data) {
    return <View className='page'><StateView kind='error' description={mine.error ?? undefined} actionText='重试' onAction={() => void mine.reload()} /></View>
  }

  return (
    <View className='page platform-contact'>
      {mine.data.platforms.map(({ platform, activityDrafts, demandDrafts }) => (
        <View className='card' key={platform.id} id={`contact-platform-${platform.id}`}>
          <Pressable inline role='link' className='platform-page__name' onPress={() => void Taro.navigateTo({ url: platformUrl(platform.id) })}>
            {platform.name} ›
          </Pressable>
          <Text className='hint'>你提交的活动和岗位经团市委审核后对同学公开。</Text>
          <View className='platform-page__staff-actions'>
            <Button className='btn btn-primary' id={`contact-new-activity-${platform.id}`} onClick={() => void Taro.navigateTo({ url: platformSubmitUrl(platform.id, 'activity') })}>
              提交参观活动
            </Button>
            <Button className='btn btn-ghost' id={`contact-new-demand-${platform.id}`} onClick={() => void Taro.navigateTo({ url: platformSubmitUrl(platform.id, 'demand') })}>
              提交岗位需求
            </Button>
          </View>
          <Text className='section-title'>待审核的活动</Text>
          {activityDrafts.length === 0 ? <Text className='hint'>没有待审核的活动（审核通过的会出现在平台页面）</Text> : null}
          {activityDrafts.map((a) => (
            <View className='platform-page__line' key={a.id} id={`contact-draft-${a.id}`}>
              <Text className='platform-page__line-title'>{a.title}</Text>
              <Text className='platform-page__line-meta'>
                {whenOf(a.startAt)} · {a.place} · 待审核
              </Text>
            </View>
          ))}
          <Text className='section-title'>提交过的岗位</Text>
          {demandDrafts.length === 0 ? <Text className='hint'>还没有提交岗位</Text> : null}
          {demandDrafts.map((d) => (
            <View className='platform-page__line' key={d.id}>
              <Text className='platform-page__line-title'>{d.demand.position}</Text>
              <Text className='platform-page__line-meta'>
                {DRAFT_STATUS[d.status]}
                {d.reason ? `：${d.reason}` : ''}
              </Text>
            </View>
          ))}
        </View>
      ))}
      <View className='card'>
        <Text className='section-title'>{mine.data.platforms.length === 0 ? '你还不是任何平台的联系人' : '加入另一个平台'}</Text>
        <FormField name='code' label='邀请码' hint='团市委工作人员给你的8位邀请码' error={error}>
          <FormText id='contact-code-input' value={code} onChange={setCode} maxlength={8} placeholder='例如 7K3M9QXA' />
        </FormField>
        <Button className='btn btn-primary' id='contact-redeem' loading={busy} disabled={busy || code.trim().length === 0 || undefined} onClick={() => void redeem()}>
          使用邀请码
        </Button>
      </View>
    </View>
  )
}
