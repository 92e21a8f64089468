// `npm test`: every check the project has, in the order a failure is cheapest to see.
// Type checks, unit + integration tests (real SQLite), the weapp build, WeChat's own compile check
// of it and every page mounted in an app-service sandbox, the H5 build, then the browser journeys
// in Debian's chromium. Runs them all, then fails if any failed.
import { spawnSync } from 'node:child_process'

// A production weapp build must name its CloudBase environment (config/index.ts). The test build
// is never deployed and its cloud calls are answered in-process (tests/weapp), so it gets an
// explicit placeholder that the page-mount suite checks reaches cloud.init.
const WEAPP_TEST_ENV = { TARO_APP_CLOUD_ENV: 'yizhan-offline-check' }

const steps = [
  ['type check (app and functions)', 'npm', ['run', 'typecheck']],
  ['dependency rules (architecture)', 'npm', ['run', 'lint:deps']],
  ['ESLint', 'npm', ['run', 'lint']],
  ['unit and integration tests', 'npx', ['jest', '--ci']],
  ['weapp build', 'npm', ['run', 'build:weapp'], WEAPP_TEST_ENV],
  ['WeChat compile check (miniprogram-ci, wcc, wcsc; sizes, ES5, privacy)', 'npm', ['run', 'weapp:check']],
  ['weapp pages mounted in an app-service sandbox, and the checker on broken fixtures', 'npx', ['jest', '--ci', '-c', 'tests/weapp/jest.config.js'], WEAPP_TEST_ENV],
  ['H5 build', 'npm', ['run', 'build:h5']],
  ['browser journeys', 'npx', ['jest', '--ci', '-c', 'tests/e2e/jest.config.js']],
]

const results = []
for (const [name, command, args, env = {}] of steps) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`)
  const started = Date.now()
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0', ...env } })
  results.push({ name, ok: status === 0, seconds: Math.round((Date.now() - started) / 1000) })
}

console.log('\n=== summary')
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name} (${r.seconds}s)`)
const failed = results.filter((r) => !r.ok).length
console.log(`steps: ${results.length - failed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
