import ExcelJS from 'exceljs'
import type { CreateActivityInput } from '../../../types'
import { sampleMember } from '../../core/adapters/store-contract'
import { shortCodeFor, tokenFor, windowOf } from '../../core/activity/check-in-codes'
import { runScheduledJobs } from '../../core/scheduler/scheduler'
import { activityDraft, data, errorOf, makeTestApi, profile, publishActivity, testServices } from './test-support'

/** Activities through the router on real SQLite, with a clock the tests move. */
const STAFF = 'staff-1'
let now = new Date('2026-07-01T10:00:00.000+08:00')
const clock = { now: () => now }
let t: ReturnType<typeof makeTestApi>

beforeEach(() => {
  now = new Date('2026-07-01T10:00:00.000+08:00')
  t = makeTestApi({ staff: [STAFF], clock })
})
afterEach(() => t.close())


const draft = activityDraft
const published = (overrides: Partial<CreateActivityInput> = {}) => publishActivity(t, STAFF, overrides)

/** Members created straight in the store (fast), for the load tests. */
async function members(count: number, prefix = 'm') {
  const ids = Array.from({ length: count }, (_, i) => `${prefix}${i}`)
  for (const openid of ids) await t.store.members.create(sampleMember(openid))
  return ids
}

describe('staff run activities', () => {
  it('creates a draft that students cannot see, publishes it, and it appears in the list', async () => {
    await members(1)
    const created = data(await t.call(STAFF, 'activity.create', draft()))
    expect(created).toMatchObject({ status: 'draft', registeredCount: 0, stationId: null, startAt: '2026-07-20T09:00:00.000+08:00' })
    expect(errorOf(await t.call('m0', 'activity.get', { id: created.id })).code).toBe('NOT_FOUND')
    expect(data(await t.call('m0', 'activity.list', {})).items).toEqual([])
    data(await t.call(STAFF, 'activity.publish', { id: created.id }))
    const view = data(await t.call('m0', 'activity.get', { id: created.id }))
    expect(view).toMatchObject({ status: 'published', placesLeft: 2, canSignUp: { ok: true } })
    expect(data(await t.call('m0', 'activity.list', { phase: 'open' })).items.map((a) => a.id)).toEqual([created.id])
    expect(errorOf(await t.call(STAFF, 'activity.publish', { id: created.id })).code).toBe('CONFLICT')
  })

  it('refuses students, and refuses bad activity input with the field named', async () => {
    await members(1)
    expect(errorOf(await t.call('m0', 'activity.create', draft())).code).toBe('FORBIDDEN')
    const cases: [Partial<CreateActivityInput> | Record<string, unknown>, string][] = [
      [{ endAt: '2026-07-20T08:00:00+08:00' }, 'endAt'],
      [{ signUpCloseAt: '2026-06-01T00:00:00+08:00' }, 'signUpCloseAt'],
      [{ type: 'party' }, 'type'],
      [{ capacity: 0 }, 'capacity'],
      [{ startAt: 'next monday' }, 'startAt'],
      [{ title: { $gt: '' } }, 'title'],
      [{ form: [{ id: 'size', label: 'T恤尺码', kind: 'single', options: ['L'] }] }, 'form.0.options'],
    ]
    for (const [change, field] of cases) {
      const error = errorOf(await t.call(STAFF, 'activity.create', { ...draft(), ...change }))
      expect(error.code).toBe('INVALID_INPUT')
      expect(Object.keys(error.fields ?? {})).toContain(field)
    }
    expect(data(await t.call(STAFF, 'activity.list', { manage: true })).items).toEqual([])
  })

  it('edits with the whole activity re-checked, and never below the places taken', async () => {
    await members(2)
    const activity = await published({ capacity: 3 })
    data(await t.call('m0', 'activity.signUp', { activityId: activity.id }))
    data(await t.call('m1', 'activity.signUp', { activityId: activity.id }))
    expect(errorOf(await t.call(STAFF, 'activity.update', { id: activity.id, capacity: 1 })).fields).toHaveProperty('capacity')
    expect(errorOf(await t.call(STAFF, 'activity.update', { id: activity.id, endAt: '2026-07-19T00:00:00+08:00' })).fields).toHaveProperty(
      'endAt',
    )
    const edited = data(await t.call(STAFF, 'activity.update', { id: activity.id, place: '驻马店市图书馆', capacity: 5 }))
    expect(edited).toMatchObject({ place: '驻马店市图书馆', capacity: 5, registeredCount: 2 })
  })

  it('copies an activity as a new draft, and cancels with a reason every registrant is told', async () => {
    await members(2)
    const activity = await published()
    data(await t.call('m0', 'activity.signUp', { activityId: activity.id, subscribed: ['result'] }))
    const copy = data(await t.call(STAFF, 'activity.copy', { id: activity.id }))
    expect(copy).toMatchObject({ status: 'draft', registeredCount: 0, title: '翼展计划·暑期社会实践（副本）' })
    expect(errorOf(await t.call(STAFF, 'activity.cancel', { id: activity.id })).fields).toHaveProperty('reason')
    data(await t.call(STAFF, 'activity.cancel', { id: activity.id, reason: '台风预警' }))
    const outbox = data(await t.call('m0', 'message.outbox', {}))
    expect(outbox.items[0]).toMatchObject({ template: 'result', data: { status: '活动已取消', note: '台风预警' } })
    expect(errorOf(await t.call('m1', 'activity.signUp', { activityId: activity.id })).code).toBe('SIGNUP_CLOSED')
  })

  it('finds activities for staff by title or place and by status; a student’s status filter never shows drafts', async () => {
    await members(1)
    const lab = await published({ title: '走进智能装备重点实验室', place: '驿城区' })
    const park = data(await t.call(STAFF, 'activity.create', draft({ title: '暑期实践说明会', place: '智能装备产业园' })))
    const other = data(await t.call(STAFF, 'activity.create', draft({ title: '科普进校园', place: '汝南县' })))
    const ids = async (openid: string, input: Record<string, unknown>) =>
      data(await t.call(openid, 'activity.list', input)).items.map((a) => a.id).sort()
    expect(await ids(STAFF, { manage: true, q: '智能装备' })).toEqual([lab.id, park.id].sort())
    expect(await ids(STAFF, { manage: true, status: 'draft' })).toEqual([park.id, other.id].sort())
    expect(await ids(STAFF, { manage: true, status: 'draft', q: '汝南' })).toEqual([other.id])
    expect(await ids(STAFF, { manage: true, status: 'cancelled' })).toEqual([])
    // Without the manager's view a status filter only narrows what students may see anyway.
    expect(await ids('m0', { status: 'draft' })).toEqual([])
    expect(await ids('m0', { q: '智能装备' })).toEqual([lab.id])
    // Bad filters are named, in Chinese.
    const badStatus = errorOf(await t.call(STAFF, 'activity.list', { manage: true, status: 'archived' }))
    expect(badStatus.code).toBe('INVALID_INPUT')
    expect(badStatus.fields).toHaveProperty('status')
    expect(badStatus.message).toMatch(/活动状态/)
    const longQuery = errorOf(await t.call(STAFF, 'activity.list', { manage: true, q: '很'.repeat(41) }))
    expect(longQuery.fields).toHaveProperty('q')
    expect(longQuery.message).toMatch(/搜索词/)
  })

  it('lets a head publish for their own station only, and not touch others’ activities', async () => {
    const station = data(await t.call(STAFF, 'station.create', { university: '郑州大学', city: '郑州市' }))
    for (const openid of ['head', 'inside']) {
      data(await t.call(openid, 'member.register', profile({ name: openid })))
      const request = data(await t.call(openid, 'station.requestJoin', { stationId: station.id }))
      data(await t.call(STAFF, 'station.reviewRequest', { id: request.id, decision: 'approve' }))
    }
    data(await t.call(STAFF, 'station.appointHead', { stationId: station.id, openid: 'head', as: 'head' }))
    data(await t.call('outside', 'member.register', profile()))
    const own = data(await t.call('head', 'activity.create', { ...draft(), stationId: 'st-someone-else' }))
    expect(own.stationId).toBe(station.id)
    data(await t.call('head', 'activity.publish', { id: own.id }))
    expect(data(await t.call('inside', 'activity.signUp', { activityId: own.id })).status).toBe('registered')
    const outsider = errorOf(await t.call('outside', 'activity.signUp', { activityId: own.id }))
    expect(outsider).toMatchObject({ code: 'FORBIDDEN', message: '本活动仅限该驿站成员报名' })
    expect(data(await t.call('outside', 'activity.list', {})).items).toEqual([])
    const staffs = await published()
    expect(errorOf(await t.call('head', 'activity.update', { id: staffs.id, place: '别处' })).code).toBe('FORBIDDEN')
    expect(errorOf(await t.call('head', 'activity.cancel', { id: staffs.id, reason: '不想办' })).code).toBe('FORBIDDEN')
  })
})

