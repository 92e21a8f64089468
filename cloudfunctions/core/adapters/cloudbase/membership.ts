import type { JoinRequest, Page, RosterFilters } from '../../../../types'
import { encodeCursor } from '../../shared/cursor'
import { toIsoString } from '../../shared/clock'
import type { MemberRecord } from '../../member/ports'
import type { ApproveOutcome, JoinRequestRecord, MembershipStore } from '../../station/ports'
import { COLLECTIONS, type Collections } from './collections'
import { checked, documentsOf, isDuplicateWrite, type RawDocument } from './database'
import { memberFromDocument } from './members'
import { dropLeaderReference, LOCK_GRACE_MS, pendingLockId, recordStationLeave, stationStay } from './station-docs'
import { claimLock, getDocument, keysetPage, MAX_READ, SWEEP_MAX_ROUNDS, SWEEP_PAGE_SIZE, text, textOrNull, updateWhere } from './docs'

function requestFromDocument(doc: RawDocument): JoinRequestRecord {
  return {
    id: String(doc._id),
    stationId: text(doc.stationId),
    openid: text(doc.openid),
    note: text(doc.note),
    status: doc.status as JoinRequest['status'],
    reason: text(doc.reason),
    createdAt: text(doc.createdAt),
    decidedAt: textOrNull(doc.decidedAt),
    decidedBy: textOrNull(doc.decidedBy),
  }
}

/**
 * Join requests and station membership in CloudBase. Documents: `join_requests` (`_id` = request
 * id, the record's properties); `station_locks` `pending-<openid>` ({openid, requestId,
 * stationId, lockedAt}) while the member has a pending request; a member's station is
 * `members.stationId` / `stationJoinedAt` (members.ts).
 */
export class CloudBaseMembershipStore implements MembershipStore {
  constructor(private readonly collections: Collections) {}

  private get _() {
    return this.collections.command
  }

  /**
   * 1. insert the member's pending lock (a duplicate means a pending request, unless that lock
   *    is stale: its request decided, or missing after LOCK_GRACE_MS); 2. insert the request;
   * 3. if the station closed meanwhile (its sweep may have run before 2), reject the request
   *    with the station's reason, as the sweep would have. Dying after 1 leaves a lock without a
   *    request: stale after LOCK_GRACE_MS.
   */
  async createRequest(record: JoinRequestRecord): Promise<boolean> {
    const pending = record.status === 'pending'
    if (pending && !(await this.claimPending(record.openid, record.id))) return false
    const { id, ...rest } = record
    try {
      await this.collections.run(COLLECTIONS.joinRequests, (c) => checked(c.add({ _id: id, ...rest })))
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
      return false
    }
    if (pending) {
      const station = await getDocument(this.collections, COLLECTIONS.stations, record.stationId)
      if (station && station.status !== 'open') {
        await this.decide(id, record.openid, {
          status: 'rejected',
          reason: text(station.closeReason),
          decidedAt: text(station.closedAt) || record.createdAt,
          decidedBy: null,
        })
      }
    }
    return true
  }

  async getRequest(id: string): Promise<JoinRequest | null> {
    const doc = await getDocument(this.collections, COLLECTIONS.joinRequests, id)
    return doc ? this.withStationName(doc) : null
  }

  async latestRequest(openid: string): Promise<JoinRequest | null> {
    const result = await this.collections.run(COLLECTIONS.joinRequests, (c) =>
      checked(c.where({ openid }).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(1).get()),
    )
    const [doc] = documentsOf(result)
    return doc ? this.withStationName(doc) : null
  }

  /** pending → cancelled conditioned on owner and status; then the lock goes (stale if it stays). */
  async cancelRequest(id: string, openid: string, at: string): Promise<boolean> {
    return this.decide(id, openid, { status: 'cancelled', decidedAt: at, decidedBy: openid }, { openid })
  }

