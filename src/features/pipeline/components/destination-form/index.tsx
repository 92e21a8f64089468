import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Picker, Text, View } from '@tarojs/components'
import type { DestinationRecord, ReportDestinationInput } from '../../../../../types'
import {
  CONSIDER_RETURN,
  COUNTIES,
  DESTINATION_STATUSES,
  HOME_CITY,
  NOT_RETURNING_REASONS,
  PROVINCES,
  WORKING_STATUSES,
  reportDestinationInput,
  toFieldErrors,
} from '../../../../../types'
import ChoiceChips from '@/components/choice-chips'
import FormField, { FormText } from '@/components/form-field'
import { useRequestId } from '@/hooks/use-request-id'
import { ApiCallError, errorMessage } from '@/services/api'
import { reportDestination } from '../../api'
import './index.scss'

interface Draft {
  status: string
  workProvince: string
  workCity: string
  workCounty: string
  employer: string
  field: string
  reasons: string[]
  reasonText: string
  considerReturn: string
}

const EMPTY: Draft = {
  status: '',
  workProvince: 'henan',
  workCity: HOME_CITY,
  workCounty: '',
  employer: '',
  field: '',
  reasons: [],
  reasonText: '',
  considerReturn: '',
}

export interface DestinationFormProps {
  onSaved: (record: DestinationRecord) => void
}

/** 去向登记: status, place (to the county in 驻马店), employer, and why not 驻马店 when it is not. */
export default function DestinationForm({ onSaved }: DestinationFormProps) {
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const requestId = useRequestId()
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }))

  const inHomeCity = draft.workProvince === 'henan' && draft.workCity === HOME_CITY
  const returning = inHomeCity && draft.workCounty !== '' && (WORKING_STATUSES as readonly string[]).includes(draft.status)
  const provinceIndex = Math.max(0, PROVINCES.findIndex((p) => p.id === draft.workProvince))
  const countyIndex = COUNTIES.findIndex((c) => c.id === draft.workCounty)

  const payload = (): ReportDestinationInput =>
    ({
      status: draft.status || undefined,
      workProvince: draft.workProvince,
      workCity: draft.workCity,
      workCounty: inHomeCity && draft.workCounty ? draft.workCounty : null,
      employer: draft.employer,
      field: draft.field,
      reasons: returning ? [] : draft.reasons,
      reasonText: returning ? '' : draft.reasonText,
      considerReturn: returning || !draft.considerReturn ? null : draft.considerReturn,
    }) as ReportDestinationInput

  const submit = async () => {
    if (busy) return
    const input = payload()
    const checked = reportDestinationInput.safeParse(input)
    if (!checked.success) {
      const { message, fields } = toFieldErrors(checked.error)
      setErrors(fields)
      void Taro.showToast({ title: message, icon: 'none' })
      return
    }
    setErrors({})
    setBusy(true)
    try {
      const record = await reportDestination(input, requestId.idFor(input))
      requestId.done()
      setDraft(EMPTY)
      void Taro.showToast({ title: '已登记', icon: 'success' })
      onSaved(record)
    } catch (error) {
      if (error instanceof ApiCallError && error.fields) setErrors(error.fields)
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card destination-form' id='destination-form'>
      <FormField name='status' label='毕业去向' hint='教育部毕业去向分类' error={errors.status}>
        <ChoiceChips idPrefix='destination-status' items={DESTINATION_STATUSES} selected={draft.status ? [draft.status] : []} onToggle={(id) => set('status', id)} invalid={!!errors.status} />
      </FormField>
      <FormField name='workProvince' label='工作（学习）省份' error={errors.workProvince}>
        <Picker mode='selector' range={PROVINCES.map((p) => p.name)} value={provinceIndex} onChange={(e) => set('workProvince', PROVINCES[Number(e.detail.value)]?.id ?? 'henan')}>
          <Text className='form-input destination-form__picker'>{PROVINCES[provinceIndex].name} ▾</Text>
        </Picker>
      </FormField>
      <FormField name='workCity' label='城市' optional hint={draft.workProvince === 'henan' ? `在驻马店请填“${HOME_CITY}”，再选县区` : undefined} error={errors.workCity}>
        <Input className='form-input' id='destination-city' value={draft.workCity} maxlength={20} placeholder='如：郑州市' onInput={(e) => set('workCity', e.detail.value)} />
      </FormField>
      {inHomeCity ? (
        <FormField name='workCounty' label='工作县区' error={errors.workCounty}>
          <ChoiceChips idPrefix='destination-county' items={COUNTIES} selected={draft.workCounty ? [draft.workCounty] : []} onToggle={(id) => set('workCounty', id)} invalid={!!errors.workCounty} />
          {countyIndex < 0 ? <Text className='hint'>请选择一个县区</Text> : null}
        </FormField>
      ) : null}
      <FormField name='employer' label='单位名称' optional error={errors.employer}>
        <Input className='form-input' value={draft.employer} maxlength={60} placeholder='工作单位或就读学校' onInput={(e) => set('employer', e.detail.value)} />
      </FormField>
      <FormField name='field' label='从事领域' optional error={errors.field}>
        <Input className='form-input' value={draft.field} maxlength={32} placeholder='如：电子信息' onInput={(e) => set('field', e.detail.value)} />
      </FormField>
      {returning ? null : (
        <View>
          <FormField name='reasons' label='没有回驻马店的原因' optional hint='可多选，帮助家乡改进人才政策' error={errors.reasons}>
            <ChoiceChips
              idPrefix='destination-reason'
              items={NOT_RETURNING_REASONS}
              selected={draft.reasons}
              onToggle={(id) => set('reasons', draft.reasons.includes(id) ? draft.reasons.filter((r) => r !== id) : [...draft.reasons, id])}
            />
          </FormField>
          <FormField name='reasonText' label='其他原因说明' optional error={errors.reasonText}>
            <FormText multiline value={draft.reasonText} maxlength={200} placeholder='还有哪些原因？（选填）' onChange={(value) => set('reasonText', value)} />
          </FormField>
          <FormField name='considerReturn' label='是否考虑回驻马店' optional error={errors.considerReturn}>
            <ChoiceChips idPrefix='destination-consider' items={CONSIDER_RETURN} selected={draft.considerReturn ? [draft.considerReturn] : []} onToggle={(id) => set('considerReturn', id)} />
          </FormField>
        </View>
      )}
      <Button className='btn btn-primary' id='destination-submit' loading={busy} disabled={busy || undefined} onClick={() => void submit()}>
        <Text>{busy ? '正在提交…' : '提交登记'}</Text>
      </Button>
      <Text className='hint'>每次提交都会新增一条记录，以前的登记会保留；统计使用最新的一条。</Text>
    </View>
  )
}
