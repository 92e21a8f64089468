import type { Database } from 'better-sqlite3'
import type {
  DemandDraft,
  Page,
  Platform,
  PlatformActivityLine,
  PlatformContactPerson,
  PlatformDemandLine,
  PlatformInvite,
  PlatformParticipant,
} from '../../../../types'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import type { MemberCandidate, PlatformChanges, PlatformListQuery, PlatformStore } from '../../platform/ports'
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

  async activities(platformId: string, which: 'upcoming' | 'past' | 'drafts', now: string, limit: number, createdBy?: string): Promise<PlatformActivityLine[]> {
    const where =
      which === 'drafts'
        ? "a.status = 'draft' AND (@createdBy IS NULL OR a.created_by = @createdBy)"
        : `a.status IN ('published', 'closed') AND a.end_at ${which === 'upcoming' ? '>' : '<='} @now`
    const rows = this.sql<Record<string, unknown>, ActivityLineRow>(
      `SELECT a.id, a.title, a.type, a.start_at, a.end_at, a.place, a.status, a.capacity, a.registered_count,
         (SELECT count(*) FROM registrations r WHERE r.activity_id = a.id AND r.status = 'checked_in') + a.public_attended AS attended
       FROM activities a
       WHERE a.platform_id = @platformId AND ${where}
       ORDER BY a.start_at ${which === 'past' ? 'DESC' : 'ASC'}, a.id LIMIT @limit`,
    ).all({ platformId, now, limit, createdBy: createdBy ?? null })
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

  // ——— contacts ———

  async addContact(c: PlatformContactPerson): Promise<boolean> {
    return (
      this.sql('INSERT OR IGNORE INTO platform_contacts (platform_id, openid, name, via, added_at) VALUES (?, ?, ?, ?, ?)').run(
        c.platformId,
        c.openid,
        c.name,
        c.via,
        c.addedAt,
      ).changes === 1
    )
  }

  async removeContact(platformId: string, openid: string): Promise<boolean> {
    return this.sql('DELETE FROM platform_contacts WHERE platform_id = ? AND openid = ?').run(platformId, openid).changes === 1
  }

  async contactsOf(platformId: string, limit: number): Promise<PlatformContactPerson[]> {
    return this.sql<[string, number], ContactRow>('SELECT * FROM platform_contacts WHERE platform_id = ? ORDER BY added_at, openid LIMIT ?')
      .all(platformId, limit)
      .map(contactFromRow)
  }

  async isContact(platformId: string, openid: string): Promise<boolean> {
    return this.sql('SELECT 1 FROM platform_contacts WHERE platform_id = ? AND openid = ?').get(platformId, openid) !== undefined
  }

  async platformsOfContact(openid: string, limit: number): Promise<string[]> {
    return this.sql<[string, number], { platform_id: string }>('SELECT platform_id FROM platform_contacts WHERE openid = ? ORDER BY added_at LIMIT ?')
      .all(openid, limit)
      .map((r) => r.platform_id)
  }

  async searchMembers(q: string, limit: number): Promise<MemberCandidate[]> {
    return this.sql<[string, string, number], MemberCandidate>(
      `SELECT openid, name, university, phone FROM members WHERE name LIKE ? ${LIKE_ESCAPE} OR university LIKE ? ${LIKE_ESCAPE} ORDER BY name, openid LIMIT ?`,
    ).all(containsPattern(q), containsPattern(q), limit)
  }

  async forgetContact(openid: string): Promise<void> {
    this.sql('DELETE FROM platform_contacts WHERE openid = ?').run(openid)
  }

  async saveInvite(invite: PlatformInvite, at: string): Promise<void> {
    this.sql('INSERT INTO platform_invites (code, platform_id, name, expires_at, created_at) VALUES (?, ?, ?, ?, ?)').run(
      invite.code,
      invite.platformId,
      invite.name,
      invite.expiresAt,
      at,
    )
  }

  async takeInvite(code: string, at: string): Promise<PlatformInvite | null> {
    const row = this.sql<[string, string, string], { code: string; platform_id: string; name: string; expires_at: string }>(
      'UPDATE platform_invites SET used_at = ? WHERE code = ? AND used_at IS NULL AND expires_at > ? RETURNING code, platform_id, name, expires_at',
    ).get(at, code, at)
    return row ? { code: row.code, platformId: row.platform_id, name: row.name, expiresAt: row.expires_at } : null
  }

  // ——— demand drafts ———

  async saveDemandDraft(d: DemandDraft): Promise<void> {
    this.sql(
      `INSERT INTO platform_demand_drafts (id, platform_id, submitted_by, demand, status, reason, demand_id, created_at, decided_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(d.id, d.platformId, d.submittedBy, JSON.stringify(d.demand), d.status, d.reason, d.demandId, d.createdAt, d.decidedAt)
  }

  async getDemandDraft(id: string): Promise<DemandDraft | null> {
    const row = this.sql<[string], DemandDraftRow>('SELECT * FROM platform_demand_drafts WHERE id = ?').get(id)
    return row ? demandDraftFromRow(row) : null
  }

  async decideDemandDraft(id: string, d: { status: 'approved' | 'rejected'; reason: string; demandId: string | null; at: string }): Promise<boolean> {
    return (
      this.sql("UPDATE platform_demand_drafts SET status = ?, reason = ?, demand_id = ?, decided_at = ? WHERE id = ? AND status = 'pending'").run(
        d.status,
        d.reason,
        d.demandId,
        d.at,
        id,
      ).changes === 1
    )
  }

  async demandDrafts(platformId: string, filter: { status?: 'pending'; submittedBy?: string }, limit: number): Promise<DemandDraft[]> {
    return this.sql<Record<string, unknown>, DemandDraftRow>(
      `SELECT * FROM platform_demand_drafts WHERE platform_id = @platformId
         AND (@status IS NULL OR status = @status) AND (@submittedBy IS NULL OR submitted_by = @submittedBy)
       ORDER BY created_at DESC, id DESC LIMIT @limit`,
    )
      .all({ platformId, status: filter.status ?? null, submittedBy: filter.submittedBy ?? null, limit })
      .map(demandDraftFromRow)
  }
}

interface ContactRow {
  platform_id: string
  openid: string
  name: string
  via: PlatformContactPerson['via']
  added_at: string
}

const contactFromRow = (r: ContactRow): PlatformContactPerson => ({ platformId: r.platform_id, openid: r.openid, name: r.name, via: r.via, addedAt: r.added_at })

interface DemandDraftRow {
  id: string
  platform_id: string
  submitted_by: string
  demand: string
  status: DemandDraft['status']
  reason: string
  demand_id: string | null
  created_at: string
  decided_at: string | null
}

const demandDraftFromRow = (r: DemandDraftRow): DemandDraft => ({
  id: r.id,
  platformId: r.platform_id,
  submittedBy: r.submitted_by,
  demand: JSON.parse(r.demand) as DemandDraft['demand'],
  status: r.status,
  reason: r.reason,
  demandId: r.demand_id,
  createdAt: r.created_at,
  decidedAt: r.decided_at,
})
