import type { Page, PublicRegistration } from '../../../../types'
import type { NewPublicRegistration, PublicRegistrationStore, PublicSignUpOutcome } from '../../platform/ports'
import { encodeCursor } from '../../shared/cursor'
import { activityFromDocument } from './activities'
import { COLLECTIONS, type Collections } from './collections'
import { checked, documentsOf, isDuplicateWrite, totalOf, type RawDocument } from './database'
import { getDocument, keysetPage, MAX_READ, newRev, num, SWEEP_MAX_ROUNDS, text, updateWhere } from './docs'
import { CLAIM_GRACE_MS, registrationId } from './registrations'

/** Attempts of the gate when another sign-up took the counter first. */
const RACE_ATTEMPTS = 10

/**
 * Public sign-ups in CloudBase: `public_registrations`, `_id` = `${activityId}:${openid}` (the
 * unique `_id` keeps one per person), {activityId, openid, status, name, phone, age, school,
 * grade, guardian, createdAt, updatedAt} and the bookkeeping of registrations.ts: `holdsPlace`,
 * `claim` / `claimedAt`, `releasedAt`. A place is taken by the same gate as a member's — the
 * conditional `registeredCount: _.lt(capacity)` increment on the activity (with `publicCount`
 * in the same write) — only after a `pending` claim, and the claim flips to `registered` after
 * it; cancel flips first and gives the place back after. So `registeredCount` ≥ holders in both
 * collections at every instant, and `reconcile` (registrations.ts) counts both.
 * A sign-up costs 4 requests (the caller's read of the activity, insert, gate, flip).
 */
export class CloudBasePublicRegistrationStore implements PublicRegistrationStore {
  constructor(private readonly collections: Collections) {}

  private get _() {
    return this.collections.command
  }

  async signUp({ registration: r, seen }: NewPublicRegistration): Promise<PublicSignUpOutcome> {
    const id = registrationId(r.activityId, r.openid)
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
      claim: token,
      claimedAt: Date.now(),
    }
    let previous: RawDocument | null = null
    try {
      await this.collections.run(COLLECTIONS.publicRegistrations, (c) =>
        checked(c.add({ _id: id, ...fields, guardian: r.guardian, holdsPlace: false, releasedAt: null })),
      )
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
      const doc = await getDocument(this.collections, COLLECTIONS.publicRegistrations, id)
      if (doc?.status === 'registered') return { outcome: 'registered', registration: fromDocument(doc), fresh: false }
      const stale = doc?.status === 'pending' && Date.now() - num(doc.claimedAt) > CLAIM_GRACE_MS
      const free = doc?.status === 'cancelled' && doc.holdsPlace !== true
      // Conditioned on the state read, so of two retries one takes the document over.
      const won =
        doc && (stale || free)
          ? await updateWhere(
              this.collections,
              COLLECTIONS.publicRegistrations,
              { _id: id, status: doc.status, claim: doc.claim ?? null, updatedAt: doc.updatedAt ?? null },
              { ...fields, guardian: r.guardian ? this._.set(r.guardian) : null },
            )
          : 0
      if (won !== 1) throw new Error(`public sign-up ${id}: another sign-up of this person is in progress, try again`)
      previous = doc
    }

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

  async get(activityId: string, openid: string): Promise<PublicRegistration | null> {
    const doc = await getDocument(this.collections, COLLECTIONS.publicRegistrations, registrationId(activityId, openid))
    return doc && doc.status !== 'pending' ? fromDocument(doc) : null
  }

  /** registered → cancelled (of two cancels one wins), then the place back, then the mark cleared. */
  async cancel(activityId: string, openid: string, at: string): Promise<PublicRegistration | null> {
    const id = registrationId(activityId, openid)
    const flipped = await updateWhere(
      this.collections,
      COLLECTIONS.publicRegistrations,
      { _id: id, status: 'registered' },
      { status: 'cancelled', updatedAt: at, releasedAt: Date.now() },
    )
    if (flipped !== 1) return null
    await this.release(activityId)
    await updateWhere(this.collections, COLLECTIONS.publicRegistrations, { _id: id, holdsPlace: true, status: 'cancelled' }, { holdsPlace: false })
    return this.get(activityId, openid)
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
    status: doc.status === 'registered' ? 'registered' : 'cancelled',
    createdAt: text(doc.createdAt),
    updatedAt: text(doc.updatedAt),
  }
}
