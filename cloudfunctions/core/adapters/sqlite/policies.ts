import type { Database } from 'better-sqlite3'
import type { Page, Policy } from '../../../../types'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import type { MatchProfile, PolicyChanges, PolicyMatch, PolicyQuery, PolicyRecord, PolicyStore } from '../../policy/ports'
import { containsPattern, LIKE_ESCAPE } from './like'
import { statementCache, type Sql } from './statements'

interface PolicyRow {
  id: string
  title: string
  category: Policy['category']
  summary: string
  body: string
  body_text: string
  issuer: string
  doc_number: string
  fields: string
  degrees: string
  counties: string
  effective_from: string | null
  effective_until: string | null
  source_url: string | null
  tags: string
  status: Policy['status']
  published_at: string | null
  created_at: string
  updated_at: string
}

function fromRow(r: PolicyRow): PolicyRecord {
  return {
    id: r.id,
    title: r.title,
    category: r.category,
    summary: r.summary,
    body: r.body,
    bodyText: r.body_text,
    issuer: r.issuer,
    docNumber: r.doc_number,
    fields: JSON.parse(r.fields) as string[],
    degrees: JSON.parse(r.degrees) as string[],
    counties: JSON.parse(r.counties) as string[],
    effectiveFrom: r.effective_from,
    effectiveUntil: r.effective_until,
    sourceUrl: r.source_url,
    tags: JSON.parse(r.tags) as string[],
    status: r.status,
    publishedAt: r.published_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

const COLUMN: Record<keyof PolicyChanges, string> = {
  title: 'title',
  category: 'category',
  summary: 'summary',
  body: 'body',
  bodyText: 'body_text',
  issuer: 'issuer',
  docNumber: 'doc_number',
  fields: 'fields',
  degrees: 'degrees',
  counties: 'counties',
  effectiveFrom: 'effective_from',
  effectiveUntil: 'effective_until',
  sourceUrl: 'source_url',
  tags: 'tags',
}

const toColumn = (v: unknown) => (Array.isArray(v) ? JSON.stringify(v) : v)

/** A quoted FTS5 string: user text is matched as text, never read as query syntax. */
const ftsString = (word: string) => `"${word.replace(/"/g, '""')}"`

/** Policies rarely change and many people ask the same things: answers are kept until a write. */
const CACHE_SIZE = 500

export class SqlitePolicyStore implements PolicyStore {
  private readonly sql: Sql
  private readonly cache = new Map<string, unknown>()

  constructor(private readonly db: Database) {
    this.sql = statementCache(db)
  }

  private cached<T>(key: string, compute: () => T): T {
    if (this.cache.has(key)) {
      const value = this.cache.get(key) as T
      this.cache.delete(key)
      this.cache.set(key, value)
      return value
    }
    const value = compute()
    this.cache.set(key, value)
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string)
    return value
  }

  private changed() {
    this.cache.clear()
  }

  private writeTargets(p: Pick<PolicyRecord, 'id' | 'fields' | 'degrees' | 'counties'>) {
    this.sql('DELETE FROM policy_targets WHERE policy_id = ?').run(p.id)
    const insert = this.sql('INSERT OR IGNORE INTO policy_targets (dim, value, policy_id) VALUES (?, ?, ?)')
    for (const [dim, values] of [
      ['field', p.fields],
      ['degree', p.degrees],
      ['county', p.counties],
    ] as const) {
      for (const value of values) insert.run(dim, value, p.id)
    }
    const dims = [p.fields, p.degrees, p.counties].filter((list) => list.length > 0).length
    this.sql('UPDATE policies SET dims = ? WHERE id = ?').run(dims, p.id)
  }

  async create(p: PolicyRecord): Promise<void> {
    this.db.transaction(() => {
      const values: Record<string, unknown> = {
        id: p.id,
        status: p.status,
        published_at: p.publishedAt,
        created_at: p.createdAt,
        updated_at: p.updatedAt,
      }
      for (const [key, column] of Object.entries(COLUMN)) values[column] = toColumn(p[key as keyof PolicyChanges])
      const columns = Object.keys(values)
      this.sql(`INSERT INTO policies (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(values)
      this.writeTargets(p)
    })()
    this.changed()
  }

  async get(id: string): Promise<PolicyRecord | null> {
    const row = this.sql<[string], PolicyRow>('SELECT * FROM policies WHERE id = ?').get(id)
    return row ? fromRow(row) : null
  }

  async update(id: string, changes: PolicyChanges, at: string): Promise<PolicyRecord | null> {
    const updated = this.db.transaction(() => {
      const keys = (Object.keys(changes) as (keyof PolicyChanges)[]).filter((k) => changes[k] !== undefined && k in COLUMN)
      const values: Record<string, unknown> = { id, at }
      for (const key of keys) values[COLUMN[key]] = toColumn(changes[key])
      const sets = ['updated_at = @at', ...keys.map((k) => `${COLUMN[k]} = @${COLUMN[k]}`)]
      const row = this.sql<Record<string, unknown>, PolicyRow>(`UPDATE policies SET ${sets.join(', ')} WHERE id = @id RETURNING *`).get(values)
      if (!row) return null
      const record = fromRow(row)
      this.writeTargets(record)
      return record
    })()
    this.changed()
    return updated
  }

  async setStatus(id: string, status: Policy['status'], at: string): Promise<boolean> {
    const result = this.sql(
      `UPDATE policies SET status = @status, updated_at = @at,
         published_at = CASE WHEN @status = 'published' THEN @at ELSE published_at END
       WHERE id = @id AND status != @status`,
    ).run({ id, status, at })
    this.changed()
    return result.changes === 1
  }

  async search(q: PolicyQuery): Promise<{ items: PolicyRecord[]; more: boolean }> {
    return this.cached(`search:${JSON.stringify(q)}`, () => this.searchNow(q))
  }

  private searchNow(q: PolicyQuery): { items: PolicyRecord[]; more: boolean } {
    const where: string[] = []
    const params: Record<string, unknown> = { limit: q.limit + 1, offset: q.offset }
    if (!q.includeDrafts) where.push("p.status = 'published'")
    if (q.status) {
      where.push('p.status = @status')
      params.status = q.status
    }
    const titleHits: string[] = []
    const summaryHits: string[] = []
    q.words.forEach((word, i) => {
      params[`w${i}`] = word
      if ([...word].length >= 3) {
        where.push(`p.rowid IN (SELECT rowid FROM policies_fts WHERE policies_fts MATCH @fts${i})`)
        params[`fts${i}`] = ftsString(word)
      } else {
        // Trigrams cannot match 1–2 characters: a substring scan, narrowed by the other conditions.
        where.push(`(p.title LIKE @like${i} ${LIKE_ESCAPE} OR p.summary LIKE @like${i} ${LIKE_ESCAPE} OR p.body_text LIKE @like${i} ${LIKE_ESCAPE})`)
        params[`like${i}`] = containsPattern(word)
      }
      titleHits.push(`(instr(lower(p.title), lower(@w${i})) > 0)`)
      summaryHits.push(`(instr(lower(p.summary), lower(@w${i})) > 0)`)
    })
    if (q.category) {
      where.push('p.category = @category')
      params.category = q.category
    }
    for (const [dim, value] of [
      ['field', q.field],
      ['degree', q.degree],
      ['county', q.county],
    ] as const) {
      if (value) {
        where.push(`EXISTS (SELECT 1 FROM policy_targets t WHERE t.dim = '${dim}' AND t.value = @${dim} AND t.policy_id = p.id)`)
        params[dim] = value
      }
    }
    if (q.tag) {
      where.push('EXISTS (SELECT 1 FROM json_each(p.tags) WHERE json_each.value = @tag)')
      params.tag = q.tag
    }
    if (q.inEffectOn) {
      where.push('(p.effective_from IS NULL OR p.effective_from <= @day) AND (p.effective_until IS NULL OR p.effective_until >= @day)')
      params.day = q.inEffectOn
    }
    const rank = titleHits.length > 0 ? `(${titleHits.join(' + ')}) DESC, (${summaryHits.join(' + ')}) DESC,` : ''
    const rows = this.sql<Record<string, unknown>, PolicyRow>(
      `SELECT p.* FROM policies p ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${rank} p.published_at DESC, p.id LIMIT @limit OFFSET @offset`,
    ).all(params)
    return { items: rows.slice(0, q.limit).map(fromRow), more: rows.length > q.limit }
  }

  async match(profile: MatchProfile, limit: number): Promise<PolicyMatch[]> {
    const key = `match:${profile.degree}:${profile.county}:${[...profile.fields].sort().join(',')}:${limit}`
    return this.cached(key, () => {
      const rows = this.sql<Record<string, unknown>, PolicyRow & { met: string; met_dims: number }>(
        `WITH hits AS (
           SELECT policy_id, count(DISTINCT dim) AS met_dims, group_concat(dim || ':' || value) AS met
           FROM policy_targets
           WHERE (dim = 'degree' AND value = @degree) OR (dim = 'county' AND value = @county)
              OR (dim = 'field' AND value IN (SELECT value FROM json_each(@fields)))
           GROUP BY policy_id
         )
         SELECT p.*, hits.met, hits.met_dims FROM hits JOIN policies p ON p.id = hits.policy_id
         WHERE p.status = 'published' AND hits.met_dims = p.dims
         ORDER BY hits.met_dims DESC, p.published_at DESC, p.id LIMIT @limit`,
      ).all({ degree: profile.degree, county: profile.county, fields: JSON.stringify(profile.fields), limit })
      return rows.map((r) => ({ policy: fromRow(r), met: r.met.split(',') }))
    })
  }

  async setFavorite(openid: string, policyId: string, on: boolean, at: string): Promise<void> {
    if (on) this.sql('INSERT OR IGNORE INTO favorites (openid, policy_id, at) VALUES (?, ?, ?)').run(openid, policyId, at)
    else this.sql('DELETE FROM favorites WHERE openid = ? AND policy_id = ?').run(openid, policyId)
  }

  async isFavorite(openid: string, policyId: string): Promise<boolean> {
    return this.sql('SELECT 1 FROM favorites WHERE openid = ? AND policy_id = ?').get(openid, policyId) !== undefined
  }

  async favorites(openid: string, cursor: string | null, limit: number): Promise<Page<PolicyRecord>> {
    const after = decodeCursor(cursor, 2)
    const rows = this.sql<Record<string, unknown>, PolicyRow & { fav_at: string }>(
      `SELECT p.*, f.at AS fav_at FROM favorites f JOIN policies p ON p.id = f.policy_id
       WHERE f.openid = @openid AND p.status = 'published' ${after ? 'AND (f.at, p.id) < (@afterAt, @afterId)' : ''}
       ORDER BY f.at DESC, p.id DESC LIMIT @limit`,
    ).all({ openid, limit: limit + 1, afterAt: after?.[0], afterId: after?.[1] })
    const page = rows.slice(0, limit)
    const last = page[page.length - 1]
    return { items: page.map(fromRow), nextCursor: rows.length > limit && last ? encodeCursor([last.fav_at, last.id]) : null }
  }

  async forgetMember(openid: string): Promise<void> {
    this.sql('DELETE FROM favorites WHERE openid = ?').run(openid)
  }
}
