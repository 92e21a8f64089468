import type { TeamView } from '../../../types'
import { runScheduledJobs } from '../../core/scheduler/scheduler'
import { competitionDraft, seedDemoCompetitions } from './seed-competition'
import { codeOf, data, errorOf, makeTestApi, profile, testAdapter, testServices } from './test-support'

/**
 * Competitions through the router (issue 18): each action allowed, forbidden and with bad input
 * (a Chinese message naming the field, nothing written); team rules with their reasons; the
 * deadline by the server clock; per-person limits and last-minute submissions under parallel calls;
 * blind judging with conflicts, calibration-free results, shortlist, 翼展档案 and 以赛引才.
 */
let now = new Date('2026-11-20T10:00:00.000+08:00')
const clock = { now: () => now }
let t: ReturnType<typeof makeTestApi>
const STAFF = 'staff-1'
const DEADLINE = '2026-12-20T00:00:00.000+08:00'


const files = [{ name: '计划书.pdf', fileId: 'uploads/plan.pdf' }]

async function join(openid: string, overrides: Parameters<typeof profile>[0] = {}) {
  data(await t.call(openid, 'member.register', profile({ name: `同学${openid}`, university: '黄淮学院', ...overrides })))
}

/** A team led by `lead` with `others` joined and confirmed, checklist signed. */
async function readyTeam(competitionId: string, lead: string, others: string[], university = '黄淮学院'): Promise<TeamView> {
  await join(lead, { university })
  let team = data(await t.call(lead, 'competition.createTeam', { competitionId, trackId: 'tech', name: `${lead}队`, projectTitle: `${lead}的项目` }))
  for (const o of others) {
    await join(o, { university })
    data(await t.call(o, 'competition.joinTeam', { code: team.inviteCode }))
    team = data(await t.call(o, 'competition.confirm', { teamId: team.id }))
  }
  return data(await t.call(lead, 'competition.sign', { teamId: team.id, agreed: true }))
}

let competitionId: string

beforeEach(async () => {
  now = new Date('2026-11-20T10:00:00.000+08:00')
  t = makeTestApi({ staff: [STAFF], clock })
  competitionId = data(await t.call(STAFF, 'competition.save', competitionDraft())).id
})
afterEach(() => t.close())

describe('competition templates', () => {
  it('staff save; students may not; bad input names the field and writes nothing', async () => {
    await join('s1')
    expect(errorOf(await t.call('s1', 'competition.save', competitionDraft())).code).toBe('FORBIDDEN')
    const bad = errorOf(await t.call(STAFF, 'competition.save', competitionDraft({ title: '', rules: { ...competitionDraft().rules, membersMin: 5, membersMax: 2 } })))
    expect(bad.code).toBe('INVALID_INPUT')
    expect(bad.fields).toMatchObject({ title: '请填写赛事名称', 'rules.membersMin': '最少人数不能大于最多人数' })
    expect(data(await t.call('s1', 'competition.list', {})).map((c) => c.id)).toEqual([competitionId])
    expect(data(await t.call(null, 'competition.get', { id: competitionId })).rules.phdMaxShare).toBe(0.3)
    const draft = data(await t.call(STAFF, 'competition.save', competitionDraft({ title: '草稿赛事', status: 'draft' })))
    expect(codeOf(await t.call('s1', 'competition.get', { id: draft.id }))).toBe('NOT_FOUND')
    expect(data(await t.call(STAFF, 'competition.list', {}))).toHaveLength(2)
  })
})

