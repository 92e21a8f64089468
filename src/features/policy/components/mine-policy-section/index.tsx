import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { Member } from '../../../../../types'
import { favoritesUrl, staffPoliciesUrl } from '../../urls'
import './index.scss'

/** 我的 → 我的收藏 (and, for league staff, a way into policy management). */
export default function MinePolicySection({ member }: { member: Member }) {
  const go = (url: string) => void Taro.navigateTo({ url })
  return (
    <View className='card mine-policy'>
      <Pressable role='link' className='mine-policy__row' id='mine-favorites' onPress={() => go(favoritesUrl())}>
        <Text>我的收藏</Text>
        <Text className='mine-policy__hint'>收藏的人才政策 ›</Text>
      </Pressable>
      {member.role === 'staff' ? (
        <Pressable role='link' className='mine-policy__row' id='mine-staff-policies' onPress={() => go(staffPoliciesUrl())}>
          <Text>政策与岗位管理</Text>
          <Text className='mine-policy__hint'>团市委工作人员 ›</Text>
        </Pressable>
      ) : null}
    </View>
  )
}
