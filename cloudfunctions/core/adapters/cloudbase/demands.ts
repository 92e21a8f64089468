import type { Demand, Interest, Page, ShareableField } from '../../../../types'
import { LEAGUE_CONTACT } from '../../../../types'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import type { DemandChanges, DemandQuery, DemandRecord, DemandStore } from '../../policy/ports'
import { COLLECTIONS, type Collections } from './collections'
import { checked, deletedCount, documentsOf, isDuplicateWrite, totalOf, type RawDocument } from './database'
import { allOf, getDocument, keysetPage, mapBounded, MAX_READ, propertyNames, SWEEP_MAX_ROUNDS, SWEEP_PAGE_SIZE, text, updateWhere } from './docs'

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' ? value : null)

export function demandFromDocument(doc: RawDocument, interestCount: number): Demand {
  return {
    id: String(doc._id),
    employer: text(doc.employer),
    position: text(doc.position),
    field: text(doc.field),
    degree: text(doc.degree),
    headcount: typeof doc.headcount === 'number' ? doc.headcount : 0,
    place: text(doc.place),
    salaryMin: numberOrNull(doc.salaryMin),
    salaryMax: numberOrNull(doc.salaryMax),
    deadline: text(doc.deadline),
    description: text(doc.description),
    contact: LEAGUE_CONTACT,
    status: doc.status === 'closed' ? 'closed' : 'open',
    platformId: typeof doc.platformId === 'string' ? doc.platformId : null,
    interestCount,
    createdAt: text(doc.createdAt),
    updatedAt: text(doc.updatedAt),
  }
}

const CHANGEABLE_KEYS = propertyNames<keyof DemandChanges>({
  employer: true,
  position: true,
  field: true,
  degree: true,
  headcount: true,
  place: true,
  salaryMin: true,
  salaryMax: true,
  deadline: true,
  description: true,
  platformId: true,
})

export const interestId = (demandId: string, openid: string) => `${demandId}:${openid}`

/**
 * Demands in CloudBase: `demands`, `_id` = demand id, the record's camelCase properties. Interests:
 * `demand_interests`, `_id` = `${demandId}:${openid}` (one per member: a second `add` fails as a
 * duplicate), {demandId, openid, share, shared, at}. `interestCount` is not stored: it is counted
 * from the interests (`count()`, or one bounded tally for a list, see counts()), so it can never
 * drift from them.
 *
 * Word search: each word a case-insensitive escaped `db.RegExp` on employer, position or
 * description, the words ANDed; lists are bounded pages (keyset on deadline, _id).
 *
 * Indexes: `demands` (status, deadline, _id), (status, field, deadline); `demand_interests`
 * (demandId, at, openid), (openid).
 */
export class CloudBaseDemandStore implements DemandStore {
  constructor(private readonly collections: Collections) {}

  private get _() {
    return this.collections.command
  }

  async create(d: DemandRecord): Promise<void> {
    const { id, ...rest } = d
    await this.collections.run(COLLECTIONS.demands, (c) => checked(c.add({ _id: id, ...rest })))
  }

  async get(id: string): Promise<Demand | null> {
    const doc = await getDocument(this.collections, COLLECTIONS.demands, id)
    if (!doc) return null
    const [count] = await this.counts([id])
    return demandFromDocument(doc, count ?? 0)
  }

  async update(id: string, changes: DemandChanges, at: string): Promise<Demand | null> {
    const data: Record<string, unknown> = { updatedAt: at }
    for (const key of CHANGEABLE_KEYS) if (changes[key] !== undefined) data[key] = changes[key]
    await this.collections.run(COLLECTIONS.demands, (c) => checked(c.doc(id).update(data)))
    return this.get(id)
  }

  async close(id: string, at: string): Promise<boolean> {
    return (await updateWhere(this.collections, COLLECTIONS.demands, { _id: id, status: 'open' }, { status: 'closed', updatedAt: at })) === 1
  }

  async list(q: DemandQuery): Promise<Page<Demand>> {
    const _ = this._
    const after = decodeCursor(q.cursor, 2)
    const conditions: object[] = []
    if (!q.includeClosed) conditions.push({ status: 'open' })
    for (const word of q.words) {
      conditions.push(_.or(['employer', 'position', 'description'].map((p) => ({ [p]: this.collections.contains(word) }))) as object)
    }
    if (q.field) conditions.push({ field: q.field })
    if (q.degree) conditions.push({ degree: q.degree })
    if (after) {
      const [deadline, id] = after
      conditions.push(_.or([{ deadline: _.gt(deadline) }, { deadline, _id: _.gt(id) }]) as object)
    }
    const docs = documentsOf(
      await this.collections.run(COLLECTIONS.demands, (c) =>
        checked(
          (conditions.length > 0 ? c.where(allOf(this.collections, conditions)) : c)
            .orderBy('deadline', 'asc')
            .orderBy('_id', 'asc')
            .limit(Math.min(q.limit + 1, MAX_READ))
            .get(),
        ),
      ),
    )
    const items = await this.withCounts(docs.slice(0, q.limit))
    const last = items[items.length - 1]
    return { items, nextCursor: docs.length > q.limit && last ? encodeCursor([last.deadline, last.id]) : null }
  }

