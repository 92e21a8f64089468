/**
 * The protobuf envelopes of WeChat's open-API door (`callCompatibleWxOpenApi`), for tests of the
 * adapters that use it: WeChat's answer wrapped as the door returns it, and a request read back.
 */
/** A protobuf CommOpenApiResp {1: respData, 2: contentType} carrying WeChat's JSON answer. */
export function answerOf(json: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(json))
  const type = Buffer.from('application/json')
  const varint = (n: number) => (n < 128 ? [n] : [(n & 0x7f) | 0x80, n >> 7])
  return Buffer.concat([Buffer.from([0x0a, ...varint(body.length)]), body, Buffer.from([0x12, type.length]), type])
}

/** The key/value pairs of a CommApiData request (protobuf: varint tags and lengths), values as JSON. */
export function paramsOf(message: Buffer): Record<string, unknown> {
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
