import { ReadCache, statementCache, tableVersions, type Sql } from './statements'
import type { Database } from 'better-sqlite3'
import type { JoinRequest, Page, RosterFilters } from '../../../../types'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import type { MemberRecord } from '../../member/ports'
import type { ApproveOutcome, JoinRequestRecord, MembershipStore, RosterEntry } from '../../station/ports'
import { containsPattern, LIKE_ESCAPE } from './like'
import { fromRow, type MemberRow } from './members'

interface RequestRow {
  id: string
  station_id: string
  station_name: string
  openid: string
  note: string
  status: JoinRequest['status']
  reason: string
  created_at: string
  decided_at: string | null
  decided_by: string | null
}

const SELECT_REQUEST = `
  SELECT r.*, s.name AS station_name FROM join_requests r JOIN stations s ON s.id = r.station_id`

function toRequest(r: RequestRow): JoinRequest {
  return {
    id: r.id,
    stationId: r.station_id,
    stationName: r.station_name,
    openid: r.openid,
    note: r.note,
    status: r.status,
    reason: r.reason,
    createdAt: r.created_at,
    decidedAt: r.decided_at,
  }
}

export class SqliteMembershipStore implements MembershipStore {
  private readonly sql: Sql

  /** Roster pages, kept until a member changes (a head pages and filters the same list). */
  private readonly reads: ReadCache

  constructor(private readonly db: Database) {
    this.sql = statementCache(db)
    this.reads = new ReadCache(tableVersions(db))
  }

  async createRequest(record: JoinRequestRecord): Promise<boolean> {
    const result = this.sql(
        `INSERT INTO join_requests (id, station_id, openid, note, status, reason, created_at, decided_at, decided_by)
         VALUES (@id, @stationId, @openid, @note, @status, @reason, @createdAt, @decidedAt, @decidedBy)
         ON CONFLICT (openid) WHERE status = 'pending' DO NOTHING`,
      )
      .run(record)
    return result.changes === 1
  }

  async getRequest(id: string): Promise<JoinRequest | null> {
    const row = this.sql<[string], RequestRow>(`${SELECT_REQUEST} WHERE r.id = ?`).get(id)
    return row ? toRequest(row) : null
  }

  async latestRequest(openid: string): Promise<JoinRequest | null> {
    const row = this.sql<[string], RequestRow>(`${SELECT_REQUEST} WHERE r.openid = ? ORDER BY r.created_at DESC, r.id DESC LIMIT 1`)
      .get(openid)
    return row ? toRequest(row) : null
  }

  async cancelRequest(id: string, openid: string, at: string): Promise<boolean> {
    return (
      this.sql(
          `UPDATE join_requests SET status = 'cancelled', decided_at = ?, decided_by = openid
           WHERE id = ? AND openid = ? AND status = 'pending'`,
        )
        .run(at, id, openid).changes === 1
    )
  }

  async approveRequest(id: string, decidedBy: string, at: string): Promise<ApproveOutcome> {
    return this.db.transaction((): ApproveOutcome => {
      const request = this.sql<[string], { station_id: string; openid: string }>(
          "SELECT station_id, openid FROM join_requests WHERE id = ? AND status = 'pending'",
        )
        .get(id)
      if (!request) return 'not_pending'
      const member = this.sql<[string], { station_id: string | null }>('SELECT station_id FROM members WHERE openid = ?')
        .get(request.openid)
      if (!member) return 'not_pending'
      if (member.station_id && member.station_id !== request.station_id) return 'in_other_station'
      this.sql("UPDATE join_requests SET status = 'approved', decided_at = ?, decided_by = ? WHERE id = ?")
        .run(at, decidedBy, id)
      this.sql('UPDATE members SET station_id = ?, station_joined_at = ?, updated_at = ? WHERE openid = ?')
        .run(request.station_id, at, at, request.openid)
      return 'approved'
    })()
  }

  async rejectRequest(id: string, reason: string, decidedBy: string, at: string): Promise<boolean> {
    return (
      this.sql(
          `UPDATE join_requests SET status = 'rejected', reason = ?, decided_at = ?, decided_by = ?
           WHERE id = ? AND status = 'pending'`,
        )
        .run(reason, at, decidedBy, id).changes === 1
    )
  }

