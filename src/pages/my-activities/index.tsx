import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import StateView from '../../components/state-view'
import { listMyRegistrations } from '../../features/activity/api'
import ListFooter from '@/components/list-footer'
import { usePagedList } from '@/hooks/use-paged-list'
import { formatRange, registrationBadge, REGISTRATION_TONES, typeName } from '../../features/activity/labels'
import { useMe } from '@/hooks/use-me'
import '../../features/activity/activity.scss'
import './index.scss'

export default function MyActivitiesPage() {
  const me = useMe()
  const list = usePagedList(me.member ? listMyRegistrations : null, me.member?.openid ?? '')
  usePullDownRefresh(() => {
    void list.reload(true).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => list.loadMore())
  useDidShow(() => {
    if (list.status === 'ready') void list.reload(true)
  })

  if (me.loading) return <StateView kind='loading' />
  if (!me.member) return <StateView kind='empty' title='加入翼展联盟后可以报名活动' />
  if (list.status === 'loading') return <StateView kind='loading' title='正在加载我的活动…' />
  if (list.status === 'error') return <StateView kind='error' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
  if (list.items.length === 0) {
    return (
      <StateView kind='empty' title='你还没有报名活动' description='暑期实践、走进实验室、实习……去活动页看看' actionText='去看看活动' onAction={() => void Taro.switchTab({ url: '/pages/activities/index' })} />
    )
  }
  return (
    <View className='page my-activities' id='my-activities'>
      {list.items.map(({ activity, registration }) => (
        <Pressable role='link'
          key={registration.id}
          className='card my-activity'
          id={`my-activity-${activity.id}`}
          onPress={() => Taro.navigateTo({ url: `/pages/activity/index?id=${activity.id}` })}
        >
          <View className='my-activity__top'>
            <Text className='my-activity__title'>{activity.title}</Text>
            <Text className={`badge badge--${REGISTRATION_TONES[registration.status]}`}>{registrationBadge(registration)}</Text>
          </View>
          <Text className='hint'>
            {typeName(activity.type)} · {formatRange(activity.startAt, activity.endAt)}
          </Text>
          <Text className='hint my-activity__place'>{activity.place}</Text>
          {activity.status === 'cancelled' ? <Text className='my-activity__cancelled'>活动已取消</Text> : null}
        </Pressable>
      ))}
      <ListFooter list={list} />
    </View>
  )
}
