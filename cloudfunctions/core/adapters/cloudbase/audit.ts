import type { AuditEntry, Page } from '../../../../types'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import type { AuditQuery, AuditStore } from '../../audit/ports'
import { COLLECTIONS, type Collections } from './collections'
import { checked, documentsOf, type RawDocument } from './database'
import { allOf, MAX_READ, textOrNull } from './docs'

function entryFromDocument(doc: RawDocument): AuditEntry {
  return {
    id: String(doc._id),
    at: String(doc.at),
    actorOpenid: String(doc.actorOpenid),
    actorRole: String(doc.actorRole),
    action: String(doc.action),
    stationId: textOrNull(doc.stationId),
    subjectOpenid: textOrNull(doc.subjectOpenid),
    summary: String(doc.summary),
  }
}

/**
 * The audit log in CloudBase: `audit_log`, `_id` = entry id, append-only. Index (at, _id),
 * (actorOpenid, at, _id) and (stationId, at, _id) for the list.
 */
export class CloudBaseAuditStore implements AuditStore {
  constructor(private readonly collections: Collections) {}

  async append(entry: AuditEntry): Promise<void> {
    const { id, ...rest } = entry
    await this.collections.run(COLLECTIONS.auditLog, (c) => checked(c.add({ _id: id, ...rest })))
  }

  /** Newest first by (at, _id), keyset cursor; `from` / `to` compare with `at` as the SQLite adapter does. */
  async list(query: AuditQuery): Promise<Page<AuditEntry>> {
    const _ = this.collections.command
    const after = decodeCursor(query.cursor, 2)
    const conditions: object[] = []
    if (query.actor) conditions.push({ actorOpenid: query.actor })
    if (query.stationId) conditions.push({ stationId: query.stationId })
    if (query.from) conditions.push({ at: _.gte(query.from) })
    if (query.to) conditions.push({ at: _.lte(query.to) })
    if (after) {
      const [at, id] = after
      conditions.push(_.or([{ at: _.lt(at) }, { at, _id: _.lt(id) }]) as object)
    }
    const result = await this.collections.run(COLLECTIONS.auditLog, (c) => {
      const filtered = conditions.length ? c.where(allOf(this.collections, conditions)) : c
      return checked(
        filtered
          .orderBy('at', 'desc')
          .orderBy('_id', 'desc')
          .limit(Math.min(query.limit + 1, MAX_READ))
          .get(),
      )
    })
    const docs = documentsOf(result)
    const items = docs.slice(0, query.limit).map(entryFromDocument)
    const last = items[items.length - 1]
    return { items, nextCursor: docs.length > query.limit && last ? encodeCursor([last.at, last.id]) : null }
  }

  /** One aggregate request: grouped by actor, latest first (sort and limit run in the service). */
  async actors(limit: number): Promise<{ openid: string; role: string; lastAt: string }[]> {
    const result = await this.collections.run(COLLECTIONS.auditLog, (c) =>
      checked(
        c
          .aggregate()
          .sort({ at: -1 })
          .group({ _id: '$actorOpenid', role: { $first: '$actorRole' }, lastAt: { $first: '$at' } })
          .sort({ lastAt: -1, _id: 1 })
          .limit(limit)
          .end(),
      ),
    )
    return documentsOf(result).map((d) => ({ openid: String(d._id), role: String(d.role), lastAt: String(d.lastAt) }))
  }
}
