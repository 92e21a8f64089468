import { useCallback, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { PolicyHit } from '../../../../../types'
import StateView from '../../../../components/state-view'
import { searchPolicies, setPolicyPublished } from '../../../../features/policy/api'
import PolicyCard from '../../../../features/policy/components/policy-card'
import { policyUrl, staffPolicyEditUrl, staffPolicyImportUrl } from '../../../../features/policy/urls'
import ListFooter from '@/components/list-footer'
import { usePagedList } from '@/hooks/use-paged-list'
import { errorMessage } from '../../../../services/api'
import StaffGate from '../../staff-gate'
import StaffSearch from '../../staff-search'
import '../../staff.scss'

export default function StaffPoliciesPage() {
  return <StaffGate>{() => <PolicyManager />}</StaffGate>
}

/** Every policy, drafts included: write, publish, take down. */
function PolicyManager() {
  const [q, setQ] = useState('')
  const [busyId, setBusyId] = useState<string | null>(null)
  const fetchPage = useCallback((cursor?: string) => searchPolicies({ q: q || undefined, manage: true, cursor, limit: 20 }), [q])
  const list = usePagedList(fetchPage, q)

  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void list.reload(true)
    shown.current = true
  })
  usePullDownRefresh(() => void list.reload(true).finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => void list.loadMore())

  const go = (url: string) => void Taro.navigateTo({ url })

  const togglePublished = async (hit: PolicyHit) => {
    if (busyId) return
    const publish = hit.status !== 'published'
    const { confirm } = await Taro.showModal({
      title: publish ? '发布政策' : '撤回政策',
      content: publish ? `发布后同学们就能看到「${hit.title}」。` : `撤回后同学们将看不到「${hit.title}」，已收藏的也会暂时隐藏。`,
      confirmText: publish ? '发布' : '撤回',
      confirmColor: '#C8161D',
    })
    if (!confirm) return
    setBusyId(hit.id)
    try {
      await setPolicyPublished(hit.id, publish)
      void Taro.showToast({ title: publish ? '已发布' : '已撤回', icon: 'success' })
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
    if (list.items.length === 0) return <StateView kind='empty' title={q ? '没有找到相关政策' : '还没有政策'} description='点“新建政策”或批量导入' />
    return (
      <View id='staff-policy-list'>
        {list.items.map((hit) => (
          <View key={hit.id} className='staff-policy'>
            <PolicyCard hit={hit} showStatus onOpen={(id) => go(policyUrl(id))} />
            <View className='staff-row-actions'>
              <Button className='btn btn-ghost' id={`edit-${hit.id}`} onClick={() => go(staffPolicyEditUrl(hit.id))}>
                编辑
              </Button>
              <Button
                className={`btn ${hit.status === 'published' ? 'btn-plain' : 'btn-primary'}`}
                id={`publish-${hit.id}`}
                loading={busyId === hit.id}
                disabled={busyId !== null || undefined}
                onClick={() => void togglePublished(hit)}
              >
                {hit.status === 'published' ? '撤回' : '发布'}
              </Button>
            </View>
          </View>
        ))}
        <ListFooter list={list} />
      </View>
    )
  }

  return (
    <View className='page staff'>
      <StaffSearch placeholder='搜索标题、摘要或正文' onSearch={setQ} />
      <View className='staff-toolbar'>
        <Text className='staff-toolbar__toggle' onClick={() => go(staffPolicyImportUrl('policy'))}>
          批量导入 ›
        </Text>
        <Button className='btn btn-primary' id='policy-new' onClick={() => go(staffPolicyEditUrl())}>
          新建政策
        </Button>
      </View>
      {body()}
    </View>
  )
}
