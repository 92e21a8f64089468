import ExcelJS from 'exceljs'
import type { CreateActivityInput } from '../../../types'
import { shortCodeFor, windowOf } from '../../core/activity/check-in-codes'
import { activityDraft, codeOf, data, makeTestApi, profile, testServices } from './test-support'

/** The minor findings of the security review (research/security.md §1), each through the router. */
const STAFF = 'staff-1'
let now = new Date('2026-07-20T09:10:00.000+08:00')
const clock = { now: () => now }
let t: ReturnType<typeof makeTestApi>

beforeEach(() => {
  now = new Date('2026-07-20T09:10:00.000+08:00')
  t = makeTestApi({ staff: [STAFF], clock })
})
afterEach(() => t.close())

const OPENID_LIKE = /"(headOpenid|deputyOpenids|createdBy|checkInHelpers)":("[^"]+"|\[[^\]]+\])/

const draft = (overrides: Partial<CreateActivityInput> = {}): CreateActivityInput =>
  activityDraft({
    type: 'lab_visit',
    title: '走进重点实验室',
    description: '参观重点实验室。',
    startAt: '2026-07-20T09:30:00+08:00',
    signUpCloseAt: '2026-07-20T09:20:00+08:00',
    capacity: 50,
    waitlist: false,
    ...overrides,
  })

/** Station B with head `head-b`, members `b1`…; an activity of B with a form; `b1` its helper. */
async function stationWithActivity(memberCount = 3) {
  const station = data(await t.call(STAFF, 'station.create', { university: '河南大学', city: '开封市' }))
  const members = ['head-b', ...Array.from({ length: memberCount }, (_, i) => `b${i + 1}`)]
  for (const openid of members) {
    data(await t.call(openid, 'member.register', profile({ name: `同学${openid}`, university: '河南大学' })))
    const request = data(await t.call(openid, 'station.requestJoin', { stationId: station.id }))
    data(await t.call(STAFF, 'station.reviewRequest', { id: request.id, decision: 'approve' }))
  }
  data(await t.call(STAFF, 'station.appointHead', { stationId: station.id, openid: 'head-b', as: 'head' }))
  const created = data(
    await t.call('head-b', 'activity.create', draft({ form: [{ id: 'motto', label: '私密回答', kind: 'text', required: true }], checkInHelpers: ['b1'] })),
  )
  const activity = data(await t.call('head-b', 'activity.publish', { id: created.id }))
  for (const openid of members.slice(1)) {
    data(await t.call(openid, 'activity.signUp', { activityId: activity.id, answers: { motto: `${openid}的私密回答` } }))
  }
  return { station, activity, members }
}

describe('m-2: check-in helpers see only what check-in needs', () => {
  it('gives a helper names and status, no answers, phones, schools or openids', async () => {
    const { activity } = await stationWithActivity()
    const asHelper = data(await t.call('b1', 'activity.registrations', { activityId: activity.id })).items
    expect(asHelper.map((l) => l.name).sort()).toEqual(['同学b1', '同学b2', '同学b3'])
    const text = JSON.stringify(asHelper)
    expect(text).not.toContain('私密回答')
    expect(text).not.toMatch(/138\*\*\*\*|河南大学|"b\d"|head-b/)
    // The head still sees everything they manage.
    const asHead = data(await t.call('head-b', 'activity.registrations', { activityId: activity.id })).items
    expect(asHead[0]?.answers.motto).toMatch(/私密回答/)
  })

  it('refuses helpers who are not members of the station, or not members at all', async () => {
    const { activity } = await stationWithActivity(1)
    data(await t.call('outsider', 'member.register', profile({ name: '别站同学' })))
    for (const helpers of [['no-such-user-xyz'], ['outsider']]) {
      const refused = await t.call('head-b', 'activity.update', { id: activity.id, checkInHelpers: helpers })
      expect(refused.ok ? null : refused.error.fields).toHaveProperty(['checkInHelpers.0'])
    }
    expect(data(await t.call('head-b', 'activity.get', { id: activity.id })).checkInHelpers).toEqual(['b1'])
  })
})

describe('m-3: no openid reaches an anonymous or student caller', () => {
  it('station.get, station.list, activity.get and activity.list carry no head, deputy, creator or helper openids', async () => {
    const { station, activity } = await stationWithActivity(2)
    for (const who of [null, 'b2', 'stranger']) {
      const replies = [
        await t.call(who, 'station.get', { id: station.id }),
        await t.call(who, 'station.list', {}),
        await t.call(who, 'activity.get', { id: activity.id }),
        await t.call(who, 'activity.list', {}),
      ]
      for (const reply of replies) {
        expect(reply.ok).toBe(true)
        expect(JSON.stringify(reply)).not.toMatch(OPENID_LIKE)
      }
    }
    // Staff and the head still see who leads.
    expect(data(await t.call(STAFF, 'station.get', { id: station.id })).headOpenid).toBe('head-b')
    expect(data(await t.call('head-b', 'activity.get', { id: activity.id })).checkInHelpers).toEqual(['b1'])
    // A helper learns only that they are one.
    expect(data(await t.call('b1', 'activity.get', { id: activity.id })).checkInHelpers).toEqual(['b1'])
  })
})

