import type { Activity, AnswerValue, Page, Registration, RegistrationStatus } from '../../../../types'
import type { MoveOutcome, NewRegistration, RegistrationFilters, RegistrationStore, RegistrationWithMember, SignUpOutcome } from '../../activity/ports'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import { activityFromDocument } from './activities'
import { COLLECTIONS, type CollectionName, type Collections } from './collections'
import { checked, documentsOf, isDuplicateWrite, totalOf, type RawDocument } from './database'
import { allOf, getDocument, keysetPage, MAX_READ, newRev, num, SWEEP_MAX_ROUNDS, SWEEP_PAGE_SIZE, text, textOrNull, updateWhere } from './docs'

/**
 * Registrations in CloudBase, with capacity kept without transactions. node-sdk transactions
 * (membership.ts, stations.ts use them) would serialise every sign-up of a rush on the one
 * activity document: each would conflict with the others and retry (3 times, then fail), while
 * the conditional increment below lets the service decide each in one request, so a crash window
 * is accepted here and closed by `reconcile` instead.
 *
 * Documents: `registrations`, `_id` = `${activityId}:${openid}` (the unique `_id` is what keeps one
 * registration per member: a second insert fails with DATABASE_DUPLICATE_WRITE), with
 * {activityId, openid, status, waitlistSeq, answers, hasAnswers, createdAt, updatedAt,
 * checkedInAt} plus the bookkeeping below. Status `pending` is internal (a sign-up in flight) and
 * is never shown through the ports.
 *
 * The counter `activities.registeredCount` is the gate: a place is only ever taken by
 * `where({_id, capacity, registeredCount: _.lt(capacity)}).update({registeredCount: _.inc(1)})`
 * answering `updated: 1`, and only *after* that increment does a registration become a holder
 * (registered / checked_in / absent). A holder stops holding first and the counter is
 * decremented after, by the one caller whose conditional status write won. So at every instant
 * `registeredCount ≥ holders`: a crash between two steps can leave a place unused (the counter one
 * too high), never oversold. `reconcile` gives such leaked places back later.
 *
 * Bookkeeping properties that make that repair safe while other calls run:
 * - `holdsPlace`: true from the flip into a holding status (set in the same write) until the
 *   decrement after the flip out of it is done (cleared after that decrement). The counter is
 *   always ≥ the number of documents with `holdsPlace: true` minus nothing in flight.
 * - `claim` / `claimedAt`: set before a gate increment on behalf of this document (a pending
 *   sign-up, a waitlisted member being promoted or moved); the flip that follows is conditioned on
 *   the claim, and clears it. A claim older than CLAIM_GRACE_MS belongs to a dead call.
 * - `releasedAt`: when the document last stopped holding a place (ms).
 * - `activities.countRev`: a fresh token with every counter write, so `reconcile` can
 *   compare-and-set the counters it recounted.
 */

/** Longer than any function's timeout (api 20 s, scheduler 60 s): an older claim's owner is dead. */
export const CLAIM_GRACE_MS = 5 * 60 * 1000
/** How long a second sign-up of the same member waits for the first one's in-flight result. */
const DUPLICATE_WAIT_ROUNDS = 60
const DUPLICATE_WAIT_MS = 100
/** Attempts of a step that loses a race (capacity edited, candidate cancelled) before giving up. */
const RACE_ATTEMPTS = 10
/** Waitlisted candidates read per promotion round. */
const PROMOTE_CANDIDATES = 5
/** Registrations of one member read for the growth record (paged), at most. */
const HISTORY_SCAN = 2000
/** `_.in` lists are kept short. */
const IN_CHUNK = 100
/** Registrations examined per page when filtering by member name (a join the database cannot do). */
const NAME_SCAN_MAX = 2000

/** Statuses that hold one of the activity's places. */
export const HOLDING: RegistrationStatus[] = ['registered', 'checked_in', 'absent']
/** The collections whose documents hold places of an activity (members' and public sign-ups). */
const PLACE_HOLDERS: CollectionName[] = [COLLECTIONS.registrations, COLLECTIONS.publicRegistrations]
const VISIBLE: RegistrationStatus[] = ['registered', 'waitlisted', 'cancelled', 'checked_in', 'absent']

/** Deterministic: one registration per (activity, member), whatever the retries. */
export const registrationId = (activityId: string, openid: string) => `${activityId}:${openid}`

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}

interface Claimed {
  token: string
  /** The cancelled registration that the sign-up took over, restored if no place is found. */
  previous: RawDocument | null
}

export interface ReconcileResult {
  activityId: string
  registeredCount: { from: number; to: number }
  waitlistCount: { from: number; to: number }
  /** Stale pending sign-ups removed and stale `holdsPlace` marks cleared. */
  cleared: number
  /** False when a counter changed under it (it tries again on the next run). */
  applied: boolean
}

export class CloudBaseRegistrationStore implements RegistrationStore {
  constructor(private readonly collections: Collections) {}

  private get _() {
    return this.collections.command
  }

  // --- sign-up ----------------------------------------------------------------------------------

