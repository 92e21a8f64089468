import BetterSqlite3 from 'better-sqlite3'
import { ReadCache, statementCache, tableVersions } from './statements'

describe('read cache keyed by table versions', () => {
  it('answers from memory until a table it reads is written, by any statement or trigger', () => {
    const db = new BetterSqlite3(':memory:')
    db.exec(`CREATE TABLE members (id TEXT, station TEXT); CREATE TABLE stations (id TEXT, n INTEGER); CREATE TABLE other (x INTEGER)`)
    const sql = statementCache(db)
    const cache = new ReadCache(tableVersions(db))
    let computed = 0
    const count = () =>
      cache.get('count', ['stations'], () => {
        computed += 1
        return (sql('SELECT count(*) AS n FROM stations').get() as { n: number }).n
      })
    expect(count()).toBe(0)
    expect(count()).toBe(0)
    expect(computed).toBe(1)
    sql('INSERT INTO other (x) VALUES (1)').run()
    count()
    expect(computed).toBe(1)
    sql('INSERT INTO stations (id, n) VALUES (?, 0)').run('s1')
    expect(count()).toBe(1)
    expect(computed).toBe(2)
    // members feed station counts through a trigger: a member write invalidates station reads too.
    sql('UPDATE members SET station = ? WHERE id = ?').run('s1', 'm1')
    count()
    expect(computed).toBe(3)
    db.close()
  })
})
