import { openidFromPersonalCode, personalCodeFor } from './check-in-codes'

const SECRET = 'test-check-in-secret-0123456789'

describe('personal check-in codes (m-3)', () => {
  it('name the member to the server without showing their openid to whoever sees the code', () => {
    const openid = 'oAbCdEfGhIjKlMnOpQrStUvWxYz1'
    const code = personalCodeFor(SECRET, openid)
    expect(code).not.toContain(openid)
    expect(code).not.toContain(Buffer.from(openid).toString('base64url'))
    expect(code.length).toBeLessThanOrEqual(128)
    expect(personalCodeFor(SECRET, openid)).toBe(code)
    expect(openidFromPersonalCode(SECRET, code)).toBe(openid)
  })

  it('refuses codes made with another secret, altered, or in the old readable form', () => {
    const code = personalCodeFor(SECRET, 'member-1')
    expect(openidFromPersonalCode('another-secret-0123456789abcdef', code)).toBeNull()
    const altered = `${code.slice(0, -2)}${code.endsWith('A') ? 'B' : 'A'}${code.slice(-1)}`
    expect(openidFromPersonalCode(SECRET, altered)).toBeNull()
    expect(openidFromPersonalCode(SECRET, `p.${Buffer.from('member-1').toString('base64url')}.x`)).toBeNull()
    expect(openidFromPersonalCode(SECRET, 'q.')).toBeNull()
  })

  it('keeps a 64-character openid within the 128-character limit of the schema', () => {
    expect(personalCodeFor(SECRET, 'x'.repeat(64)).length).toBeLessThanOrEqual(128)
  })
})