  async pendingRequests(
    stationId: string,
    cursor: string | null,
    limit: number,
  ): Promise<Page<JoinRequestRecord & { member: MemberRecord }>> {
    const after = decodeCursor(cursor, 2)
    const rows = this.sql<Record<string, unknown>, RequestRow & { member_json: string }>(
        `SELECT r.*, s.name AS station_name, json_object(${MEMBER_JSON_FIELDS}) AS member_json
         FROM join_requests r JOIN stations s ON s.id = r.station_id JOIN members m ON m.openid = r.openid
         WHERE r.station_id = @stationId AND r.status = 'pending'
           ${after ? 'AND (r.created_at, r.id) > (@afterAt, @afterId)' : ''}
         ORDER BY r.created_at, r.id LIMIT @limit`,
      )
      .all({ stationId, limit: limit + 1, afterAt: after?.[0], afterId: after?.[1] })
    const items = rows.slice(0, limit).map((r) => {
      const { stationName: _name, ...request } = toRequest(r)
      return { ...request, decidedBy: r.decided_by, member: fromRow(JSON.parse(r.member_json) as MemberRow) }
    })
    const last = items[items.length - 1]
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null }
  }

  async detach(openid: string, stationId: string, at: string): Promise<boolean> {
    return this.db.transaction(() => {
      const left = this.sql(
          `UPDATE members SET station_id = NULL, station_joined_at = NULL, role = 'student', updated_at = ?
           WHERE openid = ? AND station_id = ?`,
        )
        .run(at, openid, stationId)
      if (left.changes === 0) return false
      this.dropLeadership(openid, at, stationId)
      return true
    })()
  }

  /** Clears head/deputy references to this member (of one station, or of any). */
  private dropLeadership(openid: string, at: string, stationId?: string) {
    this.sql(
        `UPDATE stations SET
           head_openid = CASE WHEN head_openid = @openid THEN NULL ELSE head_openid END,
           deputy_openids = (SELECT json_group_array(value) FROM json_each(stations.deputy_openids) WHERE value != @openid),
           updated_at = @at
         WHERE (head_openid = @openid OR EXISTS (SELECT 1 FROM json_each(stations.deputy_openids) WHERE value = @openid))
           ${stationId ? 'AND id = @stationId' : ''}`,
      )
      .run({ openid, at, stationId })
  }

  async roster(stationId: string, filters: RosterFilters, cursor: string | null, limit: number): Promise<Page<RosterEntry>> {
    const key = `roster:${stationId}:${JSON.stringify(filters)}:${cursor}:${limit}`
    return this.reads.get(key, ['members'], () => this.rosterNow(stationId, filters, cursor, limit))
  }

  private rosterNow(stationId: string, filters: RosterFilters, cursor: string | null, limit: number): Page<RosterEntry> {
    const after = decodeCursor(cursor, 2)
    const where = ['m.station_id = @stationId']
    const params: Record<string, unknown> = { stationId, limit: limit + 1 }
    if (filters.q) {
      where.push(`(m.name LIKE @q ${LIKE_ESCAPE} OR m.major LIKE @q ${LIKE_ESCAPE} OR m.college LIKE @q ${LIKE_ESCAPE})`)
      params.q = containsPattern(filters.q)
    }
    if (filters.degree) {
      where.push('m.degree = @degree')
      params.degree = filters.degree
    }
    if (filters.graduationYear) {
      where.push('m.graduation_year = @graduationYear')
      params.graduationYear = filters.graduationYear
    }
    if (filters.county) {
      where.push('m.hometown_county = @county')
      params.county = filters.county
    }
    if (filters.field) {
      where.push('EXISTS (SELECT 1 FROM json_each(m.fields) WHERE value = @field)')
      params.field = filters.field
    }
    if (after) {
      // Newest first: continue strictly below the last (joined time, openid).
      where.push('(m.station_joined_at, m.openid) < (@afterAt, @afterOpenid)')
      params.afterAt = after[0]
      params.afterOpenid = after[1]
    }
    const rows = this.sql<Record<string, unknown>, RosterRow>(
        `SELECT ${ROSTER_COLUMNS} FROM members m WHERE ${where.join(' AND ')}
         ORDER BY m.station_joined_at DESC, m.openid DESC LIMIT @limit`,
      )
      .all(params)
    const items = rows.slice(0, limit).map(toRosterEntry)
    const last = items[items.length - 1]
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor([last.stationJoinedAt ?? '', last.openid]) : null,
    }
  }

  async forgetMember(openid: string): Promise<void> {
    this.db.transaction(() => {
      this.sql('DELETE FROM join_requests WHERE openid = ?').run(openid)
      this.dropLeadership(openid, new Date().toISOString())
    })()
  }
}

/** Only the columns a roster line shows: reading fewer columns is most of a page's cost. */
const ROSTER_COLUMNS = `m.openid, m.name, m.phone, m.university, m.college, m.major, m.degree, m.enrollment_year,
  m.graduation_year, m.hometown_county, m.fields, m.station_joined_at`
type RosterRow = Pick<
  MemberRow,
  | 'openid'
  | 'name'
  | 'phone'
  | 'university'
  | 'college'
  | 'major'
  | 'degree'
  | 'enrollment_year'
  | 'graduation_year'
  | 'hometown_county'
  | 'fields'
  | 'station_joined_at'
>

function toRosterEntry(r: RosterRow): RosterEntry {
  return {
    openid: r.openid,
    name: r.name,
    phone: r.phone,
    university: r.university,
    college: r.college,
    major: r.major,
    degree: r.degree,
    enrollmentYear: r.enrollment_year,
    graduationYear: r.graduation_year,
    hometownCounty: r.hometown_county,
    fields: JSON.parse(r.fields) as string[],
    stationJoinedAt: r.station_joined_at,
  }
}

/** `json_object` arguments rebuilding a MemberRow from the `m` alias. */
const MEMBER_JSON_FIELDS = [
  'openid', 'role', 'station_id', 'station_joined_at', 'status', 'name', 'phone', 'university', 'college', 'major',
  'degree', 'enrollment_year', 'graduation_year', 'hometown_county', 'fields', 'consent_version', 'consent_at',
  'joined_at', 'updated_at', 'is_demo',
]
  .map((c) => `'${c}', m.${c}`)
  .join(', ')
