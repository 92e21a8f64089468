import type { InviteCodes } from '../../files/ports'

/**
 * Weapp invites: an unlimited mini-program code (`wxacode.getUnlimited`) through CloudBase's cloud
 * open API (云调用, no access token of our own), stored in cloud storage; the stored `fileID` is
 * the image. The function needs the permission in its config: `"openapi": ["wxacode.getUnlimited"]`
 * (scripts/build-functions.mjs).
 *
 * How it is called, as wx-server-sdk 4 does (`cloud.openapi.wxacode.getUnlimited`): node-sdk's
 * `app.callCompatibleWxOpenApi({apiName, requestData})` (action `wx.openApi`, multipart, raw
 * answer) with `requestData` a protobuf `CommApiData {apiType: OPEN_API, openapiData: {pairs:
 * [{key, value: JSON bytes}]}}`; the answer is a protobuf `CommOpenApiResp {respData, contentType,
 * errorCode}`: the PNG itself, or WeChat's JSON `{errcode, errmsg}`. node-sdk's other door,
 * `callWxOpenApi` (`wx.api`), parses the answer as JSON text, which a binary image does not survive.
 * The two small messages are encoded here by hand rather than pulling in protobufjs.
 */
export interface WxOpenApiApp {
  callCompatibleWxOpenApi(options: { apiName: string; requestData: Buffer }): Promise<unknown>
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID?: string }>
}

export const WXACODE_API = 'wxacode.getUnlimited'
/** WeChat's limit on `scene`: 32 visible characters of a restricted set. */
export const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/

export class WxOpenApiError extends Error {
  constructor(
    readonly code: number | string,
    message: string,
  ) {
    super(`${WXACODE_API}: ${code} ${message}`)
    this.name = 'WxOpenApiError'
  }
}

/** Which version of the mini-program a code opens (`env_version` of getUnlimited, audit D9). */
export type MiniProgramVersion = 'release' | 'trial' | 'develop'

export function wxacodeInvites(app: WxOpenApiApp, envVersion: MiniProgramVersion = 'release'): InviteCodes {
  return {
    link: () => null,
    async image(scene, page) {
      if (!SCENE_PATTERN.test(scene)) throw new Error(`invite scene must be 1-32 allowed characters: ${scene}`)
      const png = await getUnlimited(app, {
        scene,
        // WeChat wants the page without a leading slash and without a query.
        page: page.replace(/^\/+/, '').split('?')[0]!,
        // The page may not be published yet (trial and development versions).
        check_path: false,
        env_version: envVersion,
      })
      const uploaded = await app.uploadFile({ cloudPath: inviteCloudPath(scene), fileContent: png })
      if (!uploaded.fileID) throw new Error(`upload of ${inviteCloudPath(scene)} gave no fileID`)
      return uploaded.fileID
    },
  }
}

/** Where the code of a scene is stored: one file per scene, so making it again replaces it. */
export const inviteCloudPath = (scene: string) => `invites/${scene.replace(/[^0-9A-Za-z._=-]/g, '_')}.png`

export async function getUnlimited(app: WxOpenApiApp, params: Record<string, unknown>): Promise<Buffer> {
  const answer = await app.callCompatibleWxOpenApi({ apiName: WXACODE_API, requestData: encodeCommApiData(params) })
  if (!Buffer.isBuffer(answer)) {
    const { code, message } = (answer ?? {}) as { code?: string; message?: string }
    throw new WxOpenApiError(code ?? 'NO_ANSWER', message ?? 'no binary answer')
  }
  let response: OpenApiResponse
  try {
    response = decodeCommOpenApiResp(answer)
  } catch {
    // Not protobuf: CloudBase's own JSON error ({code, message}).
    const parsed = safeJson(answer.toString('utf8')) as { code?: string; message?: string } | null
    throw new WxOpenApiError(parsed?.code ?? 'BAD_ANSWER', parsed?.message ?? 'unreadable answer')
  }
  if (response.errorCode) throw new WxOpenApiError(response.errorCode, 'WeChat system error')
  if (/application\/json|text\/plain/.test(response.contentType)) {
    const parsed = safeJson(response.respData.toString('utf8')) as { errcode?: number; errmsg?: string } | null
    throw new WxOpenApiError(parsed?.errcode ?? 'NOT_AN_IMAGE', parsed?.errmsg ?? response.respData.toString('utf8'))
  }
  if (response.respData.length === 0) throw new WxOpenApiError('EMPTY', 'empty image')
  return response.respData
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

// --- protobuf, the two messages only -------------------------------------------------------------

function varint(value: number): Buffer {
  const bytes: number[] = []
  let v = value >>> 0
  while (v > 0x7f) {
    bytes.push((v & 0x7f) | 0x80)
    v >>>= 7
  }
  bytes.push(v)
  return Buffer.from(bytes)
}

const lengthDelimited = (field: number, content: Buffer) =>
  Buffer.concat([varint((field << 3) | 2), varint(content.length), content])

/** `CommApiData {1: apiType = OPEN_API (0), 2: openapiData {1: repeated KeyValuePair {1: key, 2: value}}}`. */
export function encodeCommApiData(params: Record<string, unknown>): Buffer {
  const pairs = Object.entries(params)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) =>
      lengthDelimited(
        1,
        Buffer.concat([lengthDelimited(1, Buffer.from(key, 'utf8')), lengthDelimited(2, Buffer.from(JSON.stringify(value), 'utf8'))]),
      ),
    )
  return Buffer.concat([Buffer.from([0x08, 0x00]), lengthDelimited(2, Buffer.concat(pairs))])
}

export interface OpenApiResponse {
  respData: Buffer
  contentType: string
  errorCode: number
}

/** `CommOpenApiResp {1: respData bytes, 2: contentType string, 3: errorCode int32, …}`; unknown fields skipped. */
export function decodeCommOpenApiResp(buffer: Buffer): OpenApiResponse {
  const out: OpenApiResponse = { respData: Buffer.alloc(0), contentType: '', errorCode: 0 }
  let pos = 0
  const readVarint = (): number => {
    let result = 0
    let shift = 0
    for (;;) {
      if (pos >= buffer.length) throw new Error('truncated varint')
      const byte = buffer[pos++]!
      if (shift < 32) result += (byte & 0x7f) * 2 ** shift
      shift += 7
      if ((byte & 0x80) === 0) return result
      if (shift > 70) throw new Error('varint too long')
    }
  }
  while (pos < buffer.length) {
    const tag = readVarint()
    const field = Math.floor(tag / 8)
    const wire = tag & 7
    if (wire === 0) {
      const value = readVarint()
      if (field === 3) out.errorCode = value | 0
    } else if (wire === 2) {
      const length = readVarint()
      if (pos + length > buffer.length) throw new Error('truncated field')
      const content = buffer.subarray(pos, pos + length)
      pos += length
      if (field === 1) out.respData = Buffer.from(content)
      else if (field === 2) out.contentType = content.toString('utf8').trim()
    } else if (wire === 1) pos += 8
    else if (wire === 5) pos += 4
    else throw new Error(`unsupported wire type ${wire}`)
    if (field === 0) throw new Error('field 0')
  }
  if (pos !== buffer.length) throw new Error('truncated message')
  return out
}
