import type { Database } from 'better-sqlite3'
import type { Page, Platform, PlatformActivityLine, PlatformDemandLine, PlatformParticipant } from '../../../../types'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import type { PlatformChanges, PlatformListQuery, PlatformStore } from '../../platform/ports'
import { containsPattern, LIKE_ESCAPE } from './like'
import { statementCache, type Sql } from './statements'

interface PlatformRow {
  id: string
  kind: Platform['kind']
  name: string
  county: Platform['county']
  fields: string
  degrees: string
  intro: string
  host_org: string
  partner_universities: string
  contact: string | null
  photos: string
  offers: string
  status: Platform['status']
  created_at: string
  updated_at: string
  is_demo: number
}

const fromRow = (r: PlatformRow): Platform => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  county: r.county,
  fields: JSON.parse(r.fields) as string[],
  degrees: JSON.parse(r.degrees) as Platform['degrees'],
  intro: r.intro,
  hostOrg: r.host_org,
  partnerUniversities: JSON.parse(r.partner_universities) as string[],
  contact: r.contact ? (JSON.parse(r.contact) as Platform['contact']) : null,
  photos: JSON.parse(r.photos) as string[],
  offers: JSON.parse(r.offers) as Platform['offers'],
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  isDemo: r.is_demo === 1,
})

/** Platform property → column, for the writable ones (lists and the contact as JSON). */
const COLUMN: Record<keyof PlatformChanges, string> = {
  kind: 'kind',
  name: 'name',
  county: 'county',
  fields: 'fields',
  degrees: 'degrees',
  intro: 'intro',
  hostOrg: 'host_org',
  partnerUniversities: 'partner_universities',
  contact: 'contact',
  photos: 'photos',
  offers: 'offers',
}

const columnValue = (value: unknown): unknown => (value !== null && typeof value === 'object' ? JSON.stringify(value) : value)

interface ActivityLineRow {
  id: string
  title: string
  type: string
  start_at: string
  end_at: string
  place: string
  status: string
  capacity: number
  registered_count: number
  attended: number
}

/** The platform directory in SQLite (table `platforms`; activities and demands carry `platform_id`). */
export class SqlitePlatformStore implements PlatformStore {
  private readonly sql: Sql

  constructor(db: Database) {
    this.sql = statementCache(db)
  }

