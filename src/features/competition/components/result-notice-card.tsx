import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import type { ActionResult } from '../../../../types'
import StateView from '../../../components/state-view'
import FormField, { FormText } from '../../../components/form-field'
import { useLoad } from '../../../hooks/use-load'
import { useRequestId } from '../../../hooks/use-request-id'
import { ApiCallError, errorMessage } from '../../../services/api'
import { coverUrl } from '../../../services/upload'
import * as api from '../api'
import { shortTime } from '../labels'

type NoticeData = ActionResult<'competition.resultObjections'>

/**
 * Staff: publish the competition's results for 公示 (5 working days by default; published once),
 * then read the objections (real name, or a unit with its seal) and resolve each once — the
 * objector is told the outcome in their inbox — upheld withdraws the team's award and
 * shortlist with the note as the public reason; rejected keeps the result.
 */
export default function ResultNoticeCard({ competitionId }: { competitionId: string }) {
  const load = useLoad<NoticeData>(() => api.resultObjections(competitionId), `notice-${competitionId}`)
  const [start, setStart] = useState('')
  const [end, setEnd] = useState('')
  const [notes, setNotes] = useState<Record<string, string>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const publishId = useRequestId()
  const resolveId = useRequestId()

  const run = async (work: () => Promise<unknown>, done: string) => {
    if (busy) return
    setBusy(true)
    setErrors({})
    try {
      await work()
      void Taro.showToast({ title: done, icon: 'success' })
      await load.reload(true)
    } catch (error) {
      if (error instanceof ApiCallError) setErrors(error.fields)
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const publish = () => {
    const input = { id: competitionId, ...(start ? { start } : {}), ...(end ? { end } : {}) }
    return run(() => api.publishResults(input, publishId.idFor(input)).then(publishId.done), '已发布公示')
  }
  const resolve = (id: string, decision: 'upheld' | 'rejected') => {
    const input = { id, decision, note: notes[id] ?? '' }
    return run(() => api.resolveResultObjection(input, resolveId.idFor(input)).then(resolveId.done), decision === 'upheld' ? '已撤销该结果' : '已维持该结果')
  }

  if (load.status === 'loading' && !load.data) return <StateView kind='loading' />
  if (load.status === 'error') return <StateView kind='error' description={load.error ?? undefined} actionText='重试' onAction={() => void load.reload()} />
  const notice = load.data?.notice ?? null
  const objections = load.data?.objections ?? []

  return (
    <View className='card' id='staff-result-notice'>
      <Text className='section-title'>结果公示</Text>
      {notice ? (
        <View>
          <Text className='hint' id='result-notice-period'>
            公示期：{notice.start} 至 {notice.end}（{notice.entries.length}个团队，在“评优评先公示”页展示）
          </Text>
          {notice.entries.map((e) => (
            <Text className='hint' key={e.teamId}>
              {e.teamName} · {e.withdrawn ? `已撤销：${e.withdrawn.reason}` : e.result}
            </Text>
          ))}
        </View>
      ) : (
        <View>
          <Text className='hint'>将晋级和获奖的团队（团队名、项目、单位、奖项，不含分数和评委）公示，默认5个工作日；只能发布一次。</Text>
          <FormField name='start' label='开始日期（可不填，默认今天）' error={errors.start}>
            <FormText id='result-notice-start' value={start} onChange={setStart} maxlength={10} placeholder='YYYY-MM-DD' />
          </FormField>
          <FormField name='end' label='结束日期（可不填，默认5个工作日）' error={errors.end}>
            <FormText id='result-notice-end' value={end} onChange={setEnd} maxlength={10} placeholder='YYYY-MM-DD' />
          </FormField>
          <Button className='btn btn-primary' id='result-notice-publish' loading={busy} disabled={busy || undefined} onClick={() => void publish()}>
            <Text>{busy ? '正在发布…' : '发布结果公示'}</Text>
          </Button>
        </View>
      )}
      <Text className='section-title'>异议（{objections.length}）</Text>
      {objections.length === 0 ? <Text className='hint'>暂无异议</Text> : null}
      {objections.map((o) => (
        <View className='cp-row' key={o.id} id={`result-objection-${o.id}`}>
          <View className='cp-row__main'>
            <Text className='cp-row__title'>
              {o.teamName} · {o.kind === 'unit' ? `单位：${o.unitName}（附公章照片）` : `${o.realName} ${o.phoneMasked}`}
            </Text>
            {o.kind === 'unit' && o.sealFileId ? <Image className='cp-seal' src={coverUrl(o.sealFileId) ?? ''} mode='aspectFit' nativeProps={{ alt: `${o.unitName}的公章照片` }} /> : null}
            <Text className='hint'>{o.reason}</Text>
            <Text className='hint'>提交于 {shortTime(o.createdAt)}</Text>
            {o.outcome ? (
              <Text className='hint'>
                {o.outcome.decision === 'upheld' ? '异议成立，已撤销' : '异议不成立，维持'}：{o.outcome.note}
              </Text>
            ) : (
              <View>
                <FormField name='note' label='处理说明（异议成立时作为撤销理由公示）' error={errors.note}>
                  <FormText id={`result-objection-note-${o.id}`} value={notes[o.id] ?? ''} onChange={(v) => setNotes({ ...notes, [o.id]: v })} maxlength={300} placeholder='核查情况' />
                </FormField>
                <View className='cp-actions'>
                  <Button className='btn btn-ghost' id={`result-objection-reject-${o.id}`} disabled={busy || undefined} onClick={() => void resolve(o.id, 'rejected')}>
                    不成立，维持
                  </Button>
                  <Button className='btn btn-primary' id={`result-objection-uphold-${o.id}`} disabled={busy || undefined} onClick={() => void resolve(o.id, 'upheld')}>
                    成立，撤销
                  </Button>
                </View>
              </View>
            )}
          </View>
        </View>
      ))}
    </View>
  )
}
