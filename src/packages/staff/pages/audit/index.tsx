import { useState } from 'react'
import dayjs from 'dayjs'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { Button, Picker, Text, View } from '@tarojs/components'
import type { AuditActor, AuditLine, Station } from '../../../../../types'
import StateView from '../../../../components/state-view'
import { listAudit, listAuditActors, listStations } from '../../../../features/station/api'
import ListFooter from '@/components/list-footer'
import { useLoad } from '@/hooks/use-load'
import { usePagedList } from '@/hooks/use-paged-list'
import StaffGate from '../../staff-gate'
import '../../staff.scss'
import './index.scss'

export default function AuditPage() {
  return <StaffGate>{() => <AuditLog />}</StaffGate>
}

interface Filters {
  actor: string
  stationId: string
  from: string
  to: string
}

const ROLE_NAMES: Record<string, string> = { staff: '团市委', station_head: '站长', student: '成员' }
const formatTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm')

/** Who did what to whose data, when: filtered by person, station and dates. */
function AuditLog() {
  const { params } = useRouter()
  const initial: Filters = { actor: '', stationId: params.stationId ?? '', from: '', to: '' }
  const [draft, setDraft] = useState<Filters>(initial)
  const [applied, setApplied] = useState<Filters>(initial)
  // Stations to choose from: the first page (50) by name, closed ones too.
  const stations = useLoad<Station[]>(async () => (await listStations({ includeClosed: true, limit: 50 })).items, 'stations')
  const options = [{ id: '', name: '全部驿站' }, ...(stations.data ?? []).map((s) => ({ id: s.id, name: s.name }))]
  const stationIndex = Math.max(0, options.findIndex((o) => o.id === draft.stationId))
  const stationName = (id: string | null) => (id ? options.find((o) => o.id === id)?.name ?? id : '')

  // Operators to choose from: those who appear in the log, by name (openids stay behind the scenes).
  const actors = useLoad<AuditActor[]>(listAuditActors, 'audit-actors')
  const actorOptions = [
    { id: '', name: '全部操作人' },
    ...(actors.data ?? []).map((a) => ({ id: a.openid, name: `${a.name}（${ROLE_NAMES[a.role] ?? a.role}）` })),
  ]
  const actorIndex = Math.max(0, actorOptions.findIndex((o) => o.id === draft.actor))

  const list = usePagedList<AuditLine>(
    (cursor) =>
      listAudit({
        actor: applied.actor || undefined,
        stationId: applied.stationId || undefined,
        from: applied.from || undefined,
        to: applied.to || undefined,
        cursor,
        limit: 30,
      }),
    JSON.stringify(applied),
  )
  usePullDownRefresh(() => {
    void list.reload(true).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })

  const set = (key: keyof Filters, value: string) => setDraft((d) => ({ ...d, [key]: value }))
  const apply = () => {
    if (draft.from && draft.to && draft.from > draft.to) {
      void Taro.showToast({ title: '开始日期不能晚于结束日期', icon: 'none' })
      return
    }
    setApplied(draft)
  }
  const reset = () => {
    const none = { actor: '', stationId: '', from: '', to: '' }
    setDraft(none)
    setApplied(none)
  }

  const renderList = () => {
    if (list.status === 'loading') return <StateView kind='loading' />
    if (list.status === 'error') return <StateView kind='error' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
    if (list.items.length === 0) return <StateView kind='empty' title='没有符合条件的记录' />
    return (
      <View>
        {list.items.map((e) => (
          <View className='audit-entry' key={e.id}>
            <View className='audit-entry__top'>
              <Text className='audit-entry__time'>{formatTime(e.at)}</Text>
              <Text className='tag tag-role'>{ROLE_NAMES[e.actorRole] ?? e.actorRole}</Text>
            </View>
            <Text className='audit-entry__summary'>{e.summary}</Text>
            <Text className='audit-entry__meta'>
              操作人 {e.actorName}
              {e.subjectName ? ` · 对象 ${e.subjectName}` : ''}
              {e.stationId ? ` · ${stationName(e.stationId)}` : ''}
            </Text>
          </View>
        ))}
        <ListFooter list={list} />
      </View>
    )
  }

  return (
    <View className='page audit'>
      <View className='card audit__filters'>
        <Picker
          mode='selector'
          range={actorOptions.map((o) => o.name)}
          value={actorIndex}
          onChange={(e) => set('actor', actorOptions[Number(e.detail.value)]?.id ?? '')}
        >
          <View className='audit__filter' id='audit-actor'>
            <Text className='audit__label'>操作人</Text>
            <Text className='audit__value'>
              {actors.status === 'loading' ? '正在读取…' : actors.status === 'error' ? '读取失败，可先按其他条件筛选' : actorOptions[actorIndex]?.name} ▾
            </Text>
          </View>
        </Picker>
        <Picker mode='selector' range={options.map((o) => o.name)} value={stationIndex} onChange={(e) => set('stationId', options[Number(e.detail.value)]?.id ?? '')}>
          <View className='audit__filter'>
            <Text className='audit__label'>驿站</Text>
            <Text className='audit__value'>{options[stationIndex]?.name ?? '全部驿站'} ▾</Text>
          </View>
        </Picker>
        <View className='audit__dates'>
          <Picker className='audit__date' mode='date' value={draft.from} onChange={(e) => set('from', String(e.detail.value))}>
            <View className='audit__filter'>
              <Text className='audit__label'>从</Text>
              <Text className='audit__value'>{draft.from || '不限'} ▾</Text>
            </View>
          </Picker>
          <Picker className='audit__date' mode='date' value={draft.to} onChange={(e) => set('to', String(e.detail.value))}>
            <View className='audit__filter'>
              <Text className='audit__label'>到</Text>
              <Text className='audit__value'>{draft.to || '不限'} ▾</Text>
            </View>
          </Picker>
        </View>
        <View className='staff-row-actions'>
          <Button className='btn btn-plain' onClick={reset}>
            清除
          </Button>
          <Button className='btn btn-primary' id='audit-apply' onClick={apply}>
            筛选
          </Button>
        </View>
      </View>
      {renderList()}
    </View>
  )
}
