import type { Database } from 'better-sqlite3'
import type { Demand, Interest, Page, ShareableField } from '../../../../types'
import { LEAGUE_CONTACT } from '../../../../types'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import type { DemandChanges, DemandQuery, DemandRecord, DemandStore } from '../../policy/ports'
import { containsPattern, LIKE_ESCAPE } from './like'
import { statementCache, type Sql } from './statements'

interface DemandRow {
  id: string
  employer: string
  position: string
  field: string
  degree: string
  headcount: number
  place: string
  salary_min: number | null
  salary_max: number | null
  deadline: string
  description: string
  status: Demand['status']
  platform_id: string | null
  created_at: string
  updated_at: string
  interest_count: number
}

const fromRow = (r: DemandRow): Demand => ({
  id: r.id,
  employer: r.employer,
  position: r.position,
  field: r.field,
  degree: r.degree,
  headcount: r.headcount,
  place: r.place,
  salaryMin: r.salary_min,
  salaryMax: r.salary_max,
  deadline: r.deadline,
  description: r.description,
  contact: LEAGUE_CONTACT,
  status: r.status,
  platformId: r.platform_id,
  interestCount: r.interest_count,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

const COLUMN: Record<keyof DemandChanges, string> = {
  employer: 'employer',
  position: 'position',
  field: 'field',
  degree: 'degree',
  headcount: 'headcount',
  place: 'place',
  salaryMin: 'salary_min',
  salaryMax: 'salary_max',
  deadline: 'deadline',
  description: 'description',
  platformId: 'platform_id',
}

const SELECT = `SELECT d.* FROM demands d`

export class SqliteDemandStore implements DemandStore {
  private readonly sql: Sql
  /** Open demands by field set, kept until the next demand write (matching asks this often). */
  private readonly byFields = new Map<string, Demand[]>()

  constructor(db: Database) {
    this.sql = statementCache(db)
  }

  private changed() {
    this.byFields.clear()
  }

  async create(d: DemandRecord): Promise<void> {
    this.changed()
    const values: Record<string, unknown> = { id: d.id, status: d.status, created_at: d.createdAt, updated_at: d.updatedAt }
    for (const [key, column] of Object.entries(COLUMN)) values[column] = d[key as keyof DemandChanges]
    const columns = Object.keys(values)
    this.sql(`INSERT INTO demands (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(values)
  }

  async get(id: string): Promise<Demand | null> {
    const row = this.sql<[string], DemandRow>(`${SELECT} WHERE d.id = ?`).get(id)
    return row ? fromRow(row) : null
  }

  async update(id: string, changes: DemandChanges, at: string): Promise<Demand | null> {
    this.changed()
    const keys = (Object.keys(changes) as (keyof DemandChanges)[]).filter((k) => changes[k] !== undefined && k in COLUMN)
    const values: Record<string, unknown> = { id, at }
    for (const key of keys) values[COLUMN[key]] = changes[key]
    const sets = ['updated_at = @at', ...keys.map((k) => `${COLUMN[k]} = @${COLUMN[k]}`)]
    if (this.sql(`UPDATE demands SET ${sets.join(', ')} WHERE id = @id`).run(values).changes === 0) return null
    return this.get(id)
  }

  async close(id: string, at: string): Promise<boolean> {
    this.changed()
    return this.sql("UPDATE demands SET status = 'closed', updated_at = ? WHERE id = ? AND status = 'open'").run(at, id).changes === 1
  }

  async list(q: DemandQuery): Promise<Page<Demand>> {
    const after = decodeCursor(q.cursor, 2)
    const where: string[] = []
    const params: Record<string, unknown> = { limit: q.limit + 1 }
    if (!q.includeClosed) where.push("d.status = 'open'")
    q.words.forEach((word, i) => {
      where.push(`(d.employer LIKE @w${i} ${LIKE_ESCAPE} OR d.position LIKE @w${i} ${LIKE_ESCAPE} OR d.description LIKE @w${i} ${LIKE_ESCAPE})`)
      params[`w${i}`] = containsPattern(word)
    })
    if (q.field) {
      where.push('d.field = @field')
      params.field = q.field
    }
    if (q.degree) {
      where.push('d.degree = @degree')
      params.degree = q.degree
    }
    if (after) {
      where.push('(d.deadline, d.id) > (@afterDeadline, @afterId)')
      params.afterDeadline = after[0]
      params.afterId = after[1]
    }
    const rows = this.sql<Record<string, unknown>, DemandRow>(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.deadline, d.id LIMIT @limit`,
    ).all(params)
    const items = rows.slice(0, q.limit).map(fromRow)
    const last = items[items.length - 1]
    return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.deadline, last.id]) : null }
  }

  async openInFields(fields: string[], limit: number): Promise<Demand[]> {
    const key = `${[...fields].sort().join(',')}:${limit}`
    let found = this.byFields.get(key)
    if (!found) {
      found = this.sql<[string, number], DemandRow>(
        `${SELECT} WHERE d.status = 'open' AND d.field IN (SELECT value FROM json_each(?)) ORDER BY d.deadline, d.id LIMIT ?`,
      )
        .all(JSON.stringify(fields), limit)
        .map(fromRow)
      if (this.byFields.size > 500) this.byFields.clear()
      this.byFields.set(key, found)
    }
    return found
  }

  async registerInterest(i: Interest & { share: ShareableField[] }): Promise<boolean> {
    this.changed()
    return (
      this.sql(
        `INSERT INTO demand_interests (demand_id, openid, share, shared, at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (demand_id, openid) DO NOTHING`,
      ).run(i.demandId, i.openid, JSON.stringify(i.share), JSON.stringify(i.shared), i.at).changes === 1
    )
  }

  async withdrawInterest(demandId: string, openid: string): Promise<boolean> {
    this.changed()
    return this.sql('DELETE FROM demand_interests WHERE demand_id = ? AND openid = ?').run(demandId, openid).changes === 1
  }

  async interestOf(demandId: string, openid: string) {
    const row = this.sql<[string, string], { share: string; at: string }>(
      'SELECT share, at FROM demand_interests WHERE demand_id = ? AND openid = ?',
    ).get(demandId, openid)
    return row ? { share: JSON.parse(row.share) as ShareableField[], at: row.at } : null
  }

  async interests(demandId: string, cursor: string | null, limit: number): Promise<Page<Interest>> {
    const after = decodeCursor(cursor, 2)
    const rows = this.sql<Record<string, unknown>, { demand_id: string; openid: string; shared: string; at: string }>(
      `SELECT * FROM demand_interests WHERE demand_id = @demandId ${after ? 'AND (at, openid) > (@afterAt, @afterOpenid)' : ''}
       ORDER BY at, openid LIMIT @limit`,
    ).all({ demandId, limit: limit + 1, afterAt: after?.[0], afterOpenid: after?.[1] })
    const items = rows.slice(0, limit).map((r) => ({
      demandId: r.demand_id,
      openid: r.openid,
      at: r.at,
      shared: JSON.parse(r.shared) as Interest['shared'],
    }))
    const last = items[items.length - 1]
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.at, last.openid]) : null }
  }

  async forgetMember(openid: string): Promise<void> {
    this.changed()
    this.sql('DELETE FROM demand_interests WHERE openid = ?').run(openid)
  }
}
