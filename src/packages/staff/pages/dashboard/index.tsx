import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { DashboardOverview } from '../../../../../types'
import StateView from '@/components/state-view'
import { useLoad } from '@/hooks/use-load'
import { dashboardOverview } from '../../../../features/pipeline/api'
import DashboardView from '../../../../features/pipeline/components/dashboard-view'
import SnapshotPicker from '../../../../features/pipeline/components/snapshot-picker'
import StaffGate from '../../staff-gate'
import '../../staff.scss'

/** 人才回引看板: the whole alliance, exact figures; every number opens its members. */
export default function StaffDashboardPage() {
  return <StaffGate>{() => <Dashboard />}</StaffGate>
}

function Dashboard() {
  // '' is now; a month shows that month's frozen snapshot.
  const [month, setMonth] = useState('')
  const overview = useLoad<DashboardOverview>(() => dashboardOverview(month || undefined), `staff-dashboard-${month}`)
  usePullDownRefresh(() => {
    void overview.reload(true).finally(() => Taro.stopPullDownRefresh())
  })
  if (overview.status === 'loading' && !overview.data) return <StateView kind='loading' />
  if (!overview.data) return <StateView kind='error' description={overview.error ?? undefined} actionText='重试' onAction={() => void overview.reload()} />
  return (
    <View className='page staff'>
      <SnapshotPicker month={month} snapshots={overview.data.snapshots} onChange={setMonth} />
      <DashboardView data={overview.data} membersPage='/packages/staff/pages/figure-members/index' />
    </View>
  )
}
