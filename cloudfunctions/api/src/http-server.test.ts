import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { silentLogger } from '../../runtime/logger'
import { MAX_FILE_PAYLOAD_BYTES } from '../../../types'
import { MAX_PAYLOAD_BYTES } from './router'
import { startServer, type RunningServer } from './http-server'
import { activityDraft, profile } from './test-support'

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
    // Over any action's limit: refused by the server before it reads on.
    const huge = { action: 'member.register', payload: { ...profile(), major: 'x'.repeat(MAX_FILE_PAYLOAD_BYTES + 8192) } }
    expect(await post(server, huge, 'visitor-big')).toMatchObject({ status: 413, body: { ok: false, error: { code: 'INVALID_INPUT' } } })
    // Over an ordinary action's limit, within a file action's: refused by the router.
    const big = { action: 'member.register', payload: { ...profile(), major: 'x'.repeat(MAX_PAYLOAD_BYTES * 2) } }
    expect(await post(server, big, 'visitor-big')).toMatchObject({ body: { ok: false, error: { code: 'INVALID_INPUT', message: '提交的内容过大' } } })
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

  it('stores a competition submission for a member when its bytes match its name (issue 18)', async () => {
    const server = await start({ demo: true })
    const upload = (openid: string, filename: string, body: Buffer) =>
      fetch(`${server.url}/api/upload?kind=submission&filename=${encodeURIComponent(filename)}`, { method: 'POST', headers: { 'x-demo-openid': openid }, body })
    const pdf = Buffer.from('%PDF-1.7\n%%EOF')
    const stored = (await (await upload('demo-student-1', '计划书.pdf', pdf)).json()) as { data: { path: string } }
    expect(stored.data.path).toMatch(/^\/uploads\/[0-9a-f]{24}\.pdf$/)
    const refused = (await (await upload('demo-student-1', '计划书.pdf', Buffer.from('<html>'))).json()) as Reply
    expect(refused.error?.message).toBe('文件内容与扩展名不符')
    expect((await upload('demo-student-1', 'a.exe', pdf)).status).toBe(400)
    expect((await upload('not-a-member', 'a.pdf', pdf)).status).toBe(403)
  })

  it('stores honour materials for a member, photos and documents checked by their bytes, under `m-` names (issue 16)', async () => {
    const server = await start({ demo: true })
    const upload = (openid: string, filename: string, body: Buffer) =>
      fetch(`${server.url}/api/upload?kind=material&filename=${encodeURIComponent(filename)}`, { method: 'POST', headers: { 'x-demo-openid': openid }, body })
    const jpg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0])
    const pdf = Buffer.from('%PDF-1.7\n%%EOF')
    for (const [name, body, ext] of [['照片.jpeg', jpg, 'jpg'], ['王小明事迹.pdf', pdf, 'pdf']] as const) {
      const stored = (await (await upload('demo-student-1', name, body)).json()) as { data: { path: string } }
      expect(stored.data.path).toMatch(new RegExp(`^/uploads/m-[0-9a-f]{24}\\.${ext}$`))
    }
    expect(((await (await upload('demo-student-1', '照片.png', pdf)).json()) as Reply).error?.message).toBe('文件内容与扩展名不符')
    expect((await upload('demo-student-1', '视频.mp4', pdf)).status).toBe(400)
    expect((await upload('not-a-member', '照片.jpg', jpg)).status).toBe(403)
  })

  it('checks uploads by their bytes and serves them with nosniff in a sandbox (m-8)', async () => {
    const server = await start({ demo: true })
    const upload = (filename: string, body: Buffer) =>
      fetch(`${server.url}/api/upload?filename=${encodeURIComponent(filename)}`, { method: 'POST', headers: { 'x-demo-openid': 'demo-staff' }, body })
    const html = Buffer.from('<html><script>alert(1)</script></html>')
    const exe = Buffer.from('4d5a90000300000004000000ffff0000', 'hex')
    for (const [name, body] of [['cover.png', html], ['cover.webp', exe], ['cover.jpg', Buffer.from('89504e470d0a1a0a00', 'hex')]] as const) {
      const refused = await upload(name, body)
      expect({ name, status: refused.status }).toEqual({ name, status: 400 })
    }
    const empty = await upload('cover.png', Buffer.alloc(0))
    expect(((await empty.json()) as Reply).error?.message).toBe('图片是空的')
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WEBPVP8 ')])
    const stored = (await (await upload('cover.webp', webp)).json()) as { data: { path: string } }
    const served = await fetch(`${server.url}${stored.data.path}`)
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(served.headers.get('content-security-policy')).toContain('sandbox')
    expect((await fetch(`${server.url}/uploads/missing.png`)).headers.get('x-content-type-options')).toBe('nosniff')

    // A cover must be one of these uploads: not a made-up path, not another environment's file.
    const activity = activityDraft({
      type: 'lab_visit',
      title: '走进实验室',
      description: '参观',
      hostOrg: '团市委',
      place: '驻马店',
      startAt: '2099-07-20T09:00:00+08:00',
      endAt: '2099-07-20T17:00:00+08:00',
      signUpOpenAt: '2099-07-01T00:00:00+08:00',
      signUpCloseAt: '2099-07-15T23:59:00+08:00',
      capacity: 10,
      waitlist: false,
    })
    for (const coverImage of ['/uploads/0123456789abcdef01234567.png', 'cloud://other-env.bucket/other-tenant/secret.png']) {
      const reply = await post(server, { action: 'activity.create', payload: { ...activity, coverImage } }, 'demo-staff')
      expect({ coverImage, code: reply.body.error?.code }).toEqual({ coverImage, code: 'INVALID_INPUT' })
    }
    const created = await post(server, { action: 'activity.create', payload: { ...activity, coverImage: stored.data.path } }, 'demo-staff')
    expect(created.body.ok).toBe(true)
  })

  it('refuses POST /api with a content type other than JSON (m-12)', async () => {
    const server = await start({ demo: true })
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const res = await fetch(`${server.url}/api`, {
        method: 'POST',
        headers: { ...(type ? { 'content-type': type } : {}), 'x-demo-openid': 'demo-staff' },
        body: JSON.stringify({ action: 'system.ping' }),
      })
      expect({ type, status: res.status }).toEqual({ type, status: 415 })
    }
    const ok = await fetch(`${server.url}/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ action: 'system.ping' }),
    })
    expect(ok.status).toBe(200)
  })
})
