import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { Award, Nomination, ObjectionLine } from '../../../../../types'
import StateView from '../../../../components/state-view'
import ChoiceChips from '../../../../components/choice-chips'
import ReasonSheet from '../../../../features/station/components/reason-sheet'
import NoPermission from '../../../../features/station/components/no-permission'
import { useLoad } from '@/hooks/use-load'
import { useMe } from '@/hooks/use-me'
import { errorMessage } from '@/services/api'
import {
  closeAward,
  closeNotice,
  drawJury,
  fetchAwards,
  fetchObjections,
  grantHonour,
  listNominations,
  publishNotice,
  recommend,
  resolveObjections,
  returnNomination,
  revokeHonour,
  screenAward,
  startPublicity,
  tally,
  unitDecide,
} from '@/features/honour/api'
import { stateName } from '@/features/honour/labels'
import { honourAwardEditUrl, honourNoticeUrl } from '@/features/honour/urls'
import JuryPool from '@/features/honour/components/jury-pool'
import '@/features/honour/honour.scss'

/** What the reason sheet is open for: a decision on objections, a return for revision, a revocation. */
type Sheet = { kind: 'dismissed' | 'upheld' | 'return' | 'revoke'; id: string } | null

const SHEETS = {
  dismissed: { key: 'dismiss', title: '异议不成立', description: '处理结论仅内部留存，会记入操作日志', placeholder: '核查经过与结论', max: 300 },
  upheld: { key: 'uphold', title: '异议成立：取消资格', description: '处理结论仅内部留存，会记入操作日志', placeholder: '核查经过与结论', max: 300 },
  return: { key: 'return', title: '退回修改', description: '原因会通知被提名人，请写明需要补充或修改的内容', placeholder: '例如：请补充服务时长证明', max: 200 },
  revoke: { key: 'revoke', title: '撤销荣誉', description: '撤销说明会随评选结果公开', placeholder: '撤销的原因', max: 200 },
} as const

/**
 * 评优管理: staff run every award (screening, jury, 公示, objections, award); a station head runs
 * the unit steps for their station (unit publicity, decision, ranked recommendation).
 */
export default function HonourManagePage() {
  const me = useMe()
  const role = me.member?.role
  if (me.loading) return <StateView kind='loading' />
  if (role !== 'staff' && role !== 'station_head') {
    return (
      <View className='page' id='honour-forbidden'>
        <NoPermission title='仅站长和团市委工作人员可以使用' description='评优评先的申报入口在“评优评先”页。' />
      </View>
    )
  }
  return <Manage staff={role === 'staff'} stationId={me.member?.stationId ?? ''} />
}

