import { wxSubscribeSender, SUBSCRIBE_API } from './subscribe-sender'

/** A protobuf CommOpenApiResp {1: respData, 2: contentType} carrying WeChat's JSON answer. */
function answerOf(json: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(json))
  const type = Buffer.from('application/json')
  return Buffer.concat([Buffer.from([0x0a, body.length]), body, Buffer.from([0x12, type.length]), type])
}

describe('wxSubscribeSender', () => {
  it('calls subscribeMessage.send with the template, page and values, and returns errcode 0', async () => {
    const calls: { apiName: string; requestData: Buffer }[] = []
    const sender = wxSubscribeSender({
      callCompatibleWxOpenApi: async (options) => {
        calls.push(options)
        return answerOf({ errcode: 0, errmsg: 'ok' })
      },
    })
    const result = await sender.send({ openid: 'o-1', templateId: 'tpl-1', page: 'pages/activity/index?id=a', data: { title: '走进实验室' } })
    expect(result).toEqual({ errcode: 0 })
    expect(calls[0].apiName).toBe(SUBSCRIBE_API)
    const text = calls[0].requestData.toString('utf8')
    for (const part of ['touser', '"o-1"', 'template_id', '"tpl-1"', 'pages/activity/index?id=a', '走进实验室']) {
      expect(text).toContain(part)
    }
  })

  it('returns WeChat’s errcode (43101: no authorisation left) instead of throwing', async () => {
    const sender = wxSubscribeSender({ callCompatibleWxOpenApi: async () => answerOf({ errcode: 43101, errmsg: 'user refuse' }) })
    expect(await sender.send({ openid: 'o', templateId: 't', page: 'p', data: {} })).toEqual({ errcode: 43101 })
  })
})
