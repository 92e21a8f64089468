// `npm run bench`: the benchmarks the issues name, with their figures written to BENCHMARKS.md.
// Figures are reported next to a baseline measured in the same run (machines here are noisy).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { coldStart } from './bench/cold-start.mjs'
import { loadTest } from './bench/http-load.mjs'
import { runTsScript, startLocalServer } from './bench/local-server.mjs'
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
  `| ${r.label ?? `\`${r.action}\``} | ${Math.round(r.requestsPerSecond)} | ${r.p50} | ${r.p95} | ${r.p99} | ${fmt(r.requestsPerSecond / ping.requestsPerSecond)} | ${fmt(r.p95 / ping.p95)} | ${r.non2xx + r.errors} |`
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
const stations = await measure(server, [
  { action: 'station.members', payload: { stationId: 'st-bench-0' }, openid: 'bench-head-0', label: '`station.members` first page' },
  { action: 'station.list', payload: { q: '郑州' }, openid: 'bench-member-1000', label: '`station.list` q=郑州' },
]).finally(() => server.stop())

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
`
fs.writeFileSync(path.join(root, 'BENCHMARKS.md'), report)
console.log(report)