  /**
   * 1. read the activity ('not_open' unless published); 2. claim the registration: insert it as
   *    `pending` with a claim token (a duplicate: an active registration is returned with
   *    fresh: false; a cancelled one is taken over, conditioned on its state; a pending one of a
   *    concurrent call is waited for); 3. the gate increment; on success flip pending →
   *    registered (conditioned on the claim); 4. when full and the activity has a waitlist: take a
   *    sequence number (`waitlistSeqNext: _.inc(1)`, then read), flip pending → waitlisted, count
   *    it, and promote in case a place freed while this was pending; without a waitlist, give the
   *    document back (removed, or restored to cancelled) and answer 'full'.
   * Crash after 2: a pending document, invisible, that the member's retry takes over after
   * CLAIM_GRACE_MS and `reconcile` removes. Crash after the increment in 3: the counter is one too
   * high (a place unused) until `reconcile` recounts.
   */
  async signUp(input: NewRegistration): Promise<SignUpOutcome> {
    // The caller's fresh read saves one request on the open path; the gate below is what holds capacity.
    const activity = input.seen?.id === input.activityId ? input.seen : await this.activityOf(input.activityId)
    if (!activity || activity.status !== 'published') return { outcome: 'not_open' }
    const claimed = await this.claimForSignUp(input)
    if ('existing' in claimed) {
      const registration = await this.toRegistration(claimed.existing)
      return { outcome: registration.status === 'waitlisted' ? 'waitlisted' : 'registered', registration, fresh: false }
    }
    return this.placeClaimed(input, activity, claimed)
  }

  private async claimForSignUp(input: NewRegistration): Promise<Claimed | { existing: RawDocument }> {
    const id = registrationId(input.activityId, input.openid)
    const token = newRev()
    const fresh = {
      status: 'pending',
      claim: token,
      claimedAt: Date.now(),
      answers: input.answers,
      hasAnswers: Object.keys(input.answers).length > 0,
      waitlistSeq: null,
      createdAt: input.at,
      updatedAt: input.at,
      checkedInAt: null,
    }
    for (let round = 0; round < DUPLICATE_WAIT_ROUNDS; round += 1) {
      try {
        await this.collections.run(COLLECTIONS.registrations, (c) =>
          checked(c.add({ _id: id, activityId: input.activityId, openid: input.openid, holdsPlace: false, releasedAt: null, ...fresh })),
        )
        return { token, previous: null }
      } catch (error) {
        if (!isDuplicateWrite(error)) throw error
      }
      // The raw document: `this.doc()` hides pending ones, and a pending one is what this waits for
      // (or takes over once its claim is stale; audit D4).
      const doc = await getDocument(this.collections, COLLECTIONS.registrations, id)
      if (!doc) continue
      const status = doc.status as RegistrationStatus | 'pending'
      if (status !== 'pending' && status !== 'cancelled') return { existing: doc }
      if (status === 'cancelled' && doc.holdsPlace !== true) {
        // Conditioned on the state read, so two retries of a re-sign-up take it over once.
        const won = await updateWhere(
          this.collections,
          COLLECTIONS.registrations,
          { _id: id, status: 'cancelled', holdsPlace: false, updatedAt: doc.updatedAt ?? null },
          { ...fresh, answers: this._.set(input.answers), claimedAt: Date.now() },
        )
        if (won === 1) return { token, previous: doc }
        continue
      }
      if (status === 'pending' && Date.now() - num(doc.claimedAt) > CLAIM_GRACE_MS) {
        const won = await updateWhere(
          this.collections,
          COLLECTIONS.registrations,
          { _id: id, status: 'pending', claim: doc.claim ?? null },
          { ...fresh, answers: this._.set(input.answers), claimedAt: Date.now() },
        )
        if (won === 1) return { token, previous: null }
        continue
      }
      await sleep(DUPLICATE_WAIT_MS)
    }
    throw new Error(`sign-up ${id}: another sign-up of this member is still in progress, try again`)
  }

  private async activityOf(id: string): Promise<Activity | null> {
    const doc = await getDocument(this.collections, COLLECTIONS.activities, id)
    return doc ? activityFromDocument(doc) : null
  }

