import { Db } from '@cloudbase/database'
import type { PolicyQuery, PolicyRecord } from '../../policy/ports'
import type { DocumentDatabase } from './database'
import { interestId } from './demands'
import { favoriteId, MATCH_WINDOW, SEARCH_WINDOW } from './policies'
import { createRecordingDb, emptyResults, tcbError, type RecordedCall, type Responder } from './recording-db'
import { createCloudBaseStore } from './store'

/** Query shapes of the policies and demands adapter against the recording double (no network). */
const T = '2027-05-01T09:00:00.000+08:00'

function setup(respond: Responder = emptyResults) {
  const db = createRecordingDb(respond)
  return { db, store: createCloudBaseStore(db) }
}

const query = (overrides: Partial<PolicyQuery> = {}): PolicyQuery => ({
  words: [],
  category: null,
  field: null,
  degree: null,
  county: null,
  inEffectOn: null,
  includeDrafts: false,
  offset: 0,
  limit: 20,
  ...overrides,
})

const policyDoc = (id: string, overrides: object = {}) => ({
  _id: id,
  title: `标题${id}`,
  category: 'measure',
  summary: '摘要',
  body: '<p>正文</p>',
  bodyText: '正文',
  issuer: '',
  docNumber: '',
  fields: [],
  degrees: [],
  counties: [],
  effectiveFrom: null,
  effectiveUntil: null,
  sourceUrl: null,
  tags: [],
  status: 'published',
  publishedAt: T,
  createdAt: T,
  updatedAt: T,
  dims: 0,
  ...overrides,
})

/** Answers a projected candidate read with `candidates`, and `_id: {$in}` reads with those docs. */
function policiesResponder(candidates: object[], full: Record<string, object> = {}): Responder {
  return (call) => {
    if (call.operation !== 'get' || call.doc !== undefined) return emptyResults(call)
    if (call.collection === 'policies' && call.field) return { data: candidates }
    const ids = (call.where[0] as { _id?: { $in?: string[] } })._id?.$in
    if (call.collection === 'policies' && ids) return { data: ids.flatMap((id) => (full[id] ? [full[id]] : [])) }
    return emptyResults(call)
  }
}

const reads = (db: { calls: RecordedCall[] }) => db.calls.filter((c) => c.operation === 'get')

describe('CloudBase policies: search', () => {
  it('ANDs an escaped, case-insensitive regexp per word over title, summary and bodyText', async () => {
    const { db, store } = setup()
    await store.policies.search(query({ words: ['安家', 'a.b*(c)|[d]^$+?{1}\\'] }))
    const [read] = reads(db)
    const word = (regex: string) => ({
      $or: [
        { title: { $regex: regex, $options: 'i' } },
        { summary: { $regex: regex, $options: 'i' } },
        { bodyText: { $regex: regex, $options: 'i' } },
      ],
    })
    expect(read!.where).toEqual([{ $and: [{ status: 'published' }, word('安家'), word('a\\.b\\*\\(c\\)\\|\\[d\\]\\^\\$\\+\\?\\{1\\}\\\\')] }])
    expect(new RegExp('a\\.b\\*\\(c\\)\\|\\[d\\]\\^\\$\\+\\?\\{1\\}\\\\').test('a.b*(c)|[d]^$+?{1}\\')).toBe(true)
    expect(read).toMatchObject({ collection: 'policies', orderBy: [['publishedAt', 'desc'], ['_id', 'asc']], limit: SEARCH_WINDOW })
    expect(read!.field).not.toHaveProperty('bodyText')
  })

  it('filters by category, target arrays and the day in effect; drafts only when asked', async () => {
    const { db, store } = setup()
    await store.policies.search(query({ category: 'demand', field: 'biomed', degree: 'doctor', county: 'queshan', inEffectOn: '2027-01-01', includeDrafts: true }))
    expect(reads(db)[0]!.where).toEqual([
      {
        $and: [
          { category: 'demand' },
          { fields: 'biomed' },
          { degrees: 'doctor' },
          { counties: 'queshan' },
          { $or: [{ effectiveFrom: null }, { effectiveFrom: { $lte: '2027-01-01' } }] },
          { $or: [{ effectiveUntil: null }, { effectiveUntil: { $gte: '2027-01-01' } }] },
        ],
      },
    ])
  })

  it('reads just past the page without words, with no condition at all when there is none', async () => {
    const { db, store } = setup()
    await store.policies.search(query({ includeDrafts: true, offset: 40, limit: 20 }))
    expect(reads(db)[0]).toMatchObject({ where: [], limit: 61 })
  })

  it('ranks the window in memory (title, then summary, then newest) and reads the full records of the page only', async () => {
    const candidates = [
      { _id: 'body', title: 'x', summary: 'x' },
      { _id: 'summary', title: 'x', summary: '人才AI' },
      { _id: 'title', title: '人才ai', summary: 'x' },
      { _id: 'both', title: '人才', summary: 'AI' },
    ]
    const full = Object.fromEntries(candidates.map((c) => [c._id, policyDoc(c._id)]))
    const { db, store } = setup(policiesResponder(candidates, full))
    const first = await store.policies.search(query({ words: ['人才', 'AI'], limit: 2 }))
    expect(first.items.map((p) => p.id)).toEqual(['title', 'both'])
    expect(first.more).toBe(true)
    expect(reads(db)[1]!.where).toEqual([{ _id: { $in: ['title', 'both'] } }])
    const second = await store.policies.search(query({ words: ['人才', 'AI'], offset: 2, limit: 2 }))
    expect(second).toMatchObject({ items: [{ id: 'summary' }, { id: 'body' }], more: false })
    expect(db.calls.every((c) => c.limit === undefined || c.limit <= 1000)).toBe(true)
  })

  it('reads no records when the page is empty', async () => {
    const { db, store } = setup()
    expect(await store.policies.search(query({ words: ['无'] }))).toEqual({ items: [], more: false })
    expect(reads(db)).toHaveLength(1)
  })
})

