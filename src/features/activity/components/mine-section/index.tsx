import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { Member } from '../../../../../types'
import './index.scss'

export interface MineActivitiesSectionProps {
  member: Member
}

const LINKS = [
  { id: 'mine-my-activities', text: '我的活动', hint: '报名和候补', url: '/pages/my-activities/index' },
  { id: 'mine-growth', text: '翼展档案', hint: '参加过的活动', url: '/pages/growth/index' },
  { id: 'mine-messages', text: '微信提醒记录', hint: '活动提醒与报名结果', url: '/pages/messages/index' },
  { id: 'mine-check-in', text: '我的签到码', hint: '请工作人员扫码', url: '/pages/check-in/index' },
]

/** 我的 → activities: my registrations, growth record, messages; activity and notice management for staff and heads. */
export default function MineActivitiesSection({ member }: MineActivitiesSectionProps) {
  const manages = member.role === 'staff' || member.role === 'station_head'
  return (
    <View className='card mine-activities'>
      <View className='mine-activities__grid'>
        {LINKS.map((link) => (
          <Pressable role='link' key={link.id} id={link.id} className='mine-activities__link' onPress={() => Taro.navigateTo({ url: link.url })}>
            <Text className='mine-activities__text'>{link.text}</Text>
            <Text className='mine-activities__hint'>{link.hint}</Text>
          </Pressable>
        ))}
      </View>
      {manages ? (
        <Pressable role='link' id='mine-manage-activities' className='mine-activities__manage' onPress={() => Taro.navigateTo({ url: '/packages/manage/pages/activities/index' })}>
          <Text>活动管理</Text>
          <Text className='mine-activities__hint'>{member.role === 'staff' ? '发布活动、报名名单、现场签到' : '本驿站的活动、名单和签到'} ›</Text>
        </Pressable>
      ) : null}
      {manages ? (
        <Pressable role='link' id='mine-manage-notices' className='mine-activities__manage' onPress={() => Taro.navigateTo({ url: '/packages/manage/pages/notices/index' })}>
          <Text>通知管理</Text>
          <Text className='mine-activities__hint'>{member.role === 'staff' ? '给成员发通知、看送达和已读' : '给本驿站成员发通知'} ›</Text>
        </Pressable>
      ) : null}
    </View>
  )
}
