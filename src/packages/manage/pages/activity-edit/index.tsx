import { useEffect, useState, type ReactNode } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Image, Switch, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import FormField, { FormText } from '@/components/form-field'
import { createActivityInput, toFieldErrors, type ActivityTypeId } from '../../../../../types'
import StateView from '../../../../components/state-view'
import {
  draftFromActivity,
  draftToCandidate,
  emptyActivityDraft,
  errorsByInput,
  type ActivityDraft,
} from '../../../../features/activity/activity-draft'
import { createActivity, getActivity, updateActivity } from '../../../../features/activity/api'
import { rememberSaved } from '@/services/just-saved'
import DateTimeField from '../../../../features/activity/components/datetime-field'
import FormBuilder from '../../../../features/activity/components/form-builder'
import { useActivityTaxonomy } from '../../../../features/activity/hooks/use-activity-taxonomy'
import { useStationList } from '../../../../features/activity/hooks/use-station-names'
import ChoiceChips from '@/components/choice-chips'
import PlatformPicker from '../../../../features/platform/components/platform-picker'
import { useMe } from '@/hooks/use-me'
import { useRequestId } from '@/hooks/use-request-id'
import { useTaxonomy } from '@/hooks/use-taxonomy'
import { ApiCallError, errorMessage } from '../../../../services/api'
import { coverUrl, pickImage, uploadCover } from '../../../../services/upload'
import { leavePage, pause } from '../../../../utils/navigation'
import { scrollToElement } from '../../../../utils/scroll'
import { useLoad } from '@/hooks/use-load'
import '../../../../features/activity/activity.scss'
import './index.scss'

type TextKey = 'title' | 'hostOrg' | 'place'
type TimeKey = 'signUpOpenAt' | 'signUpCloseAt' | 'startAt' | 'endAt'

const TIMES: { key: TimeKey; label: string }[] = [
  { key: 'startAt', label: '活动开始' },
  { key: 'endAt', label: '活动结束' },
  { key: 'signUpOpenAt', label: '报名开始' },
  { key: 'signUpCloseAt', label: '报名截止' },
]