  /**
   * One transaction (node-sdk, single-document operations): read the request and the member
   * ('not_pending' / 'in_other_station'), then pending → approved, the member joins, and the stay
   * opens, all committed together: a request is never approved without its member in the station
   * (the crash window of the earlier conditional-write sequence, audit D6). A concurrent decision
   * or member change fails the commit and the transaction runs again on what is there now.
   * After it: the pending lock goes (a crash first leaves a lock that is stale, its request being
   * decided); if the station closed meanwhile, the member leaves it again and the request is
   * rejected with the station's reason ('not_pending').
   */
  async approveRequest(id: string, decidedBy: string, at: string): Promise<ApproveOutcome> {
    const C = COLLECTIONS
    const decided = await this.collections.transaction([C.joinRequests, C.members, C.stationMemberships], async (tx) => {
      const doc = documentsOf(await checked(tx.collection(C.joinRequests).doc(id).get()))[0]
      if (!doc || doc.status !== 'pending') return 'not_pending' as const
      const request = requestFromDocument(doc)
      const member = documentsOf(await checked(tx.collection(C.members).doc(request.openid).get()))[0]
      if (!member) return 'not_pending' as const
      if (member.stationId && member.stationId !== request.stationId) return 'in_other_station' as const
      await checked(tx.collection(C.joinRequests).doc(id).update({ status: 'approved', decidedAt: at, decidedBy }))
      await checked(tx.collection(C.members).doc(request.openid).update({ stationId: request.stationId, stationJoinedAt: at, updatedAt: at }))
      await checked(tx.collection(C.stationMemberships).add(stationStay(request.openid, request.stationId, at)))
      return request
    })
    if (typeof decided === 'string') return decided
    const request = decided
    await this.releasePending(request.openid, id)
    const station = await getDocument(this.collections, COLLECTIONS.stations, request.stationId)
    if (!station || station.status !== 'open') {
      await recordStationLeave(this.collections, [request.openid], request.stationId, at)
      await updateWhere(
        this.collections,
        COLLECTIONS.members,
        { _id: request.openid, stationId: request.stationId, stationJoinedAt: at },
        { stationId: null, stationJoinedAt: null, role: 'student', updatedAt: at },
      )
      await updateWhere(
        this.collections,
        COLLECTIONS.joinRequests,
        { _id: id, status: 'approved' },
        { status: 'rejected', reason: text(station?.closeReason), decidedAt: at },
      )
      return 'not_pending'
    }
    return 'approved'
  }

  /** pending → rejected conditioned on status; then the lock goes. */
  async rejectRequest(id: string, reason: string, decidedBy: string, at: string): Promise<boolean> {
    const doc = await getDocument(this.collections, COLLECTIONS.joinRequests, id)
    if (!doc) return false
    return this.decide(id, text(doc.openid), { status: 'rejected', reason, decidedAt: at, decidedBy })
  }

  /** Oldest first by (createdAt, _id); the members in one `_.in` read. */
  async pendingRequests(
    stationId: string,
    cursor: string | null,
    limit: number,
  ): Promise<Page<JoinRequestRecord & { member: MemberRecord }>> {
    const { docs, more } = await keysetPage(this.collections, COLLECTIONS.joinRequests, {
      where: [{ stationId, status: 'pending' }],
      orderBy: ['createdAt', '_id'],
      direction: 'asc',
      cursor,
      limit,
    })
    const requests = docs.map(requestFromDocument)
    const members = await this.membersById(requests.map((r) => r.openid))
    const items = requests.flatMap((r) => {
      const member = members.get(r.openid)
      return member ? [{ ...r, member }] : []
    })
    const last = requests[requests.length - 1]
    return { items, nextCursor: more && last ? encodeCursor([last.createdAt, last.id]) : null }
  }

  /**
   * 1. the member leaves, conditioned on being in this station (their role goes with it: rights
   * fail closed); 2. the station's head / deputy reference to them goes. Dying after 1 leaves a
   * reference to a non-member without the role: no rights, replaced by the next appointment.
   */
  async detach(openid: string, stationId: string, at: string): Promise<boolean> {
    await recordStationLeave(this.collections, [openid], stationId, at)
    const left = await updateWhere(
      this.collections,
      COLLECTIONS.members,
      { _id: openid, stationId },
      { stationId: null, stationJoinedAt: null, role: 'student', updatedAt: at },
    )
    if (left !== 1) return false
    await dropLeaderReference(this.collections, stationId, openid, at)
    return true
  }

