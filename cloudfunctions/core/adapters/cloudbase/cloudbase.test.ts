import { sampleMember } from '../store-contract'
import { FIELD_LIST_LIMIT } from './fields'
import { FORGET_MAX_ROUNDS, FORGET_PAGE_SIZE, idempotencyId } from './idempotency'
import { createRecordingDb, emptyResults, tcbError, type RecordedCall, type Responder } from './recording-db'
import { createCloudBaseStore } from './store'

const openid = 'o-test-member'
const member = sampleMember(openid)

function setup(respond: Responder = emptyResults) {
  const db = createRecordingDb(respond)
  return { db, store: createCloudBaseStore(db) }
}

/** Answers `get` with these documents and everything else as the empty default. */
const documents =
  (...docs: object[]): Responder =>
  (call) =>
    call.operation === 'get' ? { data: docs, requestId: 'r' } : emptyResults(call)

const writes = (calls: RecordedCall[]) => calls.filter((c) => c.operation !== 'get')

describe('CloudBase members', () => {
  it('creates with an insert whose _id is the openid', async () => {
    const { db, store } = setup()
    expect(await store.members.create(member)).toBe(true)
    expect(db.calls).toEqual([
      { operation: 'add', collection: 'members', where: [], orderBy: [], data: { _id: openid, ...member } },
    ])
  })

  it('never overwrites: a duplicate _id answers false and nothing else is written', async () => {
    const { db, store } = setup((call) => {
      if (call.operation === 'add') throw tcbError('DATABASE_DUPLICATE_WRITE', 'duplicate key')
      return emptyResults(call)
    })
    expect(await store.members.create(member)).toBe(false)
    expect(db.calls.map((c) => c.operation)).toEqual(['add'])
  })

  it('reads the duplicate from a returned error too (setThrowOnCode(false)) and from E11000 wording', async () => {
    const returned = setup((call) => (call.operation === 'add' ? { code: 'DATABASE_DUPLICATE_WRITE', message: 'dup' } : emptyResults(call)))
    expect(await returned.store.members.create(member)).toBe(false)
    const wording = setup((call) => {
      if (call.operation === 'add') throw tcbError('DATABASE_REQUEST_FAILED', 'E11000 duplicate key error collection: members')
      return emptyResults(call)
    })
    expect(await wording.store.members.create(member)).toBe(false)
  })

  it('lets any other failure through', async () => {
    const { store } = setup((call) => {
      if (call.operation === 'add') throw tcbError('DATABASE_TIMEOUT', 'timeout')
      return emptyResults(call)
    })
    await expect(store.members.create(member)).rejects.toMatchObject({ code: 'DATABASE_TIMEOUT' })
  })

  it('gets by doc(openid), dropping _id and unknown properties', async () => {
    const { db, store } = setup(documents({ _id: openid, legacy: 1, ...member }))
    expect(await store.members.get(openid)).toEqual(member)
    expect(db.calls).toEqual([{ operation: 'get', collection: 'members', doc: openid, where: [], orderBy: [] }])
  })

  it('refuses a document a mini-program client wrote (it carries _openid): audit D1', async () => {
    const { store } = setup(documents({ _id: openid, _openid: 'client-writer', ...member }))
    expect(await store.members.get(openid)).toBeNull()
  })

  it('answers null when the document is not there', async () => {
    const { store } = setup()
    expect(await store.members.get('nobody')).toBeNull()
  })

  it('updates with doc(openid).update of the named changes only, then re-reads', async () => {
    const reread = { ...member, name: '李四', fields: ['energy'], updatedAt: '2026-12-01T09:30:00.000+08:00' }
    const { db, store } = setup(documents({ _id: openid, ...reread }))
    const changes = { name: '李四', fields: ['energy'], major: undefined, role: 'station_head' }
    const result = await store.members.update(openid, changes, reread.updatedAt)

    expect(result).toEqual(reread)
    expect(db.calls.map((c) => [c.operation, c.collection, c.doc])).toEqual([
      ['update', 'members', openid],
      ['get', 'members', openid],
    ])
    // `role` is not a profile change: even if a caller slips it in, it is never written.
    expect(db.calls[0].data).toEqual({ updatedAt: reread.updatedAt, name: '李四', fields: ['energy'] })
  })

  it('answers null from update when the re-read finds nothing, without inserting', async () => {
    const { db, store } = setup()
    expect(await store.members.update('nobody', { name: '王五' }, '2026-12-01T09:30:00.000+08:00')).toBeNull()
    expect(db.calls.map((c) => c.operation)).toEqual(['update', 'get'])
  })

  it('removes by doc(openid) and reports whether a document went', async () => {
    const one = setup((call) => (call.operation === 'remove' ? { deleted: 1 } : emptyResults(call)))
    expect(await one.store.members.remove(openid)).toBe(true)
    expect(one.db.calls).toEqual([{ operation: 'remove', collection: 'members', doc: openid, where: [], orderBy: [] }])
    const none = setup()
    expect(await none.store.members.remove(openid)).toBe(false)
  })
})

