import { useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { JoinRequestForReview } from '../../../../../types'
import StateView from '../../../../components/state-view'
import { useTaxonomy } from '@/hooks/use-taxonomy'
import { pendingRequests, reviewRequest } from '../../../../features/station/api'
import ListFooter from '@/components/list-footer'
import NoPermission from '../../../../features/station/components/no-permission'
import ReasonSheet from '../../../../features/station/components/reason-sheet'
import { useManagedStation } from '../../../../features/station/hooks/use-managed-station'
import { usePagedList } from '@/hooks/use-paged-list'
import { ApiCallError, errorMessage } from '../../../../services/api'
import { formatDate } from '../../../../utils/format'
import '../../head.scss'

/** Pending join requests: approve, or reject with a reason the student will read. */
export default function HeadRequestsPage() {
  const { stationId, ready } = useManagedStation()
  const { countyName, degreeName } = useTaxonomy()
  const list = usePagedList<JoinRequestForReview>(
    ready && stationId ? (cursor) => pendingRequests(stationId, cursor) : null,
    stationId ?? '',
  )
  const [inFlight, setInFlight] = useState<string | null>(null)
  const [rejecting, setRejecting] = useState<JoinRequestForReview | null>(null)

  usePullDownRefresh(() => {
    void list.reload(true).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })

  const decide = async (request: JoinRequestForReview, decision: 'approve' | 'reject', reason?: string) => {
    if (inFlight) return
    setInFlight(request.id)
    try {
      await reviewRequest(request.id, decision, reason)
      setRejecting(null)
      list.remove((r) => r.id === request.id)
      void Taro.showToast({ title: decision === 'approve' ? `已通过${request.name}` : '已拒绝', icon: 'success' })
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
      // Someone else may have decided it first: show what is still pending.
      if (error instanceof ApiCallError && error.code === 'CONFLICT') setRejecting(null)
    } finally {
      setInFlight(null)
      void list.reload(true)
    }
  }

  if (!ready || (stationId && list.status === 'loading')) {
    return (
      <View className='page'>
        <StateView kind='loading' />
      </View>
    )
  }
  if (!stationId || list.errorCode === 'FORBIDDEN') {
    return (
      <View className='page' id='head-forbidden'>
        <NoPermission />
      </View>
    )
  }
  if (list.status === 'error' && list.items.length === 0) {
    return (
      <View className='page'>
        <StateView kind='error' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
      </View>
    )
  }

  return (
    <View className='page head-requests' id='head-requests-page'>
      {list.items.length === 0 ? (
        <StateView kind='empty' title='没有待审核的申请' description='同学申请加入本站后会出现在这里' />
      ) : (
        <View>
          <Text className='hint head-list-hint'>通过后同学立即成为本站成员；拒绝时请写明理由，同学会看到。</Text>
          {list.items.map((r) => (
            <View className='person' key={r.id} id={`request-${r.openid}`}>
              <View className='person__top'>
                <Text className='person__name'>{r.name}</Text>
                <Text className='person__phone'>{r.phoneMasked}</Text>
              </View>
              <Text className='person__line'>
                {r.university} · {r.major} · {degreeName(r.degree)}
              </Text>
              <Text className='person__line'>
                {r.graduationYear}年毕业 · 驻马店{countyName(r.hometownCounty)} · {formatDate(r.createdAt)}申请
              </Text>
              {r.note ? <Text className='person__note'>留言：{r.note}</Text> : null}
              <View className='person__actions'>
                <Button className='btn btn-ghost request-reject' disabled={inFlight !== null || undefined} onClick={() => setRejecting(r)}>
                  拒绝
                </Button>
                <Button
                  className='btn btn-primary request-approve'
                  loading={inFlight === r.id && !rejecting}
                  disabled={inFlight !== null || undefined}
                  onClick={() => void decide(r, 'approve')}
                >
                  通过
                </Button>
              </View>
            </View>
          ))}
          <ListFooter list={list} />
        </View>
      )}
      <ReasonSheet
        open={rejecting !== null}
        title={`拒绝${rejecting?.name ?? ''}的申请`}
        description='理由会展示给这位同学，请友善、具体'
        placeholder='例如：本站只接收本校在读同学'
        confirmText='确认拒绝'
        required
        busy={inFlight !== null}
        onCancel={() => setRejecting(null)}
        onConfirm={(reason) => rejecting && void decide(rejecting, 'reject', reason)}
      />
    </View>
  )
}
