import type { Page, Station, StationFigures, StationSummary } from '../../../../types'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import type { AppointOutcome, StationChanges, StationListQuery, StationRecord, StationStore } from '../../station/ports'
import { appointLeader } from '../../station/leadership'
import { COLLECTIONS, type CollectionName, type Collections } from './collections'
import { checked, documentsOf, isDuplicateWrite, totalOf, type RawDocument } from './database'
import { dropLeaderReference, LOCK_GRACE_MS, pendingLockId, STATION_WRITE_ATTEMPTS, stationFromDocument, universityLockId, recordStationLeave } from './station-docs'
import { allOf, claimLock, getDocument, MAX_READ, newRev, SWEEP_MAX_ROUNDS, SWEEP_PAGE_SIZE, updateWhere } from './docs'

/**
 * Stations in CloudBase. Documents: `stations` (`_id` = station id, the record's properties, plus
 * `rev`, `inviteImage`, `closeReason`); `station_locks` (`_id` = sha256 hex of the university,
 * {university, stationId, lockedAt}) for every open station.
 */
export class CloudBaseStationStore implements StationStore {
  constructor(private readonly collections: Collections) {}

  private get _() {
    return this.collections.command
  }

  async get(id: string): Promise<Station | null> {
    const doc = await getDocument(this.collections, COLLECTIONS.stations, id)
    if (!doc) return null
    const record = stationFromDocument(doc)
    const [headName, memberCount] = await Promise.all([this.headName(record.headOpenid), this.memberCount(id)])
    return { ...record, headName, memberCount }
  }

  async findOpenByUniversity(university: string): Promise<Station | null> {
    const result = await this.collections.run(COLLECTIONS.stations, (c) =>
      checked(c.where({ university, status: 'open' }).limit(1).get()),
    )
    const [doc] = documentsOf(result)
    return doc ? this.get(String(doc._id)) : null
  }

  /**
   * Ordered by (university, _id) with a keyset cursor; `limit + 1` documents tell whether there
   * is a next page. Member and pending counts of the whole page come from one aggregate each.
   */
  async list(query: StationListQuery): Promise<Page<StationSummary>> {
    const _ = this._
    const after = decodeCursor(query.cursor, 2)
    const conditions: object[] = []
    if (!query.includeClosed) conditions.push({ status: 'open' })
    if (query.q) {
      const pattern = this.collections.contains(query.q)
      const named = query.universities?.length ? [{ university: _.in(query.universities) }] : []
      conditions.push(_.or([{ university: pattern }, { city: pattern }, { name: pattern }, ...named]) as object)
    }
    if (after) {
      const [university, id] = after
      conditions.push(_.or([{ university: _.gt(university) }, { university, _id: _.gt(id) }]) as object)
    }
    const limit = Math.min(query.limit + 1, MAX_READ)
    const result = await this.collections.run(COLLECTIONS.stations, (c) => {
      const filtered = conditions.length ? c.where(allOf(this.collections, conditions)) : c
      return checked(filtered.orderBy('university', 'asc').orderBy('_id', 'asc').limit(limit).get())
    })
    const docs = documentsOf(result)
    const page = docs.slice(0, query.limit).map(stationFromDocument)
    // Three requests for the whole page, whatever its size (audit D5: a count per station sent
    // up to 100 requests at once, beyond the plan's concurrency quota).
    const ids = page.map((s) => s.id)
    const [heads, members, pending] = await Promise.all([
      this.headNames(page.map((s) => s.headOpenid).filter((h): h is string => h !== null)),
      this.countByStation(COLLECTIONS.members, ids, {}),
      this.countByStation(COLLECTIONS.joinRequests, ids, { status: 'pending' }),
    ])
    const items = page.map(
      (s): StationSummary => ({
        ...s,
        headName: s.headOpenid ? (heads.get(s.headOpenid) ?? null) : null,
        memberCount: members.get(s.id) ?? 0,
        pendingCount: pending.get(s.id) ?? 0,
      }),
    )
    const last = items[items.length - 1]
    return { items, nextCursor: docs.length > query.limit && last ? encodeCursor([last.university, last.id]) : null }
  }

