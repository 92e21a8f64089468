import Taro from '@tarojs/taro'
import type { ActionInput, ActionName, ActionResult, ErrorCode } from '../../types'
import { isRetryableWrite } from '../../types'
import { getDemoSession } from './demo-session'

/**
 * The one place that knows how a call travels: `callFunction('api')` in the mini-program,
 * `POST /api` in the H5 build. It turns every failure into an ApiCallError and shows nothing:
 * the page decides what a failure looks like.
 */

export type ClientErrorCode = ErrorCode | 'NETWORK'

export class ApiCallError extends Error {
  readonly code: ClientErrorCode
  readonly fields: Record<string, string>

  constructor(code: ClientErrorCode, message: string, fields: Record<string, string> = {}) {
    super(message)
    this.name = 'ApiCallError'
    this.code = code
    this.fields = fields
  }
}

// Two different failures, told apart so people know whether to check their signal or just wait:
// the request never got an answer (network), or the server answered with a failure (server).
export const NETWORK_MESSAGE = '网络连接不上，请检查网络后重试'
const BAD_REPLY_MESSAGE = '服务器出了点问题，请稍后再试'

export function newRequestId(): string {
  const random = Math.random().toString(36).slice(2, 10)
  return `${Date.now().toString(36)}-${random}`
}

interface ApiRequestBody {
  action: string
  payload: unknown
  requestId?: string
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

function toStringRecord(v: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!isRecord(v)) return out
  for (const [key, value] of Object.entries(v)) if (typeof value === 'string') out[key] = value
  return out
}

/** Reads an envelope coming over the wire; anything else is a bad reply. */
function unwrap<T>(reply: unknown): T {
  if (isRecord(reply) && reply.ok === true && 'data' in reply) return reply.data as T
  if (isRecord(reply) && reply.ok === false && isRecord(reply.error)) {
    const { code, message, fields } = reply.error
    throw new ApiCallError(
      (typeof code === 'string' ? code : 'INTERNAL') as ClientErrorCode,
      typeof message === 'string' && message ? message : BAD_REPLY_MESSAGE,
      toStringRecord(fields),
    )
  }
  throw new ApiCallError('INTERNAL', BAD_REPLY_MESSAGE)
}

async function sendViaCloud(body: ApiRequestBody): Promise<unknown> {
  let result: Taro.cloud.CallFunctionResult
  try {
    result = await Taro.cloud.callFunction({ name: 'api', data: body })
  } catch {
    throw new ApiCallError('NETWORK', NETWORK_MESSAGE)
  }
  return result.result
}

async function sendViaHttp(body: ApiRequestBody): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const demo = getDemoSession()
  if (demo) headers['X-Demo-Openid'] = demo.openid
  let response: Response
  try {
    response = await fetch('/api', { method: 'POST', headers, body: JSON.stringify(body) })
  } catch {
    throw new ApiCallError('NETWORK', NETWORK_MESSAGE)
  }
  try {
    return (await response.json()) as unknown
  } catch {
    // The server did answer (a 500 page, a proxy error): that is the server's failure, not the network's.
    throw new ApiCallError('INTERNAL', BAD_REPLY_MESSAGE)
  }
}

/**
 * Calls an action. Writes get a requestId unless the caller passes one (a form passes the same
 * one again when the person retries the same submit).
 */
export async function call<A extends ActionName>(
  action: A,
  payload: ActionInput<A>,
  opts: { requestId?: string } = {},
): Promise<ActionResult<A>> {
  const requestId = opts.requestId ?? (isRetryableWrite(action) ? newRequestId() : undefined)
  const body: ApiRequestBody = { action, payload, ...(requestId ? { requestId } : {}) }
  const reply = process.env.TARO_ENV === 'weapp' ? await sendViaCloud(body) : await sendViaHttp(body)
  return unwrap<ActionResult<A>>(reply)
}

/** A message fit to show a person for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) return error.message
  return BAD_REPLY_MESSAGE
}

export interface DemoAccount {
  openid: string
  label: string
  role: 'student' | 'station_head' | 'staff'
}

/**
 * The seeded demo accounts of local mode (H5 only). `null` means the server runs without demo
 * sign-in, and the app hides it.
 */
export async function getDemoAccounts(): Promise<DemoAccount[] | null> {
  if (process.env.TARO_ENV !== 'h5') return null
  let response: Response
  try {
    response = await fetch('/api/demo-accounts', { headers: { accept: 'application/json' } })
  } catch {
    throw new ApiCallError('NETWORK', NETWORK_MESSAGE)
  }
  if (response.status === 404) return null
  let reply: unknown
  try {
    reply = (await response.json()) as unknown
  } catch {
    throw new ApiCallError('INTERNAL', BAD_REPLY_MESSAGE)
  }
  const data = unwrap<unknown>(reply)
  if (!Array.isArray(data)) throw new ApiCallError('INTERNAL', BAD_REPLY_MESSAGE)
  return data.filter(
    (a): a is DemoAccount =>
      isRecord(a) &&
      typeof a.openid === 'string' &&
      typeof a.label === 'string' &&
      (a.role === 'student' || a.role === 'station_head' || a.role === 'staff'),
  )
}
