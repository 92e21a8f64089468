import { randomBytes } from 'node:crypto'
import type { AuditEntry, Page, RosterFilters } from '../../../types'
import type { MemberRecord } from '../member/ports'
import type { Store } from '../shared/store'
import type { JoinRequestRecord, StationRecord } from '../station/ports'
import { sampleMember } from './store-contract'
import { aroundSuite, everyItem } from './contract-support'

/** What a run wrote, so an adapter-specific cleanup can remove what the ports cannot. */
export interface StationWrittenKeys {
  openids: string[]
  stationIds: string[]
  universities: string[]
  requestIds: string[]
  auditIds: string[]
}

export type StationContractCleanup = (store: Store, written: StationWrittenKeys) => Promise<void>

const T0 = '2026-11-01T01:00:00.000Z'
/** Successive instants, so "newest first" and "oldest first" are well defined. */
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString()

/**
 * The behaviour every adapter of the stations ports (`StationStore`, `MembershipStore`,
 * `AuditStore`) must show, tested through the `Store` ports only. Every key (ids, openids,
 * universities) carries a random run id, so the suite can run against a shared real database
 * next to other runs; members are removed through the ports, the rest by `cleanup`.
 */
export function describeStationStoreContract(name: string, open: () => Promise<Store>, cleanup?: StationContractCleanup): void {
  describe(`${name} stations contract`, () => {
    const runId = `st${randomBytes(5).toString('hex')}`
    const written = { openids: new Set<string>(), stationIds: new Set<string>(), universities: new Set<string>(), requestIds: new Set<string>(), auditIds: new Set<string>() }
    let store: Store
    let counter = 0

    const openidFor = (label: string) => {
      const openid = `${runId}-${label}`
      written.openids.add(openid)
      return openid
    }
    const universityFor = (label: string) => {
      const university = `${runId}大学${label}`
      written.universities.add(university)
      return university
    }

    async function member(label: string, overrides: Partial<MemberRecord> = {}): Promise<string> {
      const openid = openidFor(label)
      expect(await store.members.create({ ...sampleMember(openid), ...overrides })).toBe(true)
      return openid
    }

    function stationRecord(university: string, overrides: Partial<StationRecord> = {}): StationRecord {
      counter += 1
      const id = `${runId}-s${String(counter).padStart(3, '0')}`
      written.stationIds.add(id)
      return {
        id,
        name: `${university}翼展驿站`,
        university,
        city: '郑州市',
        intro: '',
        status: 'open',
        headOpenid: null,
        deputyOpenids: [],
        createdAt: T0,
        updatedAt: T0,
        closedAt: null,
        isDemo: false,
        ...overrides,
      }
    }

    async function station(label: string, overrides: Partial<StationRecord> = {}): Promise<string> {
      const record = stationRecord(universityFor(label), overrides)
      expect(await store.stations.create(record)).toBe(true)
      return record.id
    }

    function requestRecord(stationId: string, openid: string, minutes = 0): JoinRequestRecord {
      counter += 1
      const id = `${runId}-r${String(counter).padStart(3, '0')}`
      written.requestIds.add(id)
      return { id, stationId, openid, note: '你好', status: 'pending', reason: '', createdAt: at(minutes), decidedAt: null, decidedBy: null }
    }

    async function request(stationId: string, openid: string, minutes = 0): Promise<string> {
      const record = requestRecord(stationId, openid, minutes)
      expect(await store.membership.createRequest(record)).toBe(true)
      return record.id
    }

    /** A member of the station, through a request and its approval. */
    async function joined(stationId: string, label: string, minutes = 0, overrides: Partial<MemberRecord> = {}): Promise<string> {
      const openid = await member(label, overrides)
      const id = await request(stationId, openid, minutes)
      expect(await store.membership.approveRequest(id, 'staff', at(minutes))).toBe('approved')
      return openid
    }

    /** Every item of a paged read; these runs' lists are short, so 50 pages mean the cursor loops. */
    const everyStationItem = <T>(read: (cursor: string | null) => Promise<Page<T>>) => everyItem(read, 50)

    aroundSuite(
      open,
      (opened) => {
        store = opened
      },
      {
        written,
        forgetMember: async (store, openid) => {
          await store.membership.forgetMember(openid)
          await store.members.remove(openid)
        },
        cleanup,
      },
    )

    describe('stations', () => {
      it('creates a station and reads it back with no head and no members', async () => {
        const record = stationRecord(universityFor('create'), { intro: '欢迎' })
        expect(await store.stations.create(record)).toBe(true)
        expect(await store.stations.get(record.id)).toEqual({ ...record, headName: null, memberCount: 0 })
        expect((await store.stations.findOpenByUniversity(record.university))?.id).toBe(record.id)
      })

      it('keeps one open station per university, and allows a new one once the first is closed', async () => {
        const university = universityFor('dup')
        const first = stationRecord(university)
        expect(await store.stations.create(first)).toBe(true)
        expect(await store.stations.create(stationRecord(university))).toBe(false)
        expect(await store.stations.close(first.id, '合并', at(1))).toBe(true)
        const second = stationRecord(university)
        expect(await store.stations.create(second)).toBe(true)
        expect((await store.stations.findOpenByUniversity(university))?.id).toBe(second.id)
      })

      it('answers null for an unknown station', async () => {
        expect(await store.stations.get(`${runId}-missing`)).toBeNull()
      })

      it('shows the head name and the member count', async () => {
        const id = await station('get')
        const head = await joined(id, 'get-head', 1, { name: '王站长' })
        await joined(id, 'get-m', 2)
        expect(await store.stations.appointLeader(id, head, 'head', at(3))).toBe('ok')
        const got = await store.stations.get(id)
        expect(got).toMatchObject({ headOpenid: head, headName: '王站长', memberCount: 2, deputyOpenids: [] })
      })

      it('updates the named changes, keeps the name when it is empty, and refuses a taken university', async () => {
        const id = await station('upd')
        const other = universityFor('upd-other')
        await store.stations.create(stationRecord(other))
        const updated = await store.stations.update(id, { city: '北京', intro: '新简介', name: '' }, at(5))
        expect(updated).toMatchObject({ id, city: '北京', intro: '新简介', name: `${universityFor('upd')}翼展驿站`, updatedAt: at(5) })
        expect(await store.stations.update(id, { university: other }, at(6))).toBe('conflict')
        expect((await store.stations.get(id))?.university).toBe(universityFor('upd'))
        const moved = universityFor('upd-moved')
        expect(await store.stations.update(id, { university: moved }, at(7))).toMatchObject({ university: moved })
        // The old university is free again, the new one is taken.
        expect(await store.stations.create(stationRecord(universityFor('upd')))).toBe(true)
        expect(await store.stations.create(stationRecord(moved))).toBe(false)
        expect(await store.stations.update(`${runId}-missing`, { city: '上海' }, at(8))).toBeNull()
      })

      it('closes: pending requests rejected with the reason, members detached as students, leaders cleared', async () => {
        const id = await station('close')
        const head = await joined(id, 'close-head', 1)
        const deputy = await joined(id, 'close-deputy', 2)
        expect(await store.stations.appointLeader(id, head, 'head', at(3))).toBe('ok')
        expect(await store.stations.appointLeader(id, deputy, 'deputy', at(3))).toBe('ok')
        const asker = await member('close-asker')
        const pending = await request(id, asker, 4)

        expect(await store.stations.close(id, '学校合并', at(10))).toBe(true)
        expect(await store.stations.close(id, '再次', at(11))).toBe(false)

        expect(await store.stations.get(id)).toMatchObject({ status: 'closed', closedAt: at(10), headOpenid: null, deputyOpenids: [], memberCount: 0 })
        expect(await store.membership.getRequest(pending)).toMatchObject({ status: 'rejected', reason: '学校合并', decidedAt: at(10) })
        for (const openid of [head, deputy]) {
          expect(await store.members.get(openid)).toMatchObject({ stationId: null, stationJoinedAt: null, role: 'student' })
        }
        // The asker may ask elsewhere now: the rejected request no longer counts as pending.
        const elsewhere = await station('close-elsewhere')
        expect(await store.membership.createRequest(requestRecord(elsewhere, asker, 12))).toBe(true)
      })

      it('lists by university and id, searches university, city and name, and hides closed ones unless asked', async () => {
        const a = await station('list-a', { city: `${runId}洛阳` })
        const b = await station('list-b')
        const c = await station('list-c')
        expect(await store.stations.close(c, '', at(1))).toBe(true)
        const list = (q: string, includeClosed = false) =>
          store.stations.list({ q, includeClosed, cursor: null, limit: 50 }).then((p) => p.items.map((s) => s.id))

        expect(await list(`${runId}大学list`)).toEqual([a, b])
        expect(await list(`${runId}大学list`, true)).toEqual([a, b, c])
        expect(await list(`${runId}洛阳`)).toEqual([a])
        expect(await list(`${runId}大学list-b翼展`)).toEqual([b])
        const [summary] = (await store.stations.list({ q: `${runId}大学list-a`, includeClosed: false, cursor: null, limit: 5 })).items
        expect(summary).toMatchObject({ id: a, memberCount: 0, pendingCount: 0, headName: null })
      })

      it('also finds the stations of the universities a search stands for, and only open ones', async () => {
        // Universities whose names the search text itself does not contain.
        const named = await station('named')
        const other = await station('named-other')
        const closed = await station('named-closed')
        expect(await store.stations.close(closed, '', at(1))).toBe(true)
        const list = (universities: string[]) =>
          store.stations.list({ q: '郑大', universities, includeClosed: false, cursor: null, limit: 50 }).then((p) => p.items.map((s) => s.id))
        expect(await list([universityFor('named')])).toEqual([named])
        expect(await list([universityFor('named'), universityFor('named-other'), universityFor('named-closed')])).toEqual([named, other])
        expect(await list([])).toEqual([])
      })

      it('paginates the list with a cursor that reaches every station exactly once', async () => {
        const ids: string[] = []
        for (const label of ['pg-e', 'pg-a', 'pg-d', 'pg-b', 'pg-c']) ids.push(await station(label))
        const expected = [ids[1], ids[3], ids[4], ids[2], ids[0]]
        const seen = await everyStationItem((cursor) => store.stations.list({ q: `${runId}大学pg`, includeClosed: true, cursor, limit: 2 }))
        expect(seen.map((s) => s.id)).toEqual(expected)
      })

      it('counts pending requests in the list', async () => {
        const id = await station('lp-station')
        await request(id, await member('lp-1'), 1)
        await request(id, await member('lp-2'), 2)
        const page = await store.stations.list({ q: `${runId}大学lp-station`, includeClosed: false, cursor: null, limit: 5 })
        expect(page.items[0]).toMatchObject({ id, pendingCount: 2, memberCount: 0 })
      })
    })

    describe('join requests', () => {
      it('creates one pending request per member; the latest is readable with the station name', async () => {
        const id = await station('req')
        const openid = await member('req-m')
        const first = requestRecord(id, openid, 1)
        expect(await store.membership.createRequest(first)).toBe(true)
        expect(await store.membership.createRequest(requestRecord(id, openid, 2))).toBe(false)
        const { decidedBy: _by, ...request } = first
        expect(await store.membership.latestRequest(openid)).toEqual({ ...request, stationName: `${universityFor('req')}翼展驿站` })
        expect(await store.membership.getRequest(first.id)).toEqual(await store.membership.latestRequest(openid))
        expect(await store.membership.latestRequest(openidFor('nobody'))).toBeNull()
      })

      it('cancels only by the member who asked, and only while pending; then a new request is allowed', async () => {
        const id = await station('cancel')
        const openid = await member('cancel-m')
        const requestId = await request(id, openid, 1)
        expect(await store.membership.cancelRequest(requestId, openidFor('cancel-other'), at(2))).toBe(false)
        expect(await store.membership.cancelRequest(requestId, openid, at(2))).toBe(true)
        expect(await store.membership.cancelRequest(requestId, openid, at(3))).toBe(false)
        expect(await store.membership.getRequest(requestId)).toMatchObject({ status: 'cancelled', decidedAt: at(2) })
        const again = await request(id, openid, 4)
        expect((await store.membership.latestRequest(openid))?.id).toBe(again)
      })

      it('approves once: the member joins with the join time; a second approval is not_pending', async () => {
        const id = await station('approve')
        const openid = await member('approve-m')
        const requestId = await request(id, openid, 1)
        expect(await store.membership.approveRequest(requestId, 'head-x', at(5))).toBe('approved')
        expect(await store.membership.approveRequest(requestId, 'head-y', at(6))).toBe('not_pending')
        expect(await store.members.get(openid)).toMatchObject({ stationId: id, stationJoinedAt: at(5), role: 'student' })
        expect(await store.membership.getRequest(requestId)).toMatchObject({ status: 'approved', decidedAt: at(5) })
        expect(await store.stations.get(id)).toMatchObject({ memberCount: 1 })
      })

      it('refuses to approve a member who is in another station, and leaves the request pending', async () => {
        const a = await station('other-a')
        const b = await station('other-b')
        const openid = await joined(a, 'other-m', 1)
        const requestId = await request(b, openid, 2)
        expect(await store.membership.approveRequest(requestId, 'staff', at(3))).toBe('in_other_station')
        expect(await store.membership.getRequest(requestId)).toMatchObject({ status: 'pending' })
        expect(await store.members.get(openid)).toMatchObject({ stationId: a })
      })

      it('rejects with the reason, once', async () => {
        const id = await station('reject')
        const openid = await member('reject-m')
        const requestId = await request(id, openid, 1)
        expect(await store.membership.rejectRequest(requestId, '请补充信息', 'head', at(2))).toBe(true)
        expect(await store.membership.rejectRequest(requestId, '再次', 'head', at(3))).toBe(false)
        expect(await store.membership.approveRequest(requestId, 'head', at(4))).toBe('not_pending')
        expect(await store.membership.getRequest(requestId)).toMatchObject({ status: 'rejected', reason: '请补充信息', decidedAt: at(2) })
        expect(await store.members.get(openid)).toMatchObject({ stationId: null })
      })

      it('lists pending requests oldest first with the member, a page at a time', async () => {
        const id = await station('pending')
        const m3 = await member('pending-3', { name: '丙' })
        const m1 = await member('pending-1', { name: '甲' })
        const m2 = await member('pending-2', { name: '乙' })
        const r3 = await request(id, m3, 30)
        const r1 = await request(id, m1, 10)
        const r2 = await request(id, m2, 20)
        const decided = await request(id, await member('pending-x'), 5)
        await store.membership.rejectRequest(decided, '不符合', 'head', at(40))

        const first = await store.membership.pendingRequests(id, null, 2)
        expect(first.items.map((r) => r.id)).toEqual([r1, r2])
        expect(first.items[0]).toMatchObject({ openid: m1, status: 'pending', decidedBy: null, member: { openid: m1, name: '甲' } })
        expect(first.nextCursor).not.toBeNull()
        const second = await store.membership.pendingRequests(id, first.nextCursor, 2)
        expect(second.items.map((r) => r.id)).toEqual([r3])
        expect(second.nextCursor).toBeNull()
      })
    })

    describe('leaders', () => {
      it('appoints a head; a new head demotes the old one to student; deputies too', async () => {
        const id = await station('lead')
        const first = await joined(id, 'lead-1', 1)
        const second = await joined(id, 'lead-2', 2)
        const deputy = await joined(id, 'lead-d', 3)
        expect(await store.stations.appointLeader(id, first, 'head', at(4))).toBe('ok')
        expect(await store.members.get(first)).toMatchObject({ role: 'station_head' })
        expect(await store.stations.appointLeader(id, second, 'head', at(5))).toBe('ok')
        expect(await store.members.get(first)).toMatchObject({ role: 'student', stationId: id })
        expect(await store.members.get(second)).toMatchObject({ role: 'station_head' })
        expect(await store.stations.appointLeader(id, deputy, 'deputy', at(6))).toBe('ok')
        expect(await store.members.get(deputy)).toMatchObject({ role: 'station_head' })
        expect(await store.stations.get(id)).toMatchObject({ headOpenid: second, deputyOpenids: [deputy] })
      })

      it('moves the head to deputy when appointed as deputy', async () => {
        const id = await station('lead-move')
        const head = await joined(id, 'move-h', 1)
        expect(await store.stations.appointLeader(id, head, 'head', at(2))).toBe('ok')
        expect(await store.stations.appointLeader(id, head, 'deputy', at(3))).toBe('ok')
        expect(await store.stations.get(id)).toMatchObject({ headOpenid: null, deputyOpenids: [head] })
        expect(await store.members.get(head)).toMatchObject({ role: 'station_head' })
      })

      it('answers not_member, not_found and closed', async () => {
        const id = await station('lead-no')
        const outsider = await member('lead-outsider')
        expect(await store.stations.appointLeader(id, outsider, 'head', at(1))).toBe('not_member')
        expect(await store.stations.appointLeader(id, openidFor('lead-ghost'), 'head', at(1))).toBe('not_member')
        expect(await store.stations.appointLeader(`${runId}-missing`, outsider, 'head', at(1))).toBe('not_found')
        const closed = await station('lead-closed')
        const inside = await joined(closed, 'lead-closed-m', 1)
        await store.stations.close(closed, '', at(2))
        expect(await store.stations.appointLeader(closed, inside, 'head', at(3))).toBe('closed')
        expect(await store.members.get(outsider)).toMatchObject({ role: 'student' })
      })

      it('removes a head or deputy: role student, reference gone; false for someone who is neither', async () => {
        const id = await station('unlead')
        const head = await joined(id, 'unlead-h', 1)
        const deputy = await joined(id, 'unlead-d', 2)
        await store.stations.appointLeader(id, head, 'head', at(3))
        await store.stations.appointLeader(id, deputy, 'deputy', at(3))
        expect(await store.stations.removeLeader(id, deputy, at(4))).toBe(true)
        expect(await store.stations.removeLeader(id, deputy, at(5))).toBe(false)
        expect(await store.members.get(deputy)).toMatchObject({ role: 'student', stationId: id })
        expect(await store.stations.removeLeader(id, head, at(6))).toBe(true)
        expect(await store.stations.get(id)).toMatchObject({ headOpenid: null, headName: null, deputyOpenids: [] })
        expect(await store.members.get(head)).toMatchObject({ role: 'student' })
      })

      it('detaches a member; a leader loses the role and the reference; false when not a member', async () => {
        const id = await station('detach')
        const head = await joined(id, 'detach-h', 1)
        const plain = await joined(id, 'detach-m', 2)
        await store.stations.appointLeader(id, head, 'head', at(3))
        expect(await store.membership.detach(head, id, at(4))).toBe(true)
        expect(await store.members.get(head)).toMatchObject({ stationId: null, stationJoinedAt: null, role: 'student' })
        expect(await store.stations.get(id)).toMatchObject({ headOpenid: null, memberCount: 1 })
        expect(await store.membership.detach(head, id, at(5))).toBe(false)
        expect(await store.membership.detach(plain, `${runId}-elsewhere`, at(5))).toBe(false)
        expect(await store.members.get(plain)).toMatchObject({ stationId: id })
      })
    })

    describe('roster and figures', () => {
      it('filters by q (name, major), degree, graduation year, county and field, newest first', async () => {
        const id = await station('roster')
        const a = await joined(id, 'ro-a', 1, { name: '李雷', major: '软件工程', degree: 'bachelor', graduationYear: 2027, hometownCounty: 'queshan', fields: ['electronics'] })
        const b = await joined(id, 'ro-b', 2, { name: '韩梅梅', major: '材料科学', degree: 'master', graduationYear: 2026, hometownCounty: 'biyang', fields: ['materials'] })
        const c = await joined(id, 'ro-c', 3, { name: '李华', major: '食品工程', degree: 'master', graduationYear: 2027, hometownCounty: 'queshan', fields: ['food', 'materials'] })
        const ids = (filters: Partial<RosterFilters>) =>
          store.membership.roster(id, { q: '', ...filters }, null, 50).then((p) => p.items.map((m) => m.openid))

        expect(await ids({})).toEqual([c, b, a])
        expect(await ids({ q: '李' })).toEqual([c, a])
        expect(await ids({ q: '材料' })).toEqual([b])
        expect(await ids({ degree: 'master' })).toEqual([c, b])
        expect(await ids({ graduationYear: 2027 })).toEqual([c, a])
        expect(await ids({ county: 'biyang' })).toEqual([b])
        expect(await ids({ field: 'materials' })).toEqual([c, b])
        expect(await ids({ degree: 'master', county: 'queshan', field: 'food' })).toEqual([c])
        expect(await ids({ q: '没有这个人' })).toEqual([])
      })

      it('paginates the roster exactly once over every member', async () => {
        const id = await station('roster-page')
        const openids: string[] = []
        for (let i = 0; i < 5; i += 1) openids.push(await joined(id, `rp-${i}`, i))
        const seen = await everyStationItem((cursor) => store.membership.roster(id, { q: '' }, cursor, 2))
        expect(seen.map((m) => m.openid)).toEqual([...openids].reverse())
      })

      it('counts members, those who joined since the month start, and pending requests', async () => {
        const id = await station('figures')
        await joined(id, 'fig-old', -60 * 24 * 3)
        await joined(id, 'fig-new-1', 60)
        await joined(id, 'fig-new-2', 120)
        await request(id, await member('fig-pending'), 130)
        expect(await store.stations.figures(id, T0)).toEqual({ members: 3, joinedThisMonth: 2, pendingRequests: 1 })
        expect(await store.stations.figures(`${runId}-missing`, T0)).toEqual({ members: 0, joinedThisMonth: 0, pendingRequests: 0 })
      })
    })

    describe('invites and forgetting', () => {
      it('keeps the invite image of a station', async () => {
        const id = await station('invite')
        expect(await store.stations.getInvite(id)).toBeNull()
        await store.stations.saveInvite(id, 'cloud://env/invites/x.png')
        expect(await store.stations.getInvite(id)).toBe('cloud://env/invites/x.png')
      })

      it('forgets a member: their requests and leader references go', async () => {
        const id = await station('forget')
        const head = await joined(id, 'forget-h', 1)
        await store.stations.appointLeader(id, head, 'head', at(2))
        const other = await station('forget-other')
        const pending = await request(other, head, 3)
        await store.membership.forgetMember(head)
        expect(await store.membership.latestRequest(head)).toBeNull()
        expect(await store.membership.getRequest(pending)).toBeNull()
        expect(await store.stations.get(id)).toMatchObject({ headOpenid: null, deputyOpenids: [] })
        expect(await store.stations.get(other)).toMatchObject({ memberCount: 0 })
        expect((await store.stations.list({ q: `${runId}大学forget-other`, includeClosed: false, cursor: null, limit: 5 })).items[0]).toMatchObject({ pendingCount: 0 })
      })
    })

    describe('audit log', () => {
      const entry = (n: number, overrides: Partial<AuditEntry> = {}): AuditEntry => {
        const id = `${runId}-a${String(n).padStart(2, '0')}`
        written.auditIds.add(id)
        return {
          id,
          at: `2026-11-${String(n).padStart(2, '0')}T10:00:00.000+08:00`,
          actorOpenid: `${runId}-actor`,
          actorRole: 'staff',
          action: 'station.create',
          stationId: `${runId}-audit-s`,
          subjectOpenid: null,
          summary: `第${n}条`,
          ...overrides,
        }
      }

      it('names each actor once, most recently active first, with the role of their latest entry', async () => {
        for (const e of [
          entry(11, { actorOpenid: `${runId}-actors-a`, actorRole: 'student', stationId: null }),
          entry(13, { actorOpenid: `${runId}-actors-b`, stationId: null }),
          entry(12, { actorOpenid: `${runId}-actors-a`, actorRole: 'station_head', stationId: null }),
        ]) {
          await store.audit.append(e)
        }
        const ours = (await store.audit.actors(100)).filter((a) => a.openid.startsWith(`${runId}-actors-`))
        expect(ours).toEqual([
          { openid: `${runId}-actors-b`, role: 'staff', lastAt: '2026-11-13T10:00:00.000+08:00' },
          { openid: `${runId}-actors-a`, role: 'station_head', lastAt: '2026-11-12T10:00:00.000+08:00' },
        ])
      })

      it('appends entries and lists them newest first, filtered by actor, station and dates, a page at a time', async () => {
        const e1 = entry(1)
        const e2 = entry(2, { actorOpenid: `${runId}-other`, subjectOpenid: `${runId}-subject` })
        const e3 = entry(3, { stationId: null })
        const e4 = entry(4)
        for (const e of [e3, e1, e4, e2]) await store.audit.append(e)
        const list = (q: Partial<{ actor: string; stationId: string; from: string | null; to: string | null }>) =>
          store.audit.list({ actor: '', stationId: '', from: null, to: null, cursor: null, limit: 50, ...q }).then((p) => p.items)

        expect(await list({ actor: `${runId}-actor` })).toEqual([e4, e3, e1])
        expect(await list({ actor: `${runId}-other` })).toEqual([e2])
        expect(await list({ stationId: `${runId}-audit-s` })).toEqual([e4, e2, e1])
        expect(await list({ actor: `${runId}-actor`, from: '2026-11-02', to: '2026-11-04' })).toEqual([e3])
        expect(await list({ actor: `${runId}-actor`, from: '2026-11-03T00:00:00.000+08:00' })).toEqual([e4, e3])

        const seen = await everyStationItem((cursor) =>
          store.audit.list({ actor: '', stationId: `${runId}-audit-s`, from: null, to: null, cursor, limit: 1 }),
        )
        expect(seen).toEqual([e4, e2, e1])
      })
    })
  })
}
