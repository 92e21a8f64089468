import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Switch, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { Station, StationSummary } from '../../../../../types'
import StateView from '../../../../components/state-view'
import { listStations } from '../../../../features/station/api'
import ListFooter from '@/components/list-footer'
import StationCard from '../../../../features/station/components/station-card'
import { usePagedList } from '@/hooks/use-paged-list'
import { staffStationEditUrl } from '../../../../features/station/urls'
import StaffGate from '../../staff-gate'
import StaffSearch from '../../staff-search'
import '../../staff.scss'

const pendingOf = (s: Station | StationSummary) => ('pendingCount' in s ? s.pendingCount : 0)

/** Every station (closed ones on request) with members, pending requests and the head. */
export default function StaffStationsPage() {
  return <StaffGate>{() => <StationsAdmin />}</StaffGate>
}

function StationsAdmin() {
  const [q, setQ] = useState('')
  const [includeClosed, setIncludeClosed] = useState(false)
  const list = usePagedList<Station | StationSummary>(
    (cursor) => listStations({ q: q || undefined, includeClosed, cursor, limit: 20 }),
    `${q}|${includeClosed}`,
  )
  const [shown, setShown] = useState(false)

  useDidShow(() => {
    // Back from editing: show the change without a spinner.
    if (shown) void list.reload(true)
    setShown(true)
  })
  usePullDownRefresh(() => {
    void list.reload(true).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })

  const renderList = () => {
    if (list.status === 'loading') return <StateView kind='loading' />
    if (list.status === 'error') return <StateView kind='error' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
    if (list.items.length === 0) {
      return <StateView kind='empty' title={q ? `没有找到“${q}”相关的驿站` : '还没有驿站'} description='可以新建，或从表格批量导入' />
    }
    return (
      <View>
        {list.items.map((s) => (
          <StationCard key={s.id} station={s} pendingCount={pendingOf(s)} onOpen={() => void Taro.navigateTo({ url: staffStationEditUrl(s.id) })} />
        ))}
        <ListFooter list={list} />
      </View>
    )
  }

  return (
    <View className='page staff-stations'>
      <StaffSearch id='staff-station-search' placeholder='搜索学校、城市或驿站名' onSearch={setQ} />
      <View className='staff-toolbar'>
        <View className='staff-toolbar__toggle' id='staff-include-closed'>
          <Switch checked={includeClosed} nativeProps={{ 'aria-label': '显示已关闭的驿站' }} color='#C8161D' onChange={(e) => setIncludeClosed(e.detail.value)} />
          <Pressable inline onPress={() => setIncludeClosed((v) => !v)}>显示已关闭</Pressable>
        </View>
        <Button id='staff-station-new' className='btn btn-primary' onClick={() => void Taro.navigateTo({ url: staffStationEditUrl() })}>
          新建驿站
        </Button>
      </View>
      {renderList()}
    </View>
  )
}
