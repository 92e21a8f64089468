import { createHash } from 'node:crypto'
import type { IdempotencyStore } from '../../shared/ports'
import { COLLECTIONS, type Collections } from './collections'
import { checked, documentsOf, isDuplicateWrite, updatedCount } from './database'

/** Documents fetched (and then removed) per round of `forgetCaller`; the SDK caps a read at 1000. */
export const FORGET_PAGE_SIZE = 500
/** A ceiling on rounds, so a writer racing the loop cannot keep it going for ever (500k keys). */
export const FORGET_MAX_ROUNDS = 1000

/**
 * The document id of a (caller, requestId) key: deterministic, so the unique `_id` is what makes
 * the first write win; hashed, so any requestId characters and length make a valid id.
 */
export function idempotencyId(openid: string, requestId: string): string {
  return createHash('sha256').update(JSON.stringify([openid, requestId])).digest('hex')
}

/** The claim document of a key (see `claim`); it carries `openid`, so `forgetCaller` removes it too. */
export const claimId = (openid: string, requestId: string): string => `claim-${idempotencyId(openid, requestId)}`

export class CloudBaseIdempotencyStore implements IdempotencyStore {
  constructor(private readonly collections: Collections) {}

  async find(openid: string, requestId: string): Promise<string | null> {
    const id = idempotencyId(openid, requestId)
    const result = await this.collections.run(COLLECTIONS.idempotency, (c) => checked(c.doc(id).get()))
    const [doc] = documentsOf(result)
    if (!doc || doc.openid !== openid || doc.requestId !== requestId) return null
    return typeof doc.result === 'string' ? doc.result : null
  }

  /** An insert, never an upsert: a second write of the key fails as a duplicate and is dropped. */
  async remember(openid: string, requestId: string, result: string, at: string): Promise<void> {
    const document = { _id: idempotencyId(openid, requestId), openid, requestId, result, createdAt: at }
    try {
      await this.collections.run(COLLECTIONS.idempotency, (c) => checked(c.add(document)))
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
    }
  }

  /**
   * A claim is its own document, `_id` = `claim-<key id>`: the insert is atomic (a second one is
   * a duplicate), so of concurrent duplicates exactly one runs. A claim older than `staleBefore`
   * (its owner died) is taken over by a conditional update on the time it was made.
   */
  async claim(openid: string, requestId: string, at: string, staleBefore: string): Promise<boolean> {
    const _id = claimId(openid, requestId)
    let held = false
    try {
      await this.collections.run(COLLECTIONS.idempotency, (c) => checked(c.add({ _id, openid, requestId, claimedAt: at })))
      held = true
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
      const _ = this.collections.command
      const taken = await this.collections.run(COLLECTIONS.idempotency, (c) =>
        checked(c.where({ _id, claimedAt: _.lt(staleBefore) }).update({ claimedAt: at })),
      )
      held = updatedCount(taken) === 1
    }
    // A claim of a key that has its result already (remembered after a stale claim) runs nothing.
    return held && (await this.find(openid, requestId)) === null
  }

  async release(openid: string, requestId: string): Promise<void> {
    await this.collections.run(COLLECTIONS.idempotency, (c) => checked(c.doc(claimId(openid, requestId)).remove()))
  }

  /**
   * Removes the caller's keys a bounded page at a time: read up to FORGET_PAGE_SIZE ids, remove
   * exactly those, repeat until a page comes back short. No single call touches an unbounded set.
   */
  async forgetCaller(openid: string): Promise<void> {
    const _ = this.collections.command
    for (let round = 0; round < FORGET_MAX_ROUNDS; round += 1) {
      const page = await this.collections.run(COLLECTIONS.idempotency, (c) =>
        checked(c.where({ openid }).field({ _id: true }).limit(FORGET_PAGE_SIZE).get()),
      )
      const ids = documentsOf(page).map((doc) => doc._id)
      if (ids.length === 0) return
      await this.collections.run(COLLECTIONS.idempotency, (c) =>
        checked(c.where({ openid, _id: _.in(ids) }).remove()),
      )
      if (ids.length < FORGET_PAGE_SIZE) return
    }
    throw new Error(`forgetCaller: keys still left after ${FORGET_MAX_ROUNDS} rounds`)
  }
}
