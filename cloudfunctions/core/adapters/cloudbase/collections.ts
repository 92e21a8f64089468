import { checked, isCollectionMissing, type DbCollection, type DocumentDatabase } from './database'

export const COLLECTIONS = {
  members: 'members',
  fields: 'fields',
  idempotency: 'idempotency',
  stations: 'stations',
  joinRequests: 'join_requests',
  auditLog: 'audit_log',
  /** Uniqueness documents: one open station per university, one pending request per member. */
  stationLocks: 'station_locks',
  activities: 'activities',
  /** `_id` = `${activityId}:${openid}`: one registration per (activity, member). */
  registrations: 'registrations',
  /** Subscribe-message authorisations left: `_id` = `${openid}:${template}`. */
  subscriptions: 'subscriptions',
  messageLog: 'message_log',
  rateLimits: 'rate_limits',
  policies: 'policies',
  /** `_id` = `${openid}:${policyId}`: one favourite per (member, policy). */
  policyFavorites: 'policy_favorites',
  demands: 'demands',
  /** `_id` = `${demandId}:${openid}`: one interest per (demand, member). */
  demandInterests: 'demand_interests',
  /** Notices (notices.ts). */
  notices: 'notices',
  noticeRecipients: 'notice_recipients',
  noticeReads: 'notice_reads',
  noticePushes: 'notice_pushes',
  stationMemberships: 'station_memberships',
  /** Consent given and withdrawn, per member (member-export.ts). */
  consentEvents: 'consent_events',
} as const
export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS]

/**
 * Runs an operation on a collection, creating the collection the first time the database says
 * it does not exist (DATABASE_COLLECTION_NOT_EXIST), then retrying once. A fresh environment
 * thus works without console set-up; the security rule still has to be set to admin-only by hand.
 */
export class Collections {
  /** One creation attempt in flight per collection, so a cold burst of requests creates it once. */
  private readonly creating = new Map<CollectionName, Promise<unknown>>()

  constructor(private readonly db: DocumentDatabase) {}

  get command(): DocumentDatabase['command'] {
    return this.db.command
  }

  /** A case-insensitive "contains" condition for the text, its regular-expression characters escaped. */
  contains(text: string): unknown {
    return this.db.RegExp({ regexp: text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), options: 'i' })
  }

  async run<T>(name: CollectionName, operation: (collection: DbCollection) => Promise<T>): Promise<T> {
    try {
      return await operation(this.db.collection(name))
    } catch (error) {
      if (!isCollectionMissing(error)) throw error
    }
    const createError = await this.create(name)
    try {
      return await operation(this.db.collection(name))
    } catch (error) {
      // Still missing: the creation failure, not the retry, is what explains it.
      if (isCollectionMissing(error) && createError !== undefined) throw createError
      throw error
    }
  }

  /** Resolves to the creation error, if any: "already exists" (another instance won) is fine. */
  private async create(name: CollectionName): Promise<unknown> {
    let pending = this.creating.get(name)
    if (!pending) {
      pending = checked(this.db.createCollection(name)).then(
        () => undefined,
        (error: unknown) => error,
      )
      this.creating.set(name, pending)
    }
    const error = await pending
    // Only concurrent callers share an attempt: a later miss (say, a failure) tries afresh.
    if (this.creating.get(name) === pending) this.creating.delete(name)
    return error
  }
}
