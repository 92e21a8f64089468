// Size budget of the mini-program build: the main package (everything outside the subpackage
// roots named in dist/weapp/app.json) must stay within 1,200 KiB (WeChat's hard limit is 2 MB);
// each subpackage is reported (and held to WeChat's 2 MB). Reads only; writes nothing.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const KIB = 1024
const MAIN_BUDGET = 1200 * KIB
const SUBPACKAGE_LIMIT = 2048 * KIB
const TOTAL_LIMIT = 20 * 1024 * KIB

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.join(root, 'dist', 'weapp')
const appJsonPath = path.join(dist, 'app.json')

if (!fs.existsSync(appJsonPath)) {
  console.error('没有找到 dist/weapp/app.json：请先运行 npm run build:weapp')
  process.exit(1)
}

const appJson = JSON.parse(fs.readFileSync(appJsonPath, 'utf8'))
const subPackages = appJson.subPackages ?? appJson.subpackages ?? []
const roots = subPackages.map((p) => String(p.root).replace(/^\/+|\/+$/g, ''))

// Source maps are not uploaded to WeChat, so they do not count.
const counts = (file) => !file.endsWith('.map')

function sizeOf(dir) {
  let total = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    if (entry.isDirectory()) total += sizeOf(p)
    else if (counts(entry.name)) total += fs.statSync(p).size
  }
  return total
}

// A subpackage declared in app.json but missing from the build would count as 0 and hide its
// weight in nothing: that is a broken build, not a small one.
const missing = roots.filter((r) => !fs.existsSync(path.join(dist, r)))
const sizes = new Map(roots.filter((r) => !missing.includes(r)).map((r) => [r, sizeOf(path.join(dist, r))]))
const total = sizeOf(dist)
const main = total - [...sizes.values()].reduce((a, b) => a + b, 0)
const kib = (n) => `${(n / KIB).toFixed(1)} KiB`

let failed = false
for (const r of missing) {
  console.error(`  ✖ subpackage ${r} is declared in app.json but missing from dist/weapp`)
  failed = true
}
console.log(`main package: ${kib(main)} (budget ${kib(MAIN_BUDGET)})`)
if (main > MAIN_BUDGET) {
  console.error(`  ✖ main package is over budget by ${kib(main - MAIN_BUDGET)}`)
  failed = true
}
for (const [r, size] of sizes) {
  console.log(`subpackage ${r}: ${kib(size)} (limit ${kib(SUBPACKAGE_LIMIT)})`)
  if (size > SUBPACKAGE_LIMIT) {
    console.error(`  ✖ subpackage ${r} is over WeChat's limit`)
    failed = true
  }
}
console.log(`total: ${kib(total)} (limit ${kib(TOTAL_LIMIT)})`)
if (total > TOTAL_LIMIT) {
  console.error('  ✖ the whole mini-program is over WeChat\'s limit')
  failed = true
}
process.exit(failed ? 1 : 0)
