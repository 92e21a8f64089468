import { createHash } from 'node:crypto'
import * as z from 'zod'
import type { ActionName, ApiError, Envelope } from '../../../types'
import { actionSchemas, isActionName, isRetryableWrite, MAX_PAYLOAD_BYTES, payloadLimitOf, toFieldErrors } from '../../../types'
import { systemClock, toIsoString, type Clock } from '../../core/shared/clock'
import type { Deps } from '../../core/shared/context'
import { AppError } from '../../core/shared/errors'
import { toMember } from '../../core/member/members'
import { isAnyone, isPlatformPush, type Caller } from '../../core/access/access'
import type { FileServices } from '../../core/files/ports'
import type { PushConfig } from '../../core/messaging/ports'
import type { Store } from '../../core/shared/store'
import type { ContentSecurity } from '../../core/story/ports'
import { actionTable, type ActionDef } from './actions'
import type { ApiConfig } from '../../runtime/config'
import { consoleLogger, type Logger } from '../../runtime/logger'

/** The largest payload of an ordinary action, as JSON (file actions: `payloadLimitOf`, types/limits.ts). */
export { MAX_PAYLOAD_BYTES }

/** Who the platform says is calling. Never read from the request body. */
export interface Identity {
  openid: string | null
}

export interface ApiOptions {
  store: Store
  files: FileServices
  push: PushConfig
  checkInSecret: string
  contentSecurity: ContentSecurity
  config: Pick<ApiConfig, 'staffOpenids'>
  clock?: Clock
  /** Jury draws' random source (default Math.random). */
  random?: () => number
  logger?: Logger
}

export interface Api {
  handle(request: unknown, identity: Identity): Promise<Envelope<unknown>>
}

const envelopeShape = z.object({
  action: z.string({ error: '缺少要执行的操作（action）' }).min(1, '缺少要执行的操作（action）').max(64, '操作名称过长'),
  payload: z.unknown().optional(),
  requestId: z
    .string({ error: '请求编号（requestId）应为文字' })
    .min(8, '请求编号（requestId）应为8到64个字符')
    .max(64, '请求编号（requestId）应为8到64个字符')
    .optional(),
})

const fail = (error: ApiError): Envelope<never> => ({ ok: false, error })

/** A claim older than this belongs to a run that died (a function times out after 20 s). */
const CLAIM_STALE_MS = 60_000
/** How long a duplicate waits for the first run's answer before saying it is still running. */
const DUPLICATE_WAIT_ROUNDS = 50
const DUPLICATE_WAIT_MS = 100

function payloadTooLarge(action: ActionName, payload: unknown): boolean {
  if (payload === undefined) return false
  try {
    return Buffer.byteLength(JSON.stringify(payload), 'utf8') > payloadLimitOf(action)
  } catch {
    return true
  }
}

/** What a remembered result is bound to: the action and the validated payload. */
const fingerprintOf = (action: ActionName, payload: unknown) =>
  createHash('sha256').update(JSON.stringify([action, payload])).digest('hex')

/** A remembered result as stored: the envelope and the fingerprint of the request that made it. */
interface Remembered {
  fingerprint?: string
  result?: Envelope<unknown>
}

function recall(stored: string): Remembered {
  const value = JSON.parse(stored) as Remembered & { ok?: boolean }
  // Results remembered before requests were fingerprinted are the bare envelope.
  return 'ok' in value ? { result: value as Envelope<unknown> } : value
}

/**
 * The one router behind both entries (cloud and HTTP): validate the payload with the action's
 * schema, resolve the caller, check the role, run the use case, answer with an envelope.
 */