describe('students sign up', () => {
  it('signs up with the form, pre-filled next time from the last answers', async () => {
    await members(1)
    const form = [
      { id: 'school_year', label: '年级', kind: 'single' as const, required: true, options: ['大一', '大二', '大三'] },
      { id: 'why', label: '报名理由', kind: 'textarea' as const, required: false },
    ]
    const a = await published({ form })
    const missing = errorOf(await t.call('m0', 'activity.signUp', { activityId: a.id, answers: { why: '想回家乡看看' } }))
    expect(missing).toMatchObject({ code: 'INVALID_INPUT', fields: { 'answers.school_year': '请选择“年级”' } })
    const wrong = errorOf(await t.call('m0', 'activity.signUp', { activityId: a.id, answers: { school_year: '研一' } }))
    expect(wrong.fields?.['answers.school_year']).toContain('请从选项中选择')
    expect(data(await t.call('m0', 'activity.get', { id: a.id })).myRegistration).toBeNull()
    const result = data(await t.call('m0', 'activity.signUp', { activityId: a.id, answers: { school_year: '大二', why: '想回家乡看看' } }))
    expect(result).toMatchObject({ status: 'registered', registration: { answers: { school_year: '大二', why: '想回家乡看看' } } })
    const next = await published({ title: '走进重点实验室', form })
    expect(data(await t.call('m0', 'activity.get', { id: next.id })).lastAnswers).toEqual({ 年级: '大二', 报名理由: '想回家乡看看' })
  })

  it('refuses sign-up outside the window with SIGNUP_CLOSED', async () => {
    await members(1)
    const early = await published({ signUpOpenAt: '2026-07-05T00:00:00+08:00' })
    expect(errorOf(await t.call('m0', 'activity.signUp', { activityId: early.id })).code).toBe('SIGNUP_CLOSED')
    now = new Date('2026-07-16T00:00:00+08:00')
    expect(errorOf(await t.call('m0', 'activity.signUp', { activityId: early.id })).code).toBe('SIGNUP_CLOSED')
  })

  it('refuses someone not eligible with FORBIDDEN and the reason in Chinese', async () => {
    await members(1)
    const phd = await published({ eligibility: { degrees: ['doctor', 'postdoc'], counties: [], fields: [], stationIds: [] } })
    const error = errorOf(await t.call('m0', 'activity.signUp', { activityId: phd.id }))
    expect(error).toEqual({ code: 'FORBIDDEN', message: '本活动仅限博士、博士后报名' })
    expect(data(await t.call('m0', 'activity.get', { id: phd.id })).canSignUp).toEqual({ ok: false, reason: '本活动仅限博士、博士后报名' })
    expect(data(await t.call('m0', 'activity.list', { eligibleOnly: true })).items).toEqual([])
    expect(data(await t.call('m0', 'activity.list', {})).items).toHaveLength(1)
  })

  it('lists what is ahead first (soonest first) and what has ended last (newest first), across pages', async () => {
    await members(1)
    const ended = await published({ title: '已结束', startAt: '2026-07-20T09:00:00+08:00', endAt: '2026-07-20T17:00:00+08:00' })
    const endedEarlier = await published({ title: '更早结束', startAt: '2026-07-18T09:00:00+08:00', endAt: '2026-07-18T17:00:00+08:00' })
    now = new Date('2026-07-21T10:00:00+08:00')
    const later = await published({ title: '晚些开始', startAt: '2026-08-20T09:00:00+08:00', endAt: '2026-08-20T17:00:00+08:00', signUpOpenAt: '2026-07-21T00:00:00+08:00', signUpCloseAt: '2026-08-15T00:00:00+08:00' })
    const sooner = await published({ title: '马上开始', startAt: '2026-08-01T09:00:00+08:00', endAt: '2026-08-01T17:00:00+08:00', signUpOpenAt: '2026-07-21T00:00:00+08:00', signUpCloseAt: '2026-07-30T00:00:00+08:00' })
    const expected = [sooner.id, later.id, ended.id, endedEarlier.id]
    expect(data(await t.call('m0', 'activity.list', {})).items.map((a) => a.id)).toEqual(expected)
    for (const limit of [1, 2, 3]) {
      const seen: string[] = []
      let cursor: string | undefined
      for (let guard = 0; guard < 10; guard++) {
        const page = data(await t.call('m0', 'activity.list', { limit, ...(cursor ? { cursor } : {}) }))
        seen.push(...page.items.map((a) => a.id))
        if (!page.nextCursor) break
        cursor = page.nextCursor
      }
      expect(seen).toEqual(expected)
    }
  })

  it('只看我能报名的 keeps what is open now, for me, that I have not signed up for yet', async () => {
    await members(1)
    const open = await published({ title: '报名中' })
    const mine = await published({ title: '已报名' })
    await published({ title: '未开放', signUpOpenAt: '2026-07-05T00:00:00+08:00' })
    data(await t.call('m0', 'activity.signUp', { activityId: mine.id }))
    expect(data(await t.call('m0', 'activity.list', { eligibleOnly: true })).items.map((a) => a.id)).toEqual([open.id])
    expect(data(await t.call('m0', 'activity.list', {})).items).toHaveLength(3)
  })

  it('gives a full activity without waitlist ACTIVITY_FULL; with one, the next place in line', async () => {
    await members(4)
    const noWait = await published({ capacity: 1, waitlist: false })
    data(await t.call('m0', 'activity.signUp', { activityId: noWait.id }))
    expect(errorOf(await t.call('m1', 'activity.signUp', { activityId: noWait.id })).code).toBe('ACTIVITY_FULL')
    const withWait = await published({ capacity: 1 })
    expect(data(await t.call('m0', 'activity.signUp', { activityId: withWait.id })).status).toBe('registered')
    expect(data(await t.call('m1', 'activity.signUp', { activityId: withWait.id }))).toMatchObject({ status: 'waitlisted', position: 1 })
    expect(data(await t.call('m2', 'activity.signUp', { activityId: withWait.id }))).toMatchObject({ status: 'waitlisted', position: 2 })
    expect(data(await t.call(STAFF, 'activity.get', { id: withWait.id }))).toMatchObject({ registeredCount: 1, waitlistCount: 2 })
  })

  it('returns the first result for a repeated requestId and for a second sign-up', async () => {
    await members(1)
    const a = await published()
    const first = await t.call('m0', 'activity.signUp', { activityId: a.id }, 'req-signup-000001')
    const retry = await t.call('m0', 'activity.signUp', { activityId: a.id }, 'req-signup-000001')
    expect(retry).toEqual(first)
    const again = data(await t.call('m0', 'activity.signUp', { activityId: a.id }))
    expect(again.registration.id).toBe(data(first).registration.id)
    expect(data(await t.call(STAFF, 'activity.get', { id: a.id })).registeredCount).toBe(1)
  })

  it('promotes the first on the waitlist at once when a place frees, and tells them', async () => {
    await members(4)
    const a = await published({ capacity: 2 })
    for (const m of ['m0', 'm1', 'm2', 'm3']) data(await t.call(m, 'activity.signUp', { activityId: a.id, subscribed: ['result'] }))
    const cancelled = data(await t.call('m0', 'activity.cancelSignUp', { activityId: a.id }))
    expect(cancelled.status).toBe('cancelled')
    expect(data(await t.call('m2', 'activity.get', { id: a.id })).myRegistration?.status).toBe('registered')
    expect(data(await t.call('m3', 'activity.get', { id: a.id })).myRegistration).toMatchObject({ status: 'waitlisted', position: 1 })
    expect(data(await t.call('m2', 'message.outbox', {})).items[0].data.status).toContain('候补成功')
    data(await t.call('m1', 'activity.cancelSignUp', { activityId: a.id }))
    expect(data(await t.call('m3', 'activity.get', { id: a.id })).myRegistration?.status).toBe('registered')
    expect(data(await t.call(STAFF, 'activity.get', { id: a.id }))).toMatchObject({ registeredCount: 2, waitlistCount: 0 })
    now = new Date('2026-07-16T00:00:00+08:00')
    expect(errorOf(await t.call('m3', 'activity.cancelSignUp', { activityId: a.id })).code).toBe('SIGNUP_CLOSED')
  })

  it('uses one authorisation per pushed message; without one, nothing is pushed', async () => {
    await members(3)
    const a = await published({ capacity: 1 })
    data(await t.call('m0', 'activity.signUp', { activityId: a.id }))
    data(await t.call('m1', 'activity.signUp', { activityId: a.id }))
    data(await t.call('m0', 'activity.cancelSignUp', { activityId: a.id }))
    expect(data(await t.call('m1', 'message.outbox', {})).items).toEqual([])
  })
})

