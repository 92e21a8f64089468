import type { Deps } from './context'
import { AppError } from './errors'

/**
 * A sliding limit over the fixed-window RateLimiter port: each attempt is counted in two windows
 * offset by half a window, and passes only when both allow it. A window edge then never doubles
 * the budget in a short burst: any span shorter than half the window holds at most `max`
 * attempts (a single fixed window lets 2·max through in two seconds across its edge).
 */
export async function withinLimit(deps: Deps, key: string, max: number, windowMs: number): Promise<boolean> {
  const now = deps.clock.now().getTime()
  const first = await deps.store.rateLimits.attempt(`${key}#a`, max, windowMs, now)
  const second = await deps.store.rateLimits.attempt(`${key}#b`, max, windowMs, now + windowMs / 2)
  return first && second
}

/** Throws RATE_LIMITED with the Chinese message when the attempt is over the limit. */
export async function requireWithinLimit(deps: Deps, key: string, max: number, windowMs: number, message: string): Promise<void> {
  if (!(await withinLimit(deps, key, max, windowMs))) throw new AppError('RATE_LIMITED', message)
}

const MINUTE = 60_000

/** The limits of actions someone could repeat to flood others or guess (m-5, m-6). */
export const LIMITS = {
  /** Six-digit check-in codes: per member, and per activity across all its members. */
  checkInCodePerMember: { max: 5, windowMs: MINUTE },
  checkInCodePerActivity: (capacity: number) => ({ max: Math.max(60, capacity), windowMs: MINUTE }),
  /** Notices: per sender. */
  noticeSend: { max: 10, windowMs: 10 * MINUTE },
  /** Searches with words: per signed-in caller, and for all anonymous callers together. */
  searchPerCaller: { max: 60, windowMs: MINUTE },
  searchAnonymous: { max: 1200, windowMs: MINUTE },
  /** Join requests: per member (request → cancel churn notifies a station's leaders each time). */
  joinRequest: { max: 5, windowMs: 60 * MINUTE },
} as const
