import type { CreateActivityInput, RegisterMemberInput, SendNoticeInput } from '../../../types'
import type { Deps } from '../../core/shared/context'
import type { MessageSender } from '../../core/messaging/ports'
import { runNoticePushes } from '../../core/notice/notice-push'
import { data, errorOf, makeTestApi, profile, publishActivity, testServices } from './test-support'

/** Notices through the router on real SQLite, with a clock the tests move. */
const STAFF = 'staff-1'
let now = new Date('2026-09-01T10:00:00.000+08:00')
const clock = { now: () => now }
const later = (minutes: number) => {
  now = new Date(now.getTime() + minutes * 60_000)
}
let t: ReturnType<typeof makeTestApi>

beforeEach(() => {
  now = new Date('2026-09-01T10:00:00.000+08:00')
  t = makeTestApi({ staff: [STAFF], clock })
})
afterEach(() => t.close())


const notice = (audience: SendNoticeInput['audience'], overrides: Partial<SendNoticeInput> = {}): SendNoticeInput => ({
  title: '暑期实践报名开始',
  body: '同学们好：\n报名链接 https://example.com/a\n请按时报名。',
  audience,
  ...overrides,
})

async function station(university: string) {
  return data(await t.call(STAFF, 'station.create', { university, city: '郑州市' })).id
}

async function join(openid: string, overrides: Partial<RegisterMemberInput> = {}) {
  data(await t.call(openid, 'member.register', profile({ name: openid, ...overrides })))
}

async function joinStation(openid: string, stationId: string) {
  const request = data(await t.call(openid, 'station.requestJoin', { stationId }))
  data(await t.call(STAFF, 'station.reviewRequest', { id: request.id, decision: 'approve' }))
}

/** This suite's activities: lab visits on 20 September 2026, whose sign-up opens on the suite's first day. */
const septemberVisit: Partial<CreateActivityInput> = {
  type: 'lab_visit',
  title: '走进重点实验室',
  description: '参观',
  hostOrg: '团市委',
  place: '驻马店',
  startAt: '2026-09-20T09:00:00+08:00',
  endAt: '2026-09-20T17:00:00+08:00',
  signUpOpenAt: '2026-09-01T00:00:00+08:00',
  signUpCloseAt: '2026-09-15T00:00:00+08:00',
}
const inboxIds = async (openid: string) => data(await t.call(openid, 'notice.inbox', {})).items.map((n) => n.id)
const unread = async (openid: string) => data(await t.call(openid, 'notice.unreadCount')).count

async function send(audience: SendNoticeInput['audience'], as = STAFF, overrides: Partial<SendNoticeInput> = {}) {
  const sent = data(await t.call(as, 'notice.send', notice(audience, overrides)))
  later(1)
  return sent
}