describe('capacity under load (real parallel calls)', () => {
  // 500 interleaved sign-ups take seconds on the CloudBase stand-in (every request yields), more on
  // a busy 2-core machine: the invariant is what is tested here, not the speed (see BENCHMARKS.md).
  const LOAD_TIMEOUT = 120_000
  it('500 parallel sign-ups for 50 places with a waitlist: exactly 50 registered, 450 waitlisted at 1…450', async () => {
    const ids = await members(500)
    const a = await published({ capacity: 50, waitlist: true })
    const results = await Promise.all(ids.map((id) => t.call(id, 'activity.signUp', { activityId: a.id })))
    const ok = results.map(data)
    expect(ok.filter((r) => r.status === 'registered')).toHaveLength(50)
    const positions = ok.filter((r) => r.status === 'waitlisted').map((r) => r.position)
    expect(positions.sort((x, y) => x! - y!)).toEqual(Array.from({ length: 450 }, (_, i) => i + 1))
    expect(data(await t.call(STAFF, 'activity.get', { id: a.id }))).toMatchObject({ registeredCount: 50, waitlistCount: 450 })
  }, LOAD_TIMEOUT)

  it('500 parallel sign-ups for 50 places without a waitlist: 50 registered, 450 ACTIVITY_FULL', async () => {
    const ids = await members(500)
    const a = await published({ capacity: 50, waitlist: false })
    const results = await Promise.all(ids.map((id) => t.call(id, 'activity.signUp', { activityId: a.id })))
    expect(results.filter((r) => r.ok)).toHaveLength(50)
    expect(results.filter((r) => !r.ok && r.error.code === 'ACTIVITY_FULL')).toHaveLength(450)
    expect((await t.peek.registrationStatuses(a.id)).filter((status) => status === 'registered')).toHaveLength(50)
  }, LOAD_TIMEOUT)

  it('20 parallel sign-ups of one member make one registration', async () => {
    await members(1)
    const a = await published({ capacity: 5 })
    const results = await Promise.all(Array.from({ length: 20 }, () => t.call('m0', 'activity.signUp', { activityId: a.id })))
    expect(new Set(results.map((r) => data(r).registration.id)).size).toBe(1)
    expect(data(await t.call(STAFF, 'activity.get', { id: a.id })).registeredCount).toBe(1)
  })

  it('a cancel and a sign-up racing for the last place give it to exactly one', async () => {
    await members(3)
    const a = await published({ capacity: 2, waitlist: false })
    data(await t.call('m0', 'activity.signUp', { activityId: a.id }))
    data(await t.call('m1', 'activity.signUp', { activityId: a.id }))
    const [, late] = await Promise.all([
      t.call('m0', 'activity.cancelSignUp', { activityId: a.id }),
      t.call('m2', 'activity.signUp', { activityId: a.id }),
    ])
    const after = data(await t.call(STAFF, 'activity.get', { id: a.id }))
    expect(after.registeredCount).toBeLessThanOrEqual(2)
    expect(after.registeredCount).toBe(late.ok ? 2 : 1)
  })
})

