import type { Database } from 'better-sqlite3'
import { openSqliteStore } from '.'
import { MEMBER_COLUMN, MEMBER_DATA_COVERAGE } from './member-export'

/**
 * The export promises everything stored about a member. Every table with a column that names a
 * member must say in MEMBER_DATA_COVERAGE how the export covers it (or why not): a new table
 * added without that line fails here, before a member's export silently misses it.
 */
function tablesNamingMembers(db: Database): Map<string, string[]> {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all()
    .map((t) => t.name)
  const found = new Map<string, string[]>()
  for (const table of tables) {
    const columns = db
      .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table.replace(/'/g, "''")}')`)
      .all()
      .map((c) => c.name)
      .filter((c) => MEMBER_COLUMN.test(c))
    if (columns.length > 0) found.set(table, columns)
  }
  return found
}

describe('SQLite member data coverage', () => {
  const store = openSqliteStore({ file: ':memory:' })
  afterAll(() => store.close())

  it('declares export coverage for every table that holds a member openid', () => {
    const tables = tablesNamingMembers(store.db)
    const uncovered = [...tables.keys()].filter((table) => !(table in MEMBER_DATA_COVERAGE))
    expect(uncovered).toEqual([])
    // The map lists no table that does not exist (a rename would otherwise go unnoticed).
    expect(Object.keys(MEMBER_DATA_COVERAGE).filter((table) => !tables.has(table))).toEqual([])
  })

  it('notices a new table with a member column that the map does not cover', () => {
    store.db.exec('CREATE TABLE new_member_things (openid TEXT NOT NULL, note TEXT)')
    const uncovered = [...tablesNamingMembers(store.db).keys()].filter((table) => !(table in MEMBER_DATA_COVERAGE))
    expect(uncovered).toEqual(['new_member_things'])
    store.db.exec('DROP TABLE new_member_things')
  })
})
