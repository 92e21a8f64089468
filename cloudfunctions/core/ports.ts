import type { FieldItem, Member } from '../../types'
import type { ActivityStore, MessageStore, RateLimiter, RegistrationStore } from './activity-ports'
import type { DemandStore, PolicyStore } from './policy-ports'
import type { AuditStore, MembershipStore, StationStore } from './station-ports'
import type { NoticeStore } from './notice-ports'

/**
 * Store ports, one per aggregate. Use cases depend on these only; the SQLite and CloudBase
 * adapters implement them and pass the same contract suite (adapters/store-contract.ts).
 */

/** A member as stored: `staff` is never stored, it comes from configuration. */
export type MemberRecord = Omit<Member, 'role'> & { role: 'student' | 'station_head' }

export type ProfileChanges = Partial<
  Pick<
    MemberRecord,
    | 'name'
    | 'phone'
    | 'university'
    | 'college'
    | 'major'
    | 'degree'
    | 'enrollmentYear'
    | 'graduationYear'
    | 'hometownCounty'
    | 'fields'
  >
>

export interface MemberStore {
  get(openid: string): Promise<MemberRecord | null>
  /** Inserts the member unless one with this openid exists; true when it inserted. */
  create(record: MemberRecord): Promise<boolean>
  /** Applies the changes; the updated member, or null when there is none. */
  update(openid: string, changes: ProfileChanges, updatedAt: string): Promise<MemberRecord | null>
  /** Removes the member; true when there was one. */
  remove(openid: string): Promise<boolean>
}

export interface FieldStore {
  /** Every key industry field, retired ones included, by `sort` then id. */
  list(): Promise<FieldItem[]>
  /** Inserts or replaces the field with this id. */
  save(field: FieldItem): Promise<FieldItem>
}

/** Results of writes keyed by (caller, requestId), so that a retry returns the first result. */
export interface IdempotencyStore {
  find(openid: string, requestId: string): Promise<string | null>
  /** Keeps the first result stored under the key; a later one is ignored. */
  remember(openid: string, requestId: string, result: string, at: string): Promise<void>
  /** Forgets everything remembered for this caller (their results may hold personal data). */
  forgetCaller(openid: string): Promise<void>
}

export interface Store {
  members: MemberStore
  fields: FieldStore
  idempotency: IdempotencyStore
  stations: StationStore
  membership: MembershipStore
  audit: AuditStore
  activities: ActivityStore
  registrations: RegistrationStore
  messages: MessageStore
  rateLimits: RateLimiter
  policies: PolicyStore
  demands: DemandStore
  notices: NoticeStore
  close(): Promise<void>
}
