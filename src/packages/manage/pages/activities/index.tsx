import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import { ACTIVITY_STATUSES, type Activity, type ActivityStatus } from '../../../../../types'
import StateView from '../../../../components/state-view'
import { cancelActivity, closeActivitySignUp, copyActivity, listActivities, publishActivity } from '../../../../features/activity/api'
import ActivityCard from '../../../../features/activity/components/activity-card'
import ListFooter from '@/components/list-footer'
import SearchBar from '@/components/search-bar'
import { useJustSaved } from '@/hooks/use-just-saved'
import StatusFilter from '@/components/status-filter'
import { usePagedList } from '@/hooks/use-paged-list'
import { ACTIVITY_STATUS_NAMES } from '../../../../features/activity/labels'
import { useMe } from '@/hooks/use-me'
import { errorMessage } from '../../../../services/api'
import '../../../../features/activity/activity.scss'
import './index.scss'

const STATUS_TONES = { draft: 'draft', published: 'ok', closed: 'wait', cancelled: 'off' } as const
/** Short names for the filter row (the badge on each card keeps the full status name). */
const STATUS_FILTER_NAMES: Record<ActivityStatus, string> = { draft: '草稿', published: '已发布', closed: '已截止', cancelled: '已取消' }

/** Staff see every activity, a head their station's: drafts to cancelled, with what can be done next. */
export default function ManageActivitiesPage() {
  const me = useMe()
  const allowed = me.member?.role === 'staff' || me.member?.role === 'station_head'
  const [q, setQ] = useState('')
  const [status, setStatus] = useState<ActivityStatus | ''>('')
  const list = usePagedList(
    allowed ? (cursor) => listActivities({ manage: true, q: q || undefined, status: status || undefined, cursor, limit: 10 }) : null,
    `${me.member?.openid ?? ''}|${q}|${status}`,
  )
  const [busy, setBusy] = useState<string | null>(null)
  const [cancelling, setCancelling] = useState<{ activity: Activity; reason: string } | null>(null)
  // A draft just created on the edit page: on top at once, wherever its date sorts it.
  const [pinned, setPinned] = useJustSaved('activity')

  useDidShow(() => {
    if (list.status === 'ready') void list.reload(true)
  })
  usePullDownRefresh(() => {
    void list.reload(true).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => list.loadMore())

  const act = async (key: string, work: () => Promise<Activity>, done: string) => {
    if (busy) return
    setBusy(key)
    try {
      const next = await work()
      list.update((a) => a.id === next.id, next)
      if (pinned?.id === next.id) setPinned(next)
      void Taro.showToast({ title: done, icon: 'success' })
      return next
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 2500 })
      return null
    } finally {
      setBusy(null)
    }
  }

  const publish = async (a: Activity) => {
    const { confirm } = await Taro.showModal({ title: '发布活动', content: `发布后学生就能看到「${a.title}」并报名。`, confirmText: '发布', confirmColor: '#C8161D' })
    if (confirm) await act(`publish-${a.id}`, () => publishActivity(a.id), '已发布')
  }
  const close = async (a: Activity) => {
    const { confirm } = await Taro.showModal({ title: '截止报名', content: '截止后不能再报名，也不能在线取消报名。', confirmText: '截止报名', confirmColor: '#C8161D' })
    if (confirm) await act(`close-${a.id}`, () => closeActivitySignUp(a.id), '已截止报名')
  }
  const copy = async (a: Activity) => {
    if (busy) return
    setBusy(`copy-${a.id}`)
    try {
      const created = await copyActivity(a.id)
      void Taro.showToast({ title: '已复制为草稿', icon: 'success' })
      void list.reload(true)
      void Taro.navigateTo({ url: `/packages/manage/pages/activity-edit/index?id=${created.id}` })
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(null)
    }
  }
  const confirmCancel = async () => {
    if (!cancelling) return
    const reason = cancelling.reason.trim()
    if (!reason) {
      void Taro.showToast({ title: '请写明取消原因，报名的同学会收到', icon: 'none' })
      return
    }
    const done = await act(`cancel-${cancelling.activity.id}`, () => cancelActivity(cancelling.activity.id, reason), '已取消活动')
    if (done) setCancelling(null)
  }

  const go = (url: string) => void Taro.navigateTo({ url })

  if (me.loading) return <StateView kind='loading' />
  if (!allowed) return <StateView kind='empty' title='只有团市委工作人员和站长可以管理活动' />

  // The pinned draft leads the list only while no search or filter would hide it.
  const pinVisible = pinned !== null && !q && (!status || status === pinned.status)

  const renderItem = (a: Activity, fresh: boolean) => (
    <ActivityCard key={a.id} activity={a} onClick={() => go(`/pages/activity/index?id=${a.id}`)}>
      <View className='manage-item'>
        {fresh ? <Text className='manage-item__fresh' id={`manage-fresh-${a.id}`}>刚保存的草稿</Text> : null}
        <View className='manage-item__status'>
          <Text className={`badge badge--${STATUS_TONES[a.status]}`}>{ACTIVITY_STATUS_NAMES[a.status]}</Text>
          <Text className='hint'>
            报名 {a.registeredCount}/{a.capacity}
            {a.waitlistCount ? ` · 候补 ${a.waitlistCount}` : ''}
          </Text>
        </View>
        <View className='manage-item__actions'>
          {a.status !== 'cancelled' ? (
            <Pressable inline role='link' className='manage-action' id={`manage-edit-${a.id}`} onPress={() => go(`/packages/manage/pages/activity-edit/index?id=${a.id}`)}>
              编辑
            </Pressable>
          ) : null}
          {a.status === 'draft' ? (
            <Pressable inline className='manage-action manage-action--primary' id={`manage-publish-${a.id}`} onPress={() => void publish(a)}>
              {busy === `publish-${a.id}` ? '发布中…' : '发布'}
            </Pressable>
          ) : null}
          {a.status === 'published' ? (
            <Pressable inline className='manage-action' id={`manage-close-${a.id}`} onPress={() => void close(a)}>
              截止报名
            </Pressable>
          ) : null}
          {a.status !== 'draft' ? (
            <Pressable inline role='link' className='manage-action' id={`manage-registrations-${a.id}`} onPress={() => go(`/packages/manage/pages/registrations/index?activityId=${a.id}`)}>
              报名名单
            </Pressable>
          ) : null}
          {a.status === 'published' || a.status === 'closed' ? (
            <Pressable inline role='link' className='manage-action' id={`manage-check-in-${a.id}`} onPress={() => go(`/packages/manage/pages/check-in-screen/index?activityId=${a.id}`)}>
              签到屏
            </Pressable>
          ) : null}
          <Pressable inline className='manage-action' id={`manage-copy-${a.id}`} onPress={() => void copy(a)}>
            复制
          </Pressable>
          {a.status !== 'cancelled' && Date.parse(a.endAt) > Date.now() ? (
            <Pressable inline className='manage-action manage-action--danger' id={`manage-cancel-${a.id}`} onPress={() => setCancelling({ activity: a, reason: '' })}>
              取消
            </Pressable>
          ) : null}
        </View>
      </View>
    </ActivityCard>
  )

  const renderList = () => {
    if (list.status === 'loading') return <StateView kind='loading' title='正在加载活动…' />
    if (list.status === 'error') return <StateView kind='error' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
    if (list.items.length === 0 && !pinVisible) {
      return q || status ? (
        <StateView kind='empty' title='没有符合条件的活动' description='换个关键词或状态试试' />
      ) : (
        <StateView kind='empty' title='还没有活动' description='点“新建活动”发布第一个' />
      )
    }
    return (
      <View id='manage-list'>
        {pinVisible && pinned ? renderItem(pinned, true) : null}
        {list.items.filter((a) => !pinVisible || a.id !== pinned?.id).map((a) => renderItem(a, false))}
        <ListFooter list={list} />
      </View>
    )
  }

  return (
    <View className='page manage-activities'>
      <Button id='manage-new' className='btn btn-primary manage-new' onClick={() => go('/packages/manage/pages/activity-edit/index')}>
        + 新建活动
      </Button>
      {me.member?.role === 'station_head' ? <Text className='hint manage-scope'>你是站长：这里是本驿站的活动，只有本驿站成员能报名</Text> : null}
      <SearchBar id='manage-search' placeholder='搜索活动标题或地点' onSearch={setQ} />
      <StatusFilter idPrefix='manage-status' names={STATUS_FILTER_NAMES} order={ACTIVITY_STATUSES} value={status} onChange={setStatus} />
      {renderList()}

      {cancelling ? (
        <View className='manage-sheet-mask' onClick={() => setCancelling(null)}>
          <View className='manage-sheet' id='cancel-sheet' onClick={(e) => e.stopPropagation()}>
            <Text className='section-title'>取消「{cancelling.activity.title}」</Text>
            <Text className='hint'>已报名和候补的同学会收到这条原因</Text>
            <Textarea
              id='cancel-reason'
              className='manage-sheet__reason'
              value={cancelling.reason}
              maxlength={200}
              placeholder='例如：因天气原因，活动延期举办'
              onInput={(e) => setCancelling({ ...cancelling, reason: e.detail.value })}
            />
            <Button id='cancel-confirm' className='btn btn-primary' loading={busy !== null} disabled={busy !== null} onClick={confirmCancel}>
              确认取消活动
            </Button>
            <Button className='btn btn-plain' onClick={() => setCancelling(null)}>
              不取消了
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  )
}
