import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import StateView from '../../components/state-view'
import { fetchOutbox } from '../../features/activity/api'
import ListFooter from '@/components/list-footer'
import { usePagedList } from '@/hooks/use-paged-list'
import { formatTime } from '../../features/activity/labels'
import { useMe } from '@/hooks/use-me'
import '../../features/activity/activity.scss'
import './index.scss'

const TEMPLATE_NAMES = { reminder: '活动提醒', result: '报名结果', notice: '通知' } as const
const DATA_LABELS: Record<string, string> = { title: '活动', status: '状态', note: '备注', time: '时间', place: '地点' }

/** Subscribe messages sent to me (in local mode, what would have been pushed to WeChat). */
export default function MessagesPage() {
  const me = useMe()
  const list = usePagedList(me.member ? fetchOutbox : null, me.member?.openid ?? '')
  usePullDownRefresh(() => {
    void list.reload(true).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => list.loadMore())

  if (me.loading) return <StateView kind='loading' />
  if (!me.member) return <StateView kind='empty' title='加入翼展联盟后可以接收活动消息' />
  if (list.status === 'loading') return <StateView kind='loading' />
  if (list.status === 'error') return <StateView kind='error' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
  if (list.items.length === 0) {
    return <StateView kind='empty' title='还没有消息' description='报名时允许“接收活动提醒”，活动提醒和报名结果会出现在这里' />
  }
  const open = (page: string) => {
    if (page) void Taro.navigateTo({ url: page.startsWith('/') ? page : `/${page}` })
  }
  return (
    <View className='page messages' id='messages'>
      {list.items.map((m) => (
        <Pressable role='link' className='card message' key={m.id} onPress={() => open(m.page)}>
          <View className='message__top'>
            <Text className='message__kind'>{TEMPLATE_NAMES[m.template]}</Text>
            <Text className='hint'>{formatTime(m.at)}</Text>
          </View>
          {Object.entries(m.data).map(([key, value]) => (
            <View className='kv' key={key}>
              <Text className='kv__k'>{DATA_LABELS[key] ?? key}</Text>
              <Text className='kv__v'>{value}</Text>
            </View>
          ))}
        </Pressable>
      ))}
      <ListFooter list={list} />
    </View>
  )
}