function Manage({ staff, stationId }: { staff: boolean; stationId: string }) {
  const awards = useLoad<Award[]>(fetchAwards, 'awards')
  const [awardId, setAwardId] = useState('')
  const current = awardId || awards.data?.[0]?.id || ''
  const currentAward = awards.data?.find((a) => a.id === current)
  const nominations = useLoad<Nomination[]>(current ? () => listNominations({ awardId: current, scope: staff ? 'all' : 'unit' }) : null, current)
  const [objections, setObjections] = useState<Record<string, ObjectionLine[]>>({})
  const [busy, setBusy] = useState<string | null>(null)
  const [sheet, setSheet] = useState<Sheet>(null)
  useDidShow(() => {
    void awards.reload(true)
  })

  const act = async (key: string, run: () => Promise<unknown>, done: string) => {
    if (busy) return
    setBusy(key)
    try {
      await run()
      void Taro.showToast({ title: done, icon: 'success' })
      await nominations.reload(true)
    } catch (error) {
      void Taro.showModal({ title: '未能完成', content: errorMessage(error), showCancel: false })
    } finally {
      setBusy(null)
    }
  }

  const showObjections = async (id: string) => {
    try {
      const lines = await fetchObjections(id)
      setObjections((o) => ({ ...o, [id]: lines }))
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    }
  }

  const disabled = busy !== null || undefined
  const button = (key: string, label: string, run: () => Promise<unknown>, done: string, kind = 'btn-ghost') => (
    <Button className={`btn ${kind}`} id={key} disabled={disabled} onClick={() => void act(key, run, done)}>
      {busy === key ? '处理中…' : label}
    </Button>
  )

  const actionsOf = (n: Nomination) => {
    const out = []
    const openSheet = (kind: NonNullable<Sheet>['kind'], label: string, style = 'btn-plain') => (
      <Button className={`btn ${style}`} key={kind} id={`${SHEETS[kind].key}-${n.id}`} disabled={disabled} onClick={() => setSheet({ kind, id: n.id })}>
        {busy === `${SHEETS[kind].key}-${n.id}` ? '处理中…' : label}
      </Button>
    )
    if (n.state === 'submitted') {
      out.push(button(`publicity-${n.id}`, '开始单位内公示', () => startPublicity(n.id), '已开始公示'))
      out.push(openSheet('return', '退回修改'))
    }
    if (n.state === 'unit_publicity') {
      out.push(button(`unit-approve-${n.id}`, '公示无异议，通过', () => unitDecide(n.id, true), '已通过'))
      out.push(button(`unit-reject-${n.id}`, '不通过', () => unitDecide(n.id, false), '已处理', 'btn-plain'))
    }
    if (n.state === 'unit_approved' && n.stationId) out.push(button(`recommend-${n.id}`, '按顺序推荐', () => recommend(n.awardId, n.stationId ?? stationId, [n.id]), '已推荐'))
    if (!staff) return out
    if (n.state === 'jury_review') {
      out.push(button(`draw-${n.id}`, '随机抽取评委', () => drawJury(n.id), '已抽取'))
      out.push(button(`tally-${n.id}`, '汇总评审结果', () => tally(n.id), '已汇总'))
    }
    if (n.state === 'objection_check') {
      out.push(
        <Button className='btn btn-ghost' key='o' id={`objections-${n.id}`} onClick={() => void showObjections(n.id)}>
          查看异议
        </Button>,
      )
      out.push(openSheet('dismissed', '异议不成立', 'btn-ghost'))
      out.push(openSheet('upheld', '异议成立'))
    }
    if (n.state === 'public_notice') out.push(button(`close-${n.id}`, '公示期满，审定', () => closeNotice(n.id), '已审定'))
    if (n.state === 'approved') out.push(button(`grant-${n.id}`, '授予荣誉', () => grantHonour(n.id), '已授予', 'btn-primary'))
    if (n.state === 'awarded') out.push(openSheet('revoke', '撤销荣誉'))
    return out
  }

  const confirmSheet = (note: string) => {
    const s = sheet
    setSheet(null)
    if (!s) return
    const key = `${SHEETS[s.kind].key}-${s.id}`
    if (s.kind === 'return') void act(key, () => returnNomination(s.id, note), '已退回')
    else if (s.kind === 'revoke') void act(key, () => revokeHonour(s.id, note), '已撤销')
    else void act(key, () => resolveObjections({ id: s.id, decision: s.kind === 'upheld' ? 'upheld' : 'dismissed', note }), '已处理')
  }

  if (awards.status === 'loading') return <StateView kind='loading' />
  if (awards.status === 'error') return <StateView kind='error' description={awards.error ?? undefined} actionText='重试' onAction={() => void awards.reload()} />

  return (
    <View className='page honour-manage' id='honour-manage'>
      <View className='card'>
        <Text className='section-title'>奖项</Text>
        {(awards.data ?? []).length === 0 ? <StateView kind='empty' title='还没有奖项' /> : null}
        <ChoiceChips idPrefix='manage-award' items={(awards.data ?? []).map((a) => ({ id: a.id, name: a.status === 'closed' ? `${a.name}（已结束）` : a.name }))} selected={[current]} onToggle={setAwardId} />
        {staff ? (
          <View className='honour-actions'>
            <Button className='btn btn-primary' id='award-new' onClick={() => void Taro.navigateTo({ url: honourAwardEditUrl() })}>
              新建奖项
            </Button>
            {current ? button('screen-award', '资格审查', () => screenAward(current), '审查完成') : null}
            {current ? button('publish-notice', '入围名单发布公示', () => publishNotice(current), '已发布公示') : null}
            {currentAward?.status === 'open' ? (
              <Button className='btn btn-ghost' id='award-edit' disabled={disabled} onClick={() => void Taro.navigateTo({ url: honourAwardEditUrl(current) })}>
                修改奖项规则
              </Button>
            ) : null}
            {currentAward?.status === 'open'
              ? button('award-close', '结果已公布，结束奖项', async () => {
                  await closeAward(current)
                  await awards.reload(true)
                }, '奖项已结束', 'btn-plain')
              : null}
            {current ? (
              <Button className='btn btn-plain' id='open-notice' onClick={() => void Taro.navigateTo({ url: honourNoticeUrl(current) })}>
                查看公示页
              </Button>
            ) : null}
          </View>
        ) : null}
      </View>

      <View className='card' id='manage-nominations'>
        <Text className='section-title'>{staff ? '全部提名' : '本驿站提名'}</Text>
        {nominations.status === 'loading' ? <StateView kind='loading' /> : null}
        {nominations.status === 'error' ? <StateView kind='error' description={nominations.error ?? undefined} actionText='重试' onAction={() => void nominations.reload()} /> : null}
        {nominations.data && nominations.data.length === 0 ? <StateView kind='empty' title='还没有提名' /> : null}
        {(nominations.data ?? []).map((n) => (
          <View className='honour-row' key={n.id} id={`manage-${n.id}`}>
            <Text className='honour-row__title'>
              {n.nomineeName}
              {n.rank ? ` · 推荐第${n.rank}名` : ''}
            </Text>
            <Text className='honour-state'>{stateName(n.state)}</Text>
            {n.publicity ? <Text className='hint'>单位内公示：{n.publicity.start} 至 {n.publicity.end}</Text> : null}
            {n.screening && !n.screening.eligible ? <Text className='honour-reason'>不符合条件：{n.screening.reasons.join('；')}</Text> : null}
            {n.jury ? <Text className='hint'>评审：同意 {n.jury.yes}/{n.jury.panel}，均分 {n.jury.meanScore}</Text> : null}
            {n.notice ? <Text className='hint'>公示：{n.notice.start} 至 {n.notice.end}</Text> : null}
            {(objections[n.id] ?? []).map((o) => (
              <Text className='hint' key={o.id}>
                {o.kind === 'personal' ? `${o.realName}（${o.phoneMasked}）` : o.unitName}：{o.reason}
                {o.outcome ? `（${o.outcome.note}）` : ''}
              </Text>
            ))}
            <View className='honour-actions'>{actionsOf(n)}</View>
          </View>
        ))}
      </View>

      {staff ? <JuryPool awardId={current} onDrawn={() => nominations.reload(true)} /> : null}

      <ReasonSheet
        open={sheet !== null}
        title={sheet ? SHEETS[sheet.kind].title : ''}
        description={sheet ? SHEETS[sheet.kind].description : ''}
        placeholder={sheet ? SHEETS[sheet.kind].placeholder : ''}
        confirmText='确定'
        required
        maxLength={sheet ? SHEETS[sheet.kind].max : 200}
        initial=''
        busy={busy !== null}
        onCancel={() => setSheet(null)}
        onConfirm={confirmSheet}
      />
    </View>
  )
}