  private async placeClaimed(input: NewRegistration, first: Activity, claimed: Claimed): Promise<SignUpOutcome> {
    const id = registrationId(input.activityId, input.openid)
    let activity: Activity | null = first
    for (let attempt = 0; attempt < RACE_ATTEMPTS; attempt += 1) {
      if (!activity || activity.status !== 'published') {
        await this.giveBack(id, claimed)
        return { outcome: 'not_open' }
      }
      // Those waiting come first: with a queue, a newcomer joins its end and `promote` below
      // hands the free place to the first in it.
      if (activity.registeredCount < activity.capacity && (activity.waitlistCount === 0 || !activity.waitlist)) {
        if (await this.gate(activity, { status: 'published' })) {
          const flipped = await updateWhere(
            this.collections,
            COLLECTIONS.registrations,
            { _id: id, status: 'pending', claim: claimed.token },
            { status: 'registered', holdsPlace: true, claim: null, updatedAt: input.at },
          )
          if (flipped !== 1) {
            // Our claim was taken over (we ran past the grace period): the place goes back.
            await this.bump(input.activityId, -1, 0)
            throw new Error(`sign-up ${id} was interrupted, try again`)
          }
          // Built from what was just written (the flip was conditioned on our claim), not re-read:
          // the open path stays at 3 requests (insert, gate, flip) after the caller's read of the activity.
          const registration: Registration = {
            id,
            activityId: input.activityId,
            openid: input.openid,
            status: 'registered',
            position: null,
            answers: input.answers,
            createdAt: input.at,
            updatedAt: input.at,
            checkedInAt: null,
          }
          return { outcome: 'registered', registration, fresh: true }
        }
        activity = await this.activityOf(input.activityId)
        continue
      }
      if (!activity.waitlist) {
        await this.giveBack(id, claimed)
        return { outcome: 'full' }
      }
      const seq = await this.nextSeq(input.activityId)
      const flipped = await updateWhere(
        this.collections,
        COLLECTIONS.registrations,
        { _id: id, status: 'pending', claim: claimed.token },
        { status: 'waitlisted', waitlistSeq: seq, claim: null, updatedAt: input.at },
      )
      if (flipped !== 1) throw new Error(`sign-up ${id} was interrupted, try again`)
      await this.bump(input.activityId, 0, 1)
      // While this was pending nobody was waiting: a place freed meanwhile goes to the queue now.
      await this.promote(input.activityId, input.at)
      const registration = await this.toRegistration((await this.doc(id))!)
      return { outcome: registration.status === 'waitlisted' ? 'waitlisted' : 'registered', registration, fresh: true }
    }
    await this.giveBack(id, claimed)
    throw new Error(`sign-up ${id}: the activity kept changing, try again`)
  }

  /** Undoes a claim that found no place: a new document goes, a taken-over one is cancelled again. */
  private async giveBack(id: string, claimed: Claimed): Promise<void> {
    const where = { _id: id, status: 'pending', claim: claimed.token }
    const previous = claimed.previous
    if (!previous) {
      await this.collections.run(COLLECTIONS.registrations, (c) => checked(c.where(where).remove()))
      return
    }
    await updateWhere(this.collections, COLLECTIONS.registrations, where, {
      status: 'cancelled',
      claim: null,
      // Replaced whole: a plain object would merge into the answers of the failed claim.
      answers: this._.set(typeof previous.answers === 'object' && previous.answers !== null ? previous.answers : {}),
      hasAnswers: previous.hasAnswers === true,
      createdAt: previous.createdAt ?? null,
      updatedAt: previous.updatedAt ?? null,
      checkedInAt: previous.checkedInAt ?? null,
    })
  }

  // --- cancel, move, promote --------------------------------------------------------------------

  /**
   * 1. registered / waitlisted → cancelled, conditioned on the status read (of two cancels, one
   *    wins); 2. the winner decrements the counter (`holdsPlace` still true until then) and clears
   *    `holdsPlace`; 3. promote. Crash after 1: the counter one too high and the document still
   *    marked, until `reconcile` clears the stale mark and recounts; crash after 2: nobody promoted
   *    until the next cancel, sign-up to the waitlist, or scheduler run (`reconcile` promotes).
   */
  async cancel(activityId: string, openid: string, at: string) {
    const id = registrationId(activityId, openid)
    for (let attempt = 0; attempt < RACE_ATTEMPTS; attempt += 1) {
      const doc = await this.doc(id)
      if (!doc || (doc.status !== 'registered' && doc.status !== 'waitlisted')) return { cancelled: null, promoted: null }
      const wasRegistered = doc.status === 'registered'
      const flipped = await updateWhere(
        this.collections,
        COLLECTIONS.registrations,
        { _id: id, status: doc.status },
        { status: 'cancelled', waitlistSeq: null, claim: null, updatedAt: at, ...(wasRegistered ? { releasedAt: Date.now() } : {}) },
      )
      if (flipped !== 1) continue
      if (wasRegistered) await this.releasePlace(id, activityId)
      else await this.bump(activityId, 0, -1)
      const promoted = wasRegistered ? await this.promote(activityId, at) : null
      return {
        cancelled: await this.toRegistration((await this.doc(id))!),
        promoted: promoted ? await this.toRegistration(promoted) : null,
      }
    }
    throw new Error(`cancel ${id}: the registration kept changing, try again`)
  }

  async get(activityId: string, openid: string): Promise<Registration | null> {
    const doc = await this.doc(registrationId(activityId, openid))
    return doc ? this.toRegistration(doc) : null
  }

