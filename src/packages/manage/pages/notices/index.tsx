import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import StateView from '../../../../components/state-view'
import ListFooter from '@/components/list-footer'
import SearchBar from '@/components/search-bar'
import Pressable from '@/components/pressable'
import { usePagedList } from '@/hooks/use-paged-list'
import { formatTime } from '../../../../features/activity/labels'
import { useMe } from '@/hooks/use-me'
import { listNotices } from '../../../../features/notice/api'
import { NOTICE_STATUS_NAMES, NOTICE_STATUS_TONES } from '../../../../features/notice/labels'
import { rememberNotices } from '../../../../features/notice/store'
import '../../../../features/activity/activity.scss'
import './index.scss'

type Scope = 'mine' | 'all'

/** Notices sent: by me, or (staff) by everyone; each opens its delivery figures. */
export default function ManageNoticesPage() {
  const me = useMe()
  const role = me.member?.role
  const allowed = role === 'staff' || role === 'station_head'
  const [scope, setScope] = useState<Scope>('mine')
  const [q, setQ] = useState('')
  const list = usePagedList(
    allowed
      ? async (cursor) => {
          const page = await listNotices({ mine: role === 'staff' ? scope === 'mine' : undefined, q, cursor, limit: 20 })
          rememberNotices(page.items)
          return page
        }
      : null,
    `${me.member?.openid ?? ''}:${scope}:${q}`,
  )

  useDidShow(() => {
    if (list.status === 'ready') void list.reload(true)
  })
  usePullDownRefresh(() => {
    void list.reload(true).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => list.loadMore())

  const go = (url: string) => void Taro.navigateTo({ url })

  if (me.loading) return <StateView kind='loading' />
  if (!allowed) return <StateView kind='empty' title='只有团市委工作人员和站长可以发送通知' />

  const renderList = () => {
    if (list.status === 'loading') return <StateView kind='loading' title='正在加载通知…' />
    if (list.status === 'error') return <StateView kind='error' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
    if (list.items.length === 0) {
      if (q) return <StateView kind='empty' title={`没有标题含“${q}”的通知`} description='换个词试试，或清除搜索' />
      return <StateView kind='empty' title='还没有发过通知' description='点“写通知”给成员发第一条' />
    }
    return (
      <View id='notice-list'>
        {list.items.map((n) => (
          <Pressable role='link' key={n.id} id={`notice-${n.id}`} className='card mn-item' onPress={() => go(`/packages/manage/pages/notice-stats/index?id=${encodeURIComponent(n.id)}`)}>
            <View className='mn-item__top'>
              <Text className='mn-item__title'>{n.title}</Text>
              <Text className={`badge badge--${NOTICE_STATUS_TONES[n.status]}`}>{NOTICE_STATUS_NAMES[n.status]}</Text>
            </View>
            <View className='mn-item__meta'>
              <Text className='hint'>
                {n.status === 'scheduled' ? `定时 ${formatTime(n.sendAt)}` : formatTime(n.sendAt)} · {n.senderLabel}
                {n.origin === 'activity' ? ' · 活动变更自动发送' : ''}
              </Text>
              <Text className='mn-item__recipients'>{n.status === 'scheduled' ? `预计 ${n.recipients} 人` : `${n.recipients} 人`}</Text>
            </View>
          </Pressable>
        ))}
        <ListFooter list={list} />
      </View>
    )
  }

  return (
    <View className='page manage-notices'>
      <Button id='notice-new' className='btn btn-primary mn-new' onClick={() => go('/packages/manage/pages/notice-compose/index')}>
        + 写通知
      </Button>
      {role === 'staff' ? (
        <View className='seg'>
          {(['mine', 'all'] as const).map((s) => (
            <Pressable inline key={s} id={`notice-scope-${s}`} className={`seg__item${scope === s ? ' seg__item--on' : ''}`} onPress={() => setScope(s)}>
              {s === 'mine' ? '我发的' : '全部'}
            </Pressable>
          ))}
        </View>
      ) : (
        <Text className='hint mn-scope'>你是站长：这里是你发给本驿站成员的通知</Text>
      )}
      <SearchBar id='notice-search' placeholder='搜索通知标题' onSearch={setQ} />
      {renderList()}
    </View>
  )
}
