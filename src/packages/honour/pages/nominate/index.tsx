import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { Award, NominationView, Page, StationMember } from '../../../../../types'
import StateView from '../../../../components/state-view'
import ChoiceChips from '../../../../components/choice-chips'
import FormField, { FormText } from '../../../../components/form-field'
import { useLoad } from '@/hooks/use-load'
import { useMe } from '@/hooks/use-me'
import { ApiCallError, call, errorMessage } from '@/services/api'
import { fetchAwards, fetchNomination, nominate, reviseNomination, submitNomination } from '@/features/honour/api'
import MaterialFields, { type MaterialFiles } from '@/features/honour/components/material-fields'
import '@/features/honour/honour.scss'

/**
 * 申报 / 提名: a member applies for themself; a station head nominates a member of their station
 * (the member then confirms). Minimum data: the birth date only because the profile has none.
 * With `?id=`: the nomination was returned for revision; the form shows why, and its materials,
 * revised and submitted again.
 */
export default function NominatePage() {
  const params = useRouter().params
  const awardId = params.awardId ?? ''
  const id = params.id ?? ''
  const me = useMe()
  const awards = useLoad<Award[]>(fetchAwards, 'awards')
  const returned = useLoad<NominationView>(id ? () => fetchNomination(id) : null, id)
  const award = awards.data?.find((a) => a.id === awardId)
  if (me.loading || awards.status === 'loading' || (id && returned.status === 'loading')) return <StateView kind='loading' />
  if (!me.member) return <StateView kind='empty' title='加入翼展联盟后才能申报' />
  if (awards.status === 'error') return <StateView kind='error' description={awards.error ?? undefined} actionText='重试' onAction={() => void awards.reload()} />
  if (!award) return <StateView kind='error' title='没有找到这个奖项' />
  if (id && !returned.data) return <StateView kind='error' description={returned.error ?? undefined} actionText='重试' onAction={() => void returned.reload()} />
  return <NominationForm award={award} returned={returned.data} />
}

function NominationForm({ award, returned }: { award: Award; returned: NominationView | null }) {
  const awardId = award.id
  const me = useMe()
  const isHead = !returned && me.member?.role === 'station_head' && Boolean(me.member.stationId)
  const members = useLoad<Page<StationMember>>(
    isHead && me.member?.stationId ? () => call('station.members', { stationId: me.member?.stationId ?? '', limit: 50 }) : null,
    me.member?.stationId ?? '',
  )
  const before = returned?.materials
  const [nominee, setNominee] = useState('')
  const [birthDate, setBirthDate] = useState(before?.birthDate ?? '')
  const [deeds, setDeeds] = useState(before?.deeds ?? '')
  const [summary, setSummary] = useState(before?.summary ?? '')
  const [priorHonour, setPriorHonour] = useState(before?.priorHonour ?? '')
  const [files, setFiles] = useState<MaterialFiles>({ photos: before?.photos ?? [], files: before?.files ?? [] })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const reason = returned ? [...returned.history].reverse().find((e) => e.action === 'return')?.note ?? '' : ''

  const resubmit = async (nomination: NominationView) => {
    await reviseNomination({ id: nomination.id, materials: { ...nomination.materials, birthDate: birthDate || null, deeds, summary, priorHonour, ...files } })
    await submitNomination(nomination.id)
    void Taro.showToast({ title: '已重新提交', icon: 'success' })
  }

  const submit = async () => {
    if (busy) return
    setBusy(true)
    setErrors({})
    try {
      if (returned) await resubmit(returned)
      else {
        await nominate({
          awardId,
          nomineeOpenid: isHead ? nominee : '',
          materials: { birthDate: birthDate || null, deeds, summary, priorHonour, ...files },
        })
        void Taro.showToast({ title: isHead ? '已提名，待本人确认' : '已保存，请提交', icon: 'success' })
      }
      Taro.navigateBack().catch(() => undefined)
    } catch (error) {
      if (error instanceof ApiCallError) setErrors(error.fields)
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='page honour-nominate' id='honour-nominate'>
      <View className='card'>
        <Text className='section-title'>{award.name}</Text>
        <Text className='hint'>材料会在单位内公示并经团市委审核，请如实填写、可公开发布。</Text>
      </View>
      {returned ? (
        <View className='card' id='honour-returned'>
          <Text className='section-title'>退回修改</Text>
          <Text className='honour-reason'>{reason ? `退回原因：${reason}` : '提名被退回修改，请完善材料后重新提交。'}</Text>
        </View>
      ) : null}
      <View className='card'>
        {isHead ? (
          <FormField name='nomineeOpenid' label='被提名人（本驿站成员）' error={errors.nomineeOpenid}>
            {members.status === 'loading' ? <StateView kind='loading' /> : null}
            <ChoiceChips
              idPrefix='nominee'
              items={(members.data?.items ?? []).map((m) => ({ id: m.openid, name: m.name }))}
              selected={[nominee]}
              onToggle={setNominee}
              invalid={Boolean(errors.nomineeOpenid)}
            />
          </FormField>
        ) : null}
        <FormField name='materials.birthDate' label='出生日期' hint='资料中没有出生日期，用于核对年龄条件，例如 2002-03-04' error={errors['materials.birthDate']}>
          <FormText id='honour-birth' value={birthDate} onChange={setBirthDate} maxlength={10} placeholder='YYYY-MM-DD' />
        </FormField>
        <FormField name='materials.summary' label='事迹简介（公示用）' error={errors['materials.summary']}>
          <FormText id='honour-summary' value={summary} onChange={setSummary} maxlength={200} placeholder='一两句话，将在公示中展示' />
        </FormField>
        <FormField name='materials.deeds' label='事迹材料' error={errors['materials.deeds']}>
          <FormText id='honour-deeds' value={deeds} onChange={setDeeds} maxlength={3000} placeholder='主要事迹，评审时会隐去姓名、学校和单位' multiline />
        </FormField>
        <FormField name='materials.priorHonour' label='已获荣誉' optional error={errors['materials.priorHonour']}>
          <FormText id='honour-prior' value={priorHonour} onChange={setPriorHonour} maxlength={40} placeholder='例如：县级青年五四奖章' />
        </FormField>
        <MaterialFields value={files} onChange={setFiles} errors={errors} onError={(fields) => setErrors((e) => ({ ...e, ...fields }))} />
        <Button className='btn btn-primary' id='honour-nominate-submit' loading={busy} disabled={busy || undefined} onClick={() => void submit()}>
          <Text>{busy ? '正在保存…' : returned ? '修改并重新提交' : isHead ? '提名' : '保存申报'}</Text>
        </Button>
      </View>
    </View>
  )
}
