// `npm run bench`: the benchmarks the issues name, with their figures written to BENCHMARKS.md.
// Figures are reported next to a baseline measured in the same run (machines here are noisy).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { coldStart } from './bench/cold-start.mjs'
import { loadTest } from './bench/http-load.mjs'
import { runTsScript, startLocalServer } from './bench/local-server.mjs'
import { burst, sustained } from './bench/sign-up-load.mjs'
import { cloudBaseCostsSection } from './bench/cloudbase-costs.mjs'
import { weappSizeSection } from './bench/weapp-sizes.mjs'
import { pipelineBench, pipelineSection } from './bench/pipeline.mjs'
import { surveyBench, surveySection } from './bench/survey.mjs'
import { buildFunctions } from './build-functions.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const ms = (x) => `${x.toFixed(1)} ms`
const fmt = (x) => x.toFixed(2)

async function expectOk(url, action, payload, openid) {
  const res = await fetch(`${url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-demo-openid': openid } : {}) },
    body: JSON.stringify({ action, payload }),
  })
  const body = await res.json()
  if (!body.ok) throw new Error(`${action} answered ${JSON.stringify(body)}`)
  return body.data
}

/** Runs each case after a ping baseline in the same server, same run. */
async function measure(server, cases) {
  for (const c of cases) await expectOk(server.url, c.action, c.payload ?? {}, c.openid)
  await loadTest({ url: server.url, action: 'system.ping', duration: 2 }) // warm-up
  const ping = await loadTest({ url: server.url, action: 'system.ping' })
  const results = []
  for (const c of cases) results.push({ ...(await loadTest({ url: server.url, ...c })), label: c.label ?? c.action })
  return { ping, results }
}

const row = (r, ping) =>
  `| ${r.label ?? `\`${r.action}\``} | ${Math.round(r.requestsPerSecond)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.requestsPerSecond / ping.requestsPerSecond)} | ${fmt(r.p95 / ping.p95)} | ${r.non2xx + r.errors} |`
const table = ({ ping, results }) => `| action | requests/s | p50 ms | p95 ms | p99 ms | throughput ÷ ping | p95 ÷ ping p95 | failures |
| --- | --- | --- | --- | --- | --- | --- | --- |
${row({ ...ping, label: '`system.ping` (baseline)' }, ping)}
${results.map((r) => row(r, ping)).join('\n')}`

// ——— issue 2: cold start and the basic actions ———
const [{ outfile: apiBundle }] = await buildFunctions({ only: 'api', log: () => {} })
console.log('cold start…')
const cold = await coldStart(root, { apiBundle })
console.log('HTTP load, demo data…')
let server = await startLocalServer(root)
const basic = await measure(server, [{ action: 'member.me', openid: 'demo-student-1' }]).finally(() => server.stop())

// ——— issue 3: stations at scale ———
const STATIONS = 200
const MEMBERS = 50_000
console.log(`HTTP load, ${STATIONS} stations and ${MEMBERS} members…`)
server = await startLocalServer(root, {
  prepare: (dataDir) => runTsScript(root, 'scripts/bench/seed-large-main.ts', [dataDir, STATIONS, MEMBERS]),
})
let signUps
const stations = await measure(server, [
  { action: 'station.members', payload: { stationId: 'st-bench-0' }, openid: 'bench-head-0', label: '`station.members` first page' },
  { action: 'station.list', payload: { q: '郑州' }, openid: 'bench-member-1000', label: '`station.list` q=郑州' },
])
  .then(async (result) => {
    // ——— issue 4: sign-ups under load, same server and data ———
    console.log('sign-ups: 1,000 at once for 100 places, then sustained…')
    const memberIds = Array.from({ length: MEMBERS - STATIONS }, (_, i) => `bench-member-${STATIONS + i}`)
    const burstResult = await burst({ url: server.url, activityId: 'ac-bench-burst', openids: memberIds.slice(0, 1000) })
    const ping = await loadTest({ url: server.url, action: 'system.ping' })
    const load = await sustained({ url: server.url, activityId: 'ac-bench-sustained', openids: memberIds.slice(1000) })
    signUps = { burst: burstResult, ping, load }
    return result
  })
  .finally(() => server.stop())

// ——— issue 5: policy search and matching, at 1,000 and 10,000 policies ———
async function firstCall(url, action, payload, openid) {
  const started = performance.now()
  await expectOk(url, action, payload, openid)
  return performance.now() - started
}

const POLICY_CASES = [
  { action: 'policy.search', payload: { q: '安家费' }, label: '`policy.search` q=安家费 (3+ characters: FTS5 trigram)', budget: 3 },
  { action: 'policy.search', payload: { q: '博士' }, label: '`policy.search` q=博士 (2 characters: substring scan)', budget: 3 },
  { action: 'policy.matchMine', payload: {}, openid: 'bench-member-1003', label: '`policy.matchMine`', budget: 5 },
]
const policyRuns = []
for (const [count, demands] of [
  [1000, 200],
  [10_000, 2000],
]) {
  console.log(`policies: ${count} policies, ${demands} demands…`)
  server = await startLocalServer(root, {
    prepare: (dataDir) => runTsScript(root, 'scripts/bench/seed-policies-main.ts', [dataDir, 20, 2000, count, demands]),
  })
  try {
    const cold = []
    for (const c of POLICY_CASES) cold.push(await firstCall(server.url, c.action, c.payload, c.openid))
    const measured = await measure(server, POLICY_CASES)
    policyRuns.push({ count, demands, cold, ...measured })
  } finally {
    await server.stop()
  }
}

// ——— issue 6: notices, 50,000 members and 500 notices ———
console.log('notices: inbox and unread count under load, then single sends to everyone…')
server = await startLocalServer(root, {
  prepare: (dataDir) => runTsScript(root, 'scripts/bench/seed-large-main.ts', [dataDir, STATIONS, MEMBERS]),
})
const NOTICE_READER = 'bench-member-1000'
let noticeSends
let recipients = 0
const notices = await measure(server, [
  { action: 'notice.inbox', payload: {}, openid: NOTICE_READER, label: '`notice.inbox` first page' },
  { action: 'notice.unreadCount', payload: {}, openid: NOTICE_READER, label: '`notice.unreadCount`' },
])
  .then(async (result) => {
    // Single calls, one at a time, against single pings: what one staff member waits for.
    const single = async (action, payload, openid) => {
      const started = performance.now()
      const answer = await expectOk(server.url, action, payload, openid)
      return { ms: performance.now() - started, answer }
    }
    const pings = []
    const sends = []
    for (let i = 0; i < 10; i += 1) {
      pings.push((await single('system.ping', {})).ms)
      const { ms: took, answer } = await single(
        'notice.send',
        { title: `压测通知${i}`, body: '全体成员：\n请留意近期安排。', audience: { all: true } },
        'demo-staff',
      )
      sends.push(took)
      if (answer.recipients < MEMBERS) throw new Error(`notice.send reached ${answer.recipients}`)
      recipients = answer.recipients
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
    noticeSends = { ping: median(pings), send: median(sends), max: Math.max(...sends), pingP95: result.ping.p95 }
    return result
  })
  .finally(() => server.stop())
const within = (r, ping, factor) => (r.p95 <= factor * ping.p95 ? 'within' : '**over**')
const report = `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, ${process.platform}/${process.arch}).
Machines here are noisy, so each figure stands next to a baseline measured in the same run; read the ratios.
HTTP figures: autocannon, 100 connections, 5 s per action after a warm-up, the local server in its own process
over SQLite; p95 is computed from every recorded response time.