describe('staff edit a competition', () => {
  it('a draft edited and published; stages checked; a track in use and a stranger calibration refused, nothing written', async () => {
    const draft = data(await t.call(STAFF, 'competition.save', competitionDraft({ title: '振兴杯（草稿）', kind: 'zhenxingbei', status: 'draft' })))
    const bad = errorOf(
      await t.call(STAFF, 'competition.save', competitionDraft({ id: draft.id, registrationOpensAt: '2026-12-30T00:00:00.000+08:00', registrationClosesAt: '2026-12-31T00:00:00.000+08:00' })),
    )
    expect(bad.fields).toEqual({ submissionClosesAt: '作品提交截止时间应晚于报名开始时间' })
    const dup = errorOf(await t.call(STAFF, 'competition.save', competitionDraft({ id: draft.id, tracks: [{ id: 'tech', name: '甲' }, { id: 'tech', name: '乙' }] })))
    expect(dup.fields).toEqual({ tracks: '赛道编号不能重复' })
    expect(errorOf(await t.call(STAFF, 'competition.save', competitionDraft({ registrationOpensAt: '' }))).fields).toEqual({ registrationOpensAt: '请选择报名开始时间' })
    expect(errorOf(await t.call(STAFF, 'competition.save', competitionDraft({ judging: { ...competitionDraft().judging, judgesPerProject: Number.NaN } }))).fields).toEqual({
      'judging.judgesPerProject': '每个项目评委人数应为整数',
    })
    expect(data(await t.call(STAFF, 'competition.get', { id: draft.id })).title).toBe('振兴杯（草稿）')
    await join('s1')
    expect(data(await t.call('s1', 'competition.list', {})).map((c) => c.id)).not.toContain(draft.id)
    const published = data(await t.call(STAFF, 'competition.save', competitionDraft({ id: draft.id, title: '振兴杯', kind: 'zhenxingbei', status: 'open' })))
    expect(published).toMatchObject({ id: draft.id, createdAt: draft.createdAt, title: '振兴杯', status: 'open' })
    expect(data(await t.call('s1', 'competition.list', {})).map((c) => c.id)).toContain(draft.id)

    const team = data(await t.call('s1', 'competition.createTeam', { competitionId: draft.id, trackId: 'tech', name: '队', projectTitle: '项目' }))
    const moved = errorOf(await t.call(STAFF, 'competition.save', competitionDraft({ id: draft.id, tracks: [{ id: 'art', name: '文创' }] })))
    expect(moved.fields).toEqual({ tracks: '赛道“科技创新”已有团队报名，不能删除或改名' })
    const stranger = errorOf(await t.call(STAFF, 'competition.save', competitionDraft({ id: draft.id, judging: { ...competitionDraft().judging, calibrationTeamId: 'tm-nobody' } })))
    expect(stranger.fields).toEqual({ 'judging.calibrationTeamId': '校准项目应为本赛事的团队' })
    const calibrated = data(await t.call(STAFF, 'competition.save', competitionDraft({ id: draft.id, title: '振兴杯', judging: { ...competitionDraft().judging, calibrationTeamId: team.id } })))
    expect(calibrated.judging.calibrationTeamId).toBe(team.id)
    expect(data(await t.call('s1', 'competition.get', { id: draft.id })).tracks).toEqual([{ id: 'tech', name: '科技创新' }])
  })
})

