import type { Database } from 'better-sqlite3'
import type { Page, StoryStatus } from '../../../../types'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import type { StoryRecord, StoryStore } from '../../story/ports'
import { statementCache, type Sql } from './statements'

const PAGE_CAP = 50

interface StoryRow {
  doc: string
}

const fromRow = (row: StoryRow): StoryRecord => JSON.parse(row.doc) as StoryRecord

/** The columns a story is found by, beside the whole record as JSON. */
const columnsOf = (r: StoryRecord) => ({
  id: r.id,
  status: r.status,
  author: r.authorOpenid,
  subject: r.subjectOpenid,
  updatedAt: r.updatedAt,
  submittedAt: r.submittedAt,
  feedKey: r.feedKey,
  trace: r.mediaCheck?.traceId ?? null,
  rev: r.rev,
  doc: JSON.stringify(r),
})

export class SqliteStoryStore implements StoryStore {
  private readonly sql: Sql

  constructor(db: Database) {
    this.sql = statementCache(db)
  }

  async insert(record: StoryRecord): Promise<void> {
    this.sql(
      `INSERT INTO stories (id, status, author_openid, subject_openid, updated_at, submitted_at, feed_key, media_trace_id, rev, doc)
       VALUES (@id, @status, @author, @subject, @updatedAt, @submittedAt, @feedKey, @trace, @rev, @doc)`,
    ).run(columnsOf(record))
  }

  async get(id: string): Promise<StoryRecord | null> {
    const row = this.sql<[string], StoryRow>('SELECT doc FROM stories WHERE id = ?').get(id)
    return row ? fromRow(row) : null
  }

  async replace(record: StoryRecord, expectedRev: number): Promise<boolean> {
    const result = this.sql(
      `UPDATE stories SET status = @status, author_openid = @author, subject_openid = @subject, updated_at = @updatedAt,
         submitted_at = @submittedAt, feed_key = @feedKey, media_trace_id = @trace, rev = @rev, doc = @doc
       WHERE id = @id AND rev = @expectedRev`,
    ).run({ ...columnsOf(record), expectedRev })
    return result.changes === 1
  }

  async findByMediaTrace(traceId: string): Promise<StoryRecord | null> {
    const row = this.sql<[string], StoryRow>('SELECT doc FROM stories WHERE media_trace_id = ?').get(traceId)
    return row ? fromRow(row) : null
  }

  async listPublished(cursor: string | null, limit: number): Promise<Page<StoryRecord>> {
    return this.page(`status = 'published'`, {}, 'feed_key', cursor, limit, (r) => [r.feedKey, r.id])
  }

  async listByStatus(statuses: StoryStatus[], cursor: string | null, limit: number): Promise<Page<StoryRecord>> {
    const params = Object.fromEntries(statuses.map((s, i) => [`s${i}`, s]))
    const where = `status IN (${statuses.map((_, i) => `@s${i}`).join(', ')})`
    return this.page(where, params, 'updated_at', cursor, limit, (r) => [r.updatedAt, r.id])
  }

  async listInvolving(openid: string, cursor: string | null, limit: number): Promise<Page<StoryRecord>> {
    return this.page('(author_openid = @who OR subject_openid = @who)', { who: openid }, 'updated_at', cursor, limit, (r) => [r.updatedAt, r.id])
  }

  async waitingSince(before: string, limit: number): Promise<StoryRecord[]> {
    return this.sql<[string, number], StoryRow>(
      `SELECT doc FROM stories WHERE status = 'machine_check' AND submitted_at < ? ORDER BY submitted_at LIMIT ?`,
    )
      .all(before, Math.min(limit, PAGE_CAP))
      .map(fromRow)
  }

  async remove(id: string): Promise<void> {
    this.sql('DELETE FROM stories WHERE id = ?').run(id)
  }

  /** Newest first by `key`, then id: a keyset page. */
  private page(
    where: string,
    params: Record<string, unknown>,
    key: 'feed_key' | 'updated_at',
    cursor: string | null,
    limit: number,
    keyOf: (r: StoryRecord) => [string, string],
  ): Page<StoryRecord> {
    const after = decodeCursor(cursor, 2)
    const capped = Math.min(limit, PAGE_CAP)
    const rows = this.sql<Record<string, unknown>, StoryRow>(
      `SELECT doc FROM stories WHERE ${where} ${after ? `AND (${key}, id) < (@afterKey, @afterId)` : ''}
       ORDER BY ${key} DESC, id DESC LIMIT @limit`,
    ).all({ ...params, afterKey: after?.[0], afterId: after?.[1], limit: capped + 1 })
    const items = rows.slice(0, capped).map(fromRow)
    const last = items[items.length - 1]
    return { items, nextCursor: rows.length > capped && last ? encodeCursor(keyOf(last)) : null }
  }
}
