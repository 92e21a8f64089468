import { randomBytes } from 'node:crypto'
import type { NoticeAudience } from '../../../types'
import type { NoticeReader, NoticeRecord } from '../notice/ports'
import type { MemberRecord } from '../member/ports'
import type { Store } from '../shared/store'
import type { StationRecord } from '../station/ports'
import { sampleMember } from './store-contract'
import { aroundSuite } from './contract-support'

/** What a run wrote, so an adapter-specific cleanup can remove what the ports cannot. */
export interface NoticeWrittenKeys {
  openids: string[]
  noticeIds: string[]
  stationIds: string[]
  requestIds: string[]
}

export type NoticeContractCleanup = (store: Store, written: NoticeWrittenKeys) => Promise<void>

const T0 = Date.parse('2026-11-01T10:00:00.000+08:00')
/** Successive instants in the stores' own format (`+08:00`), so string order is time order. */
const at = (minutes: number) => {
  const d = new Date(T0 + minutes * 60_000 + 8 * 3_600_000)
  return `${d.toISOString().slice(0, 23)}+08:00`
}

const NOBODY: NoticeAudience = {
  all: false,
  stationIds: [],
  countyIds: [],
  fieldIds: [],
  degreeIds: [],
  graduationYears: [],
  activityId: null,
  activityStatus: null,
}

/**
 * The behaviour every adapter of `NoticeStore` must show, through the `Store` ports only. Each
 * run targets its audiences at a field id of its own, so counts hold on a shared real database;
 * station history comes from approved join requests (both adapters keep it there).
 */