## Cold start of the \`api\` function (issue 2)

Median of ${cold.runs} interleaved runs of \`node -e "require(bundle)"\`.

| what is loaded | time | over bare node |
| --- | --- | --- |
| bare node (\`node -e ''\`) | ${ms(cold.bare)} | — |
| esbuild bundle of \`@cloudbase/node-sdk\` alone (the floor) | ${ms(cold.sdk)} | ${ms(cold.sdk - cold.bare)} |
| \`cloudfunctions/api/index.js\` | ${ms(cold.api)} | ${ms(cold.api - cold.bare)} |

Our code costs **${ms(cold.apiOverSdk)}** over the SDK floor (budget: at most 50 ms): ${cold.apiOverSdk <= 50 ? 'within budget' : '**over budget**'}.

## Basic actions, demo data (issue 2)

${table(basic)}

## Stations at scale: ${STATIONS} stations, ${MEMBERS.toLocaleString('en')} members (issue 3)

Budget: p95 of each within 3× the \`system.ping\` p95 of the same run.

${table(stations)}

${stations.results.map((r) => `- ${r.label}: ${within(r, stations.ping, 3)} budget (${fmt(r.p95 / stations.ping.p95)}×).`).join('\n')}

## Sign-ups under load (issue 4)

Same server and data. **Burst:** 1,000 distinct members sign up at the same moment for an activity with 100 places and no waitlist.

| requests | registered | 名额已满 (ACTIVITY_FULL) | duplicates | 5xx | other | requests/s | p50 ms | p99 ms |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
| ${signUps.burst.requests} | ${signUps.burst.registered} | ${signUps.burst.full} | ${signUps.burst.duplicates} | ${signUps.burst.server5xx} | ${signUps.burst.other} | ${Math.round(signUps.burst.requestsPerSecond)} | ${fmt(signUps.burst.p50)} | ${fmt(signUps.burst.p99)} |

${signUps.burst.registered === 100 && signUps.burst.duplicates === 0 && signUps.burst.server5xx === 0 ? 'Zero oversell, zero duplicates, zero 5xx.' : '**Oversell, duplicates or 5xx: see the row above.**'}

**Sustained:** 100 connections for 5 s, every request a member signing up for the first time (${signUps.load.distinctMembers} members), against \`system.ping\` in the same run.

${table({ ping: signUps.ping, results: [signUps.load] })}

Sign-up throughput is **${fmt(signUps.load.requestsPerSecond / signUps.ping.requestsPerSecond)}×** that of \`system.ping\` (aim: at least 0.5).

## Policy search and matching (issue 5)

Budgets: \`policy.search\` p95 within 3× and \`policy.matchMine\` within 5× the \`system.ping\` p95 of the same run.
The SQLite adapter keeps answers until the next policy write (people ask the same things; policies change
rarely), so the load figures are mostly answered from memory; the first (uncached) call of each is timed too.

${policyRuns
  .map(
    (run) => `### ${run.count.toLocaleString('en')} policies, ${run.demands.toLocaleString('en')} demands

