import { Db } from '@cloudbase/database'
import { sampleMember } from '../store-contract'
import type { DocumentDatabase } from './database'
import { idempotencyId } from './idempotency'
import { createCloudBaseStore } from './store'

/**
 * One level closer to the wire than cloudbase.test.ts: the stores drive the SDK's real query
 * builder (`Db` of @cloudbase/database, what `app.database()` returns) and a recording requester
 * stands in for HTTP, so these assert the database API requests the SDK would send.
 */
interface SentRequest {
  api: string
  params: Record<string, unknown>
}

const sent: SentRequest[] = []
let answer: (api: string) => unknown = () => ({})

class RecordingRequester {
  async send(api: string, params: Record<string, unknown>): Promise<unknown> {
    sent.push({ api, params })
    return answer(api)
  }
}

const originalRequester: unknown = Db.reqClass
beforeAll(() => {
  Db.reqClass = RecordingRequester
})
afterAll(() => {
  Db.reqClass = originalRequester
})
beforeEach(() => {
  sent.length = 0
  answer = (api) => {
    if (api === 'database.getDocument') return { data: { list: [] }, requestId: 'r' }
    if (api === 'database.insertDocument') return { data: { insertedIds: ['x'] }, requestId: 'r' }
    if (api === 'database.modifyDocument') return { data: { updated: 1 }, requestId: 'r' }
    if (api === 'database.removeDocument') return { data: { deleted: 1 }, requestId: 'r' }
    return { requestId: 'r' }
  }
})

function store() {
  const db: DocumentDatabase = new Db({})
  return createCloudBaseStore(db)
}

const json = (value: unknown) => JSON.parse(String(value)) as unknown

describe('CloudBase adapter through the SDK query builder', () => {
  it('creates a member as a plain insert carrying _id = openid', async () => {
    const member = sampleMember('o-sdk')
    await store().members.create(member)
    expect(sent).toHaveLength(1)
    expect(sent[0].api).toBe('database.insertDocument')
    const [document] = sent[0].params.data as string[]
    expect(json(document)).toMatchObject({ _id: 'o-sdk', openid: 'o-sdk', name: member.name, fields: member.fields })
  })

  it('updates without upsert, replacing the fields array whole', async () => {
    await store().members.update('o-sdk', { fields: ['energy'] }, '2026-12-01T09:30:00.000+08:00')
    const update = sent[0]
    expect(update.api).toBe('database.modifyDocument')
    expect(update.params).toMatchObject({ collectionName: 'members', queryType: 'DOC', upsert: false, multi: false })
    expect(json(update.params.query)).toEqual({ _id: 'o-sdk' })
    expect(json(update.params.data)).toEqual({
      $set: { updatedAt: '2026-12-01T09:30:00.000+08:00', fields: ['energy'] },
    })
    expect(sent[1].api).toBe('database.getDocument')
  })

  it('saves a field as a whole-document upsert', async () => {
    await store().fields.save({ id: 'energy', name: '新能源', active: true, sort: 3 })
    expect(sent[0].params).toMatchObject({ collectionName: 'fields', upsert: true, merge: false, multi: false })
    expect(json(sent[0].params.query)).toEqual({ _id: 'energy' })
  })

  it('lists fields ordered by sort then _id with limit 1000', async () => {
    await store().fields.list()
    expect(sent[0].params).toMatchObject({ collectionName: 'fields', limit: 1000 })
    expect(Object.keys(json(sent[0].params.order) as object)).toEqual(['sort', '_id'])
  })

  it('forgets a caller by reading a page of ids and removing exactly those', async () => {
    answer = (api) => {
      if (api === 'database.getDocument') {
        return { data: { list: [JSON.stringify({ _id: 'k1' }), JSON.stringify({ _id: 'k2' })] }, requestId: 'r' }
      }
      return { data: { deleted: 2 }, requestId: 'r' }
    }
    await store().idempotency.forgetCaller('alice')
    expect(sent.map((s) => s.api)).toEqual(['database.getDocument', 'database.removeDocument'])
    expect(sent[0].params.limit).toBeLessThanOrEqual(1000)
    expect(json(sent[0].params.query)).toEqual({ openid: 'alice' })
    expect(json(sent[1].params.query)).toEqual({ openid: 'alice', _id: { $in: ['k1', 'k2'] } })
  })

  it('claims a key with one insert of its document under the deterministic id, and remembers by filling that claim in', async () => {
    const claim = await store().idempotency.claim('alice', 'req-1', '2026-12-01T09:30:00.000+08:00', '2026-12-01T09:29:40.000+08:00')
    expect(claim).toEqual({ held: true })
    expect(sent.map((r) => r.api)).toEqual(['database.insertDocument'])
    const [document] = sent[0].params.data as string[]
    expect(json(document)).toMatchObject({ _id: idempotencyId('alice', 'req-1'), openid: 'alice', requestId: 'req-1', result: '' })

    sent.length = 0
    await store().idempotency.remember('alice', 'req-1', 'r', '2026-12-01T09:30:01.000+08:00')
    expect(sent.map((r) => r.api)).toEqual(['database.modifyDocument'])
    expect(json(sent[0].params.query)).toEqual({ _id: idempotencyId('alice', 'req-1'), openid: 'alice', result: '' })
  })
})
