import type { TeamView } from '../../../types'
import { competitionDraft, seedDemoCompetitions } from './seed-competition'
import { codeOf, data, errorOf, makeTestApi, profile } from './test-support'

/**
 * 科创赛事公示 through the router (issue 18 §5): staff publish a competition's results once for a
 * period of working days; anyone reads them beside the honours 公示 (no scores, no judges); a
 * signed-in person objects in their real name; staff resolve each objection once — upheld withdraws
 * the team's award and shortlist with the reason. Forbidden roles and bad input write nothing.
 */
let now = new Date('2026-11-20T10:00:00.000+08:00')
const clock = { now: () => now }
let t: ReturnType<typeof makeTestApi>
const STAFF = 'staff-1'
const files = [{ name: '计划书.pdf', fileId: 'uploads/plan.pdf' }]
let competitionId: string

async function join(openid: string, university = '黄淮学院') {
  data(await t.call(openid, 'member.register', profile({ name: `同学${openid}`, university })))
}

async function submittedTeam(lead: string): Promise<TeamView> {
  await join(lead)
  const team = data(await t.call(lead, 'competition.createTeam', { competitionId, trackId: 'tech', name: `${lead}队`, projectTitle: `${lead}的项目` }))
  data(await t.call(lead, 'competition.sign', { teamId: team.id, agreed: true }))
  return data(await t.call(lead, 'competition.submit', { teamId: team.id, abstract: '简介', files }))
}

/** Two placed teams (an award; a shortlist) and one without a result. */
async function placedTeams() {
  const first = await submittedTeam('lead1')
  const second = await submittedTeam('lead2')
  const none = await submittedTeam('lead3')
  data(await t.call(STAFF, 'competition.award', { teamId: first.id, award: '市赛一等奖' }))
  await t.store.competitions.changeTeam(competitionId, second.id, [], (stored) => ({ team: { ...stored!, shortlistedAt: now.toISOString() }, people: [] }))
  return { first, second, none }
}

const objection = (teamId: string, overrides: Record<string, unknown> = {}) => ({ teamId, kind: 'personal', realName: '张三', phone: '13800001111', reason: '作品并非团队原创', ...overrides })
const unitObjection = (teamId: string, overrides: Record<string, unknown> = {}) => ({ teamId, kind: 'unit', unitName: '驻马店市某科技公司', sealFileId: 'cloud://env/activity-covers/seal.png', reason: '项目使用了我单位未公开的技术资料', ...overrides })
const inboxTitles = async (openid: string) => data(await t.call(openid, 'notice.inbox', {})).items.map((n) => n.title)

beforeEach(async () => {
  now = new Date('2026-11-20T10:00:00.000+08:00')
  t = makeTestApi({ staff: [STAFF], clock })
  competitionId = data(await t.call(STAFF, 'competition.save', competitionDraft({ rules: { ...competitionDraft().rules, membersMin: 1 } }))).id
})
afterEach(() => t.close())

