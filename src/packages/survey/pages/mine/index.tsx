import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import StateView from '@/components/state-view'
import ListFooter from '@/components/list-footer'
import { usePagedList } from '@/hooks/use-paged-list'
import { useMe } from '@/hooks/use-me'
import { IDENTITY_MODE_LABELS, RECIPIENT_STATUS_LABELS } from '../../../../../types'
import { mySurveys } from '../../../../features/survey/api'
import { RECIPIENT_STATUS_TONES } from '../../../../features/survey/labels'
import { surveyAnswerUrl } from '../../../../features/survey/urls'
import '../../../../features/activity/activity.scss'
import '../../../../features/survey/survey.scss'

/** 我的问卷: the surveys sent to me, what I still have to fill in first. */
export default function MySurveysPage() {
  const me = useMe()
  const list = usePagedList(me.member ? (cursor) => mySurveys(cursor) : null, me.member?.openid ?? '')
  useDidShow(() => {
    if (list.status === 'ready') void list.reload(true)
  })
  usePullDownRefresh(() => {
    void list.reload(true).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => list.loadMore())

  if (me.loading) return <StateView kind='loading' />
  if (!me.member) return <StateView kind='empty' title='加入翼展联盟后可以收到问卷' />
  if (list.status === 'loading') return <StateView kind='loading' title='正在加载问卷…' />
  if (list.status === 'error') return <StateView kind='error' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
  if (list.items.length === 0) return <StateView kind='empty' title='还没有发给你的问卷' />
  return (
    <View className='page survey-page' id='my-surveys'>
      {list.items.map((s) => (
        <Pressable role='link' key={s.id} id={`my-survey-${s.id}`} className='card sv-item' onPress={() => void Taro.navigateTo({ url: surveyAnswerUrl(s.id) })}>
          <View className='sv-item__top'>
            <Text className='sv-item__title'>{s.title}</Text>
            {s.status ? (
              <Text className={`badge badge--${RECIPIENT_STATUS_TONES[s.status]}`}>{RECIPIENT_STATUS_LABELS[s.status]}</Text>
            ) : (
              <Text className='badge badge--draft'>{s.open ? '可填写' : '已结束'}</Text>
            )}
          </View>
          <Text className='hint sv-item__meta'>
            {IDENTITY_MODE_LABELS[s.identityMode]}
            {s.closeAt ? ` · 截止 ${s.closeAt.slice(0, 16).replace('T', ' ')}` : ''}
            {!s.open ? ' · 已结束' : ''}
            {s.reminders > 0 && s.status !== 'submitted' ? ` · 团市委已提醒你 ${s.reminders} 次` : ''}
          </Text>
        </Pressable>
      ))}
      <ListFooter list={list} />
    </View>
  )
}
