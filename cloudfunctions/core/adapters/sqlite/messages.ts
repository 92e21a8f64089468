import type { Database } from 'better-sqlite3'
import type { Page } from '../../../../types'
import type { MessageStore, SentMessage, TemplateKey } from '../../messaging/ports'
import type { RateLimiter } from '../../shared/ports'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import { statementCache, type Sql } from './statements'

export class SqliteMessageStore implements MessageStore {
  private readonly sql: Sql

  constructor(db: Database) {
    this.sql = statementCache(db)
  }

  async grant(openid: string, template: TemplateKey): Promise<void> {
    this.sql(
      `INSERT INTO subscriptions (openid, template, remaining) VALUES (?, ?, 1)
       ON CONFLICT (openid, template) DO UPDATE SET remaining = remaining + 1`,
    ).run(openid, template)
  }

  async consume(openid: string, template: TemplateKey): Promise<boolean> {
    return (
      this.sql('UPDATE subscriptions SET remaining = remaining - 1 WHERE openid = ? AND template = ? AND remaining > 0').run(
        openid,
        template,
      ).changes === 1
    )
  }

  async log(m: SentMessage): Promise<void> {
    this.sql(
      'INSERT INTO message_log (id, openid, template, page, data, at, errcode) VALUES (@id, @openid, @template, @page, @data, @at, @errcode)',
    ).run({ ...m, data: JSON.stringify(m.data) })
  }

  async sentTo(openid: string, cursor: string | null, limit: number): Promise<Page<SentMessage>> {
    const after = decodeCursor(cursor, 2)
    const rows = this.sql<Record<string, unknown>, Omit<SentMessage, 'data'> & { data: string }>(
      `SELECT * FROM message_log WHERE openid = @openid ${after ? 'AND (at, id) < (@afterAt, @afterId)' : ''}
       ORDER BY at DESC, id DESC LIMIT @limit`,
    ).all({ openid, limit: limit + 1, afterAt: after?.[0], afterId: after?.[1] })
    const items = rows.slice(0, limit).map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, string> }))
    const last = items[items.length - 1]
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.at, last.id]) : null }
  }

  async forgetMember(openid: string): Promise<void> {
    this.sql('DELETE FROM subscriptions WHERE openid = ?').run(openid)
    this.sql('DELETE FROM message_log WHERE openid = ?').run(openid)
  }
}

/** Fixed-window counter per key, in the same database (one row per key). */
export class SqliteRateLimiter implements RateLimiter {
  private readonly sql: Sql

  constructor(db: Database) {
    this.sql = statementCache(db)
  }

  async attempt(key: string, max: number, windowMs: number, now: number): Promise<boolean> {
    const windowStart = Math.floor(now / windowMs) * windowMs
    const row = this.sql<[string, number], { count: number }>(
      `INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN window_start = excluded.window_start THEN count + 1 ELSE 1 END,
         window_start = excluded.window_start
       RETURNING count`,
    ).get(key, windowStart)
    return (row?.count ?? 1) <= max
  }
}
