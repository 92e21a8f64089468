import { PUBLIC_PARTICIPANTS_MAX, type Page, type PublicRegistration } from '../../../../types'
import type { NewPublicRegistration, PublicRegistrationStore, PublicSignUpOutcome } from '../../platform/ports'
import { encodeCursor } from '../../shared/cursor'
import { activityFromDocument } from './activities'
import { COLLECTIONS, type Collections } from './collections'
import { checked, documentsOf, isDuplicateWrite, totalOf, type RawDocument } from './database'
import { getDocument, keysetPage, MAX_READ, newRev, num, SWEEP_MAX_ROUNDS, text, textOrNull, updateWhere } from './docs'
import { CLAIM_GRACE_MS, registrationId } from './registrations'

/** Attempts of the gate when another sign-up took the counter first. */
const RACE_ATTEMPTS = 10

/**
 * The document of an account's sign-up in slot 1..PUBLIC_PARTICIPANTS_MAX: slot 1 keeps the
 * original one-per-person id, so documents written before children were possible stay slot 1.
 */
export const slotId = (activityId: string, openid: string, slot: number) =>
  slot === 1 ? registrationId(activityId, openid) : `${registrationId(activityId, openid)}:${slot}`

/**
 * Public sign-ups in CloudBase: `public_registrations`, `_id` = `slotId(activityId, openid, slot)`
 * (the unique `_id` keeps at most PUBLIC_PARTICIPANTS_MAX per account), {activityId, openid, status, name, phone, age, school,
 * grade, guardian, createdAt, updatedAt} and the bookkeeping of registrations.ts: `holdsPlace`,
 * `claim` / `claimedAt`, `releasedAt`. A place is taken by the same gate as a member's — the
 * conditional `registeredCount: _.lt(capacity)` increment on the activity (with `publicCount`
 * in the same write) — only after a `pending` claim, and the claim flips to `registered` after
 * it; cancel flips first and gives the place back after. So `registeredCount` ≥ holders in both
 * collections at every instant, and `reconcile` (registrations.ts) counts both.
 * A sign-up costs 5 requests (the caller's read of the activity, the account's sign-ups for it,
 * insert, gate, flip); a slot taken meanwhile by another of the account's sign-ups costs a read more.
 */
export class CloudBasePublicRegistrationStore implements PublicRegistrationStore {
  constructor(private readonly collections: Collections) {}

  private get _() {
    return this.collections.command
  }

  async signUp({ registration: r, seen }: NewPublicRegistration): Promise<PublicSignUpOutcome> {
    const token = newRev()
    const fields = {
      activityId: r.activityId,
      openid: r.openid,
      name: r.name,
      phone: r.phone,
      age: r.age,
      school: r.school,
      grade: r.grade,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      status: 'pending',
      checkedInAt: null,
      claim: token,
      claimedAt: Date.now(),
    }
    const known = new Map((await this.documentsOf(r.activityId, r.openid)).map((d) => [String(d._id), d]))
    const held = [...known.values()].find((d) => text(d.name) === r.name && d.status === 'registered')
    if (held) return { outcome: 'registered', registration: fromDocument(held), fresh: false }
    const inFlight = (d: RawDocument) => d.status === 'pending' && Date.now() - num(d.claimedAt) <= CLAIM_GRACE_MS
    if ([...known.values()].some((d) => text(d.name) === r.name && inFlight(d))) {
      throw new Error(`public sign-up of ${r.activityId}: another sign-up of this participant is in progress, try again`)
    }
    let id: string | null = null
    let previous: RawDocument | null = null
    for (let slot = 1; slot <= PUBLIC_PARTICIPANTS_MAX && !id; slot += 1) {
      const candidate = slotId(r.activityId, r.openid, slot)
      let doc = known.get(candidate) ?? null
      if (!doc) {
        try {
          await this.collections.run(COLLECTIONS.publicRegistrations, (c) =>
            checked(c.add({ _id: candidate, ...fields, guardian: r.guardian, holdsPlace: false, releasedAt: null })),
          )
          id = candidate
          break
        } catch (error) {
          if (!isDuplicateWrite(error)) throw error
          doc = await getDocument(this.collections, COLLECTIONS.publicRegistrations, candidate)
          if (!doc) continue
        }
      }
      const fresh = inFlight(doc)
      // The same participant again: the sign-up held answers; one still in flight asks for a retry.
      if (text(doc.name) === r.name && doc.status === 'registered') return { outcome: 'registered', registration: fromDocument(doc), fresh: false }
      if (text(doc.name) === r.name && fresh) throw new Error(`public sign-up ${candidate}: another sign-up of this participant is in progress, try again`)
      const stale = doc.status === 'pending' && !fresh
      const free = doc.status === 'cancelled' && doc.holdsPlace !== true
      if (!stale && !free) continue
      // Conditioned on the state read, so of two sign-ups one takes the document over.
      const won = await updateWhere(
        this.collections,
        COLLECTIONS.publicRegistrations,
        { _id: candidate, status: doc.status, claim: doc.claim ?? null, updatedAt: doc.updatedAt ?? null },
        { ...fields, guardian: r.guardian ? this._.set(r.guardian) : null },
      )
      if (won === 1) {
        id = candidate
        previous = doc
      }
    }
    if (!id) return { outcome: 'too_many' }

    let activityDoc: RawDocument | null = null
    let activity = seen?.id === r.activityId ? seen : null
    for (let attempt = 0; attempt < RACE_ATTEMPTS; attempt += 1) {
      if (!activity) {
        activityDoc = await getDocument(this.collections, COLLECTIONS.activities, r.activityId)
        activity = activityDoc ? activityFromDocument(activityDoc) : null
      }
      if (!activity || activity.status !== 'published') return this.giveBack(id, token, previous, { outcome: 'not_open' })
      // Members waiting come first; a public sign-up never waits.
      if (activity.waitlistCount > 0 || activity.registeredCount >= activity.capacity) return this.giveBack(id, token, previous, { outcome: 'full' })
      const gated = await updateWhere(
        this.collections,
        COLLECTIONS.activities,
        {
          _id: activity.id,
          status: 'published',
          capacity: activity.capacity,
          registeredCount: this._.lt(activity.capacity),
          waitlistCount: this._.lte(0),
        },
        { registeredCount: this._.inc(1), publicCount: this._.inc(1), countRev: newRev() },
      )
      if (gated === 1) {
        const flipped = await updateWhere(
          this.collections,
          COLLECTIONS.publicRegistrations,
          { _id: id, status: 'pending', claim: token },
          { status: 'registered', holdsPlace: true, claim: null },
        )
        if (flipped !== 1) {
          await this.release(r.activityId)
          throw new Error(`public sign-up ${id} was interrupted, try again`)
        }
        return { outcome: 'registered', registration: { ...r, id, status: 'registered' }, fresh: true }
      }
      activity = null
    }
    return this.giveBack(id, token, previous, { outcome: 'full' })
  }

