import type { SaveCompetitionInput, TeamView } from '../../../types'
import { competitionDraft } from './seed-competition'
import { codeOf, data, errorOf, makeTestApi, profile } from './test-support'

/**
 * Outcomes through the router (issue 18): the leader and confirmed members are told in their inbox
 * when shortlisted or not, awarded (a higher-level award later too) and when staff refuse a version
 * in the formal check — once per event, also when staff act in parallel; and rule changes re-checked
 * against the teams formed (refused with the list unless staff confirm; the teams broken are told).
 */
let now = new Date('2026-11-20T10:00:00.000+08:00')
const clock = { now: () => now }
let t: ReturnType<typeof makeTestApi>
const STAFF = 'staff-1'
const DEADLINE = '2026-12-20T00:00:00.000+08:00'
const files = [{ name: '计划书.pdf', fileId: 'uploads/plan.pdf' }]
const RULES = competitionDraft().rules
let competitionId: string

async function join(openid: string, overrides: Parameters<typeof profile>[0] = {}) {
  data(await t.call(openid, 'member.register', profile({ name: `同学${openid}`, university: '黄淮学院', ...overrides })))
}

/** A team led by `lead`; `others` joined and confirmed unless listed in `unconfirmed`; checklist signed. */
async function team(lead: string, others: string[], unconfirmed: string[] = []): Promise<TeamView> {
  await join(lead)
  let made = data(await t.call(lead, 'competition.createTeam', { competitionId, trackId: 'tech', name: `${lead}队`, projectTitle: `${lead}的项目` }))
  for (const o of [...others, ...unconfirmed]) {
    await join(o, o.startsWith('phd') ? { degree: 'doctor' } : {})
    made = data(await t.call(o, 'competition.joinTeam', { code: made.inviteCode }))
    if (others.includes(o)) made = data(await t.call(o, 'competition.confirm', { teamId: made.id }))
  }
  return data(await t.call(lead, 'competition.sign', { teamId: made.id, agreed: true }))
}

const titles = async (openid: string) => data(await t.call(openid, 'notice.inbox', {})).items.map((n) => n.title)
const count = async (openid: string, title: string) => (await titles(openid)).filter((x) => x === title).length
const save = (overrides: Partial<SaveCompetitionInput>) => t.call(STAFF, 'competition.save', competitionDraft({ id: competitionId, ...overrides }))

beforeEach(async () => {
  now = new Date('2026-11-20T10:00:00.000+08:00')
  t = makeTestApi({ staff: [STAFF], clock })
  competitionId = data(await t.call(STAFF, 'competition.save', competitionDraft({ rules: { ...RULES, membersMin: 1 } }))).id
})
afterEach(() => t.close())

describe('shortlist and award told to the team', () => {
  it('shortlisted and not shortlisted teams are told once, even when staff shortlist in parallel; an award (and a later one) once each', async () => {
    const winner = await team('leadA', ['mA'], ['waitA'])
    data(await t.call('leadA', 'competition.removeMember', { teamId: winner.id, openid: 'waitA' }))
    const other = await team('leadB', [])
    for (const [lead, id] of [['leadA', winner.id], ['leadB', other.id]] as const) data(await t.call(lead, 'competition.submit', { teamId: id, abstract: '简介', files }))
    const judge = data(await t.call(STAFF, 'competition.addJudge', { competitionId, name: '评委', unit: '市科技局' }))
    data(await t.call('judge-1', 'competition.redeemJudge', { code: judge.inviteCode }))
    data(await t.call(STAFF, 'competition.assign', { id: competitionId }))
    now = new Date(DEADLINE)
    data(await t.call('judge-1', 'competition.score', { judgeId: judge.id, teamId: winner.id, levels: { innovation: 5, feasibility: 5 } }))
    data(await t.call('judge-1', 'competition.score', { judgeId: judge.id, teamId: other.id, levels: { innovation: 1, feasibility: 1 } }))

    expect(codeOf(await t.call('leadA', 'competition.shortlist', { id: competitionId, method: 'raw' }))).toBe('FORBIDDEN')
    expect(await titles('leadA')).toEqual([])
    const runs = await Promise.all([1, 2, 3].map((i) => t.call(STAFF, 'competition.shortlist', { id: competitionId, method: 'raw' }, `request-sl-000${i}`)))
    for (const run of runs) expect(data(run).rows.filter((r) => r.shortlisted).map((r) => r.teamId)).toEqual([winner.id])
    data(await t.call(STAFF, 'competition.shortlist', { id: competitionId, method: 'raw' }))
    expect(await count('leadA', '“leadA队”已晋级')).toBe(1)
    expect(await count('mA', '“leadA队”已晋级')).toBe(1)
    expect(await count('leadB', '“leadB队”评审结果')).toBe(1)
    expect(await titles('leadB')).not.toContain('“leadB队”已晋级')
    expect(await titles('waitA')).toEqual([])
    const told = data(await t.call('mA', 'notice.inbox', {})).items.find((n) => n.title === '“leadA队”已晋级')!
    expect(told).toMatchObject({ senderLabel: '翼展联盟·科创赛事' })

    await Promise.all([1, 2].map((i) => t.call(STAFF, 'competition.award', { teamId: winner.id, award: '市赛一等奖' }, `request-aw-000${i}`)))
    expect(await count('leadA', '“leadA队”获得市赛一等奖')).toBe(1)
    expect(await count('mA', '“leadA队”获得市赛一等奖')).toBe(1)
    // A higher-level award uploaded later is a new event: told once more.
    data(await t.call(STAFF, 'competition.award', { teamId: winner.id, award: '省赛银奖' }))
    data(await t.call(STAFF, 'competition.award', { teamId: winner.id, award: '省赛银奖' }))
    expect(await count('mA', '“leadA队”获得省赛银奖')).toBe(1)
    expect(data(await t.call('mA', 'competition.myRecord', {}))).toEqual([expect.objectContaining({ result: '省赛银奖' })])
  })
})

