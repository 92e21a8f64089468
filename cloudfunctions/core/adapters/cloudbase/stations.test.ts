import { createHash } from 'node:crypto'
import { sampleMember } from '../store-contract'
import { createRecordingDb, emptyResults, tcbError, type RecordedCall, type Responder } from './recording-db'
import { universityLockId } from './station-docs'
import { SWEEP_PAGE_SIZE } from './docs'
import { createCloudBaseStore } from './store'

const T = '2026-12-01T10:00:00.000+08:00'

const stationDoc = (overrides: object = {}) => ({
  _id: 's1',
  name: '郑州大学翼展驿站',
  university: '郑州大学',
  city: '郑州市',
  intro: '',
  status: 'open',
  headOpenid: null,
  deputyOpenids: [],
  createdAt: T,
  updatedAt: T,
  closedAt: null,
  isDemo: false,
  rev: 'rev-1',
  ...overrides,
})

/** Answers by collection and doc id; updates answer `updated` as the test says. */
function responder(options: {
  docs?: Record<string, Record<string, object | undefined>>
  updated?: (call: RecordedCall) => number
  add?: (call: RecordedCall) => unknown
  get?: (call: RecordedCall) => object[] | undefined
}): Responder {
  return (call) => {
    if (call.operation === 'get') {
      if (call.doc !== undefined) {
        const doc = options.docs?.[call.collection]?.[call.doc]
        return { data: doc ? [doc] : [], requestId: 'r' }
      }
      return { data: options.get?.(call) ?? [], requestId: 'r' }
    }
    if (call.operation === 'update') return { updated: options.updated?.(call) ?? 1, requestId: 'r' }
    if (call.operation === 'add' && options.add) return options.add(call)
    return emptyResults(call)
  }
}

function setup(respond: Responder = emptyResults) {
  const db = createRecordingDb(respond)
  return { db, store: createCloudBaseStore(db) }
}

const station = {
  id: 's1',
  name: '郑州大学翼展驿站',
  university: '郑州大学',
  city: '郑州市',
  intro: '',
  status: 'open' as const,
  headOpenid: null,
  deputyOpenids: [],
  createdAt: T,
  updatedAt: T,
  closedAt: null,
  isDemo: false,
}

describe('CloudBase stations: uniqueness by lock documents', () => {
  it('derives the university lock id from sha256 of the university', () => {
    expect(universityLockId('郑州大学')).toBe(createHash('sha256').update('郑州大学').digest('hex'))
    expect(universityLockId('郑州大学')).toMatch(/^[0-9a-f]{64}$/)
  })

  it('creates: the lock insert first, then the station insert with a rev', async () => {
    const { db, store } = setup()
    expect(await store.stations.create(station)).toBe(true)
    expect(db.calls.map((c) => [c.operation, c.collection])).toEqual([
      ['add', 'station_locks'],
      ['add', 'stations'],
    ])
    expect(db.calls[0]!.data).toMatchObject({ _id: universityLockId('郑州大学'), university: '郑州大学', stationId: 's1' })
    expect(db.calls[1]!.data).toMatchObject({ _id: 's1', university: '郑州大学', status: 'open', rev: expect.any(String) })
    expect(db.calls[1]!.data).not.toHaveProperty('id')
  })

  it('answers false when the lock belongs to another open station, and writes no station', async () => {
    const lockId = universityLockId('郑州大学')
    const { db, store } = setup(
      responder({
        add: (call) => {
          if (call.collection === 'station_locks') throw tcbError('DATABASE_DUPLICATE_WRITE')
          return emptyResults(call)
        },
        docs: {
          station_locks: { [lockId]: { _id: lockId, university: '郑州大学', stationId: 's0', lockedAt: Date.now() } },
          stations: { s0: stationDoc({ _id: 's0' }) },
        },
      }),
    )
    expect(await store.stations.create(station)).toBe(false)
    expect(db.calls.filter((c) => c.collection === 'stations' && c.operation === 'add')).toEqual([])
    expect(db.calls.filter((c) => c.operation === 'remove')).toEqual([])
  })

  it('takes over a lock whose station is closed: a remove conditioned on the old owner, then the insert again', async () => {
    const lockId = universityLockId('郑州大学')
    let attempts = 0
    const { db, store } = setup(
      responder({
        add: (call) => {
          if (call.collection === 'station_locks' && attempts++ === 0) throw tcbError('DATABASE_DUPLICATE_WRITE')
          return emptyResults(call)
        },
        docs: {
          station_locks: { [lockId]: { _id: lockId, university: '郑州大学', stationId: 's0', lockedAt: Date.now() } },
          stations: { s0: stationDoc({ _id: 's0', status: 'closed' }) },
        },
      }),
    )
    expect(await store.stations.create(station)).toBe(true)
    const remove = db.calls.find((c) => c.operation === 'remove')
    expect(remove).toMatchObject({ collection: 'station_locks', where: [{ _id: lockId, stationId: 's0' }] })
  })

  it('a lock whose station does not exist yet is not stale within the grace period', async () => {
    const lockId = universityLockId('郑州大学')
    const { store } = setup(
      responder({
        add: (call) => {
          if (call.collection === 'station_locks') throw tcbError('DATABASE_DUPLICATE_WRITE')
          return emptyResults(call)
        },
        docs: { station_locks: { [lockId]: { _id: lockId, university: '郑州大学', stationId: 's0', lockedAt: Date.now() } } },
      }),
    )
    expect(await store.stations.create(station)).toBe(false)
  })
})

