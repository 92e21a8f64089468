import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { ApiError, Envelope } from '../../../types'
import { systemClock, type Clock } from '../../core/shared/clock'
import type { Store } from '../../core/shared/store'
import { localSender } from '../../core/adapters/messaging/local-sender'
import { qrInvites } from '../../core/adapters/files/qr-invites'
import { runScheduledJobs } from '../../core/scheduler/scheduler'
import { localContentSecurity, type WordList } from '../../core/adapters/files/local-content-security'
import { qrCodes } from '../../core/adapters/files/qr-codes'
import { excelSpreadsheets } from '../../core/adapters/files/spreadsheets'
import { localMaterials } from '../../core/adapters/files/local-materials'
import { htmlSanitizer } from '../../core/adapters/html/sanitizer'
import { openSqliteStore } from '../../core/adapters/sqlite'
import { DEMO_REVIEWER_OPENID, DEMO_STAFF_OPENID } from '../../runtime/config'
import { consoleLogger, type Logger } from '../../runtime/logger'
import { MAX_FILE_PAYLOAD_BYTES, SUBMISSION_EXTENSIONS } from '../../../types'
import { bytesMatchExtension, submissionExtensionOf } from '../../core/competition/documents'
import { createApi } from './router'
import { demoAccounts, seedDemoData } from './seed'
import { serveStatic } from './static-files'

/**
 * The HTTP entry of the `api` function: local and self-hosted mode. Same router as the cloud
 * entry; the SQLite store instead of CloudBase; in demo mode the caller is named by a header.
 */
export interface ServerOptions {
  port?: number
  host?: string
  dataDir: string
  /** The H5 build to serve at `/`; none means api only. */
  staticDir?: string
  /** Demo sign-in through `X-Demo-Openid`; refused when false. */
  demo?: boolean
  /** Seed the demo accounts (only with `demo`). */
  seed?: boolean
  staffOpenids?: Iterable<string>
  /** The address people open (for invite links); defaults to the address the server listens on. */
  publicUrl?: string
  /** Signs check-in codes; by default one is made on first start and kept in the data dir. */
  checkInSecret?: string
  templates?: { reminder: string | null; result: string | null; notice: string | null }
  /** Run the scheduler's jobs on this interval (ms); 0 or absent: never. */
  schedulerIntervalMs?: number
  /** The content-security stand-in's word list (default: DEFAULT_WORDS). */
  contentWords?: WordList
  clock?: Clock
  logger?: Logger
}

export interface RunningServer {
  url: string
  store: Store
  close(): Promise<void>
}

export const DEMO_HEADER = 'x-demo-openid'
/** The largest payload any action accepts (an import file) and the envelope around it. */
const MAX_BODY_BYTES = MAX_FILE_PAYLOAD_BYTES + 4096
const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
}

/** A secret made once per data dir, so check-in codes survive a restart of local mode. */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, 'check-in-secret')
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    const secret = randomBytes(32).toString('hex')
    fs.mkdirSync(dataDir, { recursive: true })
    fs.writeFileSync(file, secret, { mode: 0o600 })
    return secret
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(text)
}

const failure = (error: ApiError): Envelope<never> => ({ ok: false, error })

const MAX_UPLOAD_BYTES = 2 * 1024 * 1024

/** Reads the body up to a limit; null when it is over the limit. */
async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return (await readBytes(req, limit))?.toString('utf8') ?? null
}

function readBytes(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) over = true
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json'
}

/** What an image's first bytes say it is: png, jpg or webp; null for anything else. */
export function imageKindOf(bytes: Buffer): 'png' | 'jpg' | 'webp' | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png'
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg'
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp'
  return null
}

type IdentityResult = { openid: string | null } | { error: ApiError; status: number }