describe('team formation', () => {
  it('the leader creates, members join by code and confirm; rules answer with their reasons', async () => {
    await join('lead')
    expect(errorOf(await t.call('visitor', 'competition.createTeam', { competitionId, trackId: 'tech', name: '队', projectTitle: '项目' })).code).toBe('FORBIDDEN')
    const bad = errorOf(await t.call('lead', 'competition.createTeam', { competitionId, trackId: 'tech', name: '', projectTitle: '项目' }))
    expect(bad.fields).toMatchObject({ name: '请填写团队名称' })
    expect(data(await t.call('lead', 'competition.myTeams', {}))).toEqual([])
    expect(errorOf(await t.call('lead', 'competition.createTeam', { competitionId, trackId: 'space', name: '队', projectTitle: '项目' })).fields).toEqual({ trackId: '请选择本赛事的赛道' })

    let team = data(await t.call('lead', 'competition.createTeam', { competitionId, trackId: 'tech', name: '星火队', projectTitle: '智慧农机' }))
    expect(team.inviteCode).toMatch(/^\d{6}$/)
    expect(team.state).toBe('forming')
    expect(errorOf(await t.call('lead', 'competition.createTeam', { competitionId, trackId: 'tech', name: '第二队', projectTitle: '项目' })).message).toBe('每人最多担任1个团队的负责人，你已担任1个')
    const invite = data(await t.call('lead', 'competition.inviteImage', { teamId: team.id }))
    expect(invite).toMatchObject({ code: team.inviteCode, path: `packages/competition/pages/list/index?scene=c%3D${team.inviteCode}` })
    expect(invite.image).toMatch(/^data:image\/png;base64,|^cloud:/)
    // Made once, kept on the team, never in a team as answered.
    expect((await t.store.competitions.getTeam(team.id))!.inviteImage).toBe(invite.image)
    expect(data(await t.call('lead', 'competition.inviteImage', { teamId: team.id })).image).toBe(invite.image)
    expect(JSON.stringify(data(await t.call('lead', 'competition.team', { teamId: team.id })))).not.toContain('inviteImage')
    expect(errorOf(await t.call('lead', 'competition.inviteImage', { teamId: '' })).fields).toEqual({ teamId: '请填写团队' })

    await join('m2')
    await join('phd', { degree: 'doctor', name: '博士生' })
    await join('m4', { university: '驻马店职业技术学院' })
    expect(errorOf(await t.call('m2', 'competition.joinTeam', { code: '12a' })).fields).toEqual({ code: '邀请码应为6位数字' })
    expect(errorOf(await t.call('m2', 'competition.inviteImage', { teamId: team.id })).code).toBe('FORBIDDEN')
    expect(data(await t.call('m2', 'competition.previewInvite', { code: team.inviteCode })).inviteCode).toBe('')
    for (const m of ['m2', 'phd', 'm4']) team = data(await t.call(m, 'competition.joinTeam', { code: team.inviteCode }))
    expect(errorOf(await t.call('m2', 'competition.joinTeam', { code: team.inviteCode })).message).toBe('你已在这个团队中')
    expect(team.blockers).toEqual([
      '还有3位成员未确认：同学m2、博士生、同学m4',
      '负责人须先确认参赛资格承诺',
      '跨校团队须填写申报单位（由各校协商确定）',
    ])
    // A PhD member cannot be made leader; only the leader may try.
    expect(errorOf(await t.call('m2', 'competition.setLeader', { teamId: team.id, openid: 'm2' })).code).toBe('FORBIDDEN')
    expect(errorOf(await t.call('lead', 'competition.setLeader', { teamId: team.id, openid: 'phd' })).message).toBe('博士研究生只能作为团队成员，不能担任负责人')
    // Author order: exactly the members.
    expect(errorOf(await t.call('lead', 'competition.reorder', { teamId: team.id, openids: ['m2', 'lead'] })).fields).toEqual({ openids: '作者顺序应包含且只包含团队的全部成员' })
    team = data(await t.call('lead', 'competition.reorder', { teamId: team.id, openids: ['m2', 'lead', 'phd', 'm4'] }))
    expect(team.members.map((m) => m.openid)).toEqual(['m2', 'lead', 'phd', 'm4'])
    // Advisors: external, phone checked, masked outside the team.
    expect(errorOf(await t.call('lead', 'competition.addAdvisor', { teamId: team.id, name: '王老师', unit: '黄淮学院', phone: '123' })).fields).toEqual({ phone: '指导老师手机号应为11位数字' })
    expect(errorOf(await t.call('m2', 'competition.addAdvisor', { teamId: team.id, name: '王老师', unit: '黄淮学院', phone: '13900001111' })).code).toBe('FORBIDDEN')
    team = data(await t.call('lead', 'competition.addAdvisor', { teamId: team.id, name: '王老师', unit: '黄淮学院', phone: '13900001111' }))
    expect(team.advisors[0]!.phone).toBe('13900001111')
    const listed = data(await t.call(STAFF, 'competition.teams', { id: competitionId }))
    expect(listed[0]!.advisors[0]!.phone).toBe('139****1111')
    expect(errorOf(await t.call('lead', 'competition.teams', { id: competitionId })).code).toBe('FORBIDDEN')

    for (const m of ['m2', 'phd']) team = data(await t.call(m, 'competition.confirm', { teamId: team.id }))
    team = data(await t.call('lead', 'competition.sign', { teamId: team.id, agreed: true }))
    expect(errorOf(await t.call('lead', 'competition.sign', { teamId: team.id, agreed: false })).fields).toEqual({ agreed: '请逐条阅读并勾选资格承诺' })
    team = data(await t.call('lead', 'competition.updateTeam', { teamId: team.id, declaringUnit: '黄淮学院' }))
    expect(team.blockers).toEqual(['还有1位成员未确认：同学m4'])
    expect(errorOf(await t.call('lead', 'competition.submit', { teamId: team.id, abstract: '简介', files })).message).toBe('还有1位成员未确认：同学m4')
    team = data(await t.call('m4', 'competition.confirm', { teamId: team.id }))
    expect(team.state).toBe('ready')
    expect(errorOf(await t.call('outsider', 'competition.team', { teamId: team.id })).code).toBe('FORBIDDEN')
    // A removed advisor and member: the leader may remove, a member may leave.
    team = data(await t.call('lead', 'competition.removeAdvisor', { teamId: team.id, advisorId: team.advisors[0]!.id }))
    expect(team.advisors).toEqual([])
    team = data(await t.call('m4', 'competition.removeMember', { teamId: team.id, openid: 'm4' }))
    expect(team.members).toHaveLength(3)
    expect(errorOf(await t.call('m2', 'competition.removeMember', { teamId: team.id, openid: 'phd' })).code).toBe('FORBIDDEN')
  })

  it('holds the per-person limit (in ≤ 3 teams) under parallel joins', async () => {
    const codes: string[] = []
    for (let i = 0; i < 5; i += 1) {
      await join(`L${i}`)
      codes.push(data(await t.call(`L${i}`, 'competition.createTeam', { competitionId, trackId: 'tech', name: `队${i}`, projectTitle: '项目' })).inviteCode)
    }
    await join('busy')
    const outcomes = await Promise.all(codes.map((code) => t.call('busy', 'competition.joinTeam', { code })))
    expect(outcomes.filter((o) => o.ok)).toHaveLength(3)
    expect(outcomes.filter((o) => !o.ok).map((o) => errorOf(o).message)).toEqual(['每人最多参加3个团队，你已参加3个', '每人最多参加3个团队，你已参加3个'])
    expect(data(await t.call('busy', 'competition.myTeams', {}))).toHaveLength(3)
  })
})

