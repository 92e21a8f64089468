import { useCallback, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { Demand } from '../../../../../types'
import StateView from '../../../../components/state-view'
import { closeDemand, listDemands } from '../../../../features/policy/api'
import DemandCard from '../../../../features/policy/components/demand-card'
import { staffDemandEditUrl, staffDemandInterestsUrl, staffPolicyImportUrl } from '../../../../features/policy/urls'
import ListFooter from '@/components/list-footer'
import { usePagedList } from '@/hooks/use-paged-list'
import { errorMessage } from '../../../../services/api'
import StaffGate from '../../staff-gate'
import StaffSearch from '../../staff-search'
import '../../staff.scss'

export default function StaffDemandsPage() {
  return <StaffGate>{() => <DemandManager />}</StaffGate>
}

/** Every demand, closed ones included: publish, edit, close, and who is interested. */
function DemandManager() {
  const [q, setQ] = useState('')
  const [busyId, setBusyId] = useState<string | null>(null)
  const fetchPage = useCallback((cursor?: string) => listDemands({ q: q || undefined, manage: true, cursor, limit: 20 }), [q])
  const list = usePagedList(fetchPage, q)

  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void list.reload(true)
    shown.current = true
  })
  usePullDownRefresh(() => void list.reload(true).finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => void list.loadMore())

  const go = (url: string) => void Taro.navigateTo({ url })

  const close = async (d: Demand) => {
    if (busyId) return
    const { confirm } = await Taro.showModal({
      title: '关闭岗位',
      content: `关闭后同学们将看不到「${d.employer} · ${d.position}」，也不能再登记意向；已登记的名单仍可查看和导出。`,
      confirmText: '关闭岗位',
      confirmColor: '#C8161D',
    })
    if (!confirm) return
    setBusyId(d.id)
    try {
      await closeDemand(d.id)
      void Taro.showToast({ title: '已关闭', icon: 'success' })
      await list.reload(true)
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusyId(null)
    }
  }

  const body = () => {
    if (list.status === 'loading') return <StateView kind='loading' />
    if (list.status === 'error') return <StateView kind='error' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
    if (list.items.length === 0) return <StateView kind='empty' title={q ? '没有找到相关岗位' : '还没有岗位需求'} description='点“发布岗位”或批量导入' />
    return (
      <View id='staff-demand-list'>
        {list.items.map((d) => (
          <View key={d.id}>
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
        ))}
        <ListFooter list={list} />
      </View>
    )
  }

  return (
    <View className='page staff'>
      <StaffSearch placeholder='搜索单位或岗位' onSearch={setQ} />
      <View className='staff-toolbar'>
        <Text className='staff-toolbar__toggle' onClick={() => go(staffPolicyImportUrl('demand'))}>
          批量导入 ›
        </Text>
        <Button className='btn btn-primary' id='demand-new' onClick={() => go(staffDemandEditUrl())}>
          发布岗位
        </Button>
      </View>
      {body()}
    </View>
  )
}