function identify(req: IncomingMessage, demo: boolean): IdentityResult {
  const header = req.headers[DEMO_HEADER]
  if (header === undefined) return { openid: null }
  if (!demo) return { status: 403, error: { code: 'UNAUTHENTICATED', message: '演示登录已关闭' } }
  const value = Array.isArray(header) ? header[0] : header
  if (!OPENID_PATTERN.test(value)) {
    return { status: 400, error: { code: 'UNAUTHENTICATED', message: '演示账号格式不正确' } }
  }
  return { openid: value }
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { host = '127.0.0.1', port = 10086, demo = false, clock = systemClock, logger = consoleLogger } = options
  const store = openSqliteStore({ file: path.join(path.resolve(options.dataDir), 'yizhan.sqlite') })
  const staffOpenids = new Set(options.staffOpenids ?? [])
  if (demo) for (const openid of [DEMO_STAFF_OPENID, DEMO_REVIEWER_OPENID]) staffOpenids.add(openid)
  if (demo && options.seed) await seedDemoData({ store, clock })
  let listeningUrl = ''
  const uploadsDir = path.join(path.resolve(options.dataDir), 'uploads')
  const covers = {
    // Only a name this server gave (see handleUpload), and only if the file is there.
    isOurs: async (cover: string) => /^\/uploads\/[0-9a-f]{24}\.(png|jpg|webp)$/.test(cover) && fs.existsSync(path.join(uploadsDir, path.basename(cover))),
  }
  const files = { spreadsheets: excelSpreadsheets, invites: qrInvites(() => options.publicUrl || listeningUrl), covers, materials: localMaterials(uploadsDir), qrCodes, html: htmlSanitizer }
  const push = { sender: localSender, templates: options.templates ?? { reminder: 'local-reminder', result: 'local-result', notice: 'local-notice' } }
  const checkInSecret = options.checkInSecret ?? localSecret(path.resolve(options.dataDir))
  // Photo verdicts come back later through the router's own action, as WeChat's push would.
  const contentSecurity = localContentSecurity({ words: options.contentWords })
  const api = createApi({ store, files, push, checkInSecret, contentSecurity, config: { staffOpenids }, clock, logger })
  contentSecurity.connect(async (event) => {
    await api.handle({ action: 'story.mediaCheckEvent', payload: event }, { openid: null })
  })
  const timer =
    options.schedulerIntervalMs && options.schedulerIntervalMs > 0
      ? setInterval(() => {
          runScheduledJobs({ store, clock, files, push, checkInSecret, contentSecurity }).catch((error: unknown) =>
            logger.error('scheduler.failed', { error: error instanceof Error ? error.message : String(error) }),
          )
        }, options.schedulerIntervalMs)
      : null
  const staticRoot = options.staticDir ? path.resolve(options.staticDir) : null

  async function handleApi(req: IncomingMessage, res: ServerResponse) {
    const who = identify(req, demo)
    if ('error' in who) return sendJson(res, who.status, failure(who.error))
    // JSON only: a form post or text/plain (what a cross-site page can send unprompted) is refused.
    if (!isJson(req.headers['content-type'])) {
      return sendJson(res, 415, failure({ code: 'INVALID_INPUT', message: '请求应为 JSON（Content-Type: application/json）' }))
    }
    const body = await readBody(req, MAX_BODY_BYTES)
    if (body === null) {
      return sendJson(res, 413, failure({ code: 'INVALID_INPUT', message: '提交的内容过大', fields: { payload: '提交的内容过大' } }))
    }
    let request: unknown
    try {
      request = JSON.parse(body)
    } catch {
      return sendJson(res, 400, failure({ code: 'INVALID_INPUT', message: '请求不是有效的 JSON' }))
    }
    sendJson(res, 200, await api.handle(request, { openid: who.openid }))
  }

  /** Local mode's cloud storage: activity covers, kept under DATA_DIR, for staff and heads only. */
  async function handleUpload(req: IncomingMessage, res: ServerResponse, url: URL) {
    const who = identify(req, demo)
    if ('error' in who) return sendJson(res, who.status, failure(who.error))
    if (url.searchParams.get('kind') === 'submission') return handleSubmissionUpload(req, res, url, who.openid)
    if (url.searchParams.get('kind') === 'material') return handleMaterialUpload(req, res, url, who.openid)
    const record = who.openid ? await store.members.get(who.openid) : null
    const allowed = who.openid !== null && (staffOpenids.has(who.openid) || record?.role === 'station_head')
    if (!allowed) return sendJson(res, 403, failure({ code: 'FORBIDDEN', message: '仅团市委工作人员或站长可以上传图片' }))
    const ext = (url.searchParams.get('filename') ?? '').toLowerCase().match(/\.(png|jpe?g|webp)$/)?.[1]
    if (!ext) return sendJson(res, 400, failure({ code: 'INVALID_INPUT', message: '只支持 png、jpg、webp 图片', fields: { filename: '只支持 png、jpg、webp 图片' } }))
    const body = await readBytes(req, MAX_UPLOAD_BYTES)
    if (!body) {
      return sendJson(res, 413, failure({ code: 'INVALID_INPUT', message: '图片不能超过2MB', fields: { file: '图片不能超过2MB' } }))
    }
    if (body.length === 0) return sendJson(res, 400, failure({ code: 'INVALID_INPUT', message: '图片是空的', fields: { file: '图片是空的' } }))
    // The bytes decide what the file is, not its name: HTML or an EXE named .png is refused (m-8).
    const kind = imageKindOf(body)
    if (!kind || kind !== (ext === 'jpeg' ? 'jpg' : ext)) {
      return sendJson(res, 400, failure({ code: 'INVALID_INPUT', message: '文件内容不是所选格式的图片', fields: { file: '文件内容不是所选格式的图片' } }))
    }
    const name = `${randomBytes(12).toString('hex')}.${kind}`
    fs.mkdirSync(uploadsDir, { recursive: true })
    fs.writeFileSync(path.join(uploadsDir, name), body)
    sendJson(res, 200, { ok: true, data: { path: `/uploads/${name}` } })
  }

  /** Competition submissions (issue 18): any member, documents whose bytes match their name. */
  async function handleSubmissionUpload(req: IncomingMessage, res: ServerResponse, url: URL, openid: string | null) {
    if (!openid || !(await store.members.get(openid))) return sendJson(res, 403, failure({ code: 'FORBIDDEN', message: '请先加入翼展联盟' }))
    const ext = submissionExtensionOf(url.searchParams.get('filename') ?? '')
    const bad = (message: string, status = 400) => sendJson(res, status, failure({ code: 'INVALID_INPUT', message, fields: { file: message } }))
    if (!ext) return bad(`文件类型应为${SUBMISSION_EXTENSIONS.join('、')}`)
    const body = await readBytes(req, MAX_UPLOAD_BYTES)
    if (!body) return bad('本地模式下作品文件不能超过2MB', 413)
    if (!bytesMatchExtension(ext, body)) return bad('文件内容与扩展名不符')
    const name = `${randomBytes(12).toString('hex')}.${ext}`
    fs.mkdirSync(uploadsDir, { recursive: true })
    fs.writeFileSync(path.join(uploadsDir, name), body)
    sendJson(res, 200, { ok: true, data: { path: `/uploads/${name}` } })
  }

  /** Honour materials (issue 16): any member, photos or documents whose bytes match their name; `m-` names. */
  async function handleMaterialUpload(req: IncomingMessage, res: ServerResponse, url: URL, openid: string | null) {
    if (!openid || !(await store.members.get(openid))) return sendJson(res, 403, failure({ code: 'FORBIDDEN', message: '请先加入翼展联盟' }))
    const filename = (url.searchParams.get('filename') ?? '').toLowerCase()
    const photo = filename.match(/\.(png|jpe?g|webp)$/)?.[1]
    const doc = submissionExtensionOf(filename)
    const bad = (message: string, status = 400) => sendJson(res, status, failure({ code: 'INVALID_INPUT', message, fields: { file: message } }))
    if (!photo && (!doc || doc === 'mp4')) return bad('只支持 png、jpg、webp 照片或 pdf、doc、docx、ppt、pptx、zip 文件')
    const body = await readBytes(req, MAX_UPLOAD_BYTES)
    if (!body) return bad('本地模式下单个文件不能超过2MB', 413)
    const kind = photo ? imageKindOf(body) : doc
    if (photo ? kind !== (photo === 'jpeg' ? 'jpg' : photo) : !bytesMatchExtension(doc!, body)) return bad('文件内容与扩展名不符')
    const name = `m-${randomBytes(12).toString('hex')}.${kind}`
    fs.mkdirSync(uploadsDir, { recursive: true })
    fs.writeFileSync(path.join(uploadsDir, name), body)
    sendJson(res, 200, { ok: true, data: { path: `/uploads/${name}` } })
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const route = `${req.method} ${url.pathname}`
    const work = (async () => {
      if (route === 'POST /api') return handleApi(req, res)
      if (route === 'POST /api/upload') return handleUpload(req, res, url)
      if (req.method === 'GET' && url.pathname.startsWith('/uploads/')) {
        return serveStatic(uploadsDir, url.pathname.slice('/uploads'.length), res, { fallback: false, sandbox: true })
      }
      if (route === 'GET /api/demo-accounts') {
        return demo
          ? sendJson(res, 200, { ok: true, data: demoAccounts() })
          : sendJson(res, 404, failure({ code: 'NOT_FOUND', message: '演示登录未开启' }))
      }
      if (url.pathname.startsWith('/api')) {
        return sendJson(res, 404, failure({ code: 'NOT_FOUND', message: '没有这个接口' }))
      }
      if ((req.method === 'GET' || req.method === 'HEAD') && staticRoot) return serveStatic(staticRoot, url.pathname, res)
      sendJson(res, 404, failure({ code: 'NOT_FOUND', message: '没有这个页面' }))
    })()
    work.catch((error: unknown) => {
      logger.error('http.internal', { route, error: error instanceof Error ? error.stack : String(error) })
      if (!res.headersSent) sendJson(res, 500, failure({ code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试' }))
      else res.end()
    })
  })
  server.keepAliveTimeout = 5000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  listeningUrl = `http://${host}:${address.port}`
  return {
    url: listeningUrl,
    store,
    close: async () => {
      if (timer) clearInterval(timer)
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await store.close()
    },
  }
}
