// Starts the local-mode server (the same bundle `npm start` runs) in a child process on a free
// port with a throwaway data dir, so the load generator and the server do not share a thread.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { build } from 'esbuild'

export async function buildServerBundle(root) {
  const outfile = path.join(root, '.build', 'local-server.js')
  await build({
    entryPoints: [path.join(root, 'cloudfunctions', 'api', 'src', 'local-main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3'],
    minify: true,
    logLevel: 'warning',
  })
  return outfile
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

/** Bundles a TS script of scripts/bench and runs it with node (for bulk seeding). */
export async function runTsScript(root, file, args) {
  const outfile = path.join(root, '.build', `${path.basename(file, '.ts')}.js`)
  await build({
    entryPoints: [path.join(root, file)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3'],
    logLevel: 'warning',
  })
  const { spawnSync } = await import('node:child_process')
  const result = spawnSync(process.execPath, [outfile, ...args.map(String)], { stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`${file} failed`)
}

/** `prepare(dataDir)` runs before the server opens the data dir (bulk seeding). */
export async function startLocalServer(root, { env: extraEnv = {}, prepare } = {}) {
  const bundle = await buildServerBundle(root)
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-bench-'))
  if (prepare) await prepare(dataDir)
  const child = spawn(process.execPath, [bundle], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'development', DEMO: '1', ...extraEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('local server did not start within 30 s')), 30_000)
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes(`:${port}`)) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => reject(new Error(`local server exited with ${code}`)))
  })
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    async stop() {
      child.kill('SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
