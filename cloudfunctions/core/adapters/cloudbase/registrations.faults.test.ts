import type { Activity } from '../../../../types'
import { toIsoString } from '../../shared/clock'
import { sampleActivity, sampleMember } from '../store-contract'
import { COLLECTIONS } from './collections'
import { CLAIM_GRACE_MS } from './registrations'
import { createCloudBaseStore } from './store'
import { CloudBaseStandIn } from './testing/stand-in'


// A sweep replays the call once per request it makes: generous, so a busy machine does not fail it.
jest.setTimeout(90_000)
/**
 * The capacity protocol of registrations.ts under faults, on the real SDK and the stand-in: a
 * fault at any one request of a sign-up or a cancel, while other members sign up and cancel in
 * parallel; then the scheduler's repair pass (`reconcile`, run after the claim grace period).
 * Afterwards the counter equals the places held, capacity holds, every member is in exactly one
 * state, and nobody waits while a place is free.
 */
const T0 = Date.parse('2027-03-01T09:00:00.000+08:00')
const at = (minutes: number) => toIsoString(new Date(T0 + minutes * 60_000))
const HOLDING = new Set(['registered', 'checked_in', 'absent'])

function activityRecord(id: string, capacity: number): Activity {
  return sampleActivity({
    id,
    description: '参观',
    startAt: at(10 * 24 * 60),
    endAt: at(10 * 24 * 60 + 120),
    signUpOpenAt: at(0),
    signUpCloseAt: at(9 * 24 * 60),
    capacity,
    createdAt: at(-60),
  })
}

async function world(capacity: number, people: number) {
  const standIn = new CloudBaseStandIn({ autoCreateCollections: true })
  const store = createCloudBaseStore(standIn.database())
  await store.activities.create(activityRecord('a1', capacity))
  const openids = Array.from({ length: people }, (_, i) => `m${String(i).padStart(2, '0')}`)
  for (const openid of openids) await store.members.create(sampleMember(openid))
  const signUp = (openid: string, minutes = 1, answers: Record<string, string> = {}) =>
    store.registrations.signUp({ activityId: 'a1', openid, answers, at: at(minutes) })
  return { standIn, store, openids, signUp }
}

type World = Awaited<ReturnType<typeof world>>

/** The scheduler's repair pass, as it runs once the grace period of any dead call is over. */
async function repair({ store }: World) {
  await store.registrations.reconcile('a1', at(30), Date.now() + CLAIM_GRACE_MS + 1000)
}

/** What must hold after repair, whatever failed and wherever. */
function expectConsistent({ standIn }: World) {
  const activity = standIn.documents(COLLECTIONS.activities).find((d) => d._id === 'a1')!
  const regs = standIn.documents(COLLECTIONS.registrations)
  const holders = regs.filter((r) => HOLDING.has(String(r.status)))
  const waiting = regs.filter((r) => r.status === 'waitlisted')
  expect(regs.filter((r) => r.status === 'pending')).toEqual([])
  expect(activity.registeredCount).toBe(holders.length)
  expect(holders.length).toBeLessThanOrEqual(Number(activity.capacity))
  expect(activity.waitlistCount).toBe(waiting.length)
  // In and out at once: a place marked held by someone not holding one, or the reverse.
  expect(regs.filter((r) => (r.holdsPlace === true) !== HOLDING.has(String(r.status)))).toEqual([])
  // Nobody waits while a place is free.
  if (waiting.length > 0) expect(holders.length).toBe(Number(activity.capacity))
  // One document per member (the `_id` is the pair).
  expect(new Set(regs.map((r) => r.openid)).size).toBe(regs.length)
}

type Fault = 'throttled' | 'timed-out' | 'killed'

function inject(w: World, fault: Fault, index: number) {
  if (fault === 'throttled') w.standIn.failAt(index, 'before', { tag: 'victim' })
  else if (fault === 'timed-out') w.standIn.failAt(index, 'after', { tag: 'victim' })
  else w.standIn.killAfter(index, { tag: 'victim' })
}

/** How many requests the victim's call makes when nothing fails. */
async function requestsOf(prepare: (w: World) => Promise<void>, call: (w: World) => Promise<unknown>): Promise<number> {
  const w = await world(3, 8)
  await prepare(w)
  w.standIn.resetStats()
  await w.standIn.tagged('victim', () => call(w))
  return w.standIn.stats('victim').requests
}

