import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import StateView from '@/components/state-view'
import ListFooter from '@/components/list-footer'
import { usePagedList } from '@/hooks/use-paged-list'
import { MAX_REMINDERS, MIN_DAYS_BETWEEN_REMINDERS, RECIPIENT_STATUS_LABELS } from '../../../../../types'
import { fetchRespondents, remindSurvey } from '../../../../features/survey/api'
import { RECIPIENT_STATUS_TONES } from '../../../../features/survey/labels'
import { errorMessage } from '../../../../services/api'
import '../../../../features/activity/activity.scss'
import '../../../../features/survey/survey.scss'

/** Who has not submitted yet (staff; heads for their station), and a reminder to all of them. */
export default function SurveyRespondentsPage() {
  const id = useRouter().params.id ?? ''
  const list = usePagedList(id ? (cursor) => fetchRespondents(id, cursor) : null, id)
  const [busy, setBusy] = useState(false)

  const remind = async () => {
    const { confirm } = await Taro.showModal({
      title: '提醒未填写的同学',
      content: `每人最多提醒${MAX_REMINDERS}次，两次之间至少隔${MIN_DAYS_BETWEEN_REMINDERS}天；提醒会出现在“我的问卷”，已授权的同学还会收到微信提醒。`,
      confirmText: '提醒',
      confirmColor: '#C8161D',
    })
    if (!confirm) return
    setBusy(true)
    try {
      const r = await remindSurvey(id)
      void Taro.showToast({ title: r.reminded ? `已提醒 ${r.reminded} 人${r.skipped ? `，${r.skipped} 人暂不能再提醒` : ''}` : '暂时没有可以提醒的人', icon: 'none', duration: 2500 })
      await list.reload(true)
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }

  if (!id) return <StateView kind='empty' title='没有指定问卷' />
  if (list.status === 'loading') return <StateView kind='loading' title='正在加载名单…' />
  if (list.status === 'error') return <StateView kind='error' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
  return (
    <View className='page survey-page' id='survey-respondents'>
      {list.items.length === 0 ? (
        <StateView kind='empty' title='所有人都已提交' />
      ) : (
        <View className='card'>
          <Text className='hint'>以下同学还没有提交（匿名问卷只显示是否提交，看不到回答）</Text>
          {list.items.map((r) => (
            <View key={r.openid} className='sv-count' id={`respondent-${r.openid}`}>
              <Text>
                {r.name} · {r.university}
              </Text>
              <Text>
                <Text className={`badge badge--${RECIPIENT_STATUS_TONES[r.status]}`}>{RECIPIENT_STATUS_LABELS[r.status]}</Text>
                {r.reminders ? <Text className='hint'> 已提醒{r.reminders}次</Text> : null}
              </Text>
            </View>
          ))}
          <ListFooter list={list} />
        </View>
      )}
      <View className='action-bar-spacer' />
      <View className='action-bar'>
        <Button id='survey-remind' className='btn btn-primary' loading={busy} disabled={busy || list.items.length === 0 || undefined} onClick={() => void remind()}>
          <Text>{busy ? '正在提醒…' : '提醒未填写的同学'}</Text>
        </Button>
      </View>
    </View>
  )
}