describe('submissions and the deadline', () => {
  it('keeps versions; 23:59:59.999 accepted, the deadline refused; after the close only removals', async () => {
    const team = await readyTeam(competitionId, 'lead', ['m2', 'm3', 'm4'])
    expect(errorOf(await t.call('lead', 'competition.submit', { teamId: team.id, abstract: '简介', files: [{ name: '计划书.exe', fileId: 'x' }] })).fields).toEqual({
      'files.0.name': '文件类型应为pdf、doc、docx、ppt、pptx、zip、mp4',
    })
    expect(errorOf(await t.call('m2', 'competition.submit', { teamId: team.id, abstract: '简介', files })).code).toBe('FORBIDDEN')
    data(await t.call('lead', 'competition.submit', { teamId: team.id, abstract: '第一版', files }))
    now = new Date('2026-12-19T23:59:59.999+08:00')
    expect(errorOf(await t.call('lead', 'competition.reorder', { teamId: team.id, openids: ['m2', 'lead', 'm3', 'm4'] })).message).toBe('报名截止后只能移除成员，不能新增成员或调整作者顺序')
    const second = data(await t.call('lead', 'competition.submit', { teamId: team.id, abstract: '第二版', files }))
    expect(second.submissions.map((s) => [s.version, s.abstract, s.submittedAt])).toEqual([
      [1, '第一版', '2026-11-20T10:00:00.000+08:00'],
      [2, '第二版', '2026-12-19T23:59:59.999+08:00'],
    ])
    now = new Date(DEADLINE)
    expect(errorOf(await t.call('lead', 'competition.submit', { teamId: team.id, abstract: '第三版', files })).message).toBe('作品提交已截止（2026-12-20 00:00），不再接受新版本')
    expect(data(await t.call('lead', 'competition.team', { teamId: team.id })).submissions).toHaveLength(2)
    expect(data(await t.call('lead', 'competition.removeMember', { teamId: team.id, openid: 'm4' })).members).toHaveLength(3)
    // Reported upward: frozen.
    expect(errorOf(await t.call('lead', 'competition.freeze', { teamId: team.id })).code).toBe('FORBIDDEN')
    data(await t.call(STAFF, 'competition.freeze', { teamId: team.id }))
    expect(errorOf(await t.call('lead', 'competition.updateTeam', { teamId: team.id, projectTitle: '新名字' })).message).toBe('已向上级报送，项目名称、作者和指导老师不能再修改')
  })

  it('loses no submission when many teams submit in the last minute, and accepts none at the deadline', async () => {
    const count = testAdapter() === 'sqlite' ? 300 : 30
    const id = data(await t.call(STAFF, 'competition.save', competitionDraft({ rules: { ...competitionDraft().rules, membersMin: 1 }, checklist: [] }))).id
    const teams: TeamView[] = []
    for (let i = 0; i < count; i += 1) {
      data(await t.call(`r${i}`, 'member.register', profile({ name: `同学${i}` })))
      teams.push(data(await t.call(`r${i}`, 'competition.createTeam', { competitionId: id, trackId: 'tech', name: `队${i}`, projectTitle: '项目' })))
    }
    now = new Date('2026-12-19T23:59:30.000+08:00')
    const accepted = await Promise.all(teams.map((team, i) => t.call(`r${i}`, 'competition.submit', { teamId: team.id, abstract: '终稿', files })))
    expect(accepted.filter((o) => o.ok)).toHaveLength(count)
    now = new Date(DEADLINE)
    const late = await Promise.all(teams.map((team, i) => t.call(`r${i}`, 'competition.submit', { teamId: team.id, abstract: '迟到', files })))
    expect(late.filter((o) => o.ok)).toHaveLength(0)
    const stored = data(await t.call(STAFF, 'competition.teams', { id, state: 'submitted' }))
    expect(stored).toHaveLength(count)
    expect(stored.every((team) => team.submissions.length === 1 && team.submissions[0]!.abstract === '终稿')).toBe(true)
  }, 60_000)
})