  async openInFields(fields: string[], limit: number): Promise<Demand[]> {
    if (fields.length === 0 || limit <= 0) return []
    const docs = documentsOf(
      await this.collections.run(COLLECTIONS.demands, (c) =>
        checked(
          c
            .where({ status: 'open', field: this._.in(fields) })
            .orderBy('deadline', 'asc')
            .orderBy('_id', 'asc')
            .limit(Math.min(limit, MAX_READ))
            .get(),
        ),
      ),
    )
    return this.withCounts(docs)
  }

  /** An insert under the deterministic id: the duplicate of a second registration is `false`. */
  async registerInterest(i: Interest & { share: ShareableField[] }): Promise<boolean> {
    const document = { _id: interestId(i.demandId, i.openid), demandId: i.demandId, openid: i.openid, share: i.share, shared: i.shared, at: i.at }
    try {
      await this.collections.run(COLLECTIONS.demandInterests, (c) => checked(c.add(document)))
      return true
    } catch (error) {
      if (isDuplicateWrite(error)) return false
      throw error
    }
  }

  async withdrawInterest(demandId: string, openid: string): Promise<boolean> {
    const result = await this.collections.run(COLLECTIONS.demandInterests, (c) => checked(c.doc(interestId(demandId, openid)).remove()))
    return deletedCount(result) === 1
  }

  async interestOf(demandId: string, openid: string): Promise<{ share: ShareableField[]; at: string } | null> {
    const doc = await getDocument(this.collections, COLLECTIONS.demandInterests, interestId(demandId, openid))
    if (!doc) return null
    return { share: Array.isArray(doc.share) ? (doc.share as ShareableField[]) : [], at: text(doc.at) }
  }

  /** By (at, openid), keyset cursor. */
  async interests(demandId: string, cursor: string | null, limit: number): Promise<Page<Interest>> {
    const { docs, more } = await keysetPage(this.collections, COLLECTIONS.demandInterests, {
      where: [{ demandId }],
      orderBy: ['at', 'openid'],
      direction: 'asc',
      cursor,
      limit,
    })
    const items: Interest[] = docs.map((d) => ({
      demandId: text(d.demandId),
      openid: text(d.openid),
      at: text(d.at),
      shared: (typeof d.shared === 'object' && d.shared !== null ? d.shared : {}) as Interest['shared'],
    }))
    const last = items[items.length - 1]
    return { items, nextCursor: more && last ? encodeCursor([last.at, last.openid]) : null }
  }

  async forgetMember(openid: string): Promise<void> {
    const _ = this._
    for (let round = 0; round < SWEEP_MAX_ROUNDS; round += 1) {
      const ids = documentsOf(
        await this.collections.run(COLLECTIONS.demandInterests, (c) =>
          checked(c.where({ openid }).field({ _id: true }).limit(SWEEP_PAGE_SIZE).get()),
        ),
      ).map((d) => d._id)
      if (ids.length === 0) return
      await this.collections.run(COLLECTIONS.demandInterests, (c) => checked(c.where({ openid, _id: _.in(ids) }).remove()))
      if (ids.length < SWEEP_PAGE_SIZE) return
    }
    throw new Error(`forgetMember: interests still left after ${SWEEP_MAX_ROUNDS} rounds`)
  }

  private async withCounts(docs: RawDocument[]): Promise<Demand[]> {
    const counts = await this.counts(docs.map((d) => String(d._id)))
    return docs.map((d, i) => demandFromDocument(d, counts[i] ?? 0))
  }

  /**
   * The interest count of each demand. One demand (get): `count()`. Several (a list page, up to
   * 200 for matching): one read of their interests' `demandId`s, tallied, when it comes back short
   * of MAX_READ (exact: every interest was read); otherwise `count()` per demand, at most
   * MAX_PARALLEL_REQUESTS at a time (docs.ts).
   */
  private async counts(ids: string[]): Promise<number[]> {
    if (ids.length === 0) return []
    if (ids.length > 1) {
      const docs = documentsOf(
        await this.collections.run(COLLECTIONS.demandInterests, (c) =>
          checked(c.where({ demandId: this._.in(ids) }).field({ demandId: true }).limit(MAX_READ).get()),
        ),
      )
      if (docs.length < MAX_READ) {
        const tally = new Map<string, number>()
        for (const d of docs) tally.set(String(d.demandId), (tally.get(String(d.demandId)) ?? 0) + 1)
        return ids.map((id) => tally.get(id) ?? 0)
      }
    }
    const counts = await mapBounded(ids, async (demandId) =>
      totalOf(await this.collections.run(COLLECTIONS.demandInterests, (c) => checked(c.where({ demandId }).count()))),
    )
    return counts
  }
}
