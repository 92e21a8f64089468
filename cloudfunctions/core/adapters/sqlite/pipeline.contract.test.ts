import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describePipelineStoreContract } from '../pipeline-contract'
import { openSqliteStore } from '.'

const dirs: string[] = []

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

describePipelineStoreContract('sqlite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-sqlite-pipeline-'))
  dirs.push(dir)
  return openSqliteStore({ file: path.join(dir, 'store.db') })
})