describe('audiences', () => {
  it('reaches exactly each kind of audience, and the preview count is what the inboxes get', async () => {
    const zz = await station('郑州大学')
    const wh = await station('武汉大学')
    await join('a', { hometownCounty: 'suiping', degree: 'bachelor', graduationYear: 2026, fields: ['electronics'] })
    await join('b', { hometownCounty: 'xiping', degree: 'master', graduationYear: 2027, fields: ['food', 'energy'], university: '武汉大学' })
    await join('c', { hometownCounty: 'suiping', degree: 'doctor', graduationYear: 2028, fields: ['energy'] })
    await joinStation('a', zz)
    await joinStation('b', wh)
    later(1)
    const cases: [SendNoticeInput['audience'], string[]][] = [
      [{ all: true }, ['a', 'b', 'c']],
      [{ stationIds: [zz] }, ['a']],
      [{ stationIds: [zz, wh] }, ['a', 'b']],
      [{ countyIds: ['suiping'] }, ['a', 'c']],
      [{ fieldIds: ['energy'] }, ['b', 'c']],
      [{ degreeIds: ['master', 'doctor'] }, ['b', 'c']],
      [{ graduationYears: [2026, 2028] }, ['a', 'c']],
      [{ countyIds: ['suiping'], degreeIds: ['doctor'] }, ['c']],
      [{ stationIds: [wh], fieldIds: ['electronics'] }, []],
    ]
    for (const [audience, expected] of cases) {
      const preview = data(await t.call(STAFF, 'notice.preview', { audience }))
      const sent = await send(audience)
      expect({ audience, recipients: sent.recipients, preview: preview.recipients }).toEqual({
        audience,
        recipients: expected.length,
        preview: expected.length,
      })
      for (const openid of ['a', 'b', 'c']) {
        expect({ audience, openid, got: (await inboxIds(openid)).includes(sent.id) }).toEqual({ audience, openid, got: expected.includes(openid) })
      }
      expect(data(await t.call(STAFF, 'notice.stats', { id: sent.id }))).toMatchObject({ recipients: expected.length, read: 0 })
    }
  })

  it("reaches an activity's registrants, or only its waitlist, frozen at the send time", async () => {
    for (const openid of ['a', 'b', 'c', 'd']) await join(openid)
    const activity = await publishActivity(t, STAFF, { ...septemberVisit, capacity: 2, waitlist: true })
    for (const openid of ['a', 'b', 'c']) data(await t.call(openid, 'activity.signUp', { activityId: activity.id }))
    expect(data(await t.call(STAFF, 'notice.preview', { audience: { activityId: activity.id } })).recipients).toBe(3)
    const all = await send({ activityId: activity.id })
    const waitlist = await send({ activityId: activity.id, activityStatus: 'waitlisted' })
    expect([all.recipients, waitlist.recipients]).toEqual([3, 1])
    // d signs up after: not in the earlier notices' frozen lists.
    data(await t.call('d', 'activity.signUp', { activityId: activity.id }))
    expect(await inboxIds('c')).toEqual([waitlist.id, all.id])
    expect(await inboxIds('a')).toEqual([all.id])
    expect(await inboxIds('d')).toEqual([])
    expect(errorOf(await t.call(STAFF, 'notice.send', notice({ activityId: 'ac-missing' }))).fields).toHaveProperty(['audience.activityId'])
  })

  it("limits a head to their own station, whatever the request asks", async () => {
    const zz = await station('郑州大学')
    const wh = await station('武汉大学')
    await join('head')
    await join('mine')
    await join('other', { university: '武汉大学' })
    await joinStation('head', zz)
    await joinStation('mine', zz)
    await joinStation('other', wh)
    data(await t.call(STAFF, 'station.appointHead', { stationId: zz, openid: 'head', as: 'head' }))
    later(1)
    expect(data(await t.call('head', 'notice.preview', { audience: { stationIds: [wh] } })).recipients).toBe(2)
    const sent = await send({ stationIds: [wh] }, 'head')
    expect(sent).toMatchObject({ audience: { stationIds: [zz], all: false }, recipients: 2, senderLabel: '郑州大学翼展驿站', stationId: zz })
    const everyone = await send({ all: true }, 'head')
    expect(everyone.audience.stationIds).toEqual([zz])
    expect(await inboxIds('mine')).toEqual([everyone.id, sent.id])
    expect(await inboxIds('other')).toEqual([])
    // The head sees their own notices only; staff see all.
    const staffOwn = await send({ all: true })
    expect(data(await t.call('head', 'notice.list', {})).items.map((n) => n.id)).toEqual([everyone.id, sent.id])
    expect(data(await t.call(STAFF, 'notice.list', {})).items.map((n) => n.id)).toEqual([staffOwn.id, everyone.id, sent.id])
    expect(data(await t.call(STAFF, 'notice.list', { mine: true })).items.map((n) => n.id)).toEqual([staffOwn.id])
    expect(errorOf(await t.call('head', 'notice.stats', { id: staffOwn.id })).code).toBe('FORBIDDEN')
    expect(errorOf(await t.call('head', 'notice.withdraw', { id: staffOwn.id })).code).toBe('FORBIDDEN')
    const audit = data(await t.call(STAFF, 'audit.list', {})).items.filter((e) => e.action === 'notice.send')
    expect(audit.length).toBe(3)
  })
})

