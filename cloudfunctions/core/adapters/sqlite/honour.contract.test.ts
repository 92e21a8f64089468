import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describeHonourStoreContract } from '../honour-contract'
import { openSqliteStore } from '.'

const dirs: string[] = []

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

describeHonourStoreContract('sqlite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-sqlite-honours-'))
  dirs.push(dir)
  return openSqliteStore({ file: path.join(dir, 'store.db') })
})

it('refuses to rewrite a nomination history line at the database', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-sqlite-honours-'))
  dirs.push(dir)
  const store = openSqliteStore({ file: path.join(dir, 'store.db') })
  store.db.exec(`INSERT INTO honour_awards (id, created_at, doc) VALUES ('aw', 'x', '{}');
    INSERT INTO honour_nominations (id, award_id, state, nominee_openid, nominator_openid, station_id, version, created_at, doc)
      VALUES ('nm', 'aw', 'draft', 'o', 'o', NULL, 1, 'x', '{}');
    INSERT INTO honour_events (id, nomination_id, at, doc) VALUES ('he', 'nm', 'x', '{}');`)
  expect(() => store.db.exec(`UPDATE honour_events SET doc = '{"x":1}'`)).toThrow('append-only')
  expect(() => store.db.exec('DELETE FROM honour_events')).toThrow('append-only')
  store.db.close()
})

it('lets a history line change only its actor to a pseudonym and empty its note', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-sqlite-honours-'))
  dirs.push(dir)
  const store = openSqliteStore({ file: path.join(dir, 'store.db') })
  store.db.exec(`INSERT INTO honour_awards (id, created_at, doc) VALUES ('aw', 'x', '{}');
    INSERT INTO honour_nominations (id, award_id, state, nominee_openid, nominator_openid, station_id, version, created_at, doc)
      VALUES ('nm', 'aw', 'draft', 'o', 'o', NULL, 1, 'x', '{}');
    INSERT INTO honour_events (id, nomination_id, at, doc) VALUES ('he', 'nm', 'x', '{"action":"create","actorOpenid":"o","note":"mine"}');`)
  // Not to another real person, and not together with any other change.
  expect(() => store.db.exec(`UPDATE honour_events SET doc = json_set(doc, '$.actorOpenid', 'someone-else')`)).toThrow('append-only')
  expect(() => store.db.exec(`UPDATE honour_events SET doc = json_set(doc, '$.actorOpenid', 'deleted-1', '$.action', 'award')`)).toThrow('append-only')
  expect(() => store.db.exec(`UPDATE honour_events SET at = 'y', doc = json_set(doc, '$.actorOpenid', 'deleted-1')`)).toThrow('append-only')
  store.db.exec(`UPDATE honour_events SET doc = json_set(doc, '$.actorOpenid', 'deleted-1', '$.note', '')`)
  expect(store.db.prepare('SELECT doc FROM honour_events').pluck().get()).toBe('{"action":"create","actorOpenid":"deleted-1","note":""}')
  store.db.close()
})