describe('publishing results for 公示', () => {
  it('staff publish once (5 working days by default); students may not; anyone reads publishable facts only', async () => {
    const { first, second, none } = await placedTeams()
    expect(codeOf(await t.call('lead1', 'competition.publishResults', { id: competitionId }))).toBe('FORBIDDEN')
    expect(codeOf(await t.call(null, 'competition.publishResults', { id: competitionId }))).toBe('UNAUTHENTICATED')
    expect(await t.store.competitions.getNotice(competitionId)).toBeNull()

    const notice = data(await t.call(STAFF, 'competition.publishResults', { id: competitionId }, 'request-pub-0001'))
    expect(notice).toMatchObject({ competitionId, start: '2026-11-20', end: '2026-11-26' })
    expect(notice.entries).toEqual(
      expect.arrayContaining([
        { teamId: first.id, teamName: 'lead1队', projectTitle: 'lead1的项目', university: '黄淮学院', result: '市赛一等奖', withdrawn: null },
        { teamId: second.id, teamName: 'lead2队', projectTitle: 'lead2的项目', university: '黄淮学院', result: '晋级', withdrawn: null },
      ]),
    )
    expect(notice.entries.map((e) => e.teamId)).not.toContain(none.id)

    // Anyone, joined or not, signed in or not, reads it during the period: no scores, no judges.
    for (const reader of [null, 'visitor', 'lead3']) {
      const listed = data(await t.call(reader, 'competition.resultNotices', {}))
      expect(listed).toEqual([notice])
      expect(JSON.stringify(listed)).not.toMatch(/score|judge|rawMean|normalised/i)
    }
    // After the period it is no longer listed.
    now = new Date('2026-11-27T09:00:00.000+08:00')
    expect(data(await t.call(null, 'competition.resultNotices', {}))).toEqual([])
  })

  it('a repeat with the same requestId, another while running, or racing calls change nothing', async () => {
    const { first } = await placedTeams()
    const [a, b, c] = await Promise.all([
      t.call(STAFF, 'competition.publishResults', { id: competitionId }, 'request-a-0001'),
      t.call(STAFF, 'competition.publishResults', { id: competitionId }, 'request-a-0001'),
      t.call(STAFF, 'competition.publishResults', { id: competitionId, end: '2026-12-31' }, 'request-b-0001'),
    ])
    const stored = await t.store.competitions.getNotice(competitionId)
    expect([data(a), data(b), data(c)]).toEqual([stored, stored, stored])
    // An award changed later does not rewrite the published 公示.
    now = new Date('2026-11-23T10:00:00.000+08:00')
    data(await t.call(STAFF, 'competition.award', { teamId: first.id, award: '市赛特等奖' }))
    expect(data(await t.call(STAFF, 'competition.publishResults', { id: competitionId }, 'request-c-0001'))).toEqual(stored)
    expect(data(await t.call(null, 'competition.resultNotices', {}))).toEqual([stored])
  })

  it('bad input names the field in Chinese and writes nothing; nothing to publish is refused', async () => {
    expect(errorOf(await t.call(STAFF, 'competition.publishResults', { id: competitionId })).message).toBe('还没有晋级或获奖的团队，无法公示')
    await placedTeams()
    expect(errorOf(await t.call(STAFF, 'competition.publishResults', { id: '' })).fields).toEqual({ id: '请填写赛事' })
    expect(errorOf(await t.call(STAFF, 'competition.publishResults', { id: competitionId, start: '2026-02-30' })).fields).toEqual({ start: '公示开始日期不是有效的日期' })
    expect(errorOf(await t.call(STAFF, 'competition.publishResults', { id: competitionId, start: '2026-12-05', end: '2026-12-01' })).fields).toEqual({
      end: '公示结束日期不能早于开始日期',
    })
    expect(errorOf(await t.call(STAFF, 'competition.publishResults', { id: competitionId, start: '2026-11-01', end: '2026-11-05' })).fields).toEqual({
      end: '公示结束日期不能早于今天',
    })
    expect(codeOf(await t.call(STAFF, 'competition.publishResults', { id: 'cp-nobody' }))).toBe('NOT_FOUND')
    expect(await t.store.competitions.getNotice(competitionId)).toBeNull()
    const set = data(await t.call(STAFF, 'competition.publishResults', { id: competitionId, start: '2026-11-23', end: '2026-11-30' }))
    expect(set).toMatchObject({ start: '2026-11-23', end: '2026-11-30' })
    // Not yet running: not listed until its first day.
    expect(data(await t.call(null, 'competition.resultNotices', {}))).toEqual([])
  })
})

