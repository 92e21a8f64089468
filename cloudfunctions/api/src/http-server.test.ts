import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { silentLogger } from '../../runtime/logger'
import { MAX_PAYLOAD_BYTES } from './router'
import { startServer, type RunningServer } from './http-server'
import { profile } from './test-support'

const dirs: string[] = []
const servers: RunningServer[] = []
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-http-'))
  dirs.push(dir)
  return dir
}
async function start(options: { demo: boolean; staticDir?: string }) {
  const server = await startServer({ port: 0, dataDir: tempDir(), seed: true, logger: silentLogger, ...options })
  servers.push(server)
  return server
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

interface Reply {
  ok: boolean
  data?: Record<string, unknown> | null
  error?: { code: string; message: string }
}

async function post(server: RunningServer, body: unknown, openid?: string): Promise<{ status: number; body: Reply }> {
  const res = await fetch(`${server.url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-demo-openid': openid } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Reply }
}

describe('local HTTP entry', () => {
  it('serves the same router at POST /api, the caller named by X-Demo-Openid in demo mode', async () => {
    const server = await start({ demo: true })
    const joined = await post(server, { action: 'member.register', payload: profile() }, 'visitor-abc')
    expect(joined).toMatchObject({ status: 200, body: { ok: true, data: { openid: 'visitor-abc', role: 'student' } } })
    const me = await post(server, { action: 'member.me' }, 'visitor-abc')
    expect(me.body.data?.name).toBe('李明')
    const anonymous = await post(server, { action: 'member.me' })
    expect(anonymous.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('seeds demo accounts marked 示例 once, and lists them for the demo sign-in', async () => {
    const server = await start({ demo: true })
    const accounts = (await (await fetch(`${server.url}/api/demo-accounts`)).json()) as { data: { openid: string; label: string }[] }
    const ids = accounts.data.map((a) => a.openid)
    expect(ids).toEqual(expect.arrayContaining(['demo-staff', 'demo-head-1', 'demo-head-2', 'demo-student-1', 'demo-student-20']))
    expect(accounts.data.every((a) => a.label.includes('示例'))).toBe(true)
    const staff = await post(server, { action: 'member.me' }, 'demo-staff')
    expect(staff.body.data).toMatchObject({ role: 'staff', isDemo: true })
    const head = await post(server, { action: 'member.me' }, 'demo-head-1')
    expect(head.body.data).toMatchObject({ role: 'station_head', isDemo: true })
    const student = await post(server, { action: 'member.me' }, 'demo-student-20')
    expect(student.body.data).toMatchObject({ role: 'student', isDemo: true })
  })

  it('refuses the demo header when demo mode is off', async () => {
    const server = await start({ demo: false })
    const res = await post(server, { action: 'member.me' }, 'demo-staff')
    expect(res).toMatchObject({ status: 403, body: { ok: false, error: { code: 'UNAUTHENTICATED' } } })
    expect((await fetch(`${server.url}/api/demo-accounts`)).status).toBe(404)
    expect((await post(server, { action: 'system.ping' })).body.ok).toBe(true)
  })

  it('refuses a malformed demo openid', async () => {
    const server = await start({ demo: true })
    const res = await post(server, { action: 'member.me' }, 'bad id with spaces')
    expect(res.body.error?.code).toBe('UNAUTHENTICATED')
  })

  it('answers an oversized body with INVALID_INPUT, and writes nothing', async () => {
    const server = await start({ demo: true })
    const big = { action: 'member.register', payload: { ...profile(), major: 'x'.repeat(MAX_PAYLOAD_BYTES * 2) } }
    const res = await post(server, big, 'visitor-big')
    expect(res).toMatchObject({ status: 413, body: { ok: false, error: { code: 'INVALID_INPUT' } } })
    expect((await post(server, { action: 'member.me' }, 'visitor-big')).body.data).toBeNull()
  })

  it('answers a body that is not JSON with INVALID_INPUT, and an unknown action with NOT_FOUND', async () => {
    const server = await start({ demo: true })
    expect((await post(server, '{"action":')).body.error?.code).toBe('INVALID_INPUT')
    expect((await post(server, { action: 'nope.nothing' })).body.error?.code).toBe('NOT_FOUND')
  })

  it('serves the H5 app with an index fallback and never a file outside its folder', async () => {
    const staticDir = tempDir()
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<html>翼展</html>')
    fs.mkdirSync(path.join(staticDir, 'js'))
    fs.writeFileSync(path.join(staticDir, 'js', 'app.js'), 'console.log(1)')
    const server = await start({ demo: true, staticDir })
    const page = await fetch(`${server.url}/`)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(await page.text()).toContain('翼展')
    expect(await (await fetch(`${server.url}/js/app.js`)).text()).toBe('console.log(1)')
    expect(await (await fetch(`${server.url}/pages/mine/index`)).text()).toContain('翼展')
    const escape = await fetch(`${server.url}/..%2f..%2f..%2fetc%2fpasswd`)
    expect(await escape.text()).not.toContain('root:')
  })

  it('stores an activity cover for staff under the data dir, and refuses students and other files', async () => {
    const server = await start({ demo: true })
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
    const upload = (openid: string, filename: string, body: Buffer) =>
      fetch(`${server.url}/api/upload?filename=${encodeURIComponent(filename)}`, {
        method: 'POST',
        headers: { 'x-demo-openid': openid },
        body,
      })
    const stored = (await (await upload('demo-staff', '封面.png', png)).json()) as { data: { path: string } }
    expect(stored.data.path).toMatch(/^\/uploads\/[0-9a-f]{24}\.png$/)
    const served = await fetch(`${server.url}${stored.data.path}`)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await served.arrayBuffer())).toEqual(png)
    expect((await upload('demo-student-1', 'a.png', png)).status).toBe(403)
    expect((await upload('demo-staff', 'a.svg', png)).status).toBe(400)
    expect((await upload('demo-staff', 'big.png', Buffer.alloc(3 * 1024 * 1024))).status).toBe(413)
    expect((await fetch(`${server.url}/uploads/missing.png`)).status).toBe(404)
  })
})