describe('registrations, export and attendance', () => {
  it('lists registrations with masked phones; moves people; exports the answers as columns', async () => {
    await members(3)
    const form = [{ id: 'size', label: 'T恤尺码', kind: 'single' as const, required: true, options: ['M', 'L'] }]
    const a = await published({ capacity: 1, form })
    for (const [m, size] of [['m0', 'M'], ['m1', 'L'], ['m2', 'M']] as const) data(await t.call(m, 'activity.signUp', { activityId: a.id, answers: { size } }))
    const list = data(await t.call(STAFF, 'activity.registrations', { activityId: a.id }))
    expect(list.items.map((r) => [r.openid, r.status, r.position])).toEqual([
      ['m0', 'registered', null],
      ['m1', 'waitlisted', 1],
      ['m2', 'waitlisted', 2],
    ])
    expect(JSON.stringify(list)).not.toContain('13812341234')
    expect(errorOf(await t.call(STAFF, 'activity.markAttendance', { activityId: a.id, openid: 'm2', status: 'registered' })).code).toBe(
      'ACTIVITY_FULL',
    )
    data(await t.call(STAFF, 'activity.markAttendance', { activityId: a.id, openid: 'm0', status: 'waitlisted' }))
    expect(data(await t.call('m1', 'activity.get', { id: a.id })).myRegistration?.status).toBe('registered')
    expect(data(await t.call('m0', 'activity.get', { id: a.id })).myRegistration).toMatchObject({ status: 'waitlisted', position: 2 })

    const file = data(await t.call(STAFF, 'activity.exportRegistrations', { activityId: a.id }))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
    const rows: string[][] = []
    workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
    expect(rows[0]).toEqual(['姓名', '手机号', '学校', '学历', '家乡县区', '状态', '候补位次', '报名时间', '签到时间', 'T恤尺码'])
    expect(rows.slice(1).map((r) => [r[5], r[9]])).toEqual([
      ['候补', 'M'],
      ['报名成功', 'L'],
      ['候补', 'M'],
    ])
    expect(data(await t.call(STAFF, 'audit.list', {})).items[0].action).toBe('activity.exportRegistrations')
    expect(errorOf(await t.call('m1', 'activity.exportRegistrations', { activityId: a.id })).code).toBe('FORBIDDEN')
    expect(errorOf(await t.call('m1', 'activity.registrations', { activityId: a.id })).code).toBe('FORBIDDEN')
  })
})

