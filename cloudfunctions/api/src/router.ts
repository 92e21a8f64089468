import * as z from 'zod'
import type { ActionName, ApiError, Envelope } from '../../../types'
import { actionSchemas, isActionName, isRetryableWrite, toFieldErrors } from '../../../types'
import { systemClock, toIsoString, type Clock } from '../../core/shared/clock'
import type { Deps } from '../../core/shared/context'
import { AppError } from '../../core/shared/errors'
import { toMember } from '../../core/member/members'
import type { Caller } from '../../core/access/access'
import type { FileServices } from '../../core/files/ports'
import type { PushConfig } from '../../core/messaging/ports'
import type { Store } from '../../core/shared/store'
import { actionTable, type ActionDef } from './actions'
import type { ApiConfig } from '../../runtime/config'
import { consoleLogger, type Logger } from '../../runtime/logger'

/** The largest payload accepted, as JSON. Bigger ones are refused before any work is done. */
export const MAX_PAYLOAD_BYTES = 64 * 1024

/** Who the platform says is calling. Never read from the request body. */
export interface Identity {
  openid: string | null
}

export interface ApiOptions {
  store: Store
  files: FileServices
  push: PushConfig
  checkInSecret: string
  config: Pick<ApiConfig, 'staffOpenids'>
  clock?: Clock
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

function payloadTooLarge(payload: unknown): boolean {
  if (payload === undefined) return false
  try {
    return Buffer.byteLength(JSON.stringify(payload), 'utf8') > MAX_PAYLOAD_BYTES
  } catch {
    return true
  }
}

/**
 * The one router behind both entries (cloud and HTTP): validate the payload with the action's
 * schema, resolve the caller, check the role, run the use case, answer with an envelope.
 */
export function createApi(options: ApiOptions): Api {
  const { store, config, clock = systemClock, logger = consoleLogger } = options
  const deps: Deps = { store, clock, files: options.files, push: options.push, checkInSecret: options.checkInSecret }

  async function resolveCaller(openid: string | null): Promise<Caller> {
    const isStaff = openid !== null && config.staffOpenids.has(openid)
    if (!openid) return { openid, member: null, isStaff }
    const record = await store.members.get(openid)
    return { openid, member: record ? toMember(record, isStaff) : null, isStaff }
  }

  async function run(action: ActionName, rawPayload: unknown, requestId: string | undefined, identity: Identity) {
    const parsed = actionSchemas[action].safeParse(rawPayload ?? {})
    if (!parsed.success) {
      const { message, fields } = toFieldErrors(parsed.error)
      return fail({ code: 'INVALID_INPUT', message, fields })
    }
    const def = actionTable[action] as ActionDef<ActionName>
    const caller = await resolveCaller(identity.openid)
    const denied = def.policy(caller, parsed.data as never)
    if (denied) return fail(denied.toApiError())

    const remembered = isRetryableWrite(action) && requestId && caller.openid
    if (remembered) {
      const first = await store.idempotency.find(caller.openid!, requestId)
      if (first) return JSON.parse(first) as Envelope<unknown>
    }
    let result: Envelope<unknown>
    try {
      result = { ok: true, data: await def.run(deps, caller, parsed.data as never) }
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      result = fail(error.toApiError())
    }
    if (remembered) {
      await store.idempotency.remember(caller.openid!, requestId, JSON.stringify(result), toIsoString(clock.now()))
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
      if (payloadTooLarge(payload)) {
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