  /**
   * Into a holding status from the waitlist: claim, gate increment ('full' when it fails), flip
   * conditioned on the claim. Out of one into the waitlist: back of the queue (a new sequence
   * number), flip, decrement, clear `holdsPlace`, promote the first waiting. Between holding
   * statuses (attendance): one conditional write. Crash gaps as in sign-up and cancel.
   */
  async move(activityId: string, openid: string, to: RegistrationStatus, at: string) {
    const id = registrationId(activityId, openid)
    for (let attempt = 0; attempt < RACE_ATTEMPTS; attempt += 1) {
      const [doc, activityDoc] = await Promise.all([this.doc(id), getDocument(this.collections, COLLECTIONS.activities, activityId)])
      if (!doc || !activityDoc || doc.status === 'cancelled') return { outcome: 'not_found' as MoveOutcome, promoted: null }
      const from = doc.status as RegistrationStatus
      if (from === to) return { outcome: 'unchanged' as MoveOutcome, promoted: null }
      const fromHolds = HOLDING.includes(from)
      const toHolds = HOLDING.includes(to)
      const attendance = to === 'checked_in' ? { checkedInAt: at } : {}

      if (toHolds && !fromHolds) {
        const token = newRev()
        const claimed = await updateWhere(
          this.collections,
          COLLECTIONS.registrations,
          { _id: id, status: from },
          { claim: token, claimedAt: Date.now() },
        )
        if (claimed !== 1) continue
        if (!(await this.gate(activityFromDocument(activityDoc)))) {
          await updateWhere(this.collections, COLLECTIONS.registrations, { _id: id, claim: token }, { claim: null })
          return { outcome: 'full' as MoveOutcome, promoted: null }
        }
        const flipped = await updateWhere(
          this.collections,
          COLLECTIONS.registrations,
          { _id: id, status: from, claim: token },
          { status: to, holdsPlace: true, waitlistSeq: null, claim: null, updatedAt: at, ...attendance },
        )
        if (flipped !== 1) {
          await this.bump(activityId, -1, 0)
          continue
        }
        if (from === 'waitlisted') await this.bump(activityId, 0, -1)
        return { outcome: 'ok' as MoveOutcome, promoted: null }
      }

      if (!toHolds && fromHolds) {
        const seq = to === 'waitlisted' ? await this.nextSeq(activityId) : null
        const flipped = await updateWhere(
          this.collections,
          COLLECTIONS.registrations,
          { _id: id, status: from },
          { status: to, waitlistSeq: seq, claim: null, updatedAt: at, releasedAt: Date.now() },
        )
        if (flipped !== 1) continue
        await this.releasePlace(id, activityId)
        if (to !== 'waitlisted') return { outcome: 'ok' as MoveOutcome, promoted: null }
        await this.bump(activityId, 0, 1)
        const promoted = await this.promote(activityId, at)
        return {
          outcome: 'ok' as MoveOutcome,
          promoted: promoted && promoted.openid !== openid ? await this.toRegistration(promoted) : null,
        }
      }

      // Between holding statuses, or waitlisted → cancelled: no place changes hands.
      const flipped = await updateWhere(
        this.collections,
        COLLECTIONS.registrations,
        { _id: id, status: from },
        { status: to, updatedAt: at, ...attendance, ...(to === 'cancelled' ? { waitlistSeq: null, claim: null } : {}) },
      )
      if (flipped !== 1) continue
      if (from === 'waitlisted') await this.bump(activityId, 0, -1)
      return { outcome: 'ok' as MoveOutcome, promoted: null }
    }
    throw new Error(`move ${id}: the registration kept changing, try again`)
  }

  /**
   * Gives free places to the waitlist, first in order (waitlistSeq, then _id): claim the first
   * candidate (conditioned on it still waiting), gate increment, flip waitlisted → registered
   * conditioned on the claim; a candidate that cancelled meanwhile gives the place back and the
   * next is tried. Returns whoever was promoted (one place per call).
   */
  async promote(activityId: string, at: string): Promise<RawDocument | null> {
    for (let round = 0; round < RACE_ATTEMPTS; round += 1) {
      const activityDoc = await getDocument(this.collections, COLLECTIONS.activities, activityId)
      if (!activityDoc) return null
      const activity = activityFromDocument(activityDoc)
      if (activity.registeredCount >= activity.capacity) return null
      const result = await this.collections.run(COLLECTIONS.registrations, (c) =>
        checked(
          c
            .where({ activityId, status: 'waitlisted' })
            .orderBy('waitlistSeq', 'asc')
            .orderBy('_id', 'asc')
            .limit(PROMOTE_CANDIDATES)
            .get(),
        ),
      )
      const candidates = documentsOf(result)
      if (candidates.length === 0) return null
      for (const candidate of candidates) {
        const token = newRev()
        const claimed = await updateWhere(
          this.collections,
          COLLECTIONS.registrations,
          { _id: candidate._id, status: 'waitlisted' },
          { claim: token, claimedAt: Date.now() },
        )
        if (claimed !== 1) continue
        if (!(await this.gate(activity))) {
          await updateWhere(this.collections, COLLECTIONS.registrations, { _id: candidate._id, claim: token }, { claim: null })
          break
        }
        const flipped = await updateWhere(
          this.collections,
          COLLECTIONS.registrations,
          { _id: candidate._id, status: 'waitlisted', claim: token },
          { status: 'registered', holdsPlace: true, waitlistSeq: null, claim: null, updatedAt: at },
        )
        if (flipped === 1) {
          await this.bump(activityId, 0, -1)
          return this.doc(String(candidate._id))
        }
        await this.bump(activityId, -1, 0)
      }
      // Every candidate lost its race, or the place went elsewhere: read afresh.
    }
    return null
  }

