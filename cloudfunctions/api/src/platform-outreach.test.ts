import ExcelJS from 'exceljs'
import { PUBLIC_PARTICIPANTS_MAX, type CreateActivityInput, type PublicSignUpInput } from '../../../types'
import { sampleMember } from '../../core/adapters/store-contract'
import { PUBLIC_RETENTION_DAYS } from '../../core/platform/outreach'
import { runScheduledJobs } from '../../core/scheduler/scheduler'
import { codeOf, data, errorOf, makeTestApi, publishActivity, testServices } from './test-support'

/**
 * 面向公众/青少年 sign-ups (issue 19 §4) through the router: anyone signed in signs up without
 * joining; under-14s only through a consenting guardian; the places are the activity's, shared
 * with members; staff list and export them; the scheduler deletes them after the retention period.
 */
const STAFF = 'staff-1'
let now = new Date('2026-07-01T10:00:00.000+08:00')
const clock = { now: () => now }
let t: ReturnType<typeof makeTestApi>

beforeEach(() => {
  now = new Date('2026-07-01T10:00:00.000+08:00')
  t = makeTestApi({ staff: [STAFF], clock })
})
afterEach(() => t.close())

const outreach = (overrides: Partial<CreateActivityInput> = {}) =>
  publishActivity(t, STAFF, { type: 'lab_visit', title: '青少年走进重点实验室科普日', openToPublic: true, capacity: 5, waitlist: false, ...overrides })

const adult = (activityId: string, overrides: Partial<PublicSignUpInput> = {}): PublicSignUpInput => ({
  activityId,
  name: '赵晓雨',
  age: 16,
  school: '驻马店市第一高级中学',
  grade: '高一',
  phone: '13900001111',
  ...overrides,
})

const child = (activityId: string, overrides: Partial<PublicSignUpInput> = {}): PublicSignUpInput => ({
  activityId,
  name: '王小明',
  age: 12,
  school: '驿城区实验小学',
  grade: '六年级',
  guardian: { name: '王建国', relation: 'father', phone: '13700002222', consent: true },
  ...overrides,
})

async function members(count: number, prefix = 'm') {
  const ids = Array.from({ length: count }, (_, i) => `${prefix}${i}`)
  for (const openid of ids) await t.store.members.create(sampleMember(openid))
  return ids
}

