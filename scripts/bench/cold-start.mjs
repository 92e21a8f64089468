// What a cold start pays for our code: `require` of the bundled `api` function against the floor,
// an esbuild bundle of @cloudbase/node-sdk alone, and bare node. Median of interleaved runs.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { build } from 'esbuild'

function timeRequire(file) {
  const script = file ? `require(${JSON.stringify(file)})` : ''
  const started = process.hrtime.bigint()
  const { status, stderr } = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' })
  if (status !== 0) throw new Error(`node -e require(${file}) failed: ${stderr}`)
  return Number(process.hrtime.bigint() - started) / 1e6
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

export async function coldStart(root, { apiBundle, runs = 21 }) {
  const sdkOnly = path.join(root, '.build', 'sdk-only.js')
  await build({
    stdin: { contents: "module.exports = require('@cloudbase/node-sdk')", resolveDir: root },
    outfile: sdkOnly,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    minify: true,
    logLevel: 'error',
  })
  const samples = { bare: [], sdk: [], api: [] }
  timeRequire(apiBundle) // warm the file cache once
  for (let i = 0; i < runs; i += 1) {
    samples.bare.push(timeRequire(null))
    samples.sdk.push(timeRequire(sdkOnly))
    samples.api.push(timeRequire(apiBundle))
  }
  const bare = median(samples.bare)
  const sdk = median(samples.sdk)
  const api = median(samples.api)
  return { runs, bare, sdk, api, apiOverSdk: api - sdk, ratio: api / sdk }
}
