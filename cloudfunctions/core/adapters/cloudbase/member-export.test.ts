import { createRecordingDb, emptyResults, type RecordedCall, type Responder } from './recording-db'
import { createCloudBaseStore } from './store'

/** The CloudBase privacy store: the queries it builds, answered by a recording double. */
const ME = 'o-me'

function setup(respond: Responder = emptyResults) {
  const db = createRecordingDb(respond)
  return { db, store: createCloudBaseStore(db) }
}

/** Answers each collection's `get` with its documents. */
const byCollection =
  (docs: Record<string, object[]>): Responder =>
  (call) =>
    call.operation === 'get' ? { data: docs[call.collection] ?? [], requestId: 'r' } : emptyResults(call)

describe('CloudBase privacy store', () => {
  it('gathers every kind with one bounded query per collection, keyed on the member', async () => {
    const { db, store } = setup(
      byCollection({
        consent_events: [{ _id: 'c1', openid: ME, kind: 'given', version: 'v1', at: '2026-01-01' }],
        join_requests: [{ _id: 'jr1', openid: ME, stationId: 'st1', note: '', status: 'rejected', reason: '理由', createdAt: '2026-02-01' }],
        stations: [{ _id: 'st1', name: '甲站' }],
        activities: [{ _id: 'ac1', title: '签到活动', checkInHelpers: [ME] }],
        demand_interests: [{ _id: 'd1:o-me', demandId: 'd1', openid: ME, shared: { name: '我' }, at: '2026-03-01' }],
        demands: [{ _id: 'd1', employer: '用人单位', position: '岗位' }],
        audit_log: [{ _id: 'au1', at: '2026-04-01', actorOpenid: 'staff', actorRole: 'staff', action: 'x', subjectOpenid: ME, summary: 's' }],
      }),
    )
    const data = await store.privacy.gather(ME)
    expect(data.consentHistory).toEqual([{ kind: 'given', version: 'v1', at: '2026-01-01' }])
    expect(data.joinRequests).toEqual([expect.objectContaining({ stationName: '甲站', reason: '理由' })])
    expect(data.checkInHelperOf).toEqual([{ activityId: 'ac1', activityTitle: '签到活动' }])
    expect(data.demandInterests).toEqual([expect.objectContaining({ employer: '用人单位', shared: { name: '我' } })])
    expect(data.auditEntries.map((e) => e.id)).toEqual(['au1'])
    const gets = db.calls.filter((c) => c.operation === 'get')
    expect(gets.every((c) => c.limit !== undefined && c.limit <= 1000)).toBe(true)
    const memberQuery = (c: RecordedCall) => JSON.stringify(c.where).includes(ME)
    expect(gets.filter(memberQuery).map((c) => c.collection).sort()).toEqual(
      [
        'activities',
        'audit_log',
        'consent_events',
        'demand_interests',
        'join_requests',
        'notice_pushes',
        'notice_reads',
        'policy_favorites',
        'station_memberships',
        'subscriptions',
      ].sort(),
    )
  })

  it('on deletion takes the member off helper lists and rewrites their audit entries under the pseudonym', async () => {
    const { db, store } = setup(byCollection({ activities: [{ _id: 'ac1', checkInHelpers: ['a', ME, 'b'] }] }))
    await store.privacy.forgetMember(ME, 'deleted-abc')
    const writes = db.calls.filter((c) => c.operation !== 'get')
    expect(writes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ operation: 'update', collection: 'activities', doc: 'ac1', data: { checkInHelpers: ['a', 'b'] } }),
        expect.objectContaining({
          operation: 'update',
          collection: 'audit_log',
          where: [{ subjectOpenid: ME }],
          data: expect.objectContaining({ subjectOpenid: 'deleted-abc' }),
        }),
        expect.objectContaining({ operation: 'update', collection: 'audit_log', where: [{ actorOpenid: ME }], data: { actorOpenid: 'deleted-abc' } }),
        expect.objectContaining({ operation: 'remove', collection: 'consent_events', where: [{ openid: ME }] }),
      ]),
    )
  })

  it('withdrawing consent marks the member and uses up every push authorisation', async () => {
    const { db, store } = setup(byCollection({ members: [{ _id: ME, openid: ME, consentVersion: 'v1' }] }))
    const record = await store.privacy.setConsent(ME, { kind: 'withdrawn', version: '', at: '2026-05-01' })
    expect(record?.openid).toBe(ME)
    const writes = db.calls.filter((c) => c.operation !== 'get')
    expect(writes.map((c) => [c.operation, c.collection])).toEqual([
      ['update', 'members'],
      ['add', 'consent_events'],
      ['update', 'subscriptions'],
    ])
    expect(writes[0]!.data).toEqual({ consentWithdrawnAt: '2026-05-01', updatedAt: '2026-05-01' })
  })
})

describe('CloudBase idempotency claims (m-7)', () => {
  it('claims with one atomic insert; a duplicate reads the answer, and takes over only a stale claim, conditioned on its time', async () => {
    const { db, store } = setup((call) => {
      if (call.operation === 'add') throw Object.assign(new Error('dup'), { code: 'DATABASE_DUPLICATE_WRITE' })
      if (call.operation === 'update') return { updated: 0, requestId: 'r' }
      return emptyResults(call)
    })
    expect(await store.idempotency.claim('alice', 'req-1', '2026-12-01T09:30:00.000+08:00', '2026-12-01T09:29:00.000+08:00')).toEqual({ held: false, result: null })
    expect(db.calls.map((c) => c.operation)).toEqual(['add', 'get', 'update'])
    expect(db.calls[2]!.where).toEqual([
      { _id: expect.stringMatching(/^[0-9a-f]{64}$/), openid: 'alice', result: '', createdAt: { $lt: '2026-12-01T09:29:00.000+08:00' } },
    ])
  })
})
