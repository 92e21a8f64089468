import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { Competition, TeamView } from '../../../../../types'
import StateView from '../../../../components/state-view'
import FormField, { FormText } from '../../../../components/form-field'
import { useLoad } from '@/hooks/use-load'
import { useMe } from '@/hooks/use-me'
import { errorMessage } from '../../../../services/api'
import { joinTeam, listCompetitions, myTeams, previewInvite } from '../../../../features/competition/api'
import { COMPETITION_PAGES, kindName, shortTime, STATUS_NAMES, TEAM_STATE_NAMES } from '../../../../features/competition/labels'
import '../../competition.scss'

/** A mini-program code opens the page with `scene=c%3D123456`. */
const codeFromScene = (scene: string | undefined) => /^c=(\d{6})$/.exec(decodeURIComponent(scene ?? ''))?.[1] ?? ''

/** 挑战杯、创青春、振兴杯: the competitions, my teams, and joining a team by its 6-digit code. */
export default function CompetitionListPage() {
  const { params } = useRouter()
  const me = useMe()
  const list = useLoad<Competition[]>(listCompetitions, 'list')
  const teams = useLoad<TeamView[]>(me.member ? myTeams : null, me.member?.openid ?? '')
  // A shared invite card opens this page with the team's code filled in.
  const [code, setCode] = useState(params.code ?? codeFromScene(params.scene))
  const [preview, setPreview] = useState<TeamView | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  useDidShow(() => {
    void teams.reload(true)
  })
  usePullDownRefresh(() => {
    void Promise.all([list.reload(true), teams.reload(true)]).finally(() => Taro.stopPullDownRefresh())
  })

  const look = async () => {
    setBusy(true)
    setError('')
    try {
      setPreview(await previewInvite(code.trim()))
    } catch (e) {
      setPreview(null)
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  const join = async () => {
    setBusy(true)
    setError('')
    try {
      const team = await joinTeam(code.trim())
      void Taro.navigateTo({ url: COMPETITION_PAGES.team(team.id) })
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  if (list.status === 'error') return <StateView kind='error' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
  if (!list.data) return <StateView kind='loading' />

  return (
    <View className='page' id='competitions'>
      <View className='cp-hero'>
        <Text className='cp-hero__title'>以赛促学 · 以赛引才</Text>
        <Text className='cp-hero__sub'>挑战杯、创青春、振兴杯：在这里组队、提交作品、查看结果</Text>
      </View>

      {me.member ? (
        <View className='card'>
          <Text className='section-title'>加入团队</Text>
          <FormField name='invite-code' label='团队邀请码' hint='向负责人要6位数字邀请码' error={error || undefined}>
            <FormText id='invite-code-input' value={code} onChange={setCode} maxlength={6} placeholder='6位数字' type='number' />
          </FormField>
          {preview ? (
            <View id='invite-preview'>
              <Text className='cp-row__title'>{preview.name}</Text>
              <Text className='hint'>
                {preview.projectTitle} · {preview.members.length}人
              </Text>
            </View>
          ) : null}
          <View className='cp-actions'>
            <Button className='btn btn-ghost' id='invite-preview-button' disabled={busy || code.trim().length !== 6} onClick={() => void look()}>
              查看团队
            </Button>
            <Button className='btn btn-primary' id='invite-join-button' disabled={busy || code.trim().length !== 6} loading={busy} onClick={() => void join()}>
              加入团队
            </Button>
          </View>
        </View>
      ) : null}

      {teams.data && teams.data.length > 0 ? (
        <View className='card' id='my-teams'>
          <Text className='section-title'>我的团队</Text>
          {teams.data.map((t) => (
            <Pressable role='link' className='cp-row' key={t.id} id={`my-team-${t.id}`} onPress={() => void Taro.navigateTo({ url: COMPETITION_PAGES.team(t.id) })}>
              <View className='cp-row__main'>
                <Text className='cp-row__title'>{t.name}</Text>
                <Text className='hint'>
                  {t.projectTitle} · {TEAM_STATE_NAMES[t.state]}
                </Text>
              </View>
            </Pressable>
          ))}
        </View>
      ) : null}

      <View className='card'>
        <Text className='section-title'>赛事</Text>
        {list.data.length === 0 ? <StateView kind='empty' title='暂时没有赛事' /> : null}
        {list.data.map((c) => (
          <Pressable role='link' className='cp-row' key={c.id} id={`competition-${c.id}`} onPress={() => void Taro.navigateTo({ url: COMPETITION_PAGES.detail(c.id) })}>
            <View className='cp-row__main'>
              <Text className='cp-row__title'>{c.title}</Text>
              <Text className='hint'>
                {kindName(c.kind)} · {STATUS_NAMES[c.status]} · 作品提交截止 {shortTime(c.submissionClosesAt)}
              </Text>
            </View>
          </Pressable>
        ))}
      </View>

      <View className='cp-actions'>
        <Button className='btn btn-plain' id='judge-entry' onClick={() => void Taro.navigateTo({ url: COMPETITION_PAGES.judge })}>
          我是评委
        </Button>
        {me.member?.role === 'staff' ? (
          <Button className='btn btn-plain' id='staff-entry' onClick={() => void Taro.navigateTo({ url: COMPETITION_PAGES.staff })}>
            赛事管理
          </Button>
        ) : null}
      </View>
    </View>
  )
}
