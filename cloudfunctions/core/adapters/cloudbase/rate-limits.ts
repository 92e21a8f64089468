import { createHash } from 'node:crypto'
import type { RateLimiter } from '../../shared/ports'
import { COLLECTIONS, type Collections } from './collections'
import { checked, isDuplicateWrite } from './database'
import { getDocument, updateWhere } from './docs'

/** `_id` of a key's counter: sha256 hex, so any key makes a valid id. */
export const rateLimitId = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex')

const ATTEMPTS = 4

/**
 * Fixed-window counters in CloudBase: `rate_limits`, one document per key {key, windowStart,
 * count}. An attempt is one conditional increment `where({_id, windowStart, count: _.lt(max)})
 * .update({count: _.inc(1)})`: concurrent attempts never let more than `max` through in a window.
 * When it does not match, the document is read: missing → insert (a duplicate means a racing
 * first attempt: try again); an older window → reset conditioned on that old window; the same
 * window → over the limit, unless it has room left (a racing first attempt made it after the
 * increment missed): try again.
 */
export class CloudBaseRateLimiter implements RateLimiter {
  constructor(private readonly collections: Collections) {}

  async attempt(key: string, max: number, windowMs: number, now: number): Promise<boolean> {
    const _ = this.collections.command
    const _id = rateLimitId(key)
    const windowStart = Math.floor(now / windowMs) * windowMs
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const counted = await updateWhere(
        this.collections,
        COLLECTIONS.rateLimits,
        { _id, windowStart, count: _.lt(max) },
        { count: _.inc(1) },
      )
      if (counted === 1) return true
      const doc = await getDocument(this.collections, COLLECTIONS.rateLimits, _id)
      if (!doc) {
        if (max < 1) return false
        try {
          await this.collections.run(COLLECTIONS.rateLimits, (c) => checked(c.add({ _id, key, windowStart, count: 1 })))
          return true
        } catch (error) {
          if (!isDuplicateWrite(error)) throw error
          continue
        }
      }
      const current = typeof doc.windowStart === 'number' ? doc.windowStart : 0
      // Room left in this window: the document appeared (or was reset) between the increment and
      // the read, by a racing attempt: count again rather than refuse.
      if (current === windowStart && typeof doc.count === 'number' && doc.count < max) continue
      if (current >= windowStart) return false
      const reset = await updateWhere(
        this.collections,
        COLLECTIONS.rateLimits,
        { _id, windowStart: current },
        { windowStart, count: max < 1 ? 0 : 1 },
      )
      if (reset === 1) return max >= 1
    }
    // Lost every race to other attempts of the same key in this instant: treat as over the limit.
    return false
  }
}
