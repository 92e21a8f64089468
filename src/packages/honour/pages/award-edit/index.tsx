import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { AWARD_KINDS, AWARD_LEVELS, QUOTA_SCOPES, type Award, type AwardKind, type AwardLevel, type QuotaScope } from '../../../../../types'
import StateView from '../../../../components/state-view'
import ChoiceChips from '../../../../components/choice-chips'
import FormField, { FormText } from '../../../../components/form-field'
import StaffGate from '../../../staff/staff-gate'
import { ApiCallError, errorMessage } from '@/services/api'
import { useLoad } from '@/hooks/use-load'
import { createAward, fetchAward, updateAward } from '@/features/honour/api'
import '@/features/honour/honour.scss'

/** Numbers typed as text: blank is "not set", anything else is sent as typed so the server names a bad one. */
const numberOr = (value: string, fallback: number | null): number | null => (value.trim() === '' ? fallback : Number(value))

const text = (value: number | null | undefined, fallback: string) => (value === null || value === undefined ? fallback : String(value))

/**
 * 新建奖项 / 修改奖项 (`?id=`): the award definition as data, its eligibility evaluated by the server
 * at screening. Rules change only before nominations arrive (the server refuses later).
 */
export default function AwardEditPage() {
  const id = useRouter().params.id ?? ''
  return <StaffGate>{() => (id ? <EditAward id={id} /> : <AwardForm award={null} />)}</StaffGate>
}

function EditAward({ id }: { id: string }) {
  const award = useLoad<Award>(() => fetchAward(id), id)
  if (award.status === 'loading') return <StateView kind='loading' />
  if (award.status === 'error' || !award.data) return <StateView kind='error' description={award.error ?? undefined} actionText='重试' onAction={() => void award.reload()} />
  return <AwardForm award={award.data} />
}

