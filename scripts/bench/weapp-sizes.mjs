// The mini-program's package sizes for BENCHMARKS.md: the raw weapp build (dist/weapp, what Taro
// writes) next to what WeChat's own compiler makes of it with the project's settings (ES6→ES5,
// enhance, minify: miniprogram-ci getCompiledResult, via scripts/weapp-check.mjs), per package.
// `npm run bench` includes it; `node scripts/bench/weapp-sizes.mjs` rebuilds the weapp and rewrites
// only this section of BENCHMARKS.md (`--no-build` measures the existing dist/weapp).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const KIB = 1024
const LIMIT = 2048 * KIB
export const SECTION_TITLE = '## Mini-program package sizes (issue 9)'

/** Builds the weapp (unless build is false) and measures it; resolves to the markdown section. */
export function weappSizeSection(root, { build = true } = {}) {
  if (build) {
    // A production weapp build must name a CloudBase env; sizes do not depend on which.
    const env = { ...process.env, TARO_APP_CLOUD_ENV: process.env.TARO_APP_CLOUD_ENV || 'yizhan-offline-check' }
    const run = spawnSync('npm', ['run', 'build:weapp'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] })
    if (run.status !== 0) throw new Error('npm run build:weapp failed')
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-weapp-sizes-'))
  const json = path.join(dir, 'sizes.json')
  try {
    // The check exits 1 on any problem (a privacy API missing from README…); its sizes are written first.
    spawnSync(process.execPath, [path.join(root, 'scripts', 'weapp-check.mjs'), '--json', json], { cwd: root, stdio: 'ignore' })
    if (!fs.existsSync(json)) throw new Error('scripts/weapp-check.mjs wrote no sizes: run it to see why')
    return render(JSON.parse(fs.readFileSync(json, 'utf8')))
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function render({ raw, compiled, total, mainBudget }) {
  const kib = (n) => `${(n / KIB).toFixed(1)} KiB`
  const rawTotal = Object.values(raw).reduce((a, b) => a + b, 0)
  const rows = Object.keys(compiled).map((name) => {
    const limit = name === 'main' ? mainBudget : LIMIT
    return `| ${name === 'main' ? 'main package' : `\`${name}\``} | ${kib(raw[name])} | ${kib(compiled[name])} | ${(compiled[name] / raw[name]).toFixed(2)} | ${kib(limit)}${name === 'main' ? ' (our budget; WeChat: 2 MB)' : ''} | ${((100 * compiled[name]) / limit).toFixed(1)}% |`
  })
  return `${SECTION_TITLE}

What a phone downloads. *Raw*: the weapp build as Taro writes it (\`dist/weapp\`, the file types WeChat
uploads, without \`project.config.json\`). *Compiled*: what WeChat's own compiler makes of it with this
project's DevTools settings (ES6→ES5 with enhanced compile, minified JS/WXSS/WXML), from
\`miniprogram-ci\` \`getCompiledResult\` offline: the ES5 output adds Babel helpers, hence the growth.

| package | raw | compiled (ES5 + minify) | compiled ÷ raw | limit | of limit |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
| all packages | ${kib(rawTotal)} | ${kib(total)} | ${(total / rawTotal).toFixed(2)} | 20480.0 KiB | ${((100 * total) / (20480 * KIB)).toFixed(1)}% |
`
}

/** Replaces (or appends) the section in BENCHMARKS.md. */
export function writeSection(root, section) {
  const file = path.join(root, 'BENCHMARKS.md')
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n'
  const start = text.indexOf(SECTION_TITLE)
  let next = text
  if (start < 0) next = `${text.trimEnd()}\n\n${section}`
  else {
    // The section ends at the next heading, or at the marker a following section starts with
    // (`<!-- cloudbase-costs:start -->`), which must survive a rewrite.
    const ends = ['\n## ', '\n<!-- '].map((m) => text.indexOf(m, start + SECTION_TITLE.length)).filter((i) => i >= 0)
    const end = ends.length > 0 ? Math.min(...ends) : -1
    next = `${text.slice(0, start)}${section}${end < 0 ? '' : `\n${text.slice(end + 1)}`}`
  }
  fs.writeFileSync(file, next)
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
  const section = weappSizeSection(root, { build: !process.argv.includes('--no-build') })
  writeSection(root, section)
  console.log(section)
}
