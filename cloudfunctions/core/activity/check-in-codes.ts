import { createCipheriv, createDecipheriv, createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Check-in codes, derived from a server secret so nothing needs storing: a QR token and a 6-digit
 * short code that rotate every 30 s (the previous window stays valid, so a code read just before
 * it turns still works), and a personal code that names a member for staff to scan.
 */
export const ROTATION_SECONDS = 30

const mac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest()

export const windowOf = (nowMs: number) => Math.floor(nowMs / (ROTATION_SECONDS * 1000))

export function tokenFor(secret: string, activityId: string, window: number): string {
  return mac(secret, `token:${activityId}:${window}`).subarray(0, 12).toString('base64url')
}

export function shortCodeFor(secret: string, activityId: string, window: number): string {
  return String(mac(secret, `short:${activityId}:${window}`).readUInt32BE(0) % 1_000_000).padStart(6, '0')
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

/** True for the current or the previous window's token of this activity (never another's). */
export function tokenMatches(secret: string, activityId: string, token: string, nowMs: number): boolean {
  const w = windowOf(nowMs)
  return same(token, tokenFor(secret, activityId, w)) || same(token, tokenFor(secret, activityId, w - 1))
}

export function shortCodeMatches(secret: string, activityId: string, code: string, nowMs: number): boolean {
  const w = windowOf(nowMs)
  return same(code, shortCodeFor(secret, activityId, w)) || same(code, shortCodeFor(secret, activityId, w - 1))
}

/**
 * A member's personal code names them to staff or a helper without showing their openid to
 * whoever sees the code (m-3): the openid sealed with AES-256-GCM under a key derived from the
 * secret. The nonce is derived from the openid, so a member's code is stable and needs no storage.
 */
const personalKey = (secret: string) => mac(secret, 'personal-key')
const personalNonce = (secret: string, openid: string) => mac(secret, `personal-nonce:${openid}`).subarray(0, 12)

export function personalCodeFor(secret: string, openid: string): string {
  const nonce = personalNonce(secret, openid)
  const cipher = createCipheriv('aes-256-gcm', personalKey(secret), nonce)
  const sealed = Buffer.concat([cipher.update(openid, 'utf8'), cipher.final()])
  return `q.${Buffer.concat([nonce, sealed, cipher.getAuthTag()]).toString('base64url')}`
}

/** The member a personal code names, or null when it is not one of ours. */
export function openidFromPersonalCode(secret: string, code: string): string | null {
  const [prefix, encoded, extra] = code.split('.')
  if (prefix !== 'q' || !encoded || extra !== undefined) return null
  const bytes = Buffer.from(encoded, 'base64url')
  if (bytes.length < 12 + 1 + 16) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', personalKey(secret), bytes.subarray(0, 12))
    decipher.setAuthTag(bytes.subarray(bytes.length - 16))
    const openid = Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8')
    return same(code, personalCodeFor(secret, openid)) ? openid : null
  } catch {
    return null
  }
}
