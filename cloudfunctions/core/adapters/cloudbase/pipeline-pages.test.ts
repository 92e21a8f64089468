import { everyPage } from '../contract-support'
import { COLLECTIONS } from './collections'
import { createCloudBaseStore } from './store'
import { CloudBaseStandIn } from './testing/stand-in'

/**
 * An export asks for pages of 1000 members behind a figure; the service answers at most 1000
 * documents per query, one of which is the adapter's look-ahead. The pages come back shorter, with
 * a cursor, so every member is listed (before: the first 1000, and no cursor).
 */
it('lists every member behind a figure when a page asks for more than the service answers', async () => {
  const db = new CloudBaseStandIn().database()
  const store = createCloudBaseStore(db)
  try {
    // The collection as the adapter makes it on first use, then the members' fact rows.
    expect((await store.pipeline.countFigure({ metric: 'returned', cohort: 2026 }, []))[0].count).toBe(0)
    for (let i = 0; i < 1205; i += 1) {
      const openid = `m${String(i).padStart(5, '0')}`
      // Written as the server writes them (the adapter refuses documents a client wrote).
      await db.collection(COLLECTIONS.pipelineFacts).add({ _id: openid, name: openid, cohort: 2026, county: 'queshan', fields: [], reasons: [], returned: true })
    }
    const pages = await everyPage((cursor) => store.pipeline.listFigure({ metric: 'returned', cohort: 2026 }, cursor, 1000))
    expect(pages.map((p) => p.length)).toEqual([999, 206])
    const openids = pages.flat().map((r) => r.openid)
    expect(new Set(openids).size).toBe(1205)
    expect((await store.pipeline.countFigure({ metric: 'returned', cohort: 2026 }, []))[0].count).toBe(1205)
  } finally {
    await store.close()
  }
})