describe('check-in', () => {
  const secret = testServices.checkInSecret
  async function ready() {
    await members(3)
    const a = await published({ capacity: 2 })
    data(await t.call('m0', 'activity.signUp', { activityId: a.id }))
    data(await t.call('m1', 'activity.signUp', { activityId: a.id }))
    data(await t.call('m2', 'activity.signUp', { activityId: a.id }))
    now = new Date('2026-07-20T08:30:00+08:00')
    return a
  }

  it('shows a rotating code to staff only, from an hour before the start', async () => {
    const a = await ready()
    expect(errorOf(await t.call('m0', 'activity.checkInCode', { activityId: a.id })).code).toBe('FORBIDDEN')
    const code = data(await t.call(STAFF, 'activity.checkInCode', { activityId: a.id }))
    expect(code).toMatchObject({ rotatesEverySeconds: 30, shortCode: expect.stringMatching(/^\d{6}$/) })
    expect(code.qrImage).toMatch(/^data:image\/png;base64,/)
    now = new Date('2026-07-20T07:30:00+08:00')
    expect(errorOf(await t.call(STAFF, 'activity.checkInCode', { activityId: a.id })).code).toBe('CONFLICT')
  })

  it('checks in with the short code or the QR token; refuses another activity’s token and an expired one', async () => {
    const a = await ready()
    const other = await published({ title: '别的活动' })
    const code = data(await t.call(STAFF, 'activity.checkInCode', { activityId: a.id }))
    const checked = data(await t.call('m0', 'activity.checkIn', { activityId: a.id, shortCode: code.shortCode }))
    expect(checked).toMatchObject({ status: 'checked_in', checkedInAt: expect.stringMatching(/\+08:00$/) })
    const otherToken = tokenFor(secret, other.id, windowOf(now.getTime()))
    expect(errorOf(await t.call('m1', 'activity.checkIn', { activityId: a.id, token: otherToken })).fields).toHaveProperty('token')
    now = new Date(now.getTime() + 61_000)
    expect(errorOf(await t.call('m1', 'activity.checkIn', { activityId: a.id, token: code.token })).fields).toHaveProperty('token')
    const fresh = tokenFor(secret, a.id, windowOf(now.getTime()))
    expect(data(await t.call('m1', 'activity.checkIn', { activityId: a.id, token: fresh })).status).toBe('checked_in')
    expect(errorOf(await t.call('m2', 'activity.checkIn', { activityId: a.id, token: fresh })).message).toContain('候补')
  })

  it('refuses short-code guesses beyond 5 a minute', async () => {
    const a = await ready()
    const right = shortCodeFor(secret, a.id, windowOf(now.getTime()))
    const wrong = right === '000000' ? '000001' : '000000'
    for (let i = 0; i < 5; i += 1) {
      expect(errorOf(await t.call('m0', 'activity.checkIn', { activityId: a.id, shortCode: wrong })).code).toBe('INVALID_INPUT')
    }
    expect(errorOf(await t.call('m0', 'activity.checkIn', { activityId: a.id, shortCode: right })).code).toBe('RATE_LIMITED')
    now = new Date(now.getTime() + 60_000)
    const current = shortCodeFor(secret, a.id, windowOf(now.getTime()))
    expect(data(await t.call('m0', 'activity.checkIn', { activityId: a.id, shortCode: current })).status).toBe('checked_in')
  })

  it('lets staff scan a student’s personal code, and a helper only for their activity', async () => {
    const a = await ready()
    const { code } = data(await t.call('m1', 'activity.myCheckInCode'))
    expect(errorOf(await t.call('m0', 'activity.checkIn', { activityId: a.id, personalCode: code })).code).toBe('FORBIDDEN')
    data(await t.call(STAFF, 'activity.update', { id: a.id, checkInHelpers: ['m0'] }))
    expect(data(await t.call('m0', 'activity.checkIn', { activityId: a.id, personalCode: code }))).toMatchObject({
      openid: 'm1',
      status: 'checked_in',
    })
    expect(errorOf(await t.call(STAFF, 'activity.checkIn', { activityId: a.id, personalCode: `${code}x` })).fields).toHaveProperty(
      'personalCode',
    )
  })
})

