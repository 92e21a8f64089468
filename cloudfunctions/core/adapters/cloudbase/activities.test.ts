import { createRecordingDb, emptyResults, tcbError, type RecordedCall, type Responder } from './recording-db'
import { rateLimitId } from './rate-limits'
import { createCloudBaseStore } from './store'

/** Query shapes of the activities adapter against the recording double (no network). */
const T = '2026-12-01T10:00:00.000+08:00'

const activityDoc = (overrides: object = {}) => ({
  _id: 'a1',
  status: 'published',
  capacity: 2,
  waitlist: true,
  registeredCount: 0,
  waitlistCount: 0,
  waitlistSeqNext: 0,
  countRev: 'rev-0',
  startAt: T,
  ...overrides,
})

function setup(respond: Responder) {
  const db = createRecordingDb(respond)
  return { db, store: createCloudBaseStore(db) }
}

/** Docs by collection and id; `update` answers per the test. */
function responder(options: { docs: Record<string, Record<string, object>>; updated?: (call: RecordedCall) => number; add?: (call: RecordedCall) => unknown }): Responder {
  return (call) => {
    if (call.operation === 'get' && call.doc !== undefined) {
      const doc = options.docs[call.collection]?.[call.doc]
      return { data: doc ? [doc] : [] }
    }
    if (call.operation === 'update') return { updated: options.updated?.(call) ?? 1 }
    if (call.operation === 'add' && options.add) return options.add(call)
    return emptyResults(call)
  }
}

describe('CloudBase registrations: the capacity gate', () => {
  it('inserts the registration as pending under the deterministic id, then increments only below capacity', async () => {
    const registration = { _id: 'a1:o1', activityId: 'a1', openid: 'o1', status: 'registered', answers: {}, createdAt: T, updatedAt: T }
    const { db, store } = setup(responder({ docs: { activities: { a1: activityDoc() }, registrations: { 'a1:o1': registration } } }))
    const outcome = await store.registrations.signUp({ activityId: 'a1', openid: 'o1', answers: {}, at: T })
    expect(outcome).toMatchObject({ outcome: 'registered', fresh: true })
    const add = db.calls.find((c) => c.operation === 'add')!
    expect(add).toMatchObject({ collection: 'registrations', data: { _id: 'a1:o1', status: 'pending', holdsPlace: false, claim: expect.any(String) } })
    const gate = db.calls.find((c) => c.operation === 'update' && c.collection === 'activities')!
    expect(gate.where).toEqual([{ _id: 'a1', capacity: 2, registeredCount: { $lt: 2 }, status: 'published' }])
    expect(gate.data).toEqual({ registeredCount: { $inc: 1 }, countRev: expect.any(String) })
    const flip = db.calls.find((c) => c.operation === 'update' && c.collection === 'registrations')!
    expect(flip.where).toEqual([{ _id: 'a1:o1', status: 'pending', claim: (add.data as { claim: string }).claim }])
    expect(flip.data).toMatchObject({ status: 'registered', holdsPlace: true, claim: null })
  })

  it("removes its pending document and answers 'full' when the gate refuses and there is no waitlist", async () => {
    const { db, store } = setup(
      responder({
        docs: { activities: { a1: activityDoc({ waitlist: false, registeredCount: 2 }) } },
        updated: () => 0,
      }),
    )
    expect(await store.registrations.signUp({ activityId: 'a1', openid: 'o1', answers: {}, at: T })).toEqual({ outcome: 'full' })
    const remove = db.calls.find((c) => c.operation === 'remove')!
    expect(remove).toMatchObject({ collection: 'registrations', where: [{ _id: 'a1:o1', status: 'pending' }] })
    expect(db.calls.filter((c) => c.operation === 'update' && c.collection === 'activities')).toEqual([])
  })

  it('returns an existing registration on a duplicate insert, without touching the counter', async () => {
    const existing = { _id: 'a1:o1', activityId: 'a1', openid: 'o1', status: 'registered', answers: {}, createdAt: T, updatedAt: T }
    const { db, store } = setup(
      responder({
        docs: { activities: { a1: activityDoc() }, registrations: { 'a1:o1': existing } },
        add: () => {
          throw tcbError('DATABASE_DUPLICATE_WRITE')
        },
      }),
    )
    expect(await store.registrations.signUp({ activityId: 'a1', openid: 'o1', answers: {}, at: T })).toMatchObject({
      outcome: 'registered',
      fresh: false,
    })
    expect(db.calls.filter((c) => c.operation === 'update')).toEqual([])
  })

  it('cancels with a write conditioned on the status read, then decrements', async () => {
    const doc = { _id: 'a1:o1', activityId: 'a1', openid: 'o1', status: 'registered', holdsPlace: true, answers: {}, createdAt: T, updatedAt: T }
    const { db, store } = setup(
      responder({ docs: { activities: { a1: activityDoc({ registeredCount: 2 }) }, registrations: { 'a1:o1': doc } } }),
    )
    await store.registrations.cancel('a1', 'o1', T)
    const updates = db.calls.filter((c) => c.operation === 'update')
    expect(updates[0]).toMatchObject({ collection: 'registrations', where: [{ _id: 'a1:o1', status: 'registered' }], data: { status: 'cancelled' } })
    expect(updates[1]).toMatchObject({ collection: 'activities', where: [{ _id: 'a1' }], data: { registeredCount: { $inc: -1 } } })
    expect(updates[2]).toMatchObject({ collection: 'registrations', data: { holdsPlace: false } })
  })

  it('reconciles with a write conditioned on the countRev it read', async () => {
    const { db, store } = setup((call) => {
      if (call.operation === 'get' && call.doc === 'a1') return { data: [activityDoc({ registeredCount: 2, countRev: 'rev-7' })] }
      if (call.operation === 'count') return { total: 0 }
      return emptyResults(call)
    })
    const result = await store.registrations.reconcile('a1', T)
    const write = db.calls.find((c) => c.operation === 'update' && c.collection === 'activities')!
    expect(write.where).toEqual([{ _id: 'a1', countRev: 'rev-7' }])
    expect(write.data).toMatchObject({ registeredCount: 0, waitlistCount: 0 })
    expect(result.applied).toBe(false)
    expect(db.calls.every((c) => c.limit === undefined || c.limit <= 1000)).toBe(true)
  })
})