describe('platform.publicSignUp (anyone signed in, no member profile)', () => {
  it('a non-member signs up with the minimum data; no member record is made; they see it on the activity', async () => {
    const a = await outreach()
    const mine = data(await t.call('parent-1', 'platform.publicSignUp', adult(a.id)))
    expect(mine).toMatchObject({ activityId: a.id, name: '赵晓雨', age: 16, phone: '13900001111', guardian: null, status: 'registered' })
    expect(await t.store.members.get('parent-1')).toBeNull()
    expect(data(await t.call('parent-1', 'activity.get', { id: a.id })).myRegistration).toBeNull()
    const view = data(await t.call('parent-1', 'platform.myPublicSignUp', { activityId: a.id }))
    expect(view.registrations.map((r) => r.status)).toEqual(['registered'])
    expect(view.participantsLeft).toBe(2)
    expect(view.placesLeft).toBe(4)
    expect(data(await t.call(STAFF, 'activity.get', { id: a.id }))).toMatchObject({ registeredCount: 1, publicCount: 1 })
    // Signing up the same participant again gives back the same sign-up; a different requestId changes nothing.
    expect(data(await t.call('parent-1', 'platform.publicSignUp', adult(a.id, { phone: '13900002222' })))).toEqual(mine)
    expect(await t.store.publicRegistrations.countFor(a.id)).toBe(1)
  })

  it('a guardian signs up a 12-year-old with consent; without a guardian or without consent it is refused and nothing is written', async () => {
    const a = await outreach()
    const noGuardian = errorOf(await t.call('parent-1', 'platform.publicSignUp', child(a.id, { guardian: null })))
    expect(noGuardian.code).toBe('INVALID_INPUT')
    expect(noGuardian.fields?.guardian).toBe('参加者未满14周岁，须由监护人填写监护人信息')
    const noConsent = errorOf(
      await t.call('parent-1', 'platform.publicSignUp', child(a.id, { guardian: { name: '王建国', relation: 'father', phone: '13700002222', consent: false } })),
    )
    expect(noConsent.fields?.['guardian.consent']).toBe('参加者未满14周岁，须由监护人勾选同意处理其个人信息')
    expect(await t.store.publicRegistrations.countFor(a.id)).toBe(0)
    expect(data(await t.call(STAFF, 'activity.get', { id: a.id })).registeredCount).toBe(0)

    const signed = data(await t.call('parent-1', 'platform.publicSignUp', child(a.id)))
    expect(signed.guardian).toMatchObject({ name: '王建国', relation: 'father', phone: '13700002222', consentAt: signed.createdAt })
    // A minor's contact phone is the guardian's.
    expect(signed.phone).toBe('13700002222')
  })

  it('bad input names the field in Chinese; a members-only activity and strangers are refused', async () => {
    const a = await outreach()
    const bad = errorOf(await t.call('p1', 'platform.publicSignUp', { ...adult(a.id), name: '', age: 2, phone: '123' }))
    expect(bad.code).toBe('INVALID_INPUT')
    expect(bad.fields).toMatchObject({ name: '请填写参加者姓名', age: '参加者年龄不能小于3岁', phone: '联系电话应为11位数字，以1开头' })
    const noPhone = errorOf(await t.call('p1', 'platform.publicSignUp', adult(a.id, { phone: null })))
    expect(noPhone.fields?.phone).toBe('请填写联系电话')
    const relation = errorOf(
      await t.call('p1', 'platform.publicSignUp', child(a.id, { guardian: { name: '王', relation: 'uncle' as 'father', phone: '13700002222', consent: true } })),
    )
    expect(relation.fields?.['guardian.relation']).toBe('请从列表中选择与参加者的关系')
    expect(await t.store.publicRegistrations.countFor(a.id)).toBe(0)

    expect(codeOf(await t.call(null, 'platform.publicSignUp', adult(a.id)))).toBe('UNAUTHENTICATED')
    const membersOnly = await publishActivity(t, STAFF, { title: '成员专场', capacity: 5 })
    expect(codeOf(await t.call('p1', 'platform.publicSignUp', adult(membersOnly.id)))).toBe('FORBIDDEN')
    expect(codeOf(await t.call('p1', 'platform.myPublicSignUp', { activityId: membersOnly.id }))).toBe('FORBIDDEN')
    expect(codeOf(await t.call('p1', 'platform.publicSignUp', adult('ac-nope')))).toBe('NOT_FOUND')
    now = new Date('2026-07-16T10:00:00.000+08:00')
    expect(codeOf(await t.call('p1', 'platform.publicSignUp', adult(a.id)))).toBe('SIGNUP_CLOSED')
  })

  it('idempotent by requestId: a retried request answers the first result and writes once', async () => {
    const a = await outreach()
    const [first, second] = await Promise.all([
      t.call('p1', 'platform.publicSignUp', adult(a.id), 'req-public-0001'),
      t.call('p1', 'platform.publicSignUp', adult(a.id), 'req-public-0001'),
    ])
    expect(data(second)).toEqual(data(first))
    expect(data(await t.call(STAFF, 'activity.get', { id: a.id })).registeredCount).toBe(1)
    expect(await t.store.publicRegistrations.countFor(a.id)).toBe(1)
  })
})