describe('m-4: staff views of full phone numbers are audited', () => {
  it('records each view of a demand interest list holding phone numbers', async () => {
    data(await t.call('s1', 'member.register', profile()))
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
    data(await t.call('s1', 'demand.registerInterest', { id: demand.id, share: ['name', 'phone'] }))
    expect(data(await t.call(STAFF, 'demand.interests', { id: demand.id })).items[0]?.shared.phone).toBe('13812341234')
    const audit = data(await t.call(STAFF, 'audit.list', {})).items.filter((e) => e.action === 'demand.interests')
    expect(audit).toEqual([expect.objectContaining({ actorOpenid: STAFF, summary: expect.stringContaining('完整手机号1个') })])
  })
})

describe('m-5: the six-digit check-in code', () => {
  const wrong = (right: string) => (right === '000000' ? '000001' : '000000')

  it('is limited per activity across many members, not only per member', async () => {
    const { activity, members } = await stationWithActivity(14)
    const right = shortCodeFor(testServices.checkInSecret, activity.id, windowOf(now.getTime()))
    const codes: string[] = []
    // 14 registrants, 5 guesses each: 70 guesses, more than the activity's 60 a minute.
    for (const openid of members.slice(1)) {
      for (let i = 0; i < 5; i += 1) codes.push(codeOf(await t.call(openid, 'activity.checkIn', { activityId: activity.id, shortCode: wrong(right) })))
    }
    expect(codes.filter((c) => c === 'INVALID_INPUT')).toHaveLength(60)
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(10)
  })

  it('uses a sliding window: a burst across a minute boundary gets no second budget', async () => {
    const { activity } = await stationWithActivity(1)
    now = new Date('2026-07-20T09:10:59.000+08:00')
    const right = shortCodeFor(testServices.checkInSecret, activity.id, windowOf(now.getTime()))
    const before = []
    for (let i = 0; i < 5; i += 1) before.push(codeOf(await t.call('b1', 'activity.checkIn', { activityId: activity.id, shortCode: wrong(right) })))
    now = new Date('2026-07-20T09:11:01.000+08:00')
    const after = []
    for (let i = 0; i < 5; i += 1) after.push(codeOf(await t.call('b1', 'activity.checkIn', { activityId: activity.id, shortCode: wrong(right) })))
    expect(before).toEqual(Array(5).fill('INVALID_INPUT'))
    expect(after).toEqual(Array(5).fill('RATE_LIMITED'))
  })

  it('is not tried at all for someone without a registration', async () => {
    const { activity } = await stationWithActivity(1)
    data(await t.call('stranger', 'member.register', profile()))
    const right = shortCodeFor(testServices.checkInSecret, activity.id, windowOf(now.getTime()))
    expect(codeOf(await t.call('stranger', 'activity.checkIn', { activityId: activity.id, shortCode: right }))).toBe('FORBIDDEN')
  })
})

describe('m-6: notices, searches and join requests are rate limited', () => {
  it('limits a head to 10 notices in 10 minutes (staff to 30)', async () => {
    await stationWithActivity(1)
    const sent = []
    for (let i = 0; i < 12; i += 1) {
      sent.push(codeOf(await t.call('head-b', 'notice.send', { title: `通知${i}`, body: '内容', audience: { all: true } })))
    }
    expect(sent).toEqual([...Array(10).fill('OK'), 'RATE_LIMITED', 'RATE_LIMITED'])
    const staffSent = []
    for (let i = 0; i < 31; i += 1) {
      staffSent.push(codeOf(await t.call(STAFF, 'notice.send', { title: `通知${i}`, body: '内容', audience: { all: true } })))
    }
    expect(staffSent.filter((c) => c === 'OK')).toHaveLength(30)
    expect(staffSent[30]).toBe('RATE_LIMITED')
  })

  it('limits searches with words per caller', async () => {
    const codes = []
    for (let i = 0; i < 62; i += 1) codes.push(codeOf(await t.call('searcher', 'policy.search', { q: '人才' })))
    expect(codes.filter((c) => c === 'OK')).toHaveLength(60)
    expect(codes.slice(60)).toEqual(['RATE_LIMITED', 'RATE_LIMITED'])
    // Browsing without words is not counted.
    expect(codeOf(await t.call('searcher', 'policy.search', {}))).toBe('OK')
  })

  it('limits request → cancel churn to 5 requests an hour', async () => {
    const station = data(await t.call(STAFF, 'station.create', { university: '河南大学', city: '开封市' }))
    data(await t.call('churn', 'member.register', profile()))
    const codes = []
    for (let i = 0; i < 6; i += 1) {
      const request = await t.call('churn', 'station.requestJoin', { stationId: station.id })
      codes.push(codeOf(request))
      if (request.ok) data(await t.call('churn', 'station.cancelRequest', { id: request.data.id }))
    }
    expect(codes).toEqual([...Array(5).fill('OK'), 'RATE_LIMITED'])
  })
})