describe('CloudBase policies: writes and matching', () => {
  it('creates with dims, publishes conditionally and keeps dims in step with updates', async () => {
    const current = policyDoc('p1', { degrees: ['doctor'], dims: 1 })
    const { db, store } = setup((call) => {
      if (call.operation === 'get' && call.doc === 'p1') return { data: [current] }
      if (call.operation === 'update') return { updated: 1 }
      return emptyResults(call)
    })
    const { _id, dims, ...record } = current
    await store.policies.create({ id: 'p1', ...record, fields: ['biomed'] } as PolicyRecord)
    expect(db.calls[0]).toMatchObject({ operation: 'add', collection: 'policies', data: { _id: 'p1', dims: 2 } })
    expect(await store.policies.setStatus('p1', 'published', T)).toBe(true)
    expect(db.calls[1]).toMatchObject({
      operation: 'update',
      where: [{ _id: 'p1', status: { $ne: 'published' } }],
      data: { status: 'published', publishedAt: T, updatedAt: T },
    })
    await store.policies.update('p1', { counties: ['queshan'], fields: [], title: undefined }, T)
    const update = db.calls.find((c) => c.operation === 'update' && c.doc === 'p1')!
    expect(update.data).toEqual({ updatedAt: T, counties: ['queshan'], fields: [], dims: 2 })
  })

  it('answers null for an update of a missing policy without writing', async () => {
    const { db, store } = setup()
    expect(await store.policies.update('nope', { title: 'x' }, T)).toBeNull()
    expect(db.calls.filter((c) => c.operation === 'update')).toEqual([])
  })

  it('queries candidates sharing a target, then checks every limited dimension in code', async () => {
    const candidates = [
      { _id: 'general' },
      { _id: 'degreeOnly', degrees: ['doctor'] },
      { _id: 'wrongCounty', degrees: ['doctor'], counties: ['xincai'] },
      { _id: 'all', degrees: ['doctor', 'master'], counties: ['queshan'], fields: ['biomed', 'energy'] },
      { _id: 'fields', fields: ['biomed', 'textile'] },
    ]
    const full = Object.fromEntries(candidates.map((c) => [c._id, policyDoc(c._id, c)]))
    const { db, store } = setup(policiesResponder(candidates, full))
    const result = await store.policies.match({ degree: 'doctor', county: 'queshan', fields: ['biomed', 'textile'] }, 20)
    const [read] = reads(db)
    expect(read!.where).toEqual([
      {
        $and: [
          { status: 'published' },
          { $or: [{ fields: { $in: ['biomed', 'textile'] } }, { degrees: 'doctor' }, { counties: 'queshan' }] },
        ],
      },
    ])
    expect(read).toMatchObject({ limit: MATCH_WINDOW, orderBy: [['publishedAt', 'desc'], ['_id', 'asc']] })
    expect(result.map((m) => [m.policy.id, m.met])).toEqual([
      ['all', ['field:biomed', 'degree:doctor', 'county:queshan']],
      ['degreeOnly', ['degree:doctor']],
      ['fields', ['field:biomed', 'field:textile']],
    ])
    expect(MATCH_WINDOW).toBeLessThanOrEqual(1000)
  })
})

