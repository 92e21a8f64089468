// `npm start`: build what is missing or stale (the H5 app, the local server bundle), then serve
// the app and the api from one Node process. See README for the environment variables.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const h5Index = path.join(root, 'dist', 'h5', 'index.html')
const serverBundle = path.join(root, '.build', 'local-server.js')

function newestMtime(dir) {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p))
    else newest = Math.max(newest, fs.statSync(p).mtimeMs)
  }
  return newest
}

const mtime = (p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0)
const appSources = ['src', 'types', 'config'].map((d) => newestMtime(path.join(root, d)))

if (mtime(h5Index) < Math.max(...appSources)) {
  console.log('正在构建 H5 版本（首次约需 1 分钟）…')
  const result = spawnSync('npm', ['run', 'build:h5'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

await build({
  entryPoints: [path.join(root, 'cloudfunctions', 'api', 'src', 'local-main.ts')],
  outfile: serverBundle,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['better-sqlite3'],
  sourcemap: 'linked',
  logLevel: 'warning',
})

await import(serverBundle)
