import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import type { ActivityView, CheckInCode } from '../../../../../types'
import StateView from '../../../../components/state-view'
import { checkIn, fetchCheckInCode, getActivity, listRegistrations } from '../../../../features/activity/api'
import { errorMessage } from '../../../../services/api'
import './index.scss'

/** How often the arrivals figure is read again while the screen shows. */
const ARRIVALS_EVERY_MS = 10_000
/** Counting stops here ("500+"): a venue screen needs the trend, not an exact figure past it. */
const ARRIVALS_CAP_PAGES = 10

/** How many have checked in so far, counted page by page (the list action carries no total). */
async function countCheckedIn(activityId: string): Promise<{ count: number; more: boolean }> {
  let count = 0
  let cursor: string | undefined
  for (let page = 0; page < ARRIVALS_CAP_PAGES; page++) {
    const result = await listRegistrations({ activityId, status: 'checked_in', limit: 50, ...(cursor ? { cursor } : {}) })
    count += result.items.length
    if (!result.nextCursor) return { count, more: false }
    cursor = result.nextCursor
  }
  return { count, more: true }
}

// Not `useLoad`: the code is re-fetched on its own timer as each one expires, while the page shows.
type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; code: CheckInCode }

/**
 * The screen at the venue: a QR whose token rotates every 30 s and the 6-digit code beside it,
 * fetched again as each expires; on the phone of staff, also scanning a student's personal code.
 */
export default function CheckInScreenPage() {
  const { params } = useRouter()
  const activityId = params.activityId ?? ''
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [activity, setActivity] = useState<ActivityView | null>(null)
  const [now, setNow] = useState(Date.now())
  const [scanning, setScanning] = useState(false)
  const [visible, setVisible] = useState(true)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const [arrived, setArrived] = useState<{ count: number; more: boolean } | null>(null)

  const refresh = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current)
    try {
      const code = await fetchCheckInCode(activityId)
      setLoad({ status: 'ready', code })
      // A moment after the rotation, so the server has moved on to the next window.
      const wait = Math.max(1000, Date.parse(code.expiresAt) - Date.now() + 300)
      timer.current = setTimeout(() => void refresh(), wait)
    } catch (error) {
      setLoad({ status: 'error', message: errorMessage(error) })
    }
  }, [activityId])

  useEffect(() => {
    if (!visible) return
    void refresh()
    getActivity(activityId).then(setActivity).catch(() => undefined)
    const tick = setInterval(() => setNow(Date.now()), 1000)
    // Staff watch arrivals on this screen: the checked-in figure follows along.
    const readArrivals = () => void countCheckedIn(activityId).then(setArrived).catch(() => undefined)
    readArrivals()
    const arrivals = setInterval(readArrivals, ARRIVALS_EVERY_MS)
    return () => {
      clearInterval(tick)
      clearInterval(arrivals)
      if (timer.current) clearTimeout(timer.current)
    }
  }, [refresh, activityId, visible])

  useDidShow(() => {
    setVisible(true)
    if (process.env.TARO_ENV === 'weapp') void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined)
  })
  useDidHide(() => setVisible(false))

  const scanPersonal = async () => {
    if (scanning) return
    let result: string
    try {
      result = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
    } catch {
      return
    }
    setScanning(true)
    try {
      await checkIn({ activityId, personalCode: result })
      void Taro.showToast({ title: '签到成功', icon: 'success' })
      countCheckedIn(activityId).then(setArrived).catch(() => undefined)
      getActivity(activityId).then(setActivity).catch(() => undefined)
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 2500 })
    } finally {
      setScanning(false)
    }
  }

  if (!activityId) return <StateView kind='empty' title='请从活动管理进入签到屏' />
  if (load.status === 'loading') return <StateView kind='loading' title='正在生成签到码…' />
  if (load.status === 'error') {
    return <StateView kind='error' title='暂时不能签到' description={load.message} actionText='重试' onAction={() => void refresh()} />
  }
  const { code } = load
  const left = Math.max(0, Math.ceil((Date.parse(code.expiresAt) - now) / 1000))

  return (
    <View className='page check-in-screen'>
      {activity ? <Text className='cis-title'>{activity.title}</Text> : null}
      <View className='cis-card'>
        <Text className='cis-hint'>打开“翼展联盟”小程序 → 活动 → 去签到，扫描下方二维码</Text>
        <Image className='cis-qr' id='check-in-qr' src={code.qrImage} mode='scaleToFill' nativeProps={{ alt: '签到二维码' }} />
        <Text className='cis-hint'>扫不了码？在签到页输入签到码</Text>
        <Text className='cis-code' id='check-in-short-code'>
          {code.shortCode}
        </Text>
        <View className='cis-countdown' id='check-in-countdown'>
          <View className='cis-countdown__bar' style={{ width: `${(left / code.rotatesEverySeconds) * 100}%` }} />
        </View>
        <Text className='cis-hint'>{left} 秒后更新 · 每 {code.rotatesEverySeconds} 秒更换一次</Text>
      </View>
      {activity ? (
        <Text className='cis-stats' id='check-in-stats'>
          报名成功 {activity.registeredCount} 人 · 已签到{' '}
          <Text id='check-in-arrived'>{arrived ? `${arrived.count}${arrived.more ? '+' : ''}` : '…'}</Text> 人
        </Text>
      ) : null}
      {process.env.TARO_ENV === 'weapp' ? (
        <Button className='btn btn-ghost cis-scan' loading={scanning} disabled={scanning} onClick={scanPersonal}>
          扫学生个人码签到
        </Button>
      ) : null}
    </View>
  )
}
