import { competitionDraft } from './seed-competition'
import ExcelJS from 'exceljs'
import type { CreateActivityInput, MemberExport } from '../../../types'
import { CONSENT_WITHDRAWAL_STATEMENT, MEMBER_EXPORT_KINDS, PRIVACY_VERSION } from '../../../types'
import { runNoticePushes } from '../../core/notice/notice-push'
import { codeOf, data, makeTestApi, profile, publishActivity, testServices } from './test-support'

/** The member's own data (PIPL art. 45, 15, 47) through the router on real SQLite. */
const STAFF = 'staff-1'
const ME = 'me-member'
let now = new Date('2026-07-01T10:00:00.000+08:00')
const clock = { now: () => now }
let t: ReturnType<typeof makeTestApi>

beforeEach(() => {
  now = new Date('2026-07-01T10:00:00.000+08:00')
  t = makeTestApi({ staff: [STAFF, 'staff-2'], clock })
})
afterEach(() => t.close())


/** This suite's activities: lab visits that start half an hour after the suite's clock. */
const labVisit: Partial<CreateActivityInput> = {
  type: 'lab_visit',
  title: '走进重点实验室',
  description: '参观驻马店的重点实验室。',
  startAt: '2026-07-01T10:30:00+08:00',
  endAt: '2026-07-01T17:00:00+08:00',
  signUpOpenAt: '2026-06-30T00:00:00+08:00',
  signUpCloseAt: '2026-07-01T10:20:00+08:00',
}
const published = (overrides: Partial<CreateActivityInput> = {}) => publishActivity(t, STAFF, { ...labVisit, ...overrides })

const childSignUp = {
  name: '隐私小朋友',
  age: 9,
  school: '驿城区实验小学',
  grade: '三年级',
  guardian: { name: '隐私测试同学', relation: 'mother' as const, phone: '13812341234', consent: true },
}