describe('CloudBase fields', () => {
  it('lists by sort then _id with an explicit limit of at most 1000, mapping _id to id', async () => {
    const { db, store } = setup(
      documents({ _id: 'food', name: '食品加工', active: true, sort: 1 }, { _id: 'old', name: '旧', active: false, sort: 2 }),
    )
    expect(await store.fields.list()).toEqual([
      { id: 'food', name: '食品加工', active: true, sort: 1 },
      { id: 'old', name: '旧', active: false, sort: 2 },
    ])
    expect(db.calls).toEqual([
      {
        operation: 'get',
        collection: 'fields',
        where: [],
        orderBy: [
          ['sort', 'asc'],
          ['_id', 'asc'],
        ],
        limit: FIELD_LIST_LIMIT,
      },
    ])
    expect(FIELD_LIST_LIMIT).toBeLessThanOrEqual(1000)
  })

  it('saves with doc(id).set of the whole field, the id only as the document id', async () => {
    const { db, store } = setup()
    const field = { id: 'energy', name: '新能源', active: false, sort: 7 }
    expect(await store.fields.save(field)).toEqual(field)
    expect(db.calls).toEqual([
      { operation: 'set', collection: 'fields', doc: 'energy', where: [], orderBy: [], data: { name: '新能源', active: false, sort: 7 } },
    ])
  })
})