describe('withdrawing and leaving', () => {
  it('the leader withdraws before the deadline: members told in the inbox, limits freed, idempotent', async () => {
    const team = await readyTeam(competitionId, 'lead', ['m2', 'm3'])
    expect(errorOf(await t.call('m2', 'competition.withdraw', { teamId: team.id })).code).toBe('FORBIDDEN')
    expect(errorOf(await t.call('lead', 'competition.withdraw', { teamId: '' })).fields).toEqual({ teamId: '请填写团队' })
    expect(data(await t.call('lead', 'competition.team', { teamId: team.id })).withdrawnAt).toBeNull()
    // Leader and member are at their limits (lead ≤ 1): a second team is refused before the withdrawal.
    expect(errorOf(await t.call('lead', 'competition.createTeam', { competitionId, trackId: 'tech', name: '第二队', projectTitle: '项目' })).message).toBe('每人最多担任1个团队的负责人，你已担任1个')

    const twice = await Promise.all([t.call('lead', 'competition.withdraw', { teamId: team.id }), t.call('lead', 'competition.withdraw', { teamId: team.id })])
    expect(twice.map((o) => data(o).state)).toEqual(['withdrawn', 'withdrawn'])
    expect(new Set(twice.map((o) => data(o).withdrawnAt)).size).toBe(1)
    for (const m of ['m2', 'm3']) {
      expect(data(await t.call(m, 'notice.inbox', {})).items.filter((n) => n.title === '“lead队”已撤销参赛')).toHaveLength(1)
    }
    expect(data(await t.call('lead', 'notice.inbox', {})).items.map((n) => n.title)).not.toContain('“lead队”已撤销参赛')
    // Freed: the team is out of everyone's list; the leader may lead again; nobody joins the withdrawn team.
    expect(data(await t.call('m2', 'competition.myTeams', {}))).toEqual([])
    expect(data(await t.call('lead', 'competition.createTeam', { competitionId, trackId: 'tech', name: '第二队', projectTitle: '项目' })).leaderOpenid).toBe('lead')
    await join('late')
    expect(errorOf(await t.call('late', 'competition.joinTeam', { code: team.inviteCode })).message).toBe('团队已撤销参赛')
    expect(errorOf(await t.call('lead', 'competition.submit', { teamId: team.id, abstract: '简介', files })).message).toContain('团队已撤销')
    expect(data(await t.call(STAFF, 'competition.teams', { id: competitionId, state: 'withdrawn' })).map((x) => x.id)).toEqual([team.id])
  })

  it('a withdrawal racing a submission: one order or the other, never a submission on a withdrawn team unseen; after the deadline no withdrawal', async () => {
    const team = await readyTeam(competitionId, 'lead', ['m2', 'm3'])
    const [submitted, withdrawn] = await Promise.all([
      t.call('lead', 'competition.submit', { teamId: team.id, abstract: '终稿', files }),
      t.call('lead', 'competition.withdraw', { teamId: team.id }),
    ])
    expect(data(withdrawn).state).toBe('withdrawn')
    const after = data(await t.call(STAFF, 'competition.teams', { id: competitionId }))[0]!
    expect(after.state).toBe('withdrawn')
    if (submitted.ok) expect(after.submissions).toHaveLength(1)
    else {
      expect(errorOf(submitted).message).toContain('团队已撤销')
      expect(after.submissions).toEqual([])
    }
    // Withdrawn teams are not judged.
    expect(data(await t.call(STAFF, 'competition.assign', { id: competitionId })).assignments).toEqual({})

    const other = await readyTeam(competitionId, 'lead2', ['n2', 'n3'])
    now = new Date(DEADLINE)
    expect(errorOf(await t.call('lead2', 'competition.withdraw', { teamId: other.id })).message).toBe('作品提交已截止（2026-12-20 00:00），不能再撤销参赛')
  })

  it('a member leaves: their limit is freed; leaving again is no change', async () => {
    const codes: string[] = []
    for (const lead of ['A', 'B', 'C', 'D']) {
      await join(lead)
      codes.push(data(await t.call(lead, 'competition.createTeam', { competitionId, trackId: 'tech', name: `${lead}队`, projectTitle: '项目' })).inviteCode)
    }
    await join('busy')
    const joined = []
    for (const code of codes.slice(0, 3)) joined.push(data(await t.call('busy', 'competition.joinTeam', { code })))
    expect(errorOf(await t.call('busy', 'competition.joinTeam', { code: codes[3]! })).message).toBe('每人最多参加3个团队，你已参加3个')
    const left = await Promise.all([
      t.call('busy', 'competition.removeMember', { teamId: joined[0]!.id, openid: 'busy' }),
      t.call('busy', 'competition.removeMember', { teamId: joined[0]!.id, openid: 'busy' }),
    ])
    expect(left.map((o) => data(o).members.map((m) => m.openid))).toEqual([['A'], ['A']])
    expect(left.every((o) => data(o).inviteCode === '')).toBe(true)
    expect(data(await t.call('busy', 'competition.joinTeam', { code: codes[3]! })).members.map((m) => m.openid)).toEqual(['D', 'busy'])
    expect(errorOf(await t.call('A', 'competition.removeMember', { teamId: joined[0]!.id, openid: 'busy' })).message).toBe('该成员不在团队中')
  })
})