describe('membership over time', () => {
  it("does not show a station's older notices to who joins later; leaving keeps what was received", async () => {
    const zz = await station('郑州大学')
    await join('early')
    await join('late')
    await joinStation('early', zz)
    later(1)
    const before = await send({ stationIds: [zz] })
    await joinStation('late', zz)
    later(1)
    const after = await send({ stationIds: [zz] })
    expect(await inboxIds('late')).toEqual([after.id])
    expect(await inboxIds('early')).toEqual([after.id, before.id])
    data(await t.call('early', 'station.leave'))
    later(1)
    const afterLeaving = await send({ stationIds: [zz] })
    expect(await inboxIds('early')).toEqual([after.id, before.id])
    expect(await inboxIds('late')).toEqual([afterLeaving.id, after.id])
    // Joining the alliance after a notice to everyone: not shown either.
    const toAll = await send({ all: true })
    await join('newcomer')
    expect(await inboxIds('newcomer')).toEqual([])
    expect(await inboxIds('late')).toContain(toAll.id)
  })
})

describe('read state, withdraw, schedule', () => {
  it('keeps read state per member, counts unread, marks all read, and figures show the reads', async () => {
    await join('a')
    await join('b')
    const one = await send({ all: true })
    const two = await send({ all: true })
    expect([await unread('a'), await unread('b')]).toEqual([2, 2])
    const opened = data(await t.call('a', 'notice.read', { id: one.id }))
    expect(opened).toMatchObject({ id: one.id, read: true, body: notice({ all: true }).body, senderLabel: '共青团驻马店市委' })
    expect([await unread('a'), await unread('b')]).toEqual([1, 2])
    expect(data(await t.call('a', 'notice.inbox', {})).items.map((n) => [n.id, n.read])).toEqual([
      [two.id, false],
      [one.id, true],
    ])
    expect(data(await t.call('b', 'notice.readAll'))).toEqual({ marked: 2 })
    expect(await unread('b')).toBe(0)
    expect(data(await t.call(STAFF, 'notice.stats', { id: one.id }))).toMatchObject({ recipients: 2, read: 2, pushed: 0, pushFailures: [], notice: { id: one.id } })
    expect(data(await t.call(STAFF, 'notice.stats', { id: two.id })).read).toBe(1)
  })

  it('withdraws: the notice leaves the inboxes and the unread count, and the withdrawal is audited', async () => {
    await join('a')
    const sent = await send({ all: true })
    expect(await unread('a')).toBe(1)
    const withdrawn = data(await t.call(STAFF, 'notice.withdraw', { id: sent.id }))
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawnAt: expect.any(String) })
    expect(await inboxIds('a')).toEqual([])
    expect(await unread('a')).toBe(0)
    expect(errorOf(await t.call('a', 'notice.read', { id: sent.id })).code).toBe('NOT_FOUND')
    const actions = data(await t.call(STAFF, 'audit.list', {})).items.map((e) => e.action)
    expect(actions).toContain('notice.withdraw')
  })

  it('holds a scheduled notice back until its time', async () => {
    await join('a')
    const sent = await send({ all: true }, STAFF, { sendAt: '2026-09-02T08:00:00+08:00' })
    expect(sent).toMatchObject({ status: 'scheduled', sendAt: '2026-09-02T08:00:00.000+08:00', recipients: 1 })
    expect(await inboxIds('a')).toEqual([])
    expect(await unread('a')).toBe(0)
    now = new Date('2026-09-02T08:00:00+08:00')
    expect(await inboxIds('a')).toEqual([sent.id])
    expect(errorOf(await t.call(STAFF, 'notice.send', notice({ all: true }, { sendAt: '2027-09-02T08:00:00+08:00' }))).fields).toHaveProperty(
      'sendAt',
    )
  })

  it('tells registrants when an activity moves or is cancelled', async () => {
    await join('a')
    await join('b')
    const activity = await publishActivity(t, STAFF, { ...septemberVisit, capacity: 5, waitlist: false })
    data(await t.call('a', 'activity.signUp', { activityId: activity.id }))
    data(await t.call(STAFF, 'activity.update', { id: activity.id, description: '参观（更新介绍）' }))
    expect(await inboxIds('a')).toEqual([])
    data(await t.call(STAFF, 'activity.update', { id: activity.id, place: '驻马店市科技馆' }))
    later(1)
    data(await t.call(STAFF, 'activity.cancel', { id: activity.id, reason: '台风预警' }))
    const items = data(await t.call('a', 'notice.inbox', {})).items
    expect(items.map((n) => n.title)).toEqual(['活动取消：走进重点实验室', '活动变更：走进重点实验室'])
    expect(items[0]!.body).toContain('台风预警')
    expect(items[1]).toMatchObject({ link: { kind: 'activity', id: activity.id } })
    expect(await inboxIds('b')).toEqual([])
  })
})