describe('refusing a submission in the formal check', () => {
  it('staff only; the reason named; the version is not judged, the team told once and may submit again before the deadline', async () => {
    const entry = await team('lead', ['m2'])
    expect(errorOf(await t.call(STAFF, 'competition.refuseSubmission', { teamId: entry.id, reason: '缺少承诺书' })).message).toBe('团队还没有提交作品')
    data(await t.call('lead', 'competition.submit', { teamId: entry.id, abstract: '简介', files }))
    expect(codeOf(await t.call('lead', 'competition.refuseSubmission', { teamId: entry.id, reason: '缺少承诺书' }))).toBe('FORBIDDEN')
    expect(errorOf(await t.call(STAFF, 'competition.refuseSubmission', { teamId: entry.id, reason: '' })).fields).toEqual({ reason: '请填写退回原因' })
    expect((await t.store.competitions.getTeam(entry.id))!.submissions[0]!.refused).toBeUndefined()

    const runs = await Promise.all([1, 2].map((i) => t.call(STAFF, 'competition.refuseSubmission', { teamId: entry.id, reason: '缺少承诺书' }, `request-rf-000${i}`)))
    for (const run of runs) expect(data(run).state).toBe('ready')
    const refused = (await t.store.competitions.getTeam(entry.id))!.submissions[0]!.refused!
    expect(refused).toMatchObject({ reason: '缺少承诺书', byOpenid: STAFF })
    expect(await count('lead', '“lead队”的作品被退回')).toBe(1)
    expect(await count('m2', '“lead队”的作品被退回')).toBe(1)
    const body = data(await t.call('m2', 'notice.inbox', {})).items.find((n) => n.title === '“lead队”的作品被退回')!.body
    expect(body).toContain('第1版作品未通过形式审查：缺少承诺书。请在提交截止前修改后重新提交。')
    expect(data(await t.call('m2', 'competition.myRecord', {}))).toEqual([])

    const again = data(await t.call('lead', 'competition.submit', { teamId: entry.id, abstract: '补上承诺书', files }))
    expect(again).toMatchObject({ state: 'submitted' })
    expect(again.submissions.map((v) => v.version)).toEqual([1, 2])
    now = new Date(DEADLINE)
    data(await t.call(STAFF, 'competition.refuseSubmission', { teamId: entry.id, reason: '文件无法打开' }))
    expect(data(await t.call('lead', 'notice.inbox', {})).items[0]!.body).toContain('提交已截止，该作品不进入评审。')
    expect(data(await t.call(STAFF, 'competition.results', { id: competitionId })).rows).toEqual([])
    expect(data(await t.call(STAFF, 'competition.assign', { id: competitionId })).assignments).toEqual({})
  })
})

