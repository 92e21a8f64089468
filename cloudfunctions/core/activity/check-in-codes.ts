import { createHmac, timingSafeEqual } from 'node:crypto'

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

export function personalCodeFor(secret: string, openid: string): string {
  return `p.${Buffer.from(openid).toString('base64url')}.${mac(secret, `personal:${openid}`).subarray(0, 12).toString('base64url')}`
}

/** The member a personal code names, or null when it is not one of ours. */
export function openidFromPersonalCode(secret: string, code: string): string | null {
  const [prefix, encoded, signature] = code.split('.')
  if (prefix !== 'p' || !encoded || !signature) return null
  const openid = Buffer.from(encoded, 'base64url').toString('utf8')
  return same(code, personalCodeFor(secret, openid)) ? openid : null
}
