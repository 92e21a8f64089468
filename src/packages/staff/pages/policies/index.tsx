import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { POLICY_STATUSES, type Policy, type PolicyHit } from '../../../../../types'
import StatusFilter from '@/components/status-filter'
import { useJustSaved } from '@/hooks/use-just-saved'
import ListPage from '@/components/list-page'
import { searchPolicies, setPolicyPublished } from '../../../../features/policy/api'
import PolicyCard from '../../../../features/policy/components/policy-card'
import { policyUrl, staffPolicyEditUrl, staffPolicyImportUrl } from '../../../../features/policy/urls'
import { useListPageEvents } from '@/hooks/use-list-page-events'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRowAction } from '@/hooks/use-row-action'
import StaffGate from '../../staff-gate'
import StaffSearch from '../../staff-search'
import StaffToolbar from '../../staff-toolbar'
import '../../staff.scss'

const POLICY_STATUS_NAMES: Record<Policy['status'], string> = { draft: '草稿', published: '已发布' }

export default function StaffPoliciesPage() {
  return <StaffGate>{() => <PolicyManager />}</StaffGate>
}

/** Every policy, drafts included: write, publish, take down. */
function PolicyManager() {
  const [q, setQ] = useState('')
  const [status, setStatus] = useState<Policy['status'] | ''>('')
  const list = usePagedList(
    (cursor) => searchPolicies({ q: q || undefined, manage: true, status: status || undefined, cursor, limit: 20 }),
    `${q}|${status}`,
  )
  const [created, setCreated] = useJustSaved('policy')
  // The new policy leads the list while no search or filter would hide it.
  const pinned = created && !q && (!status || status === created.status) ? created : null

  useListPageEvents(list, { reloadOnShow: true })

  const go = (url: string) => void Taro.navigateTo({ url })

  const { busyId, run } = useRowAction(() => list.reload(true))
  const togglePublished = (hit: PolicyHit) => {
    const publish = hit.status !== 'published'
    const ask = {
      title: publish ? '发布政策' : '撤回政策',
      content: publish ? `发布后同学们就能看到「${hit.title}」。` : `撤回后同学们将看不到「${hit.title}」，已收藏的也会暂时隐藏。`,
      confirmText: publish ? '发布' : '撤回',
    }
    if (created?.id === hit.id) setCreated({ ...created, status: publish ? 'published' : 'draft' })
    return run(hit.id, ask, () => setPolicyPublished(hit.id, publish), publish ? '已发布' : '已撤回')
  }

  const body = () => (
    <ListPage
      list={list}
      id='staff-policy-list'
      keyOf={(hit) => hit.id}
      pinned={pinned}
      empty={q || status ? { title: '没有找到相关政策', description: '换个关键词或状态试试' } : { title: '还没有政策', description: '点“新建政策”或批量导入' }}
      renderItem={(hit) => (
        <View className='staff-policy'>
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
              <Text>{hit.status === 'published' ? '撤回' : '发布'}</Text>
            </Button>
          </View>
        </View>
      )}
    />
  )

  return (
    <View className='page staff'>
      <StaffSearch placeholder='搜索标题、摘要或正文' onSearch={setQ} />
      <StatusFilter idPrefix='staff-policy-status' names={POLICY_STATUS_NAMES} order={POLICY_STATUSES} value={status} onChange={setStatus} />
      <StaffToolbar importUrl={staffPolicyImportUrl('policy')} create={{ id: 'policy-new', label: '新建政策', url: staffPolicyEditUrl() }} />
      {body()}
    </View>
  )
}