describe('searching the sent notices by title (notice.list q)', () => {
  it('staff find any sender’s notices by title, heads only their own; a bad q is named in Chinese; students are refused', async () => {
    const zz = await station('郑州大学')
    await join('head')
    await joinStation('head', zz)
    data(await t.call(STAFF, 'station.appointHead', { stationId: zz, openid: 'head', as: 'head' }))
    later(1)
    const exam = await send({ all: true }, STAFF, { title: '期末考试安排' })
    await send({ all: true }, STAFF, { title: '暑期返乡实践' })
    const headExam = await send({ all: true }, 'head', { title: '驿站考试经验交流会' })
    const titles = async (who: string, input: Record<string, unknown>) => data(await t.call(who, 'notice.list', input)).items.map((n) => n.id)
    expect(await titles(STAFF, { q: '考试' })).toEqual([headExam.id, exam.id])
    expect(await titles(STAFF, { q: ' 考试 ', mine: true })).toEqual([exam.id])
    expect(await titles('head', { q: '考试' })).toEqual([headExam.id])
    expect(await titles(STAFF, { q: '没有这个标题' })).toEqual([])
    expect(await titles(STAFF, { q: '' })).toHaveLength(3)
    for (const q of ['考'.repeat(41), 42]) {
      const bad = errorOf(await t.call(STAFF, 'notice.list', { q }))
      expect(bad.code).toBe('INVALID_INPUT')
      expect(bad.fields).toHaveProperty('q')
      expect(bad.message).toMatch(/搜索词/)
    }
    await join('student')
    expect(errorOf(await t.call('student', 'notice.list', { q: '考试' })).code).toBe('FORBIDDEN')
  })
})