describe('CloudBase policies: favourites', () => {
  it('inserts under `${openid}:${policyId}`, ignores a duplicate, removes by id', async () => {
    const { db, store } = setup((call) => {
      if (call.operation === 'add') throw tcbError('DATABASE_DUPLICATE_WRITE')
      return emptyResults(call)
    })
    await store.policies.setFavorite('o1', 'p1', true, T)
    await store.policies.setFavorite('o1', 'p1', false, T)
    expect(db.calls[0]).toMatchObject({ operation: 'add', collection: 'policy_favorites', data: { _id: favoriteId('o1', 'p1'), openid: 'o1', policyId: 'p1', at: T } })
    expect(db.calls[1]).toMatchObject({ operation: 'remove', collection: 'policy_favorites', doc: 'o1:p1' })
  })

  it('pages favourites by (at, policyId) desc, skipping unpublished policies', async () => {
    const favorites = [
      { _id: 'o1:p3', openid: 'o1', policyId: 'p3', at: '3' },
      { _id: 'o1:p2', openid: 'o1', policyId: 'p2', at: '2' },
      { _id: 'o1:p1', openid: 'o1', policyId: 'p1', at: '1' },
    ]
    const full = { p3: policyDoc('p3'), p2: policyDoc('p2', { status: 'draft' }), p1: policyDoc('p1') }
    const { db, store } = setup((call) => {
      if (call.operation === 'get' && call.collection === 'policy_favorites') return { data: favorites }
      return policiesResponder([], full)(call)
    })
    const page = await store.policies.favorites('o1', null, 5)
    expect(page).toMatchObject({ items: [{ id: 'p3' }, { id: 'p1' }], nextCursor: null })
    expect(reads(db)[0]).toMatchObject({ where: [{ openid: 'o1' }], orderBy: [['at', 'desc'], ['policyId', 'desc']], limit: 6 })
  })
})