/** Signs ME up for every kind of data the store can hold about a member. */
async function memberWithEverything() {
  data(await t.call(ME, 'member.register', profile({ name: '隐私测试同学' })))
  data(await t.call('other', 'member.register', profile({ name: '别的同学', phone: '13912345678' })))
  const stationA = data(await t.call(STAFF, 'station.create', { university: '郑州大学', city: '郑州市' }))
  const stationB = data(await t.call(STAFF, 'station.create', { university: '河南大学', city: '开封市' }))
  const rejected = data(await t.call(ME, 'station.requestJoin', { stationId: stationB.id, note: '我想加入乙站' }))
  data(await t.call(STAFF, 'station.reviewRequest', { id: rejected.id, decision: 'reject', reason: '拒绝理由里有个人信息' }))
  const approved = data(await t.call(ME, 'station.requestJoin', { stationId: stationA.id }))
  data(await t.call(STAFF, 'station.reviewRequest', { id: approved.id, decision: 'approve' }))

  const lab = await published({
    form: [{ id: 'why', label: '报名理由', kind: 'text', required: true }],
    checkInHelpers: [ME],
  })
  data(await t.call(ME, 'activity.signUp', { activityId: lab.id, answers: { why: '我的病史：无' }, subscribed: ['reminder', 'result'] }))
  const full = await published({ title: '名额一个的活动', capacity: 1 })
  data(await t.call('other', 'activity.signUp', { activityId: full.id }))
  expect(data(await t.call(ME, 'activity.signUp', { activityId: full.id }))).toMatchObject({ status: 'waitlisted', position: 1 })
  const code = data(await t.call(STAFF, 'activity.checkInCode', { activityId: lab.id }))
  data(await t.call(ME, 'activity.checkIn', { activityId: lab.id, token: code.token }))

  const demand = data(
    await t.call(STAFF, 'demand.create', {
      employer: '驻马店生物医药产业园',
      position: '研发工程师',
      field: 'biomed',
      degree: 'bachelor',
      headcount: 5,
      place: '驿城区',
      deadline: '2099-12-31',
    }),
  )
  data(await t.call(ME, 'demand.registerInterest', { id: demand.id, share: ['name', 'phone'] }))
  const policy = data(
    await t.call(STAFF, 'policy.create', { title: '人才安家补贴', category: 'measure', summary: '安家补贴。', body: '安家费' }),
  )
  data(await t.call(STAFF, 'policy.publish', { id: policy.id }))
  data(await t.call(ME, 'policy.favorite', { id: policy.id, favorite: true }))

  data(await t.call(ME, 'notice.subscribe'))
  const notice = data(await t.call(STAFF, 'notice.send', { title: '暑期通知', body: '请按时报名。', audience: { all: true } }))
  now = new Date(now.getTime() + 60_000)
  await runNoticePushes({ store: t.store, clock, ...testServices })
  data(await t.call(ME, 'notice.read', { id: notice.id }))

  data(await t.call(ME, 'destination.report', { status: 'contract', workProvince: 'henan', workCity: '驻马店市', workCounty: 'queshan' }))
  const contest = data(
    await t.call(STAFF, 'competition.save', competitionDraft({ registrationOpensAt: '2020-01-01T00:00:00.000+08:00', registrationClosesAt: '2099-01-01T00:00:00.000+08:00', submissionClosesAt: '2099-02-01T00:00:00.000+08:00' })),
  )
  data(await t.call(ME, 'competition.createTeam', { competitionId: contest.id, trackId: 'tech', name: '隐私队', projectTitle: '项目' }))

  const definition = { pages: [{ id: 'p1', questions: [{ id: 'q', kind: 'single', title: '满意吗', options: [{ id: 'y', label: '满意' }, { id: 'n', label: '不满意' }] }] }] }
  for (const identityMode of ['named', 'anonymous_tracked'] as const) {
    const survey = data(await t.call(STAFF, 'survey.create', { title: `问卷${identityMode}`, definition, identityMode, audience: { all: true } }))
    data(await t.call('staff-2', 'survey.approve', { id: survey.id }))
    data(await t.call(STAFF, 'survey.publish', { id: survey.id }))
    data(await t.call(ME, 'survey.submit', { id: survey.id, answers: { q: identityMode === 'named' ? 'y' : 'n' } }))
  }

  // A story about myself, and my nomination for an honour.
  data(await t.call(ME, 'story.create', { title: '我的返乡实践', body: '暑假回到驻马店做调研。' }))
  const award = data(
    await t.call(STAFF, 'honour.awardCreate', {
      name: '驻马店青年五四奖章',
      level: 'city',
      kind: 'individual',
      description: '表彰驻马店优秀青年',
      eligibility: { minAge: 14, maxAge: 35, cutoffDate: '2027-05-04' },
      quotaScope: 'station',
      quotaPerUnit: 2,
      unitPublicityDays: 5,
      noticeDays: 7,
      jurySize: 3,
      juryMajorityPercent: 50,
    }),
  )
  const nomination = data(await t.call(ME, 'honour.nominate', { awardId: award.id, materials: { birthDate: '2003-05-06', deeds: '组织返乡调研。', summary: '返乡调研。' } }))
  // A juror seat I scored from, and a 公示 objection I filed (stored as the jury and 公示 steps leave them).
  const seat = data(await t.call(STAFF, 'honour.jurorCreate', { name: '隐私评委' }))
  data(await t.call(ME, 'honour.redeemInvite', { code: seat.inviteCode }))
  const at = '2026-07-01T10:00:00.000+08:00'
  await t.store.honours.saveAssignment({ nominationId: nomination.id, jurorId: seat.id, drawOrder: 1, status: 'scored', conflictReason: '', declaredAt: at, score: 80, approve: true, comment: '', scoredAt: at })
  await t.store.honours.saveObjection({ id: 'ob-me', nominationId: nomination.id, kind: 'personal', realName: '隐私测试同学', phone: '13812341234', unitName: '', sealFileId: '', reason: '存疑', filerOpenid: ME, createdAt: at, outcome: null })
  // …and an objection I filed to a competition result in 公示 (issue 18), as that step leaves it.
  await t.store.competitions.saveObjection({ id: 'ro-me', competitionId: contest.id, teamId: 'team-other', teamName: '别人的队', kind: 'personal', realName: '隐私测试同学', phone: '13812341234', unitName: '', sealFileId: '', reason: '成绩存疑', filerOpenid: ME, createdAt: at, outcome: null })

  data(await t.call(ME, 'member.withdrawConsent'))
  data(await t.call(ME, 'member.giveConsent', { consentVersion: PRIVACY_VERSION }))
  // A 面向公众 sign-up I made for my child (issue 19).
  const outreach = await published({ title: '青少年科普日', openToPublic: true, capacity: 1, waitlist: true })
  data(await t.call(ME, 'platform.publicSignUp', { activityId: outreach.id, ...childSignUp }))
  return { lab, full, demand, policy, notice, stationA, stationB, outreach }
}

