import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Activity, MyActivity, Page } from '../../../../../types'
import { useLoad } from '@/hooks/use-load'
import { listActivities, listMyRegistrations } from '../../api'
import { formatTime } from '../../labels'
import './index.scss'

interface Next {
  mine: MyActivity | null
  open: Activity[]
}

const OPEN_SHOWN = 3
const activityUrl = (id: string) => `/pages/activity/index?id=${encodeURIComponent(id)}`

/** Of my sign-ups, the one that starts next (registered or waiting), if any is still ahead. */
export function nextOfMine(page: Page<MyActivity>, now: number): MyActivity | null {
  const ahead = page.items.filter(
    (m) => (m.registration.status === 'registered' || m.registration.status === 'waitlisted') && Date.parse(m.activity.endAt) > now,
  )
  return ahead.sort((a, b) => Date.parse(a.activity.startAt) - Date.parse(b.activity.startAt))[0] ?? null
}

/**
 * 首页 → 接下来, for members: the activity they signed up for that comes next, sign-ups open now
 * that they can join, and their unread notices — read together, one round trip.
 */
export default function HomeNext({ openid, unread }: { openid: string; unread: number }) {
  const next = useLoad<Next>(async () => {
    const [mine, open] = await Promise.all([listMyRegistrations(), listActivities({ phase: 'open', eligibleOnly: true, limit: OPEN_SHOWN })])
    return { mine: nextOfMine(mine, Date.now()), open: open.items }
  }, openid)

  if (next.status === 'loading' && !next.data) return null
  const data = next.data
  const go = (url: string) => void Taro.navigateTo({ url })
  return (
    <View className='card home-next' id='home-next'>
      <Text className='section-title'>接下来</Text>
      {next.status === 'error' && !data ? (
        <View className='home-next__row' onClick={() => void next.reload()}>
          <Text className='home-next__text'>没能读取你的安排，点此重试</Text>
        </View>
      ) : null}
      {data?.mine ? (
        <View className='home-next__row' id='home-next-mine' onClick={() => go(activityUrl(data.mine!.activity.id))}>
          <Text className='home-next__label'>{data.mine.registration.status === 'waitlisted' ? '候补中' : '已报名'}</Text>
          <Text className='home-next__text'>
            {data.mine.activity.title} · {formatTime(data.mine.activity.startAt)}
          </Text>
        </View>
      ) : null}
      {data?.open.map((a) => (
        <View className='home-next__row' key={a.id} id={`home-next-open-${a.id}`} onClick={() => go(activityUrl(a.id))}>
          <Text className='home-next__label home-next__label--open'>可报名</Text>
          <Text className='home-next__text'>{a.title}</Text>
        </View>
      ))}
      {unread > 0 ? (
        <View className='home-next__row' id='home-next-unread' onClick={() => go('/pages/inbox/index')}>
          <Text className='home-next__label'>通知</Text>
          <Text className='home-next__text'>你有 {unread > 99 ? '99+' : unread} 条未读通知</Text>
        </View>
      ) : null}
      {data && !data.mine && data.open.length === 0 && unread === 0 ? (
        <View className='home-next__row' onClick={() => void Taro.switchTab({ url: '/pages/activities/index' })}>
          <Text className='home-next__text'>暂时没有你的安排，去看看全部活动 ›</Text>
        </View>
      ) : null}
    </View>
  )
}
