import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { NoticeEntry } from '../../../../../types'
import StateView from '../../../../components/state-view'
import FormField, { FormText } from '../../../../components/form-field'
import { useObjectionFiler } from '../../../../components/objection-filer'
import { useLoad } from '@/hooks/use-load'
import { ApiCallError, errorMessage } from '@/services/api'
import { fetchNoticeList, objectTo } from '@/features/honour/api'
import { honourNoticeUrl } from '@/features/honour/urls'
import '@/features/honour/honour.scss'
import CompetitionNotices from './competition-notices'

/**
 * 公示 (public, shareable): the shortlist with deeds summaries and dates, and the objection form.
 * Objections carry a real name and phone, or a unit name and a photo of its seal; anonymous ones
 * are not accepted (团中央 practice). They are handled privately; the outcome is recorded.
 */
export default function HonourNoticePage() {
  const awardId = useRouter().params.awardId ?? ''
  const list = useLoad<NoticeEntry[]>(() => fetchNoticeList(awardId || undefined), awardId)
  const [target, setTarget] = useState<NoticeEntry | null>(null)
  useShareAppMessage(() => ({ title: '评优评先公示', path: honourNoticeUrl(awardId) }))

  if (list.status === 'loading') return <StateView kind='loading' />
  if (list.status === 'error') return <StateView kind='error' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
  const entries = list.data ?? []

  return (
    <View className='page honour-notice' id='honour-notice'>
      <View className='card'>
        <Text className='section-title'>公示</Text>
        <Text className='hint'>
          对下列人选如有异议，请在公示期内实名反映：个人须留真实姓名和联系电话，单位须提供单位名称并上传加盖公章的材料照片。不受理匿名异议。
        </Text>
      </View>
      {entries.length === 0 ? <StateView kind='empty' title='目前没有公示中的名单' /> : null}
      {entries.map((e) => (
        <View className='card honour-card' key={e.nominationId} id={`notice-${e.nominationId}`}>
          <Text className='honour-row__title'>
            {e.name} · {e.university}
          </Text>
          <Text className='hint'>{e.awardName}</Text>
          <Text className='honour-deeds'>{e.summary}</Text>
          <Text className='hint'>
            公示期：{e.start} 至 {e.end}
          </Text>
          <View className='honour-actions'>
            <Button className='btn btn-ghost' id={`object-${e.nominationId}`} onClick={() => setTarget(e)}>
              提出异议
            </Button>
          </View>
          {target?.nominationId === e.nominationId ? <ObjectionForm entry={e} onDone={() => setTarget(null)} /> : null}
        </View>
      ))}
      <CompetitionNotices />
    </View>
  )
}

function ObjectionForm({ entry, onDone }: { entry: NoticeEntry; onDone: () => void }) {
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const filer = useObjectionFiler('objection', errors)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (busy) return
    setBusy(true)
    setErrors({})
    try {
      await objectTo({ id: entry.nominationId, ...(await filer.payload()), reason })
      void Taro.showModal({ title: '已收到你的异议', content: '团市委将核查处理，处理情况会按你留下的联系方式反馈。', showCancel: false })
      onDone()
    } catch (error) {
      if (error instanceof ApiCallError) setErrors(error.fields)
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='honour-objection' id='objection-form'>
      {filer.fields}
      <FormField name='reason' label='异议内容' error={errors.reason}>
        <FormText id='objection-reason' value={reason} onChange={setReason} maxlength={1000} placeholder='请写明具体事实和依据' multiline />
      </FormField>
      <Button className='btn btn-primary' id='objection-submit' loading={busy} disabled={busy || undefined} onClick={() => void submit()}>
        <Text>{busy ? '正在提交…' : '提交异议'}</Text>
      </Button>
    </View>
  )
}
