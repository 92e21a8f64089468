import { randomUUID } from 'node:crypto'
import type { CollectionName, Collections } from './collections'
import { checked, documentsOf, updatedCount, type RawDocument } from './database'

/**
 * Generic helpers of the CloudBase adapter, shared by every store: reading one document,
 * conditional updates, combining conditions, bounded fan-out, and reading stored values.
 */

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
