import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { GrowthRecord } from '../../../types'
import StateView from '../../components/state-view'
import { fetchGrowthRecord } from '../../features/activity/api'
import { formatRange, TYPE_COLORS, typeName } from '../../features/activity/labels'
import { useLoad } from '@/hooks/use-load'
import { useMe } from '@/hooks/use-me'
import CompetitionEntries from '../../features/competition/components/growth-entries'
import SurveyFeedbackEntries from '../../features/survey/components/growth-entries'
import { honourCertificateUrl } from '@/features/honour/urls'
import '../../features/activity/activity.scss'
import './index.scss'

/** 翼展档案: what I took part in (checked in), by type and by year. */
export default function GrowthPage() {
  const me = useMe()
  // Once per person, not on every refresh of the member.
  const load = useLoad<GrowthRecord>(me.member ? fetchGrowthRecord : null, me.member?.openid ?? '')
  usePullDownRefresh(() => {
    void load.reload(true).finally(() => Taro.stopPullDownRefresh())
  })

  if (me.loading) return <StateView kind='loading' />
  if (!me.member) return <StateView kind='empty' title='加入翼展联盟后开始记录你的成长' />
  if (load.status === 'error') return <StateView kind='error' description={load.error ?? undefined} actionText='重试' onAction={() => void load.reload()} />
  const record = load.data
  if (!record) return <StateView kind='loading' title='正在整理你的档案…' />
  const max = Math.max(1, ...record.byType.map((t) => t.count))

  return (
    <View className='page growth' id='growth'>
      <View className='growth-hero'>
        <Text className='growth-hero__label'>{me.member.name} 已参加</Text>
        <View>
          <Text className='growth-hero__total' id='growth-total'>
            {record.total}
          </Text>
          <Text className='growth-hero__unit'>次活动</Text>
        </View>
        <Text className='growth-hero__hint'>以活动现场签到为准</Text>
      </View>

      {record.honours.length > 0 ? (
        <View className='card' id='growth-honours'>
          <Text className='section-title'>获得荣誉</Text>
          {record.honours.map((h) => (
            <Pressable className='kv' key={h.nominationId} id={`growth-honour-${h.nominationId}`} role='link' onPress={() => void Taro.navigateTo({ url: honourCertificateUrl(h.nominationId) })}>
              <Text className='kv__k'>{h.awardName}</Text>
              <Text className='kv__v'>{h.awardedAt.slice(0, 10)} · 证书 ›</Text>
            </Pressable>
          ))}
        </View>
      ) : null}
      <CompetitionEntries openid={me.member.openid} />
      <Button className='btn btn-ghost' id='growth-poster' onClick={() => void Taro.navigateTo({ url: '/packages/story/pages/archive/index' })}>
        生成我的翼展档案海报
      </Button>
      <SurveyFeedbackEntries openid={me.member.openid} />
      {record.total === 0 ? (
        <View className='card'>
          <StateView kind='empty' title='档案还是空的' description='报名活动并在现场签到后，会自动记入档案' actionText='去看看活动' onAction={() => void Taro.switchTab({ url: '/pages/activities/index' })} />
        </View>
      ) : (
        <View>
          <View className='card'>
            <Text className='section-title'>按类型</Text>
            {record.byType.map((t) => (
              <View className='growth-bar' key={t.type}>
                <Text className='growth-bar__name'>{t.name}</Text>
                <View className='growth-bar__track'>
                  <View className='growth-bar__fill' style={{ width: `${(t.count / max) * 100}%`, background: TYPE_COLORS[t.type] }} />
                </View>
                <Text className='growth-bar__count'>{t.count}</Text>
              </View>
            ))}
          </View>
          <View className='card'>
            <Text className='section-title'>按年份</Text>
            {record.byYear.map((y) => (
              <View className='kv' key={y.year}>
                <Text className='kv__k'>{y.year} 年</Text>
                <Text className='kv__v'>{y.count} 次</Text>
              </View>
            ))}
          </View>
          <View className='card'>
            <Text className='section-title'>参加过的活动</Text>
            {record.items.map(({ activity }) => (
              <Pressable role='link' className='growth-item' key={activity.id} onPress={() => void Taro.navigateTo({ url: `/pages/activity/index?id=${activity.id}` })}>
                <Text className='growth-item__title'>{activity.title}</Text>
                <Text className='hint'>
                  {typeName(activity.type)} · {formatRange(activity.startAt, activity.endAt)}
                </Text>
              </Pressable>
            ))}
          </View>
        </View>
      )}
    </View>
  )
}
