import type { Activity, ActivityStatus, Eligibility, Page } from '../../../../types'
import type { ActivityChanges, ActivityListQuery, ActivityStore } from '../../activity/ports'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import { COLLECTIONS, type Collections } from './collections'
import { checked, documentsOf, type RawDocument } from './database'
import { allOf, getDocument, MAX_READ, newRev, propertyNames, text, textOrNull, updateWhere } from './docs'

/**
 * Stand-in for "no limit" in the eligibility match arrays: an empty eligibility list is stored as
 * `['*']`, so "may this profile join" is one `_.in([mine…, '*'])` per dimension (an array
 * property matches `$in` when any element is in the list) and needs no `$size`.
 */
export const ANYONE = '*'

/** The match arrays kept next to `eligibility` (written by create and by update). */
export function eligibilityMatch(e: Eligibility): Record<string, string[]> {
  const or = (list: string[]) => (list.length ? list : [ANYONE])
  return {
    eligDegrees: or(e.degrees),
    eligCounties: or(e.counties),
    eligFields: or(e.fields),
    eligStations: or(e.stationIds),
  }
}

const count = (value: unknown): number => (typeof value === 'number' ? value : 0)

export function activityFromDocument(doc: RawDocument): Activity {
  const e = (doc.eligibility ?? {}) as Partial<Eligibility>
  return {
    id: String(doc._id),
    type: doc.type as Activity['type'],
    title: text(doc.title),
    description: text(doc.description),
    hostOrg: text(doc.hostOrg),
    place: text(doc.place),
    startAt: text(doc.startAt),
    endAt: text(doc.endAt),
    signUpOpenAt: text(doc.signUpOpenAt),
    signUpCloseAt: text(doc.signUpCloseAt),
    capacity: count(doc.capacity),
    waitlist: doc.waitlist === true,
    eligibility: {
      degrees: e.degrees ?? [],
      counties: e.counties ?? [],
      fields: e.fields ?? [],
      stationIds: e.stationIds ?? [],
    } as Eligibility,
    form: Array.isArray(doc.form) ? (doc.form as Activity['form']) : [],
    coverImage: textOrNull(doc.coverImage),
    checkInHelpers: Array.isArray(doc.checkInHelpers) ? doc.checkInHelpers.map(String) : [],
    status: doc.status as ActivityStatus,
    cancelReason: text(doc.cancelReason),
    stationId: textOrNull(doc.stationId),
    platformId: textOrNull(doc.platformId),
    openToPublic: doc.openToPublic === true,
    publicCount: count(doc.publicCount),
    createdBy: text(doc.createdBy),
    registeredCount: count(doc.registeredCount),
    waitlistCount: count(doc.waitlistCount),
    createdAt: text(doc.createdAt),
    updatedAt: text(doc.updatedAt),
    publishedAt: textOrNull(doc.publishedAt),
  }
}

/** The writable properties (the Record type keeps the list complete). */
const CHANGEABLE_KEYS = propertyNames<keyof ActivityChanges>({
  type: true,
  title: true,
  description: true,
  hostOrg: true,
  place: true,
  startAt: true,
  endAt: true,
  signUpOpenAt: true,
  signUpCloseAt: true,
  capacity: true,
  waitlist: true,
  eligibility: true,
  form: true,
  coverImage: true,
  checkInHelpers: true,
  cancelReason: true,
  stationId: true,
  platformId: true,
  openToPublic: true,
})

/**
 * Activities in CloudBase: `activities`, `_id` = activity id, the record's camelCase properties
 * plus the bookkeeping of registrations.ts — `registeredCount` (places held: the counter that the
 * conditional `_.lt(capacity)` increment gates), `waitlistCount`, `waitlistSeqNext` (waitlist
 * order), `countRev` (changes with every counter write, so `reconcile` can compare-and-set) —
 * the eligibility match arrays (`eligDegrees`…, see ANYONE), and the scheduler's marks
 * `remindedAt` / `absenceMarkedAt`.
 *
 * Index (status, startAt, _id), (status, signUpCloseAt), (status, remindedAt, startAt) and
 * (status, absenceMarkedAt, endAt).
 */
export class CloudBaseActivityStore implements ActivityStore {
  constructor(private readonly collections: Collections) {}

  private get _() {
    return this.collections.command
  }

  async create(a: Activity): Promise<void> {
    const { id, ...rest } = a
    await this.collections.run(COLLECTIONS.activities, (c) =>
      checked(
        c.add({
          _id: id,
          ...rest,
          ...eligibilityMatch(a.eligibility),
          waitlistSeqNext: 0,
          countRev: newRev(),
          remindedAt: null,
          absenceMarkedAt: null,
        }),
      ),
    )
  }

  async get(id: string): Promise<Activity | null> {
    const doc = await getDocument(this.collections, COLLECTIONS.activities, id)
    return doc ? activityFromDocument(doc) : null
  }

  /** `doc.update` never inserts; the counters are never part of `changes`. */
  async update(id: string, changes: ActivityChanges, at: string): Promise<Activity | null> {
    const data: Record<string, unknown> = { updatedAt: at }
    for (const key of CHANGEABLE_KEYS) if (changes[key] !== undefined) data[key] = changes[key]
    if (changes.eligibility) Object.assign(data, eligibilityMatch(changes.eligibility))
    await this.collections.run(COLLECTIONS.activities, (c) => checked(c.doc(id).update(data)))
    return this.get(id)
  }

