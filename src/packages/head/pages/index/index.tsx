import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { StationView } from '../../../../../types'
import StateView from '../../../../components/state-view'
import { getStation } from '../../../../features/station/api'
import NoPermission from '../../../../features/station/components/no-permission'
import { useLoad } from '@/hooks/use-load'
import { useManagedStation } from '../../../../features/station/hooks/use-managed-station'
import { headMembersUrl, headRequestsUrl, stationUrl } from '../../../../features/station/urls'
import '../../head.scss'

/** 站长工作台: the station's figures and the way to requests and the roster. */
export default function HeadHomePage() {
  const { stationId, ready } = useManagedStation()
  const station = useLoad<StationView>(ready && stationId ? () => getStation(stationId) : null, stationId ?? '')

  useDidShow(() => {
    if (station.status === 'ready') void station.reload(true)
  })
  usePullDownRefresh(() => {
    void station.reload(true).finally(() => Taro.stopPullDownRefresh())
  })

  if (!ready || (stationId && station.status === 'loading' && !station.data)) {
    return (
      <View className='page'>
        <StateView kind='loading' />
      </View>
    )
  }
  if (!stationId || station.errorCode === 'FORBIDDEN' || (station.data && !station.data.canManage)) {
    return (
      <View className='page' id='head-forbidden'>
        <NoPermission />
      </View>
    )
  }
  if (!station.data) {
    return (
      <View className='page'>
        <StateView kind='error' description={station.error ?? undefined} actionText='重试' onAction={() => void station.reload()} />
      </View>
    )
  }

  const s = station.data
  const figures = s.figures ?? { members: s.memberCount, joinedThisMonth: 0, pendingRequests: 0 }
  const go = (url: string) => void Taro.navigateTo({ url })
  return (
    <View className='page head' id='head-home'>
      <View className='head-hero'>
        <Text className='head-hero__eyebrow'>站长工作台</Text>
        <Text className='head-hero__name' id='head-station-name'>
          {s.name}
        </Text>
        {s.status === 'closed' ? <Text className='head-hero__closed'>本驿站已关闭</Text> : null}
        <View className='head-figures'>
          <View className='head-figure'>
            <Text className='head-figure__num' id='figure-members'>
              {figures.members}
            </Text>
            <Text className='head-figure__label'>成员</Text>
          </View>
          <View className='head-figure'>
            <Text className='head-figure__num' id='figure-month'>
              {figures.joinedThisMonth}
            </Text>
            <Text className='head-figure__label'>本月加入</Text>
          </View>
          <Pressable role='link' className='head-figure' onPress={() => go(headRequestsUrl(s.id))}>
            <Text className='head-figure__num' id='figure-pending'>
              {figures.pendingRequests}
            </Text>
            <Text className='head-figure__label'>待审核</Text>
          </Pressable>
        </View>
      </View>

      <View className='card head-links'>
        <Pressable role='link' className='head-link' id='head-requests' onPress={() => go(headRequestsUrl(s.id))}>
          <View className='head-link__main'>
            <Text className='head-link__title'>待审核</Text>
            <Text className='hint'>同学的入站申请，通过或说明理由拒绝</Text>
          </View>
          {figures.pendingRequests > 0 ? <Text className='head-link__badge'>{figures.pendingRequests}</Text> : null}
          <Text className='head-link__arrow'>›</Text>
        </Pressable>
        <Pressable role='link' className='head-link' id='head-members' onPress={() => go(headMembersUrl(s.id))}>
          <View className='head-link__main'>
            <Text className='head-link__title'>成员名单</Text>
            <Text className='hint'>查找、筛选、移除成员，导出 Excel 名单</Text>
          </View>
          <Text className='head-link__arrow'>›</Text>
        </Pressable>
        <Pressable role='link' className='head-link' id='head-dashboard' onPress={() => go('/packages/head/pages/dashboard/index')}>
          <View className='head-link__main'>
            <Text className='head-link__title'>本站人才统计</Text>
            <Text className='hint'>本站成员的参与、去向和回驻，少于5人的数字不显示</Text>
          </View>
          <Text className='head-link__arrow'>›</Text>
        </Pressable>
        <Pressable role='link' className='head-link' id='head-honours' onPress={() => go('/packages/honour/pages/index/index')}>
          <View className='head-link__main'>
            <Text className='head-link__title'>评优评先</Text>
            <Text className='hint'>提名本站成员，组织单位内公示，按名额排序推荐</Text>
          </View>
          <Text className='head-link__arrow'>›</Text>
        </Pressable>
        <Pressable role='link' className='head-link' id='head-surveys' onPress={() => go('/packages/survey/pages/manage/index')}>
          <View className='head-link__main'>
            <Text className='head-link__title'>本站问卷</Text>
            <Text className='hint'>向本站成员发问卷（团市委审核后发布），查看未填写和结果</Text>
          </View>
          <Text className='head-link__arrow'>›</Text>
        </Pressable>
        <Pressable role='link' className='head-link' id='head-station-page' onPress={() => go(stationUrl(s.id))}>
          <View className='head-link__main'>
            <Text className='head-link__title'>驿站主页与邀请</Text>
            <Text className='hint'>同学看到的驿站页面，邀请二维码和链接</Text>
          </View>
          <Text className='head-link__arrow'>›</Text>
        </Pressable>
      </View>
      <Text className='hint head-footnote'>成员信息仅用于驿站联络服务，手机号已隐去中间四位；导出和移除都会记入操作日志。</Text>
    </View>
  )
}
