// Before anything formats a date: CloudBase runs functions in UTC, the product lives in China.
process.env.TZ ??= 'Asia/Shanghai'

import { getCloudbaseContext, type IContextParam } from '@cloudbase/node-sdk'
import type { Envelope } from '../../../types'
import { buildCloudDeps } from '../../runtime/cloud-deps'
import { consoleLogger } from '../../runtime/logger'
import { createApi, type Api } from './router'

/**
 * The `api` cloud function: `callFunction('api', {data: {action, payload, requestId}})` arrives
 * here as `event`. Bundled by scripts/build-functions.mjs into cloudfunctions/api/index.js.
 */
export type CloudHandler = (event: unknown, context: unknown) => Promise<Envelope<unknown>>

export interface CloudHandlerDeps {
  /** The caller's OPENID, from the invocation context; null when there is none. */
  getOpenid: (context: unknown) => string | null
  api: Api
}

/**
 * WeChat's `wxa_media_check` event, as the message push (消息推送, set to deliver to this cloud
 * function, see README) hands it over: `{MsgType: 'event', Event: 'wxa_media_check', trace_id,
 * result: {suggest, label}, …}` with no `action`. Anything else is an ordinary call.
 */
export function mediaCheckEventOf(event: unknown): { traceId: unknown; suggest: unknown; label: unknown } | null {
  if (typeof event !== 'object' || event === null) return null
  const e = event as Record<string, unknown>
  if (e.MsgType !== 'event' || e.Event !== 'wxa_media_check' || 'action' in e) return null
  const result = (typeof e.result === 'object' && e.result !== null ? e.result : {}) as Record<string, unknown>
  return { traceId: e.trace_id, suggest: result.suggest, label: result.label }
}

/** The identity comes from `context` only: nothing inside `event` is ever read as the caller. */
export function createCloudHandler({ getOpenid, api }: CloudHandlerDeps): CloudHandler {
  return (event, context) => {
    const media = mediaCheckEventOf(event)
    // The push carries no caller of ours; the story matches it by its unguessable trace id.
    if (media) return api.handle({ action: 'story.mediaCheckEvent', payload: media }, { openid: null })
    return api.handle(event, { openid: getOpenid(context) })
  }
}

function isScfContext(context: unknown): context is IContextParam {
  if (typeof context !== 'object' || context === null) return false
  const { environment, environ } = context as Record<string, unknown>
  return typeof environment === 'string' || typeof environ === 'string'
}

/**
 * WeChat puts the caller's OPENID into the invocation as WX_OPENID: in `context.environment` (a
 * JSON string; `context.environ`, `k=v;…`, on the old runtime), and into process.env with its name
 * listed in WX_CONTEXT_KEYS. @cloudbase/node-sdk 3.18 reads it there: `getCloudbaseContext(context)`
 * in node_modules/@cloudbase/node-sdk/src/utils/tcbcontext.ts merges both, the context winning, and
 * `app.auth().getUserInfo().openId` in src/auth/index.ts is the same WX_OPENID from process.env
 * alone (wx-server-sdk's `getWXContext().OPENID` is documented as the same value; that SDK is not
 * a dependency here). The platform sets them per invocation, so a client cannot choose them,
 * unlike anything in `event`.
 */
export function openidFromContext(context: unknown): string | null {
  try {
    const { WX_OPENID } = getCloudbaseContext(isScfContext(context) ? context : undefined)
    return typeof WX_OPENID === 'string' && WX_OPENID !== '' ? WX_OPENID : null
  } catch (error) {
    consoleLogger.error('api.identity_unreadable', { error: error instanceof Error ? error.message : String(error) })
    return null
  }
}

function startHandler(): CloudHandler {
  // The same configuration, SDK client and stores as the scheduler function (cloud-deps.ts).
  const { store, files, push, checkInSecret, contentSecurity, config } = buildCloudDeps()
  const api = createApi({ store, files, push, checkInSecret, contentSecurity, config })
  return createCloudHandler({ getOpenid: openidFromContext, api })
}

/** Built once per warm instance: later invocations reuse the SDK client and the parsed config. */
let handler: CloudHandler | undefined

export async function main(event: unknown, context: unknown): Promise<Envelope<unknown>> {
  try {
    handler ??= startHandler()
  } catch (error) {
    // Bad configuration: say so in the log, answer with the envelope, try again next invocation.
    consoleLogger.error('api.startup', {
      error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
    })
    return { ok: false, error: { code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试' } }
  }
  return handler(event, context)
}
