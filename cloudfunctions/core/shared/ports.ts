/** Ports every area uses: retry-safe writes and attempt counting. */

/** Results of writes keyed by (caller, requestId), so that a retry returns the first result. */
export interface IdempotencyStore {
  find(openid: string, requestId: string): Promise<string | null>
  /** Keeps the first result stored under the key; a later one is ignored. */
  remember(openid: string, requestId: string, result: string, at: string): Promise<void>
  /** Forgets everything remembered for this caller (their results may hold personal data). */
  forgetCaller(openid: string): Promise<void>
}

export interface RateLimiter {
  /** Counts one attempt for `key`; false when it is over `max` within `windowMs`. */
  attempt(key: string, max: number, windowMs: number, now: number): Promise<boolean>
}
