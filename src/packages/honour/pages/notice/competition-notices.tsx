import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { ResultNotice, ResultNoticeEntry } from '../../../../../types'
import StateView from '../../../../components/state-view'
import { ObjectionForm, type ObjectionFilerPayload } from '../../../../components/objection-filer'
import { useLoad } from '@/hooks/use-load'
import { useRequestId } from '@/hooks/use-request-id'
import { call } from '@/services/api'

/**
 * 科创赛事公示: competition results (team, project, unit, award or 晋级 — never scores or judges)
 * shown on the honours 公示 page in their own section, with the objection form (a real name and
 * phone, or a unit's name and seal photo — the honours form's filer part). Calls the
 * competition actions through services/api (packages may not import another feature).
 */
export default function CompetitionNotices() {
  const list = useLoad<ResultNotice[]>(() => call('competition.resultNotices', {}), 'competition-notices')
  const [target, setTarget] = useState<string | null>(null)

  return (
    <View id='competition-notices'>
      <View className='card'>
        <Text className='section-title'>科创赛事公示</Text>
        <Text className='hint'>对下列赛事结果如有异议，请在公示期内实名反映（个人填写真实姓名和联系电话，单位上传加盖公章的材料），不受理匿名异议。</Text>
      </View>
      {list.status === 'loading' ? <StateView kind='loading' /> : null}
      {list.status === 'error' ? <StateView kind='error' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} /> : null}
      {list.status === 'ready' && (list.data ?? []).length === 0 ? <StateView kind='empty' title='目前没有公示中的赛事结果' /> : null}
      {(list.data ?? []).map((n) => (
        <View className='card honour-card' key={n.competitionId} id={`result-notice-${n.competitionId}`}>
          <Text className='honour-row__title'>{n.competitionTitle}</Text>
          <Text className='hint'>
            公示期：{n.start} 至 {n.end}
          </Text>
          {n.entries.map((e) => (
            <View key={e.teamId} id={`result-${e.teamId}`}>
              <Text className='honour-deeds'>
                {e.teamName}《{e.projectTitle}》 · {e.university} · {e.withdrawn ? `已撤销（${e.withdrawn.reason}）` : e.result}
              </Text>
              {e.withdrawn ? null : (
                <View className='honour-actions'>
                  <Button className='btn btn-ghost' id={`object-result-${e.teamId}`} onClick={() => setTarget(e.teamId)}>
                    提出异议
                  </Button>
                </View>
              )}
              {target === e.teamId ? <ResultObjectionForm entry={e} onDone={() => setTarget(null)} /> : null}
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}

function ResultObjectionForm({ entry, onDone }: { entry: ResultNoticeEntry; onDone: () => void }) {
  const request = useRequestId()
  const send = async (objection: ObjectionFilerPayload & { reason: string }) => {
    const payload = { teamId: entry.teamId, ...objection }
    await call('competition.objectResult', payload, { requestId: request.idFor(payload) })
    request.done()
  }
  return <ObjectionForm idPrefix='result-objection' send={send} onDone={onDone} />
}