describe('refusals', () => {
  it('refuses students and strangers every staff action, and non-members the inbox', async () => {
    await join('a')
    const sent = await send({ all: true })
    for (const [action, payload] of [
      ['notice.preview', { audience: { all: true } }],
      ['notice.send', notice({ all: true })],
      ['notice.withdraw', { id: sent.id }],
      ['notice.list', {}],
      ['notice.stats', { id: sent.id }],
    ] as const) {
      expect(errorOf(await t.call('a', action, payload)).code).toBe('FORBIDDEN')
      expect(errorOf(await t.call(null, action, payload)).code).toBe('UNAUTHENTICATED')
    }
    for (const [action, payload] of [
      ['notice.inbox', {}],
      ['notice.read', { id: sent.id }],
      ['notice.readAll', {}],
      ['notice.unreadCount', {}],
      ['notice.subscribe', {}],
    ] as const) {
      expect(errorOf(await t.call('stranger', action, payload)).code).toBe('FORBIDDEN')
      expect(errorOf(await t.call(null, action, payload)).code).toBe('UNAUTHENTICATED')
    }
  })

  it('refuses bad input with the field named', async () => {
    await join('a')
    const bad: [unknown, string][] = [
      [{ ...notice({ all: true }), title: '' }, 'title'],
      [{ ...notice({ all: true }), body: 'x'.repeat(2001) }, 'body'],
      [notice({}), 'audience.all'],
      [notice({ all: true, countyIds: ['suiping'] }), 'audience.all'],
      [notice({ countyIds: ['beijing' as 'suiping'] }), 'audience.countyIds.0'],
      [notice({ activityStatus: 'waitlisted' }), 'audience.activityId'],
      [notice({ activityId: 'ac1', countyIds: ['suiping'] }), 'audience.activityId'],
      [notice({ graduationYears: [1900] }), 'audience.graduationYears.0'],
      [notice({ all: true }, { sendAt: 'tomorrow' }), 'sendAt'],
      [{ ...notice({ all: true }), link: { kind: 'web', id: 'x' } }, 'link.kind'],
      [notice({ stationIds: ['st-missing'] }), 'audience.stationIds.0'],
      [notice({ fieldIds: ['nope'] }), 'audience.fieldIds.0'],
    ]
    for (const [payload, field] of bad) {
      const error = errorOf(await t.call(STAFF, 'notice.send', payload))
      expect({ field, code: error.code, has: Object.keys(error.fields ?? {}).includes(field) }).toEqual({ field, code: 'INVALID_INPUT', has: true })
    }
    expect(errorOf(await t.call(STAFF, 'notice.preview', {})).code).toBe('INVALID_INPUT')
    expect(errorOf(await t.call(STAFF, 'notice.stats', {})).code).toBe('INVALID_INPUT')
    expect(errorOf(await t.call(STAFF, 'notice.withdraw', { id: 'nt-missing' })).code).toBe('NOT_FOUND')
    expect(errorOf(await t.call(STAFF, 'notice.stats', { id: 'nt-missing' })).code).toBe('NOT_FOUND')
    expect(errorOf(await t.call('a', 'notice.read', { id: '' })).code).toBe('INVALID_INPUT')
    expect(errorOf(await t.call('a', 'notice.read', { id: 'nt-missing' })).code).toBe('NOT_FOUND')
    expect(errorOf(await t.call('a', 'notice.inbox', { cursor: 'garbage' })).code).toBe('INVALID_INPUT')
    expect(errorOf(await t.call('a', 'notice.inbox', { limit: 1000 })).code).toBe('INVALID_INPUT')
  })
})