/** One swept call: the world before it, the call itself, what races it, and its retry after repair. */
interface FaultSweep {
  prepare: (w: World) => Promise<void>
  victim: (w: World) => Promise<unknown>
  /** The calls racing the victim, started right after it. */
  others: (w: World) => Promise<unknown>[]
  /** The victim's caller trying again once the fault is over; asserts what that must give. */
  retry: (w: World) => Promise<void>
}

/**
 * Counts the victim's requests when nothing fails, then for each one in turn: a fresh world where
 * that request meets `fault` while the others race it; after repair the data must be consistent,
 * and again after the retry.
 */
function sweepEveryRequest(fault: Fault, { prepare, victim, others, retry }: FaultSweep) {
  let total = 0
  beforeAll(async () => {
    total = await requestsOf(prepare, victim)
  })

  it('leaves the data consistent after repair, for every request', async () => {
    expect(total).toBeGreaterThan(3)
    for (let index = 1; index <= total; index += 1) {
      const w = await world(3, 8)
      await prepare(w)
      inject(w, fault, index)
      await Promise.allSettled([w.standIn.tagged('victim', () => victim(w)), ...others(w)])
      w.standIn.clearFaults()
      await repair(w)
      expectConsistent(w)
      await retry(w)
      await repair(w)
      expectConsistent(w)
    }
  })
}

describe('CloudBase registrations on the stand-in', () => {
  it('takes over a sign-up left pending by a dead call once its claim is stale (audit D4)', async () => {
    const w = await world(3, 2)
    // The call dies right after inserting its pending document (activity read, insert).
    w.standIn.killAfter(2, { tag: 'victim' })
    await expect(w.standIn.tagged('victim', () => w.signUp('m00', 1, { note: '旧' }))).rejects.toThrow()
    w.standIn.clearFaults()
    expect(w.standIn.documents(COLLECTIONS.registrations).map((r) => r.status)).toEqual(['pending'])
    const now = Date.now()
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now + CLAIM_GRACE_MS + 1000)
    try {
      w.standIn.resetStats()
      const retry = await w.signUp('m00', 2, { note: '新' })
      expect(retry).toMatchObject({ outcome: 'registered', fresh: true, registration: { answers: { note: '新' } } })
      // Insert refused, read, take over, gate, flip, read back: no busy loop.
      expect(w.standIn.stats().requests).toBeLessThanOrEqual(10)
    } finally {
      clock.mockRestore()
    }
    expectConsistent(w)
  })

  it('absorbs throttling with retries: every sign-up of a rush succeeds while the service refuses some requests', async () => {
    const w = await world(5, 12)
    w.standIn.throttle('EXCEED_CONCURRENT_REQUEST_LIMIT', 15)
    w.standIn.throttle('EXCEED_REQUEST_LIMIT', 10)
    const outcomes = await Promise.all(w.openids.map((openid) => w.signUp(openid)))
    expect(outcomes.filter((o) => o.outcome === 'registered')).toHaveLength(5)
    expect(outcomes.filter((o) => o.outcome === 'waitlisted')).toHaveLength(7)
    expectConsistent(w)
  })

  const FAULTS: Fault[] = ['throttled', 'timed-out', 'killed']

  describe.each(FAULTS)('a sign-up %s at any one of its requests', (fault) => {
    // The victim signs up for the last place while others sign up and one cancels.
    sweepEveryRequest(fault, {
      prepare: async (w) => {
        await w.signUp('m00')
        await w.signUp('m01')
      },
      victim: (w) => w.signUp('m02', 2, { note: '我' }),
      others: (w) => [w.signUp('m03', 2), w.signUp('m04', 2), w.store.registrations.cancel('a1', 'm00', at(2)), w.signUp('m05', 2)],
      retry: async (w) => {
        // The victim can always finish by trying again.
        const again = await w.signUp('m02', 3, { note: '我' })
        expect(['registered', 'waitlisted']).toContain(again.outcome)
      },
    })
  })

  describe.each(FAULTS)('a cancel that promotes, %s at any one of its requests', (fault) => {
    sweepEveryRequest(fault, {
      prepare: async (w) => {
        for (const openid of ['m00', 'm01', 'm02', 'm03', 'm04']) await w.signUp(openid)
      },
      victim: (w) => w.store.registrations.cancel('a1', 'm01', at(2)),
      others: (w) => [w.signUp('m05', 2), w.store.registrations.cancel('a1', 'm02', at(2)), w.signUp('m06', 2)],
      retry: async (w) => {
        // A cancel retried after the fault ends cancelled.
        await w.store.registrations.cancel('a1', 'm01', at(3))
        expect((await w.store.registrations.get('a1', 'm01'))?.status).toBe('cancelled')
      },
    })
  })
})
