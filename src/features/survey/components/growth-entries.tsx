import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { SurveyFeedbackEntry } from '../../../../types'
import { useLoad } from '@/hooks/use-load'
import { myFeedbackRecord } from '../api'

/** 翼展档案: the activity feedback surveys I answered (an activity's page opens from each). Nothing shows while there are none. */
export default function SurveyFeedbackEntries({ openid }: { openid: string }) {
  const load = useLoad<SurveyFeedbackEntry[]>(myFeedbackRecord, openid)
  if (!load.data || load.data.length === 0) return null
  return (
    <View className='card' id='growth-feedback'>
      <Text className='section-title'>活动反馈</Text>
      {load.data.map((e) => (
        <Pressable role='link'
          className='growth-item'
          key={e.surveyId}
          id={`growth-feedback-${e.surveyId}`}
          onPress={() => void Taro.navigateTo({ url: `/pages/activity/index?id=${encodeURIComponent(e.activityId)}` })}
        >
          <Text className='growth-item__title'>为「{e.activityTitle}」填写了活动反馈</Text>
          <Text className='hint'>
            {e.title} · {e.at.slice(0, 10)}
          </Text>
        </Pressable>
      ))}
    </View>
  )
}
