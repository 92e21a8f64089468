import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import FormField from '@/components/form-field'
import { createStationInput, toFieldErrors, updateStationInput, type StationView } from '../../../../../types'
import StateView from '../../../../components/state-view'
import { useRequestId } from '@/hooks/use-request-id'
import { closeStation, createStation, getStation, updateStation } from '../../../../features/station/api'
import ReasonSheet from '../../../../features/station/components/reason-sheet'
import { useLoad } from '@/hooks/use-load'
import { stationIdFromParams } from '../../../../features/station/scene'
import { headMembersUrl, headRequestsUrl, staffAuditUrl, staffStationEditUrl, stationUrl } from '../../../../features/station/urls'
import { ApiCallError, errorMessage } from '../../../../services/api'
import { formatDate } from '../../../../utils/format'
import LeaderPicker from './leader-picker'
import StaffGate from '../../staff-gate'
import '../../staff.scss'
import UniversitySuggestions from '@/components/university-suggestions'
import './index.scss'

interface Draft {
  university: string
  city: string
  name: string
  intro: string
}
const EMPTY: Draft = { university: '', city: '', name: '', intro: '' }

export default function StationEditPage() {
  return <StaffGate>{() => <StationEditor />}</StaffGate>
}

/** Create a station, or edit one: its facts, its leaders, and closing it. */
function StationEditor() {
  const { params } = useRouter()
  const id = stationIdFromParams(params)
  const station = useLoad<StationView>(id ? () => getStation(id) : null, id ?? 'new')
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState<'save' | 'close' | null>(null)
  const [closing, setClosing] = useState(false)
  const save = useRequestId()

  const loaded = station.data
  useEffect(() => {
    if (loaded) setDraft({ university: loaded.university, city: loaded.city, name: loaded.name, intro: loaded.intro })
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refill only when another version of the station arrives
  }, [loaded?.id, loaded?.updatedAt])

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id ? '驿站设置' : '新建驿站' })
  }, [id])

  const change = (key: keyof Draft, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }))
    if (errors[key]) setErrors(({ [key]: _gone, ...rest }) => rest)
  }

  const submit = async () => {
    if (busy) return
    const parsed = id ? updateStationInput.safeParse({ id, ...draft }) : createStationInput.safeParse(draft)
    if (!parsed.success) {
      const { message, fields } = toFieldErrors(parsed.error)
      setErrors(fields)
      void Taro.showToast({ title: message, icon: 'none' })
      return
    }
    setBusy('save')
    try {
      if (id) {
        const payload = { id, ...draft }
        const saved = await updateStation(payload, save.idFor(payload))
        save.done()
        void Taro.showToast({ title: '已保存', icon: 'success' })
        void station.reload(true)
        setDraft({ university: saved.university, city: saved.city, name: saved.name, intro: saved.intro })
      } else {
        const created = await createStation(draft, save.idFor(draft))
        save.done()
        void Taro.showToast({ title: '已创建', icon: 'success' })
        // Stay on the new station: next comes appointing its head.
        void Taro.redirectTo({ url: staffStationEditUrl(created.id) })
      }
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
      if (error instanceof ApiCallError) setErrors(error.fields)
    } finally {
      setBusy(null)
    }
  }

  const close = async (reason: string) => {
    if (!id || busy) return
    setBusy('close')
    try {
      await closeStation(id, reason)
      setClosing(false)
      void Taro.showToast({ title: '驿站已关闭', icon: 'success' })
      void station.reload(true)
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  if (id && !station.data) {
    if (station.status === 'loading') return <StateView kind='loading' />
    return (
      <View className='page'>
        <StateView kind='error' description={station.error ?? undefined} actionText='重试' onAction={() => void station.reload()} />
      </View>
    )
  }

  const field = (key: keyof Draft, label: string, placeholder: string, max: number) => (
    <FormField name={key} label={label} error={errors[key]}>
      <Input
        className='sf-input'
        value={draft[key]}
        maxlength={max}
        placeholder={placeholder}
        placeholderClass='sf-placeholder'
        onInput={(e) => change(key, e.detail.value)}
      />
      {key === 'university' ? <UniversitySuggestions value={draft.university} onPick={(name) => change('university', name)} /> : null}
    </FormField>
  )

  const s = station.data
  const closed = s?.status === 'closed'
  return (
    <View className='page station-edit'>
      {s ? (
        <View className='card station-edit__summary'>
          <Text className='section-title'>{s.name}</Text>
          <Text className='hint'>
            {closed ? `已关闭${s.closedAt ? ` · ${formatDate(s.closedAt)}` : ''}` : '开放中'} · {s.memberCount} 名成员 · 待审核{' '}
            {s.figures?.pendingRequests ?? 0}
          </Text>
          <View className='staff-row-actions'>
            <Button className='btn btn-ghost' onClick={() => void Taro.navigateTo({ url: headRequestsUrl(s.id) })}>
              待审核
            </Button>
            <Button className='btn btn-ghost' onClick={() => void Taro.navigateTo({ url: headMembersUrl(s.id) })}>
              成员名单
            </Button>
            <Button className='btn btn-ghost' onClick={() => void Taro.navigateTo({ url: stationUrl(s.id) })}>
              主页
            </Button>
          </View>
        </View>
      ) : null}

      <View className='card'>
        <Text className='section-title'>驿站信息</Text>
        {field('university', '学校', '学校全称、简称或拼音首字母，如 郑大', 40)}
        {field('city', '所在城市', '例如：郑州市', 20)}
        {field('name', '驿站名称', draft.university ? `不填则为“${draft.university}翼展驿站”` : '不填则为“学校名 + 翼展驿站”', 40)}
        <FormField name='intro' label='驿站简介' optional error={errors.intro}>
          <Textarea
            className='sf-textarea'
            value={draft.intro}
            maxlength={500}
            placeholder='驿站能为同学做什么：新生接站、老乡交流、返乡实践…'
            placeholderClass='sf-placeholder'
            onInput={(e) => change('intro', e.detail.value)}
          />
        </FormField>
        <Button id='station-save' className='btn btn-primary' loading={busy === 'save'} disabled={busy !== null || undefined} onClick={() => void submit()}>
          <Text>{id ? '保存修改' : '创建驿站'}</Text>
        </Button>
      </View>

      {s && !closed ? <LeaderPicker station={s} onChanged={() => void station.reload(true)} /> : null}

      {s ? (
        <View className='card'>
          <Text className='section-title'>更多</Text>
          <View className='staff-row-actions'>
            <Button className='btn btn-ghost' onClick={() => void Taro.navigateTo({ url: staffAuditUrl(s.id) })}>
              本站操作日志
            </Button>
            {closed ? null : (
              <Button id='station-close' className='btn btn-plain station-edit__close' disabled={busy !== null || undefined} onClick={() => setClosing(true)}>
                关闭驿站
              </Button>
            )}
          </View>
          {closed ? <Text className='hint station-edit__closed'>驿站已关闭：不再接受申请，也不在驿站列表中显示。</Text> : null}
        </View>
      ) : null}

      <ReasonSheet
        open={closing}
        title='关闭驿站'
        description='关闭后不再接受入站申请，待审核的申请将被关闭，同学会看到原因'
        placeholder='例如：学校合并，并入其他驿站'
        confirmText='确认关闭'
        busy={busy === 'close'}
        onCancel={() => setClosing(false)}
        onConfirm={(reason) => void close(reason)}
      />
    </View>
  )
}
