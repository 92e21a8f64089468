import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describePolicyStoreContract } from '../policy-contract'
import { openSqliteStore } from '.'

const dirs: string[] = []

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

// A real file (not `:memory:`) so WAL mode and the migrations (FTS5 trigram tables) run as they do
// locally. Each run has its own file: policies and demands go with it, no cleanup needed.
describePolicyStoreContract('sqlite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-sqlite-policies-'))
  dirs.push(dir)
  return openSqliteStore({ file: path.join(dir, 'store.db') })
})
