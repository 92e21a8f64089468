import type { Competition, SaveCompetitionInput, Team, TeamMember } from '../../../types'
import { toIsoString } from '../../core/shared/clock'
import type { Deps } from '../../core/shared/context'
import { resultEntries } from '../../core/competition/publicity'
import { sampleCompetition } from '../../core/competition/samples'

/**
 * Demo competitions (示例): one open 创业计划竞赛 with teams forming, ready, submitted and
 * withdrawn, and last year's round with a shortlisted, awarded team (shown in the 翼展档案).
 */
const DAY = 24 * 60 * 60 * 1000

async function memberOf(deps: Pick<Deps, 'store'>, openid: string, at: string): Promise<TeamMember | null> {
  const m = await deps.store.members.get(openid)
  return m ? { openid, name: m.name, university: m.university, degree: m.degree, stationId: m.stationId, confirmedAt: at, joinedAt: at } : null
}

async function demoTeam(
  deps: Pick<Deps, 'store'>,
  competition: Competition,
  spec: { id: string; name: string; project: string; code: string; openids: string[]; unconfirmed?: string[] },
  at: string,
  extra: Partial<Team>,
): Promise<void> {
  const members = (await Promise.all(spec.openids.map((o) => memberOf(deps, o, at)))).filter((m): m is TeamMember => m !== null)
  if (members.length === 0) return
  const leader = members[0]!.openid
  const unconfirmed = new Set(spec.unconfirmed ?? [])
  await deps.store.competitions.reserveCode(spec.code, 'team', spec.id)
  await deps.store.competitions.changeTeam(competition.id, spec.id, spec.openids, (_stored, people) => ({
    team: {
      id: spec.id,
      competitionId: competition.id,
      trackId: competition.tracks[0]!.id,
      name: spec.name,
      projectTitle: spec.project,
      leaderOpenid: leader,
      members: members.map((m) => (unconfirmed.has(m.openid) ? { ...m, confirmedAt: null } : m)),
      advisors: [{ id: `${spec.id}-ad`, name: '周老师（示例）', unit: members[0]!.university, phone: '13900000001' }],
      declaringUnit: members[0]!.university,
      inviteCode: spec.code,
      checklistSignedAt: at,
      submissions: [],
      frozenAt: null,
      shortlistedAt: null,
      withdrawnAt: null,
      award: null,
      createdAt: at,
      updatedAt: at,
      isDemo: true,
      ...extra,
    },
    // A withdrawn entry holds nobody's places (competition.withdraw frees them).
    people: extra.withdrawnAt ? [] : people.map((p) => ({ ...p, teamIds: [...p.teamIds, spec.id], leadTeamIds: p.openid === leader ? [...p.leadTeamIds, spec.id] : p.leadTeamIds })),
  }))
}

export async function seedDemoCompetitions(deps: Pick<Deps, 'store' | 'clock'>): Promise<void> {
  const nowMs = deps.clock.now().getTime()
  const iso = (offsetDays: number) => toIsoString(new Date(nowMs + offsetDays * DAY))
  const at = iso(-5)
  const open = sampleCompetition({
    id: 'cp-demo-open',
    title: '“挑战杯”创业计划竞赛驻马店市赛（示例）',
    registrationOpensAt: iso(-10),
    registrationClosesAt: iso(20),
    submissionClosesAt: iso(30),
    createdAt: iso(-10),
    updatedAt: iso(-10),
    isDemo: true,
  })
  const past = sampleCompetition({
    id: 'cp-demo-past',
    title: '“创青春”创新创业大赛驻马店赛区（示例）',
    kind: 'chuangqingchun',
    registrationOpensAt: iso(-200),
    registrationClosesAt: iso(-170),
    submissionClosesAt: iso(-160),
    status: 'results',
    createdAt: iso(-200),
    updatedAt: iso(-150),
    isDemo: true,
  })
  await deps.store.competitions.saveCompetition(open)
  await deps.store.competitions.saveCompetition(past)
  const version = (abstract: string, by: string) => ({ version: 1, abstract, files: [{ name: '计划书.pdf', fileId: 'demo/plan.pdf' }], submittedAt: at, byOpenid: by })
  const s = (n: number) => `demo-student-${n}`
  await demoTeam(deps, open, { id: 'tm-demo-forming', name: '启明队', project: '县域冷链共享仓', code: '310001', openids: [s(1), s(2)], unconfirmed: [s(2)] }, at, {})
  await demoTeam(deps, open, { id: 'tm-demo-ready', name: '青禾队', project: '小麦病害识别小程序', code: '310002', openids: [s(3), s(6), s(16)] }, at, {})
  await demoTeam(deps, open, { id: 'tm-demo-submitted', name: '芝麻开花队', project: '芝麻深加工品牌计划', code: '310003', openids: [s(7), s(8), s(11)] }, at, {
    submissions: [version('以平舆白芝麻为原料的深加工与品牌推广计划。', s(7))],
  })
  await demoTeam(deps, open, { id: 'tm-demo-withdrawn', name: '远山队', project: '乡村研学线路', code: '310004', openids: [s(9), s(10), s(12)] }, at, { withdrawnAt: at })
  await demoTeam(deps, past, { id: 'tm-demo-shortlisted', name: '天中智造队', project: '农机远程运维平台', code: '310005', openids: [s(13), s(14), s(15)] }, iso(-170), {
    submissions: [version('面向驻马店农机合作社的远程运维平台。', s(13))],
    shortlistedAt: iso(-150),
    award: '市赛一等奖',
  })
  // Its results in 公示 (科创赛事公示 on the honours 公示 page): published once, running now.
  const entries = resultEntries(await deps.store.competitions.listTeams(past.id, 50))
  if (entries.length === 0) return
  await deps.store.competitions.publishNotice({
    competitionId: past.id,
    competitionTitle: past.title,
    start: iso(-1).slice(0, 10),
    end: iso(6).slice(0, 10),
    entries,
    publishedAt: iso(-1),
    byOpenid: 'demo-staff',
  })
}

/** A competition as staff enter it (`competition.save`), for the router suites and the browser journey. */
export function competitionDraft(overrides: Partial<SaveCompetitionInput> = {}): SaveCompetitionInput {
  return {
    kind: 'tiaozhan_startup',
    title: '“挑战杯”创业计划竞赛驻马店市赛',
    description: '面向在校学生。',
    tracks: [{ id: 'tech', name: '科技创新' }],
    rules: { membersMin: 3, membersMax: 10, advisorsMax: 3, leaderDegrees: ['associate', 'bachelor', 'master'], phdMaxShare: 0.3, maxTeamsPerPerson: 3, maxLeadPerPerson: 1 },
    registrationOpensAt: '2026-11-01T00:00:00.000+08:00',
    registrationClosesAt: '2026-12-10T00:00:00.000+08:00',
    submissionClosesAt: '2026-12-20T00:00:00.000+08:00',
    checklist: ['团队成员均为在校学生'],
    judging: {
      judgesPerProject: 1,
      minScoredForNormalising: 2,
      rubric: [
        { id: 'innovation', name: '创新性', levels: [{ score: 1, description: '简单重复' }, { score: 3, description: '有改进' }, { score: 5, description: '明显突破' }] },
        { id: 'feasibility', name: '可行性', levels: [{ score: 1, description: '缺少条件' }, { score: 3, description: '初步验证' }, { score: 5, description: '已有用户' }] },
      ],
      calibrationTeamId: null,
    },
    shortlistQuota: 1,
    status: 'open',
    ...overrides,
  }
}
