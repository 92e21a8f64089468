import { ReadCache, statementCache, tableVersions, type Sql } from './statements'

/** What a station card reads: the station, and its head's name. */
const STATION_TABLES = ['stations', 'members'] as const
import type { Database } from 'better-sqlite3'
import type { Page, Station, StationFigures, StationSummary } from '../../../../types'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import { appointLeader, removeLeader } from '../../station/leadership'
import type { AppointOutcome, StationChanges, StationListQuery, StationRecord, StationStore } from '../../station/ports'
import { containsPattern, LIKE_ESCAPE } from './like'

interface StationRow {
  id: string
  name: string
  university: string
  city: string
  intro: string
  status: Station['status']
  head_openid: string | null
  deputy_openids: string
  created_at: string
  updated_at: string
  closed_at: string | null
  is_demo: number
  head_name: string | null
  member_count: number
  pending_count: number
}

/** Station columns with the head's name; the counts are kept by triggers (see migrations). */
const SELECT_STATION = `SELECT s.id, s.name, s.university, s.city, s.intro, s.status, s.head_openid, s.deputy_openids,
  s.member_count, s.pending_count, s.created_at, s.updated_at, s.closed_at, s.is_demo, h.name AS head_name
  FROM stations s LEFT JOIN members h ON h.openid = s.head_openid`

function toSummary(r: StationRow): StationSummary {
  return {
    id: r.id,
    name: r.name,
    university: r.university,
    city: r.city,
    intro: r.intro,
    status: r.status,
    headOpenid: r.head_openid,
    headName: r.head_name,
    deputyOpenids: JSON.parse(r.deputy_openids) as string[],
    memberCount: r.member_count,
    pendingCount: r.pending_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    closedAt: r.closed_at,
    isDemo: r.is_demo === 1,
  }
}

function toStation(r: StationRow): Station {
  const { pendingCount: _pending, ...station } = toSummary(r)
  return station
}