  /** `promote`, one place at a time, until no place or nobody is left (or `max`). */
  async promoteWaitlist(activityId: string, at: string, max: number): Promise<Registration[]> {
    const promoted: Registration[] = []
    while (promoted.length < max) {
      const doc = await this.promote(activityId, at)
      if (!doc) break
      promoted.push(await this.toRegistration(doc))
    }
    return promoted
  }

  /** Each waiting member's registration is cancelled the way `cancel` does it (counted, conditioned). */
  async endWaitlist(activityId: string, at: string, max: number): Promise<Registration[]> {
    const ended: Registration[] = []
    for (let round = 0; round < SWEEP_MAX_ROUNDS && ended.length < max; round += 1) {
      const waiting = documentsOf(
        await this.collections.run(COLLECTIONS.registrations, (c) =>
          checked(c.where({ activityId, status: 'waitlisted' }).orderBy('waitlistSeq', 'asc').limit(Math.min(SWEEP_PAGE_SIZE, max - ended.length)).get()),
        ),
      )
      if (waiting.length === 0) break
      for (const doc of waiting) {
        const { cancelled } = await this.cancel(activityId, text(doc.openid), at)
        if (cancelled) ended.push(cancelled)
      }
    }
    return ended
  }

  // --- attendance -------------------------------------------------------------------------------

  async checkIn(activityId: string, openid: string, at: string): Promise<'ok' | 'already' | 'not_registered'> {
    const id = registrationId(activityId, openid)
    const doc = await this.doc(id)
    if (doc?.status === 'checked_in') return 'already'
    // registered / absent → checked_in: both hold a place, the counter does not change.
    const updated = await updateWhere(
      this.collections,
      COLLECTIONS.registrations,
      { _id: id, status: this._.in(['registered', 'absent']) },
      { status: 'checked_in', checkedInAt: at, updatedAt: at },
    )
    return updated === 1 ? 'ok' : 'not_registered'
  }

  /** A bounded page at a time: read ids of those still registered, flip exactly those. */
  async markAbsent(activityId: string, at: string): Promise<number> {
    const _ = this._
    let marked = 0
    for (let round = 0; round < SWEEP_MAX_ROUNDS; round += 1) {
      const page = documentsOf(
        await this.collections.run(COLLECTIONS.registrations, (c) =>
          checked(c.where({ activityId, status: 'registered' }).field({ _id: true }).limit(SWEEP_PAGE_SIZE).get()),
        ),
      )
      if (page.length === 0) return marked
      marked += await updateWhere(
        this.collections,
        COLLECTIONS.registrations,
        { _id: _.in(page.map((d) => d._id)), status: 'registered' },
        { status: 'absent', updatedAt: at },
      )
      if (page.length < SWEEP_PAGE_SIZE) return marked
    }
    throw new Error(`markAbsent ${activityId}: still registered after ${SWEEP_MAX_ROUNDS} rounds`)
  }

  // --- lists ------------------------------------------------------------------------------------

  /**
   * Oldest first by (createdAt, _id), members joined with one `_.in` read per batch. The name
   * filter needs the join, so with `q` batches are read and filtered until the page is full or
   * NAME_SCAN_MAX registrations were examined (then the page may be short; the cursor goes on).
   */
  async listForActivity(
    activityId: string,
    filters: RegistrationFilters,
    cursor: string | null,
    limit: number,
  ): Promise<Page<RegistrationWithMember>> {
    const _ = this._
    let after = decodeCursor(cursor, 2)
    const items: RegistrationWithMember[] = []
    let scanned = 0
    const batch = Math.min(limit + 1, MAX_READ)
    for (;;) {
      const conditions: object[] = [{ activityId, status: filters.status ? filters.status : _.in(VISIBLE) }]
      if (after) {
        const [createdAt, id] = after
        conditions.push(_.or([{ createdAt: _.gt(createdAt) }, { createdAt, _id: _.gt(id) }]) as object)
      }
      const docs = documentsOf(
        await this.collections.run(COLLECTIONS.registrations, (c) =>
          checked(
            c
              .where(allOf(this.collections, conditions))
              .orderBy('createdAt', 'asc')
              .orderBy('_id', 'asc')
              .limit(batch)
              .get(),
          ),
        ),
      )
      const members = await this.membersById(docs.map((d) => text(d.openid)))
      const needle = filters.q.toLowerCase()
      for (const doc of docs) {
        scanned += 1
        const member = members.get(text(doc.openid))
        // An inner join, as the SQLite adapter's: no member, no line.
        if (!member) continue
        if (needle && !text(member.name).toLowerCase().includes(needle)) continue
        if (items.length === limit) {
          const last = items[items.length - 1]!
          return { items, nextCursor: encodeCursor([last.createdAt, last.id]) }
        }
        items.push({
          ...(await this.toRegistration(doc)),
          name: text(member.name),
          phone: text(member.phone),
          university: text(member.university),
          degree: text(member.degree),
          hometownCounty: text(member.hometownCounty),
        })
        after = [text(doc.createdAt), String(doc._id)]
      }
      if (docs.length < batch) return { items, nextCursor: null }
      const lastDoc = docs[docs.length - 1]!
      after = [text(lastDoc.createdAt), String(lastDoc._id)]
      if (scanned >= NAME_SCAN_MAX) return { items, nextCursor: encodeCursor(after) }
    }
  }

