import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describeSurveyStoreContract } from '../survey-contract'
import { openSqliteStore } from '.'

const dirs: string[] = []

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

// A real file (not `:memory:`) so WAL mode and the migrations run as they do locally.
describeSurveyStoreContract('sqlite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-sqlite-surveys-'))
  dirs.push(dir)
  return openSqliteStore({ file: path.join(dir, 'store.db') })
})
