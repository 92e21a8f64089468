import {
  openidFromPersonalCode,
  personalCodeFor,
  ROTATION_SECONDS,
  shortCodeFor,
  shortCodeMatches,
  tokenFor,
  tokenMatches,
  windowOf,
} from './check-in-codes'

const SECRET = 'test-secret-0123456789'
const T0 = Date.parse('2026-07-01T09:00:00.000+08:00')
const S = 1000

describe('check-in codes', () => {
  it('the short code is six digits, and changes every window', () => {
    const w = windowOf(T0)
    expect(shortCodeFor(SECRET, 'a1', w)).toMatch(/^\d{6}$/)
    expect(shortCodeFor(SECRET, 'a1', w)).not.toBe(shortCodeFor(SECRET, 'a1', w + 1))
  })

  it('a code read just before it turns still works one window later, not two', () => {
    const token = tokenFor(SECRET, 'a1', windowOf(T0))
    const code = shortCodeFor(SECRET, 'a1', windowOf(T0))
    expect(tokenMatches(SECRET, 'a1', token, T0)).toBe(true)
    expect(tokenMatches(SECRET, 'a1', token, T0 + ROTATION_SECONDS * S)).toBe(true)
    expect(shortCodeMatches(SECRET, 'a1', code, T0 + ROTATION_SECONDS * S)).toBe(true)
    expect(tokenMatches(SECRET, 'a1', token, T0 + 2 * ROTATION_SECONDS * S)).toBe(false)
    expect(shortCodeMatches(SECRET, 'a1', code, T0 + 2 * ROTATION_SECONDS * S)).toBe(false)
  })

  it("another activity's code, or one made with another secret, does not check in", () => {
    const token = tokenFor(SECRET, 'a1', windowOf(T0))
    expect(tokenMatches(SECRET, 'a2', token, T0)).toBe(false)
    expect(tokenMatches('other-secret-0123456789', 'a1', token, T0)).toBe(false)
    expect(shortCodeMatches(SECRET, 'a1', 'abc', T0)).toBe(false)
  })

  it('a personal code names its member, and a forged one names nobody', () => {
    const code = personalCodeFor(SECRET, 'openid-李明')
    expect(openidFromPersonalCode(SECRET, code)).toBe('openid-李明')
    expect(openidFromPersonalCode(SECRET, personalCodeFor('another-secret-0123456789', 'openid-someone'))).toBeNull()
    expect(openidFromPersonalCode(SECRET, 'not-a-code')).toBeNull()
  })
})

describe('personal check-in codes (m-3)', () => {
  it('name the member to the server without showing their openid to whoever sees the code', () => {
    const openid = 'oAbCdEfGhIjKlMnOpQrStUvWxYz1'
    const code = personalCodeFor(SECRET, openid)
    expect(code).not.toContain(openid)
    expect(code).not.toContain(Buffer.from(openid).toString('base64url'))
    expect(personalCodeFor(SECRET, openid)).toBe(code)
    expect(openidFromPersonalCode(SECRET, code)).toBe(openid)
  })

  it('refuses altered codes and the old readable form', () => {
    const code = personalCodeFor(SECRET, 'member-1')
    const altered = `${code.slice(0, -2)}${code.endsWith('A') ? 'B' : 'A'}${code.slice(-1)}`
    expect(openidFromPersonalCode(SECRET, altered)).toBeNull()
    expect(openidFromPersonalCode(SECRET, `p.${Buffer.from('member-1').toString('base64url')}.x`)).toBeNull()
    expect(openidFromPersonalCode(SECRET, 'q.')).toBeNull()
  })

  it('keeps a 64-character openid within the 128-character limit of the schema', () => {
    expect(personalCodeFor(SECRET, 'x'.repeat(64)).length).toBeLessThanOrEqual(128)
  })
})