describe('the scheduler and the growth record', () => {
  it('closes sign-up at the deadline, reminds once a day before, marks no-shows absent after the end', async () => {
    await members(2)
    const a = await published({ capacity: 5, type: 'lab_visit' })
    data(await t.call('m0', 'activity.signUp', { activityId: a.id, subscribed: ['reminder'] }))
    data(await t.call('m1', 'activity.signUp', { activityId: a.id }))
    const deps = { store: t.store, clock, ...testServices }
    now = new Date('2026-07-16T00:00:00+08:00')
    expect(await runScheduledJobs(deps)).toMatchObject({ closedSignUps: 1, reminded: 0, markedAbsent: 0 })
    expect(data(await t.call(STAFF, 'activity.get', { id: a.id })).status).toBe('closed')
    now = new Date('2026-07-19T10:00:00+08:00')
    expect((await runScheduledJobs(deps)).reminded).toBe(1)
    expect((await runScheduledJobs(deps)).reminded).toBe(0)
    expect(data(await t.call('m0', 'message.outbox', {})).items.map((m) => m.template)).toEqual(['reminder'])
    now = new Date('2026-07-20T09:30:00+08:00')
    const code = data(await t.call(STAFF, 'activity.checkInCode', { activityId: a.id }))
    data(await t.call('m0', 'activity.checkIn', { activityId: a.id, shortCode: code.shortCode }))
    now = new Date('2026-07-20T18:00:00+08:00')
    expect((await runScheduledJobs(deps)).markedAbsent).toBe(1)
    expect(data(await t.call('m1', 'activity.get', { id: a.id })).myRegistration?.status).toBe('absent')

    const record = data(await t.call('m0', 'activity.growthRecord'))
    expect(record).toMatchObject({ total: 1, byType: [{ type: 'lab_visit', name: '走进实验室·创新平台', count: 1 }], byYear: [{ year: 2026, count: 1 }] })
    expect(data(await t.call('m1', 'activity.growthRecord')).total).toBe(0)
    expect(data(await t.call('m0', 'activity.myRegistrations', {})).items[0]).toMatchObject({
      activity: { id: a.id },
      registration: { status: 'checked_in' },
    })
  })

  it('deleting an account frees its place for the waitlist', async () => {
    await members(2)
    const a = await published({ capacity: 1 })
    data(await t.call('m0', 'activity.signUp', { activityId: a.id }))
    data(await t.call('m1', 'activity.signUp', { activityId: a.id }))
    data(await t.call('m0', 'member.deleteMine'))
    expect(data(await t.call('m1', 'activity.get', { id: a.id })).myRegistration?.status).toBe('registered')
    expect(data(await t.call(STAFF, 'activity.registrations', { activityId: a.id })).items.map((r) => r.openid)).toEqual(['m1'])
  })
})