describe('objections to a published result', () => {
  it('real name required; stored for staff with the phone masked; outside the period or not in 公示 refused', async () => {
    const { first, none } = await placedTeams()
    await join('m9')
    expect(errorOf(await t.call('m9', 'competition.objectResult', objection(first.id))).message).toBe('这个团队的结果不在公示中')
    data(await t.call(STAFF, 'competition.publishResults', { id: competitionId }))
    expect(codeOf(await t.call(null, 'competition.objectResult', objection(first.id)))).toBe('UNAUTHENTICATED')
    expect(errorOf(await t.call('m9', 'competition.objectResult', objection(first.id, { kind: undefined }))).fields).toEqual({ kind: '不受理匿名异议：请选择以个人或单位名义提出' })
    expect(errorOf(await t.call('m9', 'competition.objectResult', objection(first.id, { realName: '' }))).fields).toEqual({ realName: '不受理匿名异议：个人异议请填写真实姓名' })
    expect(errorOf(await t.call('m9', 'competition.objectResult', objection(first.id, { phone: '12345' }))).fields).toEqual({ phone: '不受理匿名异议：请填写11位手机号以便核实' })
    expect(errorOf(await t.call('m9', 'competition.objectResult', objection(first.id, { kind: 'group' }))).fields).toEqual({ kind: '请从列表中选择异议类型' })
    expect(errorOf(await t.call('m9', 'competition.objectResult', objection(first.id, { reason: '' }))).fields).toEqual({ reason: '请填写异议内容' })
    expect(errorOf(await t.call('m9', 'competition.objectResult', objection(first.id, { reason: '长'.repeat(1001) }))).fields).toEqual({ reason: '异议内容最多1000个字' })
    expect(errorOf(await t.call('m9', 'competition.objectResult', objection(none.id))).message).toBe('这个团队的结果不在公示中')
    expect(await t.store.competitions.objectionsOf(competitionId, 10)).toEqual([])

    const filed = data(await t.call('m9', 'competition.objectResult', objection(first.id, { unitName: '不该留下的单位' })))
    expect(filed.received).toBe(true)
    expect((await t.store.competitions.getObjection(filed.id))!).toMatchObject({ kind: 'personal', realName: '张三', unitName: '', sealFileId: '' })
    // A non-member (signed in) may object too, as for honours.
    now = new Date('2026-11-20T10:05:00.000+08:00')
    data(await t.call('visitor', 'competition.objectResult', objection(first.id, { realName: '李四' })))
    expect(codeOf(await t.call('m9', 'competition.resultObjections', { id: competitionId }))).toBe('FORBIDDEN')
    const listed = data(await t.call(STAFF, 'competition.resultObjections', { id: competitionId }))
    expect(listed.objections.map((o) => [o.realName, o.phoneMasked, o.teamName, o.outcome])).toEqual([
      ['张三', '138****1111', 'lead1队', null],
      ['李四', '138****1111', 'lead1队', null],
    ])
    expect(JSON.stringify(listed)).not.toContain('13800001111')

    now = new Date('2026-11-27T09:00:00.000+08:00')
    expect(errorOf(await t.call('m9', 'competition.objectResult', objection(first.id))).message).toBe('公示已于2026-11-26结束')
  })

  it('upheld withdraws the award with the reason, once; rejected keeps the result; students may not resolve', async () => {
    const { first, second } = await placedTeams()
    data(await t.call(STAFF, 'competition.publishResults', { id: competitionId }))
    await join('m9')
    const against1 = data(await t.call('m9', 'competition.objectResult', objection(first.id))).id
    const against2 = data(await t.call('m9', 'competition.objectResult', objection(second.id))).id

    expect(codeOf(await t.call('lead2', 'competition.resolveResultObjection', { id: against1, decision: 'upheld', note: '查实' }))).toBe('FORBIDDEN')
    expect(errorOf(await t.call(STAFF, 'competition.resolveResultObjection', { id: against1, decision: 'maybe', note: '查实' })).fields).toEqual({ decision: '请从列表中选择处理结论' })
    expect(errorOf(await t.call(STAFF, 'competition.resolveResultObjection', { id: against1, decision: 'upheld', note: '' })).fields).toEqual({ note: '请填写处理说明' })
    expect((await t.store.competitions.getObjection(against1))!.outcome).toBeNull()
    expect((await t.store.competitions.getTeam(first.id))!.award).toBe('市赛一等奖')

    // Two staff resolving at once: one decision is recorded, the other changes nothing.
    const [x, y] = await Promise.all([
      t.call(STAFF, 'competition.resolveResultObjection', { id: against1, decision: 'upheld', note: '经核查作品抄袭' }, 'request-r1-0001'),
      t.call(STAFF, 'competition.resolveResultObjection', { id: against1, decision: 'rejected', note: '不成立' }, 'request-r2-0001'),
    ])
    expect(data(x).outcome).toEqual(data(y).outcome)
    const decided = data(x).outcome!
    const team1 = (await t.store.competitions.getTeam(first.id))!
    const entry1 = data(await t.call(null, 'competition.resultNotices', {}))[0]!.entries.find((e) => e.teamId === first.id)!
    if (decided.decision === 'upheld') {
      expect(team1).toMatchObject({ award: null, shortlistedAt: null })
      expect(entry1.withdrawn).toMatchObject({ reason: '经核查作品抄袭' })
      expect(errorOf(await t.call('m9', 'competition.objectResult', objection(first.id))).message).toBe('该结果已撤销')
    } else {
      expect(team1.award).toBe('市赛一等奖')
      expect(entry1.withdrawn).toBeNull()
    }

    const kept = data(await t.call(STAFF, 'competition.resolveResultObjection', { id: against2, decision: 'rejected', note: '经核查异议不成立' }))
    expect(kept.outcome).toMatchObject({ decision: 'rejected', note: '经核查异议不成立' })
    expect((await t.store.competitions.getTeam(second.id))!.shortlistedAt).not.toBeNull()
    // A later decision on a resolved objection changes nothing.
    const again = data(await t.call(STAFF, 'competition.resolveResultObjection', { id: against2, decision: 'upheld', note: '改判' }))
    expect(again.outcome).toMatchObject({ decision: 'rejected' })
    expect((await t.store.competitions.getTeam(second.id))!.shortlistedAt).not.toBeNull()
    expect(codeOf(await t.call(STAFF, 'competition.resolveResultObjection', { id: 'co-nobody', decision: 'upheld', note: '查实' }))).toBe('NOT_FOUND')
  })

  it('upheld withdraws the award and the shortlist', async () => {
    const { first } = await placedTeams()
    await t.store.competitions.changeTeam(competitionId, first.id, [], (stored) => ({ team: { ...stored!, shortlistedAt: now.toISOString() }, people: [] }))
    data(await t.call(STAFF, 'competition.publishResults', { id: competitionId }))
    expect(data(await t.call(null, 'competition.resultNotices', {}))[0]!.entries.find((e) => e.teamId === first.id)!.result).toBe('市赛一等奖（晋级）')
    const id = data(await t.call('visitor', 'competition.objectResult', objection(first.id))).id
    data(await t.call(STAFF, 'competition.resolveResultObjection', { id, decision: 'upheld', note: '资格不符' }))
    expect((await t.store.competitions.getTeam(first.id))!).toMatchObject({ award: null, shortlistedAt: null })
    const record = data(await t.call('lead1', 'competition.myRecord', {}))
    expect(record.map((r) => r.result)).toEqual(['已提交作品'])
  })

  it('a member who deletes their account: the objection they filed keeps its text, loses name, phone and openid', async () => {
    const { first } = await placedTeams()
    data(await t.call(STAFF, 'competition.publishResults', { id: competitionId }))
    await join('m9')
    const id = data(await t.call('m9', 'competition.objectResult', objection(first.id))).id
    data(await t.call('m9', 'member.deleteMine'))
    const stored = (await t.store.competitions.getObjection(id))!
    expect(stored).toMatchObject({ realName: '已注销成员', phone: '', reason: '作品并非团队原创' })
    expect(stored.filerOpenid).not.toBe('m9')
    expect(await t.store.competitions.objectionsBy('m9', 10)).toEqual([])
  })
})

