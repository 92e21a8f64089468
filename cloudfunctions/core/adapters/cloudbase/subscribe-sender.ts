import type { MessageSender } from '../../messaging/ports'
import { decodeCommOpenApiResp, encodeCommApiData, type WxOpenApiApp } from './wxacode-invites'

export const SUBSCRIBE_API = 'subscribeMessage.send'

/**
 * Subscribe messages through the cloud open API, the same door as the invite codes
 * (`callCompatibleWxOpenApi`, protobuf envelope). WeChat answers JSON `{errcode, errmsg}`; the
 * errcode is returned as is (0 sent; 43101 the user has no authorisation left), never thrown, so
 * the caller can record it. The function's config must grant `subscribeMessage.send`.
 */
export function wxSubscribeSender(app: Pick<WxOpenApiApp, 'callCompatibleWxOpenApi'>): MessageSender {
  return {
    async send({ openid, templateId, page, data }) {
      const answer = await app.callCompatibleWxOpenApi({
        apiName: SUBSCRIBE_API,
        requestData: encodeCommApiData({
          touser: openid,
          template_id: templateId,
          page,
          // WeChat caps each value (thing: 20 characters); longer text is cut, not refused.
          data: Object.fromEntries(Object.entries(data).map(([key, value]) => [key, { value: value.slice(0, 20) }])),
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
