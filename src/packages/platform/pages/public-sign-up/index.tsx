import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import ChoiceChips from '@/components/choice-chips'
import FormField, { FormText } from '@/components/form-field'
import StateView from '@/components/state-view'
import { useLoad } from '@/hooks/use-load'
import { useRequestId } from '@/hooks/use-request-id'
import { ApiCallError, errorMessage } from '@/services/api'
import { GUARDIAN_RELATIONS, PUBLIC_GUARDIAN_AGE, PUBLIC_PARTICIPANTS_MAX, PUBLIC_SIGN_UP_PRIVACY, type GuardianRelationId, type PublicRegistration } from '../../../../../types'
import { activityForPublic, cancelPublicSignUp, myPublicSignUp, publicCheckIn, publicSignUp } from '../../../../features/platform/api'
import { whenOf } from '../../../../features/platform/labels'
import { myPublicDataUrl } from '../../../../features/platform/urls'
import '../../platform.scss'
import './index.scss'

interface Draft {
  name: string
  age: string
  school: string
  grade: string
  phone: string
  guardianName: string
  relation: GuardianRelationId | ''
  guardianPhone: string
  consent: boolean
}

const EMPTY: Draft = { name: '', age: '', school: '', grade: '', phone: '', guardianName: '', relation: '', guardianPhone: '', consent: false }

/** The next child's form keeps the guardian's details (not the consent: it is given per child). */
const nextParticipant = (d: Draft): Draft => ({ ...EMPTY, guardianName: d.guardianName, relation: d.relation, guardianPhone: d.guardianPhone })

const relationName = (id: GuardianRelationId | undefined) => GUARDIAN_RELATIONS.find((r) => r.id === id)?.name ?? ''

/** `guardian.consent` → `consent`, `guardian` → `consent` (shown by the tick box), the rest as they are. */
const FIELD_OF: Record<string, string> = {
  guardian: 'consent',
  'guardian.consent': 'consent',
  'guardian.name': 'guardianName',
  'guardian.relation': 'relation',
  'guardian.phone': 'guardianPhone',
}

/**
 * 报名（公众）: the short form for an activity open to the public, for people who do not join the
 * alliance. Under 14 it becomes the guardian's form (name, relation, phone, consent); the server
 * refuses an under-14 sign-up without that consent. One account may sign up to
 * PUBLIC_PARTICIPANTS_MAX participants (a parent's children), each its own place; the person sees
 * and may cancel each sign-up here.
 */