export function describeNoticeStoreContract(name: string, open: () => Promise<Store>, cleanup?: NoticeContractCleanup): void {
  describe(`${name} notices contract`, () => {
    const runId = `nt${randomBytes(5).toString('hex')}`
    const field = `${runId}-field`
    const written = { openids: new Set<string>(), noticeIds: new Set<string>(), stationIds: new Set<string>(), requestIds: new Set<string>() }
    let store: Store
    let counter = 0

    aroundSuite(
      open,
      (opened) => {
        store = opened
      },
      {
        written,
        forgetMember: async (store, openid) => {
          await store.notices.forgetMember(openid)
          await store.members.remove(openid)
        },
        cleanup,
      },
    )

    const audience = (overrides: Partial<NoticeAudience> = {}): NoticeAudience => ({ ...NOBODY, fieldIds: [field], ...overrides })

    async function member(label: string, overrides: Partial<MemberRecord> = {}): Promise<MemberRecord> {
      const openid = `${runId}-${label}`
      written.openids.add(openid)
      const record = { ...sampleMember(openid), fields: [field], joinedAt: at(0), ...overrides }
      expect(await store.members.create(record)).toBe(true)
      return record
    }

    const readerOf = (m: MemberRecord): NoticeReader => ({
      openid: m.openid,
      joinedAt: m.joinedAt,
      hometownCounty: m.hometownCounty,
      degree: m.degree,
      graduationYear: m.graduationYear,
      fields: m.fields,
      stationId: m.stationId,
      stationJoinedAt: m.stationJoinedAt,
    })

    function notice(minutes: number, overrides: Partial<NoticeRecord> = {}): NoticeRecord {
      counter += 1
      const id = `${runId}-n${String(counter).padStart(3, '0')}`
      written.noticeIds.add(id)
      return {
        id,
        title: `通知${counter}`,
        body: '正文',
        link: null,
        audience: audience(),
        origin: 'manual',
        senderOpenid: `${runId}-staff`,
        senderRole: 'staff',
        senderLabel: '共青团驻马店市委',
        stationId: null,
        sendAt: at(minutes),
        createdAt: at(minutes),
        recipients: 0,
        withdrawnAt: null,
        ...overrides,
      }
    }

    async function sent(minutes: number, overrides: Partial<NoticeRecord> = {}, frozen: string[] | null = null): Promise<NoticeRecord> {
      const record = notice(minutes, overrides)
      await store.notices.create(record, frozen)
      return record
    }

    /** A station with `openid` in it from `minutes` on (a request approved then). */
    async function stationWith(openid: string, minutes: number): Promise<string> {
      counter += 1
      const id = `${runId}-s${counter}`
      written.stationIds.add(id)
      const station: StationRecord = {
        id,
        name: `${runId}驿站${counter}`,
        university: `${runId}大学${counter}`,
        city: '郑州市',
        intro: '',
        status: 'open',
        headOpenid: null,
        deputyOpenids: [],
        createdAt: at(0),
        updatedAt: at(0),
        closedAt: null,
        isDemo: false,
      }
      expect(await store.stations.create(station)).toBe(true)
      const requestId = `${runId}-r${counter}`
      written.requestIds.add(requestId)
      expect(
        await store.membership.createRequest({
          id: requestId,
          stationId: id,
          openid,
          note: '',
          status: 'pending',
          reason: '',
          createdAt: at(minutes),
          decidedAt: null,
          decidedBy: null,
        }),
      ).toBe(true)
      expect(await store.membership.approveRequest(requestId, 'staff', at(minutes))).toBe('approved')
      return id
    }

    const ids = (items: { id: string }[]) => items.map((n) => n.id)

    it('stores a notice and reads it back as written; null for an unknown id', async () => {
      const record = await sent(1, { link: { kind: 'activity', id: 'a1' }, recipients: 7 })
      expect(await store.notices.get(record.id)).toEqual(record)
      expect(await store.notices.get(`${runId}-missing`)).toBeNull()
    })

    it('lists newest first, by sender, a page at a time', async () => {
      const sender = `${runId}-lister`
      const made = [await sent(2, { senderOpenid: sender }), await sent(3, { senderOpenid: sender }), await sent(4, { senderOpenid: sender })]
      const first = await store.notices.list({ senderOpenid: sender, cursor: null, limit: 2 })
      expect(ids(first.items)).toEqual([made[2]!.id, made[1]!.id])
      expect(first.nextCursor).not.toBeNull()
      const second = await store.notices.list({ senderOpenid: sender, cursor: first.nextCursor, limit: 2 })
      expect(ids(second.items)).toEqual([made[0]!.id])
      expect(second.nextCursor).toBeNull()
    })

    it('filters the list by title: a case-insensitive substring, wildcards and regexp characters taken literally, still paged', async () => {
      const sender = `${runId}-searcher`
      // Sent to an activity nobody registered for: in no reader's inbox, so the inbox cases below are untouched.
      const nobody = { ...NOBODY, activityId: `${runId}-searched`, activityStatus: null }
      const by = (minutes: number, title: string) => sent(minutes, { senderOpenid: sender, title, audience: nobody }, [])
      const exam = await by(5, '期末考试安排 Exam')
      const trip = await by(6, '暑期返乡实践（100%报名）')
      const exam2 = await by(7, '考试座位表 exam.v2')
      await by(8, '驿站例会')
      const titled = async (title: string, limit = 10) => ids((await store.notices.list({ senderOpenid: sender, title, cursor: null, limit })).items)
      expect(await titled('考试')).toEqual([exam2.id, exam.id])
      expect(await titled('EXAM')).toEqual([exam2.id, exam.id])
      expect(await titled('100%')).toEqual([trip.id])
      expect(await titled('%')).toEqual([trip.id])
      expect(await titled('_')).toEqual([])
      expect(await titled('.v2')).toEqual([exam2.id])
      expect(await titled('(.*)')).toEqual([])
      expect(await titled('')).toHaveLength(4)
      const first = await store.notices.list({ senderOpenid: sender, title: '考试', cursor: null, limit: 1 })
      expect(ids(first.items)).toEqual([exam2.id])
      const second = await store.notices.list({ senderOpenid: sender, title: '考试', cursor: first.nextCursor, limit: 1 })
      expect(ids(second.items)).toEqual([exam.id])
      expect(second.nextCursor).toBeNull()
    })

    it('counts the audience a notice holds at a time: joined by then and matching every dimension', async () => {
      await member('count-a', { degree: 'master', hometownCounty: 'suiping' })
      await member('count-b', { degree: 'bachelor', hometownCounty: 'suiping' })
      await member('count-late', { degree: 'master', joinedAt: at(50) })
      expect(await store.notices.countAudience(audience(), at(10))).toBe(2)
      expect(await store.notices.countAudience(audience({ degreeIds: ['master'] }), at(10))).toBe(1)
      expect(await store.notices.countAudience(audience({ degreeIds: ['master'] }), at(60))).toBe(2)
      expect(await store.notices.countAudience(audience({ countyIds: ['queshan'] }), at(60))).toBe(1)
    })

    it("shows a reader the notices whose audience held them, newest first, paged, with read state", async () => {
      const reader = readerOf(await member('reader', { degree: 'master', graduationYear: 2030 }))
      const mine = await sent(5, { audience: audience({ degreeIds: ['master'] }) })
      await sent(6, { audience: audience({ degreeIds: ['doctor'] }) })
      const year = await sent(7, { audience: audience({ graduationYears: [2030] }) })
      const all = await sent(8, { audience: { ...NOBODY, all: true } })
      await sent(9, { audience: audience({ countyIds: ['xincai'] }) })
      const first = await store.notices.inbox(reader, at(100), null, 2)
      expect(ids(first.items)).toEqual([all.id, year.id])
      const rest = await store.notices.inbox(reader, at(100), first.nextCursor, 10)
      expect(ids(rest.items)).toContain(mine.id)
      expect(ids(rest.items)).not.toContain(all.id)
      expect([...first.items, ...rest.items].every((n) => n.read === false)).toBe(true)
      await store.notices.markRead(reader.openid, year.id, at(101))
      await store.notices.markRead(reader.openid, year.id, at(102))
      const again = await store.notices.inbox(reader, at(103), null, 2)
      expect(again.items.map((n) => [n.id, n.read])).toEqual([
        [all.id, false],
        [year.id, true],
      ])
      expect(await store.notices.readCount(year.id)).toBe(1)
      expect(await store.notices.findInInbox(reader, year.id, at(103))).toMatchObject({ id: year.id, title: year.title, read: true })
    })

    it('hides notices sent before the reader joined, scheduled ones until their time, and withdrawn ones', async () => {
      const reader = readerOf(await member('late', { joinedAt: at(20) }))
      const before = await sent(15)
      const after = await sent(25)
      const scheduled = await sent(200, { createdAt: at(25) })
      const inbox = await store.notices.inbox(reader, at(30), null, 50)
      expect(ids(inbox.items)).toContain(after.id)
      expect(ids(inbox.items)).not.toContain(before.id)
      expect(ids(inbox.items)).not.toContain(scheduled.id)
      expect(await store.notices.findInInbox(reader, before.id, at(30))).toBeNull()
      expect(await store.notices.findInInbox(reader, scheduled.id, at(30))).toBeNull()
      expect(await store.notices.findInInbox(reader, scheduled.id, at(201))).toMatchObject({ id: scheduled.id })
      expect(await store.notices.withdraw(after.id, at(31))).toBe(true)
      expect(await store.notices.withdraw(after.id, at(32))).toBe(false)
      expect(await store.notices.findInInbox(reader, after.id, at(33))).toBeNull()
      expect((await store.notices.get(after.id))?.withdrawnAt).toBe(at(31))
    })

    it('counts unread and marks all read once', async () => {
      const reader = readerOf(await member('unread', { graduationYear: 2031 }))
      const year = audience({ graduationYears: [2031] })
      const a = await sent(40, { audience: year })
      await sent(41, { audience: year })
      await sent(42, { audience: year })
      const { items } = await store.notices.inbox(reader, at(50), null, 100)
      const unreadBefore = items.filter((n) => !n.read).length
      expect(await store.notices.unreadCount(reader, at(50))).toBe(unreadBefore)
      await store.notices.markRead(reader.openid, a.id, at(51))
      expect(await store.notices.unreadCount(reader, at(52))).toBe(unreadBefore - 1)
      expect(await store.notices.markAllRead(reader, at(53))).toBe(unreadBefore - 1)
      expect(await store.notices.unreadCount(reader, at(54))).toBe(0)
      expect(await store.notices.markAllRead(reader, at(55))).toBe(0)
    })

    it('reaches station members who were in the station at the send time, not those who joined later', async () => {
      const early = await member('st-early')
      const late = await member('st-late')
      const stationId = await stationWith(early.openid, 60)
      const toStation = await sent(70, { audience: audience({ stationIds: [stationId] }), stationId })
      const requestId = `${runId}-r-late`
      written.requestIds.add(requestId)
      await store.membership.createRequest({ id: requestId, stationId, openid: late.openid, note: '', status: 'pending', reason: '', createdAt: at(80), decidedAt: null, decidedBy: null })
      expect(await store.membership.approveRequest(requestId, 'staff', at(80))).toBe('approved')
      const earlyNow = readerOf((await store.members.get(early.openid))!)
      const lateNow = readerOf((await store.members.get(late.openid))!)
      expect(await store.notices.findInInbox(earlyNow, toStation.id, at(90))).toMatchObject({ id: toStation.id })
      expect(await store.notices.findInInbox(lateNow, toStation.id, at(90))).toBeNull()
      expect(await store.notices.countAudience(audience({ stationIds: [stationId] }), at(75))).toBe(1)
      expect(await store.notices.countAudience(audience({ stationIds: [stationId] }), at(85))).toBe(2)
      // Leaving keeps what was received while in the station.
      expect(await store.membership.detach(early.openid, stationId, at(95))).toBe(true)
      const left = readerOf((await store.members.get(early.openid))!)
      expect(await store.notices.findInInbox(left, toStation.id, at(96))).toMatchObject({ id: toStation.id })
    })

    it("freezes an activity audience's registrants: only they see it, whatever their profile", async () => {
      const frozenIn = readerOf(await member('frozen-in', { fields: ['other'], joinedAt: at(500) }))
      const outside = readerOf(await member('frozen-out'))
      const activityNotice = await sent(110, { audience: { ...NOBODY, activityId: `${runId}-act`, activityStatus: null } }, [frozenIn.openid])
      expect(await store.notices.findInInbox(frozenIn, activityNotice.id, at(600))).toMatchObject({ id: activityNotice.id })
      expect(await store.notices.findInInbox(outside, activityNotice.id, at(600))).toBeNull()
    })

    it('stores an inbox-only notice (push: false) for its frozen list without ever pushing it', async () => {
      const reader = readerOf(await member('inbox-only'))
      await store.messages.grant(reader.openid, 'notice', at(1))
      const record = notice(150, { audience: { ...NOBODY, activityId: `${runId}-survey`, activityStatus: null }, link: { kind: 'survey', id: `${runId}-survey` } })
      await store.notices.create(record, [reader.openid], { push: false })
      expect(await store.notices.findInInbox(reader, record.id, at(151))).toMatchObject({ id: record.id, link: { kind: 'survey', id: `${runId}-survey` }, read: false })
      expect(ids(await store.notices.pushing(1000))).not.toContain(record.id)
      expect(await store.notices.claimPushes(record, 10, at(152), at(140))).toEqual([])
    })

    it('takes scheduled notices when due, once, and sets their recipients and frozen list', async () => {
      const reader = readerOf(await member('due'))
      const scheduled = await sent(300, { createdAt: at(120), audience: { ...NOBODY, activityId: `${runId}-act2`, activityStatus: null } })
      const taken = await store.notices.takeDue(at(299), 100)
      expect(ids(taken)).not.toContain(scheduled.id)
      expect(ids(await store.notices.pushing(1000))).not.toContain(scheduled.id)
      const due = await store.notices.takeDue(at(301), 1000)
      expect(ids(due)).toContain(scheduled.id)
      expect(ids(await store.notices.takeDue(at(302), 1000))).not.toContain(scheduled.id)
      expect(ids(await store.notices.pushing(1000))).toContain(scheduled.id)
      await store.notices.setRecipients(scheduled.id, 1, [reader.openid])
      expect((await store.notices.get(scheduled.id))?.recipients).toBe(1)
      expect(await store.notices.findInInbox(reader, scheduled.id, at(305))).toMatchObject({ id: scheduled.id })
    })

    it('claims pushes for authorised audience members once; sending, outcomes, figures; done when nothing is left', async () => {
      const year = 2040 + Math.floor(Math.random() * 50)
      const a = await member('push-a', { graduationYear: year })
      const b = await member('push-b', { graduationYear: year })
      await member('push-c', { graduationYear: year })
      await store.messages.grant(a.openid, 'notice', at(1))
      await store.messages.grant(b.openid, 'notice', at(1))
      const n = await sent(400, { audience: audience({ graduationYears: [year] }) })
      expect(ids(await store.notices.pushing(1000))).toContain(n.id)
      const claimed = await store.notices.claimPushes(n, 10, at(401), at(390))
      expect([...claimed].sort()).toEqual([a.openid, b.openid].sort())
      // Claimed rows stay pending until marked: a second claim answers them again, never new ones.
      expect([...(await store.notices.claimPushes(n, 10, at(402), at(390)))].sort()).toEqual([a.openid, b.openid].sort())
      expect(await store.notices.markSending(n.id, a.openid, at(403))).toBe(0)
      expect(await store.notices.markSending(n.id, a.openid, at(403))).toBeNull()
      await store.notices.recordPush(n.id, a.openid, { state: 'sent', errcode: 0 }, at(404))
      expect(await store.notices.markSending(n.id, b.openid, at(405))).toBe(0)
      await store.notices.recordPush(n.id, b.openid, { state: 'pending', errcode: -1 }, at(406))
      expect(await store.notices.claimPushes(n, 10, at(407), at(390))).toEqual([b.openid])
      expect(await store.notices.markSending(n.id, b.openid, at(408))).toBe(1)
      await store.notices.recordPush(n.id, b.openid, { state: 'failed', errcode: 43101 }, at(409))
      expect(await store.notices.pushFigures(n.id)).toEqual({ pushed: 1, failures: [{ errcode: 43101, count: 1 }] })
      expect(await store.notices.claimPushes(n, 10, at(410), at(390))).toEqual([])
      expect(ids(await store.notices.pushing(1000))).not.toContain(n.id)
    })

    it('marks a push left sending since before the stale time unknown, never claiming it again', async () => {
      const year = 2100 + Math.floor(Math.random() * 50)
      const a = await member('stale-a', { graduationYear: year })
      await store.messages.grant(a.openid, 'notice', at(1))
      const n = await sent(500, { audience: audience({ graduationYears: [year] }) })
      expect(await store.notices.claimPushes(n, 10, at(501), at(490))).toEqual([a.openid])
      expect(await store.notices.markSending(n.id, a.openid, at(502))).toBe(0)
      // A later run finds it still sending: it may have gone out, so it is never sent again.
      expect(await store.notices.claimPushes(n, 10, at(600), at(550))).toEqual([])
      expect(await store.notices.markSending(n.id, a.openid, at(601))).toBeNull()
      const figures = await store.notices.pushFigures(n.id)
      expect(figures.pushed).toBe(0)
      expect(figures.failures.reduce((sum, f) => sum + f.count, 0)).toBe(1)
    })

    it('withdrawing stops the pushes still to do', async () => {
      const year = 2200 + Math.floor(Math.random() * 50)
      const a = await member('wd-a', { graduationYear: year })
      await store.messages.grant(a.openid, 'notice', at(1))
      const n = await sent(700, { audience: audience({ graduationYears: [year] }) })
      expect(await store.notices.claimPushes(n, 10, at(701), at(690))).toEqual([a.openid])
      expect(await store.notices.withdraw(n.id, at(702))).toBe(true)
      expect(ids(await store.notices.pushing(1000))).not.toContain(n.id)
      expect(await store.notices.markSending(n.id, a.openid, at(703))).toBeNull()
    })

    it("forgets a member's read state and push records", async () => {
      const m = await member('forget', { graduationYear: 2301 })
      await store.messages.grant(m.openid, 'notice', at(1))
      const n = await sent(800, { audience: audience({ graduationYears: [2301] }) })
      await store.notices.markRead(m.openid, n.id, at(801))
      expect(await store.notices.readCount(n.id)).toBe(1)
      expect(await store.notices.claimPushes(n, 10, at(802), at(790))).toEqual([m.openid])
      await store.notices.forgetMember(m.openid)
      expect(await store.notices.readCount(n.id)).toBe(0)
      expect(await store.notices.markSending(n.id, m.openid, at(803))).toBeNull()
    })
  })
}
