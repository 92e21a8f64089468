import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describeNoticeStoreContract } from '../notice-contract'
import { openSqliteStore } from '.'

const dirs: string[] = []

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

// A real file (not `:memory:`) so WAL mode and the migrations run as they do locally.
describeNoticeStoreContract('sqlite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-sqlite-notices-'))
  dirs.push(dir)
  return openSqliteStore({ file: path.join(dir, 'store.db') })
})