describe('CloudBase idempotency', () => {
  it('derives a deterministic sha256 id that keeps callers and request ids apart', () => {
    expect(idempotencyId('alice', 'req-1')).toMatch(/^[0-9a-f]{64}$/)
    expect(idempotencyId('alice', 'req-1')).toBe(idempotencyId('alice', 'req-1'))
    expect(idempotencyId('alice', 'req-1')).not.toBe(idempotencyId('bob', 'req-1'))
    // No separator ambiguity: ("ab", "c") and ("a", "bc") are different keys.
    expect(idempotencyId('ab', 'c')).not.toBe(idempotencyId('a', 'bc'))
  })

  it('remembers by filling in the claim, else with an insert under that id; a duplicate is quietly dropped (first write wins)', async () => {
    const { db, store } = setup((call) => {
      if (call.operation === 'update') return { updated: 0, requestId: 'r' }
      if (call.operation === 'add') throw tcbError('DATABASE_DUPLICATE_WRITE')
      return emptyResults(call)
    })
    await expect(store.idempotency.remember('alice', 'req-1', 'second', '2026-12-01T09:30:00.000+08:00')).resolves.toBeUndefined()
    expect(db.calls.map((c) => [c.operation, c.collection, c.where])).toEqual([
      ['update', 'idempotency', [{ _id: idempotencyId('alice', 'req-1'), openid: 'alice', result: '' }]],
      ['add', 'idempotency', []],
    ])
    expect(db.calls[1]!.data).toEqual({
      _id: idempotencyId('alice', 'req-1'),
      openid: 'alice',
      requestId: 'req-1',
      result: 'second',
      createdAt: '2026-12-01T09:30:00.000+08:00',
    })
  })

  it('finds by doc(id) and checks the stored key matches', async () => {
    const stored = { _id: idempotencyId('alice', 'req-1'), openid: 'alice', requestId: 'req-1', result: 'first' }
    const { db, store } = setup(documents(stored))
    expect(await store.idempotency.find('alice', 'req-1')).toBe('first')
    expect(db.calls[0]).toMatchObject({ operation: 'get', collection: 'idempotency', doc: idempotencyId('alice', 'req-1') })
    expect(await store.idempotency.find('bob', 'req-1')).toBeNull()
  })

  it('forgets a caller in bounded pages: read ids, remove exactly those, until a short page', async () => {
    const pages = [FORGET_PAGE_SIZE, FORGET_PAGE_SIZE, 3]
    let served = 0
    const { db, store } = setup((call) => {
      if (call.operation !== 'get') return emptyResults(call)
      const size = pages[served] ?? 0
      const page = Array.from({ length: size }, (_, i) => ({ _id: `k${served}-${i}` }))
      served += 1
      return { data: page }
    })
    await store.idempotency.forgetCaller('alice')

    const reads = db.calls.filter((c) => c.operation === 'get')
    const removes = writes(db.calls)
    expect(reads).toHaveLength(3)
    expect(removes).toHaveLength(3)
    for (const read of reads) {
      expect(read).toMatchObject({ collection: 'idempotency', where: [{ openid: 'alice' }], field: { _id: true } })
      expect(read.limit).toBeGreaterThan(0)
      expect(read.limit).toBeLessThanOrEqual(1000)
    }
    removes.forEach((remove, round) => {
      const ids = Array.from({ length: pages[round] }, (_, i) => `k${round}-${i}`)
      expect(remove).toEqual({
        operation: 'remove',
        collection: 'idempotency',
        where: [{ openid: 'alice', _id: { $in: ids } }],
        orderBy: [],
      })
    })
  })

  it('stops at once when the caller has nothing remembered', async () => {
    const { db, store } = setup()
    await store.idempotency.forgetCaller('alice')
    expect(db.calls.map((c) => c.operation)).toEqual(['get'])
  })

  it('gives up after a bounded number of rounds instead of looping for ever', async () => {
    const full = Array.from({ length: FORGET_PAGE_SIZE }, (_, i) => ({ _id: `k${i}` }))
    const { db, store } = setup((call) => (call.operation === 'get' ? { data: full } : emptyResults(call)))
    await expect(store.idempotency.forgetCaller('alice')).rejects.toThrow(/rounds/)
    expect(db.calls.filter((c) => c.operation === 'get')).toHaveLength(FORGET_MAX_ROUNDS)
  })
})

describe('CloudBase missing collections', () => {
  it('creates a missing collection once, then retries the operation', async () => {
    let created = false
    const { db, store } = setup((call) => {
      if (call.operation === 'createCollection') {
        created = true
        return emptyResults(call)
      }
      if (!created) throw tcbError('DATABASE_COLLECTION_NOT_EXIST')
      return emptyResults(call)
    })
    const [a, b] = await Promise.all([store.members.get('x'), store.members.get('y')])
    expect([a, b]).toEqual([null, null])
    const creations = db.calls.filter((c) => c.operation === 'createCollection')
    expect(creations).toEqual([{ operation: 'createCollection', collection: 'members', where: [], orderBy: [] }])
    expect(db.calls.filter((c) => c.operation === 'get')).toHaveLength(4)
  })

  it('reports why creation failed when the collection is still missing', async () => {
    const { store } = setup((call) => {
      if (call.operation === 'createCollection') throw tcbError('PERMISSION_DENIED', 'no right to create')
      throw tcbError('DATABASE_COLLECTION_NOT_EXIST')
    })
    await expect(store.fields.list()).rejects.toMatchObject({ code: 'PERMISSION_DENIED' })
  })

  it('does not create anything for other errors', async () => {
    const { db, store } = setup(() => {
      throw tcbError('DATABASE_TIMEOUT')
    })
    await expect(store.members.get('x')).rejects.toMatchObject({ code: 'DATABASE_TIMEOUT' })
    expect(db.calls.map((c) => c.operation)).toEqual(['get'])
  })
})