  /** By openid, the cursor being the last openid. */
  async openidsOf(activityId: string, statuses: RegistrationStatus[], cursor: string | null, limit: number): Promise<Page<string>> {
    const _ = this._
    const docs = documentsOf(
      await this.collections.run(COLLECTIONS.registrations, (c) =>
        checked(
          c
            .where({ activityId, status: _.in(statuses), openid: _.gt(cursor ?? '') })
            .field({ openid: true })
            .orderBy('openid', 'asc')
            .limit(Math.min(limit + 1, MAX_READ))
            .get(),
        ),
      ),
    )
    const items = docs.slice(0, limit).map((d) => text(d.openid))
    return { items, nextCursor: docs.length > limit ? items[items.length - 1]! : null }
  }

  /** Newest first by (createdAt, _id); their activities in one `_.in` read. */
  async listForMember(openid: string, cursor: string | null, limit: number) {
    const { docs: page, more } = await keysetPage(this.collections, COLLECTIONS.registrations, {
      where: [{ openid, status: this._.in(VISIBLE) }],
      orderBy: ['createdAt', '_id'],
      direction: 'desc',
      cursor,
      limit,
    })
    const items = await this.withActivities(page)
    const last = page[page.length - 1]
    return {
      items,
      nextCursor: more && last ? encodeCursor([text(last.createdAt), String(last._id)]) : null,
    }
  }

  /** Up to HISTORY_SCAN of the member's registrations (paged by _id), sorted by the activity's start. */
  async historyOf(openid: string, max: number) {
    const _ = this._
    const docs: RawDocument[] = []
    let afterId = ''
    while (docs.length < HISTORY_SCAN) {
      const page = documentsOf(
        await this.collections.run(COLLECTIONS.registrations, (c) =>
          checked(
            c
              .where({ openid, status: _.in(VISIBLE), _id: _.gt(afterId) })
              .orderBy('_id', 'asc')
              .limit(Math.min(MAX_READ, HISTORY_SCAN - docs.length))
              .get(),
          ),
        ),
      )
      docs.push(...page)
      if (page.length === 0 || page.length < Math.min(MAX_READ, HISTORY_SCAN - docs.length + page.length)) break
      afterId = String(page[page.length - 1]!._id)
    }
    const items = await this.withActivities(docs)
    items.sort((a, b) => (a.activity.startAt < b.activity.startAt ? 1 : a.activity.startAt > b.activity.startAt ? -1 : 0))
    return items.slice(0, max)
  }

  async lastAnswers(openid: string): Promise<Record<string, AnswerValue>> {
    const docs = documentsOf(
      await this.collections.run(COLLECTIONS.registrations, (c) =>
        checked(c.where({ openid, hasAnswers: true }).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(10).get()),
      ),
    )
    const activities = await this.activitiesById(docs.map((d) => text(d.activityId)))
    // Newest first: an answer given more recently to the same question wins.
    const byLabel: Record<string, AnswerValue> = {}
    for (const doc of docs) {
      const answers = (doc.answers ?? {}) as Record<string, AnswerValue>
      for (const field of activities.get(text(doc.activityId))?.form ?? []) {
        if (answers[field.id] !== undefined && !(field.label in byLabel)) byLabel[field.label] = answers[field.id]!
      }
    }
    return byLabel
  }

  /**
   * Account deletion, a bounded page at a time: active registrations are cancelled (places freed,
   * the waitlist promoted), attended ones give their place back, then the documents are removed.
   * Safe to run again after a crash: removing a document never makes the counter too low.
   */
  async forgetMember(openid: string, at: string): Promise<void> {
    const _ = this._
    for (let round = 0; round < SWEEP_MAX_ROUNDS; round += 1) {
      const page = documentsOf(
        await this.collections.run(COLLECTIONS.registrations, (c) =>
          checked(c.where({ openid }).field({ _id: true, activityId: true, status: true }).limit(SWEEP_PAGE_SIZE).get()),
        ),
      )
      if (page.length === 0) return
      for (const doc of page) {
        const activityId = text(doc.activityId)
        if (doc.status === 'registered' || doc.status === 'waitlisted') {
          await this.cancel(activityId, openid, at)
        } else if (HOLDING.includes(doc.status as RegistrationStatus)) {
          const flipped = await updateWhere(
            this.collections,
            COLLECTIONS.registrations,
            { _id: doc._id, status: doc.status },
            { status: 'cancelled', updatedAt: at, releasedAt: Date.now() },
          )
          if (flipped === 1) await this.releasePlace(String(doc._id), activityId)
        }
      }
      await this.collections.run(COLLECTIONS.registrations, (c) =>
        checked(c.where({ openid, _id: _.in(page.map((d) => d._id)) }).remove()),
      )
      if (page.length < SWEEP_PAGE_SIZE) return
    }
    throw new Error(`forgetMember: registrations still left after ${SWEEP_MAX_ROUNDS} rounds`)
  }

  // --- repair -----------------------------------------------------------------------------------

