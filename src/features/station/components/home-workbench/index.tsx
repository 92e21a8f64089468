import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { Member } from '../../../../../types'
import { useMyStation } from '../../hooks/use-my-station'
import { headHomeUrl, staffHomeUrl } from '../../urls'
import './index.scss'

/**
 * 首页, for whoever runs a station or the league: their workbench one tap away, and for a head the requests
 * waiting for them as a badge where they land (ux 3.1 / 4.1). Members see nothing here.
 */
export default function HomeWorkbench({ member }: { member: Member }) {
  const head = member.role === 'station_head'
  const state = useMyStation(head ? member : null)
  if (!head && member.role !== 'staff') return null
  const waiting = head && state.data?.kind === 'member' ? (state.data.station.figures?.pendingRequests ?? 0) : 0
  return (
    <Pressable
      role='link'
      className='home-workbench'
      id='home-workbench'
      label={waiting > 0 ? `站长工作台，${waiting} 个入站申请待审核` : undefined}
      onPress={() => void Taro.navigateTo({ url: head ? headHomeUrl(member.stationId) : staffHomeUrl() })}
    >
      <View className='home-workbench__main'>
        <Text className='home-workbench__title'>{head ? '站长工作台' : '团市委工作台'}</Text>
        <Text className='hint'>{head ? '审核入站申请、管理成员、发通知' : '活动、通知、政策与驿站的管理'}</Text>
      </View>
      {waiting > 0 ? (
        <Text className='home-workbench__badge' id='home-head-pending'>
          {waiting > 99 ? '99+' : waiting} 待审核
        </Text>
      ) : null}
      <Text className='home-workbench__arrow'>›</Text>
    </Pressable>
  )
}