  async create(p: Platform): Promise<void> {
    const values: Record<string, unknown> = {
      id: p.id,
      status: p.status,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
      is_demo: p.isDemo ? 1 : 0,
    }
    for (const [key, column] of Object.entries(COLUMN)) values[column] = columnValue(p[key as keyof PlatformChanges])
    const columns = Object.keys(values)
    this.sql(`INSERT INTO platforms (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(values)
  }

  async get(id: string): Promise<Platform | null> {
    const row = this.sql<[string], PlatformRow>('SELECT * FROM platforms WHERE id = ?').get(id)
    return row ? fromRow(row) : null
  }

  async findActiveByName(name: string): Promise<Platform | null> {
    const row = this.sql<[string], PlatformRow>("SELECT * FROM platforms WHERE name = ? AND status = 'active' LIMIT 1").get(name)
    return row ? fromRow(row) : null
  }

  async update(id: string, changes: PlatformChanges, at: string): Promise<Platform | null> {
    const keys = (Object.keys(changes) as (keyof PlatformChanges)[]).filter((k) => changes[k] !== undefined && k in COLUMN)
    const values: Record<string, unknown> = { id, at }
    for (const key of keys) values[COLUMN[key]] = columnValue(changes[key])
    const sets = ['updated_at = @at', ...keys.map((k) => `${COLUMN[k]} = @${COLUMN[k]}`)]
    const row = this.sql<Record<string, unknown>, PlatformRow>(`UPDATE platforms SET ${sets.join(', ')} WHERE id = @id RETURNING *`).get(values)
    return row ? fromRow(row) : null
  }

  async archive(id: string, at: string): Promise<boolean> {
    return this.sql("UPDATE platforms SET status = 'archived', updated_at = ? WHERE id = ? AND status = 'active'").run(at, id).changes === 1
  }

  async list(q: PlatformListQuery): Promise<Page<Platform>> {
    const where: string[] = []
    const params: Record<string, unknown> = { limit: q.limit + 1 }
    if (!q.includeArchived) where.push("status = 'active'")
    if (q.kind) {
      where.push('kind = @kind')
      params.kind = q.kind
    }
    if (q.county) {
      where.push('county = @county')
      params.county = q.county
    }
    if (q.field) {
      where.push('EXISTS (SELECT 1 FROM json_each(fields) WHERE value = @field)')
      params.field = q.field
    }
    if (q.relevantTo) {
      where.push('EXISTS (SELECT 1 FROM json_each(fields) WHERE value IN (SELECT value FROM json_each(@myFields)))')
      where.push("(degrees = '[]' OR EXISTS (SELECT 1 FROM json_each(degrees) WHERE value = @myDegree))")
      params.myFields = JSON.stringify(q.relevantTo.fields)
      params.myDegree = q.relevantTo.degree
    }
    q.q
      .split(/\s+/)
      .filter(Boolean)
      .forEach((word, i) => {
        where.push(`(name LIKE @w${i} ${LIKE_ESCAPE} OR intro LIKE @w${i} ${LIKE_ESCAPE} OR host_org LIKE @w${i} ${LIKE_ESCAPE})`)
        params[`w${i}`] = containsPattern(word)
      })
    const after = decodeCursor(q.cursor, 2)
    if (after) {
      where.push('(created_at < @afterAt OR (created_at = @afterAt AND id < @afterId))')
      params.afterAt = after[0]
      params.afterId = after[1]
    }
    const rows = this.sql<Record<string, unknown>, PlatformRow>(
      `SELECT * FROM platforms ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT @limit`,
    ).all(params)
    const items = rows.slice(0, q.limit).map(fromRow)
    const last = items[items.length - 1]
    return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.createdAt, last.id]) : null }
  }

  async activities(platformId: string, which: 'upcoming' | 'past', now: string, limit: number): Promise<PlatformActivityLine[]> {
    const upcoming = which === 'upcoming'
    const rows = this.sql<[string, string, number], ActivityLineRow>(
      `SELECT a.id, a.title, a.type, a.start_at, a.end_at, a.place, a.status, a.capacity, a.registered_count,
         (SELECT count(*) FROM registrations r WHERE r.activity_id = a.id AND r.status = 'checked_in') AS attended
       FROM activities a
       WHERE a.platform_id = ? AND a.status IN ('published', 'closed') AND a.end_at ${upcoming ? '>' : '<='} ?
       ORDER BY a.start_at ${upcoming ? 'ASC' : 'DESC'}, a.id LIMIT ?`,
    ).all(platformId, now, limit)
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      type: r.type,
      startAt: r.start_at,
      endAt: r.end_at,
      place: r.place,
      status: r.status,
      capacity: r.capacity,
      registeredCount: r.registered_count,
      attended: r.attended,
    }))
  }

  async openDemands(platformId: string, today: string, limit: number): Promise<PlatformDemandLine[]> {
    return this.sql<[string, string, number], PlatformDemandLine>(
      `SELECT id, position, employer, deadline, headcount FROM demands
       WHERE platform_id = ? AND status = 'open' AND deadline >= ? ORDER BY deadline, id LIMIT ?`,
    ).all(platformId, today, limit)
  }

  async participants(activities: { id: string; title: string }[], limit: number): Promise<PlatformParticipant[]> {
    if (activities.length === 0) return []
    const titles = new Map(activities.map((a) => [a.id, a.title]))
    const rows = this.sql<[string, number], { openid: string; name: string; university: string; activity_id: string }>(
      `SELECT m.openid, m.name, m.university, r.activity_id FROM registrations r JOIN members m ON m.openid = r.openid
       WHERE r.activity_id IN (SELECT value FROM json_each(?)) AND r.status = 'checked_in'
       ORDER BY r.checked_in_at DESC, m.openid LIMIT ?`,
    ).all(JSON.stringify(activities.map((a) => a.id)), limit)
    return rows.map((r) => ({ openid: r.openid, name: r.name, university: r.university, activityTitle: titles.get(r.activity_id) ?? '' }))
  }
}
