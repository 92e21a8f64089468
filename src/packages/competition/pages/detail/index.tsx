import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { DEGREES, type Competition } from '../../../../../types'
import StateView from '../../../../components/state-view'
import ChoiceChips from '../../../../components/choice-chips'
import FormField, { FormText } from '../../../../components/form-field'
import { useLoad } from '@/hooks/use-load'
import { useMe } from '@/hooks/use-me'
import { useRequestId } from '@/hooks/use-request-id'
import { ApiCallError, errorMessage } from '../../../../services/api'
import { createTeam, getCompetition } from '../../../../features/competition/api'
import { COMPETITION_PAGES, kindName, shortTime, STATUS_NAMES } from '../../../../features/competition/labels'
import '../../competition.scss'

const degreeNames = (ids: readonly string[]) => ids.map((id) => DEGREES.find((d) => d.id === id)?.name ?? id).join('、')

/** One competition: its rules in plain words, and forming a team under them. */
export default function CompetitionDetailPage() {
  const { params } = useRouter()
  // A certificate's mini-program code opens this page with `scene=i%3D<id>`.
  const id = params.id ?? /^i=(.+)$/.exec(decodeURIComponent(params.scene ?? ''))?.[1] ?? ''
  const me = useMe()
  const load = useLoad<Competition>(id ? () => getCompetition(id) : null, id)
  const [name, setName] = useState('')
  const [project, setProject] = useState('')
  const [unit, setUnit] = useState('')
  const [track, setTrack] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)
  const request = useRequestId()

  if (load.status === 'error') return <StateView kind='error' description={load.error ?? undefined} actionText='重试' onAction={() => void load.reload()} />
  const c = load.data
  if (!c) return <StateView kind='loading' />
  const r = c.rules

  const submit = async () => {
    const input = { competitionId: c.id, trackId: track || (c.tracks[0]?.id ?? ''), name, projectTitle: project, declaringUnit: unit }
    setBusy(true)
    setErrors({})
    setMessage('')
    try {
      const team = await createTeam(input, request.idFor(input))
      request.done()
      void Taro.redirectTo({ url: COMPETITION_PAGES.team(team.id) })
    } catch (e) {
      if (e instanceof ApiCallError && e.fields) setErrors(e.fields)
      setMessage(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='page' id='competition-detail'>
      <View className='cp-hero'>
        <Text className='cp-hero__title'>{c.title}</Text>
        <Text className='cp-hero__sub'>
          {kindName(c.kind)} · {STATUS_NAMES[c.status]}
        </Text>
      </View>
      <View className='card'>
        <Text className='section-title'>时间</Text>
        <Text className='hint'>报名：{shortTime(c.registrationOpensAt)} 至 {shortTime(c.registrationClosesAt)}（截止后只能移除成员）</Text>
        <Text className='hint'>作品提交截止：{shortTime(c.submissionClosesAt)}（以服务器时间为准）</Text>
      </View>
      <View className='card' id='competition-rules'>
        <Text className='section-title'>组队规则</Text>
        <Text className='hint'>
          团队{r.membersMin}–{r.membersMax}人（含负责人），指导老师最多{r.advisorsMax}位
        </Text>
        <Text className='hint'>负责人学历：{degreeNames(r.leaderDegrees)}</Text>
        {r.phdMaxShare !== null ? <Text className='hint'>博士研究生不超过团队人数的{Math.round(r.phdMaxShare * 100)}%，且不能担任负责人</Text> : null}
        <Text className='hint'>
          每人最多参加{r.maxTeamsPerPerson}个团队，最多担任{r.maxLeadPerPerson}个团队的负责人
        </Text>
        <Text className='hint'>跨校团队须填写申报单位；所有成员确认后才能提交作品</Text>
      </View>
      {c.description ? (
        <View className='card'>
          <Text className='section-title'>赛事说明</Text>
          <Text className='hint'>{c.description}</Text>
        </View>
      ) : null}
      {me.member && c.status === 'open' ? (
        <View className='card' id='create-team'>
          <Text className='section-title'>我来当负责人，创建团队</Text>
          <FormField name='trackId' label='赛道' error={errors.trackId}>
            <ChoiceChips idPrefix='track' items={c.tracks} selected={[track || (c.tracks[0]?.id ?? '')]} onToggle={setTrack} />
          </FormField>
          <FormField name='name' label='团队名称' error={errors.name}>
            <FormText id='team-name-input' value={name} onChange={setName} maxlength={30} placeholder='例如：星火队' />
          </FormField>
          <FormField name='projectTitle' label='项目名称' error={errors.projectTitle}>
            <FormText id='team-project-input' value={project} onChange={setProject} maxlength={60} placeholder='作品或项目的名称' />
          </FormField>
          <FormField name='declaringUnit' label='申报单位' optional hint='跨校团队由各校协商确定' error={errors.declaringUnit}>
            <FormText id='team-unit-input' value={unit} onChange={setUnit} maxlength={40} placeholder='例如：黄淮学院' />
          </FormField>
          {message && Object.keys(errors).length === 0 ? <Text className='cp-reason' id='create-team-error'>{message}</Text> : null}
          <Button className='btn btn-primary' id='create-team-button' disabled={busy} loading={busy} onClick={() => void submit()}>
            创建团队
          </Button>
        </View>
      ) : null}
    </View>
  )
}