export default function PublicSignUpPage() {
  const { params } = useRouter()
  const activityId = params.activityId ?? ''
  const load = useLoad(async () => {
    const [activity, mine] = await Promise.all([activityForPublic(activityId), myPublicSignUp(activityId)])
    return { activity, mine }
  }, activityId)
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [checkInCode, setCheckInCode] = useState('')
  const [checkInError, setCheckInError] = useState<string | undefined>()
  /** 'submit', or the id of the sign-up being cancelled. */
  const [busy, setBusy] = useState<string | null>(null)
  const request = useRequestId()
  usePullDownRefresh(() => {
    void load.reload(true).finally(() => Taro.stopPullDownRefresh())
  })

  const change = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    if (errors[key]) setErrors(({ [key]: _drop, ...rest }) => rest)
  }

  const age = /^\d{1,3}$/.test(draft.age.trim()) ? Number(draft.age.trim()) : null
  const minor = age !== null && age < PUBLIC_GUARDIAN_AGE

  const submit = async () => {
    if (busy) return
    const payload = {
      activityId,
      name: draft.name,
      age: age ?? (draft.age.trim() === '' ? undefined : draft.age),
      school: draft.school,
      grade: draft.grade,
      phone: minor ? draft.phone || null : draft.phone,
      guardian: minor ? { name: draft.guardianName, relation: draft.relation || undefined, phone: draft.guardianPhone, consent: draft.consent } : null,
    }
    setBusy('submit')
    setErrors({})
    try {
      // Loose on purpose: the shared schema on the server names what is wrong.
      await publicSignUp(payload as Parameters<typeof publicSignUp>[0], request.idFor(payload))
      request.done()
      setDraft(nextParticipant)
      void Taro.showToast({ title: '报名成功', icon: 'success' })
      await load.reload(true)
    } catch (error) {
      if (error instanceof ApiCallError && Object.keys(error.fields).length) {
        const byField: Record<string, string> = {}
        for (const [path, message] of Object.entries(error.fields)) byField[FIELD_OF[path] ?? path] ??= message
        setErrors(byField)
      }
      void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 2500 })
    } finally {
      setBusy(null)
    }
  }

  const cancel = async (r: PublicRegistration) => {
    if (busy) return
    const { confirm } = await Taro.showModal({ title: '取消报名', content: `取消${r.name}的报名后名额会让给其他人，确定取消吗？`, confirmText: '确定取消', cancelText: '再想想' })
    if (!confirm) return
    setBusy(r.id)
    try {
      await cancelPublicSignUp(activityId, r.id)
      void Taro.showToast({ title: '已取消报名', icon: 'none' })
      await load.reload(true)
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  const checkIn = async () => {
    if (busy) return
    setBusy('check-in')
    setCheckInError(undefined)
    try {
      await publicCheckIn(activityId, checkInCode.trim())
      setCheckInCode('')
      void Taro.showToast({ title: '签到成功', icon: 'success' })
      await load.reload(true)
    } catch (error) {
      setCheckInError(errorMessage(error))
    } finally {
      setBusy(null)
    }
  }

  if (load.status === 'loading') return <View className='page'><StateView kind='loading' title='正在加载…' /></View>
  if (load.status === 'error' || !load.data) {
    return (
      <View className='page'>
        <StateView kind='error' title='没有加载出来' description={load.error ?? ''} actionText='重试' onAction={() => void load.reload()} />
      </View>
    )
  }

  const { activity, mine } = load.data
  const held = mine.registrations.filter((r) => r.status === 'registered')
  const canCancel = activity.status === 'published' && Date.now() < Date.parse(activity.signUpCloseAt)
  const formOpen = mine.canSignUp.ok && mine.participantsLeft > 0
  const checkInOpen = mine.checkInOpen
  const toCheckIn = held.filter((r) => r.checkedInAt === null).length

  return (
    <View className='page public-sign-up'>
      <View className='card'>
        <Text className='public-sign-up__title' id='public-activity-title'>{activity.title}</Text>
        <Text className='public-sign-up__meta'>
          {whenOf(activity.startAt)} · {activity.place}
        </Text>
        <Text className='public-sign-up__meta'>面向公众/青少年，无需加入翼展联盟 · 剩余名额 {mine.placesLeft}</Text>
      </View>

      {held.length > 0 ? (
        <View className='card' id='public-signed'>
          <Text className='public-sign-up__done'>报名成功（公众）</Text>
          {held.map((r, i) => (
            <View className='public-sign-up__person' key={r.id} id={`public-signed-${i}`}>
              <Text className='public-sign-up__line'>
                参加者：{r.name}，{r.age}岁{r.school ? ` · ${r.school}` : ''}
                {r.grade ? ` ${r.grade}` : ''}
                {r.checkedInAt ? ' · 已签到' : ''}
              </Text>
              {r.guardian ? (
                <Text className='public-sign-up__line' id={i === 0 ? 'public-signed-guardian' : undefined}>
                  监护人：{r.guardian.name}（{relationName(r.guardian.relation)}），已同意
                </Text>
              ) : null}
              {canCancel ? (
                <View className='public-sign-up__actions'>
                  <Button
                    id={held.length === 1 ? 'public-cancel' : `public-cancel-${i}`}
                    className='btn btn-ghost'
                    loading={busy === r.id}
                    disabled={busy !== null}
                    onClick={() => void cancel(r)}
                  >
                    <Text>{busy === r.id ? '正在取消…' : held.length === 1 ? '取消报名' : `取消${r.name}的报名`}</Text>
                  </Button>
                </View>
              ) : null}
            </View>
          ))}
          <Text className='public-sign-up__line'>活动当天请凭参加者姓名入场。报名信息在活动结束30天后删除。</Text>
          {checkInOpen && toCheckIn > 0 ? (
            <View className='public-sign-up__check-in' id='public-check-in'>
              <FormField name='checkInCode' label='现场签到' hint='输入现场屏幕上的6位签到码，为上面所有参加者一起签到' error={checkInError}>
                <FormText id='public-check-in-code' type='number' value={checkInCode} onChange={setCheckInCode} maxlength={6} placeholder='6位签到码' />
              </FormField>
              <Button
                id='public-check-in-submit'
                className='btn btn-primary'
                loading={busy === 'check-in'}
                disabled={busy !== null || checkInCode.trim().length !== 6 || undefined}
                onClick={() => void checkIn()}
              >
                签到
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}

      {!mine.canSignUp.ok ? (
        held.length === 0 ? <StateView kind='empty' title='现在不能报名' description={mine.canSignUp.reason} /> : null
      ) : !formOpen ? (
        <Text className='hint public-sign-up__limit' id='public-limit'>
          一个微信最多为{PUBLIC_PARTICIPANTS_MAX}位参加者报名同一活动
        </Text>
      ) : (
        <View className='card' id='public-form'>
          {held.length > 0 ? (
            <Text className='hint' id='public-another'>
              还可以为{mine.participantsLeft}位参加者（如家中的其他孩子）报名，每位占一个名额
            </Text>
          ) : (
            <Text className='hint'>一个微信最多可为{PUBLIC_PARTICIPANTS_MAX}位参加者报名，每位占一个名额</Text>
          )}
          <Text className='section-title'>参加者信息</Text>
          <FormField name='name' label='参加者姓名' error={errors.name}>
            <FormText id='public-name' value={draft.name} onChange={(v) => change('name', v)} maxlength={20} placeholder='参加活动的人的姓名' />
          </FormField>
          <FormField name='age' label='年龄（周岁）' hint={`未满${PUBLIC_GUARDIAN_AGE}周岁须由监护人报名`} error={errors.age}>
            <FormText id='public-age' type='number' value={draft.age} onChange={(v) => change('age', v)} maxlength={3} placeholder='例如 12' />
          </FormField>
          <FormField name='school' label='学校' optional error={errors.school}>
            <FormText id='public-school' value={draft.school} onChange={(v) => change('school', v)} maxlength={40} placeholder='例如 驿城区实验小学' />
          </FormField>
          <FormField name='grade' label='年级' optional error={errors.grade}>
            <FormText id='public-grade' value={draft.grade} onChange={(v) => change('grade', v)} maxlength={20} placeholder='例如 六年级' />
          </FormField>
          {minor ? (
            <View id='public-guardian'>
              <Text className='section-title'>监护人信息（由监护人填写）</Text>
              <FormField name='guardianName' label='监护人姓名' error={errors.guardianName}>
                <FormText id='public-guardian-name' value={draft.guardianName} onChange={(v) => change('guardianName', v)} maxlength={20} placeholder='父母或其他监护人的姓名' />
              </FormField>
              <FormField name='relation' label='与参加者的关系' error={errors.relation}>
                <ChoiceChips
                  idPrefix='public-relation'
                  items={GUARDIAN_RELATIONS}
                  selected={draft.relation ? [draft.relation] : []}
                  onToggle={(id) => change('relation', draft.relation === id ? '' : (id as GuardianRelationId))}
                  invalid={Boolean(errors.relation)}
                />
              </FormField>
              <FormField name='guardianPhone' label='监护人手机号' error={errors.guardianPhone}>
                <FormText id='public-guardian-phone' type='number' value={draft.guardianPhone} onChange={(v) => change('guardianPhone', v)} maxlength={11} placeholder='11位手机号' />
              </FormField>
              <View className='form-field' id='field-consent'>
                <Pressable id='public-consent' className='public-sign-up__consent' role='checkbox' checked={draft.consent} onPress={() => change('consent', !draft.consent)}>
                  <View className={`public-sign-up__box${draft.consent ? ' public-sign-up__box--on' : ''}`}>{draft.consent ? '✓' : ''}</View>
                  <Text className='public-sign-up__consent-text'>我是参加者的监护人，已阅读下方说明，同意为组织本次活动处理孩子的上述个人信息。</Text>
                </Pressable>
                {errors.consent ? <Text className='form-field__error' id='error-consent'>{errors.consent}</Text> : null}
              </View>
            </View>
          ) : (
            <FormField name='phone' label='联系电话' error={errors.phone}>
              <FormText id='public-phone' type='number' value={draft.phone} onChange={(v) => change('phone', v)} maxlength={11} placeholder='11位手机号' />
            </FormField>
          )}
          <Button id='public-submit' className='btn btn-primary' loading={busy === 'submit'} disabled={busy !== null} onClick={() => void submit()}>
            <Text>{busy === 'submit' ? '正在报名…' : '提交报名'}</Text>
          </Button>
        </View>
      )}

      <View className='card'>
        <Text className='section-title'>个人信息说明</Text>
        <Text className='public-sign-up__privacy' id='public-privacy'>{PUBLIC_SIGN_UP_PRIVACY}</Text>
        <Button id='public-my-data' className='btn btn-ghost' onClick={() => void Taro.navigateTo({ url: myPublicDataUrl() })}>
          查看、导出或删除我填写的报名信息
        </Button>
      </View>
    </View>
  )
}
