import type { CheckSuggestion } from '../../../../types'
import { CHECK_SUGGESTIONS } from '../../../../types'
import type { ContentSecurity } from '../../story/ports'
import { decodeCommOpenApiResp, encodeCommApiData, type WxOpenApiApp } from './wxacode-invites'

export const MSG_SEC_CHECK_API = 'security.msgSecCheck'
export const MEDIA_CHECK_API = 'security.mediaCheckAsync'
/**
 * msgSecCheck v2 scene: 3 (论坛) for a story published to everyone [a guess of the research, §4:
 * the same words were caught in scenes 1–3 but not 4]. mediaCheckAsync takes the same.
 */
export const STORY_SCENE = 3
/** mediaCheckAsync `media_type`: 2 = image. */
const IMAGE = 2

/** The open API failed before WeChat gave a verdict (e.g. 40003 openid invalid, -604101 no permission). */
export class ContentSecurityError extends Error {
  constructor(
    readonly api: string,
    readonly code: number | string,
    message: string,
  ) {
    super(`${api}: ${code} ${message}`)
    this.name = 'ContentSecurityError'
  }
}

interface WxAnswer {
  errcode?: number
  errmsg?: string
  trace_id?: string
  result?: { suggest?: string; label?: number }
}

/** WeChat's JSON answer through the open-API door (`callCompatibleWxOpenApi`, protobuf envelope). */
async function call(app: Pick<WxOpenApiApp, 'callCompatibleWxOpenApi'>, api: string, params: Record<string, unknown>): Promise<WxAnswer> {
  const answer = await app.callCompatibleWxOpenApi({ apiName: api, requestData: encodeCommApiData(params) })
  if (!Buffer.isBuffer(answer)) {
    const { code, message } = (answer ?? {}) as { code?: string; message?: string }
    throw new ContentSecurityError(api, code ?? 'NO_ANSWER', message ?? 'no answer')
  }
  let text: string
  try {
    const response = decodeCommOpenApiResp(answer)
    if (response.errorCode) throw new ContentSecurityError(api, response.errorCode, 'WeChat system error')
    text = response.respData.toString('utf8')
  } catch (error) {
    if (error instanceof ContentSecurityError) throw error
    text = answer.toString('utf8')
  }
  try {
    return JSON.parse(text) as WxAnswer
  } catch {
    throw new ContentSecurityError(api, 'BAD_ANSWER', text.slice(0, 200))
  }
}

const isSuggestion = (value: unknown): value is CheckSuggestion => CHECK_SUGGESTIONS.includes(value as CheckSuggestion)

export type ContentSecurityApp = Pick<WxOpenApiApp, 'callCompatibleWxOpenApi'> & {
  getTempFileURL(options: { fileList: { fileID: string; maxAge?: number }[] }): Promise<{ fileList?: { tempFileURL?: string; code?: string }[] }>
}

/**
 * WeChat content security through the cloud open API (the function's config.json must grant
 * `security.msgSecCheck` and `security.mediaCheckAsync`). The verdict is `result.suggest`: v2
 * answers errcode 0 whether or not something was found, so errcode never decides; a missing
 * verdict is an error (the story goes back to draft, the author may submit again).
 */
export function wxContentSecurity(app: ContentSecurityApp): ContentSecurity {
  return {
    async checkText({ openid, content, title }) {
      const answer = await call(app, MSG_SEC_CHECK_API, { openid, scene: STORY_SCENE, version: 2, content, title })
      const suggest = answer.result?.suggest
      if (!isSuggestion(suggest)) throw new ContentSecurityError(MSG_SEC_CHECK_API, answer.errcode ?? 'NO_RESULT', answer.errmsg ?? 'no result')
      return { traceId: answer.trace_id ?? '', suggest, label: typeof answer.result?.label === 'number' ? answer.result.label : null }
    },
    async startMediaCheck({ openid, url }) {
      const answer = await call(app, MEDIA_CHECK_API, { media_url: url, media_type: IMAGE, version: 2, scene: STORY_SCENE, openid })
      if (!answer.trace_id) throw new ContentSecurityError(MEDIA_CHECK_API, answer.errcode ?? 'NO_TRACE', answer.errmsg ?? 'no trace_id')
      return { traceId: answer.trace_id }
    },
    async fetchableUrl(photo) {
      if (!photo.startsWith('cloud://')) return photo
      // WeChat fetches the image within 30 minutes: the temporary URL lives an hour.
      const result = await app.getTempFileURL({ fileList: [{ fileID: photo, maxAge: 3600 }] })
      const url = result.fileList?.[0]?.tempFileURL
      if (!url) throw new ContentSecurityError('getTempFileURL', result.fileList?.[0]?.code ?? 'NO_URL', photo)
      return url
    },
  }
}
