import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import type { Demand } from '../../../../../types'
import ListPage from '@/components/list-page'
import { closeDemand, listDemands } from '../../../../features/policy/api'
import DemandCard from '../../../../features/policy/components/demand-card'
import { staffDemandEditUrl, staffDemandInterestsUrl, staffPolicyImportUrl } from '../../../../features/policy/urls'
import { useListPageEvents } from '@/hooks/use-list-page-events'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRowAction } from '@/hooks/use-row-action'
import StaffGate from '../../staff-gate'
import StaffSearch from '../../staff-search'
import StaffToolbar from '../../staff-toolbar'
import '../../staff.scss'

export default function StaffDemandsPage() {
  return <StaffGate>{() => <DemandManager />}</StaffGate>
}

/** Every demand, closed ones included: publish, edit, close, and who is interested. */
function DemandManager() {
  const [q, setQ] = useState('')
  const list = usePagedList((cursor) => listDemands({ q: q || undefined, manage: true, cursor, limit: 20 }), q)

  useListPageEvents(list, { reloadOnShow: true })

  const go = (url: string) => void Taro.navigateTo({ url })

  const { busyId, run } = useRowAction(() => list.reload(true))
  const close = (d: Demand) =>
    run(
      d.id,
      {
        title: '关闭岗位',
        content: `关闭后同学们将看不到「${d.employer} · ${d.position}」，也不能再登记意向；已登记的名单仍可查看和导出。`,
        confirmText: '关闭岗位',
      },
      () => closeDemand(d.id),
      '已关闭',
    )

  const body = () => (
    <ListPage
      list={list}
      id='staff-demand-list'
      keyOf={(d) => d.id}
      empty={{ title: q ? '没有找到相关岗位' : '还没有岗位需求', description: '点“发布岗位”或批量导入' }}
      renderItem={(d) => (
        <View>
          <DemandCard demand={d} showInterest onOpen={(id) => go(staffDemandInterestsUrl(id))} />
          <View className='staff-row-actions'>
            <Button className='btn btn-ghost' id={`interests-${d.id}`} onClick={() => go(staffDemandInterestsUrl(d.id))}>
              意向名单（{d.interestCount}）
            </Button>
            {d.status === 'open' ? (
              <>
                <Button className='btn btn-ghost' id={`edit-${d.id}`} onClick={() => go(staffDemandEditUrl(d.id))}>
                  编辑
                </Button>
                <Button className='btn btn-plain' id={`close-${d.id}`} loading={busyId === d.id} disabled={busyId !== null || undefined} onClick={() => void close(d)}>
                  关闭
                </Button>
              </>
            ) : null}
          </View>
        </View>
      )}
    />
  )

  return (
    <View className='page staff'>
      <StaffSearch placeholder='搜索单位或岗位' onSearch={setQ} />
      <StaffToolbar importUrl={staffPolicyImportUrl('demand')} create={{ id: 'demand-new', label: '发布岗位', url: staffDemandEditUrl() }} />
      {body()}
    </View>
  )
}
