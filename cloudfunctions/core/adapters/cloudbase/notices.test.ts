import type { NoticeAudience } from '../../../../types'
import type { NoticeRecord } from '../../notice/ports'
import { createRecordingDb, emptyResults, type RecordedCall, type Responder } from './recording-db'
import { CloudBaseNoticeStore } from './notices'
import { Collections } from './collections'

const T = '2026-11-01T10:00:00.000+08:00'
const none: NoticeAudience = { all: false, stationIds: [], countyIds: [], fieldIds: [], degreeIds: [], graduationYears: [], activityId: null, activityStatus: null }

const record = (overrides: Partial<NoticeRecord> = {}): NoticeRecord => ({
  id: 'nt1',
  title: '通知',
  body: '正文',
  link: null,
  audience: { ...none, stationIds: ['s1'] },
  origin: 'manual',
  senderOpenid: 'staff',
  senderRole: 'staff',
  senderLabel: '共青团驻马店市委',
  stationId: null,
  sendAt: T,
  createdAt: T,
  recipients: 3,
  withdrawnAt: null,
  ...overrides,
})

const reader = {
  openid: 'o1',
  joinedAt: '2026-09-01T10:00:00.000+08:00',
  hometownCounty: 'suiping' as const,
  degree: 'bachelor' as const,
  graduationYear: 2026,
  fields: ['energy'],
  stationId: 's2',
  stationJoinedAt: '2026-10-01T10:00:00.000+08:00',
}

function setup(respond: Responder = emptyResults) {
  const db = createRecordingDb(respond)
  return { db, store: new CloudBaseNoticeStore(new Collections(db)) }
}

const { _id: _omit, ...docOf } = { _id: 'nt1', ...record() }
const noticeDoc = (overrides: object = {}) => {
  const { id, ...rest } = record()
  return { _id: id, ...rest, ...docOf, keys: ['s:s1'], pushState: 'pushing', pushAfter: '', ...overrides }
}