describe('member.exportMine (M-1)', () => {
  it('holds every kind of data stored about the member, as JSON and as one xlsx sheet per kind', async () => {
    const { lab, full, demand, policy, notice } = await memberWithEverything()
    const exported: MemberExport = data(await t.call(ME, 'member.exportMine'))

    // Every kind the export declares has something in it for a member who did everything.
    for (const kind of Object.keys(MEMBER_EXPORT_KINDS) as (keyof typeof MEMBER_EXPORT_KINDS)[]) {
      const value = exported[kind]
      const size = kind === 'member' ? 1 : kind === 'growthRecord' ? exported.growthRecord.items.length : (value as unknown[]).length
      expect({ kind, size: size > 0 }).toEqual({ kind, size: true })
    }
    expect(exported.member).toMatchObject({ openid: ME, name: '隐私测试同学', phone: '13812341234' })
    expect(exported.stories).toEqual([expect.objectContaining({ title: '我的返乡实践', roles: ['author', 'subject'], status: 'draft' })])
    expect(exported.nominations).toEqual([expect.objectContaining({ awardName: '驻马店青年五四奖章', roles: ['nominee', 'nominator'] })])
    expect(exported.consentHistory.map((e) => e.kind)).toEqual(['given', 'withdrawn', 'given'])
    expect(exported.joinRequests.map((r) => [r.status, r.reason])).toEqual(
      expect.arrayContaining([
        ['rejected', '拒绝理由里有个人信息'],
        ['approved', ''],
      ]),
    )
    expect(exported.stationMemberships).toHaveLength(1)
    expect(exported.registrations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ activityId: lab.id, status: 'checked_in', answers: { 报名理由: '我的病史：无' } }),
        expect.objectContaining({ activityId: full.id, status: 'waitlisted', position: 1 }),
      ]),
    )
    expect(exported.growthRecord.total).toBe(1)
    expect(exported.checkInHelperOf).toEqual([{ activityId: lab.id, activityTitle: lab.title }])
    expect(exported.demandInterests).toEqual([
      expect.objectContaining({ demandId: demand.id, shared: { name: '隐私测试同学', phone: '13812341234' } }),
    ])
    expect(exported.favorites).toEqual([expect.objectContaining({ policyId: policy.id, title: '人才安家补贴' })])
    expect(exported.notices).toEqual([expect.objectContaining({ noticeId: notice.id, readAt: expect.any(String) })])
    expect(exported.subscriptions.map((s) => s.template).sort()).toEqual(['notice', 'reminder', 'result'])
    expect(exported.noticePushes).toEqual([expect.objectContaining({ noticeId: notice.id, state: 'sent' })])
    expect(exported.messages.length).toBeGreaterThan(0)
    expect(exported.auditEntries.some((e) => e.subjectOpenid === ME && e.summary.includes('拒绝'))).toBe(true)
    // Surveys: the named answer is mine to see; the anonymous one cannot be found (it names no one).
    expect(exported.surveys.map((x) => [x.identityMode, x.status, x.answers])).toEqual(
      expect.arrayContaining([
        ['named', 'submitted', [{ q: 'y' }]],
        ['anonymous_tracked', 'submitted', []],
      ]),
    )
    expect(exported.publicSignUps).toEqual([
      expect.objectContaining({
        activityTitle: '青少年科普日',
        activityStartAt: expect.stringMatching(/^2026-07-01T/),
        name: '隐私小朋友',
        age: 9,
        phone: '13812341234',
        guardian: expect.objectContaining({ name: '隐私测试同学', relation: 'mother', consentAt: expect.any(String) }),
        status: 'registered',
      }),
    ])
    expect(exported.competitionObjections).toEqual([expect.objectContaining({ teamName: '别人的队', realName: '隐私测试同学', reason: '成绩存疑', outcome: null })])
    expect(exported.competitionObjections[0]).not.toHaveProperty('filerOpenid')
    // Nothing about the other member leaks in.
    expect(JSON.stringify(exported)).not.toContain('13912345678')

    const file = data(await t.call(ME, 'member.exportMineXlsx'))
    expect(file.filename).toMatch(/\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(Object.values(MEMBER_EXPORT_KINDS))
    for (const sheet of workbook.worksheets) expect({ sheet: sheet.name, rows: sheet.rowCount > 1 }).toEqual({ sheet: sheet.name, rows: true })
    const registrations = workbook.getWorksheet(MEMBER_EXPORT_KINDS.registrations)!
    expect(registrations.getRow(1).getCell(1).text).toBe('活动')
    expect(JSON.stringify(registrations.getSheetValues())).toContain('报名理由：我的病史：无')
    expect(JSON.stringify(workbook.getWorksheet(MEMBER_EXPORT_KINDS.publicSignUps)!.getSheetValues())).toContain('隐私小朋友')
  })

  it('is only for members: anonymous callers are UNAUTHENTICATED, visitors FORBIDDEN', async () => {
    expect(codeOf(await t.call(null, 'member.exportMine'))).toBe('UNAUTHENTICATED')
    expect(codeOf(await t.call('visitor', 'member.exportMineXlsx'))).toBe('FORBIDDEN')
  })
})