describe('unit objections and outcomes told', () => {
  it('a unit objects with its name and seal photo (honours\' form); no seal or no name refused, nothing written; staff see the unit, no phone', async () => {
    const { first } = await placedTeams()
    data(await t.call(STAFF, 'competition.publishResults', { id: competitionId }))
    await join('head9')
    expect(errorOf(await t.call('head9', 'competition.objectResult', unitObjection(first.id, { sealFileId: '' }))).fields).toEqual({ sealFileId: '不受理匿名异议：单位异议须上传加盖公章的照片' })
    expect(errorOf(await t.call('head9', 'competition.objectResult', unitObjection(first.id, { unitName: '' }))).fields).toEqual({ unitName: '不受理匿名异议：单位异议请填写单位名称' })
    expect(errorOf(await t.call('head9', 'competition.objectResult', unitObjection(first.id, { unitName: '单'.repeat(41) }))).fields).toEqual({ unitName: '单位名称最多40个字' })
    expect(await t.store.competitions.objectionsOf(competitionId, 10)).toEqual([])

    const id = data(await t.call('head9', 'competition.objectResult', unitObjection(first.id, { realName: '不该留下', phone: '13800001111' }))).id
    expect((await t.store.competitions.getObjection(id))!).toMatchObject({ kind: 'unit', unitName: '驻马店市某科技公司', sealFileId: 'cloud://env/activity-covers/seal.png', realName: '', phone: '' })
    const [line] = data(await t.call(STAFF, 'competition.resultObjections', { id: competitionId })).objections
    expect(line).toMatchObject({ kind: 'unit', unitName: '驻马店市某科技公司', realName: '', phoneMasked: '' })
    // Handled privately: the 公示 shows no objection, only a withdrawn result once one is upheld.
    expect(JSON.stringify(data(await t.call(null, 'competition.resultNotices', {})))).not.toContain('驻马店市某科技公司')
    const resolved = data(await t.call(STAFF, 'competition.resolveResultObjection', { id, decision: 'rejected', note: '技术资料为公开文献' }))
    expect(resolved.outcome).toMatchObject({ decision: 'rejected', note: '技术资料为公开文献' })
    expect(await inboxTitles('head9')).toEqual(['你提出的公示异议已处理'])
  })

  it('the objector is told the outcome once, and the team when its result is withdrawn, even when staff resolve in parallel', async () => {
    const { first } = await placedTeams()
    await join('m1b')
    const team = (await t.store.competitions.getTeam(first.id))!
    // A confirmed member and a member who never confirmed: only the confirmed one is told.
    await join('m1c')
    data(await t.call('m1b', 'competition.joinTeam', { code: team.inviteCode }))
    data(await t.call('m1b', 'competition.confirm', { teamId: first.id }))
    data(await t.call('m1c', 'competition.joinTeam', { code: team.inviteCode }))
    data(await t.call(STAFF, 'competition.publishResults', { id: competitionId }))
    await join('m9')
    const id = data(await t.call('m9', 'competition.objectResult', objection(first.id))).id
    const before = { lead: await inboxTitles('lead1'), m1b: await inboxTitles('m1b') }
    await Promise.all([
      t.call(STAFF, 'competition.resolveResultObjection', { id, decision: 'upheld', note: '经核查作品抄袭' }, 'request-p1-0001'),
      t.call(STAFF, 'competition.resolveResultObjection', { id, decision: 'upheld', note: '经核查作品抄袭' }, 'request-p2-0001'),
      t.call(STAFF, 'competition.resolveResultObjection', { id, decision: 'upheld', note: '经核查作品抄袭' }, 'request-p3-0001'),
    ])
    const told = data(await t.call('m9', 'notice.inbox', {})).items
    expect(told).toHaveLength(1)
    expect(told[0]).toMatchObject({ title: '你提出的公示异议已处理', senderLabel: '翼展联盟·科创赛事' })
    const withdrawn = '“lead1队”的公示结果已撤销'
    expect((await inboxTitles('lead1')).filter((x) => x === withdrawn)).toHaveLength(1)
    expect((await inboxTitles('m1b')).filter((x) => x === withdrawn)).toHaveLength(1)
    expect(await inboxTitles('m1c')).not.toContain(withdrawn)
    expect(before.lead).not.toContain(withdrawn)
    // A second objection upheld against the withdrawn result withdraws nothing more: the team is not told again.
    const late = await t.store.competitions.getObjection(id)
    await t.store.competitions.saveObjection({ ...late!, id: 'co-second', outcome: null })
    data(await t.call(STAFF, 'competition.resolveResultObjection', { id: 'co-second', decision: 'upheld', note: '同上' }))
    expect((await inboxTitles('lead1')).filter((x) => x === withdrawn)).toHaveLength(1)
  })
})

describe('demo data', () => {
  it('the past demo round is in 公示 now, with its shortlisted, awarded team; seeding again changes nothing', async () => {
    for (const n of [13, 14, 15]) await join(`demo-student-${n}`)
    await seedDemoCompetitions({ store: t.store, clock })
    await seedDemoCompetitions({ store: t.store, clock })
    const listed = data(await t.call(null, 'competition.resultNotices', {}))
    expect(listed).toHaveLength(1)
    expect(listed[0]).toMatchObject({ competitionId: 'cp-demo-past', start: '2026-11-19', end: '2026-11-26' })
    expect(listed[0]!.entries).toEqual([expect.objectContaining({ teamId: 'tm-demo-shortlisted', teamName: '天中智造队', result: '市赛一等奖（晋级）', withdrawn: null })])
  })
})