describe('handing the team on', () => {
  it('a leader who deletes their account leaves a pseudonym; the remaining members confirm a new leader', async () => {
    const team = await readyTeam(competitionId, 'lead', ['m2', 'm3'])
    await join('phd', { degree: 'doctor', name: '博士生' })
    data(await t.call('phd', 'competition.joinTeam', { code: team.inviteCode }))
    data(await t.call('phd', 'competition.confirm', { teamId: team.id }))
    // While the leader is here, nobody else hands the team on.
    expect(errorOf(await t.call('m2', 'competition.handOver', { teamId: team.id, openid: 'm2' })).message).toBe('负责人仍在团队中：请由负责人在团队页转交')
    data(await t.call('lead', 'member.deleteMine'))
    let view = data(await t.call('m2', 'competition.team', { teamId: team.id }))
    expect(view.leaderGone).toBe(true)
    expect(view.members[0]!.name).toBe('已注销成员')
    await join('outsider')
    expect(errorOf(await t.call('outsider', 'competition.handOver', { teamId: team.id, openid: 'm2' })).code).toBe('FORBIDDEN')
    expect(errorOf(await t.call('m2', 'competition.handOver', { teamId: team.id, openid: '' })).fields).toEqual({ openid: '请填写成员' })
    expect(errorOf(await t.call('m2', 'competition.handOver', { teamId: team.id, openid: 'phd' })).message).toBe('博士研究生只能作为团队成员，不能担任负责人')
    expect(errorOf(await t.call('m2', 'competition.handOver', { teamId: team.id, openid: view.leaderOpenid })).message).toBe('该成员不在团队中')
    // Two of three confirm: not yet; the third does: m2 leads.
    view = data(await t.call('m2', 'competition.handOver', { teamId: team.id, openid: 'm2' }))
    view = data(await t.call('m3', 'competition.handOver', { teamId: team.id, openid: 'm2' }))
    expect(view).toMatchObject({ leaderGone: true, handover: { candidateOpenid: 'm2', confirmedBy: ['m2', 'm3'] } })
    view = data(await t.call('phd', 'competition.handOver', { teamId: team.id, openid: 'm2' }))
    expect(view).toMatchObject({ leaderGone: false, leaderOpenid: 'm2', handover: null })
    expect(data(await t.call('m3', 'notice.inbox', {})).items.map((n) => n.title)).toContain('“lead队”有了新负责人')
    // The new leader leads: they may submit, and hold their lead limit.
    expect(data(await t.call('m2', 'competition.submit', { teamId: team.id, abstract: '简介', files })).submissions).toHaveLength(1)
    expect(errorOf(await t.call('m2', 'competition.createTeam', { competitionId, trackId: 'tech', name: '另一队', projectTitle: '项目' })).message).toBe('每人最多担任1个团队的负责人，你已担任1个')
  })

  it('staff hand the team on at once', async () => {
    const team = await readyTeam(competitionId, 'lead', ['m2', 'm3'])
    data(await t.call('lead', 'member.deleteMine'))
    const view = data(await t.call(STAFF, 'competition.handOver', { teamId: team.id, openid: 'm3' }))
    expect(view).toMatchObject({ leaderOpenid: 'm3', leaderGone: false })
    expect(data(await t.call('m3', 'competition.team', { teamId: team.id })).inviteCode).toMatch(/^\d{6}$/)
  })
})

describe('story drafts from competition results', () => {
  it('each member of a placed team gets a story draft about them; the same award again drafts nothing', async () => {
    const team = await readyTeam(competitionId, 'lead', ['m2', 'm3'])
    data(await t.call('lead', 'competition.submit', { teamId: team.id, abstract: '简介', files }))
    expect(errorOf(await t.call('lead', 'competition.award', { teamId: team.id, award: '一等奖' })).code).toBe('FORBIDDEN')
    expect(errorOf(await t.call(STAFF, 'competition.award', { teamId: team.id, award: '' })).fields).toEqual({ award: '请填写奖项' })
    data(await t.call(STAFF, 'competition.award', { teamId: team.id, award: '市赛一等奖' }))
    data(await t.call(STAFF, 'competition.award', { teamId: team.id, award: '市赛一等奖' }))
    const drafts = data(await t.call(STAFF, 'story.mine', {})).items
    expect(drafts.map((d) => d.subjectOpenid).sort()).toEqual(['lead', 'm2', 'm3'])
    expect(drafts[0]).toMatchObject({ status: 'draft', tags: ['科创竞赛'], subjectConsent: 'pending' })
    expect(drafts.find((d) => d.subjectOpenid === 'm2')!.body).toContain('“lead队”')
  })

  it('a member of an awarded team gets a certificate with the competition code, made once', async () => {
    const team = await readyTeam(competitionId, 'lead', ['m2', 'm3'])
    data(await t.call('lead', 'competition.submit', { teamId: team.id, abstract: '简介', files }))
    expect(errorOf(await t.call('m2', 'competition.certificate', { teamId: team.id })).message).toBe('获奖或晋级后才能生成荣誉证书')
    data(await t.call(STAFF, 'competition.award', { teamId: team.id, award: '市赛一等奖' }))
    await join('outsider')
    expect(errorOf(await t.call('outsider', 'competition.certificate', { teamId: team.id })).code).toBe('FORBIDDEN')
    expect(errorOf(await t.call('m2', 'competition.certificate', { teamId: '' })).fields).toEqual({ teamId: '请填写团队' })
    const first = data(await t.call('m2', 'competition.certificate', { teamId: team.id }))
    expect(first).toMatchObject({
      heading: '荣誉证书',
      holder: '同学m2',
      entries: ['“挑战杯”创业计划竞赛驻马店市赛 · 市赛一等奖'],
      note: '所在团队“lead队”，项目“lead的项目”。\n特发此证，以资鼓励。',
      date: '2026年11月20日',
    })
    expect(first.code.image).toMatch(/^data:image\/png;base64,|^cloud:/)
    const second = data(await t.call('m3', 'competition.certificate', { teamId: team.id }))
    expect(second.code.image).toBe(first.code.image)
    // The cached code stays on the server: never in a competition as answered, and kept across edits.
    expect(JSON.stringify(data(await t.call('m2', 'competition.get', { id: competitionId })))).not.toContain('codeImage')
    data(await t.call(STAFF, 'competition.save', competitionDraft({ id: competitionId })))
    expect((await t.store.competitions.getCompetition(competitionId))!.codeImage).toBe(first.code.image)
  })
})

