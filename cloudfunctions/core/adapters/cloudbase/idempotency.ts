import { createHash } from 'node:crypto'
import type { Claim, IdempotencyStore } from '../../shared/ports'
import { COLLECTIONS, type Collections } from './collections'
import { checked, documentsOf, isDuplicateWrite } from './database'
import { getDocument, updateWhere } from './docs'

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

/** A key's one document: `result` is '' while its first run holds it (a claim), the answer after. */
const CLAIMED = ''

export class CloudBaseIdempotencyStore implements IdempotencyStore {
  constructor(private readonly collections: Collections) {}

  async find(openid: string, requestId: string): Promise<string | null> {
    const id = idempotencyId(openid, requestId)
    const result = await this.collections.run(COLLECTIONS.idempotency, (c) => checked(c.doc(id).get()))
    const [doc] = documentsOf(result)
    if (!doc || doc.openid !== openid || doc.requestId !== requestId) return null
    return typeof doc.result === 'string' && doc.result !== CLAIMED ? doc.result : null
  }

  /**
   * Fills in the key's claim (one conditional update, the open path), or inserts the key when no
   * claim was made; either way the first result stays: a filled key matches neither.
   */
  async remember(openid: string, requestId: string, result: string, at: string): Promise<void> {
    const _id = idempotencyId(openid, requestId)
    const filled = await updateWhere(this.collections, COLLECTIONS.idempotency, { _id, openid, result: CLAIMED }, { result, createdAt: at })
    if (filled === 1) return
    try {
      await this.collections.run(COLLECTIONS.idempotency, (c) => checked(c.add({ _id, openid, requestId, result, createdAt: at })))
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
    }
  }

  /**
   * The claim is an insert of the key's document with an empty result: atomic (a second insert is
   * a duplicate), so of concurrent duplicates exactly one runs, in one request. A duplicate reads
   * the document for the first run's answer; a claim older than `staleBefore` (its owner died) is
   * taken over by a conditional update on the time it was made.
   */
  async claim(openid: string, requestId: string, at: string, staleBefore: string): Promise<Claim> {
    const _id = idempotencyId(openid, requestId)
    try {
      await this.collections.run(COLLECTIONS.idempotency, (c) => checked(c.add({ _id, openid, requestId, result: CLAIMED, createdAt: at })))
      return { held: true }
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
    }
    const doc = await getDocument(this.collections, COLLECTIONS.idempotency, _id)
    if (doc && typeof doc.result === 'string' && doc.result !== CLAIMED) return { held: false, result: doc.openid === openid ? doc.result : null }
    const _ = this.collections.command
    const taken = await updateWhere(this.collections, COLLECTIONS.idempotency, { _id, openid, result: CLAIMED, createdAt: _.lt(staleBefore) }, { createdAt: at })
    return taken === 1 ? { held: true } : { held: false, result: null }
  }

  async release(openid: string, requestId: string): Promise<void> {
    const _id = idempotencyId(openid, requestId)
    await this.collections.run(COLLECTIONS.idempotency, (c) => checked(c.where({ _id, openid, result: CLAIMED }).remove()))
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
