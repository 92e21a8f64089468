import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { TeamView } from '../../../../types'
import FormField, { FormText } from '../../../components/form-field'
import { useRequestId } from '../../../hooks/use-request-id'
import { ApiCallError, errorMessage } from '../../../services/api'
import * as api from '../api'

/**
 * Staff, on one team of the list: refuse its latest version in the formal check (形式审查) with a
 * reason, or record an award — a placement here or a higher-level one uploaded later. The team's
 * leader and confirmed members are told in their inbox either way (once per event, on the server).
 */
export default function TeamOutcome({ team, onDone }: { team: TeamView; onDone: () => Promise<unknown> }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [award, setAward] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const refuseId = useRequestId()
  const awardId = useRequestId()
  const latest = team.submissions[team.submissions.length - 1]
  const refusable = latest !== undefined && !latest.refused && team.state !== 'withdrawn'
  const awardable = team.state === 'submitted' || team.state === 'shortlisted'
  if (!refusable && !awardable) return null

  const run = async (work: () => Promise<unknown>, done: string) => {
    if (busy) return
    setBusy(true)
    setErrors({})
    try {
      await work()
      void Taro.showToast({ title: done, icon: 'success' })
      setReason('')
      setAward('')
      setOpen(false)
      await onDone()
    } catch (error) {
      if (error instanceof ApiCallError) setErrors(error.fields)
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }
  const refuse = () => {
    const key = { teamId: team.id, reason }
    return run(() => api.refuseSubmission(team.id, reason, refuseId.idFor(key)).then(refuseId.done), '已退回，团队会收到通知')
  }
  const give = () => {
    const key = { teamId: team.id, award }
    return run(() => api.giveAward(team.id, award, awardId.idFor(key)).then(awardId.done), '已记录获奖，团队会收到通知')
  }

  if (!open) {
    return (
      <Button className='btn btn-plain' size='mini' id={`team-outcome-${team.id}`} onClick={() => setOpen(true)}>
        退回或记录获奖
      </Button>
    )
  }
  return (
    <View className='cp-row__main' id={`team-outcome-form-${team.id}`}>
      {team.award ? <Text className='hint'>已记录：{team.award}</Text> : null}
      {refusable ? (
        <View>
          <FormField name='reason' label={`退回第${latest.version}版作品的原因`} hint='形式审查不通过；截止前团队可以重新提交' error={errors.reason}>
            <FormText id={`refuse-reason-${team.id}`} value={reason} onChange={setReason} maxlength={200} placeholder='例如：缺少盖章的承诺书' />
          </FormField>
          <Button className='btn btn-ghost' id={`refuse-${team.id}`} disabled={busy} onClick={() => void refuse()}>
            退回作品
          </Button>
        </View>
      ) : null}
      {awardable ? (
        <View>
          <FormField name='award' label='奖项' hint='本级奖项，或之后取得的省级、全国奖项' error={errors.award}>
            <FormText id={`award-${team.id}`} value={award} onChange={setAward} maxlength={20} placeholder='例如：省赛银奖' />
          </FormField>
          <Button className='btn btn-ghost' id={`award-save-${team.id}`} disabled={busy} onClick={() => void give()}>
            记录获奖
          </Button>
        </View>
      ) : null}
      <Button className='btn btn-plain' size='mini' disabled={busy} onClick={() => setOpen(false)}>
        收起
      </Button>
    </View>
  )
}
