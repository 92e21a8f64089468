import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { JoinRequest, Member } from '../../../../../types'
import { formatDate } from '../../../../utils/format'
import { useMyStation } from '../../hooks/use-my-station'
import { headHomeUrl, staffHomeUrl, stationUrl, stationsUrl } from '../../urls'
import './index.scss'

const REQUEST_STATES: Record<JoinRequest['status'], { label: string; tone: string }> = {
  pending: { label: '待审核', tone: 'wait' },
  approved: { label: '已通过', tone: 'ok' },
  rejected: { label: '未通过', tone: 'bad' },
  cancelled: { label: '已取消', tone: 'muted' },
}

export interface MyStationProps {
  member: Member
}

/** 我的 → 我的驿站, and the workbench of whoever runs a station or the whole league. */
export default function MyStation({ member }: MyStationProps) {
  const state = useMyStation(member)
  const go = (url: string) => void Taro.navigateTo({ url })
  // A head lands on 我的: the requests waiting for them show here, not only inside the workbench.
  const waiting = state.data?.kind === 'member' ? (state.data.station.figures?.pendingRequests ?? 0) : 0

  const renderStation = () => {
    if (state.status === 'loading' && !state.data) return <Text className='hint'>正在读取…</Text>
    if (!state.data) {
      return (
        <Pressable className='my-station__row' onPress={() => void state.reload()}>
          <Text className='my-station__error'>{state.error ?? '加载失败'}</Text>
          <Text className='my-station__arrow'>点此重试</Text>
        </Pressable>
      )
    }
    if (state.data.kind === 'member') {
      const station = state.data.station
      return (
        <Pressable role='link' className='my-station__row' id='mine-station-link' onPress={() => go(stationUrl(station.id))}>
          <View className='my-station__main'>
            <Text className='my-station__name' id='mine-station-name'>
              {station.name}
            </Text>
            <Text className='hint'>
              {station.memberCount} 名成员{member.stationJoinedAt ? ` · ${formatDate(member.stationJoinedAt)}加入` : ''}
            </Text>
          </View>
          <Text className='my-station__arrow'>›</Text>
        </Pressable>
      )
    }
    const request = state.data.request
    // An approved request whose membership ended (left or removed) says nothing about now.
    const showRequest = request && request.status !== 'approved'
    return (
      <View>
        {showRequest ? (
          <Pressable role='link' className='my-station__row' id='mine-station-request' onPress={() => go(stationUrl(request.stationId))}>
            <View className='my-station__main'>
              <Text className='my-station__name'>{request.stationName}</Text>
              <View>
                <Text className={`my-station__state my-station__state--${REQUEST_STATES[request.status].tone}`} id='mine-request-state'>
                  {REQUEST_STATES[request.status].label}
                </Text>
                <Text className='hint'>{formatDate(request.createdAt)}申请</Text>
              </View>
              {request.status === 'rejected' && request.reason ? (
                <Text className='my-station__reason' id='mine-request-reason'>
                  原因：{request.reason}
                </Text>
              ) : null}
            </View>
            <Text className='my-station__arrow'>›</Text>
          </Pressable>
        ) : (
          <Text className='my-station__empty'>你还没有加入驿站。加入你学校的翼展驿站，认识身边的驻马店老乡。</Text>
        )}
        {request?.status === 'pending' ? null : (
          <Button id='mine-find-station' className='btn btn-ghost my-station__find' onClick={() => go(stationsUrl())}>
            去找驿站
          </Button>
        )}
      </View>
    )
  }

  return (
    <View>
      <View className='card my-station' id='mine-station'>
        <Text className='section-title'>我的驿站</Text>
        {renderStation()}
      </View>
      {member.role === 'station_head' || member.role === 'staff' ? (
        <View className='card my-station__work'>
          {member.role === 'station_head' ? (
            <Pressable role='link' className='my-station__row' id='mine-head-workbench' onPress={() => go(headHomeUrl(member.stationId))}>
              <View className='my-station__main'>
                <Text className='my-station__name'>站长工作台</Text>
                <Text className='hint'>审核申请、管理成员、导出名单</Text>
              </View>
              {waiting > 0 ? (
                <Text className='my-station__badge' id='mine-head-pending' aria-label={`${waiting} 个入站申请待审核`}>
                  {waiting > 99 ? '99+' : waiting} 待审核
                </Text>
              ) : null}
              <Text className='my-station__arrow'>›</Text>
            </Pressable>
          ) : null}
          {member.role === 'staff' ? (
            <Pressable role='link' className='my-station__row' id='mine-staff-workbench' onPress={() => go(staffHomeUrl())}>
              <View className='my-station__main'>
                <Text className='my-station__name'>团市委工作台</Text>
                <Text className='hint'>驿站与站长、批量导入、操作日志、产业领域</Text>
              </View>
              <Text className='my-station__arrow'>›</Text>
            </Pressable>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
