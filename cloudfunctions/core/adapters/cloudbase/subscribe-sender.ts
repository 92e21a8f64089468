import type { MessageSender } from '../../messaging/ports'
import { toTemplateData, type KeywordMap } from './subscribe-keywords'
import { decodeCommOpenApiResp, encodeCommApiData, type WxOpenApiApp } from './wxacode-invites'

export const SUBSCRIBE_API = 'subscribeMessage.send'

/**
 * Subscribe messages through the cloud open API, the same door as the invite codes
 * (`callCompatibleWxOpenApi`, protobuf envelope). WeChat answers JSON `{errcode, errmsg}`; the
 * errcode is returned as is (0 sent; 43101 the user has no authorisation left), never thrown, so
 * the caller can record it. The function's config must grant `subscribeMessage.send`.
 */
export interface SubscribeOptions {
  /** Per template id: which keyword carries which value (configuration, checked at start). */
  keywords: ReadonlyMap<string, KeywordMap>
  /** `formal` (release), `trial` or `developer`: which version the message opens (audit D9). */
  miniprogramState: 'formal' | 'trial' | 'developer'
}

export function wxSubscribeSender(app: Pick<WxOpenApiApp, 'callCompatibleWxOpenApi'>, options: SubscribeOptions): MessageSender {
  return {
    async send({ openid, templateId, page, data }) {
      const keywords = options.keywords.get(templateId)
      // Configuration is checked at start, so this is a bug, not a member's problem: the caller
      // records it as a failed call, and nothing reaches WeChat to fail with 47003.
      if (!keywords) throw new Error(`subscribe template ${templateId} has no keyword map`)
      const answer = await app.callCompatibleWxOpenApi({
        apiName: SUBSCRIBE_API,
        requestData: encodeCommApiData({
          touser: openid,
          template_id: templateId,
          page,
          miniprogram_state: options.miniprogramState,
          lang: 'zh_CN',
          data: toTemplateData(data, keywords),
        }),
      })
      if (!Buffer.isBuffer(answer)) return { errcode: -1 }
      try {
        const response = decodeCommOpenApiResp(answer)
        if (response.errorCode) return { errcode: response.errorCode }
        const parsed = JSON.parse(response.respData.toString('utf8')) as { errcode?: number }
        return { errcode: parsed.errcode ?? 0 }
      } catch {
        return { errcode: -1 }
      }
    },
  }
}
