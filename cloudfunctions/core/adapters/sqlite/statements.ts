import type { Database, Statement } from 'better-sqlite3'

/** Prepares each SQL text once per connection: preparing costs more than running a small query. */
export type Sql = <P extends unknown[] | object = unknown[], R = unknown>(text: string) => Statement<P, R>

export function statementCache(db: Database): Sql {
  const cache = new Map<string, Statement>()
  return <P extends unknown[] | object = unknown[], R = unknown>(text: string) => {
    let statement = cache.get(text)
    if (!statement) {
      statement = db.prepare(text)
      cache.set(text, statement)
    }
    return statement as unknown as Statement<P, R>
  }
}