describe('m-9, M-2: hostile text never reaches the store or breaks an export', () => {
  it('refuses a name with U+FFFF, naming the field, and writes nothing', async () => {
    const refused = await t.call('bad', 'member.register', profile({ name: '坏\uFFFF名' }))
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'INVALID_INPUT', fields: { name: expect.stringContaining('姓名') } })
    expect(data(await t.call('bad', 'member.me'))).toBeNull()
  })

  it('keeps the roster export readable even when stored text holds such characters', async () => {
    const { station } = await stationWithActivity(1)
    // Stored before the boundary existed (or by another path): written straight into the store.
    await t.store.members.update('b1', { name: '坏\uFFFF名\u202E' }, '2026-07-20T09:00:00.000+08:00')
    const file = data(await t.call(STAFF, 'station.exportMembers', { stationId: station.id }))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
    expect(JSON.stringify(workbook.worksheets[0]!.getSheetValues())).toContain('坏名')
  })
})

describe('m-12: who may call comes before what they sent', () => {
  it('answers an anonymous caller of a member-only action UNAUTHENTICATED, with no field errors', async () => {
    for (const [action, payload] of [
      ['station.create', {}],
      ['activity.signUp', { activityId: '' }],
      ['member.update', { phone: 'x' }],
    ] as const) {
      const reply = await t.call(null, action, payload)
      expect(reply.ok ? null : reply.error).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' })
    }
  })
})

describe('m-10: validation gaps', () => {
  it('refuses a policy update whose body is blank (markup with no text), as create does', async () => {
    const policy = data(await t.call(STAFF, 'policy.create', { title: '人才政策', category: 'measure', summary: '摘要', body: '正文' }))
    const reply = await t.call(STAFF, 'policy.update', { id: policy.id, body: ' \n\n ' })
    expect(reply.ok ? null : reply.error.fields).toHaveProperty('body')
    expect(data(await t.call(STAFF, 'policy.get', { id: policy.id })).body).toContain('正文')
  })

  it('refuses a notice link to something that does not exist', async () => {
    const reply = await t.call(STAFF, 'notice.send', { title: '通知', body: '内容', audience: { all: true }, link: { kind: 'activity', id: 'javascript:alert(1)' } })
    expect(reply.ok ? null : reply.error.fields).toHaveProperty('link')
    expect(data(await t.call(STAFF, 'notice.list', {})).items).toEqual([])
  })
})

describe('m-7: a requestId runs its write once, even when duplicates arrive together', () => {
  it('sends one notice for ten parallel sends with one requestId, and answers each with it', async () => {
    const payload = { title: '只发一次', body: '内容', audience: { all: true } }
    const replies = await Promise.all(Array.from({ length: 10 }, () => t.call(STAFF, 'notice.send', payload, 'req-notice-0001')))
    expect(replies.every((r) => r.ok)).toBe(true)
    expect(new Set(replies.map((r) => (r.ok ? r.data.id : ''))).size).toBe(1)
    expect(data(await t.call(STAFF, 'notice.list', {})).items).toHaveLength(1)
  })
})

describe('m-11: the import size limit is one number', () => {
  it('accepts a 57 KB file that the schema allows (the router refused anything over 64 KB of JSON)', async () => {
    const rows = Array.from({ length: 450 }, (_, i) => `第${i}示范大学,郑州市,,这是一段用来把文件撑大的驿站简介文字${'甲'.repeat(20)}`)
    const csv = Buffer.from(['学校,所在城市,驿站名称,驿站简介', ...rows].join('\n'))
    expect(csv.length).toBeGreaterThan(57 * 1024)
    const report = data(await t.call(STAFF, 'station.import', { filename: 'stations.csv', contentBase64: csv.toString('base64') }))
    expect(report).toEqual({ imported: 450, errors: [] })
  })
})
