// `npm run build:functions`: bundle each cloud function from TypeScript into its own folder's
// index.js (shared code and the SDK travel inside), plus the package.json and config.json that
// WeChat DevTools / the CloudBase CLI deploy with it. Also importable: `buildFunctions(options)`.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Native or local-only modules a cloud bundle must never reach. */
const FORBIDDEN = ['better-sqlite3']

export const FUNCTIONS = [
  {
    name: 'api',
    entry: 'cloudfunctions/api/src/entry-cloud.ts',
    dir: 'cloudfunctions/api',
    // Seconds; CloudBase's default of 3 is short for a cold start plus a database round trip.
    config: { timeout: 20, permissions: { openapi: ['wxacode.getUnlimited', 'subscribeMessage.send'] } },
    // Heavy libraries loaded lazily (`await import(...)`) inside the import / export / invite and
    // policy-writing actions: left out of index.js and installed by the platform from package.json.
    external: ['exceljs', 'qrcode', 'csv-parse', 'sanitize-html'],
  },
  {
    name: 'scheduler',
    entry: 'cloudfunctions/scheduler/src/entry.ts',
    dir: 'cloudfunctions/scheduler',
    // A timer trigger (CloudBase's seven-field cron: second minute hour day month weekday year).
    config: {
      timeout: 60,
      triggers: [{ name: 'every-5-minutes', type: 'timer', config: '0 */5 * * * * *' }],
      permissions: { openapi: ['subscribeMessage.send'] },
    },
    // Shares the api's service wiring (cloud-deps.ts); the lazy libraries stay out of the bundle too.
    external: ['exceljs', 'qrcode', 'csv-parse', 'sanitize-html'],
  },
]

/**
 * Builds every function (or only `only`). `outfile` redirects a single function's bundle (tests
 * build into a temp dir); then the folder's package.json/config.json are left alone.
 * Resolves to [{name, outfile, bytes}]; rejects when a bundle reaches a forbidden module.
 */
export async function buildFunctions({ only, outfile, log = console.log } = {}) {
  const selected = FUNCTIONS.filter((f) => !only || f.name === only)
  if (selected.length === 0) throw new Error(`No cloud function named ${only}`)
  if (outfile && selected.length !== 1) throw new Error('outfile needs exactly one function (pass only)')

  const results = []
  for (const fn of selected) {
    const target = outfile ? path.resolve(outfile) : path.join(root, fn.dir, 'index.js')
    const result = await build({
      entryPoints: [path.join(root, fn.entry)],
      outfile: target,
      bundle: true,
      platform: 'node',
      // CloudBase Node runtimes are 16 and 18: down-level anything newer.
      target: 'node16',
      format: 'cjs',
      minify: true,
      sourcemap: 'linked',
      // Kept out so that, if anything ever imports it, the check below sees the require and fails.
      external: [...FORBIDDEN, ...(fn.external ?? [])],
      metafile: true,
      logLevel: 'warning',
      legalComments: 'none',
    })
    checkForbidden(fn.name, result.metafile, fs.readFileSync(target, 'utf8'))
    if (!outfile) {
      writeDeployFiles(fn)
      copyForDevTools(fn, target)
    }
    const bytes = fs.statSync(target).size
    log(`${fn.name}: ${path.relative(root, target) || target} ${(bytes / 1024).toFixed(1)} KB`)
    results.push({ name: fn.name, outfile: target, bytes })
  }
  return results
}

function checkForbidden(name, metafile, text) {
  const imported = Object.values(metafile.outputs)
    .flatMap((output) => output.imports ?? [])
    .map((i) => i.path)
  for (const module of FORBIDDEN) {
    if (imported.includes(module) || text.includes(module)) {
      throw new Error(`${name}: the cloud bundle reaches ${module}; the cloud entry must not import it`)
    }
  }
}

/** The function's package.json: its external modules, at the root package.json's versions, for the platform to install. */
export function deployPackage(fn) {
  const rootPkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
  const versions = { ...rootPkg.devDependencies, ...rootPkg.dependencies }
  const dependencies = {}
  for (const module of fn.external ?? []) {
    if (!versions[module]) throw new Error(`${fn.name}: external ${module} is not in the root package.json`)
    dependencies[module] = versions[module]
  }
  return { name: fn.name, version: '1.0.0', private: true, main: 'index.js', dependencies }
}

/**
 * DevTools lists every folder under project.config.json's cloudfunctionRoot as a deployable
 * function. cloudfunctions/ also holds core/ (a library) and the sources, so DevTools is pointed
 * at dist/cloudfunctions/, which holds exactly the deployable folders: bundle, package.json, config.json.
 */
function copyForDevTools(fn, bundle) {
  const from = path.join(root, fn.dir)
  const to = path.join(root, 'dist', 'cloudfunctions', fn.name)
  fs.rmSync(to, { recursive: true, force: true })
  fs.mkdirSync(to, { recursive: true })
  for (const [source, name] of [[bundle, 'index.js'], [`${bundle}.map`, 'index.js.map'], [path.join(from, 'package.json'), 'package.json'], [path.join(from, 'config.json'), 'config.json']]) {
    if (fs.existsSync(source)) fs.copyFileSync(source, path.join(to, name))
  }
}

function writeDeployFiles(fn) {
  const dir = path.join(root, fn.dir)
  // Everything else is inside index.js.
  const pkg = deployPackage(fn)
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`)
  fs.writeFileSync(path.join(dir, 'config.json'), `${JSON.stringify(fn.config, null, 2)}\n`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  buildFunctions().catch((error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