describe('consent withdrawal (m-13, PIPL art. 15)', () => {
  it('keeps the account, stops sign-ups, joining and interests until consent is given again', async () => {
    data(await t.call(ME, 'member.register', profile()))
    const station = data(await t.call(STAFF, 'station.create', { university: '郑州大学', city: '郑州市' }))
    const lab = await published()
    data(await t.call(ME, 'notice.subscribe'))
    data(await t.call(STAFF, 'notice.send', { title: '暑期实践报名开始', body: '欢迎报名。', audience: { all: true } }))
    expect(data(await t.call(ME, 'notice.unreadCount')).count).toBe(1)

    const withdrawn = data(await t.call(ME, 'member.withdrawConsent'))
    expect(withdrawn.consentWithdrawnAt).toBe(withdrawn.updatedAt)
    expect(codeOf(await t.call(ME, 'member.withdrawConsent'))).toBe('CONFLICT')
    const refused = await t.call(ME, 'activity.signUp', { activityId: lab.id })
    expect(codeOf(refused)).toBe('FORBIDDEN')
    expect(refused.ok ? '' : refused.error.message).toContain('重新同意')
    expect(codeOf(await t.call(ME, 'station.requestJoin', { stationId: station.id }))).toBe('FORBIDDEN')
    expect(codeOf(await t.call(ME, 'notice.subscribe'))).toBe('FORBIDDEN')
    // Notices are not matched against a withdrawn member's profile.
    expect(data(await t.call(ME, 'notice.inbox', {})).items).toEqual([])
    expect(data(await t.call(ME, 'notice.unreadCount')).count).toBe(0)
    // Nor counted in the league's statistics.
    const joined = async () => data(await t.call(STAFF, 'pipeline.members', { metric: 'joined', limit: 50 })).items.map((m) => m.openid)
    expect(await joined()).not.toContain(ME)
    // Nothing was written, the record stays and can still be read, changed and exported.
    expect(data(await t.call(STAFF, 'activity.get', { id: lab.id })).registeredCount).toBe(0)
    expect(data(await t.call(ME, 'station.myRequest'))).toBeNull()
    expect(data(await t.call(ME, 'member.me'))?.name).toBe('李明')
    expect(data(await t.call(ME, 'member.update', { major: '数据科学' })).major).toBe('数据科学')
    const exported = data(await t.call(ME, 'member.exportMine'))
    // The push authorisation given before is used up: nothing more is pushed.
    expect(exported.subscriptions.every((s) => s.remaining === 0)).toBe(true)

    expect(codeOf(await t.call(ME, 'member.giveConsent', { consentVersion: '2020-01-v0' }))).toBe('INVALID_INPUT')
    expect(data(await t.call(ME, 'member.giveConsent', { consentVersion: PRIVACY_VERSION })).consentWithdrawnAt).toBeNull()
    expect(data(await t.call(ME, 'activity.signUp', { activityId: lab.id })).status).toBe('registered')
    expect(data(await t.call(ME, 'notice.unreadCount')).count).toBe(1)
    expect(await joined()).toContain(ME)
  })

  it('says what stops and what is kept, in Chinese', () => {
    expect(CONSENT_WITHDRAWAL_STATEMENT.stops.join('')).toContain('报名')
    expect(CONSENT_WITHDRAWAL_STATEMENT.keeps.join('')).toContain('账号')
  })
})