  /**
   * 1. claim the university lock (insert; a duplicate means another open station, unless that
   *    lock is stale and can be taken over); 2. insert the station. Dying after 1 leaves a lock
   *    whose station does not exist: stale, taken over by a later create after LOCK_GRACE_MS.
   */
  async create(record: StationRecord): Promise<boolean> {
    if (record.status === 'open' && !(await this.claimUniversity(record.university, record.id))) return false
    const { id, ...rest } = record
    try {
      await this.collections.run(COLLECTIONS.stations, (c) => checked(c.add({ _id: id, ...rest, rev: newRev() })))
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
      return false
    }
    return true
  }

  /**
   * A new university of an open station: 1. claim the new university's lock ('conflict' when
   * taken); 2. update the station conditioned on its `rev`; 3. release the old university's lock.
   * If 2 loses a race the new lock is released again; dying after 1 or 2 leaves a lock whose
   * station is elsewhere, which counts as stale after LOCK_GRACE_MS.
   */
  async update(id: string, changes: StationChanges, at: string): Promise<Station | null | 'conflict'> {
    for (let attempt = 0; attempt < STATION_WRITE_ATTEMPTS; attempt += 1) {
      const doc = await getDocument(this.collections, COLLECTIONS.stations, id)
      if (!doc) return null
      const current = stationFromDocument(doc)
      const university = changes.university ?? current.university
      const moves = current.status === 'open' && university !== current.university
      if (moves && !(await this.claimUniversity(university, id))) return 'conflict'
      const updated = await updateWhere(
        this.collections,
        COLLECTIONS.stations,
        { _id: id, rev: doc.rev ?? null },
        {
          name: changes.name || current.name,
          university,
          city: changes.city ?? current.city,
          intro: changes.intro ?? current.intro,
          updatedAt: at,
          rev: newRev(),
        },
      )
      if (updated === 1) {
        if (moves) await this.releaseUniversity(current.university, id)
        return this.get(id)
      }
      if (moves) await this.releaseUniversity(university, id)
    }
    throw new Error(`station ${id} kept changing, try again`)
  }

  /**
   * 1. demote the leaders (rights fail closed first); 2. open → closed, conditioned on `status`
   *    (the reason kept on the document); 3. sweep: reject pending requests, detach members,
   *    release the university lock. Each step is idempotent and conditioned, so a close that
   *    died half-way is finished by calling close again (which then answers false).
   */
  async close(id: string, reason: string, at: string): Promise<boolean> {
    const doc = await getDocument(this.collections, COLLECTIONS.stations, id)
    if (!doc) return false
    const station = stationFromDocument(doc)
    let closedNow = false
    if (station.status === 'open') {
      for (const leader of [station.headOpenid, ...station.deputyOpenids]) {
        if (leader) await this.setRole(leader, id, 'student', at)
      }
      closedNow =
        (await updateWhere(
          this.collections,
          COLLECTIONS.stations,
          { _id: id, status: 'open' },
          { status: 'closed', closedAt: at, updatedAt: at, closeReason: reason, headOpenid: null, deputyOpenids: [], rev: newRev() },
        )) === 1
    }
    const closed = await getDocument(this.collections, COLLECTIONS.stations, id)
    if (!closed || closed.status !== 'closed') return false
    await this.sweepClosed(closed)
    return closedNow
  }