describe('CloudBase activities, messages and rate limits: query shapes', () => {
  it('stores empty eligibility lists as the everyone marker and matches a profile with $in', async () => {
    const { db, store } = setup(emptyResults)
    await store.activities.list({
      type: null,
      phase: null,
      now: T,
      statuses: ['published'],
      text: null,
      stationScope: null,
      eligibleFor: { degree: 'master', county: 'queshan', fields: ['energy'], stationId: null },
      cursor: null,
      limit: 20,
    })
    const [get] = db.calls
    expect(JSON.stringify(get!.where)).toContain('"eligDegrees":{"$in":["master","*"]}')
    expect(JSON.stringify(get!.where)).toContain('"eligStations":{"$in":["*"]}')
    expect(get!.limit).toBe(21)
  })

  it('consumes an authorisation with a conditional decrement', async () => {
    const { db, store } = setup((call) => (call.operation === 'update' ? { updated: 0 } : emptyResults(call)))
    expect(await store.messages.consume('o1', 'reminder')).toBe(false)
    expect(db.calls[0]).toMatchObject({ collection: 'subscriptions', where: [{ _id: 'o1:reminder', remaining: { $gt: 0 } }], data: { remaining: { $inc: -1 } } })
  })

  it('counts a rate-limited attempt with a conditional increment in the current window', async () => {
    const { db, store } = setup((call) => (call.operation === 'update' ? { updated: 1 } : emptyResults(call)))
    expect(await store.rateLimits.attempt('checkin:a1:o1', 5, 60_000, 125_000)).toBe(true)
    expect(db.calls[0]).toMatchObject({
      collection: 'rate_limits',
      where: [{ _id: rateLimitId('checkin:a1:o1'), windowStart: 120_000, count: { $lt: 5 } }],
      data: { count: { $inc: 1 } },
    })
  })
})
