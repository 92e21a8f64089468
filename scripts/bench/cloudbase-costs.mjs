// Database requests per action on CloudBase (issue 10), counted on the wire-level stand-in of
// the database service with the real SDK building every request. Used by `npm run bench`, and on
// its own (`node scripts/bench/cloudbase-costs.mjs`) to refresh only its section of BENCHMARKS.md.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runTsScript } from './local-server.mjs'

const STATIONS = 200
/** Push runs are measured for this many authorised members, then scaled to the 50,000 of the budget. */
const PUSH_SAMPLE = 2000
const AUDIENCE = 50_000
const START = '<!-- cloudbase-costs:start -->'
const END = '<!-- cloudbase-costs:end -->'

export async function cloudBaseCostsSection(root) {
  const out = path.join(root, '.build', 'cloudbase-costs.json')
  await runTsScript(root, 'scripts/bench/cloudbase-costs-main.ts', [out, STATIONS, PUSH_SAMPLE])
  const costs = JSON.parse(fs.readFileSync(out, 'utf8'))
  const find = (prefix) => costs.find((c) => c.label.startsWith(prefix))
  const push = find('scheduler push runs')
  const perMember = push.requests / PUSH_SAMPLE
  const rows = costs.map(
    (c) => `| ${c.label} | ${c.requests} | ${c.store ?? '—'} | ${c.peak} | ${c.projected === undefined ? '—' : c.projected ? 'yes' : 'no'} |`,
  )
  const signUp = find('`activity.signUp`').store
  const list = find('`station.list`').store
  const unread = find('`notice.unreadCount`')
  const peak = Math.max(...costs.map((c) => c.peak))
  const ok = (pass) => (pass ? 'within' : '**over**')
  return `${START}
## Requests per action on CloudBase (issue 10)

Counted on the wire-level stand-in of the CloudBase database (\`cloudfunctions/core/adapters/cloudbase/testing/stand-in.ts\`):
the real SDK builds and serialises every request, the stand-in answers it. Each figure is one warm call (the same kind of
call made once before), after a set-up through the router (${STATIONS} stations, 60 members, a published activity with 30
places and a waitlist, 10 policies, 6 notices). "requests" is the whole action, including the router's read of the caller
and, for writes, the idempotency claim and its filling-in (one insert, one conditional update); "store" is the part the
budget is about (for the sign-up: its activity read, which the rules and the store share, and the store's writes); "peak" is
the most requests of the call in flight at once. The same budgets are asserted in \`cloudfunctions/api/src/cloudbase-costs.test.ts\`.

| action | requests | store | peak in flight | reads projected |
| --- | ---: | ---: | ---: | --- |
${rows.join('\n')}

- Sign-up with a place free, its own requests: ${signUp}, ${ok(signUp <= 5)} budget (≤ 5: activity read, insert, gate, flip, and the conditional write of the member's pipeline 报名 flag).
- Station list page, store call: ${list} requests whatever the page (20 or 50) and the ${STATIONS} stations, ${ok(list <= 4)} budget (≤ 4).
- Unread count: ${unread.requests} requests for the action, ${unread.projected ? 'projected' : '**not projected**'}, ${ok(unread.requests <= 2 && unread.projected)} budget (≤ 2, projected).
- Most requests in flight for one call: ${peak}, ${ok(peak <= 10)} budget (≤ 10).
- \`notice.send\` to ${AUDIENCE.toLocaleString('en')}: the send itself is the row above (the audience is counted, not listed). Its pushes
  cost ${perMember.toFixed(2)} requests per authorised member (measured over ${PUSH_SAMPLE.toLocaleString('en')}, one at a time, peak ${push.peak}),
  so about ${Math.round(perMember * AUDIENCE).toLocaleString('en')} requests for ${AUDIENCE.toLocaleString('en')}, spread over
  ${Math.ceil(AUDIENCE / 1000)} scheduler runs of 1,000 pushes (every 5 minutes).
${END}
`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
  const section = await cloudBaseCostsSection(root)
  const file = path.join(root, 'BENCHMARKS.md')
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n'
  const start = current.indexOf(START)
  const end = current.indexOf(END)
  const next = start >= 0 && end > start ? current.slice(0, start) + section.trimEnd() + current.slice(end + END.length) : `${current.trimEnd()}\n\n${section}`
  fs.writeFileSync(file, next)
  console.log(section)
}
