import type { CollectionName } from './collections'

/**
 * The indexes each collection's queries want (audit D8), one list for the console or a
 * management-API script. Fields in order; `_id` last where a query pages by it. Without them
 * queries still work, but sort in memory once collections grow (16 MB sort memory). Every
 * collection has an entry (possibly empty), so a new collection cannot be forgotten here:
 * indexes.test.ts checks the keys against ALL_COLLECTIONS.
 */
export const INDEXES: Record<CollectionName, readonly (readonly string[])[]> = {
  members: [['stationId', 'stationJoinedAt', '_id'], ['hometownCounty'], ['degree'], ['graduationYear'], ['fields'], ['joinedAt']],
  fields: [['sort', '_id']],
  idempotency: [['openid']],
  stations: [['university', '_id'], ['status', 'university', '_id'], ['headOpenid'], ['deputyOpenids']],
  join_requests: [['stationId', 'status', 'createdAt', '_id'], ['openid', 'createdAt']],
  audit_log: [['at', '_id'], ['actorOpenid', 'at'], ['stationId', 'at']],
  station_locks: [],
  activities: [
    ['status', 'startAt', '_id'],
    ['status', 'signUpCloseAt'],
    ['status', 'remindedAt', 'startAt'],
    ['status', 'absenceMarkedAt', 'endAt'],
    ['status', 'endAt', 'reconciledAt'],
    ['platformId', 'status', 'startAt'],
    ['openToPublic', 'publicPurgedAt', 'endAt'],
  ],
  registrations: [
    ['activityId', 'status', 'waitlistSeq', '_id'],
    ['activityId', 'createdAt', '_id'],
    ['activityId', 'openid'],
    ['activityId', 'holdsPlace'],
    ['activityId', 'status', 'claimedAt'],
    ['activityId', 'claim', 'claimedAt'],
    ['openid', 'createdAt', '_id'],
    ['openid', '_id'],
    ['openid', 'hasAnswers', 'createdAt'],
  ],
  // claimPushes reads authorisations by template (notices.ts); forgetMember by openid.
  subscriptions: [['template', 'remaining', 'openid'], ['openid']],
  message_log: [['openid', 'at', '_id']],
  rate_limits: [],
  policies: [['status', 'publishedAt', '_id'], ['fields'], ['degrees'], ['counties'], ['category']],
  policy_favorites: [['openid', 'at', 'policyId']],
  demands: [['status', 'deadline', '_id'], ['status', 'field', 'deadline'], ['platformId', 'status', 'deadline']],
  demand_interests: [['demandId', 'at', 'openid'], ['openid']],
  notices: [['keys', 'sendAt'], ['senderOpenid', 'createdAt'], ['pushState', 'sendAt']],
  notice_recipients: [['openids'], ['noticeId']],
  notice_reads: [['openid', 'noticeId'], ['noticeId']],
  notice_pushes: [['noticeId', 'state', 'openid'], ['openid']],
  station_memberships: [['openid', 'stationId', 'leftAt'], ['stationId', 'joinedAt']],
  // Privacy: a member's consent history, read and removed by openid (member-export.ts).
  consent_events: [['openid', 'at']],
  destinations: [['openid', 'reportedAt', '_id']],
  pipeline_facts: [['cohort', 'county'], ['stationId', 'cohort'], ['fields'], ['reasons'], ['returned', 'cohort']],
  pipeline_snapshots: [],
  pipeline_station_snapshots: [['stationId', 'month'], ['month']],
  honour_awards: [['createdAt', '_id']],
  honour_nominations: [
    ['awardId', 'state', 'createdAt', '_id'],
    ['nomineeOpenid', 'state'],
    ['nominatorOpenid', 'createdAt'],
    ['stationId', 'state'],
    // The scheduler's look for 公示 that ended (state alone, oldest first).
    ['state', 'createdAt', '_id'],
  ],
  honour_events: [['nominationId', 'at', '_id'], ['actorOpenid']],
  honour_jurors: [['openid'], ['inviteCode'], ['createdAt', '_id']],
  honour_assignments: [['nominationId', 'drawOrder'], ['jurorId', 'nominationId']],
  honour_draws: [['awardId', 'at', '_id']],
  honour_objections: [['nominationId', 'createdAt', '_id'], ['filerOpenid', 'createdAt', '_id']],
  // The feed, the review queue, my stories, the media-check event, the 30-minute wait (stories.ts).
  stories: [['status', 'feedKey', '_id'], ['status', 'updatedAt', '_id'], ['authorOpenid', 'updatedAt'], ['subjectOpenid', 'updatedAt'], ['mediaTraceId'], ['status', 'submittedAt']],
  // The directory pages newest first under its filters; a platform page reads its activities and demands.
  platforms: [['status', 'createdAt', '_id'], ['status', 'county', 'createdAt'], ['status', 'kind', 'createdAt'], ['fields'], ['name', 'status']],
  platform_contacts: [['platformId', 'addedAt'], ['openid', 'addedAt']],
  platform_invites: [],
  platform_demand_drafts: [['platformId', 'status', 'createdAt', '_id'], ['platformId', 'submittedBy', 'createdAt']],
  // An activity's list pages by time; reconcile counts places held and claims in flight.
  public_registrations: [['activityId', 'createdAt', '_id'], ['activityId', 'holdsPlace'], ['activityId', 'claim', 'claimedAt'], ['openid', 'createdAt'], ['activityId', 'openid']],
  surveys: [['createdAt', '_id'], ['stationId', 'createdAt', '_id'], ['status', 'closeMs']],
  survey_counters: [['surveyId']],
  survey_recipients: [['surveyId', 'status', 'openid', '_id'], ['openid', 'publishedAt', '_id']],
  survey_drafts: [['openid']],
  survey_responses: [['surveyId', '_id'], ['openid']],
  competitions: [['createdAt', '_id']],
  competition_teams: [['competitionId', 'createdAt', '_id']],
  competition_people: [['openid']],
  competition_codes: [],
  competition_judges: [['competitionId', '_id'], ['openid']],
  competition_scores: [['competitionId']],
  competition_assignments: [],
  competition_notices: [['end', 'start']],
  competition_objections: [['competitionId', 'createdAt', '_id'], ['filerOpenid']],
}