describe('inbox paging', () => {
  it('pages newest first without repeats', async () => {
    await join('a')
    const ids: string[] = []
    for (let i = 0; i < 7; i += 1) ids.push((await send({ all: true }, STAFF, { title: `通知${i}` })).id)
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = data(await t.call('a', 'notice.inbox', { limit: 3, ...(cursor ? { cursor } : {}) }))
      seen.push(...page.items.map((n) => n.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual([...ids].reverse())
  })
})

describe('subscribe-message pushes', () => {
  /** A sender that records what it sent and, when told, fails (throws) from the Nth call on. */
  function recordingSender(failFrom = Infinity, answer = 0) {
    const sent: string[] = []
    let calls = 0
    const sender: MessageSender & { sent: string[] } = {
      sent,
      async send({ openid }) {
        calls += 1
        if (calls > failFrom) throw new Error('网络中断')
        sent.push(openid)
        return { errcode: answer }
      },
    }
    return sender
  }

  const depsWith = (sender: MessageSender): Deps => ({
    store: t.store,
    clock,
    ...testServices,
    push: { sender, templates: { reminder: null, result: null, notice: 'tpl-notice' } },
  })

  async function subscribers(count: number) {
    const ids = Array.from({ length: count }, (_, i) => `p${String(i).padStart(3, '0')}`)
    for (const openid of ids) {
      await join(openid)
      data(await t.call(openid, 'notice.subscribe'))
    }
    return ids
  }

  it('pushes once to each member who authorised, in batches; none without authorisation', async () => {
    const ids = await subscribers(5)
    await join('silent')
    later(1)
    const sent = await send({ all: true })
    const sender = recordingSender()
    const first = await runNoticePushes(depsWith(sender), { perRun: 3, batch: 2 })
    expect(first.pushed).toBe(3)
    const second = await runNoticePushes(depsWith(sender), { perRun: 3, batch: 2 })
    expect(second.pushed).toBe(2)
    expect((await runNoticePushes(depsWith(sender))).pushed).toBe(0)
    expect([...sender.sent].sort()).toEqual(ids)
    expect(data(await t.call(STAFF, 'notice.stats', { id: sent.id }))).toMatchObject({ recipients: 6, pushed: 5, pushFailures: [] })
    // One authorisation, one message: the next notice finds none left.
    later(1)
    await send({ all: true })
    expect((await runNoticePushes(depsWith(sender))).pushed).toBe(0)
    expect(sender.sent.length).toBe(5)
  })

  it('resumes a run interrupted after N of M and sends each message exactly once', async () => {
    const ids = await subscribers(7)
    later(1)
    const sent = await send({ all: true })
    const broken = recordingSender(3)
    const interrupted = await runNoticePushes(depsWith(broken))
    expect(interrupted).toMatchObject({ pushed: 3, retrying: 1 })
    const healthy = recordingSender()
    const resumed = await runNoticePushes(depsWith(healthy))
    expect(resumed.pushed).toBe(4)
    expect([...broken.sent, ...healthy.sent].sort()).toEqual(ids)
    expect(new Set([...broken.sent, ...healthy.sent]).size).toBe(7)
    expect((await runNoticePushes(depsWith(healthy))).pushed).toBe(0)
    expect(data(await t.call(STAFF, 'notice.stats', { id: sent.id }))).toMatchObject({ pushed: 7, pushFailures: [] })
  })

  it('never resends a push whose run died between the send and its record', async () => {
    await subscribers(3)
    later(1)
    await send({ all: true })
    const sender = recordingSender()
    const deps = depsWith(sender)
    const recordPush = t.store.notices.recordPush.bind(t.store.notices)
    let records = 0
    t.store.notices.recordPush = async (...args) => {
      records += 1
      if (records === 2) throw new Error('函数被终止')
      return recordPush(...args)
    }
    await expect(runNoticePushes(deps)).rejects.toThrow('函数被终止')
    t.store.notices.recordPush = recordPush
    later(10)
    await runNoticePushes(deps)
    await runNoticePushes(deps)
    expect(sender.sent.length).toBe(3)
    expect(new Set(sender.sent).size).toBe(3)
  })

  it('gives up after 3 transient failures and records WeChat errcodes', async () => {
    await subscribers(2)
    later(1)
    const sent = await send({ all: true })
    const busy = recordingSender(Infinity, -1)
    for (let i = 0; i < 5; i += 1) await runNoticePushes(depsWith(busy))
    const refused = recordingSender(Infinity, 43101)
    later(1)
    const second = await send({ all: true })
    for (const openid of ['p000', 'p001']) data(await t.call(openid, 'notice.subscribe'))
    await runNoticePushes(depsWith(refused))
    expect(data(await t.call(STAFF, 'notice.stats', { id: sent.id })).pushFailures).toEqual([{ errcode: -1, count: 2 }])
    expect(data(await t.call(STAFF, 'notice.stats', { id: second.id })).pushFailures).toEqual([{ errcode: 43101, count: 2 }])
  })

  it('starts pushing a scheduled notice only at its time, and not a withdrawn one', async () => {
    await subscribers(2)
    later(1)
    await send({ all: true }, STAFF, { sendAt: '2026-09-03T09:00:00+08:00' })
    const withdrawn = await send({ all: true })
    data(await t.call(STAFF, 'notice.withdraw', { id: withdrawn.id }))
    const sender = recordingSender()
    expect(await runNoticePushes(depsWith(sender))).toMatchObject({ activated: 0, pushed: 0 })
    now = new Date('2026-09-03T09:00:00+08:00')
    expect(await runNoticePushes(depsWith(sender))).toMatchObject({ activated: 1, pushed: 2 })
  })
})
