import { checked, errorCode, isCollectionMissing, type DbCollection, type DbQuery, type DbTransaction, type DocumentDatabase } from './database'

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
  /** 去向登记 history (pipeline.ts): one document per report, never overwritten. */
  destinations: 'destinations',
  /** `_id` = openid: the member's derived pipeline facts, which the dashboard aggregates. */
  pipelineFacts: 'pipeline_facts',
  /** `_id` = month (`2026-07`): the frozen dashboard figures of that month. */
  pipelineSnapshots: 'pipeline_snapshots',
  /** `_id` = `${month}:${stationId}`: a station's frozen figures of that month, as its head sees them. */
  pipelineStationSnapshots: 'pipeline_station_snapshots',
  /** Honours 评优评先 (honours.ts): award definitions, nominations and their append-only history. */
  honourAwards: 'honour_awards',
  honourNominations: 'honour_nominations',
  honourEvents: 'honour_events',
  /** The juror pool; `openid` set when an invite is redeemed. */
  honourJurors: 'honour_jurors',
  /** `_id` = `${nominationId}:${jurorId}`: one per juror drawn for a nomination. */
  honourAssignments: 'honour_assignments',
  honourObjections: 'honour_objections',
  /** Jury draws as recorded (seed, pool, exclusions, panel): replayable, never changed. */
  honourDraws: 'honour_draws',
  /** Stories of young talent (stories.ts): `_id` = story id. */
  stories: 'stories',
  /** 家乡创新平台 (platforms.ts): `_id` = platform id. */
  platforms: 'platforms',
  /** `_id` = `${platformId}:${openid}`: one contact per (platform, person). */
  platformContacts: 'platform_contacts',
  /** `_id` = the invite code; `usedAt` once redeemed. */
  platformInvites: 'platform_invites',
  /** Demands a contact proposed, until staff review them. */
  platformDemandDrafts: 'platform_demand_drafts',
  /** 面向公众/青少年 sign-ups without joining: `_id` = `${activityId}:${openid}`, deleted after the activity (retention). */
  publicRegistrations: 'public_registrations',
  /** Surveys (surveys.ts): the survey, its counters, frozen recipients, drafts, and answers kept apart. */
  surveys: 'surveys',
  surveyCounters: 'survey_counters',
  surveyRecipients: 'survey_recipients',
  surveyDrafts: 'survey_drafts',
  surveyResponses: 'survey_responses',
  /** Competitions (competitions.ts): `_id` = competition id, the record's properties. */
  competitions: 'competitions',
  /** `_id` = team id: the team whole (members in author order, advisors, versions). */
  competitionTeams: 'competition_teams',
  /** `_id` = `${competitionId}:${openid}`: a person's teams, for the per-person limits. */
  competitionPeople: 'competition_people',
  /** `_id` = a 6-digit invite code: {kind, targetId}. */
  competitionCodes: 'competition_codes',
  competitionJudges: 'competition_judges',
  /** `_id` = `${judgeId}:${teamId}`. */
  competitionScores: 'competition_scores',
  /** `_id` = competition id: {items: [{teamId, judgeIds}]}. */
  competitionAssignments: 'competition_assignments',
  /** `_id` = competition id: the results in 公示 (created once, then only set whole). */
  competitionNotices: 'competition_notices',
  /** `_id` = objection id: a real-name objection to a result in 公示. */
  competitionObjections: 'competition_objections',
} as const
export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS]

/**
 * Every collection the adapter uses: the one list that the set-up step (setup.ts), the README's
 * lock-down instruction and the index list (indexes.ts) are checked against.
 */
export const ALL_COLLECTIONS: readonly CollectionName[] = Object.values(COLLECTIONS)

/**
 * A projection always keeps `_openid`, so that `documentsOf` can still recognise (and refuse) a
 * client-written document read through a projected query (audit D1).
 */
function withOpenidProjected(collection: DbCollection): DbCollection {
  const guard = (query: DbQuery): DbQuery => ({
    where: (condition) => guard(query.where(condition)),
    orderBy: (field, direction) => guard(query.orderBy(field, direction)),
    limit: (max) => guard(query.limit(max)),
    field: (projection) => guard(query.field({ ...projection, _openid: true })),
    get: () => query.get(),
    remove: () => query.remove(),
    count: () => query.count(),
    update: (data) => query.update(data),
  })
  return { ...guard(collection), doc: (id) => collection.doc(id), add: (data) => collection.add(data), aggregate: () => collection.aggregate() }
}

/** The service's answers to a request over the plan's QPS or concurrency quota (audit D5). */
const THROTTLED = new Set(['EXCEED_REQUEST_LIMIT', 'EXCEED_CONCURRENT_REQUEST_LIMIT'])
/** Tries of one request while throttled: the pauses add up to about 1.5 s at most on average. */
const THROTTLE_ATTEMPTS = 5
const THROTTLE_BASE_MS = 50

/**
 * Runs an operation on a collection, creating the collection the first time the database says
 * it does not exist (DATABASE_COLLECTION_NOT_EXIST), then retrying once. This is a fallback: the
 * set-up step (setup.ts) creates every collection before launch, because one created here starts
 * client-writable until its rule is set to admin-only (audit D1).
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
      return await this.throttled(() => operation(withOpenidProjected(this.db.collection(name))))
    } catch (error) {
      if (!isCollectionMissing(error)) throw error
    }
    const createError = await this.create(name)
    try {
      return await this.throttled(() => operation(withOpenidProjected(this.db.collection(name))))
    } catch (error) {
      // Still missing: the creation failure, not the retry, is what explains it.
      if (isCollectionMissing(error) && createError !== undefined) throw createError
      throw error
    }
  }

  /**
   * Runs `work` in a node-sdk transaction over the named collections (creating any that is
   * missing, then once more), retried like a single request while throttled: a refused or
   * conflicting transaction was rolled back, so running it again is safe.
   */
  async transaction<T>(names: CollectionName[], work: (transaction: DbTransaction) => Promise<T>): Promise<T> {
    const attempt = () => this.throttled(async () => (await this.db.runTransaction(work)) as T)
    try {
      return await attempt()
    } catch (error) {
      if (!isCollectionMissing(error)) throw error
    }
    for (const name of names) await this.create(name)
    return attempt()
  }

  /**
   * Runs one request, again after a randomised, growing pause while the service answers that the
   * environment's request or concurrency quota is used up (the request was refused, nothing was
   * applied, so repeating it is safe; every `operation` passed to `run` is a single request).
   */
  private async throttled<T>(request: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await request()
      } catch (error) {
        if (!THROTTLED.has(errorCode(error) ?? '') || attempt >= THROTTLE_ATTEMPTS) throw error
      }
      // Full jitter: calls refused together do not come back together.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * THROTTLE_BASE_MS * 2 ** attempt))
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
