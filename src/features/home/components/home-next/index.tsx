import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { UseLoad } from '@/hooks/use-load'
import type { HomeNextData } from '../../next'
import './index.scss'

const activityUrl = (id: string) => `/pages/activity/index?id=${encodeURIComponent(id)}`
const policyUrl = (id: string) => `/pages/policy/index?id=${encodeURIComponent(id)}`

function when(iso: string): string {
  const d = dayjs(iso)
  if (!d.isValid()) return ''
  return d.year() === dayjs().year() ? d.format('M月D日 HH:mm') : d.format('YYYY年M月D日 HH:mm')
}

function Row({ id, label, tone, text, onPress }: { id?: string; label?: string; tone?: 'open' | 'policy'; text: string; onPress: () => void }) {
  return (
    <Pressable role='link' className='home-next__row' id={id} onPress={onPress}>
      {label ? <Text className={`home-next__label${tone ? ` home-next__label--${tone}` : ''}`}>{label}</Text> : null}
      <Text className='home-next__text'>{text}</Text>
    </Pressable>
  )
}

/**
 * 首页 → 接下来, for members: the activity they signed up for that comes next, sign-ups open now that
 * they can join, the newest policies and their unread notices. The page loads it (use-home-next.ts).
 */
export default function HomeNext({ next, unread }: { next: UseLoad<HomeNextData>; unread: number }) {
  if (next.status === 'loading' && !next.data) return null
  const data = next.data
  const go = (url: string) => void Taro.navigateTo({ url })
  const nothing = data && !data.mine && data.open.length === 0 && data.policies.length === 0 && unread === 0
  return (
    <View className='card home-next' id='home-next'>
      <Text className='section-title'>接下来</Text>
      {next.status === 'error' && !data ? <Row text='没能读取你的安排，点此重试' onPress={() => void next.reload()} /> : null}
      {data?.mine ? (
        <Row
          id='home-next-mine'
          label={data.mine.registration.status === 'waitlisted' ? '候补中' : '已报名'}
          text={`${data.mine.activity.title} · ${when(data.mine.activity.startAt)}`}
          onPress={() => go(activityUrl(data.mine!.activity.id))}
        />
      ) : null}
      {data?.open.map((a) => <Row key={a.id} id={`home-next-open-${a.id}`} label='可报名' tone='open' text={a.title} onPress={() => go(activityUrl(a.id))} />)}
      {data?.policies.map((p) => <Row key={p.id} id={`home-next-policy-${p.id}`} label='新政策' tone='policy' text={p.title} onPress={() => go(policyUrl(p.id))} />)}
      {unread > 0 ? <Row id='home-next-unread' label='通知' text={`你有 ${unread > 99 ? '99+' : unread} 条未读通知`} onPress={() => go('/pages/inbox/index')} /> : null}
      {nothing ? <Row text='暂时没有你的安排，去看看全部活动 ›' onPress={() => void Taro.switchTab({ url: '/pages/activities/index' })} /> : null}
    </View>
  )
}
