import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import { PLATFORM_KINDS, PLATFORM_OFFERS, createPlatformInput, updatePlatformInput, type Platform } from '../../../../../types'
import ChoiceChips from '@/components/choice-chips'
import FormField, { FormText } from '@/components/form-field'
import StateView from '@/components/state-view'
import { useTaxonomy } from '@/hooks/use-taxonomy'
import { createPlatform, getPlatform, updatePlatform } from '../../../../features/platform/api'
import { useStaffForm } from '../../../../features/policy/hooks/use-staff-form'
import { leavePage } from '../../../../utils/navigation'
import { useIsStaff } from '../../use-staff'
import { useEditDraft } from '@/hooks/use-edit-draft'
import PhotoList from '../../photo-list'
import '../../platform.scss'

interface Draft {
  name: string
  kind: string
  county: string
  fields: string[]
  degrees: string[]
  offers: string[]
  hostOrg: string
  intro: string
  partners: string
  contactName: string
  contactPhone: string
  contactNote: string
  photos: string[]
}

const EMPTY: Draft = {
  name: '',
  kind: '',
  county: '',
  fields: [],
  degrees: [],
  offers: [],
  hostOrg: '',
  intro: '',
  partners: '',
  contactName: '',
  contactPhone: '',
  contactNote: '',
  photos: [],
}

const fromPlatform = (p: Platform): Draft => ({
  ...p,
  partners: p.partnerUniversities.join('、'),
  contactName: p.contact?.name ?? '',
  contactPhone: p.contact?.phone ?? '',
  contactNote: p.contact?.note ?? '',
})

const toInput = (d: Draft) => ({
  name: d.name,
  kind: d.kind || undefined,
  county: d.county || undefined,
  fields: d.fields,
  degrees: d.degrees,
  offers: d.offers,
  hostOrg: d.hostOrg,
  intro: d.intro,
  partnerUniversities: d.partners.split(/[、，,\s]+/).filter(Boolean),
  contact: d.contactName || d.contactPhone ? { name: d.contactName, phone: d.contactPhone, note: d.contactNote } : null,
  photos: d.photos,
})

export default function PlatformEditPage() {
  const staff = useIsStaff()
  if (staff.loading) return <View className='page'><StateView kind='loading' /></View>
  if (!staff.isStaff) return <View className='page'><StateView kind='error' title='仅团市委工作人员可以使用' /></View>
  return <PlatformEditor />
}

/** Staff: one platform's directory entry; the contact stays with staff. */
function PlatformEditor() {
  const id = useRouter().params.id
  const tax = useTaxonomy()
  const form = useStaffForm()
  const { draft, setDraft, load: loaded } = useEditDraft(id, getPlatform, fromPlatform, EMPTY, '编辑创新平台')
  const [uploading, setUploading] = useState(false)

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    form.clearError(key)
  }
  const toggleIn = (key: 'fields' | 'degrees' | 'offers') => (value: string) =>
    set(key, draft[key].includes(value) ? draft[key].filter((v) => v !== value) : [...draft[key], value])

  const save = async () => {
    if (uploading) return
    const input = toInput(draft)
    const saved = id
      ? await form.submit(updatePlatformInput, { id, ...input }, (requestId) => updatePlatform(updatePlatformInput.parse({ id, ...input }), requestId))
      : await form.submit(createPlatformInput, input, (requestId) => createPlatform(createPlatformInput.parse(input), requestId))
    if (!saved) return
    void Taro.showToast({ title: '已保存', icon: 'success' })
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
  const text = (key: keyof Draft & string, label: string, placeholder: string, max: number, opts: { optional?: boolean; multiline?: boolean; hint?: string } = {}) => (
    <FormField name={key} label={label} optional={opts.optional} hint={opts.hint} error={e[key]}>
      <FormText id={`platform-${key}-input`} value={String(draft[key])} onChange={(v) => set(key, v)} maxlength={max} placeholder={placeholder} multiline={opts.multiline} />
    </FormField>
  )

  return (
    <View className='page platform-edit'>
      <View className='card'>
        {text('name', '平台名称', '如：河南省生物医药重点实验室', 60)}
        <FormField name='kind' label='平台类型' error={e.kind}>
          <ChoiceChips idPrefix='platform-edit-kind' items={PLATFORM_KINDS} selected={draft.kind ? [draft.kind] : []} onToggle={(k) => set('kind', k)} invalid={Boolean(e.kind)} />
        </FormField>
        <FormField name='county' label='所在县区' error={e.county}>
          <ChoiceChips idPrefix='platform-edit-county' items={tax.counties} selected={draft.county ? [draft.county] : []} onToggle={(c) => set('county', c)} invalid={Boolean(e.county)} />
        </FormField>
        <FormField name='fields' label='服务的重点产业领域' hint='最多5个' error={e.fields ?? e['fields.0']}>
          <ChoiceChips idPrefix='platform-edit-field' items={tax.fields} selected={draft.fields} onToggle={toggleIn('fields')} invalid={Boolean(e.fields)} />
        </FormField>
        {text('hostOrg', '依托单位', '如：驻马店某生物科技有限公司', 60)}
        {text('intro', '平台简介', '做什么研究、有哪些设备、同学能来做什么', 2000, { multiline: true })}
        <FormField name='offers' label='提供的机会' optional error={e.offers}>
          <ChoiceChips idPrefix='platform-edit-offer' items={PLATFORM_OFFERS} selected={draft.offers} onToggle={toggleIn('offers')} />
        </FormField>
        <FormField name='degrees' label='面向学历' optional hint='不选为面向所有学历' error={e.degrees}>
          <ChoiceChips idPrefix='platform-edit-degree' items={tax.degrees} selected={draft.degrees} onToggle={toggleIn('degrees')} />
        </FormField>
        {text('partners', '合作高校', '多个用顿号分隔，校地共建的工作室请填写', 200, { optional: true })}
        <FormField name='photos' label='照片' optional hint='最多6张，png、jpg 或 webp，每张不超过2MB' error={e.photos ?? Object.entries(e).find(([k]) => k.startsWith('photos.'))?.[1]}>
          <PhotoList photos={draft.photos} onChange={(photos) => set('photos', photos)} onUploading={setUploading} />
        </FormField>
      </View>
      <View className='card'>
        {text('contactName', '联系人', '仅工作人员可见', 20, { optional: true })}
        {text('contactPhone', '联系电话', '仅工作人员可见', 20, { optional: true })}
        {text('contactNote', '联系人备注', '如：工作日 9:00—17:00', 100, { optional: true })}
      </View>
      <Button id='platform-save' className='btn btn-primary' loading={form.busy} disabled={form.busy || uploading || undefined} onClick={() => void save()}>
        保存
      </Button>
    </View>
  )
}