describe('deleting an account', () => {
  it('leaves the team an 已注销成员 in the author order, with nothing of the member left, and frees nothing else', async () => {
    const team = await readyTeam(competitionId, 'lead', ['m2', 'm3'])
    data(await t.call('lead', 'competition.submit', { teamId: team.id, abstract: '第一版', files }))
    data(await t.call('m2', 'member.deleteMine'))
    const after = data(await t.call('lead', 'competition.team', { teamId: team.id }))
    expect(after.members.map((m) => m.name)).toEqual(['同学lead', '已注销成员', '同学m3'])
    expect(after.submissions).toHaveLength(1)
    expect(JSON.stringify(after)).not.toContain('同学m2')
    expect(JSON.stringify(after)).not.toMatch(/"m2"/)
    expect(await t.store.competitions.teamsOf('m2', 10)).toEqual([])
    // A leader who deletes leaves the place, under a pseudonym, to be handed on by staff.
    data(await t.call('lead', 'member.deleteMine'))
    const orphan = data(await t.call('m3', 'competition.team', { teamId: team.id }))
    expect(orphan.members.map((m) => m.name)).toEqual(['已注销成员', '已注销成员', '同学m3'])
    expect(orphan.leaderOpenid).not.toBe('lead')
  })
})

describe('judging and results', () => {
  it('blind, conflicts skipped, raw and normalised differ, shortlist into the 翼展档案 and 以赛引才', async () => {
    // The journey team (黄淮学院) and eight others (郑州大学).
    const star = await readyTeam(competitionId, 'lead', ['m2', 'm3', 'm4'])
    data(await t.call('lead', 'competition.updateTeam', { teamId: star.id, name: '星火队', projectTitle: '星火队的智慧农机' }))
    data(await t.call('lead', 'competition.submit', { teamId: star.id, abstract: '我们黄淮学院星火队的同学m2负责研发。', files }))
    for (let i = 0; i < 8; i += 1) {
      const other = await readyTeam(competitionId, `o${i}`, [`o${i}a`, `o${i}b`], '郑州大学')
      data(await t.call(`o${i}`, 'competition.submit', { teamId: other.id, abstract: '项目简介', files }))
    }
    // Judges: external people, invited by code.
    expect(errorOf(await t.call('lead', 'competition.addJudge', { competitionId, name: '甲', unit: '单位' })).code).toBe('FORBIDDEN')
    expect(errorOf(await t.call(STAFF, 'competition.addJudge', { competitionId, name: '', unit: '单位' })).fields).toEqual({ name: '请填写评委姓名' })
    const harsh = data(await t.call(STAFF, 'competition.addJudge', { competitionId, name: '严评委', unit: '市科技局' }))
    const declared = data(await t.call(STAFF, 'competition.addJudge', { competitionId, name: '宽评委', unit: '市工信局', declaredConflictTeamIds: [star.id] }))
    const sameUni = data(await t.call(STAFF, 'competition.addJudge', { competitionId, name: '黄评委', unit: '黄淮学院', university: '黄淮学院' }))
    expect(data(await t.call(STAFF, 'competition.judges', { id: competitionId }))).toHaveLength(3)
    const judges = [harsh, declared, sameUni]
    for (const [i, j] of judges.entries()) {
      expect(data(await t.call(`judge-${i}`, 'competition.redeemJudge', { code: j.inviteCode })).openid).toBe(`judge-${i}`)
    }
    expect(errorOf(await t.call('judge-x', 'competition.redeemJudge', { code: harsh.inviteCode })).message).toBe('这个评委邀请码已被其他微信号使用')
    expect(errorOf(await t.call(null, 'competition.redeemJudge', { code: harsh.inviteCode })).code).toBe('UNAUTHENTICATED')
    const assigned = data(await t.call(STAFF, 'competition.assign', { id: competitionId }))
    expect(assigned.assignments[star.id]).toEqual([harsh.id])
    expect(assigned.skipped).toBeGreaterThanOrEqual(2)

    // Before the deadline no scoring; a judge sees only the blind copy.
    const levels = { innovation: 3, feasibility: 3 }
    expect(errorOf(await t.call('judge-0', 'competition.score', { judgeId: harsh.id, teamId: star.id, levels })).message).toBe('作品提交截止后才能开始评分')
    now = new Date(DEADLINE)
    const seen = data(await t.call('judge-0', 'competition.judgeProjects', { judgeId: harsh.id }))
    const blind = seen.projects.find((p) => p.teamId === star.id)!
    expect(blind.abstract).toBe('我们■■■■的■■负责研发。')
    expect(blind.projectTitle).toBe('■■的智慧农机')
    expect(JSON.stringify(seen.projects)).not.toMatch(/黄淮|星火|同学/)
    expect(errorOf(await t.call('judge-1', 'competition.judgeProjects', { judgeId: harsh.id })).code).toBe('FORBIDDEN')
    expect(errorOf(await t.call('judge-1', 'competition.score', { judgeId: declared.id, teamId: star.id, levels })).message).toBe('这个项目没有分配给你')
    expect(errorOf(await t.call('judge-0', 'competition.score', { judgeId: harsh.id, teamId: star.id, levels: { innovation: 4, feasibility: 3 } })).fields).toEqual({
      'levels.innovation': '请为“创新性”选择一个档位',
    })

    // The harsh judge gives the star team 6 and the rest 2; the others give 10 to all but their last (8).
    for (const [i, j] of judges.entries()) {
      const mine = Object.entries(assigned.assignments).filter(([, js]) => js.includes(j.id)).map(([teamId]) => teamId).sort()
      for (const [k, teamId] of mine.entries()) {
        const chosen = j.id === harsh.id ? (teamId === star.id ? levels : { innovation: 1, feasibility: 1 }) : k < mine.length - 1 ? { innovation: 5, feasibility: 5 } : { innovation: 5, feasibility: 3 }
        data(await t.call(`judge-${i}`, 'competition.score', { judgeId: j.id, teamId, levels: chosen }))
      }
    }
    expect(errorOf(await t.call('lead', 'competition.results', { id: competitionId })).code).toBe('FORBIDDEN')
    const results = data(await t.call(STAFF, 'competition.results', { id: competitionId }))
    expect(results.normalisedWithheld).toBeNull()
    const starRow = results.rows.find((r) => r.teamId === star.id)!
    expect(starRow.rawMean).toBe(6)
    expect(starRow.rawRank).toBeGreaterThan(1)
    expect(starRow.normalisedRank).toBe(1)
    expect(results.tieBreak).toContain('缺评更少者在前')

    expect(errorOf(await t.call(STAFF, 'competition.shortlist', { id: competitionId, method: 'best' })).fields).toEqual({ method: '请选择排名方式' })
    const shortlisted = data(await t.call(STAFF, 'competition.shortlist', { id: competitionId, method: 'normalised' }))
    expect(shortlisted.rows.filter((r) => r.shortlisted).map((r) => r.teamId)).toEqual([star.id])
    data(await t.call(STAFF, 'competition.award', { teamId: star.id, award: '市赛一等奖' }))
    expect(data(await t.call('m2', 'competition.myRecord', {}))).toEqual([
      expect.objectContaining({ teamId: star.id, teamName: '星火队', role: 'member', result: '市赛一等奖' }),
    ])
    // 以赛引才: winners next to open demands in their fields.
    data(
      await t.call(STAFF, 'demand.create', { employer: '驻马店电子信息产业园', position: '嵌入式工程师', field: 'electronics', degree: 'bachelor', headcount: 3, place: '驿城区', deadline: '2099-12-31' }),
    )
    const leads = data(await t.call(STAFF, 'competition.talent', { id: competitionId }))
    expect(leads.map((l) => l.openid).sort()).toEqual(['lead', 'm2', 'm3', 'm4'])
    expect(leads[0]!.demands.map((d) => d.position)).toEqual(['嵌入式工程师'])
  }, 60_000)
})

