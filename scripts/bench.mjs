// `npm run bench`: the benchmarks the issues name, with their figures written to BENCHMARKS.md.
// Figures are reported next to a baseline measured in the same run (machines here are noisy).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { coldStart } from './bench/cold-start.mjs'
import { loadTest } from './bench/http-load.mjs'
import { startLocalServer } from './bench/local-server.mjs'
import { buildFunctions } from './build-functions.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const ms = (x) => `${x.toFixed(1)} ms`
const fmt = (x) => x.toFixed(2)

async function expectOk(url, action, openid) {
  const res = await fetch(`${url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-openid': openid },
    body: JSON.stringify({ action, payload: {} }),
  })
  const body = await res.json()
  if (!body.ok) throw new Error(`${action} answered ${JSON.stringify(body)}`)
}

async function httpSection() {
  const server = await startLocalServer(root)
  try {
    await expectOk(server.url, 'system.ping', 'demo-student-1')
    await expectOk(server.url, 'member.me', 'demo-student-1')
    await loadTest({ url: server.url, action: 'system.ping', duration: 2 }) // warm-up
    const ping = await loadTest({ url: server.url, action: 'system.ping' })
    const me = await loadTest({ url: server.url, action: 'member.me', openid: 'demo-student-1' })
    return { ping, me }
  } finally {
    await server.stop()
  }
}

const [{ outfile: apiBundle }] = await buildFunctions({ only: 'api', log: () => {} })
console.log('cold start…')
const cold = await coldStart(root, { apiBundle })
console.log(cold)
console.log('HTTP load (100 connections)…')
const http = await httpSection()
console.log(http)

const row = (r, base) =>
  `| \`${r.action}\` | ${Math.round(r.requestsPerSecond)} | ${r.p50} ms | ${r.p99} ms | ${fmt(r.requestsPerSecond / base.requestsPerSecond)} | ${r.non2xx + r.errors} |`

const report = `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, ${process.platform}/${process.arch}).
Machines here are noisy, so each figure stands next to a baseline measured in the same run; read the ratios.

## Cold start of the \`api\` function (issue 2)

Median of ${cold.runs} interleaved runs of \`node -e "require(bundle)"\`.

| what is loaded | time | over bare node |
| --- | --- | --- |
| bare node (\`node -e ''\`) | ${ms(cold.bare)} | — |
| esbuild bundle of \`@cloudbase/node-sdk\` alone (the floor) | ${ms(cold.sdk)} | ${ms(cold.sdk - cold.bare)} |
| \`cloudfunctions/api/index.js\` | ${ms(cold.api)} | ${ms(cold.api - cold.bare)} |

Our code costs **${ms(cold.apiOverSdk)}** over the SDK floor (budget: at most 50 ms; ratio ${fmt(cold.ratio)}×). ${cold.apiOverSdk <= 50 ? 'Within budget.' : '**Over budget.**'}

## Local HTTP server, 100 concurrent connections (issue 2)

autocannon, 5 s per action after a warm-up, server in its own process over SQLite with the demo seed.

| action | requests/s | p50 | p99 | throughput vs \`system.ping\` | non-2xx + errors |
| --- | --- | --- | --- | --- | --- |
${row(http.ping, http.ping)}
${row(http.me, http.ping)}
`
fs.writeFileSync(path.join(root, 'BENCHMARKS.md'), report)
console.log('\nwrote BENCHMARKS.md')