describe('rule changes re-checked against the teams formed', () => {
  it('lists each team broken with its reasons; refuses the save until staff confirm, then saves and tells those teams', async () => {
    // 4 people: a bachelor leader, two bachelors and one PhD (25 %), one advisor; m2 is in two teams.
    const big = await team('lead', ['m2', 'm3', 'phd4'])
    data(await t.call('lead', 'competition.addAdvisor', { teamId: big.id, name: '王老师', unit: '黄淮学院', phone: '13900001111' }))
    const small = await team('lead2', [])
    data(await t.call('m2', 'competition.joinTeam', { code: small.inviteCode }))
    data(await t.call('m2', 'competition.confirm', { teamId: small.id }))
    const forming = await team('lead3', [])

    const stricter = { membersMin: 1, membersMax: 3, advisorsMax: 0, leaderDegrees: ['master' as const], phdMaxShare: 0.2, maxTeamsPerPerson: 1, maxLeadPerPerson: 1 }
    expect(codeOf(await t.call('lead', 'competition.checkRules', competitionDraft({ id: competitionId, rules: stricter })))).toBe('FORBIDDEN')
    // Teams made in the same instant: listed in store order, compared by name.
    const breaks = data(await t.call(STAFF, 'competition.checkRules', competitionDraft({ id: competitionId, rules: stricter }))).sort((a, b) => (a.teamName < b.teamName ? -1 : 1))
    expect(breaks).toEqual([
      { teamId: small.id, teamName: 'lead2队', reasons: ['负责人须更换：本科学历不能担任负责人：本赛事负责人须为硕士', '同学m2参加了2个团队，每人最多1个'] },
      { teamId: forming.id, teamName: 'lead3队', reasons: ['负责人须更换：本科学历不能担任负责人：本赛事负责人须为硕士'] },
      {
        teamId: big.id,
        teamName: 'lead队',
        reasons: [
          '团队人数应在1到3人之间（含负责人），现在4人',
          '博士研究生不能超过团队人数的20%（现有4人中1位博士）',
          '负责人须更换：本科学历不能担任负责人：本赛事负责人须为硕士',
          '指导老师最多0位，现有1位',
          '同学m2参加了2个团队，每人最多1个',
        ],
      },
    ])
    // The PhD share alone (25 % > 20 %), with its reason.
    expect(data(await t.call(STAFF, 'competition.checkRules', competitionDraft({ id: competitionId, rules: { ...RULES, membersMin: 1, phdMaxShare: 0.2 } })))).toEqual([
      { teamId: big.id, teamName: 'lead队', reasons: ['博士研究生不能超过团队人数的20%（现有4人中1位博士）'] },
    ])
    // Too few members breaks only a team that was complete (checklist signed or submitted), not one still forming.
    await join('lead4')
    data(await t.call('lead4', 'competition.createTeam', { competitionId, trackId: 'tech', name: 'lead4队', projectTitle: '项目' }))
    expect(data(await t.call(STAFF, 'competition.checkRules', competitionDraft({ id: competitionId, rules: { ...RULES, membersMin: 2 } })))).toEqual([
      { teamId: forming.id, teamName: 'lead3队', reasons: ['团队人数应在2到10人之间（含负责人），现在1人'] },
    ])
    // A new competition has no teams to break.
    expect(data(await t.call(STAFF, 'competition.checkRules', competitionDraft({ rules: stricter })))).toEqual([])

    const refused = errorOf(await save({ rules: stricter, title: '改过的标题' }))
    expect(refused.code).toBe('CONFLICT')
    expect(refused.message).toMatch(/^新规则与已报名团队冲突：.*“lead队”（团队人数应在1到3人之间（含负责人），现在4人；.*确认仍要保存请勾选“仍然保存并通知这些团队”$/)
    expect(refused.fields?.confirmBreaking).toBe(refused.message)
    expect(data(await t.call(STAFF, 'competition.get', { id: competitionId }))).toMatchObject({ title: competitionDraft().title, rules: { membersMax: 10 } })
    expect(await titles('lead')).toEqual([])

    // A change that breaks nobody saves as before.
    data(await save({ rules: { ...RULES, membersMin: 1 }, title: '只改标题' }))
    const saved = data(await save({ rules: stricter, confirmBreaking: true }))
    expect(saved).toMatchObject({ rules: stricter })
    expect(saved).not.toHaveProperty('confirmBreaking')
    for (const openid of ['lead', 'm2', 'm3', 'phd4', 'lead2']) expect(await count(openid, `${competitionDraft().title}规则已调整`)).toBeGreaterThanOrEqual(1)
    expect(await count('m3', `${competitionDraft().title}规则已调整`)).toBe(1)
    expect(await count('m2', `${competitionDraft().title}规则已调整`)).toBe(2)
    const view = data(await t.call('lead', 'competition.team', { teamId: big.id }))
    expect(view.blockers).toEqual(expect.arrayContaining(['负责人须更换：本科学历不能担任负责人：本赛事负责人须为硕士', '指导老师最多0位，现有1位']))
    expect(errorOf(await t.call('lead', 'competition.submit', { teamId: big.id, abstract: '简介', files })).message).toContain('团队人数应在1到3人之间（含负责人），现在4人')
    // The same rules again break nothing new: no confirmation needed, nobody told again.
    data(await save({ rules: stricter }))
    expect(await count('m3', `${competitionDraft().title}规则已调整`)).toBe(1)
  })
})
