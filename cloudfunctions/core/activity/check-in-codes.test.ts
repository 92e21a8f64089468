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
    const forged = `p.${Buffer.from('openid-someone').toString('base64url')}.${code.split('.')[2]}`
    expect(openidFromPersonalCode(SECRET, forged)).toBeNull()
    expect(openidFromPersonalCode(SECRET, 'not-a-code')).toBeNull()
  })
})