describe('CloudBase demands', () => {
  it('registers interest once under `${demandId}:${openid}`: a duplicate insert is false', async () => {
    let inserted = false
    const { db, store } = setup((call) => {
      if (call.operation === 'add') {
        if (inserted) throw tcbError('DATABASE_DUPLICATE_WRITE')
        inserted = true
      }
      return emptyResults(call)
    })
    const interest = { demandId: 'd1', openid: 'o1', at: T, shared: { name: '李明' }, share: ['name' as const] }
    expect(await store.demands.registerInterest(interest)).toBe(true)
    expect(await store.demands.registerInterest(interest)).toBe(false)
    expect(db.calls[0]).toMatchObject({ collection: 'demand_interests', data: { _id: interestId('d1', 'o1'), demandId: 'd1', openid: 'o1', share: ['name'] } })
  })

  it('counts the interests of one demand with count()', async () => {
    const { db, store } = setup((call) => {
      if (call.operation === 'get' && call.doc === 'd1') return { data: [{ _id: 'd1', status: 'open', deadline: '2027-06-30' }] }
      if (call.operation === 'count') return { total: 4 }
      return emptyResults(call)
    })
    expect((await store.demands.get('d1'))?.interestCount).toBe(4)
    expect(db.calls.find((c) => c.operation === 'count')).toMatchObject({ collection: 'demand_interests', where: [{ demandId: 'd1' }] })
  })

  it('lists by (deadline, _id) with words over employer, position and description, tallying the counts in one read', async () => {
    const demands = [
      { _id: 'd1', deadline: '2027-06-01', status: 'open' },
      { _id: 'd2', deadline: '2027-06-02', status: 'open' },
      { _id: 'd3', deadline: '2027-06-03', status: 'open' },
    ]
    const { db, store } = setup((call) => {
      if (call.operation === 'get' && call.collection === 'demands') return { data: demands }
      if (call.operation === 'get' && call.collection === 'demand_interests') return { data: [{ demandId: 'd2' }, { demandId: 'd2' }, { demandId: 'd1' }] }
      return emptyResults(call)
    })
    const page = await store.demands.list({ words: ['研发.'], field: 'biomed', degree: null, includeClosed: false, cursor: null, limit: 2 })
    expect(page.items.map((d) => [d.id, d.interestCount])).toEqual([
      ['d1', 1],
      ['d2', 2],
    ])
    expect(page.nextCursor).not.toBeNull()
    const [list, tally] = reads(db)
    const re = { $regex: '研发\\.', $options: 'i' }
    expect(list).toMatchObject({
      where: [{ $and: [{ status: 'open' }, { $or: [{ employer: re }, { position: re }, { description: re }] }, { field: 'biomed' }] }],
      orderBy: [['deadline', 'asc'], ['_id', 'asc']],
      limit: 3,
    })
    expect(tally).toMatchObject({ where: [{ demandId: { $in: ['d1', 'd2'] } }], field: { demandId: true }, limit: 1000 })
    expect(db.calls.filter((c) => c.operation === 'count')).toEqual([])

    await store.demands.list({ words: [], field: null, degree: null, includeClosed: true, cursor: page.nextCursor, limit: 2 })
    expect(reads(db)[2]!.where).toEqual([{ $or: [{ deadline: { $gt: '2027-06-02' } }, { deadline: '2027-06-02', _id: { $gt: 'd2' } }] }])
  })

  it('falls back to count() per demand when the tally read comes back full', async () => {
    const { db, store } = setup((call) => {
      if (call.operation === 'get' && call.collection === 'demands') return { data: [{ _id: 'd1' }, { _id: 'd2' }] }
      if (call.operation === 'get' && call.collection === 'demand_interests') return { data: Array.from({ length: 1000 }, () => ({ demandId: 'd1' })) }
      if (call.operation === 'count') return { total: call.where[0] && (call.where[0] as { demandId: string }).demandId === 'd1' ? 1200 : 3 }
      return emptyResults(call)
    })
    const open = await store.demands.openInFields(['biomed'], 200)
    expect(open.map((d) => d.interestCount)).toEqual([1200, 3])
    expect(reads(db)[0]).toMatchObject({ where: [{ status: 'open', field: { $in: ['biomed'] } }], limit: 200 })
  })

  it('closes conditionally and withdraws by the deterministic id', async () => {
    const { db, store } = setup((call) => (call.operation === 'remove' ? { deleted: 1 } : call.operation === 'update' ? { updated: 0 } : emptyResults(call)))
    expect(await store.demands.close('d1', T)).toBe(false)
    expect(db.calls[0]).toMatchObject({ where: [{ _id: 'd1', status: 'open' }], data: { status: 'closed', updatedAt: T } })
    expect(await store.demands.withdrawInterest('d1', 'o1')).toBe(true)
    expect(db.calls[1]).toMatchObject({ operation: 'remove', collection: 'demand_interests', doc: 'd1:o1' })
  })
})

describe('CloudBase policies through the SDK query builder', () => {
  const sent: { api: string; params: Record<string, unknown> }[] = []
  const originalRequester: unknown = Db.reqClass
  beforeAll(() => {
    Db.reqClass = class {
      async send(api: string, params: Record<string, unknown>) {
        sent.push({ api, params })
        return { data: { list: [] }, requestId: 'r' }
      }
    }
  })
  afterAll(() => {
    Db.reqClass = originalRequester
  })

  it('sends the word conditions as regular expressions inside $and / $or, bounded and ordered', async () => {
    const db: DocumentDatabase = new Db({})
    await createCloudBaseStore(db).policies.search(query({ words: ['5G*'] }))
    const [request] = sent
    expect(request!.api).toBe('database.getDocument')
    expect(request!.params).toMatchObject({ collectionName: 'policies', limit: SEARCH_WINDOW })
    const where = JSON.parse(String(request!.params.query)) as unknown
    // EJSON on the wire: the service reads it as a case-insensitive regular expression.
    const regex = { $regularExpression: { pattern: '5G\\*', options: 'i' } }
    expect(where).toEqual({ $and: [{ status: 'published' }, { $or: [{ title: regex }, { summary: regex }, { bodyText: regex }] }] })
    expect(Object.keys(JSON.parse(String(request!.params.order)) as object)).toEqual(['publishedAt', '_id'])
  })
})
