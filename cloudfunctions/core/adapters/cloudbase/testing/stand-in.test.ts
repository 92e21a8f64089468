import type { DbTransaction } from '../database'
import { CloudBaseStandIn } from './stand-in'

/** What the stand-in models (its header's assumptions), through the real SDK. */
async function world() {
  const standIn = new CloudBaseStandIn()
  const db = standIn.database()
  await db.createCollection('c')
  return { standIn, db, _: db.command }
}

describe('the CloudBase database stand-in', () => {
  it('refuses a missing collection, creates it once, refuses a second creation', async () => {
    const standIn = new CloudBaseStandIn()
    const db = standIn.database()
    await expect(db.collection('x').add({ _id: 'a' })).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' })
    await db.createCollection('x')
    await expect(db.createCollection('x')).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_ALREADY_EXIST' })
    await db.collection('x').add({ _id: 'a' })
    expect(standIn.documents('x')).toEqual([{ _id: 'a' }])
  })

  it('refuses a duplicate _id and keeps the first document', async () => {
    const { standIn, db } = await world()
    await db.collection('c').add({ _id: 'a', n: 1 })
    await expect(db.collection('c').add({ _id: 'a', n: 2 })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
    expect(standIn.documents('c')).toEqual([{ _id: 'a', n: 1 }])
  })

  it('answers updated = documents whose value changed, merges nested objects unless _.set replaces them', async () => {
    const { standIn, db, _ } = await world()
    await db.collection('c').add({ _id: 'a', n: 1, answers: { q1: 'x', q2: 'y' } })
    expect(await db.collection('c').where({ _id: 'a' }).update({ n: 1 })).toMatchObject({ updated: 0 })
    expect(await db.collection('c').where({ _id: 'a', n: _.lt(5) }).update({ n: _.inc(1), answers: { q1: 'z' } })).toMatchObject({ updated: 1 })
    expect(standIn.documents('c')[0]).toEqual({ _id: 'a', n: 2, answers: { q1: 'z', q2: 'y' } })
    await db.collection('c').doc('a').update({ answers: _.set({ q3: 'w' }) })
    expect(standIn.documents('c')[0]!.answers).toEqual({ q3: 'w' })
  })

  it('set replaces the whole document, and inserts it when missing', async () => {
    const { standIn, db } = await world()
    await db.collection('c').add({ _id: 'a', n: 1, keep: true })
    await db.collection('c').doc('a').set({ n: 2 })
    await db.collection('c').doc('b').set({ n: 3 })
    expect(standIn.documents('c')).toEqual([
      { _id: 'a', n: 2 },
      { _id: 'b', n: 3 },
    ])
  })

  it('answers a missing doc(id) with an empty list; queries sort, limit and project', async () => {
    const { db } = await world()
    expect(await db.collection('c').doc('none').get()).toMatchObject({ data: [] })
    for (const n of [3, 1, 2]) await db.collection('c').add({ _id: `d${n}`, n, other: 'x' })
    const got = await db.collection('c').orderBy('n', 'desc').limit(2).field({ n: true }).get()
    expect(got.data).toEqual([
      { _id: 'd3', n: 3 },
      { _id: 'd2', n: 2 },
    ])
  })

  it('commits a transaction whole, or not at all when a document it read changed meanwhile', async () => {
    const { standIn, db } = await world()
    await db.collection('c').add({ _id: 'a', n: 1 })
    await db.runTransaction(async (tx: DbTransaction) => {
      await tx.collection('c').doc('a').update({ n: 2 })
      await tx.collection('c').add({ _id: 'b', n: 1 })
      // Not visible outside until the commit.
      expect(standIn.documents('c').map((d) => d.n)).toEqual([1])
    })
    expect(standIn.documents('c')).toEqual([
      { _id: 'a', n: 2 },
      { _id: 'b', n: 1 },
    ])
    let runs = 0
    await expect(
      db.runTransaction(async (tx: DbTransaction) => {
        runs += 1
        await tx.collection('c').doc('a').get()
        await db.collection('c').doc('a').update({ n: 10 + runs })
        await tx.collection('c').doc('a').update({ n: 0 })
      }, 1),
    ).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    expect(runs).toBe(2)
    expect(standIn.documents('c')[0]).toEqual({ _id: 'a', n: 12 })
  })

  it('interleaves concurrent calls request by request, and counts requests and the peak in flight', async () => {
    const { standIn, db } = await world()
    standIn.resetStats()
    const order: string[] = []
    const call = async (name: string) => {
      await db.collection('c').add({ _id: `${name}1` })
      order.push(name)
      await db.collection('c').add({ _id: `${name}2` })
      order.push(name)
    }
    await Promise.all([call('a'), call('b')])
    expect(order).toEqual(['a', 'b', 'a', 'b'])
    expect(standIn.stats()).toEqual({ requests: 4, peakInFlight: 2 })
  })

  it('injects faults: throttling refuses, a timeout after the write keeps it, a killed call changes nothing more', async () => {
    const { standIn, db } = await world()
    standIn.throttle('EXCEED_REQUEST_LIMIT', 1)
    await expect(db.collection('c').add({ _id: 'a' })).rejects.toMatchObject({ code: 'EXCEED_REQUEST_LIMIT' })
    expect(standIn.documents('c')).toEqual([])
    standIn.timeoutAfterWrite(1)
    await expect(db.collection('c').add({ _id: 'a' })).rejects.toMatchObject({ code: 'ESOCKETTIMEDOUT' })
    expect(standIn.documents('c')).toEqual([{ _id: 'a' }])
    standIn.killAfter(1, { tag: 'dying' })
    await expect(
      standIn.tagged('dying', async () => {
        await db.collection('c').add({ _id: 'b' })
        await db.collection('c').add({ _id: 'c' })
      }),
    ).rejects.toMatchObject({ code: 'FUNCTION_KILLED' })
    await db.collection('c').add({ _id: 'd' })
    expect(standIn.documents('c').map((d) => d._id)).toEqual(['a', 'b', 'd'])
  })
})
