import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * The architecture rules (.dependency-cruiser.js) bite: tiny fixture trees, laid out like the
 * repository, each breaking one rule, are cruised with the real config, and every violation must
 * be reported under the rule's name; the allowed twin of each import must pass.
 */
const root = path.resolve(__dirname, '..')

/** path → content; each file is one case. */
const FIXTURES: Record<string, string> = {
  // A use case making QR images itself instead of through the files port.
  'cloudfunctions/core/activity/check-in.ts': "export const qr = async () => (await import('qrcode')).default\n",
  // The same import in its adapter is the allowed way.
  'cloudfunctions/core/adapters/files/qr.ts': "export const qr = async () => (await import('qrcode')).default\n",
  // A use case reaching an adapter directly.
  'cloudfunctions/core/notice/send.ts': "export { qr } from '../adapters/files/qr'\n",
  // The SQLite driver in the CloudBase adapter.
  'cloudfunctions/core/adapters/cloudbase/store.ts': "import Database from 'better-sqlite3'\nexport const open = () => new Database(':memory:')\n",
  // dayjs is allowed in core.
  'cloudfunctions/core/shared/clock.ts': "import dayjs from 'dayjs'\nexport const now = () => dayjs()\n",
  // The contract importing anything but zod.
  'types/dates.ts': "import dayjs from 'dayjs'\nexport const today = () => dayjs().format('YYYY-MM-DD')\n",
  'types/index.ts': "import * as z from 'zod'\nexport const id = z.string()\n",
  // One function reaching into another's internals.
  'cloudfunctions/api/src/logger.ts': 'export const log = (s: string) => s\n',
  'cloudfunctions/scheduler/src/entry.ts': "import { log } from '../../api/src/logger'\nexport const run = () => log('run')\n",
  // The app importing the functions.
  'src/services/api.ts': "import { log } from '../../cloudfunctions/api/src/logger'\nexport const call = () => log('call')\n",
  // A feature importing another feature, and a shared hook importing a feature.
  'src/features/notice/api.ts': "import { listActivities } from '../activity/api'\nexport const choices = () => listActivities()\n",
  'src/features/activity/api.ts': 'export const listActivities = () => []\n',
  'src/hooks/use-activities.ts': "import { listActivities } from '../features/activity/api'\nexport const useActivities = () => listActivities()\n",
  // A cycle, type-only: still a wrong cut.
  'src/utils/a.ts': "import type { B } from './b'\nexport interface A { b?: B }\n",
  'src/utils/b.ts': "import type { A } from './a'\nexport interface B { a?: A }\n",
}

interface Violation {
  from: string
  to: string
  rule: { name: string }
}

function cruise(dir: string): Violation[] {
  // The real rules; resolution adjusted for the fixture tree (node_modules is a symlink there).
  const config = path.join(dir, '.dependency-cruiser.js')
  fs.writeFileSync(
    config,
    `const real = require(${JSON.stringify(path.join(root, '.dependency-cruiser.js'))})
module.exports = { ...real, options: { ...real.options, tsConfig: undefined, preserveSymlinks: true } }\n`,
  )
  const cli = path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs')
  let out: string
  try {
    out = execFileSync(process.execPath, [cli, '--config', config, '--output-type', 'json', 'src', 'types', 'cloudfunctions'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    })
  } catch (error) {
    // depcruise exits with the number of errors; the report is still on stdout.
    out = (error as { stdout: string }).stdout
  }
  return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations
}

describe('dependency rules', () => {
  let dir: string
  let violations: Violation[]
  const rulesFrom = (file: string) => [...new Set(violations.filter((v) => v.from === file).map((v) => v.rule.name))].sort()

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-deps-'))
    for (const [file, content] of Object.entries(FIXTURES)) {
      fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true })
      fs.writeFileSync(path.join(dir, file), content)
    }
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
    violations = cruise(dir)
  }, 60_000)

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('a qrcode import in a use case breaks the core and the SDK rules', () => {
    expect(rulesFrom('cloudfunctions/core/activity/check-in.ts')).toEqual(['core-only-pure-packages', 'sdk-only-in-adapters-files'])
  })

  it('qrcode in the files adapter and dayjs in core are allowed', () => {
    expect(rulesFrom('cloudfunctions/core/adapters/files/qr.ts')).toEqual([])
    expect(rulesFrom('cloudfunctions/core/shared/clock.ts')).toEqual([])
    expect(rulesFrom('types/index.ts')).toEqual([])
  })

  it('a use case importing an adapter is reported', () => {
    expect(rulesFrom('cloudfunctions/core/notice/send.ts')).toEqual(['core-not-to-adapters'])
  })

  it('an SDK in the wrong adapter is reported', () => {
    expect(rulesFrom('cloudfunctions/core/adapters/cloudbase/store.ts')).toEqual(['sdk-only-in-adapters-sqlite'])
  })

  it('the contract importing anything but zod is reported', () => {
    expect(rulesFrom('types/dates.ts')).toEqual(['types-only-zod'])
  })

  it('one function importing another function is reported', () => {
    expect(rulesFrom('cloudfunctions/scheduler/src/entry.ts')).toEqual(['function-not-to-other-function'])
  })

  it('the app importing the functions is reported', () => {
    expect(rulesFrom('src/services/api.ts')).toEqual(['app-not-to-functions'])
  })

  it('a feature importing another feature is reported, and so is a shared hook importing a feature', () => {
    expect(rulesFrom('src/features/notice/api.ts')).toEqual(['no-cross-feature'])
    expect(rulesFrom('src/hooks/use-activities.ts')).toEqual(['shared-not-to-features'])
    expect(rulesFrom('src/features/activity/api.ts')).toEqual([])
  })

  it('a cycle, even through type-only imports, is reported', () => {
    expect(rulesFrom('src/utils/a.ts')).toEqual(['no-cycles'])
  })
})
