import { randomBytes } from 'node:crypto'
import { PUBLIC_PARTICIPANTS_MAX, type PublicRegistration } from '../../../types'
import type { Store } from '../shared/store'
import { toIsoString } from '../shared/clock'
import { sampleActivity, sampleMember } from './store-contract'
import { aroundSuite, everyItem } from './contract-support'

const T0 = Date.parse('2027-08-01T09:00:00.000+08:00')
const at = (minutes: number) => toIsoString(new Date(T0 + minutes * 60_000))
const DAY = 24 * 60

/**
 * The behaviour every adapter of `PublicRegistrationStore` must show, through the `Store` ports
 * only: public sign-ups hold places of the activity's one counter together with members'
 * registrations, never wait, cancel once, and are purged after the activity while the anonymous
 * `publicCount` stays. Ids carry a random run marker.
 */
export function describePublicRegistrationStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`${name} public registrations contract`, () => {
    const marker = `prrun${randomBytes(4).toString('hex')}`
    const written = { openids: new Set<string>(), activityIds: new Set<string>() }
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
          await store.registrations.forgetMember(openid, at(0))
          await store.members.remove(openid)
        },
      },
    )

    async function activity(capacity: number, waitlist: boolean, endAt = at(60 * DAY)) {
      counter += 1
      const id = `${marker}-a${counter}`
      written.activityIds.add(id)
      const record = sampleActivity({
        id,
        startAt: at(10 * DAY),
        endAt,
        signUpOpenAt: at(0),
        signUpCloseAt: at(9 * DAY),
        createdAt: at(-DAY),
        capacity,
        waitlist,
        openToPublic: true,
      })
      await store.activities.create(record)
      return record
    }

    function person(activityId: string, openid: string, overrides: Partial<PublicRegistration> = {}): PublicRegistration {
      return {
        id: `${activityId}-${openid}`,
        activityId,
        openid,
        name: '王小明',
        age: 12,
        school: '驿城区实验小学',
        grade: '六年级',
        phone: '13700002222',
        guardian: { name: '王建国', relation: 'father', phone: '13700002222', consentAt: at(1) },
        status: 'registered',
        checkedInAt: null,
        createdAt: at(1),
        updatedAt: at(1),
        ...overrides,
      }
    }

    /** The account's only sign-up for the activity, or null. */
    const one = async (activityId: string, openid: string) => (await store.publicRegistrations.mine(activityId, openid))[0] ?? null
    /** Cancels the account's only sign-up for the activity. */
    const cancelOne = async (activityId: string, openid: string, when: string) => {
      const held = await one(activityId, openid)
      return held ? store.publicRegistrations.cancel(activityId, openid, held.id, when) : null
    }

    async function member(suffix: string) {
      const openid = `${marker}-m${suffix}`
      written.openids.add(openid)
      await store.members.create(sampleMember(openid))
      return openid
    }

    it('signs up once per participant, reads it back whole, and counts it in the activity places', async () => {
      const a = await activity(3, false)
      const first = await store.publicRegistrations.signUp({ registration: person(a.id, 'p1') })
      expect(first).toMatchObject({ outcome: 'registered', fresh: true })
      const again = await store.publicRegistrations.signUp({ registration: person(a.id, 'p1', { age: 13 }) })
      expect(again).toMatchObject({ outcome: 'registered', fresh: false, registration: { name: '王小明', age: 12 } })
      expect(await one(a.id, 'p1')).toMatchObject({
        activityId: a.id,
        openid: 'p1',
        name: '王小明',
        age: 12,
        guardian: { name: '王建国', relation: 'father' },
        status: 'registered',
      })
      expect(await one(a.id, 'p2')).toBeNull()
      expect(await store.activities.get(a.id)).toMatchObject({ registeredCount: 1, publicCount: 1 })
    })

    it(`holds up to ${PUBLIC_PARTICIPANTS_MAX} participants per account, each its own place; cancels one; a freed slot takes another`, async () => {
      const a = await activity(10, false)
      const parent = `${marker}-family`
      const names = ['王小明', '王小红', '王小刚', '王小丽']
      const outcomes = await Promise.all(names.map((name) => store.publicRegistrations.signUp({ registration: person(a.id, parent, { id: `${a.id}-${name}`, name }) })))
      expect(outcomes.filter((o) => o.outcome === 'registered')).toHaveLength(PUBLIC_PARTICIPANTS_MAX)
      expect(outcomes.filter((o) => o.outcome === 'too_many')).toHaveLength(1)
      const held = await store.publicRegistrations.mine(a.id, parent)
      expect(held).toHaveLength(PUBLIC_PARTICIPANTS_MAX)
      expect(new Set(held.map((r) => r.id)).size).toBe(PUBLIC_PARTICIPANTS_MAX)
      expect(await store.activities.get(a.id)).toMatchObject({ registeredCount: 3, publicCount: 3 })
      const gone = held[1]!
      expect(await store.publicRegistrations.cancel(a.id, `${marker}-stranger`, gone.id, at(2))).toBeNull()
      expect(await store.publicRegistrations.cancel(a.id, parent, gone.id, at(2))).toMatchObject({ id: gone.id, name: gone.name, status: 'cancelled' })
      expect(await store.publicRegistrations.cancel(a.id, parent, gone.id, at(2))).toBeNull()
      expect(await store.activities.get(a.id)).toMatchObject({ registeredCount: 2, publicCount: 2 })
      const missing = names.find((n) => !held.some((r) => r.name === n))!
      expect(await store.publicRegistrations.signUp({ registration: person(a.id, parent, { name: missing }) })).toMatchObject({ outcome: 'registered', fresh: true })
      const after = await store.publicRegistrations.mine(a.id, parent)
      expect(after.filter((r) => r.status === 'registered').map((r) => r.name).sort()).toEqual(names.filter((n) => n !== gone.name).sort())
      expect(await store.activities.get(a.id)).toMatchObject({ registeredCount: 3, publicCount: 3 })
    })

    it('shares the capacity with member sign-ups made at the same time', async () => {
      const a = await activity(4, false)
      const openids = await Promise.all(Array.from({ length: 5 }, (_, i) => member(`cap${i}`)))
      const outcomes = await Promise.all([
        ...openids.map((openid) => store.registrations.signUp({ activityId: a.id, openid, answers: {}, at: at(2) })),
        ...openids.map((_, i) => store.publicRegistrations.signUp({ registration: person(a.id, `pub${i}`) })),
      ])
      expect(outcomes.filter((o) => o.outcome === 'registered')).toHaveLength(4)
      expect(outcomes.filter((o) => o.outcome === 'full')).toHaveLength(6)
      const after = await store.activities.get(a.id)
      const publicHeld = (await everyItem((c) => store.publicRegistrations.listForActivity(a.id, c, 3))).filter((r) => r.status === 'registered')
      expect(after?.registeredCount).toBe(4)
      expect(after?.publicCount).toBe(publicHeld.length)
    })

    it('never takes a place while members wait; not_open unless published', async () => {
      const a = await activity(1, true)
      const m1 = await member('w1')
      const m2 = await member('w2')
      await store.registrations.signUp({ activityId: a.id, openid: m1, answers: {}, at: at(2) })
      expect((await store.registrations.signUp({ activityId: a.id, openid: m2, answers: {}, at: at(3) })).outcome).toBe('waitlisted')
      await store.registrations.cancel(a.id, m1, at(4))
      expect((await store.publicRegistrations.signUp({ registration: person(a.id, 'p1') })).outcome).toBe('full')
      expect(await one(a.id, 'p1')).toBeNull()
      await store.activities.transition(a.id, ['published'], 'closed', at(5))
      expect((await store.publicRegistrations.signUp({ registration: person(a.id, 'p2') })).outcome).toBe('not_open')
    })

    it('cancels once, gives the place back, may sign up again; lists oldest first, paged', async () => {
      const a = await activity(2, false)
      await store.publicRegistrations.signUp({ registration: person(a.id, 'p1', { createdAt: at(1) }) })
      await store.publicRegistrations.signUp({ registration: person(a.id, 'p2', { createdAt: at(2), name: '李华' }) })
      expect((await store.publicRegistrations.signUp({ registration: person(a.id, 'p3') })).outcome).toBe('full')
      expect((await cancelOne(a.id, 'p1', at(3)))?.status).toBe('cancelled')
      expect(await cancelOne(a.id, 'p1', at(3))).toBeNull()
      expect(await store.activities.get(a.id)).toMatchObject({ registeredCount: 1, publicCount: 1 })
      expect((await store.publicRegistrations.signUp({ registration: person(a.id, 'p3', { createdAt: at(4) }) })).outcome).toBe('registered')
      const all = await everyItem((c) => store.publicRegistrations.listForActivity(a.id, c, 1))
      expect(all.map((r) => [r.openid, r.status])).toEqual([
        ['p1', 'cancelled'],
        ['p2', 'registered'],
        ['p3', 'registered'],
      ])
      expect(await store.publicRegistrations.countFor(a.id)).toBe(3)
    })

    it("checks in each of the account's held sign-ups once, even when two check-ins race", async () => {
      const a = await activity(10, false)
      const parent = `${marker}-checkin`
      await store.publicRegistrations.signUp({ registration: person(a.id, parent, { id: `${a.id}-c1` }) })
      await store.publicRegistrations.signUp({ registration: person(a.id, parent, { id: `${a.id}-c2`, name: '王小红' }) })
      const cancelled = await store.publicRegistrations.signUp({ registration: person(a.id, parent, { id: `${a.id}-c3`, name: '王小刚' }) })
      if (cancelled.outcome !== 'registered') throw new Error('sign-up failed')
      await store.publicRegistrations.cancel(a.id, parent, cancelled.registration.id, at(2))
      const [first, second] = await Promise.all([
        store.publicRegistrations.checkIn(a.id, parent, at(3)),
        store.publicRegistrations.checkIn(a.id, parent, at(3)),
      ])
      for (const rows of [first, second]) {
        expect(Object.fromEntries(rows.map((r) => [r.name, r.checkedInAt]))).toEqual({ 王小明: at(3), 王小红: at(3), 王小刚: null })
      }
      expect(await store.publicRegistrations.checkIn(a.id, `${marker}-nobody`, at(4))).toEqual([])
      // The activity's anonymous attendance (platform figures) is checked through the router on both adapters.
    })

    it('purges the sign-ups of activities ended before the cutoff only, once; the anonymous count stays', async () => {
      const ended = await activity(5, false, at(10 * DAY + 60))
      const later = await activity(5, false, at(40 * DAY))
      await store.publicRegistrations.signUp({ registration: person(ended.id, 'p1') })
      await store.publicRegistrations.signUp({ registration: person(ended.id, 'p2') })
      await store.publicRegistrations.signUp({ registration: person(later.id, 'p1') })
      const first = await store.publicRegistrations.purgeEnded(at(20 * DAY), 50)
      expect(first.deleted).toBe(2)
      expect(await store.publicRegistrations.countFor(ended.id)).toBe(0)
      expect(await one(ended.id, 'p1')).toBeNull()
      expect(await store.publicRegistrations.countFor(later.id)).toBe(1)
      expect((await store.activities.get(ended.id))?.publicCount).toBe(2)
      expect((await store.publicRegistrations.purgeEnded(at(20 * DAY), 50)).deleted).toBe(0)
    })

    it("lists one person's sign-ups across activities newest first, and removes them all without touching the counters", async () => {
      const parent = `${marker}-parent`
      const first = await activity(5, false)
      const second = await activity(5, false)
      await store.publicRegistrations.signUp({ registration: person(first.id, parent, { createdAt: at(1) }) })
      await store.publicRegistrations.signUp({ registration: person(second.id, parent, { createdAt: at(2), name: '王小红' }) })
      await store.publicRegistrations.signUp({ registration: person(second.id, `${marker}-other`) })
      await cancelOne(first.id, parent, at(3))
      const mine = await store.publicRegistrations.listOf(parent, 10)
      expect(mine.map((r) => [r.activityId, r.name, r.status])).toEqual([
        [second.id, '王小红', 'registered'],
        [first.id, '王小明', 'cancelled'],
      ])
      expect(mine[0]?.guardian).toMatchObject({ name: '王建国', relation: 'father', phone: '13700002222' })
      expect(await store.publicRegistrations.listOf(parent, 1)).toHaveLength(1)
      expect(await store.publicRegistrations.removeAllOf(parent)).toBe(2)
      expect(await store.publicRegistrations.listOf(parent, 10)).toEqual([])
      expect(await one(second.id, `${marker}-other`)).toMatchObject({ status: 'registered' })
      // A held place is the caller's to give back (cancel) before removing: removal alone keeps the count, as the purge does.
      expect(await store.activities.get(second.id)).toMatchObject({ registeredCount: 2, publicCount: 2 })
      expect(await store.publicRegistrations.removeAllOf(parent)).toBe(0)
    })
  })
}
