import { ContentSecurityError, MEDIA_CHECK_API, MSG_SEC_CHECK_API, wxContentSecurity, type ContentSecurityApp } from './content-security'

/** A protobuf CommOpenApiResp {1: respData, 2: contentType} carrying WeChat's JSON answer. */
function answerOf(json: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(json))
  const type = Buffer.from('application/json')
  const varint = (n: number) => (n < 128 ? [n] : [(n & 0x7f) | 0x80, n >> 7])
  return Buffer.concat([Buffer.from([0x0a, ...varint(body.length)]), body, Buffer.from([0x12, type.length]), type])
}

/** The key/value pairs of a CommApiData request (protobuf: varint tags and lengths), values as JSON. */
function paramsOf(message: Buffer): Record<string, unknown> {
  let pos = 0
  const varint = (buffer: Buffer): number => {
    let result = 0
    for (let shift = 0; ; shift += 7) {
      const byte = buffer[pos++]!
      result += (byte & 0x7f) * 2 ** shift
      if ((byte & 0x80) === 0) return result
    }
  }
  const fields = (buffer: Buffer): [number, Buffer][] => {
    const out: [number, Buffer][] = []
    pos = 0
    while (pos < buffer.length) {
      const tag = varint(buffer)
      if ((tag & 7) === 0) {
        varint(buffer)
        continue
      }
      const length = varint(buffer)
      out.push([tag >> 3, buffer.subarray(pos, pos + length)])
      pos += length
    }
    return out
  }
  const openapiData = fields(message).find(([field]) => field === 2)![1]
  const params: Record<string, unknown> = {}
  for (const [, pair] of fields(openapiData)) {
    const [[, key], [, value]] = fields(pair) as [[number, Buffer], [number, Buffer]]
    params[key.toString('utf8')] = JSON.parse(value.toString('utf8'))
  }
  return params
}

function appAnswering(...answers: unknown[]) {
  const calls: { apiName: string; params: Record<string, unknown> }[] = []
  const app: ContentSecurityApp = {
    async callCompatibleWxOpenApi({ apiName, requestData }) {
      calls.push({ apiName, params: paramsOf(requestData) })
      return answers.shift()
    },
    async getTempFileURL({ fileList }) {
      return { fileList: fileList.map((f) => ({ tempFileURL: `https://tmp.example/${f.fileID.split('/').pop()}?sign=1` })) }
    },
  }
  return { app, calls }
}

describe('wxContentSecurity', () => {
  it('asks msgSecCheck v2 (scene 3) through the open-API door and decides on result.suggest', async () => {
    const { app, calls } = appAnswering(
      answerOf({ errcode: 0, errmsg: 'ok', trace_id: 'tr-1', result: { suggest: 'risky', label: 20001 }, detail: [] }),
    )
    const answer = await wxContentSecurity(app).checkText({ openid: 'o-1', content: '正文', title: '标题' })
    expect(answer).toEqual({ traceId: 'tr-1', suggest: 'risky', label: 20001 })
    expect(calls[0]).toEqual({ apiName: MSG_SEC_CHECK_API, params: { openid: 'o-1', scene: 3, version: 2, content: '正文', title: '标题' } })
  })

  it('never reads errcode 0 as a pass: without result.suggest it fails (the story goes back to draft)', async () => {
    const { app } = appAnswering(answerOf({ errcode: 0, errmsg: 'ok' }), answerOf({ errcode: 40003, errmsg: 'invalid openid' }))
    const security = wxContentSecurity(app)
    await expect(security.checkText({ openid: 'o', content: 'x' })).rejects.toBeInstanceOf(ContentSecurityError)
    await expect(security.checkText({ openid: 'o', content: 'x' })).rejects.toThrow(/40003/)
  })

  it('fails plainly when the platform itself refuses (no permission: -604101)', async () => {
    const { app } = appAnswering({ code: '-604101', message: 'function has no permission to call this API' })
    await expect(wxContentSecurity(app).checkText({ openid: 'o', content: 'x' })).rejects.toThrow(/-604101/)
  })

  it('starts mediaCheckAsync v2 on a temporary https URL of the cloud file and keeps its trace id', async () => {
    const { app, calls } = appAnswering(answerOf({ errcode: 0, errmsg: 'ok', trace_id: 'tr-media' }))
    const security = wxContentSecurity(app)
    const url = await security.fetchableUrl('cloud://env-1.bucket/activity-covers/a.jpg')
    expect(url).toBe('https://tmp.example/a.jpg?sign=1')
    expect(await security.startMediaCheck({ openid: 'o-2', url })).toEqual({ traceId: 'tr-media' })
    expect(calls[0]).toEqual({ apiName: MEDIA_CHECK_API, params: { media_url: url, media_type: 2, version: 2, scene: 3, openid: 'o-2' } })
  })

  it('fails when mediaCheckAsync gives no trace id', async () => {
    const { app } = appAnswering(answerOf({ errcode: 45009, errmsg: 'reach max api daily quota limit' }))
    await expect(wxContentSecurity(app).startMediaCheck({ openid: 'o', url: 'https://x' })).rejects.toThrow(/45009/)
  })
})
