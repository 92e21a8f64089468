import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Member } from '../../../../../types'
import { favoritesUrl, staffPoliciesUrl } from '../../urls'
import './index.scss'

/** 我的 → 我的收藏 (and, for league staff, a way into policy management). */
export default function MinePolicySection({ member }: { member: Member }) {
  const go = (url: string) => void Taro.navigateTo({ url })
  return (
    <View className='card mine-policy'>
      <View className='mine-policy__row' id='mine-favorites' onClick={() => go(favoritesUrl())}>
        <Text>我的收藏</Text>
        <Text className='mine-policy__hint'>收藏的人才政策 ›</Text>
      </View>
      {member.role === 'staff' ? (
        <View className='mine-policy__row' id='mine-staff-policies' onClick={() => go(staffPoliciesUrl())}>
          <Text>政策与岗位管理</Text>
          <Text className='mine-policy__hint'>团市委工作人员 ›</Text>
        </View>
      ) : null}
    </View>
  )
}
