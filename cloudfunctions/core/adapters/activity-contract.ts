import { randomBytes } from 'node:crypto'
import type { Activity, Registration } from '../../../types'
import type { ActivityListQuery } from '../activity/ports'
import { toIsoString } from '../shared/clock'
import type { MemberRecord } from '../member/ports'
import type { Store } from '../shared/store'
import { sampleMember } from './store-contract'
import { aroundSuite, everyItem } from './contract-support'

/** What a run wrote, so an adapter-specific cleanup can remove what the ports cannot. */
export interface ActivityWrittenKeys {
  openids: string[]
  activityIds: string[]
  rateLimitKeys: string[]
}

export type ActivityContractCleanup = (store: Store, written: ActivityWrittenKeys) => Promise<void>

const T0 = Date.parse('2027-03-01T09:00:00.000+08:00')
/** Successive instants in the product's format (+08:00), so string order is time order. */
const at = (minutes: number) => toIsoString(new Date(T0 + minutes * 60_000))
const DAY = 24 * 60

/**
 * The behaviour every adapter of the activities ports (`ActivityStore`, `RegistrationStore`,
 * `MessageStore`, `RateLimiter`) must show, through the `Store` ports only. Every key carries a
 * random run id, and lists are scoped to this run's (made-up) station ids, so the suite can run
 * against a shared real database; members, registrations and messages are removed through the
 * ports, activities and rate-limit counters by `cleanup`.
 */
