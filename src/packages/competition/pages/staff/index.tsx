import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { Competition, CompetitionResults, Judge, TalentLead, TeamState, TeamView } from '../../../../../types'
import StateView from '../../../../components/state-view'
import ChoiceChips from '../../../../components/choice-chips'
import FormField, { FormText } from '../../../../components/form-field'
import StaffGate from '../../../staff/staff-gate'
import { useLoad } from '@/hooks/use-load'
import { errorMessage } from '../../../../services/api'
import * as api from '../../../../features/competition/api'
import ResultNoticeCard from '../../../../features/competition/components/result-notice-card'
import TeamOutcome from '../../../../features/competition/components/team-outcome'
import { COMPETITION_PAGES, STATUS_NAMES, TEAM_STATE_NAMES } from '../../../../features/competition/labels'
import '../../competition.scss'

const STATES = (Object.keys(TEAM_STATE_NAMES) as TeamState[]).map((id) => ({ id, name: TEAM_STATE_NAMES[id] }))
const fmt = (x: number | null, rank: number | null) => (x === null ? '—' : `${x.toFixed(2)}（第${rank}）`)

interface StaffData {
  teams: TeamView[]
  judges: Judge[]
  results: CompetitionResults
  talent: TalentLead[]
}

/**
 * Staff: competitions (new, edit, publish), teams by state (hand on a team whose leader left; refuse
 * a version in the formal check; record an award, a higher-level one later too),
 * judges (declared conflicts) and assignment, results (raw / normalised / robust), shortlist, 以赛引才.
 */
export default function CompetitionStaffPage() {
  return <StaffGate>{() => <StaffView />}</StaffGate>
}

