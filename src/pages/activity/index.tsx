import { useEffect, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { ActivityView } from '../../../types'
import StateView from '../../components/state-view'
import DemoBanner from '../../features/demo/components/demo-banner'
import { useDemo } from '../../features/demo/hooks/use-demo'
import { openDemoLogin } from '../../features/demo/session'
import { answerErrors, draftToAnswers, prefillAnswers, type AnswerDraft } from '../../features/activity/answers'
import { cancelMySignUp, getActivity, signUpForActivity } from '../../features/activity/api'
import SignUpForm from '../../features/activity/components/sign-up-form'
import { eligibilityLines } from '../../features/activity/eligibility-text'
import { useActivityTaxonomy } from '../../features/activity/hooks/use-activity-taxonomy'
import { useStationNames } from '../../features/activity/hooks/use-station-names'
import { formatRange, formatTime, phaseOf, placesText, registrationBadge, REGISTRATION_TONES, TYPE_COLORS, typeName } from '../../features/activity/labels'
import { askForSubscriptions, type TemplateKey } from '../../features/activity/subscribe'
import { publicSignUpUrl } from '../../features/platform/urls'
import { useLoad } from '@/hooks/use-load'
import { useMe } from '@/hooks/use-me'
import { useRequestId } from '@/hooks/use-request-id'
import { useTaxonomy } from '@/hooks/use-taxonomy'
import { ApiCallError, errorMessage } from '../../services/api'
import { coverUrl } from '../../services/upload'
import { scrollToElement } from '../../utils/scroll'
import '../../features/activity/activity.scss'
import './index.scss'

export default function ActivityPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const me = useMe()
  const demo = useDemo()
  const taxonomy = useTaxonomy()
  const { subscribeTemplates } = useActivityTaxonomy()
  // Read again when the member changes (joining, the demo switch); a quiet refresh keeps the view on a failure.
  const load = useLoad<ActivityView>(
    id
      ? () => getActivity(id)
      : async () => {
          throw new ApiCallError('NOT_FOUND', '链接里缺少活动编号')
        },
    `${id}|${me.member?.openid ?? ''}`,
  )
  const [draft, setDraft] = useState<AnswerDraft>({})
  // Whether anything was filled in for the person: only then say so (ux 1.13: the hint said so on empty forms).
  const [prefilled, setPrefilled] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [subscribeDemo, setSubscribeDemo] = useState(false)
  const [busy, setBusy] = useState<'signup' | 'cancel' | null>(null)
  const request = useRequestId()

  const view = load.errorCode === 'NOT_FOUND' ? null : load.data
  const stationNames = useStationNames(Boolean(view?.eligibility.stationIds.length))

  const fetchView = () => load.reload(true)
  useDidShow(() => {
    if (load.status === 'ready') void fetchView()
  })
  usePullDownRefresh(() => {
    void fetchView().finally(() => Taro.stopPullDownRefresh())
  })
  useShareAppMessage(() => ({
    title: view ? `${view.title} · 翼展联盟` : '翼展联盟活动',
    path: `/pages/activity/index?id=${id}`,
  }))

  // Pre-fill once per activity view (not on every refresh, which would wipe what was typed).
  const formKey = view ? `${view.id}|${me.member?.openid ?? ''}` : ''
  useEffect(() => {
    if (!view) return
    const first = prefillAnswers(view.form, view.lastAnswers, me.member)
    setDraft(first)
    setPrefilled(Object.values(first).some((v) => (Array.isArray(v) ? v.length > 0 : v !== '')))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [formKey])

  const change = (fieldId: string, value: string | string[]) => {
    setDraft((d) => ({ ...d, [fieldId]: value }))
    if (errors[fieldId]) setErrors(({ [fieldId]: _drop, ...rest }) => rest)
  }

  const signUp = async () => {
    if (!view || busy) return
    const { answers, errors: found } = draftToAnswers(view.form, draft)
    if (Object.keys(found).length > 0) {
      setErrors(found)
      scrollToElement(`answer-${Object.keys(found)[0]}`)
      void Taro.showToast({ title: Object.values(found)[0], icon: 'none' })
      return
    }
    setBusy('signup')
    // First await of the tap: WeChat only shows the subscribe dialog from a tap.
    const accepted = await askForSubscriptions(subscribeTemplates)
    const subscribed: TemplateKey[] = process.env.TARO_ENV === 'weapp' ? accepted : subscribeDemo ? ['reminder', 'result'] : []
    const payload = { activityId: view.id, answers, subscribed: subscribed.length ? subscribed : undefined }
    try {
      const result = await signUpForActivity(payload, request.idFor(payload))
      request.done()
      if (result.status === 'registered') void Taro.showToast({ title: '报名成功', icon: 'success' })
      else void Taro.showToast({ title: `已进入候补，第 ${result.position ?? '?'} 位`, icon: 'none', duration: 2500 })
      load.setData({ ...view, myRegistration: result.registration })
      void fetchView()
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 2500 })
      if (error instanceof ApiCallError) {
        const byField = answerErrors(error.fields)
        if (Object.keys(byField).length) setErrors(byField)
        if (error.code !== 'INVALID_INPUT' && error.code !== 'NETWORK') void fetchView()
      }
    } finally {
      setBusy(null)
    }
  }

  const cancel = async () => {
    if (!view || busy) return
    const { confirm } = await Taro.showModal({
      title: '取消报名',
      content: view.myRegistration?.status === 'waitlisted' ? '取消后将失去候补位次，确定取消吗？' : '取消后名额会让给候补的同学，确定取消吗？',
      confirmText: '确定取消',
      confirmColor: '#C8161D',
      cancelText: '再想想',
    })
    if (!confirm) return
    setBusy('cancel')
    try {
      await cancelMySignUp(view.id)
      void Taro.showToast({ title: '已取消报名', icon: 'none' })
      await fetchView()
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  const join = () => {
    if (demo.enabled && !demo.session) openDemoLogin()
    else void Taro.navigateTo({ url: '/pages/join/index' })
  }

  if (load.status === 'loading') return <StateView kind='loading' title='正在加载活动…' />
  if (!view) {
    return load.errorCode === 'NOT_FOUND' ? (
      <StateView kind='empty' title='没有找到这个活动' description='它可能已被撤回，去活动页看看其他活动吧' actionText='看看其他活动' onAction={() => void Taro.switchTab({ url: '/pages/activities/index' })} />
    ) : (
      <StateView kind='error' title='活动没加载出来' description={load.error ?? ''} actionText='重试' onAction={() => void load.reload()} />
    )
  }

  const a = view
  const mine = a.myRegistration
  const active = mine && (mine.status === 'registered' || mine.status === 'waitlisted')
  const phase = phaseOf(a)
  const canCancel = active && a.status === 'published' && Date.now() < Date.parse(a.signUpCloseAt)
  const cover = coverUrl(a.coverImage)
  const eligibility = eligibilityLines(
    a.eligibility,
    { ...taxonomy, stationName: (sid) => stationNames.get(sid) },
    a.stationId !== null,
  )
  const showForm = a.canSignUp.ok && !active && Boolean(me.member)

  const renderAction = () => {
    if (active || mine?.status === 'checked_in') {
      return (
        <View className='activity-mine-actions'>
          {mine?.status === 'registered' && phase !== '已结束' ? (
            <Button id='go-check-in' className='btn btn-primary' onClick={() => Taro.navigateTo({ url: `/pages/check-in/index?activityId=${a.id}` })}>
              去签到
            </Button>
          ) : null}
          {canCancel ? (
            <Button id='cancel-sign-up' className='btn btn-plain' loading={busy === 'cancel'} disabled={busy !== null} onClick={cancel}>
              <Text>{busy === 'cancel' ? '正在取消…' : '取消报名'}</Text>
            </Button>
          ) : null}
        </View>
      )
    }
    if (!me.member && !me.loading) {
      return (
        <View>
          {a.openToPublic ? (
            // 面向公众/青少年: anyone signs up without joining (the form lives in the platform subpackage).
            <Button id='public-sign-up' className='btn btn-primary' onClick={() => void Taro.navigateTo({ url: publicSignUpUrl(a.id) })}>
              报名（公众，无需加入联盟）
            </Button>
          ) : null}
          <Text className='activity-reason'>加入翼展联盟后即可报名</Text>
          <Button id='join-to-sign-up' className={`btn ${a.openToPublic ? 'btn-ghost' : 'btn-primary'}`} onClick={join}>
            加入翼展联盟
          </Button>
        </View>
      )
    }
    if (!a.canSignUp.ok) {
      return (
        <Text className='activity-reason' id='sign-up-reason'>
          {a.canSignUp.reason}
        </Text>
      )
    }
    return (
      <View>
        {process.env.TARO_ENV === 'h5' ? (
          <Pressable role='checkbox' checked={subscribeDemo} id='subscribe-demo' className='activity-subscribe' onPress={() => setSubscribeDemo((v) => !v)}>
            <View className={`activity-subscribe__box${subscribeDemo ? ' activity-subscribe__box--on' : ''}`}>{subscribeDemo ? '✓' : ''}</View>
            <Text className='activity-subscribe__text'>接收活动提醒（示例：推送会出现在“我的 → 微信提醒记录”里）</Text>
          </Pressable>
        ) : null}
        <Button id='sign-up-submit' className='btn btn-primary' loading={busy === 'signup'} disabled={busy !== null} onClick={signUp}>
          <Text>{busy === 'signup' ? '正在报名…' : a.placesLeft > 0 ? '立即报名' : '名额已满，报名候补'}</Text>
        </Button>
      </View>
    )
  }

  return (
    <View className='page activity'>
      <DemoBanner />
      {cover ? (
        <Image className='activity-cover' src={cover} mode='aspectFill' nativeProps={{ alt: '活动封面' }} />
      ) : (
        <View className='activity-cover activity-cover--placeholder' style={{ background: TYPE_COLORS[a.type] }}>
          <Text className='activity-cover__text'>{typeName(a.type)}</Text>
        </View>
      )}

      <View className='card activity-head'>
        <Text className='activity-head__title' id='activity-title'>
          {a.title}
        </Text>
        <View className='activity-head__tags'>
          <Text className='badge badge--off' style={{ color: TYPE_COLORS[a.type] }}>
            {typeName(a.type)}
          </Text>
          <Text className={`badge ${phase === '报名中' ? 'badge--ok' : 'badge--off'}`} id='activity-phase'>
            {phase}
          </Text>
          {mine ? (
            <Text className={`badge badge--${REGISTRATION_TONES[mine.status]}`} id='my-status'>
              {registrationBadge(mine)}
            </Text>
          ) : null}
        </View>
        {a.status === 'cancelled' ? <Text className='activity-reason'>活动已取消：{a.cancelReason}</Text> : null}
      </View>

      <View className='card'>
        <View className='kv'>
          <Text className='kv__k'>活动时间</Text>
          <Text className='kv__v'>{formatRange(a.startAt, a.endAt)}</Text>
        </View>
        <View className='kv'>
          <Text className='kv__k'>活动地点</Text>
          <Text className='kv__v'>{a.place}</Text>
        </View>
        <View className='kv'>
          <Text className='kv__k'>主办单位</Text>
          <Text className='kv__v'>{a.hostOrg}</Text>
        </View>
        <View className='kv'>
          <Text className='kv__k'>报名时间</Text>
          <Text className='kv__v'>
            {formatTime(a.signUpOpenAt)} 至 {formatTime(a.signUpCloseAt)}
          </Text>
        </View>
        <View className='kv'>
          <Text className='kv__k'>名额</Text>
          <Text className='kv__v' id='activity-places'>
            共 {a.capacity} 人 · 已报名 {a.registeredCount} 人 · {placesText(a)}
            {a.waitlistCount > 0 && a.placesLeft > 0 ? ` · 候补 ${a.waitlistCount} 人` : ''}
            {!a.waitlist ? '（不设候补）' : ''}
          </Text>
        </View>
        <View className='kv'>
          <Text className='kv__k'>谁可以报名</Text>
          <View className='kv__v' id='activity-eligibility'>
            {eligibility.map((line) => (
              <Text key={line} className='activity-eligibility__line'>
                {line}
              </Text>
            ))}
          </View>
        </View>
      </View>

      <View className='card'>
        <Text className='section-title'>活动介绍</Text>
        <Text className='activity-desc' userSelect>
          {a.description}
        </Text>
      </View>

      {mine ? (
        <View className='card activity-mine' id='my-registration'>
          <Text className='section-title'>我的报名</Text>
          <Text className={`badge badge--${REGISTRATION_TONES[mine.status]} activity-mine__badge`}>{registrationBadge(mine)}</Text>
          <Text className='hint activity-mine__hint'>
            {mine.status === 'registered'
              ? '请准时参加，活动现场扫码或输入签到码签到。'
              : mine.status === 'waitlisted'
                ? '有同学取消时，会按候补顺序自动为你递补，并通知你。'
                : mine.status === 'checked_in'
                  ? '已签到，这次活动会记入你的翼展档案。'
                  : mine.status === 'absent'
                    ? '本次活动记为缺席。如有疑问请联系活动负责人。'
                    : '你已取消报名。'}
          </Text>
        </View>
      ) : null}

      {showForm && a.form.length > 0 ? (
        <View className='card' id='sign-up-form'>
          <Text className='section-title'>报名信息</Text>
          {prefilled ? <Text className='hint' id='sign-up-prefilled'>已按你的资料和上次填写的内容预先填好，请核对</Text> : null}
          <SignUpForm form={a.form} draft={draft} errors={errors} onChange={change} />
        </View>
      ) : null}

      <View className='action-bar-spacer' />
      <View className='action-bar'>{renderAction()}</View>
    </View>
  )
}