describe('CloudBase notices', () => {
  it('stores one document per notice, filed under its anchor keys; an activity audience frozen in chunks of 500 first', async () => {
    const { db, store } = setup()
    await store.create(record(), null)
    expect(db.calls[0]).toMatchObject({ operation: 'add', collection: 'notices', data: { _id: 'nt1', keys: ['s:s1'], pushState: 'pushing', pushAfter: '' } })
    // Then every kept unread count goes stale (the version, created on first use).
    expect(db.calls.slice(1).map((c) => [c.operation, c.collection, c.where])).toEqual([
      ['update', 'notice_reads', [{ _id: '~version' }]],
      ['add', 'notice_reads', []],
    ])
    db.calls.length = 0
    const openids = Array.from({ length: 1001 }, (_, i) => `o${i}`)
    await store.create(record({ id: 'nt2', audience: { ...none, activityId: 'ac1' } }), openids)
    expect(db.calls.slice(0, 4).map((c) => [c.operation, c.collection, c.doc])).toEqual([
      ['set', 'notice_recipients', 'nt2:0'],
      ['set', 'notice_recipients', 'nt2:1'],
      ['set', 'notice_recipients', 'nt2:2'],
      ['add', 'notices', undefined],
    ])
    expect((db.calls[2]!.data as { openids: string[] }).openids).toEqual(['o1000'])
    expect(db.calls[3]!.data).toMatchObject({ keys: [], pushState: 'pushing' })
  })

  it('counts an audience with one count() on members, never a listing', async () => {
    const { db, store } = setup((call) => (call.operation === 'count' ? { total: 42 } : emptyResults(call)))
    expect(await store.countAudience({ ...none, countyIds: ['suiping'], fieldIds: ['energy'] }, T)).toBe(42)
    expect(db.calls.map((c) => c.operation)).toEqual(['count'])
    expect(JSON.stringify(db.calls[0]!.where)).toContain('"hometownCounty":{"$in":["suiping"]}')
    expect(JSON.stringify(db.calls[0]!.where)).toContain('"joinedAt":{"$lte":"2026-11-01T10:00:00.000+08:00"}')
  })

  it("resolves the inbox by the reader's keys and station history, then checks the whole audience", async () => {
    const respond: Responder = (call: RecordedCall) => {
      if (call.operation !== 'get') return emptyResults(call)
      if (call.collection === 'station_memberships') {
        return { data: [{ openid: 'o1', stationId: 's1', joinedAt: '2026-09-02T00:00:00.000+08:00', leftAt: '2026-09-30T00:00:00.000+08:00' }] }
      }
      if (call.collection === 'notices') {
        return {
          data: [
            noticeDoc({ _id: 'in-s1', sendAt: '2026-09-10T00:00:00.000+08:00' }),
            noticeDoc({ _id: 'after-leaving', sendAt: '2026-10-10T00:00:00.000+08:00' }),
            noticeDoc({ _id: 'county', sendAt: '2026-09-05T00:00:00.000+08:00', audience: { ...none, countyIds: ['suiping'], degreeIds: ['master'] } }),
          ],
        }
      }
      if (call.collection === 'notice_reads') return { data: [{ noticeId: 'in-s1' }] }
      return { data: [] }
    }
    const { db, store } = setup(respond)
    const page = await store.inbox(reader, T, null, 20)
    expect(page.items.map((n) => [n.id, n.read])).toEqual([['in-s1', true]])
    const query = db.calls.find((c) => c.collection === 'notices')!
    expect(query.orderBy).toEqual([
      ['sendAt', 'desc'],
      ['_id', 'desc'],
    ])
    expect(query.limit).toBe(1000)
    const keys = JSON.stringify(query.where)
    for (const key of ['*', 'c:suiping', 'd:bachelor', 'y:2026', 'f:energy', 's:s1', 's:s2']) expect(keys).toContain(`"${key}"`)
  })

  it('withdraws conditioned on not being withdrawn yet, and skips the pending pushes', async () => {
    const { db, store } = setup((call) => (call.operation === 'update' ? { updated: 1 } : emptyResults(call)))
    expect(await store.withdraw('nt1', T)).toBe(true)
    expect(db.calls.map((c) => [c.operation, c.collection, c.where])).toEqual([
      ['update', 'notices', [{ _id: 'nt1', withdrawnAt: null }]],
      ['update', 'notice_pushes', [{ noticeId: 'nt1', state: 'pending' }]],
      ['update', 'notice_reads', [{ _id: '~version' }]],
    ])
  })

  it('moves a push pending → sending conditioned on its state, so two runs never both send it', async () => {
    const { db, store } = setup((call) => {
      if (call.operation === 'update') return { updated: 0 }
      return emptyResults(call)
    })
    expect(await store.markSending('nt1', 'o1', T)).toBeNull()
    expect(db.calls[0]).toMatchObject({ operation: 'update', collection: 'notice_pushes', where: [{ _id: 'nt1:o1', state: 'pending' }], data: { state: 'sending' } })
  })

  it('claims new pushes from the notice subscribers in the audience, with deterministic ids', async () => {
    const respond: Responder = (call) => {
      if (call.operation === 'get' && call.collection === 'notices') return { data: [noticeDoc({ audience: { ...none, all: true }, keys: ['*'] })] }
      if (call.operation === 'get' && call.collection === 'subscriptions') return { data: [{ openid: 'o1' }, { openid: 'o2' }] }
      if (call.operation === 'get' && call.collection === 'members') {
        return { data: [{ ...reader, _id: 'o1' }, { ...reader, _id: 'o2', joinedAt: '2026-12-01T00:00:00.000+08:00' }] }
      }
      if (call.operation === 'update') return { updated: 1 }
      return emptyResults(call)
    }
    const { db, store } = setup(respond)
    const claimed = await store.claimPushes(record({ audience: { ...none, all: true } }), 200, T, T)
    expect(claimed).toEqual(['o1'])
    const adds = db.calls.filter((c) => c.operation === 'add')
    // One insert for the round's pushes.
    expect(adds.map((c) => (c.data as { _id: string }[]).map((d) => d._id))).toEqual([['nt1:o1']])
    const subs = db.calls.find((c) => c.collection === 'subscriptions')!
    expect(subs.orderBy).toEqual([['openid', 'asc']])
    expect(JSON.stringify(subs.where)).toContain('"template":"notice"')
  })
})
