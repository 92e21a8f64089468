import { Conditions } from './conditions'
import { statementCache, type Sql } from './statements'
import type { Database } from 'better-sqlite3'
import type { AuditEntry, Page } from '../../../../types'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import type { AuditQuery, AuditStore } from '../../audit/ports'

export interface AuditRow {
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
    const c = new Conditions({ limit: query.limit + 1 })
      .when('actor', query.actor, 'actor_openid = @actor')
      .when('stationId', query.stationId, 'station_id = @stationId')
      .when('from', query.from, 'at >= @from')
      .when('to', query.to, 'at <= @to')
    if (after) c.add('(at, id) < (@afterAt, @afterId)', { afterAt: after[0], afterId: after[1] })
    const rows = this.sql<Record<string, unknown>, AuditRow>(`SELECT * FROM audit_log ${c.clause} ORDER BY at DESC, id DESC LIMIT @limit`).all(c.params)
    const items = rows.slice(0, query.limit).map(auditEntryOf)
    const last = items[items.length - 1]
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.at, last.id]) : null }
  }

  async actors(limit: number): Promise<{ openid: string; role: string; lastAt: string }[]> {
    // SQLite takes the bare column from the row that holds MAX(at): the role of the latest action.
    return this.sql<[number], { openid: string; role: string; lastAt: string }>(
      `SELECT actor_openid AS openid, actor_role AS role, MAX(at) AS lastAt FROM audit_log
       GROUP BY actor_openid ORDER BY lastAt DESC, openid LIMIT ?`,
    ).all(limit)
  }
}

/** An audit_log row as the contract's entry (the member export reads the same rows). */
export function auditEntryOf(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    actorOpenid: r.actor_openid,
    actorRole: r.actor_role,
    action: r.action,
    stationId: r.station_id,
    subjectOpenid: r.subject_openid,
    summary: r.summary,
  }
}