  /**
   * One transaction (single-document operations, audit D6): read the station and the member
   * ('not_found' / 'closed' / 'not_member'), then the replaced head loses the role, the station's
   * leaders change, and the new leader gets the role, committed together. The earlier sequence of
   * conditional writes could die with a referenced leader lacking the role; a transaction cannot.
   * A concurrent change to any document read fails the commit, and it runs again on what is there.
   */
  async appointLeader(stationId: string, openid: string, as: 'head' | 'deputy', at: string): Promise<AppointOutcome> {
    const C = COLLECTIONS
    return this.collections.transaction([C.stations, C.members], async (tx) => {
      const doc = documentsOf(await checked(tx.collection(C.stations).doc(stationId).get()))[0]
      if (!doc) return 'not_found'
      const station = stationFromDocument(doc)
      if (station.status !== 'open') return 'closed'
      const member = documentsOf(await checked(tx.collection(C.members).doc(openid).get()))[0]
      if (!member || member.stationId !== stationId) return 'not_member'
      const next = appointLeader(station, openid, as)
      for (const old of next.demoted) {
        // Only a member of this station loses the role here (one elsewhere keeps theirs).
        const former = documentsOf(await checked(tx.collection(C.members).doc(old).get()))[0]
        if (former?.stationId === stationId) await checked(tx.collection(C.members).doc(old).update({ role: 'student', updatedAt: at }))
      }
      await checked(
        tx.collection(C.stations).doc(stationId).update({ headOpenid: next.headOpenid, deputyOpenids: next.deputyOpenids, updatedAt: at, rev: newRev() }),
      )
      await checked(tx.collection(C.members).doc(openid).update({ role: 'station_head', updatedAt: at }))
      return 'ok'
    })
  }

  /** 1. the role goes (fail closed); 2. the reference goes (`rev`-conditioned, retried). */
  async removeLeader(stationId: string, openid: string, at: string): Promise<boolean> {
    const doc = await getDocument(this.collections, COLLECTIONS.stations, stationId)
    if (!doc) return false
    const station = stationFromDocument(doc)
    if (station.headOpenid !== openid && !station.deputyOpenids.includes(openid)) return false
    await this.setRole(openid, stationId, 'student', at)
    return dropLeaderReference(this.collections, stationId, openid, at)
  }

  async figures(stationId: string, monthStart: string): Promise<StationFigures> {
    const _ = this._
    const [members, joinedThisMonth, pendingRequests] = await Promise.all([
      this.memberCount(stationId),
      this.count(COLLECTIONS.members, { stationId, stationJoinedAt: _.gte(monthStart) }),
      this.pendingCount(stationId),
    ])
    return { members, joinedThisMonth, pendingRequests }
  }

  async getInvite(stationId: string): Promise<string | null> {
    const doc = await getDocument(this.collections, COLLECTIONS.stations, stationId)
    return typeof doc?.inviteImage === 'string' ? doc.inviteImage : null
  }

  async saveInvite(stationId: string, image: string): Promise<void> {
    await this.collections.run(COLLECTIONS.stations, (c) => checked(c.doc(stationId).update({ inviteImage: image })))
  }

  // ---------------------------------------------------------------------------------------------

  /** Sets the role of a member of this station only (a member elsewhere is left alone). */
  private async setRole(openid: string, stationId: string, role: 'student' | 'station_head', at: string) {
    await updateWhere(this.collections, COLLECTIONS.members, { _id: openid, stationId }, { role, updatedAt: at })
  }

  private async count(name: (typeof COLLECTIONS)[keyof typeof COLLECTIONS], where: object): Promise<number> {
    return totalOf(await this.collections.run(name, (c) => checked(c.where(where).count())))
  }

  /** How many documents match, per `stationId`, in one aggregate request. */
  private async countByStation(name: CollectionName, stationIds: string[], where: object): Promise<Map<string, number>> {
    const counts = new Map<string, number>()
    if (stationIds.length === 0) return counts
    const match = { ...where, stationId: this._.in(stationIds) }
    const result = await this.collections.run(name, (c) =>
      checked(c.aggregate().match(match).group({ _id: '$stationId', n: { $sum: 1 } }).end()),
    )
    for (const row of documentsOf(result)) counts.set(String(row._id), typeof row.n === 'number' ? row.n : 0)
    return counts
  }

  private memberCount(stationId: string): Promise<number> {
    return this.count(COLLECTIONS.members, { stationId })
  }

  private pendingCount(stationId: string): Promise<number> {
    return this.count(COLLECTIONS.joinRequests, { stationId, status: 'pending' })
  }

  private async headName(openid: string | null): Promise<string | null> {
    if (!openid) return null
    const doc = await getDocument(this.collections, COLLECTIONS.members, openid)
    return typeof doc?.name === 'string' ? doc.name : null
  }