describe('CloudBase stations: conditional writes', () => {
  it('closes: leaders demoted first, then open → closed conditioned on status, then the bounded sweep', async () => {
    const open = stationDoc({ headOpenid: 'h1', deputyOpenids: ['d1'] })
    let closed = false
    const { db, store } = setup((call) => {
      if (call.operation === 'get' && call.collection === 'stations') {
        return { data: [closed ? { ...open, status: 'closed', closeReason: '合并', closedAt: T } : open] }
      }
      if (call.operation === 'update' && call.collection === 'stations') closed = true
      return responder({ get: (c) => (c.collection === 'join_requests' ? [{ _id: 'r1', openid: 'o1' }] : []) })(call)
    })
    expect(await store.stations.close('s1', '合并', T)).toBe(true)

    const writes = db.calls.filter((c) => c.operation !== 'get')
    expect(writes[0]).toMatchObject({ operation: 'update', collection: 'members', where: [{ _id: 'h1', stationId: 's1' }], data: { role: 'student' } })
    expect(writes[1]).toMatchObject({ operation: 'update', collection: 'members', where: [{ _id: 'd1', stationId: 's1' }] })
    expect(writes[2]).toMatchObject({
      operation: 'update',
      collection: 'stations',
      where: [{ _id: 's1', status: 'open' }],
      data: { status: 'closed', closeReason: '合并', headOpenid: null, deputyOpenids: [] },
    })
    expect(writes[3]).toMatchObject({
      collection: 'join_requests',
      where: [{ _id: { $in: ['r1'] }, status: 'pending' }],
      data: { status: 'rejected', reason: '合并' },
    })
    expect(writes[4]).toMatchObject({
      operation: 'remove',
      collection: 'station_locks',
      where: [{ _id: { $in: ['pending-o1'] }, requestId: { $in: ['r1'] } }],
    })
    expect(writes[writes.length - 1]).toMatchObject({
      operation: 'remove',
      collection: 'station_locks',
      where: [{ _id: universityLockId('郑州大学'), stationId: 's1' }],
    })
    // Every read of the sweep is bounded.
    for (const read of db.calls.filter((c) => c.operation === 'get' && c.doc === undefined)) {
      expect(read.limit).toBe(SWEEP_PAGE_SIZE)
    }
  })

  it('appoints a head in one transaction: old head demoted, the station, the new head promoted, by document', async () => {
    const member = (openid: string) => ({ _id: openid, ...sampleMember(openid), stationId: 's1' })
    const { db, store } = setup(
      responder({
        docs: { stations: { s1: stationDoc({ headOpenid: 'old' }) }, members: { new: member('new'), old: member('old') } },
      }),
    )
    expect(await store.stations.appointLeader('s1', 'new', 'head', T)).toBe('ok')
    const writes = db.calls.filter((c) => c.operation === 'update')
    expect(writes.map((w) => [w.collection, w.doc])).toEqual([
      ['members', 'old'],
      ['stations', 's1'],
      ['members', 'new'],
    ])
    expect(writes[0]!.data).toMatchObject({ role: 'student' })
    expect(writes[1]!.data).toMatchObject({ headOpenid: 'new', deputyOpenids: [], rev: expect.any(String) })
    expect(writes[2]!.data).toMatchObject({ role: 'station_head' })
  })

  it('appoints nobody who is not a member of the station, writing nothing', async () => {
    const { db, store } = setup(
      responder({ docs: { stations: { s1: stationDoc() }, members: { m: { _id: 'm', ...sampleMember('m'), stationId: 's2' } } } }),
    )
    expect(await store.stations.appointLeader('s1', 'm', 'deputy', T)).toBe('not_member')
    expect(db.calls.filter((c) => c.operation === 'update')).toEqual([])
  })

  it('lists with explicit order, keyset cursor, escaped case-insensitive search and limit + 1', async () => {
    const { db, store } = setup()
    const cursor = Buffer.from(JSON.stringify(['郑州大学', 's1'])).toString('base64url')
    await store.stations.list({ q: 'a.b', includeClosed: false, cursor, limit: 20 })
    const [read] = db.calls
    expect(read).toMatchObject({
      operation: 'get',
      collection: 'stations',
      orderBy: [
        ['university', 'asc'],
        ['_id', 'asc'],
      ],
      limit: 21,
    })
    const pattern = { $regex: 'a\\.b', $options: 'i' }
    expect(read!.where).toEqual([
      {
        $and: [
          { status: 'open' },
          { $or: [{ university: pattern }, { city: pattern }, { name: pattern }] },
          { $or: [{ university: { $gt: '郑州大学' } }, { university: '郑州大学', _id: { $gt: 's1' } }] },
        ],
      },
    ])
  })
})

