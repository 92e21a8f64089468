import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import StateView from '../../components/state-view'
import ListFooter from '@/components/list-footer'
import { usePagedList } from '@/hooks/use-paged-list'
import { formatTime } from '../../features/activity/labels'
import { useActivityTaxonomy } from '../../features/activity/hooks/use-activity-taxonomy'
import { useMe } from '@/hooks/use-me'
import { fetchInbox, readAllNotices } from '../../features/notice/api'
import { noticeTemplateOf, subscribeToNotices } from '../../features/notice/subscribe'
import { adjustUnread, refreshUnread, useUnreadCount } from '../../features/notice/unread'
import { errorMessage } from '../../services/api'
import '../../features/activity/activity.scss'
import './index.scss'

type Busy = 'readAll' | 'subscribe' | null

/** 通知公告 (the inbox): notices sent to me, newest first; open one to read it, or mark them all read. */
export default function InboxPage() {
  const me = useMe()
  const unread = useUnreadCount()
  const template = noticeTemplateOf(useActivityTaxonomy().subscribeTemplates)
  const list = usePagedList(me.member ? fetchInbox : null, me.member?.openid ?? '')
  const [busy, setBusy] = useState<Busy>(null)

  // Back from a notice: its dot is gone, and others may have arrived.
  useDidShow(() => {
    if (list.status === 'ready') void list.reload(true)
    void refreshUnread()
  })
  usePullDownRefresh(() => {
    void Promise.all([list.reload(true), refreshUnread(true)]).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => list.loadMore())

  const readAll = async () => {
    if (busy) return
    setBusy('readAll')
    try {
      await readAllNotices()
      for (const n of list.items) if (!n.read) list.update((x) => x.id === n.id, { ...n, read: true })
      adjustUnread(() => 0)
      void Taro.showToast({ title: '已全部标为已读', icon: 'none' })
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  // No await before subscribeToNotices: WeChat asks only on the tap itself.
  const subscribe = () => {
    if (busy || !template) return
    setBusy('subscribe')
    subscribeToNotices(template)
      .then((granted) => {
        if (granted) void Taro.showToast({ title: '已订阅，下一条通知会提醒你', icon: 'none', duration: 2500 })
      })
      .catch((error: unknown) => Taro.showToast({ title: errorMessage(error), icon: 'none' }))
      .finally(() => setBusy(null))
  }

  if (me.loading) return <StateView kind='loading' />
  if (me.status === 'error' && !me.member) {
    return <StateView kind='error' title='暂时连不上服务' description={me.error ?? undefined} actionText='重试' onAction={() => void me.refresh()} />
  }
  if (!me.member) return <StateView kind='empty' title='加入翼展联盟后可以接收通知' description='团市委和你所在驿站的通知会出现在这里' />

  const renderList = () => {
    if (list.status === 'loading') return <StateView kind='loading' title='正在加载通知…' />
    if (list.status === 'error') return <StateView kind='error' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
    if (list.items.length === 0) {
      return <StateView kind='empty' title='还没有通知' description='团市委和你所在驿站发给你的通知会出现在这里' />
    }
    return (
      <View id='inbox-list'>
        {list.items.map((n) => (
          <Pressable role='link'
            key={n.id}
            id={`inbox-${n.id}`}
            className={`card inbox-item${n.read ? '' : ' inbox-item--unread'}`}
            onPress={() => Taro.navigateTo({ url: `/pages/notice/index?id=${encodeURIComponent(n.id)}` })}
          >
            <View className='inbox-item__top'>
              {n.read ? null : <View className='inbox-item__dot' aria-label='未读' />}
              <Text className='inbox-item__title'>{n.title}</Text>
            </View>
            <Text className='inbox-item__excerpt'>{n.body.replace(/\s+/g, ' ')}</Text>
            <View className='inbox-item__meta'>
              <Text className='hint'>{n.senderLabel}</Text>
              <Text className='hint'>{formatTime(n.sendAt)}</Text>
            </View>
          </Pressable>
        ))}
        <ListFooter list={list} />
      </View>
    )
  }

  return (
    <View className='page inbox'>
      <View className='inbox-bar'>
        <Text className='inbox-bar__count' id='inbox-unread'>
          {unread > 0 ? `${unread} 条未读` : '没有未读通知'}
        </Text>
        <Button
          id='inbox-read-all'
          className='btn btn-ghost inbox-bar__btn'
          loading={busy === 'readAll'}
          disabled={busy !== null || unread === 0 || undefined}
          onClick={readAll}
        >
          全部已读
        </Button>
      </View>
      {template ? (
        <Pressable className='inbox-subscribe' id='inbox-subscribe' onPress={subscribe}>
          <View className='inbox-subscribe__body'>
            <Text className='inbox-subscribe__title'>订阅通知提醒</Text>
            <Text className='hint'>每订阅一次，下一条通知会通过微信提醒你</Text>
          </View>
          <Text className='inbox-subscribe__go'>{busy === 'subscribe' ? '请稍候…' : '订阅'}</Text>
        </Pressable>
      ) : null}
      {renderList()}
    </View>
  )
}
