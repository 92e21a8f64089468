import BetterSqlite3 from 'better-sqlite3'
import { GroupCommit } from './group-commit'

describe('GroupCommit', () => {
  it('commits writes that arrive together in one transaction; a failing one rolls back alone', async () => {
    const db = new BetterSqlite3(':memory:')
    db.exec('CREATE TABLE t (v INTEGER)')
    const writes = new GroupCommit(db)
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)')
    const results = await Promise.allSettled([
      writes.run(() => insert.run(1).changes),
      writes.run(() => {
        insert.run(2)
        throw new Error('second fails after writing')
      }),
      writes.run(() => insert.run(3).changes),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(db.prepare('SELECT v FROM t ORDER BY v').all()).toEqual([{ v: 1 }, { v: 3 }])
    db.close()
  })
})