/** Create or edit an activity (staff; a station head's is for their own station). */
export default function ActivityEditPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const me = useMe()
  const taxonomy = useTaxonomy()
  const { activityTypes } = useActivityTaxonomy()
  const isStaff = me.member?.role === 'staff'
  const stations = useStationList(isStaff)
  const [draft, setDraft] = useState<ActivityDraft>(emptyActivityDraft)
  const [ownStation, setOwnStation] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const [uploading, setUploading] = useState<string | null>(null)
  const request = useRequestId()

  // Editing: the activity is read once and becomes the draft; a new one starts from the empty draft.
  const load = useLoad(
    id
      ? () =>
          getActivity(id).then((a) => {
            setDraft(draftFromActivity(a))
            setOwnStation(a.stationId !== null)
            return true
          })
      : async () => true,
    id,
  )
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id ? '编辑活动' : '新建活动' })
  }, [id])

  const change = <K extends keyof ActivityDraft>(key: K, value: ActivityDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    const errorKey = key === 'degrees' || key === 'counties' || key === 'fields' || key === 'stationIds' ? 'eligibility' : key
    if (errors[errorKey]) setErrors(({ [errorKey]: _drop, ...rest }) => rest)
  }
  const toggle = (key: 'degrees' | 'counties' | 'fields' | 'stationIds', value: string) =>
    change(key, draft[key].includes(value) ? draft[key].filter((v) => v !== value) : [...draft[key], value])

  const chooseCover = async () => {
    const image = await pickImage()
    if (!image) return
    setUploading(image.preview)
    try {
      change('coverImage', await uploadCover(image))
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setUploading(null)
    }
  }

  const showErrors = (fields: Record<string, string>) => {
    const byInput = errorsByInput(fields)
    setErrors(byInput)
    const first = Object.keys(byInput)[0]
    if (first && first !== '_') scrollToElement(first.startsWith('form.') ? `form-field-${first.slice(5)}` : `field-${first}`)
  }

  const save = async () => {
    if (saving || uploading) return
    const parsed = createActivityInput.safeParse(draftToCandidate(draft))
    if (!parsed.success) {
      const { message, fields } = toFieldErrors(parsed.error)
      void Taro.showToast({ title: message, icon: 'none', duration: 2500 })
      showErrors(fields)
      return
    }
    setSaving(true)
    try {
      const { stationId: _ignored, ...fields } = parsed.data
      if (id) await updateActivity({ id, ...fields }, request.idFor({ id, ...fields }))
      else rememberSaved('activity', await createActivity(fields, request.idFor(fields)))
      request.done()
      void Taro.showToast({ title: id ? '已保存' : '已保存为草稿', icon: 'success' })
      await pause(600)
      leavePage()
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 2500 })
      if (error instanceof ApiCallError && Object.keys(error.fields).length) showErrors(error.fields)
    } finally {
      setSaving(false)
    }
  }

  if (me.loading || load.status === 'loading') return <StateView kind='loading' />
  if (!me.member || (me.member.role !== 'staff' && me.member.role !== 'station_head')) {
    return <StateView kind='empty' title='只有团市委工作人员和站长可以发布活动' />
  }
  if (load.status === 'error') return <StateView kind='error' description={load.error ?? ''} actionText='重试' onAction={() => void load.reload()} />

  const field = (key: string, label: string, body: ReactNode, hint?: string) => (
    <FormField name={key} label={label} hint={hint} error={errors[key]}>
      {body}
    </FormField>
  )
  const textInput = (key: TextKey, placeholder: string, maxlength: number) => (
    <FormText value={draft[key]} maxlength={maxlength} placeholder={placeholder} onChange={(v) => change(key, v)} />
  )
  const cover = uploading ?? coverUrl(draft.coverImage)

  return (
    <View className='page activity-edit'>
      <View className='card'>
        <Text className='section-title'>基本信息</Text>
        {field(
          'type',
          '活动类型',
          <ChoiceChips
            idPrefix='activity-type'
            items={activityTypes}
            selected={draft.type ? [draft.type] : []}
            onToggle={(t) => change('type', t === draft.type ? '' : (t as ActivityTypeId))}
            invalid={Boolean(errors.type)}
          />,
        )}
        {field('title', '活动标题', textInput('title', '例如：“翼展计划”暑期社会实践', 40))}
        {field('hostOrg', '主办单位', textInput('hostOrg', '实验室、创新中心或企业', 60))}
        {field('place', '活动地点', textInput('place', '例如：驻马店市青年创新创业中心', 100))}
        {field('platformId', '所属创新平台（选填）', <PlatformPicker idPrefix='activity-platform' value={draft.platformId} onChange={(v) => change('platformId', v)} />)}
        {field(
          'description',
          '活动介绍',
          <FormText
            multiline
            value={draft.description}
            maxlength={5000}
            placeholder='做什么、能收获什么、要准备什么'
            onChange={(v) => change('description', v)}
          />,
        )}
        {field(
          'coverImage',
          '封面图',
          <Pressable className='ae-cover' id='cover-pick' onPress={chooseCover}>
            {cover ? <Image className='ae-cover__img' src={cover} mode='aspectFill' nativeProps={{ alt: '封面预览' }} /> : <Text className='ae-cover__empty'>+ 上传封面（可不传）</Text>}
            {uploading ? <Text className='ae-cover__busy'>正在上传…</Text> : null}
          </Pressable>,
          '建议横图，不超过2MB',
        )}
        {draft.coverImage ? (
          <Pressable inline className='ae-link' onPress={() => change('coverImage', null)}>
            移除封面
          </Pressable>
        ) : null}
      </View>

      <View className='card'>
        <Text className='section-title'>时间</Text>
        {TIMES.map((t) =>
          field(t.key, t.label, <DateTimeField label={t.label} value={draft[t.key]} invalid={Boolean(errors[t.key])} onChange={(v) => change(t.key, v)} />),
        )}
        <Text className='hint'>签到在活动开始前1小时开放，活动结束时关闭</Text>
      </View>

      <View className='card'>
        <Text className='section-title'>名额</Text>
        {field(
          'capacity',
          '名额（人）',
          <FormText type='number' value={draft.capacity} maxlength={6} placeholder='例如 30' onChange={(v) => change('capacity', v)} />,
        )}
        <View className='ae-switch' id='field-waitlist'>
          <View>
            <Text className='form-field__label'>名额满后允许候补</Text>
            <Text className='hint form-field__hint'>有人取消时按顺序自动递补并通知</Text>
          </View>
          <Switch id='waitlist-switch' nativeProps={{ 'aria-label': '名额满后允许候补' }} checked={draft.waitlist} color='#C8161D' onChange={(e) => change('waitlist', e.detail.value)} />
        </View>
        <View className='ae-switch' id='field-openToPublic'>
          <View>
            <Text className='form-field__label'>面向公众/青少年</Text>
            <Text className='hint form-field__hint'>不加入联盟也能报名（未满14周岁由监护人报名），与成员共用名额；报名信息在活动结束30天后删除</Text>
            {errors.openToPublic ? <Text className='form-field__error' id='error-openToPublic'>{errors.openToPublic}</Text> : null}
          </View>
          <Switch id='public-switch' nativeProps={{ 'aria-label': '面向公众/青少年' }} checked={draft.openToPublic} color='#C8161D' onChange={(e) => change('openToPublic', e.detail.value)} />
        </View>
      </View>

      <View className='card' id='field-eligibility'>
        <Text className='section-title'>谁可以报名</Text>
        <Text className='hint'>都不选表示所有翼展联盟成员；每一类里选中任意一项即可</Text>
        {ownStation || me.member.role === 'station_head' ? <Text className='hint form-field__hint'>本驿站的活动只有本驿站成员能报名</Text> : null}
        <Text className='form-field__label ae-sub'>学历</Text>
        <ChoiceChips idPrefix='elig-degree' items={taxonomy.degrees} selected={draft.degrees} onToggle={(v) => toggle('degrees', v)} />
        <Text className='form-field__label ae-sub'>家乡县区</Text>
        <ChoiceChips idPrefix='elig-county' items={taxonomy.counties} selected={draft.counties} onToggle={(v) => toggle('counties', v)} />
        <Text className='form-field__label ae-sub'>关注的重点产业领域</Text>
        <ChoiceChips idPrefix='elig-field' items={taxonomy.fields} selected={draft.fields} onToggle={(v) => toggle('fields', v)} />
        {isStaff && !ownStation ? (
          <View>
            <Text className='form-field__label ae-sub'>翼展驿站</Text>
            {stations.length ? (
              <ChoiceChips idPrefix='elig-station' items={stations} selected={draft.stationIds} onToggle={(v) => toggle('stationIds', v)} />
            ) : (
              <Text className='hint'>正在加载驿站…</Text>
            )}
          </View>
        ) : null}
        {errors.eligibility ? <Text className='field-error'>{errors.eligibility}</Text> : null}
      </View>

      <View className='card' id='field-form'>
        <Text className='section-title'>报名表</Text>
        <Text className='hint'>学生的姓名、学校、学历、手机号会自动带上，这里只加额外的问题</Text>
        <FormBuilder form={draft.form} errors={errors} onChange={(form) => change('form', form)} />
        {errors.form ? <Text className='field-error'>{errors.form}</Text> : null}
      </View>

      {errors._ ? <Text className='field-error ae-form-error'>{errors._}</Text> : null}
      <View className='action-bar-spacer' />
      <View className='action-bar'>
        <Button id='activity-save' className='btn btn-primary' loading={saving} disabled={saving || uploading !== null} onClick={save}>
          <Text>{saving ? '正在保存…' : id ? '保存修改' : '保存为草稿'}</Text>
        </Button>
      </View>
    </View>
  )
}
