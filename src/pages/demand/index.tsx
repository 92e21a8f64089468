import { useCallback, useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { SHAREABLE_LABELS, type Member, type ShareableField } from '../../../types'
import StateView from '../../components/state-view'
import { useDemo } from '../../features/demo/hooks/use-demo'
import { openDemoLogin } from '../../features/demo/session'
import { useMe } from '@/hooks/use-me'
import { useTaxonomy, type UseTaxonomy } from '@/hooks/use-taxonomy'
import { getDemand, registerInterest, withdrawInterest } from '../../features/policy/api'
import InterestSheet from '../../features/policy/components/interest-sheet'
import { dayText, salaryText, todayInChina } from '../../features/policy/format'
import { useLoad } from '@/hooks/use-load'
import { errorMessage } from '../../services/api'
import { formatDate } from '../../utils/format'
import './index.scss'

/** What each shareable field would pass on, read from my own profile. */
function shareValues(m: Member | null, tax: UseTaxonomy): Partial<Record<ShareableField, string>> {
  if (!m) return {}
  return {
    name: m.name,
    phone: m.phone,
    university: m.university,
    major: m.major,
    degree: tax.degreeName(m.degree),
    graduationYear: `${m.graduationYear}年`,
    hometownCounty: tax.countyName(m.hometownCounty),
  }
}

/** One job: the facts, how to get in touch (through the league), 我感兴趣 and withdrawing it. */
export default function DemandPage() {
  const id = useRouter().params.id ?? ''
  const me = useMe()
  const demo = useDemo()
  const tax = useTaxonomy()
  const load = useCallback(() => getDemand(id), [id])
  const state = useLoad(id ? load : null, id)
  const [sheet, setSheet] = useState(false)
  const [busy, setBusy] = useState(false)
  const demand = state.data

  useShareAppMessage(() => ({
    title: demand ? `${demand.employer} 招 ${demand.position}` : '驻马店岗位需求',
    path: `/pages/demand/index?id=${encodeURIComponent(id)}`,
  }))

  const interested = async () => {
    if (me.member) return setSheet(true)
    const { confirm } = await Taro.showModal({
      title: '加入后可以登记',
      content: '加入翼展联盟后，团市委可以把你的意向转交给用人单位。',
      confirmText: '去加入',
      confirmColor: '#C8161D',
    })
    if (!confirm) return
    if (demo.enabled && !demo.session) openDemoLogin()
    else void Taro.navigateTo({ url: '/pages/join/index' })
  }

  const confirm = async (share: ShareableField[]) => {
    if (!demand || busy) return
    setBusy(true)
    try {
      state.setData(await registerInterest(demand.id, share))
      setSheet(false)
      void Taro.showToast({ title: '已登记', icon: 'success' })
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const withdraw = async () => {
    if (!demand || busy) return
    const { confirm: ok } = await Taro.showModal({
      title: '撤回意向',
      content: '撤回后，团市委不再向用人单位提供你的信息。确定撤回吗？',
      confirmText: '撤回',
      confirmColor: '#C8161D',
    })
    if (!ok) return
    setBusy(true)
    try {
      state.setData(await withdrawInterest(demand.id))
      void Taro.showToast({ title: '已撤回', icon: 'none' })
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  if (!id) return <View className='page'><StateView kind='empty' title='没有找到这个岗位' description='链接不完整，请从岗位列表进入' /></View>
  if (state.status === 'loading') return <View className='page'><StateView kind='loading' /></View>
  if (!demand) {
    return (
      <View className='page'>
        {state.errorCode === 'NOT_FOUND' ? (
          <StateView kind='empty' title='这个岗位已关闭或不存在' description='可以在岗位需求中看看其他岗位' />
        ) : (
          <StateView kind='error' title='岗位加载失败' description={state.error ?? undefined} actionText='重试' onAction={() => void state.reload()} />
        )}
      </View>
    )
  }

  const over = demand.deadline < todayInChina()
  const open = demand.status === 'open' && !over
  const facts = [
    { label: '用人单位', text: demand.employer },
    { label: '重点产业领域', text: tax.fieldName(demand.field) },
    { label: '学历要求', text: tax.degreeName(demand.degree) },
    { label: '招聘人数', text: `${demand.headcount} 人` },
    { label: '工作地点', text: demand.place },
    { label: '月薪', text: salaryText(demand) },
    { label: '截止日期', text: dayText(demand.deadline) },
  ]

  const renderAction = () => {
    if (demand.myInterest) {
      return (
        <View className='demand__mine' id='demand-registered'>
          <Text className='demand__mine-title'>✓ 已登记意向</Text>
          <Text className='demand__mine-text'>
            {formatDate(demand.myInterest.at)} 登记，提供了：{demand.myInterest.share.map((f) => SHAREABLE_LABELS[f]).join('、')}
          </Text>
          {demand.status === 'open' ? (
            <Button id='demand-withdraw' className='btn btn-plain' loading={busy} disabled={busy || undefined} onClick={() => void withdraw()}>
              撤回意向
            </Button>
          ) : null}
        </View>
      )
    }
    if (!open) return <Text className='demand__closed'>{demand.status === 'closed' ? '这个岗位已关闭' : '已过截止日期，不能再登记'}</Text>
    return (
      <Button id='demand-interest' className='btn btn-primary' disabled={busy || undefined} onClick={() => void interested()}>
        我感兴趣
      </Button>
    )
  }

  return (
    <View className='page demand' id='demand-page'>
      <View className='card'>
        <Text className='demand__position'>{demand.position}</Text>
        <Text className='demand__salary'>{salaryText(demand)}</Text>
        <Text className='demand__employer'>{demand.employer}</Text>
      </View>
      <View className='card'>
        {facts.map((f) => (
          <View className='demand__fact' key={f.label}>
            <Text className='demand__fact-label'>{f.label}</Text>
            <Text className='demand__fact-text'>{f.text}</Text>
          </View>
        ))}
      </View>
      {demand.description ? (
        <View className='card'>
          <Text className='section-title'>岗位说明</Text>
          <Text className='demand__desc'>{demand.description}</Text>
        </View>
      ) : null}
      <View className='card'>
        <Text className='section-title'>联系方式</Text>
        <Text className='demand__contact' id='demand-contact'>{demand.contact}</Text>
      </View>
      <View className='demand__bar'>{renderAction()}</View>
      <InterestSheet
        open={sheet}
        employer={demand.employer}
        values={shareValues(me.member, tax)}
        busy={busy}
        onConfirm={(share) => void confirm(share)}
        onClose={() => setSheet(false)}
      />
    </View>
  )
}