First call, uncached: ${POLICY_CASES.map((c, i) => `${c.label} ${fmt(run.cold[i])} ms`).join('; ')}.

${table(run)}

${run.results.map((r, i) => `- ${r.label}: ${within(r, run.ping, POLICY_CASES[i].budget)} budget (${fmt(r.p95 / run.ping.p95)}×, budget ${POLICY_CASES[i].budget}×).`).join('\n')}`,
  )
  .join('\n\n')}
`
const noticeReport = `
## Notices: ${MEMBERS.toLocaleString('en')} members, 500 notices (issue 6)

The reader matches about 120 of the 500 notices (to everyone, their station, county, field,
degree and year); half of those are read. Budget: p95 of each within 3× the \`system.ping\` p95.

${table(notices)}

${notices.results.map((r) => `- ${r.label}: ${within(r, notices.ping, 3)} budget (${fmt(r.p95 / notices.ping.p95)}×).`).join('\n')}

**\`notice.send\` to everyone** (${recipients.toLocaleString('en')} recipients, counted, not listed), single calls one at a time,
median of 10: **${ms(noticeSends.send)}** (slowest ${ms(noticeSends.max)}), against a single \`system.ping\` of ${ms(noticeSends.ping)}
and the loaded \`system.ping\` p95 of ${ms(noticeSends.pingP95)}. Budget: under 5× \`system.ping\` p95:
${noticeSends.send < 5 * noticeSends.pingP95 ? 'within' : '**over**'} (${fmt(noticeSends.send / noticeSends.pingP95)}×).
`
// ——— issue 9: mini-program package sizes, raw and as WeChat compiles them ———
console.log('weapp build and WeChat compile (package sizes)…')
const weappReport = `\n${weappSizeSection(root)}`
// ——— issue 10: database requests per action on CloudBase ———
console.log('CloudBase requests per action (stand-in)…')
const cloudBaseReport = `\n${await cloudBaseCostsSection(root)}`
// ——— issue 14: the pipeline dashboard ———
console.log('pipeline dashboard: 50,000 members, 20,000 destinations…')
const pipelineReport = pipelineSection(await pipelineBench(root, { stations: STATIONS, members: MEMBERS }))
// ——— issue 15: surveys ———
console.log('surveys: 2,000 submissions with quotas, results of 10,000 responses…')
const surveyReport = surveySection(await surveyBench(root))
fs.writeFileSync(path.join(root, 'BENCHMARKS.md'), report + noticeReport + weappReport + cloudBaseReport + pipelineReport + surveyReport)
console.log(report + noticeReport + weappReport + cloudBaseReport + pipelineReport + surveyReport)
