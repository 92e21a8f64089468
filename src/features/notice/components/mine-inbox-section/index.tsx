import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import { useUnreadCount } from '../../unread'
import './index.scss'

/** 我的 → 通知公告: notices from 团市委 and my station, with how many wait unread. */
export default function MineInboxSection() {
  const unread = useUnreadCount()
  return (
    <Pressable role='link' className='card mine-inbox' id='mine-inbox' onPress={() => Taro.navigateTo({ url: '/pages/inbox/index' })}>
      <View className='mine-inbox__body'>
        <Text className='mine-inbox__title'>通知公告</Text>
        <Text className='mine-inbox__hint'>团市委和驿站发给你的通知</Text>
      </View>
      {unread > 0 ? (
        <Text className='mine-inbox__count' id='mine-inbox-unread'>
          {unread > 99 ? '99+' : unread} 条未读
        </Text>
      ) : (
        <Text className='mine-inbox__none'>暂无未读</Text>
      )}
      <Text className='mine-inbox__arrow'>›</Text>
    </Pressable>
  )
}