  /** One conditional write: `where({_id, status: _.in(from)})`; of two racing transitions one wins. */
  async transition(
    id: string,
    from: ActivityStatus[],
    to: ActivityStatus,
    at: string,
    extra: { cancelReason?: string; publishedAt?: string } = {},
  ): Promise<boolean> {
    const data: Record<string, unknown> = { status: to, updatedAt: at }
    if (extra.cancelReason !== undefined) data.cancelReason = extra.cancelReason
    if (extra.publishedAt !== undefined) data.publishedAt = extra.publishedAt
    return (await updateWhere(this.collections, COLLECTIONS.activities, { _id: id, status: this._.in(from) }, data)) === 1
  }

  /** By (startAt, _id), descending for 'ended'; keyset cursor; `limit + 1` tells whether there is more. */
  async list(q: ActivityListQuery): Promise<Page<Activity>> {
    const _ = this._
    const descending = q.phase === 'ended'
    const after = decodeCursor(q.cursor, 2)
    const conditions: object[] = [{ status: _.in(q.statuses) }]
    if (q.type) conditions.push({ type: q.type })
    if (q.text) {
      const pattern = this.collections.contains(q.text)
      conditions.push(_.or([{ title: pattern }, { place: pattern }]) as object)
    }
    if (q.phase === 'open') {
      conditions.push({ status: 'published', signUpOpenAt: _.lte(q.now) }, { signUpCloseAt: _.gt(q.now) })
    }
    if (q.phase === 'upcoming') conditions.push({ startAt: _.gt(q.now) })
    if (q.phase === 'ended') conditions.push({ endAt: _.lte(q.now) })
    if (q.phase === 'current') conditions.push({ endAt: _.gt(q.now) })
    if (q.stationScope) {
      const ids: (string | null)[] = [...q.stationScope.stationIds]
      if (q.stationScope.includeGeneral) ids.push(null)
      conditions.push({ stationId: _.in(ids) })
    }
    if (q.eligibleFor) {
      const e = q.eligibleFor
      conditions.push({
        eligDegrees: _.in([e.degree, ANYONE]),
        eligCounties: _.in([e.county, ANYONE]),
        eligFields: _.in([...e.fields, ANYONE]),
        eligStations: _.in(e.stationId ? [e.stationId, ANYONE] : [ANYONE]),
      })
    }
    if (after) {
      const [startAt, id] = after
      const beyond = descending ? _.lt : _.gt
      conditions.push(_.or([{ startAt: beyond(startAt) }, { startAt, _id: beyond(id) }]) as object)
    }
    const direction = descending ? 'desc' : 'asc'
    const result = await this.collections.run(COLLECTIONS.activities, (c) =>
      checked(
        c
          .where(allOf(this.collections, conditions))
          .orderBy('startAt', direction)
          .orderBy('_id', direction)
          .limit(Math.min(q.limit + 1, MAX_READ))
          .get(),
      ),
    )
    const docs = documentsOf(result)
    const items = docs.slice(0, q.limit).map(activityFromDocument)
    const last = items[items.length - 1]
    return { items, nextCursor: docs.length > q.limit && last ? encodeCursor([last.startAt, last.id]) : null }
  }

  async dueToCloseSignUp(now: string, limit: number): Promise<Activity[]> {
    const result = await this.collections.run(COLLECTIONS.activities, (c) =>
      checked(
        c
          .where({ status: 'published', signUpCloseAt: this._.lte(now) })
          .orderBy('signUpCloseAt', 'asc')
          .limit(Math.min(limit, MAX_READ))
          .get(),
      ),
    )
    return documentsOf(result).map(activityFromDocument)
  }

  /**
   * Candidates, then a mark per activity conditioned on it being unmarked (`remindedAt: null`):
   * of two scheduler runs at once, each activity is taken by exactly one. Dying after the mark
   * skips that activity's reminders (at most once, never twice).
   */
  async takeDueForReminder(now: string, dayLater: string, limit: number): Promise<Activity[]> {
    const _ = this._
    return this.take(
      [{ status: _.in(['published', 'closed']), remindedAt: null, startAt: _.gt(now) }, { startAt: _.lte(dayLater) }],
      'startAt',
      'remindedAt',
      now,
      limit,
    )
  }

  async takeEndedForAbsence(now: string, limit: number): Promise<Activity[]> {
    const _ = this._
    return this.take(
      [{ status: _.in(['published', 'closed']), absenceMarkedAt: null, endAt: _.lte(now) }],
      'endAt',
      'absenceMarkedAt',
      now,
      limit,
    )
  }

  private async take(where: object[], order: string, mark: string, now: string, limit: number): Promise<Activity[]> {
    const result = await this.collections.run(COLLECTIONS.activities, (c) =>
      checked(c.where(allOf(this.collections, where)).orderBy(order, 'asc').limit(Math.min(limit, MAX_READ)).get()),
    )
    const taken: Activity[] = []
    for (const doc of documentsOf(result)) {
      const won = await updateWhere(this.collections, COLLECTIONS.activities, { _id: doc._id, [mark]: null }, { [mark]: now })
      if (won === 1) taken.push(activityFromDocument(doc))
    }
    return taken
  }
}
