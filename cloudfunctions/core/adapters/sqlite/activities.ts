import type { Database } from 'better-sqlite3'
import type { Activity, ActivityStatus, Page } from '../../../../types'
import type { ActivityChanges, ActivityListQuery, ActivityStore } from '../../activity/ports'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import { statementCache, type Sql } from './statements'
import { containsPattern, LIKE_ESCAPE } from './like'

export interface ActivityRow {
  id: string
  type: Activity['type']
  title: string
  description: string
  host_org: string
  place: string
  start_at: string
  end_at: string
  sign_up_open_at: string
  sign_up_close_at: string
  capacity: number
  waitlist: number
  eligibility: string
  form: string
  cover_image: string | null
  check_in_helpers: string
  status: ActivityStatus
  cancel_reason: string
  station_id: string | null
  platform_id: string | null
  open_to_public: number
  public_count: number
  created_by: string
  registered_count: number
  waitlist_count: number
  created_at: string
  updated_at: string
  published_at: string | null
}

export function activityFromRow(r: ActivityRow): Activity {
  return {
    id: r.id,
    type: r.type,
    title: r.title,
    description: r.description,
    hostOrg: r.host_org,
    place: r.place,
    startAt: r.start_at,
    endAt: r.end_at,
    signUpOpenAt: r.sign_up_open_at,
    signUpCloseAt: r.sign_up_close_at,
    capacity: r.capacity,
    waitlist: r.waitlist === 1,
    eligibility: JSON.parse(r.eligibility) as Activity['eligibility'],
    form: JSON.parse(r.form) as Activity['form'],
    coverImage: r.cover_image,
    checkInHelpers: JSON.parse(r.check_in_helpers) as string[],
    status: r.status,
    cancelReason: r.cancel_reason,
    stationId: r.station_id,
    platformId: r.platform_id,
    openToPublic: r.open_to_public === 1,
    publicCount: r.public_count,
    createdBy: r.created_by,
    registeredCount: r.registered_count,
    waitlistCount: r.waitlist_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    publishedAt: r.published_at,
  }
}

/** Activity property → column, for the writable ones (JSON columns serialised). */
const COLUMN: Record<keyof ActivityChanges, string> = {
  type: 'type',
  title: 'title',
  description: 'description',
  hostOrg: 'host_org',
  place: 'place',
  startAt: 'start_at',
  endAt: 'end_at',
  signUpOpenAt: 'sign_up_open_at',
  signUpCloseAt: 'sign_up_close_at',
  capacity: 'capacity',
  waitlist: 'waitlist',
  eligibility: 'eligibility',
  form: 'form',
  coverImage: 'cover_image',
  checkInHelpers: 'check_in_helpers',
  cancelReason: 'cancel_reason',
  stationId: 'station_id',
  platformId: 'platform_id',
  openToPublic: 'open_to_public',
}

function columnValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (Array.isArray(value) || (value !== null && typeof value === 'object')) return JSON.stringify(value)
  return value
}

export class SqliteActivityStore implements ActivityStore {
  private readonly sql: Sql

  constructor(db: Database) {
    this.sql = statementCache(db)
  }

