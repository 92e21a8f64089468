import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Switch, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import { a11yProps } from '@/utils/a11y-props'
import type { ActivityTypeId } from '../../../types'
import StateView from '../../components/state-view'
import DemoBanner from '../../features/demo/components/demo-banner'
import { listActivities } from '../../features/activity/api'
import ActivityCard from '../../features/activity/components/activity-card'
import FilterChips from '../../features/activity/components/filter-chips'
import ListFooter from '@/components/list-footer'
import { useActivityTaxonomy } from '../../features/activity/hooks/use-activity-taxonomy'
import { usePagedList } from '@/hooks/use-paged-list'
import { useIdentityKey, useMe } from '@/hooks/use-me'
import { takeTabIntent } from '@/services/tab-intent'
import '../../features/activity/activity.scss'
import './index.scss'

type PhaseFilter = 'all' | 'open' | 'upcoming' | 'ended'
const PHASES: { id: PhaseFilter; name: string }[] = [
  { id: 'all', name: '全部' },
  { id: 'open', name: '报名中' },
  { id: 'upcoming', name: '即将开始' },
  { id: 'ended', name: '已结束' },
]

export default function ActivitiesPage() {
  const me = useMe()
  const { activityTypes } = useActivityTaxonomy()
  const [type, setType] = useState('all')
  const [phase, setPhase] = useState<PhaseFilter>('all')
  const [eligibleOnly, setEligibleOnly] = useState(false)
  const mineOnly = eligibleOnly && Boolean(me.member)
  const identity = useIdentityKey(me)

  const list = usePagedList(
    (cursor) =>
      listActivities({
        cursor,
        limit: 10,
        type: type === 'all' ? undefined : (type as ActivityTypeId),
        phase: phase === 'all' ? undefined : phase,
        eligibleOnly: mineOnly || undefined,
      }),
    `${type}|${phase}|${mineOnly}|${identity}`,
  )

  // Opened from a 首页 card: show that kind of activity.
  useDidShow(() => {
    const wanted = takeTabIntent('activities')
    if (wanted) {
      setType(wanted)
      setPhase('all')
    }
  })

  usePullDownRefresh(() => {
    void list.reload(true).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => list.loadMore())

  const open = (id: string) => void Taro.navigateTo({ url: `/pages/activity/index?id=${id}` })

  const renderList = () => {
    if (list.status === 'loading') return <StateView kind='loading' title='正在加载活动…' />
    if (list.status === 'error') return <StateView kind='error' title='活动没加载出来' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
    if (list.items.length === 0) {
      return (
        <StateView
          kind='empty'
          title={mineOnly ? '暂时没有你能报名的活动' : '这里还没有活动'}
          description={mineOnly ? '关掉“只看我能报名的”看看全部活动' : '换个筛选条件看看，新活动发布后会出现在这里'}
        />
      )
    }
    return (
      <View id='activity-list'>
        {list.items.map((a) => (
          <ActivityCard key={a.id} activity={a} onClick={() => open(a.id)} />
        ))}
        <ListFooter list={list} />
      </View>
    )
  }

  return (
    <View className='page activities'>
      <DemoBanner />
      <FilterChips idPrefix='type' options={[{ id: 'all', name: '全部类型' }, ...activityTypes]} value={type} onChange={setType} />
      <View className='seg' {...a11yProps('tablist', { label: '活动阶段' })}>
        {PHASES.map((p) => (
          <Pressable role='tab' selected={phase === p.id} key={p.id} id={`phase-${p.id}`} className={`seg__item${phase === p.id ? ' seg__item--on' : ''}`} onPress={() => setPhase(p.id)}>
            <Text>{p.name}</Text>
          </Pressable>
        ))}
      </View>
      {me.member ? (
        <View className='activities__eligible'>
          <Text>只看我能报名的</Text>
          <Switch id='eligible-only' nativeProps={{ 'aria-label': '只看我能报名的' }} checked={eligibleOnly} color='#C8161D' onChange={(e) => setEligibleOnly(e.detail.value)} />
        </View>
      ) : null}
      {renderList()}
    </View>
  )
}