function AwardForm({ award }: { award: Award | null }) {
  const [name, setName] = useState(award?.name ?? '')
  const [description, setDescription] = useState(award?.description ?? '')
  const [level, setLevel] = useState<AwardLevel>(award?.level ?? 'city')
  const [kind, setKind] = useState<AwardKind>(award?.kind ?? 'individual')
  const [minAge, setMinAge] = useState(award ? text(award.eligibility.minAge, '') : '14')
  const [maxAge, setMaxAge] = useState(award ? text(award.eligibility.maxAge, '') : '35')
  const [cutoffDate, setCutoffDate] = useState(award?.eligibility.cutoffDate ?? '')
  const [hours, setHours] = useState(text(award?.eligibility.minActivityHours, '0'))
  const [quotaScope, setQuotaScope] = useState<QuotaScope>(award?.quotaScope ?? 'station')
  const [quota, setQuota] = useState(text(award?.quotaPerUnit, '2'))
  const [unitDays, setUnitDays] = useState(text(award?.unitPublicityDays, '5'))
  const [noticeDays, setNoticeDays] = useState(text(award?.noticeDays, '7'))
  const [jurySize, setJurySize] = useState(text(award?.jurySize, '3'))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const save = async () => {
    if (busy) return
    setBusy(true)
    setErrors({})
    try {
      const fields = {
        // What this form does not show is kept as it was.
        ...(award ? { requiredMaterials: award.requiredMaterials, juryMajorityPercent: award.juryMajorityPercent } : {}),
        name,
        description,
        level,
        kind,
        eligibility: {
          ...(award?.eligibility ?? {}),
          minAge: numberOr(minAge, null),
          maxAge: numberOr(maxAge, null),
          cutoffDate,
          minActivityHours: numberOr(hours, 0) ?? 0,
        },
        quotaScope,
        quotaPerUnit: numberOr(quota, 0) ?? 0,
        unitPublicityDays: numberOr(unitDays, 5) ?? 5,
        noticeDays: numberOr(noticeDays, 7) ?? 7,
        jurySize: numberOr(jurySize, 3) ?? 3,
      }
      if (award) await updateAward({ id: award.id, ...fields })
      else await createAward(fields)
      void Taro.showToast({ title: award ? '已保存' : '已创建', icon: 'success' })
      Taro.navigateBack().catch(() => undefined)
    } catch (error) {
      if (error instanceof ApiCallError) setErrors(error.fields)
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='page honour-award-edit' id='honour-award-edit'>
      {award ? (
        <View className='card'>
          <Text className='hint'>奖项规则只能在收到提名前修改，收到提名后团市委不再接受修改。</Text>
        </View>
      ) : null}
      <View className='card'>
        <FormField name='name' label='奖项名称' error={errors.name}>
          <FormText id='award-name' value={name} onChange={setName} maxlength={40} placeholder='例如：驻马店青年五四奖章' />
        </FormField>
        <FormField name='description' label='奖项说明' optional error={errors.description}>
          <FormText id='award-description' value={description} onChange={setDescription} maxlength={1000} placeholder='评选对象、标准' multiline />
        </FormField>
        <FormField name='level' label='级别' error={errors.level}>
          <ChoiceChips idPrefix='award-level' items={AWARD_LEVELS} selected={[level]} onToggle={(id) => setLevel(id as AwardLevel)} />
        </FormField>
        <FormField name='kind' label='类别' error={errors.kind}>
          <ChoiceChips idPrefix='award-kind' items={AWARD_KINDS} selected={[kind]} onToggle={(id) => setKind(id as AwardKind)} />
        </FormField>
      </View>
      <View className='card'>
        <Text className='section-title'>申报条件（资格审查时自动核对）</Text>
        <FormField name='eligibility.minAge' label='最小年龄' optional error={errors['eligibility.minAge']}>
          <FormText id='award-min-age' type='number' value={minAge} onChange={setMinAge} maxlength={3} placeholder='14' />
        </FormField>
        <FormField name='eligibility.maxAge' label='最大年龄' optional error={errors['eligibility.maxAge']}>
          <FormText id='award-max-age' type='number' value={maxAge} onChange={setMaxAge} maxlength={3} placeholder='35' />
        </FormField>
        <FormField name='eligibility.cutoffDate' label='年龄计算截止日期' hint='按出生日期计算到这一天的周岁' error={errors['eligibility.cutoffDate']}>
          <FormText id='award-cutoff' value={cutoffDate} onChange={setCutoffDate} maxlength={10} placeholder='例如 2027-05-04' />
        </FormField>
        <FormField name='eligibility.minActivityHours' label='最少活动时长（小时）' hint='以活动现场签到为准' error={errors['eligibility.minActivityHours']}>
          <FormText id='award-hours' type='number' value={hours} onChange={setHours} maxlength={4} placeholder='0' />
        </FormField>
      </View>
      <View className='card'>
        <Text className='section-title'>名额与流程</Text>
        <FormField name='quotaScope' label='名额分配' error={errors.quotaScope}>
          <ChoiceChips idPrefix='award-quota-scope' items={QUOTA_SCOPES} selected={[quotaScope]} onToggle={(id) => setQuotaScope(id as QuotaScope)} />
        </FormField>
        <FormField name='quotaPerUnit' label='每单位名额' error={errors.quotaPerUnit}>
          <FormText id='award-quota' type='number' value={quota} onChange={setQuota} maxlength={2} placeholder='2' />
        </FormField>
        <FormField name='unitPublicityDays' label='单位内公示（工作日）' error={errors.unitPublicityDays}>
          <FormText id='award-unit-days' type='number' value={unitDays} onChange={setUnitDays} maxlength={2} placeholder='5' />
        </FormField>
        <FormField name='noticeDays' label='公示（工作日）' hint='自动跳过周末和法定节假日' error={errors.noticeDays}>
          <FormText id='award-notice-days' type='number' value={noticeDays} onChange={setNoticeDays} maxlength={2} placeholder='7' />
        </FormField>
        <FormField name='jurySize' label='评委人数' hint='过半数同意即入围' error={errors.jurySize}>
          <FormText id='award-jury-size' type='number' value={jurySize} onChange={setJurySize} maxlength={2} placeholder='3' />
        </FormField>
        <Button className='btn btn-primary' id='award-save' loading={busy} disabled={busy || undefined} onClick={() => void save()}>
          <Text>{busy ? '正在保存…' : award ? '保存修改' : '创建奖项'}</Text>
        </Button>
      </View>
    </View>
  )
}
