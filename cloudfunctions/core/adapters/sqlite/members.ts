import { statementCache, type Sql } from './statements'
import type { Database, Statement } from 'better-sqlite3'
import { MAX_CARDS, type MemberCard, type MemberRecord, type MemberStore, type ProfileChanges } from '../../member/ports'

export interface MemberRow {
  openid: string
  role: MemberRecord['role']
  station_id: string | null
  station_joined_at: string | null
  status: MemberRecord['status']
  name: string
  phone: string
  university: string
  college: string
  major: string
  degree: MemberRecord['degree']
  enrollment_year: number
  graduation_year: number
  hometown_county: MemberRecord['hometownCounty']
  fields: string
  consent_version: string
  consent_at: string
  consent_withdrawn_at: string | null
  joined_at: string
  updated_at: string
  is_demo: number
}

/** Record property → column, for the profile changes a member may make. */
const PROFILE_COLUMNS: Record<keyof ProfileChanges, keyof MemberRow> = {
  name: 'name',
  phone: 'phone',
  university: 'university',
  college: 'college',
  major: 'major',
  degree: 'degree',
  enrollmentYear: 'enrollment_year',
  graduationYear: 'graduation_year',
  hometownCounty: 'hometown_county',
  fields: 'fields',
}

export function toRow(m: MemberRecord): MemberRow {
  return {
    openid: m.openid,
    role: m.role,
    station_id: m.stationId,
    station_joined_at: m.stationJoinedAt,
    status: m.status,
    name: m.name,
    phone: m.phone,
    university: m.university,
    college: m.college,
    major: m.major,
    degree: m.degree,
    enrollment_year: m.enrollmentYear,
    graduation_year: m.graduationYear,
    hometown_county: m.hometownCounty,
    fields: JSON.stringify(m.fields),
    consent_version: m.consentVersion,
    consent_at: m.consentAt,
    consent_withdrawn_at: m.consentWithdrawnAt ?? null,
    joined_at: m.joinedAt,
    updated_at: m.updatedAt,
    is_demo: m.isDemo ? 1 : 0,
  }
}

export function fromRow(r: MemberRow): MemberRecord {
  return {
    openid: r.openid,
    role: r.role,
    stationId: r.station_id,
    stationJoinedAt: r.station_joined_at,
    status: r.status,
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
    consentVersion: r.consent_version,
    consentAt: r.consent_at,
    consentWithdrawnAt: r.consent_withdrawn_at ?? null,
    joinedAt: r.joined_at,
    updatedAt: r.updated_at,
    isDemo: r.is_demo === 1,
  }
}

const COLUMNS = Object.keys(toRow({} as MemberRecord)) as (keyof MemberRow)[]

export class SqliteMemberStore implements MemberStore {
  private readonly getStmt: Statement<[string], MemberRow>
  private readonly insertStmt: Statement<[MemberRow]>
  private readonly removeStmt: Statement<[string]>

  private readonly sql: Sql

  constructor(db: Database) {
    this.sql = statementCache(db)
    this.getStmt = this.sql<[string], MemberRow>('SELECT * FROM members WHERE openid = ?')
    this.insertStmt = this.sql<[MemberRow]>(
      `INSERT INTO members (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})
       ON CONFLICT (openid) DO NOTHING`,
    )
    this.removeStmt = this.sql<[string]>('DELETE FROM members WHERE openid = ?')
  }

  async get(openid: string): Promise<MemberRecord | null> {
    const row = this.getStmt.get(openid)
    return row ? fromRow(row) : null
  }

  async cards(openids: string[]): Promise<Map<string, MemberCard>> {
    const ids = [...new Set(openids)].slice(0, MAX_CARDS)
    if (ids.length === 0) return new Map()
    const rows = this.sql<string[], { openid: string; name: string; university: string }>(
      `SELECT openid, name, university FROM members WHERE openid IN (${ids.map(() => '?').join(', ')})`,
    ).all(...ids)
    return new Map(rows.map((r) => [r.openid, { name: r.name, university: r.university }]))
  }

  async create(record: MemberRecord): Promise<boolean> {
    return this.insertStmt.run(toRow(record)).changes === 1
  }

  async update(openid: string, changes: ProfileChanges, updatedAt: string): Promise<MemberRecord | null> {
    const keys = (Object.keys(changes) as (keyof ProfileChanges)[]).filter((k) => changes[k] !== undefined)
    const values: Record<string, unknown> = { openid, updated_at: updatedAt }
    for (const key of keys) {
      const value = changes[key]
      values[PROFILE_COLUMNS[key]] = key === 'fields' ? JSON.stringify(value) : value
    }
    const assignments = ['updated_at = @updated_at', ...keys.map((k) => `${PROFILE_COLUMNS[k]} = @${PROFILE_COLUMNS[k]}`)]
    const row = this.sql<Record<string, unknown>, MemberRow>(
        `UPDATE members SET ${assignments.join(', ')} WHERE openid = @openid RETURNING *`,
      )
      .get(values)
    return row ? fromRow(row) : null
  }

  async remove(openid: string): Promise<boolean> {
    return this.removeStmt.run(openid).changes === 1
  }
}
