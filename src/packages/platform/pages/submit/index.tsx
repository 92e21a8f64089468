import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { createActivityInput, createDemandInput } from '../../../../../types'
import ChoiceChips from '@/components/choice-chips'
import FormField, { FormText } from '@/components/form-field'
import { useTaxonomy } from '@/hooks/use-taxonomy'
import DateTimeField from '../../../../features/activity/components/datetime-field'
import { submitPlatformActivity, submitPlatformDemand } from '../../../../features/platform/api'
import { useStaffForm } from '../../../../features/policy/hooks/use-staff-form'
import { leavePage } from '../../../../utils/navigation'
import '../../platform.scss'

const at = (days: number, hour: number) => dayjs().add(days, 'day').hour(hour).minute(0).second(0).millisecond(0).format()

/** A contact's draft of their platform's visit, or a job it offers: staff review it before anyone sees it. */
export default function PlatformSubmitPage() {
  const params = useRouter().params
  const platformId = params.platformId ?? ''
  const kind = params.kind === 'demand' ? 'demand' : 'activity'
  useEffect(() => {
    if (kind === 'demand') void Taro.setNavigationBarTitle({ title: '提交岗位需求' })
  }, [kind])
  return kind === 'demand' ? <DemandForm platformId={platformId} /> : <VisitForm platformId={platformId} />
}

function VisitForm({ platformId }: { platformId: string }) {
  const form = useStaffForm()
  const [d, setD] = useState({
    title: '',
    description: '',
    hostOrg: '',
    place: '',
    startAt: at(14, 9),
    endAt: at(14, 12),
    signUpCloseAt: at(12, 18),
    capacity: '20',
  })
  const set = (key: keyof typeof d, value: string) => {
    setD((v) => ({ ...v, [key]: value }))
    form.clearError(key)
  }
  const save = async () => {
    const input = {
      type: 'lab_visit',
      ...d,
      capacity: /^\d+$/.test(d.capacity) ? Number(d.capacity) : d.capacity,
      signUpOpenAt: dayjs().second(0).millisecond(0).format(),
      waitlist: true,
      platformId,
    }
    const saved = await form.submit(createActivityInput, input, (requestId) => submitPlatformActivity(createActivityInput.parse(input), requestId))
    if (!saved) return
    void Taro.showToast({ title: '已提交，等待审核', icon: 'success' })
    setTimeout(leavePage, 600)
  }
  const e = form.errors
  const text = (key: 'title' | 'description' | 'hostOrg' | 'place' | 'capacity', label: string, placeholder: string, max: number, multiline = false) => (
    <FormField name={key} label={label} error={e[key]}>
      <FormText id={`submit-${key}-input`} value={d[key]} onChange={(v) => set(key, v)} maxlength={max} placeholder={placeholder} multiline={multiline} type={key === 'capacity' ? 'number' : 'text'} />
    </FormField>
  )
  const time = (key: 'startAt' | 'endAt' | 'signUpCloseAt', label: string) => (
    <FormField name={key} label={label} error={e[key]}>
      <DateTimeField label={label} value={d[key]} invalid={Boolean(e[key])} onChange={(v) => set(key, v)} />
    </FormField>
  )
  return (
    <View className='page platform-submit'>
      <View className='card'>
        {text('title', '活动标题', '例如：走进实验室·开放日', 40)}
        {text('description', '活动介绍', '参观什么、谁来讲、适合哪些专业的同学', 5000, true)}
        {text('hostOrg', '主办单位', '平台或依托单位名称', 60)}
        {text('place', '活动地点', '例如：驿城区生物医药产业园3号楼', 100)}
        {time('startAt', '开始时间')}
        {time('endAt', '结束时间')}
        {time('signUpCloseAt', '报名截止')}
        {text('capacity', '名额', '例如 20', 6)}
      </View>
      <Text className='hint'>提交后为草稿，团市委审核通过后发布给同学。</Text>
      <Button className='btn btn-primary' id='submit-save' loading={form.busy} disabled={form.busy || undefined} onClick={() => void save()}>
        提交审核
      </Button>
    </View>
  )
}

function DemandForm({ platformId }: { platformId: string }) {
  const tax = useTaxonomy()
  const form = useStaffForm()
  const [d, setD] = useState({ employer: '', position: '', field: '', degree: '', headcount: '', place: '', deadline: dayjs().add(30, 'day').format('YYYY-MM-DD'), description: '' })
  const set = (key: keyof typeof d, value: string) => {
    setD((v) => ({ ...v, [key]: value }))
    form.clearError(key)
  }
  const save = async () => {
    const input = {
      ...d,
      field: d.field || undefined,
      degree: d.degree || undefined,
      headcount: /^\d+$/.test(d.headcount) ? Number(d.headcount) : undefined,
      platformId,
    }
    const saved = await form.submit(createDemandInput, input, (requestId) => submitPlatformDemand(createDemandInput.parse(input), requestId))
    if (!saved) return
    void Taro.showToast({ title: '已提交，等待审核', icon: 'success' })
    setTimeout(leavePage, 600)
  }
  const e = form.errors
  const text = (key: 'employer' | 'position' | 'headcount' | 'place' | 'deadline' | 'description', label: string, placeholder: string, max: number, multiline = false) => (
    <FormField name={key} label={label} error={e[key]} optional={key === 'description'}>
      <FormText id={`submit-${key}-input`} value={d[key]} onChange={(v) => set(key, v)} maxlength={max} placeholder={placeholder} multiline={multiline} type={key === 'headcount' ? 'number' : 'text'} />
    </FormField>
  )
  return (
    <View className='page platform-submit'>
      <View className='card'>
        {text('employer', '用人单位', '平台或依托单位名称', 60)}
        {text('position', '岗位', '例如：研发助理', 40)}
        <FormField name='field' label='重点产业领域' error={e.field}>
          <ChoiceChips idPrefix='submit-field' items={tax.fields} selected={d.field ? [d.field] : []} onToggle={(v) => set('field', v)} invalid={Boolean(e.field)} />
        </FormField>
        <FormField name='degree' label='学历要求' error={e.degree}>
          <ChoiceChips idPrefix='submit-degree' items={tax.degrees} selected={d.degree ? [d.degree] : []} onToggle={(v) => set('degree', v)} invalid={Boolean(e.degree)} />
        </FormField>
        {text('headcount', '招聘人数', '例如 2', 5)}
        {text('place', '工作地点', '例如：驿城区', 60)}
        {text('deadline', '截止日期', '例如 2026-12-31', 10)}
        {text('description', '岗位说明', '职责、要求、待遇', 2000, true)}
      </View>
      <Button className='btn btn-primary' id='submit-save' loading={form.busy} disabled={form.busy || undefined} onClick={() => void save()}>
        提交审核
      </Button>
    </View>
  )
}