  /**
   * Idempotent repair of one activity's counters, safe to run next to live traffic (the scheduler
   * runs it): 1. remove pending sign-ups whose claim is stale, clear `holdsPlace` marks whose
   * release is stale (their owners died between steps); 2. read the activity (its counters and
   * `countRev`); 3. count documents with `holdsPlace` (H), with a live claim (P: increments that
   * may be in flight) and waitlisted (W); 4. if `registeredCount` > H + P (leaked places) or
   * < H (cannot happen by construction; repaired towards safe), or `waitlistCount` ≠ W, write the
   * recount conditioned on the `countRev` read in 2: any counter write in between makes it a
   * no-op (tried again next run). 5. promote into any place that is now free.
   * Why it cannot oversell: a place taken after 2 changes `countRev`; one taken before 2 is
   * either flipped (holdsPlace, in H) or still claimed (in P) when counted in 3; a holder that
   * left keeps `holdsPlace` until its own decrement, which changes `countRev`.
   */
  async reconcile(activityId: string, at: string, now: number = Date.now()): Promise<ReconcileResult> {
    const _ = this._
    const staleBefore = now - CLAIM_GRACE_MS
    let cleared = 0
    for (let round = 0; round < SWEEP_MAX_ROUNDS; round += 1) {
      const stale = documentsOf(
        await this.collections.run(COLLECTIONS.registrations, (c) =>
          checked(c.where({ activityId, status: 'pending', claimedAt: _.lt(staleBefore) }).limit(SWEEP_PAGE_SIZE).get()),
        ),
      )
      for (const doc of stale) {
        const removed = await this.collections.run(COLLECTIONS.registrations, (c) =>
          checked(c.where({ _id: doc._id, status: 'pending', claim: doc.claim ?? null }).remove()),
        )
        cleared += num((removed as { deleted?: unknown }).deleted)
      }
      if (stale.length < SWEEP_PAGE_SIZE) break
    }
    // Public sign-ups (public-registrations.ts) hold places of the same counter, with the same marks.
    for (const name of PLACE_HOLDERS) {
      for (let round = 0; round < SWEEP_MAX_ROUNDS; round += 1) {
        const stale = documentsOf(
          await this.collections.run(name, (c) =>
            checked(
              c
                .where({ activityId, holdsPlace: true, status: _.in(['waitlisted', 'cancelled']), releasedAt: _.lt(staleBefore) })
                .field({ _id: true, releasedAt: true })
                .limit(SWEEP_PAGE_SIZE)
                .get(),
            ),
          ),
        )
        for (const doc of stale) {
          cleared += await updateWhere(this.collections, name, { _id: doc._id, holdsPlace: true, releasedAt: doc.releasedAt ?? null }, { holdsPlace: false })
        }
        if (stale.length < SWEEP_PAGE_SIZE) break
      }
    }

    const activityDoc = await getDocument(this.collections, COLLECTIONS.activities, activityId)
    if (!activityDoc) {
      return { activityId, registeredCount: { from: 0, to: 0 }, waitlistCount: { from: 0, to: 0 }, cleared, applied: false }
    }
    const registered = num(activityDoc.registeredCount)
    const waiting = num(activityDoc.waitlistCount)
    const [memberHolders, memberInFlight, waitlisted, publicHolders, publicInFlight] = await Promise.all([
      this.count({ activityId, holdsPlace: true }),
      this.count({ activityId, claim: _.neq(null), claimedAt: _.gte(staleBefore) }),
      this.count({ activityId, status: 'waitlisted' }),
      this.count({ activityId, holdsPlace: true }, COLLECTIONS.publicRegistrations),
      this.count({ activityId, claim: _.neq(null), claimedAt: _.gte(staleBefore) }, COLLECTIONS.publicRegistrations),
    ])
    const holders = memberHolders + publicHolders
    const inFlight = memberInFlight + publicInFlight
    const target = registered > holders + inFlight ? holders + inFlight : registered < holders ? holders : registered
    let applied = true
    if (target !== registered || waitlisted !== waiting) {
      applied =
        (await updateWhere(
          this.collections,
          COLLECTIONS.activities,
          { _id: activityId, countRev: activityDoc.countRev ?? null },
          { registeredCount: target, waitlistCount: waitlisted, countRev: newRev() },
        )) === 1
    }
    if (applied && target < registered) {
      for (let freed = target; freed < activityFromDocument(activityDoc).capacity; freed += 1) {
        if (!(await this.promote(activityId, at))) break
      }
    }
    return {
      activityId,
      registeredCount: { from: registered, to: applied ? target : registered },
      waitlistCount: { from: waiting, to: applied ? waitlisted : waiting },
      cleared,
      applied,
    }
  }

  /**
   * The scheduler's share of repair: up to `limit` activities that are not over yet, least
   * recently reconciled first (`reconciledAt`, missing sorts first), each reconciled and stamped.
   */
  async reconcileDue(at: string, limit: number, now: number = Date.now()): Promise<ReconcileResult[]> {
    const _ = this._
    const due = documentsOf(
      await this.collections.run(COLLECTIONS.activities, (c) =>
        checked(
          c
            .where({ status: _.in(['published', 'closed']), endAt: _.gt(at) })
            .field({ _id: true })
            .orderBy('reconciledAt', 'asc')
            .limit(Math.min(limit, MAX_READ))
            .get(),
        ),
      ),
    )
    const results: ReconcileResult[] = []
    for (const doc of due) {
      results.push(await this.reconcile(String(doc._id), at, now))
      await updateWhere(this.collections, COLLECTIONS.activities, { _id: doc._id }, { reconciledAt: at })
    }
    return results
  }