/** Duck-typed: better-sqlite3's errors may come from another realm (jest), failing `instanceof`. */
const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  'code' in error &&
  String((error as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT_UNIQUE')

export class SqliteStationStore implements StationStore {
  private readonly sql: Sql

  /** The directory and station cards: read by every student, written rarely. */
  private readonly reads: ReadCache

  constructor(private readonly db: Database) {
    this.sql = statementCache(db)
    this.reads = new ReadCache(tableVersions(db))
  }

  private row(id: string): StationRow | undefined {
    return this.sql<[string], StationRow>(`${SELECT_STATION} WHERE s.id = ?`).get(id)
  }

  async get(id: string): Promise<Station | null> {
    return this.reads.get(`get:${id}`, STATION_TABLES, () => {
      const row = this.row(id)
      return row ? toStation(row) : null
    })
  }

  async findOpenByUniversity(university: string): Promise<Station | null> {
    const row = this.sql<[string], StationRow>(`${SELECT_STATION} WHERE s.university = ? AND s.status = 'open'`)
      .get(university)
    return row ? toStation(row) : null
  }

  async list(query: StationListQuery): Promise<Page<StationSummary>> {
    return this.reads.get(`list:${JSON.stringify(query)}`, STATION_TABLES, () => this.listNow(query))
  }

  private listNow(query: StationListQuery): Page<StationSummary> {
    const after = decodeCursor(query.cursor, 2)
    const where: string[] = []
    const params: Record<string, unknown> = { limit: query.limit + 1 }
    if (!query.includeClosed) where.push("s.status = 'open'")
    if (query.q) {
      const named = (query.universities ?? []).map((name, i) => {
        params[`u${i}`] = name
        return `@u${i}`
      })
      const ofNamed = named.length ? ` OR s.university IN (${named.join(', ')})` : ''
      where.push(`(s.university LIKE @q ${LIKE_ESCAPE} OR s.city LIKE @q ${LIKE_ESCAPE} OR s.name LIKE @q ${LIKE_ESCAPE}${ofNamed})`)
      params.q = containsPattern(query.q)
    }
    if (after) {
      where.push('(s.university, s.id) > (@afterUniversity, @afterId)')
      params.afterUniversity = after[0]
      params.afterId = after[1]
    }
    const rows = this.sql<Record<string, unknown>, StationRow>(
        `${SELECT_STATION} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.university, s.id LIMIT @limit`,
      )
      .all(params)
    const more = rows.length > query.limit
    const items = rows.slice(0, query.limit).map(toSummary)
    const last = items[items.length - 1]
    return { items, nextCursor: more && last ? encodeCursor([last.university, last.id]) : null }
  }

  async create(record: StationRecord): Promise<boolean> {
    try {
      this.sql(
          `INSERT INTO stations (id, name, university, city, intro, status, head_openid, deputy_openids,
             created_at, updated_at, closed_at, is_demo)
           VALUES (@id, @name, @university, @city, @intro, @status, @headOpenid, @deputies,
             @createdAt, @updatedAt, @closedAt, @isDemo)`,
        )
        .run({ ...record, deputies: JSON.stringify(record.deputyOpenids), isDemo: record.isDemo ? 1 : 0 })
      return true
    } catch (error) {
      if (isUniqueViolation(error)) return false
      throw error
    }
  }

  async update(id: string, changes: StationChanges, at: string): Promise<Station | null | 'conflict'> {
    const current = this.row(id)
    if (!current) return null
    const next = {
      id,
      name: changes.name || current.name,
      university: changes.university ?? current.university,
      city: changes.city ?? current.city,
      intro: changes.intro ?? current.intro,
      at,
    }
    try {
      this.sql(
          'UPDATE stations SET name = @name, university = @university, city = @city, intro = @intro, updated_at = @at WHERE id = @id',
        )
        .run(next)
    } catch (error) {
      if (isUniqueViolation(error)) return 'conflict'
      throw error
    }
    return this.get(id)
  }

  async close(id: string, reason: string, at: string): Promise<boolean> {
    return this.db.transaction(() => {
      const closed = this.sql(
          `UPDATE stations SET status = 'closed', closed_at = @at, updated_at = @at, head_openid = NULL, deputy_openids = '[]'
           WHERE id = @id AND status = 'open'`,
        )
        .run({ id, at })
      if (closed.changes === 0) return false
      this.sql(
          `UPDATE join_requests SET status = 'rejected', reason = @reason, decided_at = @at
           WHERE station_id = @id AND status = 'pending'`,
        )
        .run({ id, reason, at })
      this.sql("UPDATE members SET station_id = NULL, station_joined_at = NULL, role = 'student', updated_at = @at WHERE station_id = @id")
        .run({ id, at })
      return true
    })()
  }

  async appointLeader(stationId: string, openid: string, as: 'head' | 'deputy', at: string): Promise<AppointOutcome> {
    return this.db.transaction((): AppointOutcome => {
      const station = this.row(stationId)
      if (!station) return 'not_found'
      if (station.status !== 'open') return 'closed'
      const member = this.sql<[string], { station_id: string | null }>('SELECT station_id FROM members WHERE openid = ?').get(openid)
      if (!member || member.station_id !== stationId) return 'not_member'
      const next = appointLeader(
        { headOpenid: station.head_openid, deputyOpenids: JSON.parse(station.deputy_openids) as string[] },
        openid,
        as,
      )
      this.sql('UPDATE stations SET head_openid = ?, deputy_openids = ?, updated_at = ? WHERE id = ?')
        .run(next.headOpenid, JSON.stringify(next.deputyOpenids), at, stationId)
      this.setRole(openid, 'station_head', at)
      // The replaced head loses the rights in the same transaction.
      for (const old of next.demoted) this.setRole(old, 'student', at)
      return 'ok'
    })()
  }

  async removeLeader(stationId: string, openid: string, at: string): Promise<boolean> {
    return this.db.transaction(() => {
      const station = this.row(stationId)
      if (!station) return false
      const next = removeLeader(
        { headOpenid: station.head_openid, deputyOpenids: JSON.parse(station.deputy_openids) as string[] },
        openid,
      )
      if (!next) return false
      this.sql('UPDATE stations SET head_openid = ?, deputy_openids = ?, updated_at = ? WHERE id = ?')
        .run(next.headOpenid, JSON.stringify(next.deputyOpenids), at, stationId)
      this.setRole(openid, 'student', at)
      return true
    })()
  }

  private setRole(openid: string, role: 'student' | 'station_head', at: string) {
    this.sql('UPDATE members SET role = ?, updated_at = ? WHERE openid = ?').run(role, at, openid)
  }

  async figures(stationId: string, monthStart: string): Promise<StationFigures> {
    const row = this.sql<[string, string, string], StationFigures>(
        `SELECT member_count AS members, pending_count AS pendingRequests,
           (SELECT count(*) FROM members WHERE station_id = ? AND station_joined_at >= ?) AS joinedThisMonth
         FROM stations WHERE id = ?`,
      )
      .get(stationId, monthStart, stationId)
    return row ?? { members: 0, joinedThisMonth: 0, pendingRequests: 0 }
  }

  async getInvite(stationId: string): Promise<string | null> {
    const row = this.sql<[string], { invite_image: string | null }>('SELECT invite_image FROM stations WHERE id = ?').get(stationId)
    return row?.invite_image ?? null
  }

  async saveInvite(stationId: string, image: string): Promise<void> {
    this.sql('UPDATE stations SET invite_image = ? WHERE id = ?').run(image, stationId)
  }
}
