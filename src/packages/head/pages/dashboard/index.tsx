import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { DashboardOverview } from '../../../../../types'
import StateView from '@/components/state-view'
import { useLoad } from '@/hooks/use-load'
import { dashboardOverview } from '../../../../features/pipeline/api'
import DashboardView from '../../../../features/pipeline/components/dashboard-view'
import SnapshotPicker from '../../../../features/pipeline/components/snapshot-picker'
import NoPermission from '../../../../features/station/components/no-permission'
import '../../head.scss'

/** The head's dashboard: their own station only, small cells hidden (the api decides the scope); now or a month's snapshot. */
export default function HeadDashboardPage() {
  // '' is now; a month shows the station's frozen snapshot of it.
  const [month, setMonth] = useState('')
  const overview = useLoad<DashboardOverview>(() => dashboardOverview(month || undefined), `head-dashboard-${month}`)
  usePullDownRefresh(() => {
    void overview.reload(true).finally(() => Taro.stopPullDownRefresh())
  })
  if (overview.status === 'loading' && !overview.data) return <StateView kind='loading' />
  if (overview.errorCode === 'FORBIDDEN') {
    return (
      <View className='page' id='head-forbidden'>
        <NoPermission />
      </View>
    )
  }
  if (!overview.data) return <StateView kind='error' description={overview.error ?? undefined} actionText='重试' onAction={() => void overview.reload()} />
  return (
    <View className='page head'>
      <SnapshotPicker month={month} snapshots={overview.data.snapshots} onChange={setMonth} />
      <DashboardView data={overview.data} membersPage='/packages/head/pages/figure-members/index' />
    </View>
  )
}