  // --- pieces -----------------------------------------------------------------------------------

  private async doc(id: string): Promise<RawDocument | null> {
    const doc = await getDocument(this.collections, COLLECTIONS.registrations, id)
    return doc && doc.status !== 'pending' ? doc : null
  }

  private async count(where: object, name: CollectionName = COLLECTIONS.registrations): Promise<number> {
    return totalOf(await this.collections.run(name, (c) => checked(c.where(where).count())))
  }

  /** The gate: one place, only while `registeredCount < capacity` (and the capacity is the one read). */
  private async gate(activity: Activity, extra: object = {}): Promise<boolean> {
    const _ = this._
    const updated = await updateWhere(
      this.collections,
      COLLECTIONS.activities,
      { _id: activity.id, capacity: activity.capacity, registeredCount: _.lt(activity.capacity), ...extra },
      { registeredCount: _.inc(1), countRev: newRev() },
    )
    return updated === 1
  }

  /** Counter moves that no rule gates (a place given back, the waitlist length). */
  private async bump(activityId: string, registered: number, waitlisted: number): Promise<void> {
    const _ = this._
    const data: Record<string, unknown> = { countRev: newRev() }
    if (registered) data.registeredCount = _.inc(registered)
    if (waitlisted) data.waitlistCount = _.inc(waitlisted)
    await updateWhere(this.collections, COLLECTIONS.activities, { _id: activityId }, data)
  }

  /** After a flip out of a holding status: the counter goes down, then the mark goes. */
  private async releasePlace(id: string, activityId: string): Promise<void> {
    await this.bump(activityId, -1, 0)
    await updateWhere(
      this.collections,
      COLLECTIONS.registrations,
      { _id: id, holdsPlace: true, status: this._.in(['waitlisted', 'cancelled']) },
      { holdsPlace: false },
    )
  }

  /**
   * A waitlist sequence number: `_.inc(1)` then a read. Two sign-ups at once may read the same
   * number; the order is (waitlistSeq, _id), so ties are still a strict order.
   */
  private async nextSeq(activityId: string): Promise<number> {
    await updateWhere(this.collections, COLLECTIONS.activities, { _id: activityId }, { waitlistSeqNext: this._.inc(1) })
    const doc = await getDocument(this.collections, COLLECTIONS.activities, activityId)
    return num(doc?.waitlistSeqNext)
  }

  private async position(doc: RawDocument): Promise<number | null> {
    if (doc.status !== 'waitlisted' || typeof doc.waitlistSeq !== 'number') return null
    const _ = this._
    const seq = doc.waitlistSeq
    return this.count(
      _.and([
        { activityId: doc.activityId, status: 'waitlisted' },
        _.or([{ waitlistSeq: _.lt(seq) }, { waitlistSeq: seq, _id: _.lte(doc._id) }]) as object,
      ]) as object,
    )
  }

  private async toRegistration(doc: RawDocument): Promise<Registration> {
    return {
      id: String(doc._id),
      activityId: text(doc.activityId),
      openid: text(doc.openid),
      status: doc.status as RegistrationStatus,
      position: await this.position(doc),
      answers: (doc.answers ?? {}) as Record<string, AnswerValue>,
      createdAt: text(doc.createdAt),
      updatedAt: text(doc.updatedAt),
      checkedInAt: textOrNull(doc.checkedInAt),
    }
  }

  private async withActivities(docs: RawDocument[]): Promise<{ activity: Activity; registration: Registration }[]> {
    const activities = await this.activitiesById(docs.map((d) => text(d.activityId)))
    const items: { activity: Activity; registration: Registration }[] = []
    for (const doc of docs) {
      const activity = activities.get(text(doc.activityId))
      if (activity) items.push({ activity, registration: await this.toRegistration(doc) })
    }
    return items
  }

  private async activitiesById(ids: string[]): Promise<Map<string, Activity>> {
    const found = new Map<string, Activity>()
    for (const chunk of chunks([...new Set(ids)], IN_CHUNK)) {
      const result = await this.collections.run(COLLECTIONS.activities, (c) =>
        checked(c.where({ _id: this._.in(chunk) }).limit(chunk.length).get()),
      )
      for (const doc of documentsOf(result)) found.set(String(doc._id), activityFromDocument(doc))
    }
    return found
  }

  private async membersById(openids: string[]): Promise<Map<string, RawDocument>> {
    const found = new Map<string, RawDocument>()
    for (const chunk of chunks([...new Set(openids)], IN_CHUNK)) {
      const result = await this.collections.run(COLLECTIONS.members, (c) =>
        checked(
          c
            .where({ _id: this._.in(chunk) })
            .field({ _id: true, name: true, phone: true, university: true, degree: true, hometownCounty: true })
            .limit(chunk.length)
            .get(),
        ),
      )
      for (const doc of documentsOf(result)) found.set(String(doc._id), doc)
    }
    return found
  }
}
