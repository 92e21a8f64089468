import type { Database, Statement } from 'better-sqlite3'

/** Prepares each SQL text once per connection: preparing costs more than running a small query. */
export type Sql = <P extends unknown[] | object = unknown[], R = unknown>(text: string) => Statement<P, R>

/**
 * Tables a trigger also writes when its table is written (see migrations): a write to `members`
 * changes station counts and station history, and so on.
 */
const TRIGGERED: Record<string, string[]> = {
  members: ['stations', 'station_memberships'],
  join_requests: ['stations'],
  registrations: ['activities'],
  demand_interests: ['demands'],
  policies: ['policies_fts'],
}

const WRITE = /^\s*(?:WITH\b[\s\S]*?\)\s*)?(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+(\w+)/i

/** Per connection: a counter per table, bumped by every write to it (and its triggers' tables). */
export class TableVersions {
  private readonly versions = new Map<string, number>()

  bump(table: string) {
    for (const t of [table, ...(TRIGGERED[table] ?? [])]) this.versions.set(t, (this.versions.get(t) ?? 0) + 1)
  }

  /** A key that changes whenever any of these tables is written. */
  of(tables: readonly string[]): string {
    return tables.map((t) => this.versions.get(t) ?? 0).join('.')
  }
}

const versionsByDb = new WeakMap<Database, TableVersions>()

export function tableVersions(db: Database): TableVersions {
  let versions = versionsByDb.get(db)
  if (!versions) {
    versions = new TableVersions()
    versionsByDb.set(db, versions)
  }
  return versions
}

export function statementCache(db: Database): Sql {
  const cache = new Map<string, Statement>()
  const versions = tableVersions(db)
  return <P extends unknown[] | object = unknown[], R = unknown>(text: string) => {
    let statement = cache.get(text)
    if (!statement) {
      statement = db.prepare(text)
      const table = WRITE.exec(text)?.[1]?.toLowerCase()
      if (table) statement = countingWrites(statement, () => versions.bump(table))
      cache.set(text, statement)
    }
    return statement as unknown as Statement<P, R>
  }
}

/** Wraps a write statement so that running it bumps its table's version. */
function countingWrites(statement: Statement, bump: () => void): Statement {
  const wrap =
    <F extends (...args: never[]) => unknown>(fn: F) =>
    (...args: Parameters<F>) => {
      const result = fn.apply(statement, args)
      bump()
      return result
    }
  return Object.assign(Object.create(statement) as Statement, {
    run: wrap(statement.run),
    get: wrap(statement.get),
    all: wrap(statement.all),
  })
}

/**
 * Answers kept until a table they read is written: for read-mostly data many people ask the same
 * of (the station directory, a roster page). Bounded; least recently used goes first.
 */
export class ReadCache {
  private readonly entries = new Map<string, { version: string; value: unknown; until: string | null }>()

  constructor(
    private readonly versions: TableVersions,
    private readonly size = 500,
  ) {}

  get<T>(key: string, tables: readonly string[], compute: () => T): T {
    return this.getUntil(key, tables, '', () => ({ value: compute(), until: null }))
  }

  /**
   * For answers that also change with time: `compute` says until when its answer holds (e.g. the
   * next scheduled notice's send time); `now` at or past that recomputes. ISO times with the same
   * offset compare as strings.
   */
  getUntil<T>(key: string, tables: readonly string[], now: string, compute: () => { value: T; until: string | null }): T {
    const version = this.versions.of(tables)
    const hit = this.entries.get(key)
    if (hit && hit.version === version && (hit.until === null || now < hit.until)) {
      this.entries.delete(key)
      this.entries.set(key, hit)
      return hit.value as T
    }
    const { value, until } = compute()
    this.entries.delete(key)
    this.entries.set(key, { version, value, until })
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string)
    return value
  }
}
