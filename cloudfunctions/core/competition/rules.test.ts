import {
  advisorsWithin,
  allConfirmed,
  changeAllowedAfterClose,
  checklistSigned,
  declaringUnitNamed,
  judgedVersion,
  leaderAllowed,
  maskPhone,
  mayLead,
  notFrozen,
  personMayJoin,
  phdShare,
  registrationOpen,
  roomForAdvisor,
  roomForMember,
  ruleBreaks,
  sameMembers,
  submissionOpen,
  submitBlockers,
  teamSize,
  teamStateOf,
  trackExists,
} from './rules'
import { sampleCompetition, sampleTeam, sampleTeamMember } from './samples'

const c = sampleCompetition()
const rules = c.rules

describe('competition team rules (each with its reason)', () => {
  it('registration window: before, inside, at and after the close', () => {
    expect(registrationOpen(c, '2026-10-31T23:59:59.999+08:00')).toBe('报名尚未开始（2026-11-01 00:00开始）')
    expect(registrationOpen(c, '2026-11-05T10:00:00.000+08:00')).toBeNull()
    expect(registrationOpen(c, '2026-12-10T00:00:00.000+08:00')).toBe('报名已截止（2026-12-10 00:00），截止后只能移除成员')
  })

  it('after the close only removals', () => {
    const after = '2026-12-11T00:00:00.000+08:00'
    expect(changeAllowedAfterClose(c, after, 'remove')).toBeNull()
    expect(changeAllowedAfterClose(c, after, 'add')).toBe('报名截止后只能移除成员，不能新增成员或调整作者顺序')
    expect(changeAllowedAfterClose(c, after, 'reorder')).toBe('报名截止后只能移除成员，不能新增成员或调整作者顺序')
    expect(changeAllowedAfterClose(c, '2026-12-01T00:00:00.000+08:00', 'add')).toBeNull()
  })

  it('after upward submission the key fields are frozen', () => {
    expect(notFrozen(sampleTeam())).toBeNull()
    expect(notFrozen(sampleTeam({ frozenAt: '2026-12-21T00:00:00.000+08:00' }))).toBe('已向上级报送，项目名称、作者和指导老师不能再修改')
  })

  it('who may lead: a PhD never where the PhD share applies; otherwise the degree rule', () => {
    expect(mayLead(rules, 'bachelor')).toBeNull()
    expect(mayLead(rules, 'doctor')).toBe('博士研究生只能作为团队成员，不能担任负责人')
    expect(mayLead({ ...rules, phdMaxShare: null, leaderDegrees: ['bachelor'] }, 'master')).toBe('硕士学历不能担任负责人：本赛事负责人须为本科')
    expect(mayLead({ ...rules, phdMaxShare: null, leaderDegrees: ['doctor'] }, 'doctor')).toBeNull()
  })

  it('room for a member: full team and duplicates', () => {
    expect(roomForMember(rules, sampleTeam(), 'new')).toBeNull()
    expect(roomForMember(rules, sampleTeam(), 'm2')).toBe('你已在这个团队中')
    const full = sampleTeam({ members: Array.from({ length: 10 }, (_, i) => sampleTeamMember(`p${i}`)) })
    expect(roomForMember(rules, full, 'new')).toBe('团队已满：最多10人（含负责人）')
  })

  it('advisors at most the configured number, none where not allowed', () => {
    const advisor = { id: 'a', name: '王老师', unit: '黄淮学院', phone: '13800000000' }
    expect(roomForAdvisor(rules, sampleTeam({ advisors: [advisor, advisor] }))).toBeNull()
    expect(roomForAdvisor(rules, sampleTeam({ advisors: [advisor, advisor, advisor] }))).toBe('指导老师最多3位')
    expect(roomForAdvisor({ ...rules, advisorsMax: 0 }, sampleTeam())).toBe('本赛事不设指导老师')
  })

  it('per-person limits: teams and leads', () => {
    expect(personMayJoin(rules, { teams: 2, leads: 1 }, false)).toBeNull()
    expect(personMayJoin(rules, { teams: 3, leads: 0 }, false)).toBe('每人最多参加3个团队，你已参加3个')
    expect(personMayJoin(rules, { teams: 1, leads: 1 }, true)).toBe('每人最多担任1个团队的负责人，你已担任1个')
    expect(personMayJoin(rules, { teams: 1, leads: 0 }, true)).toBeNull()
  })

  it('PhD share at most 30 %', () => {
    const team = (phds: number, total: number) =>
      Array.from({ length: total }, (_, i) => sampleTeamMember(`p${i}`, { degree: i < phds ? 'doctor' : 'master' }))
    expect(phdShare(rules, team(3, 10))).toBeNull()
    expect(phdShare(rules, team(2, 4))).toBe('博士研究生不能超过团队人数的30%（现有4人中2位博士）')
    expect(phdShare({ ...rules, phdMaxShare: null }, team(4, 4))).toBeNull()
  })

  it('team size between min and max', () => {
    expect(teamSize(rules, 3)).toBeNull()
    expect(teamSize(rules, 2)).toBe('团队人数应在3到10人之间（含负责人），现在2人')
    expect(teamSize(rules, 11)).toBe('团队人数应在3到10人之间（含负责人），现在11人')
  })

  it('every member confirms before the team can submit', () => {
    expect(allConfirmed(sampleTeam())).toBeNull()
    const team = sampleTeam({ members: [sampleTeamMember('lead'), sampleTeamMember('m2', { name: '李四', confirmedAt: null })] })
    expect(allConfirmed(team)).toBe('还有1位成员未确认：李四')
  })

  it('the leader signs the eligibility checklist', () => {
    expect(checklistSigned(c, sampleTeam())).toBeNull()
    expect(checklistSigned(c, sampleTeam({ checklistSignedAt: null }))).toBe('负责人须先确认参赛资格承诺')
    expect(checklistSigned({ ...c, checklist: [] }, sampleTeam({ checklistSignedAt: null }))).toBeNull()
  })

  it('a cross-university team names its declaring unit', () => {
    const cross = sampleTeam({ members: [sampleTeamMember('lead'), sampleTeamMember('m2', { university: '驻马店职业技术学院' })] })
    expect(declaringUnitNamed(cross)).toBe('跨校团队须填写申报单位（由各校协商确定）')
    expect(declaringUnitNamed({ ...cross, declaringUnit: '黄淮学院' })).toBeNull()
    expect(declaringUnitNamed(sampleTeam())).toBeNull()
  })

  it('the track is one of the competition', () => {
    expect(trackExists(c, 'tech')).toBeNull()
    expect(trackExists(c, 'space')).toBe('请选择本赛事的赛道')
  })

  it('submission: 23:59:59.999 accepted, the deadline itself refused', () => {
    expect(submissionOpen(c, '2026-12-19T23:59:59.999+08:00')).toBeNull()
    expect(submissionOpen(c, '2026-12-20T00:00:00.000+08:00')).toBe('作品提交已截止（2026-12-20 00:00），不再接受新版本')
  })

  it('a reorder names exactly the members', () => {
    const team = sampleTeam()
    expect(sameMembers(team, ['m3', 'lead', 'm2'])).toBeNull()
    expect(sameMembers(team, ['m3', 'lead'])).toBe('作者顺序应包含且只包含团队的全部成员')
    expect(sameMembers(team, ['m3', 'm3', 'lead'])).toBe('作者顺序应包含且只包含团队的全部成员')
  })

  it('blockers and states', () => {
    expect(submitBlockers(c, sampleTeam())).toEqual([])
    expect(teamStateOf(c, sampleTeam())).toBe('ready')
    const forming = sampleTeam({ members: [sampleTeamMember('lead')], checklistSignedAt: null })
    expect(submitBlockers(c, forming)).toEqual(['团队人数应在3到10人之间（含负责人），现在1人', '负责人须先确认参赛资格承诺'])
    expect(teamStateOf(c, forming)).toBe('forming')
    const version = { version: 1, abstract: 'x', files: [], submittedAt: '2026-12-01T00:00:00.000+08:00', byOpenid: 'lead' }
    expect(teamStateOf(c, sampleTeam({ submissions: [version] }))).toBe('submitted')
    expect(teamStateOf(c, sampleTeam({ submissions: [version], shortlistedAt: 'x' }))).toBe('shortlisted')
    expect(teamStateOf(c, sampleTeam({ withdrawnAt: 'x' }))).toBe('withdrawn')
    expect(submitBlockers(c, sampleTeam({ withdrawnAt: 'x' }))).toEqual(['团队已撤销'])
  })

  it('rules changed since the team formed: the leader may no longer lead, too many advisors', () => {
    expect(leaderAllowed(rules, sampleTeam())).toBeNull()
    expect(leaderAllowed({ ...rules, leaderDegrees: ['master'] }, sampleTeam())).toBe('负责人须更换：本科学历不能担任负责人：本赛事负责人须为硕士')
    const advised = sampleTeam({ advisors: [{ id: 'a1', name: '王老师', unit: '黄淮学院', phone: '13900001111' }] })
    expect(advisorsWithin(rules, advised)).toBeNull()
    expect(advisorsWithin({ ...rules, advisorsMax: 0 }, advised)).toBe('指导老师最多0位，现有1位')
    expect(submitBlockers({ ...c, rules: { ...rules, advisorsMax: 0, leaderDegrees: ['master'] } }, advised)).toEqual([
      '负责人须更换：本科学历不能担任负责人：本赛事负责人须为硕士',
      '指导老师最多0位，现有1位',
    ])
  })

  it('a refused latest version is not judged: the team is no longer submitted', () => {
    const version = { version: 1, abstract: 'x', files: [], submittedAt: '2026-12-01T00:00:00.000+08:00', byOpenid: 'lead' }
    const refused = { ...version, version: 2, refused: { reason: '缺页', at: '2026-12-02T00:00:00.000+08:00', byOpenid: 'staff' } }
    expect(judgedVersion(sampleTeam({ submissions: [version] }))).toEqual(version)
    expect(judgedVersion(sampleTeam({ submissions: [version, refused] }))).toBeNull()
    expect(teamStateOf(c, sampleTeam({ submissions: [version, refused] }))).toBe('ready')
  })

  it('rule breaks: only what the team met before and fails now; withdrawn teams and forming sizes left out', () => {
    const full = sampleTeam()
    const alone = sampleTeam({ id: 't-alone', name: '独行队', members: [sampleTeamMember('solo')], leaderOpenid: 'solo', checklistSignedAt: null })
    const gone = sampleTeam({ id: 't-gone', name: '撤销队', withdrawnAt: 'x', members: [sampleTeamMember('m2'), sampleTeamMember('x')], leaderOpenid: 'm2' })
    expect(ruleBreaks(rules, rules, [full, alone, gone])).toEqual([])
    expect(ruleBreaks(rules, { ...rules, membersMin: 1, membersMax: 2 }, [full, alone, gone])).toEqual([
      { teamId: full.id, teamName: '星火队', reasons: ['团队人数应在1到2人之间（含负责人），现在3人'] },
    ])
    // Failing already (alone is below the minimum of 3 under both): not a break of the new rules.
    const signedAlone = { ...alone, checklistSignedAt: 'x' }
    expect(ruleBreaks(rules, { ...rules, membersMin: 4 }, [signedAlone])).toEqual([])
    expect(ruleBreaks({ ...rules, membersMin: 1 }, rules, [signedAlone])).toEqual([
      { teamId: 't-alone', teamName: '独行队', reasons: ['团队人数应在3到10人之间（含负责人），现在1人'] },
    ])
  })

  it('masks an advisor phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('123')).toBe('****')
  })
})