  /** Newest first by (stationJoinedAt, _id), with the filters as conditions. */
  async roster(stationId: string, filters: RosterFilters, cursor: string | null, limit: number): Promise<Page<MemberRecord>> {
    const _ = this._
    const conditions: object[] = [{ stationId }]
    if (filters.q) {
      const pattern = this.collections.contains(filters.q)
      conditions.push(_.or([{ name: pattern }, { major: pattern }, { college: pattern }]) as object)
    }
    if (filters.degree) conditions.push({ degree: filters.degree })
    if (filters.graduationYear) conditions.push({ graduationYear: filters.graduationYear })
    if (filters.county) conditions.push({ hometownCounty: filters.county })
    // An array property equal to a value matches when the array holds it.
    if (filters.field) conditions.push({ fields: filters.field })
    const { docs, more } = await keysetPage(this.collections, COLLECTIONS.members, {
      where: conditions,
      orderBy: ['stationJoinedAt', '_id'],
      direction: 'desc',
      cursor,
      limit,
    })
    const items = docs.map(memberFromDocument)
    const last = items[items.length - 1]
    return { items, nextCursor: more && last ? encodeCursor([last.stationJoinedAt ?? '', last.openid]) : null }
  }

  /** The member's requests (paged removes), their pending lock, and every leader reference. */
  async forgetMember(openid: string): Promise<void> {
    const _ = this._
    for (let round = 0; round < SWEEP_MAX_ROUNDS; round += 1) {
      const page = await this.collections.run(COLLECTIONS.joinRequests, (c) =>
        checked(c.where({ openid }).field({ _id: true }).limit(SWEEP_PAGE_SIZE).get()),
      )
      const ids = documentsOf(page).map((d) => d._id)
      if (ids.length === 0) break
      await this.collections.run(COLLECTIONS.joinRequests, (c) => checked(c.where({ openid, _id: _.in(ids) }).remove()))
      if (ids.length < SWEEP_PAGE_SIZE) break
    }
    await this.collections.run(COLLECTIONS.stationLocks, (c) => checked(c.doc(pendingLockId(openid)).remove()))
    const led = await this.collections.run(COLLECTIONS.stations, (c) =>
      checked(
        c
          .where(_.or([{ headOpenid: openid }, { deputyOpenids: openid }]) as object)
          .field({ _id: true })
          .limit(100)
          .get(),
      ),
    )
    // The same `+08:00` form as every other stored time: times are compared as strings (audit D10).
    const at = toIsoString(new Date())
    for (const station of documentsOf(led)) await dropLeaderReference(this.collections, String(station._id), openid, at)
  }

  // ---------------------------------------------------------------------------------------------

  /** pending → a decision, conditioned on status (and `extra`); the lock goes when it won. */
  private async decide(id: string, openid: string, data: object, extra: object = {}): Promise<boolean> {
    const updated = await updateWhere(this.collections, COLLECTIONS.joinRequests, { _id: id, status: 'pending', ...extra }, data)
    if (updated !== 1) return false
    await this.releasePending(openid, id)
    return true
  }

  private async releasePending(openid: string, requestId: string): Promise<void> {
    await this.collections.run(COLLECTIONS.stationLocks, (c) =>
      checked(c.where({ _id: pendingLockId(openid), requestId }).remove()),
    )
  }

  private async claimPending(openid: string, requestId: string): Promise<boolean> {
    const claim = { _id: pendingLockId(openid), document: { kind: 'pending', openid, requestId }, holder: 'requestId' }
    return claimLock(this.collections, COLLECTIONS.stationLocks, claim, async (lock) => {
      const owner = await getDocument(this.collections, COLLECTIONS.joinRequests, String(lock.requestId))
      return owner ? owner.status !== 'pending' : Date.now() - Number(lock.lockedAt ?? 0) > LOCK_GRACE_MS
    })
  }

  private async withStationName(doc: RawDocument): Promise<JoinRequest> {
    const { decidedBy: _by, ...request } = requestFromDocument(doc)
    const station = await getDocument(this.collections, COLLECTIONS.stations, request.stationId)
    return { ...request, stationName: text(station?.name) }
  }

  private async membersById(openids: string[]): Promise<Map<string, MemberRecord>> {
    const found = new Map<string, MemberRecord>()
    const unique = [...new Set(openids)]
    if (unique.length === 0) return found
    const result = await this.collections.run(COLLECTIONS.members, (c) =>
      checked(c.where({ _id: this._.in(unique) }).limit(Math.min(unique.length, MAX_READ)).get()),
    )
    for (const doc of documentsOf(result)) found.set(String(doc._id), memberFromDocument(doc))
    return found
  }
}
