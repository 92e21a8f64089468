import { decodeCommOpenApiResp, encodeCommApiData, wxacodeInvites, type WxOpenApiApp } from './wxacode-invites'

/** Encodes a CommOpenApiResp as the platform answers (field 1 bytes, 2 string, 3 varint). */
function respMessage(respData: Buffer, contentType: string, errorCode = 0): Buffer {
  const ld = (field: number, content: Buffer) => Buffer.concat([Buffer.from([(field << 3) | 2, content.length]), content])
  return Buffer.concat([ld(1, respData), ld(2, Buffer.from(contentType)), Buffer.from([0x18, errorCode])])
}

/** Reads back the pairs of a CommApiData that encodeCommApiData made (all lengths < 128 here). */
function pairsOf(message: Buffer): Record<string, unknown> {
  expect([...message.subarray(0, 2)]).toEqual([0x08, 0x00]) // apiType OPEN_API
  expect(message[2]).toBe(0x12) // openapiData
  const pairs: Record<string, unknown> = {}
  let pos = 4
  while (pos < message.length) {
    expect(message[pos]).toBe(0x0a)
    const end = pos + 2 + message[pos + 1]!
    let p = pos + 2
    const keyLength = message[p + 1]!
    const key = message.subarray(p + 2, p + 2 + keyLength).toString()
    p += 2 + keyLength
    const valueLength = message[p + 1]!
    pairs[key] = JSON.parse(message.subarray(p + 2, p + 2 + valueLength).toString())
    pos = end
  }
  return pairs
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])

function recordingApp(answer: unknown) {
  const calls: { api?: { apiName: string; requestData: Buffer }; upload?: { cloudPath: string; fileContent: Buffer } } = {}
  const app: WxOpenApiApp = {
    async callCompatibleWxOpenApi(options) {
      calls.api = options
      return answer
    },
    async uploadFile(options) {
      calls.upload = options
      return { fileID: `cloud://env.bucket/${options.cloudPath}` }
    },
  }
  return { app, calls }
}

describe('wxacode invites', () => {
  it('asks wxacode.getUnlimited for the scene and page (no leading slash, check_path off) and uploads the PNG', async () => {
    const { app, calls } = recordingApp(respMessage(PNG, 'image/png'))
    const image = await wxacodeInvites(app).image('s=st-1', '/pages/station/index')

    expect(calls.api?.apiName).toBe('wxacode.getUnlimited')
    expect(pairsOf(calls.api!.requestData)).toEqual({ scene: 's=st-1', page: 'pages/station/index', check_path: false, env_version: 'release' })
    expect(calls.upload?.cloudPath).toBe('invites/s=st-1.png')
    expect(calls.upload?.fileContent.equals(PNG)).toBe(true)
    expect(image).toBe('cloud://env.bucket/invites/s=st-1.png')
  })

  it('has no link on weapp', () => {
    expect(wxacodeInvites(recordingApp(null).app).link('s=1', 'pages/station/index')).toBeNull()
  })

  it('refuses a scene longer than 32 characters before calling WeChat', async () => {
    const { app, calls } = recordingApp(respMessage(PNG, 'image/png'))
    await expect(wxacodeInvites(app).image(`s=${'x'.repeat(31)}`, 'pages/station/index')).rejects.toThrow(/scene/)
    expect(calls.api).toBeUndefined()
  })

  it("throws WeChat's JSON error and uploads nothing", async () => {
    const body = Buffer.from(JSON.stringify({ errcode: 41030, errmsg: 'invalid page' }))
    const { app, calls } = recordingApp(respMessage(body, 'application/json; encoding=utf-8'))
    await expect(wxacodeInvites(app).image('s=1', 'pages/station/index')).rejects.toMatchObject({ code: 41030 })
    expect(calls.upload).toBeUndefined()
  })

  it("throws CloudBase's own error (an object, or JSON instead of protobuf)", async () => {
    await expect(
      wxacodeInvites(recordingApp({ code: 'PERMISSION_DENIED', message: 'no openapi permission' }).app).image('s=1', 'p'),
    ).rejects.toMatchObject({ code: 'PERMISSION_DENIED' })
    const json = Buffer.from(JSON.stringify({ code: 'INVALID_PARAM', message: 'bad' }))
    await expect(wxacodeInvites(recordingApp(json).app).image('s=1', 'p')).rejects.toMatchObject({ code: 'INVALID_PARAM' })
  })

  it('round-trips the protobuf pieces', () => {
    expect(decodeCommOpenApiResp(respMessage(PNG, ' image/png ', 0))).toEqual({ respData: PNG, contentType: 'image/png', errorCode: 0 })
    expect(pairsOf(encodeCommApiData({ scene: 'a', width: 430, skipped: undefined }))).toEqual({ scene: 'a', width: 430 })
  })
})
