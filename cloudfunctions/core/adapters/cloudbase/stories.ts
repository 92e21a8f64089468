import type { Page, StoryStatus } from '../../../../types'
import { encodeCursor } from '../../shared/cursor'
import type { StoryRecord, StoryStore } from '../../story/ports'
import { COLLECTIONS, type Collections } from './collections'
import { checked, documentsOf, type RawDocument } from './database'
import { getDocument, keysetPage, MAX_READ, updateWhere } from './docs'

const PAGE_CAP = 50

/**
 * Stories (`stories`): `_id` = story id; the record's properties, and `mediaTraceId` (the photo
 * check's trace id, top level so the `wxa_media_check` event finds its story with one indexed read).
 * Every write replaces the story conditioned on `rev` (one request); nested objects are written
 * with `_.set` so that nothing of an earlier value is merged in.
 */
export class CloudBaseStoryStore implements StoryStore {
  constructor(private readonly collections: Collections) {}

  private toDocument(record: StoryRecord): Record<string, unknown> {
    const _ = this.collections.command
    const { id: _id, ...rest } = record
    const doc: Record<string, unknown> = { mediaTraceId: record.mediaCheck?.traceId ?? null }
    for (const [key, value] of Object.entries(rest)) {
      doc[key] = typeof value === 'object' && value !== null && !Array.isArray(value) ? _.set(value) : value
    }
    return doc
  }

  async insert(record: StoryRecord): Promise<void> {
    const { id, ...rest } = record
    await this.collections.run(COLLECTIONS.stories, (c) => checked(c.add({ _id: id, ...rest, mediaTraceId: record.mediaCheck?.traceId ?? null })))
  }

  async get(id: string): Promise<StoryRecord | null> {
    const doc = await getDocument(this.collections, COLLECTIONS.stories, id)
    return doc ? fromDocument(doc) : null
  }

  async replace(record: StoryRecord, expectedRev: number): Promise<boolean> {
    return (await updateWhere(this.collections, COLLECTIONS.stories, { _id: record.id, rev: expectedRev }, this.toDocument(record))) === 1
  }

  async findByMediaTrace(traceId: string): Promise<StoryRecord | null> {
    const result = await this.collections.run(COLLECTIONS.stories, (c) => checked(c.where({ mediaTraceId: traceId }).limit(1).get()))
    const doc = documentsOf(result)[0]
    return doc ? fromDocument(doc) : null
  }

  async listPublished(cursor: string | null, limit: number): Promise<Page<StoryRecord>> {
    return this.page([{ status: 'published' }], 'feedKey', cursor, limit)
  }

  async listByStatus(statuses: StoryStatus[], cursor: string | null, limit: number): Promise<Page<StoryRecord>> {
    return this.page([{ status: this.collections.command.in(statuses) }], 'updatedAt', cursor, limit)
  }

  async listInvolving(openid: string, cursor: string | null, limit: number): Promise<Page<StoryRecord>> {
    const _ = this.collections.command
    return this.page([_.or([{ authorOpenid: openid }, { subjectOpenid: openid }]) as object], 'updatedAt', cursor, limit)
  }

  async waitingSince(before: string, limit: number): Promise<StoryRecord[]> {
    const _ = this.collections.command
    const result = await this.collections.run(COLLECTIONS.stories, (c) =>
      checked(
        c
          .where({ status: 'machine_check', submittedAt: _.lt(before) })
          .orderBy('submittedAt', 'asc')
          .limit(Math.min(limit, PAGE_CAP, MAX_READ))
          .get(),
      ),
    )
    return documentsOf(result).map(fromDocument)
  }

  async remove(id: string): Promise<void> {
    await this.collections.run(COLLECTIONS.stories, (c) => checked(c.doc(id).remove()))
  }

  private async page(where: object[], key: 'feedKey' | 'updatedAt', cursor: string | null, limit: number): Promise<Page<StoryRecord>> {
    const { docs, more } = await keysetPage(this.collections, COLLECTIONS.stories, {
      where,
      orderBy: [key, '_id'],
      direction: 'desc',
      cursor,
      limit: Math.min(limit, PAGE_CAP),
    })
    const items = docs.map(fromDocument)
    const last = items[items.length - 1]
    return { items, nextCursor: more && last ? encodeCursor([last[key], last.id]) : null }
  }
}

/** The stored document as the record: written only by this adapter, so its shape is the record's. */
function fromDocument(doc: RawDocument): StoryRecord {
  const { _id, mediaTraceId: _trace, ...rest } = doc
  return { ...(rest as Omit<StoryRecord, 'id'>), id: String(_id) }
}