describe('shared capacity', () => {
  it('members and the public signing up at once in parallel never take more than the capacity', async () => {
    const a = await outreach({ capacity: 5 })
    const ids = await members(8)
    const results = await Promise.all([
      ...ids.map((openid) => t.call(openid, 'activity.signUp', { activityId: a.id })),
      ...ids.map((_, i) => t.call(`p${i}`, 'platform.publicSignUp', adult(a.id, { name: `公众${i}` }))),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(5)
    expect(results.filter((r) => !r.ok).every((r) => codeOf(r) === 'ACTIVITY_FULL')).toBe(true)
    const after = data(await t.call(STAFF, 'activity.get', { id: a.id }))
    expect(after.registeredCount).toBe(5)
    const publicHeld = data(await t.call(STAFF, 'platform.publicRegistrations', { activityId: a.id })).items.filter((r) => r.status === 'registered')
    const membersHeld = data(await t.call(STAFF, 'activity.registrations', { activityId: a.id, status: 'registered' })).items
    expect(publicHeld.length + membersHeld.length).toBe(5)
    expect(after.publicCount).toBe(publicHeld.length)
  })

  it('a public sign-up never jumps the members waitlist; its cancelled place goes to the first member waiting', async () => {
    const a = await outreach({ capacity: 1, waitlist: true })
    data(await t.call('p1', 'platform.publicSignUp', adult(a.id)))
    await members(1)
    expect(data(await t.call('m0', 'activity.signUp', { activityId: a.id })).status).toBe('waitlisted')
    expect(codeOf(await t.call('p2', 'platform.publicSignUp', adult(a.id)))).toBe('ACTIVITY_FULL')
    expect(data(await t.call('p1', 'platform.cancelPublicSignUp', { activityId: a.id })).status).toBe('cancelled')
    expect(data(await t.call('m0', 'activity.get', { id: a.id })).myRegistration?.status).toBe('registered')
    expect(codeOf(await t.call('p1', 'platform.cancelPublicSignUp', { activityId: a.id }))).toBe('CONFLICT')
    expect(codeOf(await t.call('p9', 'platform.cancelPublicSignUp', { activityId: a.id }))).toBe('CONFLICT')
    expect(data(await t.call(STAFF, 'activity.get', { id: a.id }))).toMatchObject({ registeredCount: 1, publicCount: 0 })
  })
})

describe('a parent with more than one child', () => {
  const kids = ['王小明', '王小红', '王小刚', '王小丽'].map((name, i) => (activityId: string) => child(activityId, { name, age: 8 + i }))

  it(`one account signs up to ${PUBLIC_PARTICIPANTS_MAX} participants, each its own sign-up and place; a fourth is refused; the same child again is the same sign-up`, async () => {
    const a = await outreach({ capacity: 10 })
    const later = () => (now = new Date(now.getTime() + 60_000))
    const first = data(await t.call('parent-1', 'platform.publicSignUp', kids[0]!(a.id), 'req-kid-0001'))
    later()
    const second = data(await t.call('parent-1', 'platform.publicSignUp', kids[1]!(a.id), 'req-kid-0002'))
    later()
    const third = data(await t.call('parent-1', 'platform.publicSignUp', kids[2]!(a.id), 'req-kid-0003'))
    expect(new Set([first.id, second.id, third.id]).size).toBe(3)
    const fourth = errorOf(await t.call('parent-1', 'platform.publicSignUp', kids[3]!(a.id), 'req-kid-0004'))
    expect(fourth).toMatchObject({ code: 'CONFLICT', message: `同一微信最多为${PUBLIC_PARTICIPANTS_MAX}位参加者报名这个活动` })
    // The same child again (a new requestId): the sign-up held, nothing written.
    expect(data(await t.call('parent-1', 'platform.publicSignUp', kids[1]!(a.id), 'req-kid-0005')).id).toBe(second.id)
    // The same requestId retried answers the first result.
    expect(data(await t.call('parent-1', 'platform.publicSignUp', kids[0]!(a.id), 'req-kid-0001'))).toEqual(first)
    expect(data(await t.call(STAFF, 'activity.get', { id: a.id }))).toMatchObject({ registeredCount: 3, publicCount: 3 })
    const view = data(await t.call('parent-1', 'platform.myPublicSignUp', { activityId: a.id }))
    expect(view.registrations.map((r) => r.name)).toEqual(['王小明', '王小红', '王小刚'])
    expect(view.participantsLeft).toBe(0)
    expect(data(await t.call(STAFF, 'platform.publicRegistrations', { activityId: a.id })).items.map((r) => r.name)).toEqual(['王小明', '王小红', '王小刚'])
  })

  it('cancels per participant: only the one named; an unnamed cancel with several held asks which; a freed slot takes another child', async () => {
    const a = await outreach({ capacity: 10 })
    const ming = data(await t.call('parent-1', 'platform.publicSignUp', kids[0]!(a.id)))
    const hong = data(await t.call('parent-1', 'platform.publicSignUp', kids[1]!(a.id)))
    const other = data(await t.call('parent-2', 'platform.publicSignUp', adult(a.id)))
    expect(errorOf(await t.call('parent-1', 'platform.cancelPublicSignUp', { activityId: a.id })).fields?.registrationId).toBe('请选择要取消报名的参加者')
    // Another account's sign-up is not theirs to cancel.
    expect(codeOf(await t.call('parent-1', 'platform.cancelPublicSignUp', { activityId: a.id, registrationId: other.id }))).toBe('CONFLICT')
    expect(errorOf(await t.call('parent-1', 'platform.cancelPublicSignUp', { activityId: a.id, registrationId: 7 })).fields?.registrationId).toBeDefined()
    const cancelled = data(await t.call('parent-1', 'platform.cancelPublicSignUp', { activityId: a.id, registrationId: hong.id }))
    expect(cancelled).toMatchObject({ id: hong.id, name: '王小红', status: 'cancelled' })
    const view = data(await t.call('parent-1', 'platform.myPublicSignUp', { activityId: a.id }))
    expect(view.registrations.map((r) => [r.name, r.status])).toEqual(
      expect.arrayContaining([
        ['王小明', 'registered'],
        ['王小红', 'cancelled'],
      ]),
    )
    expect(view.participantsLeft).toBe(2)
    expect(data(await t.call(STAFF, 'activity.get', { id: a.id }))).toMatchObject({ registeredCount: 2, publicCount: 2 })
    data(await t.call('parent-1', 'platform.publicSignUp', kids[2]!(a.id)))
    data(await t.call('parent-1', 'platform.publicSignUp', kids[3]!(a.id)))
    expect(codeOf(await t.call('parent-1', 'platform.publicSignUp', kids[1]!(a.id)))).toBe('CONFLICT')
    expect(data(await t.call('parent-1', 'platform.cancelPublicSignUp', { activityId: a.id, registrationId: ming.id })).status).toBe('cancelled')
    expect(data(await t.call(STAFF, 'activity.get', { id: a.id }))).toMatchObject({ registeredCount: 3, publicCount: 3 })
  })

  it('parallel sign-ups of several children and other families at the capacity boundary never oversell', async () => {
    const a = await outreach({ capacity: 4 })
    const results = await Promise.all([
      ...kids.slice(0, 3).map((kid, i) => t.call('parent-1', 'platform.publicSignUp', kid(a.id), `req-par-1-${i}`)),
      ...kids.slice(0, 3).map((kid, i) => t.call('parent-2', 'platform.publicSignUp', kid(a.id), `req-par-2-${i}`)),
      ...['p3', 'p4'].map((openid) => t.call(openid, 'platform.publicSignUp', adult(a.id))),
    ])
    const ok = results.filter((r) => r.ok)
    expect(ok).toHaveLength(4)
    expect(results.filter((r) => !r.ok).every((r) => codeOf(r) === 'ACTIVITY_FULL')).toBe(true)
    const held = data(await t.call(STAFF, 'platform.publicRegistrations', { activityId: a.id })).items.filter((r) => r.status === 'registered')
    expect(held).toHaveLength(4)
    expect(data(await t.call(STAFF, 'activity.get', { id: a.id }))).toMatchObject({ registeredCount: 4, publicCount: 4 })
    // Four children of one account at once, places enough: three get one, the fourth is refused.
    const roomy = await outreach({ capacity: 10 })
    const four = await Promise.all(kids.map((kid, i) => t.call('parent-3', 'platform.publicSignUp', kid(roomy.id), `req-four-${i}`)))
    expect(four.filter((r) => r.ok)).toHaveLength(3)
    expect(four.filter((r) => !r.ok).map(codeOf)).toEqual(['CONFLICT'])
    expect(data(await t.call(STAFF, 'activity.get', { id: roomy.id }))).toMatchObject({ registeredCount: 3, publicCount: 3 })
  })

  it('export and deletion cover every child: all exported, all deleted, every place given back', async () => {
    const a = await outreach({ capacity: 10 })
    for (const kid of kids.slice(0, 3)) data(await t.call('parent-1', 'platform.publicSignUp', kid(a.id)))
    const exported = data(await t.call('parent-1', 'platform.exportMyPublicData')).publicSignUps
    expect(exported.map((r) => r.name).sort()).toEqual(['王小刚', '王小明', '王小红'])
    expect(exported.every((r) => r.guardian?.name === '王建国')).toBe(true)
    expect(data(await t.call('parent-1', 'platform.deleteMyPublicData', {}))).toEqual({ deleted: 3 })
    expect(data(await t.call('parent-1', 'platform.exportMyPublicData')).publicSignUps).toEqual([])
    expect(data(await t.call(STAFF, 'activity.get', { id: a.id }))).toMatchObject({ registeredCount: 0, publicCount: 0 })
  })
})

describe('现场签到 for the public', () => {
  it("a parent checks their children in with the activity's code; counted once in the platform's attendance, which outlives the retention rule", async () => {
    const lab = data(
      await t.call(STAFF, 'platform.create', {
        kind: 'provincial_key_lab',
        name: '河南省生物医药重点实验室',
        county: 'yicheng',
        fields: ['biomed'],
        intro: '面向生物医药的研发与中试。',
        hostOrg: '驻马店某生物科技公司',
      }),
    )
    const a = await outreach({ capacity: 10, platformId: lab.id })
    data(await t.call('parent-1', 'platform.publicSignUp', child(a.id)))
    data(await t.call('parent-1', 'platform.publicSignUp', child(a.id, { name: '王小红', age: 9 })))
    const gone = data(await t.call('parent-1', 'platform.publicSignUp', child(a.id, { name: '王小刚', age: 7 })))
    data(await t.call('parent-1', 'platform.cancelPublicSignUp', { activityId: a.id, registrationId: gone.id }))
    data(await t.call('parent-2', 'platform.publicSignUp', adult(a.id)))
    await members(1)
    data(await t.call('m0', 'activity.signUp', { activityId: a.id }))

    // Before the window: refused. In it: the code from the organiser's screen.
    expect(codeOf(await t.call('parent-1', 'platform.publicCheckIn', { activityId: a.id, shortCode: '123456' }))).toBe('CONFLICT')
    expect(data(await t.call('parent-1', 'platform.myPublicSignUp', { activityId: a.id })).checkInOpen).toBe(false)
    now = new Date(Date.parse(a.startAt) + 10 * 60_000)
    expect(data(await t.call('parent-1', 'platform.myPublicSignUp', { activityId: a.id })).checkInOpen).toBe(true)
    const code = data(await t.call(STAFF, 'activity.checkInCode', { activityId: a.id }))
    const wrong = code.shortCode === '000000' ? '111111' : '000000'
    expect(errorOf(await t.call('parent-1', 'platform.publicCheckIn', { activityId: a.id, shortCode: wrong })).fields?.shortCode).toContain('签到码不正确')
    expect(errorOf(await t.call('parent-1', 'platform.publicCheckIn', { activityId: a.id })).fields?.shortCode).toBe('请扫描签到码或输入6位签到码')
    expect(errorOf(await t.call('parent-1', 'platform.publicCheckIn', { activityId: a.id, token: 'forged' })).fields?.token).toContain('签到码不正确')
    // Only someone holding a place may try a code.
    expect(codeOf(await t.call('stranger', 'platform.publicCheckIn', { activityId: a.id, shortCode: code.shortCode }))).toBe('FORBIDDEN')
    expect(codeOf(await t.call(null, 'platform.publicCheckIn', { activityId: a.id, shortCode: code.shortCode }))).toBe('UNAUTHENTICATED')
    const checked = data(await t.call('parent-1', 'platform.publicCheckIn', { activityId: a.id, shortCode: code.shortCode }))
    expect(checked.map((r) => [r.name, r.checkedInAt !== null])).toEqual([
      ['王小明', true],
      ['王小红', true],
    ])
    // Checking in again (a second scan) counts nobody twice.
    data(await t.call('parent-1', 'platform.publicCheckIn', { activityId: a.id, token: code.token }))
    data(await t.call('m0', 'activity.checkIn', { activityId: a.id, shortCode: code.shortCode }))
    const lines = data(await t.call(STAFF, 'platform.publicRegistrations', { activityId: a.id })).items
    expect(Object.fromEntries(lines.map((l) => [l.name, l.checkedIn]))).toEqual({ 王小明: true, 王小红: true, 王小刚: false, 赵晓雨: false })

    // After the activity: 1 member + 2 children came; still so once the retention rule deleted the sign-ups.
    now = new Date(Date.parse(a.endAt) + 3600_000)
    const past = data(await t.call('s-any', 'platform.get', { id: lab.id })).past
    expect(past.map((p) => [p.id, p.attended])).toEqual([[a.id, 3]])
    now = new Date(Date.parse(a.endAt) + (PUBLIC_RETENTION_DAYS + 1) * 24 * 3600 * 1000)
    await runScheduledJobs({ store: t.store, clock, ...testServices })
    expect(await t.store.publicRegistrations.countFor(a.id)).toBe(0)
    const after = data(await t.call('s-any', 'platform.get', { id: lab.id }))
    expect(after.past.map((p) => p.attended)).toEqual([3])
    expect(after.totals).toEqual({ activities: 1, attended: 3 })
  })
})

describe('staff: list, export, edit', () => {
  it('staff list public sign-ups with masked phones and export them marked 公众 (audited); students may not', async () => {
    const a = await outreach()
    await members(1)
    data(await t.call('m0', 'activity.signUp', { activityId: a.id }))
    data(await t.call('p1', 'platform.publicSignUp', child(a.id)))
    const list = data(await t.call(STAFF, 'platform.publicRegistrations', { activityId: a.id })).items
    expect(list).toEqual([
      expect.objectContaining({ name: '王小明', age: 12, phoneMasked: '137****2222', guardianName: '王建国', guardianRelation: '父亲', guardianPhoneMasked: '137****2222' }),
    ])
    expect(JSON.stringify(list)).not.toContain('13700002222')
    expect(JSON.stringify(list)).not.toContain('p1')
    expect(codeOf(await t.call('m0', 'platform.publicRegistrations', { activityId: a.id }))).toBe('FORBIDDEN')
    expect(codeOf(await t.call('p1', 'platform.publicRegistrations', { activityId: a.id }))).toBe('FORBIDDEN')
    expect(errorOf(await t.call(STAFF, 'platform.publicRegistrations', { activityId: '' })).fields?.activityId).toBe('请填写活动')

    const file = data(await t.call(STAFF, 'activity.exportRegistrations', { activityId: a.id }))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
    const rows: string[][] = []
    workbook.worksheets[0].eachRow((row) => rows.push(Array.from(row.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
    expect(rows[0].slice(-6)).toEqual(['类别', '年龄', '年级', '监护人', '与参加者关系', '监护人手机号'])
    expect(rows.slice(1).map((r) => [r[0], r[9]])).toEqual([
      [expect.any(String), '成员'],
      ['王小明', '公众'],
    ])
    expect(rows[2]).toEqual(['王小明', '13700002222', '驿城区实验小学', '', '', '报名成功', '', expect.any(String), '', '公众', '12', '六年级', '王建国', '父亲', '13700002222'])
    const audit = data(await t.call(STAFF, 'audit.list', {})).items[0]
    expect(audit).toMatchObject({ action: 'activity.exportRegistrations' })
    expect(audit.summary).toContain('其中公众1人')
  })

  it('staff mark an activity open to the public in the editor; it cannot be turned off once the public signed up', async () => {
    const a = await publishActivity(t, STAFF, { title: '科普开放日', capacity: 5 })
    expect(a.openToPublic).toBe(false)
    expect(data(await t.call(STAFF, 'activity.update', { id: a.id, openToPublic: true })).openToPublic).toBe(true)
    data(await t.call('p1', 'platform.publicSignUp', adult(a.id)))
    const refused = errorOf(await t.call(STAFF, 'activity.update', { id: a.id, openToPublic: false }))
    expect(refused.fields?.openToPublic).toBe('已有公众报名，不能取消面向公众')
    expect(errorOf(await t.call(STAFF, 'activity.update', { id: a.id, openToPublic: 'yes' })).fields?.openToPublic).toBe('是否面向公众应为是或否')
  })
})

describe('retention', () => {
  it(`the scheduler deletes public sign-ups ${PUBLIC_RETENTION_DAYS} days after the activity ends; only the anonymous count stays`, async () => {
    const a = await outreach()
    data(await t.call('p1', 'platform.publicSignUp', child(a.id)))
    data(await t.call('p2', 'platform.publicSignUp', adult(a.id)))
    data(await t.call('p2', 'platform.cancelPublicSignUp', { activityId: a.id }))
    const deps = { store: t.store, clock, ...testServices }
    const end = Date.parse(a.endAt)
    now = new Date(end + (PUBLIC_RETENTION_DAYS - 1) * 24 * 3600 * 1000)
    expect((await runScheduledJobs(deps)).purgedPublicSignUps).toBe(0)
    expect(data(await t.call('p1', 'platform.myPublicSignUp', { activityId: a.id })).registrations.map((r) => r.name)).toEqual(['王小明'])
    now = new Date(end + (PUBLIC_RETENTION_DAYS + 1) * 24 * 3600 * 1000)
    expect((await runScheduledJobs(deps)).purgedPublicSignUps).toBe(2)
    expect(data(await t.call('p1', 'platform.myPublicSignUp', { activityId: a.id })).registrations).toEqual([])
    expect(data(await t.call(STAFF, 'platform.publicRegistrations', { activityId: a.id })).items).toEqual([])
    expect(await t.store.publicRegistrations.countFor(a.id)).toBe(0)
    expect(data(await t.call(STAFF, 'activity.get', { id: a.id })).publicCount).toBe(1)
    expect((await runScheduledJobs(deps)).purgedPublicSignUps).toBe(0)
  })
})

describe("the person's own public sign-ups (PIPL art. 45, 47), members or not", () => {
  it('a parent who never joined exports what they gave: participant, guardian, activity title and time; nobody else sees it', async () => {
    const science = await outreach({ title: '青少年科普日' })
    const lab = await outreach({ title: '实验室开放日', startAt: '2026-07-20T09:00:00+08:00', endAt: '2026-07-20T12:00:00+08:00' })
    data(await t.call('parent-1', 'platform.publicSignUp', child(science.id), 'req-export-child'))
    now = new Date('2026-07-01T10:05:00.000+08:00')
    data(await t.call('parent-1', 'platform.publicSignUp', adult(lab.id, { name: '王建国', age: 40, phone: '13700002222' })))
    data(await t.call('parent-2', 'platform.publicSignUp', adult(science.id)))
    data(await t.call('parent-1', 'platform.cancelPublicSignUp', { activityId: lab.id }))

    // member.exportMine stays the members' export; the public one is for anyone signed in.
    expect(codeOf(await t.call('parent-1', 'member.exportMine'))).toBe('FORBIDDEN')
    const exported = data(await t.call('parent-1', 'platform.exportMyPublicData'))
    expect(exported.notice).toContain('个人信息保护法')
    expect(exported.publicSignUps).toEqual([
      expect.objectContaining({ activityId: lab.id, activityTitle: '实验室开放日', activityStartAt: lab.startAt, name: '王建国', guardian: null, status: 'cancelled' }),
      expect.objectContaining({
        activityId: science.id,
        activityTitle: '青少年科普日',
        activityStartAt: science.startAt,
        activityEndAt: science.endAt,
        name: '王小明',
        age: 12,
        school: '驿城区实验小学',
        grade: '六年级',
        phone: '13700002222',
        guardian: { name: '王建国', relation: 'father', phone: '13700002222', consentAt: expect.any(String) },
        status: 'registered',
      }),
    ])
    expect(JSON.stringify(exported)).not.toContain('赵晓雨')
    expect(data(await t.call('stranger', 'platform.exportMyPublicData')).publicSignUps).toEqual([])
    expect(codeOf(await t.call(null, 'platform.exportMyPublicData'))).toBe('UNAUTHENTICATED')
    expect(codeOf(await t.call(null, 'platform.deleteMyPublicData'))).toBe('UNAUTHENTICATED')
  })

  it('bad input is refused and nothing is deleted', async () => {
    const a = await outreach()
    data(await t.call('parent-1', 'platform.publicSignUp', child(a.id)))
    expect(codeOf(await t.call('parent-1', 'platform.deleteMyPublicData', 'now'))).toBe('INVALID_INPUT')
    expect(codeOf(await t.call('parent-1', 'platform.exportMyPublicData', 'now'))).toBe('INVALID_INPUT')
    expect(await t.store.publicRegistrations.countFor(a.id)).toBe(1)
  })

  it('deleting gives held places back through the cancel path (the member waiting moves up); an ended activity keeps only its anonymous count', async () => {
    const past = await outreach({ title: '上周的科普日' })
    data(await t.call('parent-1', 'platform.publicSignUp', child(past.id)))
    const upcoming = await outreach({ capacity: 1, waitlist: true, startAt: '2026-07-30T09:00:00+08:00', endAt: '2026-07-30T12:00:00+08:00' })
    data(await t.call('parent-1', 'platform.publicSignUp', child(upcoming.id), 'req-signup-0001'))
    await members(1)
    expect(data(await t.call('m0', 'activity.signUp', { activityId: upcoming.id })).status).toBe('waitlisted')
    data(await t.call('parent-2', 'platform.publicSignUp', adult(past.id)))
    // The first activity is over by the time the parent asks.
    now = new Date(Date.parse(past.endAt) + 3600_000)

    const [first, retried] = await Promise.all([
      t.call('parent-1', 'platform.deleteMyPublicData', {}, 'req-delete-0001'),
      t.call('parent-1', 'platform.deleteMyPublicData', {}, 'req-delete-0001'),
    ])
    expect(data(first)).toEqual({ deleted: 2 })
    expect(data(retried)).toEqual(data(first))
    expect(data(await t.call('parent-1', 'platform.exportMyPublicData')).publicSignUps).toEqual([])
    expect(data(await t.call('parent-1', 'platform.myPublicSignUp', { activityId: upcoming.id })).registrations).toEqual([])
    expect(data(await t.call(STAFF, 'activity.get', { id: upcoming.id }))).toMatchObject({ registeredCount: 1, publicCount: 0, waitlistCount: 0 })
    expect(data(await t.call('m0', 'activity.get', { id: upcoming.id })).myRegistration?.status).toBe('registered')
    expect(data(await t.call(STAFF, 'activity.get', { id: past.id }))).toMatchObject({ registeredCount: 2, publicCount: 2 })
    expect(data(await t.call(STAFF, 'platform.publicRegistrations', { activityId: past.id })).items.map((r) => r.name)).toEqual(['赵晓雨'])
    // Nothing is left to delete; the remembered sign-up answer went too, so the old requestId signs up afresh.
    expect(data(await t.call('parent-1', 'platform.deleteMyPublicData'))).toEqual({ deleted: 0 })
    expect(await t.store.idempotency.find('parent-1', 'req-signup-0001')).toBeNull()
  })

  it('a deletion racing sign-ups at the capacity boundary leaves the counter equal to the places held', async () => {
    const a = await outreach({ capacity: 2 })
    data(await t.call('parent-1', 'platform.publicSignUp', child(a.id)))
    data(await t.call('parent-2', 'platform.publicSignUp', adult(a.id)))
    const results = await Promise.all([
      t.call('parent-1', 'platform.deleteMyPublicData'),
      ...['p3', 'p4', 'p5'].map((openid) => t.call(openid, 'platform.publicSignUp', adult(a.id, { name: openid }))),
    ])
    expect(data(results[0])).toEqual({ deleted: 1 })
    const signedUp = results.slice(1).filter((r) => r.ok)
    expect(signedUp.length).toBeLessThanOrEqual(1)
    const held = data(await t.call(STAFF, 'platform.publicRegistrations', { activityId: a.id })).items.filter((r) => r.status === 'registered')
    expect(held.map((r) => r.name)).not.toContain('王小明')
    expect(data(await t.call(STAFF, 'activity.get', { id: a.id }))).toMatchObject({ registeredCount: held.length, publicCount: held.length })
    expect(held.length).toBe(1 + signedUp.length)
  })
})
