import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import type { DashboardOverview } from '../../../../../types'
import StateView from '@/components/state-view'
import { useLoad } from '@/hooks/use-load'
import { dashboardOverview } from '../../../../features/pipeline/api'
import DashboardView from '../../../../features/pipeline/components/dashboard-view'
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
  const options = ['', ...overview.data.snapshots]
  return (
    <View className='page staff'>
      <Picker mode='selector' range={options.map((m) => (m ? `${m} 月度快照` : '当前数字'))} value={Math.max(0, options.indexOf(month))} onChange={(e) => setMonth(options[Number(e.detail.value)] ?? '')}>
        <View className='card staff-snapshot' id='dashboard-snapshot'>
          <Text>{month ? `${month} 月度快照` : '当前数字'} ▾</Text>
          <Text className='hint'>{overview.data.snapshots.length > 0 ? '可切换到每月冻结的快照' : '每月第一次定时任务会冻结一份快照'}</Text>
        </View>
      </Picker>
      <DashboardView data={overview.data} membersPage='/packages/staff/pages/figure-members/index' />
    </View>
  )
}
