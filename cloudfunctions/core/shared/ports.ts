/** Ports every area uses: retry-safe writes and attempt counting. */

/** Results of writes keyed by (caller, requestId), so that a retry returns the first result. */
/** What `IdempotencyStore.claim` found: the key is ours, or the first run's result (null while it runs). */
export type Claim = { held: true } | { held: false; result: string | null }

export interface IdempotencyStore {
  find(openid: string, requestId: string): Promise<string | null>
  /** Keeps the first result stored under the key; a later one is ignored. */
  remember(openid: string, requestId: string, result: string, at: string): Promise<void>
  /**
   * Reserves the key for a write about to run, so that concurrent duplicates do not both run, and
   * in the same step tells a retry what is there: `held` when this call holds it; otherwise the
   * remembered result, or null while another holds it (a claim made after `staleBefore`, whose
   * owner may still be running). One round trip on the open path (issue 10's request budget).
   */
  claim(openid: string, requestId: string, at: string, staleBefore: string): Promise<Claim>
  /** Gives a claim up when its write failed unexpectedly, so that a retry runs afresh. */
  release(openid: string, requestId: string): Promise<void>
  /** Forgets everything remembered for this caller (their results may hold personal data). */
  forgetCaller(openid: string): Promise<void>
}

export interface RateLimiter {
  /** Counts one attempt for `key`; false when it is over `max` within `windowMs`. */
  attempt(key: string, max: number, windowMs: number, now: number): Promise<boolean>
}
