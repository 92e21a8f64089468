import { statementCache, type Sql } from './statements'
import type { Database } from 'better-sqlite3'
import type { AuditEntry, Page } from '../../../../types'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import type { AuditQuery, AuditStore } from '../../audit/ports'

interface AuditRow {
  id: string
  at: string
  actor_openid: string
  actor_role: string
  action: string
  station_id: string | null
  subject_openid: string | null
  summary: string
}

export class SqliteAuditStore implements AuditStore {
  private readonly sql: Sql

  constructor(db: Database) {
    this.sql = statementCache(db)
  }

  async append(e: AuditEntry): Promise<void> {
    this.sql(
        `INSERT INTO audit_log (id, at, actor_openid, actor_role, action, station_id, subject_openid, summary)
         VALUES (@id, @at, @actorOpenid, @actorRole, @action, @stationId, @subjectOpenid, @summary)`,
      )
      .run(e)
  }

  async list(query: AuditQuery): Promise<Page<AuditEntry>> {
    const after = decodeCursor(query.cursor, 2)
    const where: string[] = []
    const params: Record<string, unknown> = { limit: query.limit + 1 }
    if (query.actor) {
      where.push('actor_openid = @actor')
      params.actor = query.actor
    }
    if (query.stationId) {
      where.push('station_id = @stationId')
      params.stationId = query.stationId
    }
    if (query.from) {
      where.push('at >= @from')
      params.from = query.from
    }
    if (query.to) {
      where.push('at <= @to')
      params.to = query.to
    }
    if (after) {
      where.push('(at, id) < (@afterAt, @afterId)')
      params.afterAt = after[0]
      params.afterId = after[1]
    }
    const rows = this.sql<Record<string, unknown>, AuditRow>(
        `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, id DESC LIMIT @limit`,
      )
      .all(params)
    const items = rows.slice(0, query.limit).map((r) => ({
      id: r.id,
      at: r.at,
      actorOpenid: r.actor_openid,
      actorRole: r.actor_role,
      action: r.action,
      stationId: r.station_id,
      subjectOpenid: r.subject_openid,
      summary: r.summary,
    }))
    const last = items[items.length - 1]
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.at, last.id]) : null }
  }
}