describe('demo data and the scheduler', () => {
  it('seeds one open competition with teams in every state; the scheduler closes the window', async () => {
    // The demo students the competitions name (seed.ts makes them with everything else).
    for (let n = 1; n <= 16; n += 1) await join(`demo-student-${n}`)
    await seedDemoCompetitions({ store: t.store, clock })
    const competitions = data(await t.call(STAFF, 'competition.list', {}))
    const open = competitions.find((c) => c.id === 'cp-demo-open')!
    expect(open.status).toBe('open')
    const states = [
      ...data(await t.call(STAFF, 'competition.teams', { id: 'cp-demo-open' })),
      ...data(await t.call(STAFF, 'competition.teams', { id: 'cp-demo-past' })),
    ].map((team) => team.state)
    expect(new Set(states)).toEqual(new Set(['forming', 'ready', 'submitted', 'withdrawn', 'shortlisted']))
    expect(data(await t.call('demo-student-13', 'competition.myRecord', {}))).toEqual([expect.objectContaining({ result: '市赛一等奖', role: 'leader' })])

    now = new Date(Date.parse(open.submissionClosesAt) + 1000)
    const run = await runScheduledJobs({ ...testServices, store: t.store, clock })
    expect(run.closedCompetitions).toBe(2)
    expect(data(await t.call(STAFF, 'competition.get', { id: 'cp-demo-open' })).status).toBe('judging')
  })
})
