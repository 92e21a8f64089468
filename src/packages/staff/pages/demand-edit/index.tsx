import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { createDemandInput, LEAGUE_CONTACT, updateDemandInput, type Demand } from '../../../../../types'
import StateView from '../../../../components/state-view'
import ChoiceChips from '@/components/choice-chips'
import { useTaxonomy } from '@/hooks/use-taxonomy'
import { createDemand, getDemand, updateDemand } from '../../../../features/policy/api'
import FormField from '@/components/form-field'
import PlatformPicker from '../../../../features/platform/components/platform-picker'
import { useStaffForm } from '../../../../features/policy/hooks/use-staff-form'
import { leavePage } from '../../../../utils/navigation'
import StaffGate from '../../staff-gate'
import { useEditDraft } from '@/hooks/use-edit-draft'
import '../../staff.scss'
import '../policy-edit/index.scss'

export default function DemandEditPage() {
  return <StaffGate>{() => <DemandEditor />}</StaffGate>
}

interface Draft {
  employer: string
  position: string
  field: string
  degree: string
  headcount: string
  place: string
  salaryMin: string
  salaryMax: string
  deadline: string
  description: string
  platformId: string | null
}

const EMPTY: Draft = { employer: '', position: '', field: '', degree: '', headcount: '', place: '', salaryMin: '', salaryMax: '', deadline: '', description: '', platformId: null }

const fromDemand = (d: Demand): Draft => ({
  ...d,
  headcount: String(d.headcount),
  salaryMin: d.salaryMin == null ? '' : String(d.salaryMin),
  salaryMax: d.salaryMax == null ? '' : String(d.salaryMax),
})

/** Numbers typed as text: blank is "not given", anything else goes to the schema as a number. */
const num = (s: string) => (s.trim() === '' ? undefined : Number(s.trim()))
const toInput = (d: Draft) => ({
  ...d,
  field: d.field || undefined,
  degree: d.degree || undefined,
  headcount: num(d.headcount),
  salaryMin: num(d.salaryMin) ?? null,
  salaryMax: num(d.salaryMax) ?? null,
  deadline: d.deadline || undefined,
})

/** A job the league brokers; students reach the employer only through the league. */
function DemandEditor() {
  const id = useRouter().params.id
  const tax = useTaxonomy()
  const form = useStaffForm()
  const { draft, setDraft, load: loaded } = useEditDraft(id, getDemand, fromDemand, EMPTY, '编辑岗位')

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    form.clearError(key)
  }

  const save = async () => {
    const input = toInput(draft)
    const saved = id
      ? await form.submit(updateDemandInput, { id, ...input }, (requestId) => updateDemand(updateDemandInput.parse({ id, ...input }), requestId))
      : await form.submit(createDemandInput, input, (requestId) => createDemand(createDemandInput.parse(input), requestId))
    if (!saved) return
    void Taro.showToast({ title: id ? '已保存' : '已发布', icon: 'success' })
    setTimeout(leavePage, 600)
  }

  if (loaded.status === 'loading') return <View className='page'><StateView kind='loading' /></View>
  if (loaded.status === 'error') {
    return (
      <View className='page'>
        <StateView kind='error' description={loaded.error ?? ''} actionText='重试' onAction={() => void loaded.reload()} />
      </View>
    )
  }

  const e = form.errors
  const text = (key: Exclude<keyof Draft, 'platformId'>, label: string, placeholder: string, opts: { optional?: boolean; number?: boolean; max?: number } = {}) => (
    <FormField name={key} label={label} optional={opts.optional} error={e[key]}>
      <Input
        className='sf-input'
        type={opts.number ? 'number' : 'text'}
        placeholder={placeholder}
        placeholderClass='sf-placeholder'
        maxlength={opts.max ?? 60}
        value={draft[key]}
        onInput={(ev) => set(key, ev.detail.value)}
      />
    </FormField>
  )

  return (
    <View className='page staff policy-edit'>
      <View className='card'>
        {text('employer', '用人单位', '如：驻马店市某生物医药有限公司')}
        <FormField name='platformId' label='用人单位是创新平台时，选择平台' optional error={e.platformId}>
          <PlatformPicker idPrefix='demand-platform' value={draft.platformId} onChange={(v) => set('platformId', v)} />
        </FormField>
        {text('position', '岗位', '如：研发工程师', { max: 40 })}
        <FormField name='field' label='重点产业领域' error={e.field}>
          <ChoiceChips idPrefix='field' items={tax.fields} selected={draft.field ? [draft.field] : []} onToggle={(f) => set('field', f)} invalid={Boolean(e.field)} />
        </FormField>
        <FormField name='degree' label='学历要求' error={e.degree}>
          <ChoiceChips idPrefix='degree' items={tax.degrees} selected={draft.degree ? [draft.degree] : []} onToggle={(d) => set('degree', d)} invalid={Boolean(e.degree)} />
        </FormField>
        {text('headcount', '招聘人数', '如：3', { number: true, max: 5 })}
        {text('place', '工作地点', '如：驿城区 驻马店经济开发区')}
        {text('salaryMin', '最低月薪（元）', '不填为面议', { optional: true, number: true, max: 7 })}
        {text('salaryMax', '最高月薪（元）', '不填为面议', { optional: true, number: true, max: 7 })}
        <FormField name='deadline' label='截止日期' error={e.deadline}>
          <View className='policy-edit__date'>
            <Picker mode='date' value={draft.deadline} onChange={(ev) => set('deadline', String(ev.detail.value))}>
              <Text className={draft.deadline ? '' : 'sf-placeholder'}>{draft.deadline || '选择日期'}</Text>
            </Picker>
          </View>
        </FormField>
        <FormField name='description' label='岗位说明' optional error={e.description}>
          <Textarea className='sf-textarea' maxlength={2000} placeholder='职责、要求、待遇等' placeholderClass='sf-placeholder' value={draft.description} onInput={(ev) => set('description', ev.detail.value)} />
        </FormField>
        <View className='form-field'>
          <Text className='form-field__label'>联系方式</Text>
          <Text className='hint'>同学看到的是：“{LEAGUE_CONTACT}”。用人单位的电话不会公开。</Text>
        </View>
      </View>
      <View className='policy-edit__actions'>
        <Button id='demand-save' className='btn btn-primary' loading={form.busy} disabled={form.busy || undefined} onClick={() => void save()}>
          <Text>{id ? '保存修改' : '发布岗位'}</Text>
        </Button>
      </View>
    </View>
  )
}
