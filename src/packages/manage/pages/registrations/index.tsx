import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { ActivityView, RegistrationLine, RegistrationStatus } from '../../../../../types'
import StateView from '../../../../components/state-view'
import { answerText } from '../../../../features/activity/answers'
import { exportRegistrations, getActivity, listRegistrations, markAttendance } from '../../../../features/activity/api'
import ListFooter from '@/components/list-footer'
import { usePagedList } from '@/hooks/use-paged-list'
import { formatTime, registrationBadge, REGISTRATION_TONES } from '../../../../features/activity/labels'
import { openSpreadsheet } from '@/services/files'
import { useTaxonomy } from '@/hooks/use-taxonomy'
import { errorMessage } from '../../../../services/api'
import PublicRegistrations from '../../../../features/platform/components/public-registrations'
import '../../../../features/activity/activity.scss'
import './index.scss'

type Filter = 'all' | RegistrationStatus
const FILTERS: { id: Filter; name: string }[] = [
  { id: 'all', name: '全部' },
  { id: 'registered', name: '报名成功' },
  { id: 'waitlisted', name: '候补' },
  { id: 'checked_in', name: '已签到' },
  { id: 'absent', name: '缺席' },
  { id: 'cancelled', name: '已取消' },
]

type Move = 'registered' | 'waitlisted' | 'checked_in' | 'absent'
const MOVES: Record<RegistrationStatus, { to: Move; text: string }[]> = {
  registered: [
    { to: 'checked_in', text: '标记已签到' },
    { to: 'absent', text: '标记缺席' },
    { to: 'waitlisted', text: '转为候补' },
  ],
  waitlisted: [{ to: 'registered', text: '转为报名成功' }],
  checked_in: [
    { to: 'absent', text: '改为缺席' },
    { to: 'registered', text: '撤销签到' },
  ],
  absent: [{ to: 'checked_in', text: '改为已签到' }],
  cancelled: [],
}

export default function RegistrationsPage() {
  const { params } = useRouter()
  const activityId = params.activityId ?? ''
  const taxonomy = useTaxonomy()
  const [activity, setActivity] = useState<ActivityView | null>(null)
  const [filter, setFilter] = useState<Filter>('all')
  const [typed, setTyped] = useState('')
  const [q, setQ] = useState('')
  const [busy, setBusy] = useState<string | null>(null)

  const refreshActivity = () => {
    getActivity(activityId)
      .then(setActivity)
      .catch(() => undefined)
  }
  useEffect(refreshActivity, [activityId])
  // Search as the person pauses typing, not on every key.
  useEffect(() => {
    const t = setTimeout(() => setQ(typed.trim()), 400)
    return () => clearTimeout(t)
  }, [typed])

  const list = usePagedList(
    (cursor) => listRegistrations({ activityId, cursor, limit: 20, status: filter === 'all' ? undefined : filter, q: q || undefined }),
    `${activityId}|${filter}|${q}`,
  )
  usePullDownRefresh(() => {
    refreshActivity()
    void list.reload(true).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => list.loadMore())

  const move = async (line: RegistrationLine, to: Move, text: string) => {
    if (busy) return
    const { confirm } = await Taro.showModal({ title: text, content: `确定把 ${line.name} ${text}吗？`, confirmColor: '#C8161D' })
    if (!confirm) return
    setBusy(line.id)
    try {
      await markAttendance({ activityId, openid: line.openid, status: to })
      void Taro.showToast({ title: '已更新', icon: 'success' })
      refreshActivity()
      await list.reload(true)
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 2500 })
    } finally {
      setBusy(null)
    }
  }

  const exportList = async () => {
    if (busy) return
    setBusy('export')
    try {
      const file = await exportRegistrations({ activityId, status: filter === 'all' ? undefined : filter })
      await openSpreadsheet(file)
      void Taro.showToast({ title: `已导出 ${file.rows} 人`, icon: 'none' })
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  if (!activityId) return <StateView kind='empty' title='请从活动管理进入名单' />

  const renderList = () => {
    if (list.status === 'loading') return <StateView kind='loading' title='正在加载名单…' />
    if (list.status === 'error') return <StateView kind='error' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
    if (list.items.length === 0) return <StateView kind='empty' title={q ? '没有找到匹配的同学' : '还没有人报名'} />
    return (
      <View id='registration-list'>
        {list.items.map((line) => (
          <View className='card reg' key={line.id} id={`reg-${line.openid}`}>
            <View className='reg__top'>
              <Text className='reg__name'>{line.name}</Text>
              <Text className={`badge badge--${REGISTRATION_TONES[line.status]}`}>{registrationBadge(line)}</Text>
            </View>
            <Text className='hint reg__line'>
              {line.phoneMasked} · {line.university} · {taxonomy.degreeName(line.degree)} · {taxonomy.countyName(line.hometownCounty)}
            </Text>
            <Text className='hint reg__line'>报名于 {formatTime(line.createdAt)}{line.checkedInAt ? ` · 签到于 ${formatTime(line.checkedInAt)}` : ''}</Text>
            {activity?.form.map((f) =>
              line.answers[f.id] !== undefined ? (
                <View className='kv' key={f.id}>
                  <Text className='kv__k'>{f.label}</Text>
                  <Text className='kv__v'>{answerText(line.answers[f.id])}</Text>
                </View>
              ) : null,
            )}
            {MOVES[line.status].length ? (
              <View className='reg__actions'>
                {MOVES[line.status].map((m) => (
                  <Pressable inline key={m.to} className='reg__action' id={`reg-${line.openid}-${m.to}`} onPress={() => void move(line, m.to, m.text)}>
                    {busy === line.id ? '…' : m.text}
                  </Pressable>
                ))}
              </View>
            ) : null}
          </View>
        ))}
        <ListFooter list={list} />
      </View>
    )
  }

  return (
    <View className='page registrations'>
      {activity ? (
        <View className='card'>
          <Text className='reg-title'>{activity.title}</Text>
          <Text className='hint' id='registration-counts'>
            报名成功 {activity.registeredCount}/{activity.capacity} · 候补 {activity.waitlistCount}
          </Text>
        </View>
      ) : null}
      {activity && (activity.openToPublic || activity.publicCount > 0) ? <PublicRegistrations activityId={activity.id} /> : null}
      <View className='reg-filters'>
        {FILTERS.map((f) => (
          <Pressable inline key={f.id} id={`reg-filter-${f.id}`} className={`reg-filter${filter === f.id ? ' reg-filter--on' : ''}`} onPress={() => setFilter(f.id)}>
            {f.name}
          </Pressable>
        ))}
      </View>
      <Input
        id='reg-search'
        className='reg-search'
        value={typed}
        maxlength={40}
        placeholder='搜索姓名或学校'
        placeholderClass='reg-search__placeholder'
        confirmType='search'
        onInput={(e) => setTyped(e.detail.value)}
      />
      <Button id='export-registrations' className='btn btn-ghost reg-export' loading={busy === 'export'} disabled={busy !== null} onClick={exportList}>
        <Text>{busy === 'export' ? '正在导出…' : `导出名单（${filter === 'all' ? '全部' : FILTERS.find((f) => f.id === filter)?.name}）`}</Text>
      </Button>
      {renderList()}
    </View>
  )
}