export function createApi(options: ApiOptions): Api {
  const { store, config, clock = systemClock, logger = consoleLogger } = options
  const deps: Deps = {
    store,
    clock,
    files: options.files,
    push: options.push,
    checkInSecret: options.checkInSecret,
    random: options.random,
    contentSecurity: options.contentSecurity,
  }

  async function resolveCaller(openid: string | null): Promise<Caller> {
    const isStaff = openid !== null && config.staffOpenids.has(openid)
    if (!openid) return { openid, member: null, isStaff }
    const record = await store.members.get(openid)
    return { openid, member: record ? toMember(record, isStaff) : null, isStaff }
  }

  async function run(action: ActionName, rawPayload: unknown, requestId: string | undefined, identity: Identity) {
    const def = actionTable[action] as ActionDef<ActionName>
    // Who may call comes before what they sent: an anonymous caller learns nothing of the fields.
    if (!identity.openid && def.policy !== isAnyone && def.policy !== isPlatformPush) return fail({ code: 'UNAUTHENTICATED', message: '请先登录' })
    const parsed = actionSchemas[action].safeParse(rawPayload ?? {})
    if (!parsed.success) {
      const { message, fields } = toFieldErrors(parsed.error)
      return fail({ code: 'INVALID_INPUT', message, fields })
    }
    const caller = await resolveCaller(identity.openid)
    const denied = def.policy(caller, parsed.data as never)
    if (denied) return fail(denied.toApiError())

    const remembered = isRetryableWrite(action) && requestId && caller.openid
    const fingerprint = fingerprintOf(action, parsed.data)
    /** The first result for this requestId, or a refusal when it was made by another request. */
    const answerOf = (first: string): Envelope<unknown> | null => {
      const { fingerprint: boundTo, result } = recall(first)
      if (boundTo !== undefined && boundTo !== fingerprint) {
        return fail({ code: 'CONFLICT', message: '这个请求编号已用于另一项操作，请刷新后重试' })
      }
      return result ?? null
    }
    if (remembered) {
      // One request on the open path: the claim, which also hands a retry the first answer.
      const now = clock.now().getTime()
      const claim = await store.idempotency.claim(caller.openid!, requestId, toIsoString(new Date(now)), toIsoString(new Date(now - CLAIM_STALE_MS)))
      if (!claim.held) {
        const first = claim.result === null ? null : answerOf(claim.result)
        if (first) return first
        // A duplicate of a write in flight: its answer, once it is there, is ours too.
        for (let round = 0; round < DUPLICATE_WAIT_ROUNDS; round += 1) {
          await new Promise((resolve) => setTimeout(resolve, DUPLICATE_WAIT_MS))
          const found = await store.idempotency.find(caller.openid!, requestId)
          const answer = found === null ? null : answerOf(found)
          if (answer) return answer
        }
        return fail({ code: 'CONFLICT', message: '同一请求正在处理中，请稍后再试' })
      }
    }
    let result: Envelope<unknown>
    try {
      result = { ok: true, data: await def.run(deps, caller, parsed.data as never) }
    } catch (error) {
      if (!(error instanceof AppError)) {
        if (remembered) await store.idempotency.release(caller.openid!, requestId).catch(() => undefined)
        throw error
      }
      result = fail(error.toApiError())
    }
    if (remembered) {
      await store.idempotency.remember(caller.openid!, requestId, JSON.stringify({ fingerprint, result }), toIsoString(clock.now()))
    }
    return result
  }

  return {
    async handle(request, identity) {
      const envelope = envelopeShape.safeParse(request)
      if (!envelope.success) {
        const { message, fields } = toFieldErrors(envelope.error)
        return fail({ code: 'INVALID_INPUT', message, fields })
      }
      const { action, payload, requestId } = envelope.data
      if (!isActionName(action)) return fail({ code: 'NOT_FOUND', message: `没有这个操作：${action}` })
      if (payloadTooLarge(action, payload)) {
        return fail({ code: 'INVALID_INPUT', message: '提交的内容过大', fields: { payload: '提交的内容过大' } })
      }
      try {
        return await run(action, payload, requestId, identity)
      } catch (error) {
        // Unexpected: log everything, tell the caller nothing about the internals.
        logger.error('api.internal', {
          action,
          error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
        })
        return fail({ code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试' })
      }
    },
  }
}