describe('CloudBase membership: conditional writes', () => {
  const request = { _id: 'r1', stationId: 's1', openid: 'o1', note: '', status: 'pending', reason: '', createdAt: T, decidedAt: null, decidedBy: null }

  it('creates a request after its pending-<openid> lock', async () => {
    const { db, store } = setup(responder({ docs: { stations: { s1: stationDoc() } } }))
    const { _id, ...record } = request
    expect(await store.membership.createRequest({ id: _id, ...record, status: 'pending' })).toBe(true)
    expect(db.calls.filter((c) => c.operation === 'add').map((c) => [c.collection, (c.data as { _id: string })._id])).toEqual([
      ['station_locks', 'pending-o1'],
      ['join_requests', 'r1'],
    ])
  })

  it('answers false while another pending request holds the lock', async () => {
    const { db, store } = setup(
      responder({
        add: (call) => {
          if (call.collection === 'station_locks') throw tcbError('DATABASE_DUPLICATE_WRITE')
          return emptyResults(call)
        },
        docs: {
          station_locks: { 'pending-o1': { _id: 'pending-o1', requestId: 'r0', lockedAt: Date.now() } },
          join_requests: { r0: { ...request, _id: 'r0' } },
        },
      }),
    )
    const { _id, ...record } = request
    expect(await store.membership.createRequest({ id: _id, ...record, status: 'pending' })).toBe(false)
    expect(db.calls.filter((c) => c.collection === 'join_requests' && c.operation === 'add')).toEqual([])
  })

  it('approves in one transaction: the request, the member and the stay by document, then the lock', async () => {
    const { db, store } = setup(
      responder({
        docs: {
          join_requests: { r1: request },
          members: { o1: { _id: 'o1', ...sampleMember('o1') } },
          stations: { s1: stationDoc() },
        },
      }),
    )
    expect(await store.membership.approveRequest('r1', 'head', T)).toBe('approved')
    const writes = db.calls.filter((c) => c.operation !== 'get')
    expect(writes.map((w) => [w.operation, w.collection, w.doc ?? w.where])).toEqual([
      ['update', 'join_requests', 'r1'],
      ['update', 'members', 'o1'],
      ['add', 'station_memberships', []],
      ['remove', 'station_locks', [{ _id: 'pending-o1', requestId: 'r1' }]],
    ])
    // The stay opens in the station history that notices read (who was in the station when).
    expect(writes[2]!.data).toEqual({ _id: `o1:s1:${T}`, openid: 'o1', stationId: 's1', joinedAt: T, leftAt: null })
    expect(writes[0]!.data).toEqual({ status: 'approved', decidedAt: T, decidedBy: 'head' })
    expect(writes[1]!.data).toEqual({ stationId: 's1', stationJoinedAt: T, updatedAt: T })
  })

  it('answers not_pending for a decided request and in_other_station for a member elsewhere, writing nothing', async () => {
    const decided = setup(responder({ docs: { join_requests: { r1: { ...request, status: 'approved' } }, members: { o1: { _id: 'o1', ...sampleMember('o1') } } } }))
    expect(await decided.store.membership.approveRequest('r1', 'head', T)).toBe('not_pending')
    expect(decided.db.calls.filter((c) => c.operation !== 'get')).toEqual([])
    const elsewhere = setup(
      responder({ docs: { join_requests: { r1: request }, members: { o1: { _id: 'o1', ...sampleMember('o1'), stationId: 's9' } } } }),
    )
    expect(await elsewhere.store.membership.approveRequest('r1', 'head', T)).toBe('in_other_station')
    expect(elsewhere.db.calls.filter((c) => c.operation !== 'get')).toEqual([])
  })

  it('reads the roster with bounded, ordered queries', async () => {
    const { db, store } = setup()
    await store.membership.roster('s1', { q: '李', degree: 'master', field: 'food' }, null, 20)
    expect(db.calls[0]).toMatchObject({
      collection: 'members',
      orderBy: [
        ['stationJoinedAt', 'desc'],
        ['_id', 'desc'],
      ],
      limit: 21,
      where: [
        {
          $and: [
            { stationId: 's1' },
            { $or: [{ name: { $regex: '李', $options: 'i' } }, { major: { $regex: '李', $options: 'i' } }, { college: { $regex: '李', $options: 'i' } }] },
            { degree: 'master' },
            { fields: 'food' },
          ],
        },
      ],
    })
  })

  it('detaches conditioned on the station, then drops the leader reference by rev', async () => {
    const { db, store } = setup(responder({ docs: { stations: { s1: stationDoc({ headOpenid: 'o1' }) } } }))
    expect(await store.membership.detach('o1', 's1', T)).toBe(true)
    const writes = db.calls.filter((c) => c.operation === 'update')
    expect(writes.map((w) => [w.collection, w.where])).toEqual([
      ['station_memberships', [{ openid: { $in: ['o1'] }, stationId: 's1', leftAt: null }]],
      ['members', [{ _id: 'o1', stationId: 's1' }]],
      ['stations', [{ _id: 's1', rev: 'rev-1' }]],
    ])
    // The stay closes first: a crash after it leaves no open period for a member who left.
    expect(writes[0]!.data).toEqual({ leftAt: T })
    expect(writes[2]!.data).toMatchObject({ headOpenid: null })
  })
})

describe('CloudBase audit', () => {
  it('lists newest first with filters, a keyset cursor and limit + 1', async () => {
    const { db, store } = setup()
    const cursor = Buffer.from(JSON.stringify([T, 'a9'])).toString('base64url')
    await store.audit.list({ actor: 'staff-1', stationId: '', from: '2026-11-01', to: null, cursor, limit: 10 })
    expect(db.calls[0]).toMatchObject({
      collection: 'audit_log',
      orderBy: [
        ['at', 'desc'],
        ['_id', 'desc'],
      ],
      limit: 11,
      where: [
        {
          $and: [
            { actorOpenid: 'staff-1' },
            { at: { $gte: '2026-11-01' } },
            { $or: [{ at: { $lt: T } }, { at: T, _id: { $lt: 'a9' } }] },
          ],
        },
      ],
    })
  })
})
