import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { ApiError, Envelope } from '../../../types'
import { systemClock, type Clock } from '../../core/clock'
import type { Store } from '../../core/ports'
import { qrInvites } from '../../core/adapters/files/qr-invites'
import { excelSpreadsheets } from '../../core/adapters/files/spreadsheets'
import { openSqliteStore } from '../../core/adapters/sqlite'
import { DEMO_STAFF_OPENID } from './config'
import { consoleLogger, type Logger } from './logger'
import { createApi, MAX_PAYLOAD_BYTES } from './router'
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
  clock?: Clock
  logger?: Logger
}

export interface RunningServer {
  url: string
  store: Store
  close(): Promise<void>
}

export const DEMO_HEADER = 'x-demo-openid'
const MAX_BODY_BYTES = MAX_PAYLOAD_BYTES + 4096
const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
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

/** Reads the body up to a limit; null when it is over the limit. */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) over = true
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
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
  if (demo) staffOpenids.add(DEMO_STAFF_OPENID)
  if (demo && options.seed) await seedDemoData({ store, clock })
  let listeningUrl = ''
  const files = { spreadsheets: excelSpreadsheets, invites: qrInvites(() => options.publicUrl || listeningUrl) }
  const api = createApi({ store, files, config: { staffOpenids }, clock, logger })
  const staticRoot = options.staticDir ? path.resolve(options.staticDir) : null

  async function handleApi(req: IncomingMessage, res: ServerResponse) {
    const who = identify(req, demo)
    if ('error' in who) return sendJson(res, who.status, failure(who.error))
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

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const route = `${req.method} ${url.pathname}`
    const work = (async () => {
      if (route === 'POST /api') return handleApi(req, res)
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
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await store.close()
    },
  }
}
