import { createHash } from 'node:crypto'
import type { StationRecord } from '../../station/ports'
import { COLLECTIONS, type Collections } from './collections'
import { checked, type RawDocument } from './database'
import { getDocument, newRev, text, textOrNull, updateWhere } from './docs'

/**
 * Shared pieces of the CloudBase stations adapter (stations.ts, membership.ts).
 *
 * Every intent method is a sequence of single-document conditional writes, ordered so that a
 * function that dies between two of them leaves a state that is safe (rights fail closed) and that
 * the next call repairs or ignores. (node-sdk has transactions, `db.runTransaction`, but only over
 * single-document operations: no `where()` condition, no query, no count inside. They are used
 * where the steps need no condition beyond what the transaction reads: membership.ts
 * `approveRequest`.)
 * Uniqueness that MongoDB would need a partial unique index for is kept by lock documents in
 * `station_locks`, whose deterministic `_id` makes a second insert fail (DATABASE_DUPLICATE_WRITE).
 */

/** Attempts of an optimistic (`rev`-conditioned) station write before giving up. */
export const STATION_WRITE_ATTEMPTS = 5
/**
 * A lock whose owner is missing (or not yet in the state it locks for) is only taken over after
 * this long: an owner that is alive finishes its next step well within a function's timeout.
 */
export const LOCK_GRACE_MS = 15 * 60 * 1000

/** `_id` of the lock that keeps one open station per university: sha256 hex of the university. */
export function universityLockId(university: string): string {
  return createHash('sha256').update(university, 'utf8').digest('hex')
}

/** `_id` of the lock that keeps one pending join request per member. */
export const pendingLockId = (openid: string): string => `pending-${openid}`


export function stationFromDocument(doc: RawDocument): StationRecord {
  return {
    id: String(doc._id),
    name: text(doc.name),
    university: text(doc.university),
    city: text(doc.city),
    intro: text(doc.intro),
    status: doc.status === 'open' ? 'open' : 'closed',
    headOpenid: textOrNull(doc.headOpenid),
    deputyOpenids: Array.isArray(doc.deputyOpenids) ? doc.deputyOpenids.map(String) : [],
    createdAt: text(doc.createdAt),
    updatedAt: text(doc.updatedAt),
    closedAt: textOrNull(doc.closedAt),
    isDemo: doc.isDemo === true,
  }
}

/**
 * Takes the member out of the station's head / deputy references (a `rev`-conditioned write,
 * retried when another write got in between). True when there was a reference to drop.
 */
export async function dropLeaderReference(
  collections: Collections,
  stationId: string,
  openid: string,
  at: string,
): Promise<boolean> {
  for (let attempt = 0; attempt < STATION_WRITE_ATTEMPTS; attempt += 1) {
    const doc = await getDocument(collections, COLLECTIONS.stations, stationId)
    if (!doc) return false
    const station = stationFromDocument(doc)
    if (station.headOpenid !== openid && !station.deputyOpenids.includes(openid)) return false
    const updated = await updateWhere(
      collections,
      COLLECTIONS.stations,
      { _id: stationId, rev: doc.rev ?? null },
      {
        headOpenid: station.headOpenid === openid ? null : station.headOpenid,
        deputyOpenids: station.deputyOpenids.filter((d) => d !== openid),
        updatedAt: at,
        rev: newRev(),
      },
    )
    if (updated === 1) return true
  }
  throw new Error(`station ${stationId}: leaders kept changing, try again`)
}

/**
 * Station history, which notices read to know who was in a station when (notices.ts): a period
 * per stay, `{openid, stationId, joinedAt, leftAt}`. A join opens one (`stationStay`, written in
 * the approval's transaction); a leave closes the open one. Leaves are recorded before the member
 * record changes: a crash in between leaves the member in the station with a closed period,
 * and readers fall back to the member's current station, so nobody sees what they should not.
 */
/** A stay's document: deterministic, so a retried join adds nothing. */
export function stationStay(openid: string, stationId: string, at: string) {
  return { _id: `${openid}:${stationId}:${at}`, openid, stationId, joinedAt: at, leftAt: null }
}

export async function recordStationLeave(collections: Collections, openids: string[], stationId: string, at: string): Promise<void> {
  if (openids.length === 0) return
  const _ = collections.command
  await collections.run(COLLECTIONS.stationMemberships, (c) =>
    checked(c.where({ openid: _.in(openids), stationId, leftAt: null }).update({ leftAt: at })),
  )
}