  async create(a: Activity): Promise<void> {
    const values: Record<string, unknown> = {
      id: a.id,
      status: a.status,
      created_by: a.createdBy,
      created_at: a.createdAt,
      updated_at: a.updatedAt,
      published_at: a.publishedAt,
    }
    for (const [key, column] of Object.entries(COLUMN)) values[column] = columnValue(a[key as keyof ActivityChanges])
    const columns = Object.keys(values)
    this.sql(`INSERT INTO activities (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(values)
  }

  async get(id: string): Promise<Activity | null> {
    const row = this.sql<[string], ActivityRow>('SELECT * FROM activities WHERE id = ?').get(id)
    return row ? activityFromRow(row) : null
  }

  async update(id: string, changes: ActivityChanges, at: string): Promise<Activity | null> {
    const keys = (Object.keys(changes) as (keyof ActivityChanges)[]).filter((k) => changes[k] !== undefined && k in COLUMN)
    const values: Record<string, unknown> = { id, at }
    for (const key of keys) values[COLUMN[key]] = columnValue(changes[key])
    const sets = ['updated_at = @at', ...keys.map((k) => `${COLUMN[k]} = @${COLUMN[k]}`)]
    const row = this.sql<Record<string, unknown>, ActivityRow>(
      `UPDATE activities SET ${sets.join(', ')} WHERE id = @id RETURNING *`,
    ).get(values)
    return row ? activityFromRow(row) : null
  }

  async transition(
    id: string,
    from: ActivityStatus[],
    to: ActivityStatus,
    at: string,
    extra: { cancelReason?: string; publishedAt?: string } = {},
  ): Promise<boolean> {
    const result = this.sql(
      `UPDATE activities SET status = @to, updated_at = @at,
         cancel_reason = coalesce(@cancelReason, cancel_reason), published_at = coalesce(@publishedAt, published_at)
       WHERE id = @id AND status IN (SELECT value FROM json_each(@from))`,
    ).run({ id, to, at, from: JSON.stringify(from), cancelReason: extra.cancelReason ?? null, publishedAt: extra.publishedAt ?? null })
    return result.changes === 1
  }

  async list(q: ActivityListQuery): Promise<Page<Activity>> {
    const descending = q.phase === 'ended'
    const after = decodeCursor(q.cursor, 2)
    const where = ['status IN (SELECT value FROM json_each(@statuses))']
    const params: Record<string, unknown> = { statuses: JSON.stringify(q.statuses), now: q.now, limit: q.limit + 1 }
    if (q.type) {
      where.push('type = @type')
      params.type = q.type
    }
    if (q.text) {
      where.push(`(title LIKE @text ${LIKE_ESCAPE} OR place LIKE @text ${LIKE_ESCAPE})`)
      params.text = containsPattern(q.text)
    }
    if (q.phase === 'open') where.push("status = 'published' AND sign_up_open_at <= @now AND sign_up_close_at > @now")
    if (q.phase === 'upcoming') where.push('start_at > @now')
    if (q.phase === 'ended') where.push('end_at <= @now')
    if (q.phase === 'current') where.push('end_at > @now')
    if (q.stationScope) {
      const parts = ['station_id IN (SELECT value FROM json_each(@stationIds))']
      if (q.stationScope.includeGeneral) parts.push('station_id IS NULL')
      where.push(`(${parts.join(' OR ')})`)
      params.stationIds = JSON.stringify(q.stationScope.stationIds)
    }
    if (q.eligibleFor) {
      // An empty list in the eligibility means "no limit" on that dimension.
      where.push(`(json_array_length(eligibility, '$.degrees') = 0 OR EXISTS (SELECT 1 FROM json_each(eligibility, '$.degrees') WHERE value = @degree))`)
      where.push(`(json_array_length(eligibility, '$.counties') = 0 OR EXISTS (SELECT 1 FROM json_each(eligibility, '$.counties') WHERE value = @county))`)
      where.push(
        `(json_array_length(eligibility, '$.fields') = 0 OR EXISTS (SELECT 1 FROM json_each(eligibility, '$.fields') f JOIN json_each(@fields) m ON f.value = m.value))`,
      )
      where.push(`(json_array_length(eligibility, '$.stationIds') = 0 OR EXISTS (SELECT 1 FROM json_each(eligibility, '$.stationIds') WHERE value = @memberStation))`)
      Object.assign(params, {
        degree: q.eligibleFor.degree,
        county: q.eligibleFor.county,
        fields: JSON.stringify(q.eligibleFor.fields),
        memberStation: q.eligibleFor.stationId,
      })
    }
    if (after) {
      where.push(descending ? '(start_at, id) < (@afterStart, @afterId)' : '(start_at, id) > (@afterStart, @afterId)')
      params.afterStart = after[0]
      params.afterId = after[1]
    }
    const order = descending ? 'start_at DESC, id DESC' : 'start_at, id'
    const rows = this.sql<Record<string, unknown>, ActivityRow>(
      `SELECT * FROM activities WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT @limit`,
    ).all(params)
    const items = rows.slice(0, q.limit).map(activityFromRow)
    const last = items[items.length - 1]
    return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.startAt, last.id]) : null }
  }

  async dueToCloseSignUp(now: string, limit: number): Promise<Activity[]> {
    return this.sql<[string, number], ActivityRow>(
      "SELECT * FROM activities WHERE status = 'published' AND sign_up_close_at <= ? ORDER BY sign_up_close_at LIMIT ?",
    )
      .all(now, limit)
      .map(activityFromRow)
  }

  async takeDueForReminder(now: string, dayLater: string, limit: number): Promise<Activity[]> {
    return this.sql<[string, string, string, number], ActivityRow>(
      `UPDATE activities SET reminded_at = ?
       WHERE id IN (SELECT id FROM activities WHERE status IN ('published', 'closed') AND reminded_at IS NULL
                    AND start_at > ? AND start_at <= ? ORDER BY start_at LIMIT ?)
       RETURNING *`,
    )
      .all(now, now, dayLater, limit)
      .map(activityFromRow)
  }

  async takeEndedForAbsence(now: string, limit: number): Promise<Activity[]> {
    return this.sql<[string, string, number], ActivityRow>(
      `UPDATE activities SET absence_marked_at = ?
       WHERE id IN (SELECT id FROM activities WHERE status IN ('published', 'closed') AND absence_marked_at IS NULL
                    AND end_at <= ? ORDER BY end_at LIMIT ?)
       RETURNING *`,
    )
      .all(now, now, limit)
      .map(activityFromRow)
  }
}