function StaffView() {
  const list = useLoad<Competition[]>(api.listCompetitions, 'staff')
  const [chosen, setChosen] = useState('')
  const id = chosen || list.data?.[0]?.id || ''
  const [state, setState] = useState<TeamState | ''>('')
  const load = useLoad<StaffData>(
    id
      ? async () => {
          const [teams, judges, results, talent] = await Promise.all([api.staffTeams(id), api.staffJudges(id), api.competitionResults(id), api.talentLeads(id)])
          return { teams, judges, results, talent }
        }
      : null,
    id,
  )
  const [judge, setJudge] = useState({ name: '', unit: '', university: '', declaredConflictTeamIds: [] as string[] })
  // Back from the edit page: the list shows what was saved.
  useDidShow(() => {
    void list.reload(true)
  })
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)

  const act = async (work: () => Promise<unknown>, done?: string) => {
    setBusy(true)
    setMessage('')
    try {
      await work()
      if (done) setMessage(done)
      await load.reload(true)
    } catch (e) {
      setMessage(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  if (list.status === 'error') return <StateView kind='error' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
  if (!list.data) return <StateView kind='loading' />
  const newButton = (
    <Button className='btn btn-primary' id='competition-new' onClick={() => void Taro.navigateTo({ url: COMPETITION_PAGES.edit() })}>
      新建赛事
    </Button>
  )
  if (list.data.length === 0) {
    return (
      <View className='page'>
        <StateView kind='empty' title='还没有赛事' />
        {newButton}
      </View>
    )
  }
  const d = load.data
  const current = list.data.find((c) => c.id === id)
  const teams = d ? d.teams.filter((t) => !state || t.state === state) : []

  return (
    <View className='page' id='competition-staff'>
      <View className='card'>
        <Text className='section-title'>赛事</Text>
        <ChoiceChips idPrefix='staff-competition' items={list.data.map((c) => ({ id: c.id, name: `${c.title}（${STATUS_NAMES[c.status]}）` }))} selected={[id]} onToggle={setChosen} />
        <View className='cp-actions'>
          {newButton}
          <Button className='btn btn-ghost' id='competition-edit' disabled={!current} onClick={() => void Taro.navigateTo({ url: COMPETITION_PAGES.edit(id) })}>
            编辑赛事规则
          </Button>
          {current?.status === 'draft' ? (
            <Button
              className='btn btn-ghost'
              id='competition-publish'
              disabled={busy}
              onClick={() => void act(async () => {
                const { createdAt: _c, updatedAt: _u, isDemo: _d, ...fields } = current
                await api.saveCompetition({ ...fields, status: 'open' })
                await list.reload(true)
              }, `已发布“${current.title}”`)}
            >
              发布（开放报名）
            </Button>
          ) : null}
        </View>
      </View>
      {message ? (
        <View className='card'>
          <Text className='cp-reason' id='staff-message'>
            {message}
          </Text>
        </View>
      ) : null}
      {load.status === 'error' ? <StateView kind='error' description={load.error ?? undefined} actionText='重试' onAction={() => void load.reload()} /> : null}
      {!d ? (
        load.status === 'loading' ? <StateView kind='loading' /> : null
      ) : (
        <View>
          <View className='card' id='staff-teams'>
            <Text className='section-title'>团队（{d.teams.length}）</Text>
            <ChoiceChips idPrefix='team-state' items={STATES} selected={state ? [state] : []} onToggle={(s) => setState(state === s ? '' : (s as TeamState))} />
            {teams.length === 0 ? <Text className='hint'>没有这个状态的团队</Text> : null}
            {teams.map((t) => (
              <View className='cp-row' key={t.id}>
                <View className='cp-row__main'>
                  <Text className='cp-row__title'>{t.name}</Text>
                  <Text className='hint'>
                    {t.projectTitle} · {TEAM_STATE_NAMES[t.state]} · {t.members.length}人 · 指导老师 {t.advisors.map((a) => `${a.name} ${a.phone}`).join('、') || '无'}
                  </Text>
                </View>
                {t.leaderGone && t.state !== 'withdrawn' ? (
                  <View className='cp-row__main' id={`handover-${t.id}`}>
                    <Text className='cp-reason'>负责人已注销账号，请指定新负责人</Text>
                    <View className='cp-actions'>
                      {t.members
                        .filter((m) => !m.openid.startsWith('deleted-'))
                        .map((m) => (
                          <Button key={m.openid} className='btn btn-plain' size='mini' disabled={busy} onClick={() => void act(() => api.handOverTeam(t.id, m.openid), `已把“${t.name}”交给${m.name}负责`)}>
                            交给{m.name}
                          </Button>
                        ))}
                    </View>
                  </View>
                ) : null}
                {t.submissions.length > 0 && !t.frozenAt ? (
                  <Button className='btn btn-plain' size='mini' disabled={busy} onClick={() => void act(() => api.freezeTeam(t.id), `已报送“${t.name}”，关键信息已锁定`)}>
                    报送
                  </Button>
                ) : null}
                <TeamOutcome team={t} onDone={() => load.reload(true)} />
              </View>
            ))}
          </View>

          <View className='card' id='staff-judges'>
            <Text className='section-title'>评委（外部人员，凭邀请码进入）</Text>
            {d.judges.map((j) => (
              <View className='cp-row' key={j.id}>
                <View className='cp-row__main'>
                  <Text className='cp-row__title'>
                    {j.name} · {j.unit}
                  </Text>
                  <Text className='hint'>
                    邀请码 {j.inviteCode} · {j.openid ? '已进入' : '未进入'}
                    {j.university ? ` · 回避${j.university}的团队` : ''}
                  </Text>
                </View>
                {j.openid ? null : (
                  <Button
                    className='btn btn-plain'
                    size='mini'
                    id={`judge-link-${j.id}`}
                    onClick={() => void Taro.setClipboardData({ data: `评委邀请：请在“翼展联盟”小程序打开 ${COMPETITION_PAGES.judgeInvite(j.inviteCode)}，或在评委入口输入邀请码 ${j.inviteCode}` })}
                  >
                    复制邀请链接
                  </Button>
                )}
              </View>
            ))}
            <FormField name='judge-name' label='评委姓名'>
              <FormText id='judge-name-input' value={judge.name} onChange={(v) => setJudge({ ...judge, name: v })} maxlength={20} placeholder='姓名' />
            </FormField>
            <FormField name='judge-unit' label='单位'>
              <FormText id='judge-unit-input' value={judge.unit} onChange={(v) => setJudge({ ...judge, unit: v })} maxlength={40} placeholder='所在单位' />
            </FormField>
            <FormField name='judge-university' label='所在学校' optional hint='与团队成员同校时自动回避'>
              <FormText id='judge-university-input' value={judge.university} onChange={(v) => setJudge({ ...judge, university: v })} maxlength={40} placeholder='高校评委填写' />
            </FormField>
            {d.teams.length > 0 ? (
              <FormField name='judge-conflicts' label='申报回避的团队' optional hint='评委声明有利益关系的团队，不会分给他评'>
                <ChoiceChips
                  idPrefix='judge-conflict'
                  items={d.teams.filter((t) => t.state !== 'withdrawn').map((t) => ({ id: t.id, name: t.name }))}
                  selected={judge.declaredConflictTeamIds}
                  onToggle={(teamId) =>
                    setJudge({
                      ...judge,
                      declaredConflictTeamIds: judge.declaredConflictTeamIds.includes(teamId) ? judge.declaredConflictTeamIds.filter((x) => x !== teamId) : [...judge.declaredConflictTeamIds, teamId],
                    })
                  }
                />
              </FormField>
            ) : null}
            <View className='cp-actions'>
              <Button className='btn btn-ghost' id='judge-add' disabled={busy} onClick={() => void act(async () => {
                await api.addJudge({ competitionId: id, ...judge })
                setJudge({ name: '', unit: '', university: '', declaredConflictTeamIds: [] })
              }, '已添加评委')}>
                添加评委
              </Button>
              <Button
                className='btn btn-primary'
                id='judge-assign'
                disabled={busy}
                onClick={() => void act(async () => setMessage(`已分配评委，自动回避${(await api.assignJudges(id)).skipped}次`))}
              >
                分配评委
              </Button>
            </View>
          </View>

          <View className='card' id='staff-results'>
            <Text className='section-title'>评审结果</Text>
            {d.results.normalisedWithheld ? <Text className='cp-reason'>{d.results.normalisedWithheld}</Text> : null}
            <Text className='hint'>{d.results.tieBreak}</Text>
            <View className='cp-table-row'>
              <Text className='cp-table-row__name'>团队</Text>
              <Text className='cp-table-row__cell'>原始平均分</Text>
              <Text className='cp-table-row__cell'>标准化分</Text>
              <Text className='cp-table-row__cell'>稳健分</Text>
            </View>
            {d.results.rows.map((r) => (
              <View className='cp-table-row' key={r.teamId} id={`result-${r.teamId}`}>
                <Text className='cp-table-row__name'>
                  {r.teamName}
                  {r.shortlisted ? '（晋级）' : ''}
                  {r.missing > 0 ? `（缺评${r.missing}）` : ''}
                </Text>
                <Text className='cp-table-row__cell' id={`result-raw-${r.teamId}`}>
                  {fmt(r.rawMean, r.rawRank)}
                </Text>
                <Text className='cp-table-row__cell' id={`result-normalised-${r.teamId}`}>
                  {fmt(r.normalised, r.normalisedRank)}
                </Text>
                <Text className='cp-table-row__cell'>{fmt(r.robust, r.robustRank)}</Text>
              </View>
            ))}
            <View className='cp-actions'>
              <Button className='btn btn-ghost' id='shortlist-raw' disabled={busy} onClick={() => void act(() => api.shortlist(id, 'raw'), '已按原始平均分确定晋级')}>
                按原始分晋级
              </Button>
              <Button className='btn btn-primary' id='shortlist-normalised' disabled={busy} onClick={() => void act(() => api.shortlist(id, 'normalised'), '已按标准化分确定晋级')}>
                按标准化分晋级
              </Button>
            </View>
          </View>

          <ResultNoticeCard competitionId={id} />

          <View className='card' id='staff-talent'>
            <Text className='section-title'>以赛引才</Text>
            {d.talent.length === 0 ? <Text className='hint'>确定晋级或获奖后，这里列出获奖学生和他们领域里的开放岗位</Text> : null}
            {d.talent.map((l) => (
              <View className='cp-row' key={`${l.teamName}-${l.openid}`}>
                <View className='cp-row__main'>
                  <Text className='cp-row__title'>
                    {l.name} · {l.university}
                  </Text>
                  <Text className='hint'>
                    {l.teamName} · {l.award}
                  </Text>
                  <Text className='hint'>{l.demands.length > 0 ? l.demands.map((x) => `${x.employer} ${x.position}`).join('；') : '暂无对口的开放岗位'}</Text>
                </View>
              </View>
            ))}
          </View>
        </View>
      )}
    </View>
  )
}
