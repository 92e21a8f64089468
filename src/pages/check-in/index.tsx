import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Image, Input, Text, View } from '@tarojs/components'
import type { ActivityView } from '../../../types'
import StateView from '../../components/state-view'
import { checkIn, fetchMyCheckInCode, getActivity } from '../../features/activity/api'
import { parseCheckInQr } from '../../features/activity/check-in-qr'
import { formatRange, registrationBadge, REGISTRATION_TONES } from '../../features/activity/labels'
import { useLoad } from '@/hooks/use-load'
import { useMe } from '@/hooks/use-me'
import { ApiCallError, errorMessage } from '../../services/api'
import { publicSignUpUrl } from '../../features/platform/urls'
import '../../features/activity/activity.scss'
import './index.scss'

type MyCode = { status: 'hidden' } | { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; qrImage: string; code: string }

/** A student checks in: scan the screen's QR (mini-program) or type its 6-digit code; or show my own code. */
export default function CheckInPage() {
  const { params } = useRouter()
  const activityId = params.activityId ?? ''
  const me = useMe()
  // Without an activity (opened from 我的 to scan any screen) there is nothing to load.
  const load = useLoad<ActivityView | null>(activityId ? () => getActivity(activityId) : async () => null, activityId)
  const [code, setCode] = useState('')
  const [codeError, setCodeError] = useState('')
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const [myCode, setMyCode] = useState<MyCode>({ status: 'hidden' })

  const send = async (input: { activityId: string; token?: string; shortCode?: string }) => {
    setBusy(true)
    setCodeError('')
    try {
      const registration = await checkIn(input)
      setDone(registration.activityId)
      void Taro.showToast({ title: '签到成功', icon: 'success' })
      if (load.data?.id === registration.activityId) load.setData({ ...load.data, myRegistration: registration })
    } catch (error) {
      const message = errorMessage(error)
      if (error instanceof ApiCallError && (error.fields.shortCode || error.code === 'RATE_LIMITED')) setCodeError(message)
      void Taro.showToast({ title: message, icon: 'none', duration: 2500 })
    } finally {
      setBusy(false)
    }
  }

  const submitCode = () => {
    if (busy) return
    if (!/^\d{6}$/.test(code)) {
      setCodeError('签到码是现场屏幕上的6位数字')
      return
    }
    void send({ activityId, shortCode: code })
  }

  const scan = async () => {
    if (busy) return
    let result: string
    try {
      result = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
    } catch {
      return // closed the camera
    }
    const parsed = parseCheckInQr(result)
    if (!parsed) {
      void Taro.showToast({ title: '这不是翼展联盟的签到码', icon: 'none' })
      return
    }
    void send(parsed)
  }

  const showMyCode = () => {
    setMyCode({ status: 'loading' })
    fetchMyCheckInCode()
      .then((c) => setMyCode({ status: 'ready', qrImage: c.qrImage, code: c.code }))
      .catch((error: unknown) => setMyCode({ status: 'error', message: errorMessage(error) }))
  }

  if (me.loading || load.status === 'loading') return <StateView kind='loading' />
  if (!me.member && load.data?.openToPublic) {
    // Someone signed up through 面向公众 (a parent, a pupil) scanned the screen: they check in on their sign-up page.
    return (
      <StateView
        kind='empty'
        title='公众报名的参加者请在报名页签到'
        description='输入现场屏幕上的6位签到码，就能为你报名的参加者一起签到'
        actionText='去签到'
        onAction={() => void Taro.navigateTo({ url: publicSignUpUrl(activityId) })}
      />
    )
  }
  if (!me.member) return <StateView kind='empty' title='加入翼展联盟后才能签到' actionText='去加入' onAction={() => void Taro.navigateTo({ url: '/pages/join/index' })} />
  if (load.status === 'error') {
    return <StateView kind='error' title='活动没加载出来' description={load.error ?? ''} actionText='重试' onAction={() => void load.reload()} />
  }

  const view = load.data
  const mine = view?.myRegistration
  const checkedIn = mine?.status === 'checked_in' || (done !== null && done === activityId)

  return (
    <View className='page check-in'>
      {view ? (
        <View className='card'>
          <Text className='check-in__title'>{view.title}</Text>
          <Text className='hint check-in__time'>{formatRange(view.startAt, view.endAt)}</Text>
          {mine ? (
            <Text className={`badge badge--${REGISTRATION_TONES[mine.status]}`} id='check-in-status'>
              {registrationBadge(mine)}
            </Text>
          ) : (
            <Text className='hint'>你没有报名这个活动</Text>
          )}
        </View>
      ) : null}

      {checkedIn ? (
        <View className='card check-in__done' id='check-in-done'>
          <View className='check-in__done-icon'>✓</View>
          <Text className='check-in__done-title'>已签到</Text>
          <Text className='hint'>这次活动会记入你的翼展档案</Text>
        </View>
      ) : (
        <View className='card'>
          <Text className='section-title'>签到</Text>
          {process.env.TARO_ENV === 'weapp' ? (
            <View>
              <Button id='scan-check-in' className='btn btn-primary' disabled={busy} loading={busy} onClick={scan}>
                扫描现场签到码
              </Button>
              <Text className='hint check-in__or'>扫不了？输入现场屏幕上的6位签到码</Text>
            </View>
          ) : activityId ? (
            <Text className='hint check-in__or'>输入现场屏幕上的6位签到码（签到码每30秒更新）</Text>
          ) : null}
          {activityId ? (
            <View>
              <Input
                id='short-code'
                className={`check-in__code${codeError ? ' check-in__code--invalid' : ''}`}
                type='number'
                maxlength={6}
                value={code}
                placeholder='6位数字'
                placeholderClass='check-in__placeholder'
                onInput={(e) => {
                  setCode(e.detail.value.replace(/\D/g, ''))
                  setCodeError('')
                }}
                onConfirm={submitCode}
              />
              {codeError ? (
                <Text className='field-error' id='short-code-error'>
                  {codeError}
                </Text>
              ) : null}
              <Button id='short-code-submit' className='btn btn-ghost check-in__submit' disabled={busy || code.length !== 6} loading={busy} onClick={submitCode}>
                <Text>{busy ? '正在签到…' : '签到'}</Text>
              </Button>
            </View>
          ) : (
            <Text className='hint'>请从“我的活动”里进入要签到的活动</Text>
          )}
        </View>
      )}

      <View className='card check-in__mine'>
        <Text className='section-title'>我的签到码</Text>
        <Text className='hint'>手机扫不了码时，请工作人员扫你的签到码</Text>
        {myCode.status === 'hidden' ? (
          <Button id='show-my-code' className='btn btn-ghost check-in__submit' onClick={showMyCode}>
            显示我的签到码
          </Button>
        ) : myCode.status === 'loading' ? (
          <StateView kind='loading' />
        ) : myCode.status === 'error' ? (
          <StateView kind='error' description={myCode.message} actionText='重试' onAction={showMyCode} />
        ) : (
          <View className='check-in__qr-wrap' id='my-code'>
            <Image className='check-in__qr' src={myCode.qrImage} mode='scaleToFill' nativeProps={{ alt: '我的签到码' }} />
            <Text className='hint'>仅用于活动签到，请勿截图转发</Text>
          </View>
        )}
      </View>
    </View>
  )
}
