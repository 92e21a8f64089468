import { randomBytes } from 'node:crypto'
import type { Store } from '../shared/store'
import type { StoryRecord } from '../story/ports'
import { feedKeyOf } from '../story/stories'
import { everyItem } from './contract-support'

const T0 = Date.parse('2026-11-01T10:00:00.000+08:00')
/** Successive instants in the stores' own format (`+08:00`), so string order is time order. */
const at = (minutes: number) => {
  const d = new Date(T0 + minutes * 60_000 + 8 * 3_600_000)
  return `${d.toISOString().slice(0, 23)}+08:00`
}

/** A story record with every property set, for the store contract and the router's fixtures. */
export function sampleStory(id: string, overrides: Partial<StoryRecord> = {}): StoryRecord {
  const record: StoryRecord = {
    id,
    status: 'draft',
    title: '返乡创业的90后',
    body: '第一段\n第二段',
    summary: '',
    photo: null,
    tags: ['返乡创业'],
    person: { name: '李明', county: 'suiping', university: '郑州大学' },
    authorOpenid: 'author',
    authorRole: 'station_head',
    subjectOpenid: 'subject',
    subjectConsent: 'pending',
    returnReason: null,
    textCheck: null,
    mediaCheck: null,
    mediaTimedOut: false,
    featured: false,
    order: 0,
    createdAt: at(0),
    updatedAt: at(0),
    submittedAt: null,
    publishedAt: null,
    codeImage: null,
    rev: 1,
    feedKey: '',
    ...overrides,
  }
  return { ...record, feedKey: feedKeyOf(record) }
}

/** The behaviour every adapter of `StoryStore` must show. Ids and openids are unique per run. */
export function describeStoryStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`${name} stories contract`, () => {
    const run = `r${randomBytes(4).toString('hex')}`
    const who = (s: string) => `${run}-${s}`
    let store: Store
    beforeAll(async () => {
      store = await open()
    })
    afterAll(async () => {
      await store.close()
    })

    it('keeps a story whole, nested parts and nulls included', async () => {
      const story = sampleStory(who('s1'), {
        authorOpenid: who('a'),
        textCheck: { suggest: 'review', label: 10001, traceIds: ['t1', 't2'] },
        mediaCheck: { url: 'https://x/p.png', traceId: who('trace-1'), suggest: null, label: null, startedAt: at(1), answeredAt: null },
      })
      await store.stories.insert(story)
      expect(await store.stories.get(story.id)).toEqual(story)
      expect(await store.stories.get(who('missing'))).toBeNull()
      expect(await store.stories.findByMediaTrace(who('trace-1'))).toEqual(story)
      expect(await store.stories.findByMediaTrace(who('trace-none'))).toBeNull()
    })

    it('replaces only from the revision read, whole (nothing of the old nested values merged in)', async () => {
      const story = sampleStory(who('s2'), { textCheck: { suggest: 'review', label: 10001, traceIds: ['t1', 't2'] } })
      await store.stories.insert(story)
      const next = { ...story, rev: 2, status: 'human_review' as const, textCheck: { suggest: 'pass' as const, label: null, traceIds: ['t3'] } }
      expect(await store.stories.replace(next, 1)).toBe(true)
      expect(await store.stories.get(story.id)).toEqual(next)
      expect(await store.stories.replace({ ...next, rev: 3, title: 'stale' }, 1)).toBe(false)
      expect((await store.stories.get(story.id))?.title).toBe(story.title)
      const cleared = { ...next, rev: 3, textCheck: null, person: { name: '王芳', county: 'xiping' as const, university: '河南大学' } }
      expect(await store.stories.replace(cleared, 2)).toBe(true)
      expect(await store.stories.get(story.id)).toEqual(cleared)
    })

    it('lets exactly one of two writers from the same revision win', async () => {
      const story = sampleStory(who('s3'))
      await store.stories.insert(story)
      const results = await Promise.all(
        ['甲', '乙', '丙'].map((title) => store.stories.replace({ ...story, title, rev: 2 }, 1)),
      )
      expect(results.filter(Boolean)).toHaveLength(1)
    })

    it('lists published stories featured first (by order), then newest, page by page', async () => {
      const author = who('feed-author')
      const published = (id: string, minutes: number, featured = false, order = 0) =>
        sampleStory(who(id), { authorOpenid: author, status: 'published', publishedAt: at(minutes), updatedAt: at(minutes), featured, order })
      const stories = [published('p1', 10), published('p2', 20), published('p3', 30), published('p4', 5, true, 1), published('p5', 6, true, 9)]
      for (const s of stories) await store.stories.insert(s)
      await store.stories.insert(sampleStory(who('d1'), { authorOpenid: author }))
      const feed = await everyItem((cursor) => store.stories.listPublished(cursor, 2))
      const mine = feed.filter((s) => s.authorOpenid === author).map((s) => s.id)
      expect(mine).toEqual(['p5', 'p4', 'p3', 'p2', 'p1'].map(who))
    })

    it('lists by status, and the stories a member wrote or is about, most recently changed first', async () => {
      const a = who('writer')
      const s = who('subject')
      await store.stories.insert(sampleStory(who('q1'), { authorOpenid: a, subjectOpenid: s, status: 'human_review', updatedAt: at(40) }))
      await store.stories.insert(sampleStory(who('q2'), { authorOpenid: s, subjectOpenid: s, status: 'machine_check', updatedAt: at(41), submittedAt: at(41) }))
      await store.stories.insert(sampleStory(who('q3'), { authorOpenid: a, subjectOpenid: who('other'), status: 'draft', updatedAt: at(42) }))
      const queue = await everyItem((cursor) => store.stories.listByStatus(['human_review', 'machine_check'], cursor, 1))
      expect(queue.map((x) => x.id).filter((id) => id.startsWith(who('q')))).toEqual([who('q2'), who('q1')])
      expect((await everyItem((cursor) => store.stories.listInvolving(s, cursor, 1))).map((x) => x.id)).toEqual([who('q2'), who('q1')])
      expect((await everyItem((cursor) => store.stories.listInvolving(a, cursor, 5))).map((x) => x.id)).toEqual([who('q3'), who('q1')])
    })

    it('removes a story', async () => {
      const story = sampleStory(who('gone'))
      await store.stories.insert(story)
      await store.stories.remove(story.id)
      expect(await store.stories.get(story.id)).toBeNull()
      await store.stories.remove(story.id)
    })

    it('finds stories still waiting for a photo answer since before a time', async () => {
      const waiting = await store.stories.waitingSince(at(42), 50)
      expect(waiting.map((x) => x.id).filter((id) => id.startsWith(run))).toEqual([who('q2')])
      expect((await store.stories.waitingSince(at(41), 50)).filter((x) => x.id.startsWith(run))).toEqual([])
    })
  })
}