  private async headNames(openids: string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>()
    if (openids.length === 0) return names
    const unique = [...new Set(openids)]
    const result = await this.collections.run(COLLECTIONS.members, (c) =>
      checked(
        c
          .where({ _id: this._.in(unique) })
          .field({ _id: true, name: true })
          .limit(Math.min(unique.length, MAX_READ))
          .get(),
      ),
    )
    for (const doc of documentsOf(result)) if (typeof doc.name === 'string') names.set(String(doc._id), doc.name)
    return names
  }

  /**
   * Inserts the university lock for this station. A duplicate is another open station's, unless
   * it is stale: its station is closed, or (after LOCK_GRACE_MS) missing or at another university.
   * A stale lock is removed (conditioned on its owner) and the insert tried once more.
   */
  private async claimUniversity(university: string, stationId: string): Promise<boolean> {
    const claim = { _id: universityLockId(university), document: { kind: 'university', university, stationId }, holder: 'stationId' }
    return claimLock(this.collections, COLLECTIONS.stationLocks, claim, (lock) => this.isStale(lock))
  }

  private async isStale(lock: RawDocument): Promise<boolean> {
    const owner = await getDocument(this.collections, COLLECTIONS.stations, String(lock.stationId))
    if (owner && owner.status === 'closed') return true
    if (owner && owner.status === 'open' && owner.university === lock.university) return false
    return Date.now() - Number(lock.lockedAt ?? 0) > LOCK_GRACE_MS
  }

  private async releaseUniversity(university: string, stationId: string): Promise<void> {
    await this.collections.run(COLLECTIONS.stationLocks, (c) =>
      checked(c.where({ _id: universityLockId(university), stationId }).remove()),
    )
  }

  /** The after-close sweep, a bounded page at a time; safe to run again. */
  private async sweepClosed(doc: RawDocument): Promise<void> {
    const _ = this._
    const id = String(doc._id)
    const at = String(doc.closedAt ?? doc.updatedAt ?? '')
    const reason = typeof doc.closeReason === 'string' ? doc.closeReason : ''
    await this.inPages(COLLECTIONS.joinRequests, { stationId: id, status: 'pending' }, async (page) => {
      const ids = page.map((r) => String(r._id))
      await updateWhere(
        this.collections,
        COLLECTIONS.joinRequests,
        { _id: _.in(ids), status: 'pending' },
        { status: 'rejected', reason, decidedAt: at, decidedBy: null },
      )
      await this.collections.run(COLLECTIONS.stationLocks, (c) =>
        checked(c.where({ _id: _.in(page.map((r) => pendingLockId(String(r.openid)))), requestId: _.in(ids) }).remove()),
      )
    })
    await this.inPages(COLLECTIONS.members, { stationId: id }, async (page) => {
      await recordStationLeave(this.collections, page.map((m) => String(m._id)), id, at)
      await updateWhere(
        this.collections,
        COLLECTIONS.members,
        { _id: _.in(page.map((m) => String(m._id))), stationId: id },
        { stationId: null, stationJoinedAt: null, role: 'student', updatedAt: at },
      )
    })
    await this.releaseUniversity(String(doc.university), id)
  }

  /** Reads up to SWEEP_PAGE_SIZE matches, lets `change` move them out of the match, repeats. */
  private async inPages(
    name: (typeof COLLECTIONS)[keyof typeof COLLECTIONS],
    where: object,
    change: (page: RawDocument[]) => Promise<void>,
  ): Promise<void> {
    for (let round = 0; round < SWEEP_MAX_ROUNDS; round += 1) {
      const result = await this.collections.run(name, (c) =>
        checked(c.where(where).field({ _id: true, openid: true }).limit(SWEEP_PAGE_SIZE).get()),
      )
      const page = documentsOf(result)
      if (page.length === 0) return
      await change(page)
      if (page.length < SWEEP_PAGE_SIZE) return
    }
    throw new Error(`${name}: still matching after ${SWEEP_MAX_ROUNDS} rounds`)
  }
}