  /** Undoes a claim that found no place: a new document goes, a taken-over one is cancelled again. */
  private async giveBack(id: string, token: string, previous: RawDocument | null, outcome: PublicSignUpOutcome): Promise<PublicSignUpOutcome> {
    const where = { _id: id, status: 'pending', claim: token }
    if (previous) {
      await updateWhere(this.collections, COLLECTIONS.publicRegistrations, where, { status: 'cancelled', claim: null })
    } else {
      await this.collections.run(COLLECTIONS.publicRegistrations, (c) => checked(c.where(where).remove()))
    }
    return outcome
  }

  /** One place back (and one fewer public sign-up counted). */
  private async release(activityId: string): Promise<void> {
    await updateWhere(
      this.collections,
      COLLECTIONS.activities,
      { _id: activityId },
      { registeredCount: this._.inc(-1), publicCount: this._.inc(-1), countRev: newRev() },
    )
  }

  /** The account's documents for the activity (any state): one bounded query on (activityId, openid). */
  private async documentsOf(activityId: string, openid: string): Promise<RawDocument[]> {
    return documentsOf(
      await this.collections.run(COLLECTIONS.publicRegistrations, (c) => checked(c.where({ activityId, openid }).limit(PUBLIC_PARTICIPANTS_MAX).get())),
    )
  }

  async mine(activityId: string, openid: string): Promise<PublicRegistration[]> {
    return (await this.documentsOf(activityId, openid))
      .filter((d) => d.status !== 'pending')
      .map(fromDocument)
      // Slot order: slot 1's id is the others' prefix, and slots are single digits.
      .sort((a, b) => a.id.length - b.id.length || a.id.localeCompare(b.id))
  }

  /** registered → cancelled (of two cancels one wins), then the place back, then the mark cleared. */
  async cancel(activityId: string, openid: string, id: string, at: string): Promise<PublicRegistration | null> {
    const flipped = await updateWhere(
      this.collections,
      COLLECTIONS.publicRegistrations,
      { _id: id, activityId, openid, status: 'registered' },
      { status: 'cancelled', updatedAt: at, releasedAt: Date.now() },
    )
    if (flipped !== 1) return null
    await this.release(activityId)
    await updateWhere(this.collections, COLLECTIONS.publicRegistrations, { _id: id, holdsPlace: true, status: 'cancelled' }, { holdsPlace: false })
    const doc = await getDocument(this.collections, COLLECTIONS.publicRegistrations, id)
    return doc ? fromDocument(doc) : null
  }