describe('member.deleteMine (m-1)', () => {
  it('removes the member from check-in helper lists and pseudonymises audit entries about them', async () => {
    const { lab, outreach } = await memberWithEverything()
    data(await t.call('other', 'activity.signUp', { activityId: outreach.id }))
    expect(codeOf(await t.call(ME, 'activity.registrations', { activityId: lab.id }))).toBe('OK')
    data(await t.call(ME, 'member.deleteMine'))

    expect(data(await t.call(STAFF, 'activity.get', { id: lab.id })).checkInHelpers).toEqual([])
    // The child's public sign-up goes, and its place to the member waiting (the cancel path).
    expect(await t.store.publicRegistrations.countFor(outreach.id)).toBe(0)
    expect(data(await t.call(STAFF, 'activity.get', { id: outreach.id }))).toMatchObject({ registeredCount: 1, publicCount: 0, waitlistCount: 0 })
    expect(data(await t.call('other', 'activity.get', { id: outreach.id })).myRegistration?.status).toBe('registered')
    const audit = data(await t.call(STAFF, 'audit.list', { limit: 50 })).items
    expect(audit.length).toBeGreaterThan(0)
    expect(JSON.stringify(audit)).not.toContain(ME)
    expect(JSON.stringify(audit)).not.toContain('拒绝理由里有个人信息')
    const pseudonyms = new Set(audit.map((e) => e.subjectOpenid).filter((s): s is string => s?.startsWith('deleted-') ?? false))
    expect(pseudonyms.size).toBe(1)

    // Joining again with the same openid brings none of it back, helper rights included.
    data(await t.call(ME, 'member.register', profile()))
    expect(codeOf(await t.call(ME, 'activity.registrations', { activityId: lab.id }))).toBe('FORBIDDEN')
    const fresh = data(await t.call(ME, 'member.exportMine'))
    expect(fresh.checkInHelperOf).toEqual([])
    expect(fresh.auditEntries).toEqual([])
    expect(fresh.consentHistory).toHaveLength(1)
    // 去向登记 go with the account, and the member leaves the pipeline's figures.
    expect(fresh.destinations).toEqual([])
    expect(fresh.publicSignUps).toEqual([])
    data(await t.call(ME, 'member.deleteMine'))
    await t.store.pipeline.refreshFacts(null)
    const rows = data(await t.call(STAFF, 'pipeline.members', { metric: 'joined' })).items.map((r) => r.openid)
    expect(rows).not.toContain(ME)
  })
})