export function describeActivityStoreContract(name: string, open: () => Promise<Store>, cleanup?: ActivityContractCleanup): void {
  describe(`${name} activities contract`, () => {
    const runId = `ac${randomBytes(5).toString('hex')}`
    const written = { openids: new Set<string>(), activityIds: new Set<string>(), rateLimitKeys: new Set<string>() }
    let store: Store
    let counter = 0

    const openidFor = (label: string) => {
      const openid = `${runId}-${label}`
      written.openids.add(openid)
      return openid
    }
    const stationFor = (label: string) => `${runId}-st-${label}`

    async function member(label: string, overrides: Partial<MemberRecord> = {}): Promise<string> {
      const openid = openidFor(label)
      expect(await store.members.create({ ...sampleMember(openid), ...overrides })).toBe(true)
      return openid
    }

    async function members(prefix: string, n: number): Promise<string[]> {
      const openids: string[] = []
      for (let i = 0; i < n; i += 1) openids.push(await member(`${prefix}${String(i).padStart(3, '0')}`))
      return openids
    }

    function activityRecord(overrides: Partial<Activity> = {}): Activity {
      counter += 1
      const id = `${runId}-a${String(counter).padStart(3, '0')}`
      written.activityIds.add(id)
      return {
        id,
        type: 'lab_visit',
        title: `走进重点实验室 ${counter}`,
        description: '参观驻马店市重点实验室',
        hostOrg: '驻马店市科技局',
        place: '驻马店市驿城区',
        startAt: at(10 * DAY),
        endAt: at(10 * DAY + 120),
        signUpOpenAt: at(0),
        signUpCloseAt: at(9 * DAY),
        capacity: 10,
        waitlist: true,
        eligibility: { degrees: [], counties: [], fields: [], stationIds: [] },
        form: [],
        coverImage: null,
        checkInHelpers: [],
        status: 'published',
        cancelReason: '',
        stationId: stationFor('main'),
        platformId: null,
        openToPublic: false,
        publicCount: 0,
        createdBy: 'staff-1',
        registeredCount: 0,
        waitlistCount: 0,
        createdAt: at(-DAY),
        updatedAt: at(-DAY),
        publishedAt: at(-DAY),
        ...overrides,
      }
    }

    async function activity(overrides: Partial<Activity> = {}): Promise<Activity> {
      const record = activityRecord(overrides)
      await store.activities.create(record)
      return record
    }

    async function counts(id: string) {
      const a = await store.activities.get(id)
      return { registered: a?.registeredCount, waitlisted: a?.waitlistCount }
    }

    const signUp = (activityId: string, openid: string, minutes = 0, answers: Registration['answers'] = {}) =>
      store.registrations.signUp({ activityId, openid, answers, at: at(minutes) })

    const statusOf = async (activityId: string, openid: string) => (await store.registrations.get(activityId, openid))?.status

    aroundSuite(
      open,
      (opened) => {
        store = opened
      },
      {
        written,
        forgetMember: async (store, openid) => {
          await store.registrations.forgetMember(openid, at(0))
          await store.messages.forgetMember(openid)
          await store.members.remove(openid)
        },
        cleanup,
      },
    )

    describe('activities', () => {
      it('creates and reads an activity back as it was written', async () => {
        const record = await activity({
          form: [{ id: 'school', label: '学校', kind: 'text', required: true }],
          eligibility: { degrees: ['master'], counties: ['queshan'], fields: ['electronics'], stationIds: [] },
          checkInHelpers: ['helper-1'],
          coverImage: '/uploads/cover.png',
        })
        expect(await store.activities.get(record.id)).toEqual(record)
        expect(await store.activities.get(`${runId}-missing`)).toBeNull()
      })

      it('updates the given properties and the time, never the counts; null for an unknown id', async () => {
        const record = await activity()
        const updated = await store.activities.update(record.id, { title: '新标题', capacity: 20, waitlist: false }, at(5))
        expect(updated).toEqual({ ...record, title: '新标题', capacity: 20, waitlist: false, updatedAt: at(5) })
        expect(await store.activities.get(record.id)).toEqual(updated)
        expect(await store.activities.update(`${runId}-missing`, { title: 'x' }, at(5))).toBeNull()
      })

      it('transitions only from the given statuses', async () => {
        const record = await activity({ status: 'draft', publishedAt: null })
        expect(await store.activities.transition(record.id, ['published'], 'closed', at(1))).toBe(false)
        expect(await store.activities.transition(record.id, ['draft'], 'published', at(2), { publishedAt: at(2) })).toBe(true)
        expect(await store.activities.transition(record.id, ['draft'], 'published', at(3), { publishedAt: at(3) })).toBe(false)
        expect(await store.activities.get(record.id)).toMatchObject({ status: 'published', publishedAt: at(2), updatedAt: at(2) })
        expect(await store.activities.transition(record.id, ['published', 'closed'], 'cancelled', at(4), { cancelReason: '天气' })).toBe(true)
        expect(await store.activities.get(record.id)).toMatchObject({ status: 'cancelled', cancelReason: '天气', publishedAt: at(2) })
        expect(await store.activities.transition(`${runId}-missing`, ['draft'], 'published', at(4))).toBe(false)
      })
    })

    describe('activity lists', () => {
      const now = at(5 * DAY)
      const scope = () => ({ stationIds: [stationFor('list')], includeGeneral: false })
      const query = (overrides: Partial<ActivityListQuery> = {}): ActivityListQuery => ({
        type: null,
        phase: null,
        now,
        statuses: ['published', 'closed'],
        text: null,
        stationScope: scope(),
        eligibleFor: null,
        cursor: null,
        limit: 50,
        ...overrides,
      })
      const ids = async (q: Partial<ActivityListQuery>) => (await store.activities.list(query(q))).items.map((a) => a.id)
      const all = async (q: Partial<ActivityListQuery>) =>
        (await everyItem((cursor) => store.activities.list(query({ ...q, cursor })))).map((a) => a.id)

      let open: Activity
      let upcomingClosed: Activity
      let ended: Activity
      let endedEarlier: Activity
      let draft: Activity
      let competition: Activity
      let masters: Activity
      let county: Activity
      let fields: Activity
      let station: Activity
      let otherStation: Activity

      beforeAll(async () => {
        const s = stationFor('list')
        // Open for sign-up now (opened at 0, closes at 9 days, starts at 10 days).
        open = await activity({ stationId: s, startAt: at(10 * DAY), endAt: at(10 * DAY + 60) })
        upcomingClosed = await activity({ stationId: s, status: 'closed', startAt: at(11 * DAY), endAt: at(11 * DAY + 60), signUpCloseAt: at(4 * DAY) })
        ended = await activity({ stationId: s, startAt: at(2 * DAY), endAt: at(2 * DAY + 60), signUpCloseAt: at(DAY) })
        endedEarlier = await activity({ stationId: s, status: 'closed', startAt: at(DAY + 60), endAt: at(DAY + 120), signUpCloseAt: at(DAY) })
        draft = await activity({ stationId: s, status: 'draft', publishedAt: null, startAt: at(12 * DAY) })
        competition = await activity({ stationId: s, type: 'competition', startAt: at(13 * DAY), endAt: at(13 * DAY + 60) })
        masters = await activity({ stationId: s, startAt: at(14 * DAY), eligibility: { degrees: ['master', 'doctor'], counties: [], fields: [], stationIds: [] } })
        county = await activity({ stationId: s, startAt: at(15 * DAY), eligibility: { degrees: [], counties: ['queshan', 'biyang'], fields: [], stationIds: [] } })
        fields = await activity({ stationId: s, startAt: at(16 * DAY), eligibility: { degrees: [], counties: [], fields: ['energy', 'materials'], stationIds: [] } })
        station = await activity({ stationId: s, startAt: at(17 * DAY), eligibility: { degrees: [], counties: [], fields: [], stationIds: [stationFor('x')] } })
        otherStation = await activity({ stationId: stationFor('other'), startAt: at(18 * DAY) })
      })

      it('lists the scoped statuses soonest first, and by type', async () => {
        expect(await ids({})).toEqual([endedEarlier, ended, open, upcomingClosed, competition, masters, county, fields, station].map((a) => a.id))
        expect(await ids({ statuses: ['draft'] })).toEqual([draft.id])
        expect(await ids({ type: 'competition' })).toEqual([competition.id])
      })

      it('filters by phase relative to now: open, upcoming, ended (newest start first)', async () => {
        expect(await ids({ phase: 'open' })).toEqual([open, competition, masters, county, fields, station].map((a) => a.id))
        expect(await ids({ phase: 'upcoming' })).toEqual([open, upcomingClosed, competition, masters, county, fields, station].map((a) => a.id))
        expect(await ids({ phase: 'ended' })).toEqual([ended.id, endedEarlier.id])
        expect(await ids({ phase: 'current' })).toEqual([open, upcomingClosed, competition, masters, county, fields, station].map((a) => a.id))
      })

      it('scopes to stations, with or without the activities open to everyone', async () => {
        expect(await ids({ stationScope: { stationIds: [stationFor('other')], includeGeneral: false } })).toEqual([otherStation.id])
        const general = await activity({ stationId: null, type: 'science_outreach', startAt: at(19 * DAY) })
        const withGeneral = await all({ type: 'science_outreach', stationScope: { stationIds: [stationFor('other')], includeGeneral: true } })
        expect(withGeneral).toContain(general.id)
        const withoutGeneral = await all({ type: 'science_outreach', stationScope: { stationIds: [stationFor('other')], includeGeneral: false } })
        expect(withoutGeneral).not.toContain(general.id)
        const unscoped = await all({ type: 'science_outreach', stationScope: null })
        expect(unscoped).toContain(general.id)
      })

      it('keeps only what a profile may join: an empty eligibility list means everyone', async () => {
        const everyone = [endedEarlier, ended, open, upcomingClosed, competition]
        const bachelor = { degree: 'bachelor', county: 'xiping', fields: ['electronics'], stationId: null }
        expect(await ids({ eligibleFor: bachelor })).toEqual(everyone.map((a) => a.id))
        const matchesAll = { degree: 'master', county: 'biyang', fields: ['textiles', 'energy'], stationId: stationFor('x') }
        expect(await ids({ eligibleFor: matchesAll })).toEqual([...everyone, masters, county, fields, station].map((a) => a.id))
        const someFields = { degree: 'doctor', county: 'xiping', fields: ['materials'], stationId: stationFor('y') }
        expect(await ids({ eligibleFor: someFields })).toEqual([...everyone, masters, fields].map((a) => a.id))
        const noFields = { degree: 'bachelor', county: 'xiping', fields: [], stationId: null }
        expect(await ids({ eligibleFor: noFields })).toEqual(everyone.map((a) => a.id))
      })

      it('searches title and place as a literal, case-insensitive substring', async () => {
        const s = stationFor('search')
        const lab = await activity({ stationId: s, title: 'Visit 智能装备 Lab', place: '驿城区', startAt: at(20 * DAY) })
        const park = await activity({ stationId: s, title: '科普进校园', place: '驻马店 智能装备产业园', startAt: at(21 * DAY) })
        const odd = await activity({ stationId: s, title: '100% 参与_计划', place: '线上', startAt: at(22 * DAY) })
        const searched = (text: string) => ids({ text, stationScope: { stationIds: [s], includeGeneral: false } })
        expect(await searched('智能装备')).toEqual([lab.id, park.id])
        expect(await searched('visit')).toEqual([lab.id])
        expect(await searched('100%')).toEqual([odd.id])
        expect(await searched('0%_')).toEqual([])
        expect(await searched('.*')).toEqual([])
      })

      it('pages with a keyset cursor in both orders', async () => {
        const asc = await everyItem((cursor) => store.activities.list(query({ cursor, limit: 2 })))
        expect(asc.map((a) => a.id)).toEqual(await ids({}))
        const first = await store.activities.list(query({ limit: 2 }))
        expect(first.items).toHaveLength(2)
        expect(first.nextCursor).not.toBeNull()
        const desc = await everyItem((cursor) => store.activities.list(query({ phase: 'ended', cursor, limit: 1 })))
        expect(desc.map((a) => a.id)).toEqual([ended.id, endedEarlier.id])
        const last = await store.activities.list(query({ limit: 50 }))
        expect(last.nextCursor).toBeNull()
      })
    })

    describe('scheduled work', () => {
      it('finds published activities past their sign-up deadline', async () => {
        const due = await activity({ signUpCloseAt: at(DAY), startAt: at(3 * DAY) })
        const notYet = await activity({ signUpCloseAt: at(3 * DAY), startAt: at(4 * DAY) })
        const closed = await activity({ status: 'closed', signUpCloseAt: at(DAY), startAt: at(3 * DAY) })
        const found = (await store.activities.dueToCloseSignUp(at(2 * DAY), 1000)).map((a) => a.id)
        expect(found).toContain(due.id)
        expect(found).not.toContain(notYet.id)
        expect(found).not.toContain(closed.id)
      })

      it('takes each activity starting within a day for its reminder once', async () => {
        const now = at(20 * DAY)
        const soon = await activity({ startAt: at(20 * DAY + 60), endAt: at(20 * DAY + 120) })
        const closedSoon = await activity({ status: 'closed', startAt: at(20 * DAY + 600), endAt: at(20 * DAY + 660) })
        const later = await activity({ startAt: at(22 * DAY), endAt: at(22 * DAY + 60) })
        const cancelled = await activity({ status: 'cancelled', startAt: at(20 * DAY + 60) })
        const started = await activity({ startAt: at(20 * DAY - 10), endAt: at(20 * DAY + 60) })
        const first = (await store.activities.takeDueForReminder(now, at(21 * DAY), 1000)).map((a) => a.id)
        expect(first).toEqual(expect.arrayContaining([soon.id, closedSoon.id]))
        for (const skipped of [later, cancelled, started]) expect(first).not.toContain(skipped.id)
        const second = (await store.activities.takeDueForReminder(now, at(21 * DAY), 1000)).map((a) => a.id)
        expect(second).not.toContain(soon.id)
        expect(second).not.toContain(closedSoon.id)
      })

      it('takes each ended activity for marking absences once', async () => {
        const now = at(30 * DAY)
        const over = await activity({ startAt: at(29 * DAY), endAt: at(29 * DAY + 60) })
        const running = await activity({ startAt: at(30 * DAY - 60), endAt: at(30 * DAY + 60) })
        const cancelled = await activity({ status: 'cancelled', startAt: at(29 * DAY), endAt: at(29 * DAY + 60) })
        const first = (await store.activities.takeEndedForAbsence(now, 1000)).map((a) => a.id)
        expect(first).toContain(over.id)
        expect(first).not.toContain(running.id)
        expect(first).not.toContain(cancelled.id)
        expect((await store.activities.takeEndedForAbsence(now, 1000)).map((a) => a.id)).not.toContain(over.id)
      })
    })

    describe('sign-up', () => {
      it('registers until capacity, then waitlists with positions 1..n', async () => {
        const a = await activity({ capacity: 2 })
        const people = await members('fill', 5)
        const outcomes = []
        for (const [i, openid] of people.entries()) outcomes.push(await signUp(a.id, openid, i + 1))
        expect(outcomes.map((o) => o.outcome)).toEqual(['registered', 'registered', 'waitlisted', 'waitlisted', 'waitlisted'])
        const registrations = outcomes.map((o) => ('registration' in o ? o.registration : null))
        expect(registrations.map((r) => r?.position)).toEqual([null, null, 1, 2, 3])
        expect(registrations[0]).toEqual({
          id: expect.any(String),
          activityId: a.id,
          openid: people[0],
          status: 'registered',
          position: null,
          answers: {},
          createdAt: at(1),
          updatedAt: at(1),
          checkedInAt: null,
        })
        expect(outcomes.every((o) => 'fresh' in o && o.fresh)).toBe(true)
        expect(await counts(a.id)).toEqual({ registered: 2, waitlisted: 3 })
        expect(await store.registrations.get(a.id, people[4]!)).toMatchObject({ status: 'waitlisted', position: 3 })
      })

      it("answers 'full' without a waitlist, and 'not_open' unless published", async () => {
        const a = await activity({ capacity: 1, waitlist: false })
        const [first, second] = await members('nowait', 2)
        expect((await signUp(a.id, first!)).outcome).toBe('registered')
        expect(await signUp(a.id, second!)).toEqual({ outcome: 'full' })
        expect(await store.registrations.get(a.id, second!)).toBeNull()
        expect(await counts(a.id)).toEqual({ registered: 1, waitlisted: 0 })
        const draft = await activity({ status: 'draft', publishedAt: null })
        expect(await signUp(draft.id, first!)).toEqual({ outcome: 'not_open' })
        const closed = await activity({ status: 'closed' })
        expect(await signUp(closed.id, first!)).toEqual({ outcome: 'not_open' })
        expect(await signUp(`${runId}-missing`, first!)).toEqual({ outcome: 'not_open' })
        expect(await store.registrations.get(draft.id, first!)).toBeNull()
      })

      it('returns an existing registration (fresh: false), and signs up again after a cancel', async () => {
        const a = await activity({ capacity: 1 })
        const [one, two] = await members('again', 2)
        const first = await signUp(a.id, one!, 1, { note: '第一次' })
        const repeat = await signUp(a.id, one!, 2, { note: '第二次' })
        expect(repeat).toEqual({ outcome: 'registered', registration: 'registration' in first ? first.registration : null, fresh: false })
        expect((await signUp(a.id, two!, 3)).outcome).toBe('waitlisted')
        expect(await signUp(a.id, two!, 4)).toMatchObject({ outcome: 'waitlisted', fresh: false, registration: { position: 1 } })
        const { cancelled, promoted } = await store.registrations.cancel(a.id, one!, at(5))
        expect(cancelled).toMatchObject({ openid: one, status: 'cancelled', position: null })
        expect(promoted).toMatchObject({ openid: two, status: 'registered', position: null })
        const again = await signUp(a.id, one!, 6, { note: '第三次' })
        expect(again).toMatchObject({ outcome: 'waitlisted', fresh: true, registration: { status: 'waitlisted', position: 1, answers: { note: '第三次' }, createdAt: at(6) } })
        expect(await counts(a.id)).toEqual({ registered: 1, waitlisted: 1 })
      })

      // Audit D3: CloudBase's update() merged nested objects field by field, keeping old answers.
      it('replaces the answers on a sign-up after a cancel: answers left out are gone', async () => {
        const a = await activity({ capacity: 5 })
        const [one, two] = await members('reanswer', 2)
        await signUp(a.id, one!, 1, { diet: '素食', note: '身份证 123' })
        await store.registrations.cancel(a.id, one!, at(2))
        expect(await signUp(a.id, one!, 3, { diet: '素食' })).toMatchObject({ outcome: 'registered', fresh: true })
        expect((await store.registrations.get(a.id, one!))?.answers).toEqual({ diet: '素食' })
        await signUp(a.id, two!, 4, { note: '旧的' })
        await store.registrations.cancel(a.id, two!, at(5))
        await signUp(a.id, two!, 6, {})
        expect((await store.registrations.get(a.id, two!))?.answers).toEqual({})
      })

      it('never exceeds capacity under 60 parallel sign-ups for 10 places', async () => {
        const a = await activity({ capacity: 10 })
        const people = await members('par', 60)
        const outcomes = await Promise.all(people.map((openid, i) => signUp(a.id, openid, i % 5)))
        expect(outcomes.filter((o) => o.outcome === 'registered')).toHaveLength(10)
        expect(outcomes.filter((o) => o.outcome === 'waitlisted')).toHaveLength(50)
        const regs = await Promise.all(people.map((openid) => store.registrations.get(a.id, openid)))
        expect(regs.filter((r) => r?.status === 'registered')).toHaveLength(10)
        const positions = regs.filter((r) => r?.status === 'waitlisted').map((r) => r!.position).sort((x, y) => x! - y!)
        expect(positions).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
        expect(await counts(a.id)).toEqual({ registered: 10, waitlisted: 50 })
      })

      it('gives one registration to one member signing up 10 times at once', async () => {
        const a = await activity({ capacity: 5 })
        const [one] = await members('same', 1)
        const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => signUp(a.id, one!, i)))
        expect(outcomes.every((o) => o.outcome === 'registered')).toBe(true)
        expect(outcomes.filter((o) => 'fresh' in o && o.fresh)).toHaveLength(1)
        expect(await counts(a.id)).toEqual({ registered: 1, waitlisted: 0 })
      })
    })

    describe('cancel and move', () => {
      it('promotes the first waitlisted, in order, when a place frees', async () => {
        const a = await activity({ capacity: 1 })
        const [one, two, three, four] = await members('promo', 4)
        for (const [i, openid] of [one, two, three, four].entries()) await signUp(a.id, openid!, i)
        // A waitlisted member cancelling frees no place and promotes nobody.
        expect(await store.registrations.cancel(a.id, three!, at(10))).toMatchObject({ cancelled: { status: 'cancelled' }, promoted: null })
        expect(await store.registrations.get(a.id, four!)).toMatchObject({ position: 2 })
        expect((await store.registrations.cancel(a.id, one!, at(11))).promoted).toMatchObject({ openid: two, status: 'registered' })
        expect(await store.registrations.get(a.id, four!)).toMatchObject({ status: 'waitlisted', position: 1 })
        expect((await store.registrations.cancel(a.id, two!, at(12))).promoted).toMatchObject({ openid: four })
        expect(await store.registrations.cancel(a.id, two!, at(13))).toEqual({ cancelled: null, promoted: null })
        expect(await store.registrations.cancel(a.id, `${runId}-nobody`, at(13))).toEqual({ cancelled: null, promoted: null })
        expect(await counts(a.id)).toEqual({ registered: 1, waitlisted: 0 })
      })

      it('gives added places to the waitlist in order, and a newcomer never takes a place while someone waits (M-4)', async () => {
        const a = await activity({ capacity: 2 })
        const people = await members('fair', 6)
        for (const [i, openid] of people.entries()) await signUp(a.id, openid, i)
        expect(await counts(a.id)).toEqual({ registered: 2, waitlisted: 4 })
        // Capacity raised by 2: exactly the first two waiting get the places, in order.
        await store.activities.update(a.id, { capacity: 4 }, at(20))
        const promoted = await store.registrations.promoteWaitlist(a.id, at(21), 10)
        expect(promoted.map((r) => r.openid)).toEqual([people[2], people[3]])
        expect(promoted.every((r) => r.status === 'registered')).toBe(true)
        expect(await store.registrations.get(a.id, people[4]!)).toMatchObject({ status: 'waitlisted', position: 1 })
        // Raised again, and a newcomer signs up before any promotion ran: the queue still comes first.
        await store.activities.update(a.id, { capacity: 5 }, at(22))
        const late = await member('fair-late')
        expect((await signUp(a.id, late, 23)).outcome).toBe('waitlisted')
        expect(await statusOf(a.id, people[4]!)).toBe('registered')
        expect(await store.registrations.get(a.id, late)).toMatchObject({ status: 'waitlisted', position: 2 })
        expect(await counts(a.id)).toEqual({ registered: 5, waitlisted: 2 })
      })

      it('ends every wait when the waitlist closes, in order, leaving places held as they are', async () => {
        const a = await activity({ capacity: 1 })
        const people = await members('end', 4)
        for (const [i, openid] of people.entries()) await signUp(a.id, openid, i)
        const ended = await store.registrations.endWaitlist(a.id, at(30), 100)
        expect(ended.map((r) => [r.openid, r.status])).toEqual(people.slice(1).map((p) => [p, 'cancelled']))
        expect(await statusOf(a.id, people[0]!)).toBe('registered')
        expect(await counts(a.id)).toEqual({ registered: 1, waitlisted: 0 })
        expect(await store.registrations.endWaitlist(a.id, at(31), 100)).toEqual([])
      })

      it('moves to the waitlist (back of the queue, the first waiting promoted) and back when a place is free', async () => {
        const a = await activity({ capacity: 2 })
        const [one, two, three, four] = await members('move', 4)
        for (const [i, openid] of [one, two, three, four].entries()) await signUp(a.id, openid!, i)
        const moved = await store.registrations.move(a.id, one!, 'waitlisted', at(10))
        expect(moved).toMatchObject({ outcome: 'ok', promoted: { openid: three, status: 'registered' } })
        expect(await store.registrations.get(a.id, four!)).toMatchObject({ status: 'waitlisted', position: 1 })
        expect(await store.registrations.get(a.id, one!)).toMatchObject({ status: 'waitlisted', position: 2 })
        expect(await store.registrations.move(a.id, four!, 'registered', at(11))).toEqual({ outcome: 'full', promoted: null })
        expect(await store.registrations.move(a.id, four!, 'waitlisted', at(11))).toEqual({ outcome: 'unchanged', promoted: null })
        expect(await counts(a.id)).toEqual({ registered: 2, waitlisted: 2 })
        await store.registrations.cancel(a.id, two!, at(12))
        // four was promoted by the cancel; one is next.
        expect(await statusOf(a.id, four!)).toBe('registered')
        await store.registrations.cancel(a.id, four!, at(13))
        expect(await statusOf(a.id, one!)).toBe('registered')
        expect(await counts(a.id)).toEqual({ registered: 2, waitlisted: 0 })
      })

      it('moves a waitlisted member into a free place, and marks attendance', async () => {
        const a = await activity({ capacity: 2 })
        const [one, two, three] = await members('attend', 3)
        await signUp(a.id, one!, 1)
        await store.activities.update(a.id, { capacity: 1 }, at(2))
        await signUp(a.id, two!, 3)
        expect(await statusOf(a.id, two!)).toBe('waitlisted')
        await store.activities.update(a.id, { capacity: 2 }, at(4))
        expect(await store.registrations.move(a.id, two!, 'registered', at(5))).toEqual({ outcome: 'ok', promoted: null })
        expect(await store.registrations.move(a.id, one!, 'checked_in', at(6))).toEqual({ outcome: 'ok', promoted: null })
        expect(await store.registrations.get(a.id, one!)).toMatchObject({ status: 'checked_in', checkedInAt: at(6) })
        expect(await store.registrations.move(a.id, two!, 'absent', at(7))).toEqual({ outcome: 'ok', promoted: null })
        expect(await store.registrations.move(a.id, three!, 'registered', at(7))).toEqual({ outcome: 'not_found', promoted: null })
        expect(await counts(a.id)).toEqual({ registered: 2, waitlisted: 0 })
      })
    })

    describe('attendance', () => {
      it("checks in: 'ok', then 'already'; 'not_registered' for the waitlisted and strangers", async () => {
        const a = await activity({ capacity: 1 })
        const [one, two] = await members('checkin', 2)
        await signUp(a.id, one!, 1)
        await signUp(a.id, two!, 2)
        expect(await store.registrations.checkIn(a.id, one!, at(3))).toBe('ok')
        expect(await store.registrations.checkIn(a.id, one!, at(4))).toBe('already')
        expect(await store.registrations.get(a.id, one!)).toMatchObject({ status: 'checked_in', checkedInAt: at(3) })
        expect(await store.registrations.checkIn(a.id, two!, at(3))).toBe('not_registered')
        expect(await store.registrations.checkIn(a.id, `${runId}-nobody`, at(3))).toBe('not_registered')
        expect(await counts(a.id)).toEqual({ registered: 1, waitlisted: 1 })
      })

      it('marks those still registered absent, and only them', async () => {
        const a = await activity({ capacity: 3 })
        const [one, two, three, four] = await members('absent', 4)
        for (const [i, openid] of [one, two, three, four].entries()) await signUp(a.id, openid!, i)
        await store.registrations.checkIn(a.id, one!, at(5))
        expect(await store.registrations.markAbsent(a.id, at(6))).toBe(2)
        expect(await statusOf(a.id, two!)).toBe('absent')
        expect(await statusOf(a.id, four!)).toBe('waitlisted')
        expect(await store.registrations.markAbsent(a.id, at(7))).toBe(0)
        // Someone marked absent who did come can still check in.
        expect(await store.registrations.checkIn(a.id, three!, at(8))).toBe('ok')
        expect(await counts(a.id)).toEqual({ registered: 3, waitlisted: 1 })
      })
    })

    describe('registration lists', () => {
      it('lists an activity\'s registrations with member fields, filters and pages', async () => {
        const a = await activity({ capacity: 3 })
        const names = ['王小明', '李小红', '王大力', '赵六', '王五']
        const people: string[] = []
        for (const [i, name] of names.entries()) people.push(await member(`list${i}`, { name, university: `大学${i}` }))
        for (const [i, openid] of people.entries()) await signUp(a.id, openid, i + 1)
        const page = await store.registrations.listForActivity(a.id, { status: null, q: '' }, null, 10)
        expect(page.nextCursor).toBeNull()
        expect(page.items.map((r) => r.openid)).toEqual(people)
        expect(page.items[0]).toMatchObject({
          openid: people[0],
          status: 'registered',
          name: '王小明',
          phone: '13812341234',
          university: '大学0',
          degree: 'bachelor',
          hometownCounty: 'queshan',
        })
        expect(page.items[3]).toMatchObject({ status: 'waitlisted', position: 1 })
        const waitlisted = await store.registrations.listForActivity(a.id, { status: 'waitlisted', q: '' }, null, 10)
        expect(waitlisted.items.map((r) => r.openid)).toEqual([people[3], people[4]])
        const wang = await everyItem((cursor) => store.registrations.listForActivity(a.id, { status: null, q: '王' }, cursor, 1))
        expect(wang.map((r) => r.name)).toEqual(['王小明', '王大力', '王五'])
        const paged = await everyItem((cursor) => store.registrations.listForActivity(a.id, { status: null, q: '' }, cursor, 2))
        expect(paged.map((r) => r.openid)).toEqual(people)
        const first = await store.registrations.listForActivity(a.id, { status: null, q: '' }, null, 2)
        expect(first.items).toHaveLength(2)
        expect(first.nextCursor).not.toBeNull()
      })

      it('pages the openids of registrants in given statuses', async () => {
        const a = await activity({ capacity: 4 })
        const people = await members('ids', 6)
        for (const [i, openid] of people.entries()) await signUp(a.id, openid, i)
        const registered = await everyItem((cursor) => store.registrations.openidsOf(a.id, ['registered'], cursor, 3))
        expect([...registered].sort()).toEqual(people.slice(0, 4).sort())
        const both = await everyItem((cursor) => store.registrations.openidsOf(a.id, ['registered', 'waitlisted'], cursor, 4))
        expect([...both].sort()).toEqual([...people].sort())
        expect((await store.registrations.openidsOf(a.id, ['checked_in'], null, 10)).items).toEqual([])
      })

      it("lists a member's registrations newest first, and the growth record by start", async () => {
        const [one] = await members('mine', 1)
        const early = await activity({ startAt: at(3 * DAY), endAt: at(3 * DAY + 60) })
        const late = await activity({ startAt: at(8 * DAY), endAt: at(8 * DAY + 60) })
        const middle = await activity({ startAt: at(5 * DAY), endAt: at(5 * DAY + 60) })
        await signUp(late.id, one!, 1)
        await signUp(early.id, one!, 2)
        await signUp(middle.id, one!, 3)
        await store.registrations.cancel(middle.id, one!, at(4))
        const mine = await everyItem((cursor) => store.registrations.listForMember(one!, cursor, 2))
        expect(mine.map((m) => m.activity.id)).toEqual([middle.id, early.id, late.id])
        expect(mine[0]).toMatchObject({ activity: { id: middle.id, title: middle.title }, registration: { status: 'cancelled' } })
        const history = await store.registrations.historyOf(one!, 10)
        expect(history.map((h) => h.activity.id)).toEqual([late.id, middle.id, early.id])
        expect((await store.registrations.historyOf(one!, 2)).map((h) => h.activity.id)).toEqual([late.id, middle.id])
      })

      it('remembers the latest non-empty answers by field label', async () => {
        const [one] = await members('answers', 1)
        const form = (id: string, label: string) => ({ id, label, kind: 'text' as const, required: false })
        const old = await activity({ form: [form('school', '学校'), form('phone2', '备用电话')] })
        const newer = await activity({ form: [form('uni', '学校'), form('size', '衣服尺码')] })
        const empty = await activity({ form: [form('school', '学校')] })
        await signUp(old.id, one!, 1, { school: '郑州大学', phone2: '13900000000' })
        await signUp(newer.id, one!, 2, { uni: '河南大学', size: 'L' })
        await signUp(empty.id, one!, 3, {})
        expect(await store.registrations.lastAnswers(one!)).toEqual({ 学校: '河南大学', 衣服尺码: 'L', 备用电话: '13900000000' })
        expect(await store.registrations.lastAnswers(`${runId}-nobody`)).toEqual({})
      })

      it('forgets a member: the place is freed and the first waiting promoted', async () => {
        const a = await activity({ capacity: 1 })
        const b = await activity({ capacity: 1 })
        const [gone, next] = await members('forget', 2)
        await signUp(a.id, gone!, 1, { note: '私人信息' })
        await signUp(a.id, next!, 2)
        await signUp(b.id, gone!, 3)
        await store.registrations.checkIn(b.id, gone!, at(4))
        await store.registrations.forgetMember(gone!, at(5))
        expect(await store.registrations.get(a.id, gone!)).toBeNull()
        expect(await store.registrations.get(b.id, gone!)).toBeNull()
        expect(await statusOf(a.id, next!)).toBe('registered')
        expect(await counts(a.id)).toEqual({ registered: 1, waitlisted: 0 })
        expect(await counts(b.id)).toEqual({ registered: 0, waitlisted: 0 })
        expect((await store.registrations.listForMember(gone!, null, 10)).items).toEqual([])
      })
    })

    describe('messages', () => {
      it('uses up one authorisation per message', async () => {
        const [one] = await members('grant', 1)
        expect(await store.messages.consume(one!, 'reminder')).toBe(false)
        await store.messages.grant(one!, 'reminder', at(1))
        await store.messages.grant(one!, 'reminder', at(2))
        await store.messages.grant(one!, 'result', at(3))
        expect(await store.messages.consume(one!, 'reminder')).toBe(true)
        expect(await store.messages.consume(one!, 'reminder')).toBe(true)
        expect(await store.messages.consume(one!, 'reminder')).toBe(false)
        expect(await store.messages.consume(one!, 'result')).toBe(true)
        expect(await store.messages.consume(one!, 'result')).toBe(false)
      })

      it('never uses one authorisation twice under parallel pushes', async () => {
        const [one] = await members('grantpar', 1)
        await store.messages.grant(one!, 'result', at(1))
        await store.messages.grant(one!, 'result', at(1))
        const used = await Promise.all(Array.from({ length: 8 }, () => store.messages.consume(one!, 'result')))
        expect(used.filter(Boolean)).toHaveLength(2)
      })

      it('logs what was pushed and lists it newest first, paged; forgets it', async () => {
        const [one, other] = await members('log', 2)
        const message = (n: number, openid = one!) => ({
          id: `${runId}-m${n}`,
          openid,
          template: 'reminder' as const,
          page: 'pages/activity/detail?id=x',
          data: { title: `活动${n}` },
          at: at(n),
          errcode: n === 2 ? 43101 : 0,
        })
        for (const n of [1, 2, 3, 4]) await store.messages.log(message(n))
        await store.messages.log(message(5, other!))
        const sent = await everyItem((cursor) => store.messages.sentTo(one!, cursor, 3))
        expect(sent).toEqual([message(4), message(3), message(2), message(1)])
        await store.messages.grant(one!, 'reminder', at(6))
        await store.messages.forgetMember(one!)
        expect((await store.messages.sentTo(one!, null, 10)).items).toEqual([])
        expect(await store.messages.consume(one!, 'reminder')).toBe(false)
        expect((await store.messages.sentTo(other!, null, 10)).items).toEqual([message(5, other!)])
      })
    })

    describe('rate limits', () => {
      it('lets max attempts through per window, and a new window starts afresh', async () => {
        const key = `${runId}:checkin`
        written.rateLimitKeys.add(key)
        const windowMs = 60_000
        const start = 1_900_000_000_000 - (1_900_000_000_000 % windowMs)
        const results = []
        for (let i = 0; i < 7; i += 1) results.push(await store.rateLimits.attempt(key, 5, windowMs, start + i * 1000))
        expect(results).toEqual([true, true, true, true, true, false, false])
        expect(await store.rateLimits.attempt(key, 5, windowMs, start + windowMs)).toBe(true)
        const other = `${runId}:other`
        written.rateLimitKeys.add(other)
        expect(await store.rateLimits.attempt(other, 5, windowMs, start + 1000)).toBe(true)
      })

      it('never lets more than max through under parallel attempts', async () => {
        const key = `${runId}:parallel`
        written.rateLimitKeys.add(key)
        const now = 1_900_000_030_000
        const results = await Promise.all(Array.from({ length: 12 }, () => store.rateLimits.attempt(key, 5, 60_000, now)))
        expect(results.filter(Boolean)).toHaveLength(5)
      })
    })
  })
}
