import { randomUUID } from 'node:crypto'
import { decodeCursor } from '../../shared/cursor'
import type { CollectionName, Collections } from './collections'
import { checked, documentsOf, isDuplicateWrite, updatedCount, type RawDocument } from './database'

/**
 * Generic helpers of the CloudBase adapter, shared by every store: reading one document,
 * conditional updates, combining conditions, keyset pages, lock documents, bounded fan-out, the
 * property lists of records, and reading stored values.
 */

/** The SDK caps one read at 1000 documents. */
export const MAX_READ = 1000

/** Documents per round of a bulk change, and a ceiling on rounds: no call touches an unbounded set. */
export const SWEEP_PAGE_SIZE = 500
export const SWEEP_MAX_ROUNDS = 200

/**
 * At most this many requests of one call in flight at once. The basic plan allows about 20
 * concurrent database requests for the whole environment (audit D5), shared by every call.
 */
export const MAX_PARALLEL_REQUESTS = 5

/** A fresh revision token: writes that read-modify-write are conditioned on the one they read. */
export const newRev = (): string => randomUUID()

export async function getDocument(collections: Collections, name: CollectionName, id: string): Promise<RawDocument | null> {
  const result = await collections.run(name, (c) => checked(c.doc(id).get()))
  return documentsOf(result)[0] ?? null
}

export async function updateWhere(collections: Collections, name: CollectionName, where: object, data: object): Promise<number> {
  return updatedCount(await collections.run(name, (c) => checked(c.where(where).update(data))))
}

/** One condition from several (CloudBase `_.and`), or the single one as it is. */
export function allOf(collections: Collections, conditions: object[]): object {
  return conditions.length === 1 ? conditions[0]! : (collections.command.and(conditions) as object)
}

/** A keyset-paged read: its filters, the two properties it is ordered by (the second unique), and which way. */
export interface KeysetQuery {
  where: object[]
  orderBy: readonly [string, string]
  direction: 'asc' | 'desc'
  cursor: string | null
  limit: number
}

/**
 * One page of a keyset-paged read: the documents after the cursor's pair of values, in order, and
 * whether more follow (it reads one document beyond `limit` to tell). The caller maps the
 * documents and encodes the next cursor from the last one's pair.
 */
export async function keysetPage(
  collections: Collections,
  name: CollectionName,
  { where, orderBy, direction, cursor, limit }: KeysetQuery,
): Promise<{ docs: RawDocument[]; more: boolean }> {
  const _ = collections.command
  const [first, second] = orderBy
  const beyond = (value: string | number) => (direction === 'asc' ? _.gt(value) : _.lt(value))
  const after = decodeCursor(cursor, 2)
  const conditions = [...where]
  if (after) {
    const [a, b] = after
    conditions.push(_.or([{ [first]: beyond(a) }, { [first]: a, [second]: beyond(b) }]) as object)
  }
  const docs = documentsOf(
    await collections.run(name, (c) =>
      checked(
        c
          .where(allOf(collections, conditions))
          .orderBy(first, direction)
          .orderBy(second, direction)
          .limit(Math.min(limit + 1, MAX_READ))
          .get(),
      ),
    ),
  )
  return { docs: docs.slice(0, limit), more: docs.length > limit }
}

/** A lock document to insert: its `_id`, its properties, and which of them names who holds it. */
export interface LockClaim {
  _id: string
  document: Record<string, string>
  holder: string
}

/**
 * Inserts the lock document (a duplicate means it is held). Held by the same holder: claimed.
 * Held by another: when `isStale(lock)`, removes it, conditioned on that holder so a fresh claim
 * by someone else stays, and inserts once more.
 */
export async function claimLock(
  collections: Collections,
  name: CollectionName,
  { _id, document, holder }: LockClaim,
  isStale: (lock: RawDocument) => Promise<boolean>,
): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await collections.run(name, (c) => checked(c.add({ _id, ...document, lockedAt: Date.now() })))
      return true
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
    }
    const lock = await getDocument(collections, name, _id)
    if (!lock) continue
    if (lock[holder] === document[holder]) return true
    if (!(await isStale(lock))) return false
    await collections.run(name, (c) => checked(c.where({ _id, [holder]: lock[holder] ?? null }).remove()))
  }
  return false
}

/**
 * The property names of a record type, listed once as a `Record<K, true>` so that the compiler
 * insists on every one of them (a plain array could silently miss one).
 */
export const propertyNames = <K extends string>(all: Record<K, true>): K[] => Object.keys(all) as K[]

/** Maps over `items` with at most `limit` calls of `fn` pending at once, keeping the order. */
export async function mapBounded<T, R>(items: readonly T[], fn: (item: T) => Promise<R>, limit = MAX_PARALLEL_REQUESTS): Promise<R[]> {
  const results: R[] = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next
      next += 1
      results[index] = await fn(items[index]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

export const text = (value: unknown): string => (typeof value === 'string' ? value : '')
export const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null)
export const num = (value: unknown): number => (typeof value === 'number' ? value : 0)