  /**
   * Each place-holding sign-up not checked in yet is stamped (conditioned on that, so two
   * check-ins count once), then the activity's `publicAttended` grows by the stamps that won.
   * 2 + n requests for n participants.
   */
  async checkIn(activityId: string, openid: string, at: string): Promise<PublicRegistration[]> {
    const due = (await this.documentsOf(activityId, openid)).filter((d) => d.status === 'registered' && (d.checkedInAt ?? null) === null)
    let stamped = 0
    for (const d of due) {
      stamped += await updateWhere(this.collections, COLLECTIONS.publicRegistrations, { _id: d._id, status: 'registered', checkedInAt: null }, { checkedInAt: at })
    }
    if (stamped > 0) await updateWhere(this.collections, COLLECTIONS.activities, { _id: activityId }, { publicAttended: this._.inc(stamped) })
    return this.mine(activityId, openid)
  }

  async listForActivity(activityId: string, cursor: string | null, limit: number): Promise<Page<PublicRegistration>> {
    const { docs, more } = await keysetPage(this.collections, COLLECTIONS.publicRegistrations, {
      where: [{ activityId, status: this._.in(['registered', 'cancelled']) }],
      orderBy: ['createdAt', '_id'],
      direction: 'asc',
      cursor,
      limit,
    })
    const items = docs.map(fromDocument)
    const last = docs[docs.length - 1]
    return { items, nextCursor: more && last ? encodeCursor([text(last.createdAt), String(last._id)]) : null }
  }

  async countFor(activityId: string): Promise<number> {
    return totalOf(await this.collections.run(COLLECTIONS.publicRegistrations, (c) => checked(c.where({ activityId }).count())))
  }

  /** One bounded query on (openid, createdAt); a claim still in flight is not a sign-up yet. */
  async listOf(openid: string, limit: number): Promise<PublicRegistration[]> {
    const docs = documentsOf(
      await this.collections.run(COLLECTIONS.publicRegistrations, (c) =>
        checked(
          c
            .where({ openid, status: this._.in(['registered', 'cancelled']) })
            .orderBy('createdAt', 'desc')
            .limit(Math.min(limit, MAX_READ))
            .get(),
        ),
      ),
    )
    return docs.map(fromDocument)
  }

  /** Removes every document of the person (a claim in flight too: its gate then finds no document to flip and gives the place back). */
  async removeAllOf(openid: string): Promise<number> {
    let deleted = 0
    for (let round = 0; round < SWEEP_MAX_ROUNDS; round += 1) {
      const removed = await this.collections.run(COLLECTIONS.publicRegistrations, (c) => checked(c.where({ openid }).remove()))
      const n = num((removed as { deleted?: unknown }).deleted)
      deleted += n
      if (n === 0) break
    }
    return deleted
  }

  /**
   * Activities open to the public, ended before `endedBefore`, not purged yet (`publicPurgedAt`
   * missing): their public sign-ups are removed, then the activity is stamped. A crash between
   * the two repeats the removal next run, which is harmless.
   */
  async purgeEnded(endedBefore: string, limit: number): Promise<{ activities: number; deleted: number }> {
    const _ = this._
    const due = documentsOf(
      await this.collections.run(COLLECTIONS.activities, (c) =>
        checked(
          c
            .where({ openToPublic: true, publicPurgedAt: null, endAt: _.lt(endedBefore) })
            .field({ _id: true })
            .limit(Math.min(limit, MAX_READ))
            .get(),
        ),
      ),
    )
    let deleted = 0
    for (const doc of due) {
      for (let round = 0; round < SWEEP_MAX_ROUNDS; round += 1) {
        const removed = await this.collections.run(COLLECTIONS.publicRegistrations, (c) => checked(c.where({ activityId: doc._id }).remove()))
        const n = num((removed as { deleted?: unknown }).deleted)
        deleted += n
        if (n === 0) break
      }
      await updateWhere(this.collections, COLLECTIONS.activities, { _id: doc._id }, { publicPurgedAt: endedBefore })
    }
    return { activities: due.length, deleted }
  }
}

function fromDocument(doc: RawDocument): PublicRegistration {
  return {
    id: String(doc._id),
    activityId: text(doc.activityId),
    openid: text(doc.openid),
    name: text(doc.name),
    phone: text(doc.phone),
    age: num(doc.age),
    school: text(doc.school),
    grade: text(doc.grade),
    guardian: (doc.guardian as PublicRegistration['guardian']) ?? null,
    checkedInAt: textOrNull(doc.checkedInAt),
    status: doc.status === 'registered' ? 'registered' : 'cancelled',
    createdAt: text(doc.createdAt),
    updatedAt: text(doc.updatedAt),
  }
}
