import type { AuditEntry, ConsentEvent, JoinRequestStatus, ShareableField } from '../../../../types'
import type { MemberRecord } from '../../member/ports'
import { newTimeOrderedId } from '../../shared/ids'
import { EXPORT_MAX_PER_KIND, type PrivacyStore, type StoredMemberData } from '../../member/privacy-ports'
import { COLLECTIONS, type CollectionName, type Collections } from './collections'
import { checked, documentsOf, type RawDocument } from './database'
import { memberFromDocument } from './members'

/**
 * The privacy port over CloudBase. `consent_events`: `_id` random, {openid, kind, version, at};
 * index (openid, at). Every read is one bounded query (≤ 1000 documents, the SDK's cap) on an
 * `openid` property the other stores already index; titles and names are looked up with `_.in`.
 */
const READ_CAP = Math.min(EXPORT_MAX_PER_KIND, 1000)

/**
 * Every collection, and how `member.exportMine` covers what it holds about a member (or why it
 * holds nothing that is theirs). Keyed by CollectionName: a new collection without a line here
 * does not compile.
 */
export const MEMBER_DATA_COVERAGE: Record<CollectionName, string> = {
  members: 'member (members.get)',
  consent_events: 'consentHistory',
  station_memberships: 'stationMemberships',
  join_requests: 'joinRequests',
  registrations: 'registrations (registrations.historyOf), growthRecord',
  activities: 'checkInHelperOf (checkInHelpers); createdBy is staff work',
  demand_interests: 'demandInterests',
  policy_favorites: 'favorites',
  notice_reads: 'notices (read state)',
  notice_recipients: 'notices (notices.inbox resolves the frozen activity audiences)',
  notice_pushes: 'noticePushes',
  subscriptions: 'subscriptions',
  message_log: 'messages (messages.sentTo)',
  audit_log: 'auditEntries (subject or actor)',
  stations: 'not exported: head/deputy roles show in the profile',
  notices: 'not exported: senderOpenid marks notices a leader sent for the station',
  idempotency: 'not exported: copies of answers already exported, erased on deletion',
  station_locks: 'not exported: a lock per pending request, removed with it',
  rate_limits: 'not exported: attempt counters keyed by a hash',
  fields: 'nothing about members (the key industry fields)',
  policies: 'nothing about members',
  demands: 'nothing about members',
  destinations: 'destinations (pipeline.destinationsOf)',
  pipeline_snapshots: 'nothing about members (counts only)',
  pipeline_station_snapshots: 'nothing about members (counts only, small cells suppressed)',
  honour_awards: 'nothing about members (award definitions)',
  honour_nominations: 'nominations (for or by the member, with their materials); withdrawn or de-named on deletion (forgetHonoursOf)',
  honour_events: 'nominations (the history of each is its state and dates; each move is also in the audit log); actor pseudonymised on deletion',
  honour_jurors: 'honourJuryWork (the seat bound to the member\'s openid, name as staff entered it); unbound on deletion',
  honour_assignments: 'honourJuryWork (declarations and scores of the member\'s seat, blind)',
  honour_draws: 'nothing about members (juror ids, a seed and the panel; byOpenid marks staff work)',
  honour_objections: 'honourObjections (objections the member filed: real name, phone, text, outcome); filer de-named on deletion',
  stories: 'stories (written by or about the member); removed or pseudonymised on deletion (forgetStoriesOf)',
  platforms: 'nothing about members (the contact is an external person, for staff only)',
  platform_contacts: 'not exported: a staff-kept list of who speaks for a platform (name as staff wrote it)',
  platform_invites: 'nothing about members (a code and the invited name)',
  platform_demand_drafts: 'not exported: demands a platform contact proposed for their organisation',
  public_registrations:
    'publicSignUps (publicRegistrations.listOf; also platform.exportMyPublicData for a non-member; removed on deletion, places given back)',
  surveys: 'nothing about members (creatorOpenid/approvedBy mark staff work)',
  survey_counters: 'nothing about members (counts only)',
  survey_recipients: 'surveys (status and reminders; removed on deletion)',
  survey_drafts: 'surveys (draft; removed on deletion)',
  survey_responses: 'surveys (实名 answers via surveys.answersOf; the openid is cleared on deletion; anonymous answers carry none)',
  competition_people: 'competitionTeams (competitions.teamsOf)',
  competition_teams: 'competitionTeams (role, author order, confirmation, versions, result)',
  competition_judges: 'not exported: external judges hold no member profile; openid binds a seat',
  competition_scores: 'not exported: judges\' work, not data about a member',
  competition_codes: 'nothing about members (invite codes)',
  competition_assignments: 'nothing about members (judges per team)',
  competition_notices: 'published results (team, project, unit, award): public facts, no personal data beyond the team name',
  competition_objections: 'competitionObjections (objections the member filed to a result in 公示: real name, phone, text, outcome); filer de-named on deletion (forgetCompetitionsOf)',
  competitions: 'nothing about members',
  pipeline_facts: 'not exported: derived from the profile, registrations, interests and destinations, all exported; removed on deletion',
}
const PSEUDONYMISED_SUMMARY = '（涉及已注销成员，内容已隐去）'

const text = (value: unknown): string => (typeof value === 'string' ? value : '')
const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null)
const newestFirst = <T>(items: T[], key: (item: T) => string) => items.sort((a, b) => key(b).localeCompare(key(a)))

export class CloudBasePrivacyStore implements PrivacyStore {
  constructor(private readonly collections: Collections) {}

  private async find(name: CollectionName, where: object): Promise<RawDocument[]> {
    return documentsOf(await this.collections.run(name, (c) => checked(c.where(where).limit(READ_CAP).get())))
  }

  /** `_id` → document, for the ids given (titles of activities, names of stations…). */
  private async byIds(name: CollectionName, ids: string[]): Promise<Map<string, RawDocument>> {
    const unique = [...new Set(ids)]
    if (unique.length === 0) return new Map()
    const docs = await this.find(name, { _id: this.collections.command.in(unique) })
    return new Map(docs.map((d) => [String(d._id), d]))
  }

  async gather(openid: string): Promise<StoredMemberData> {
    const _ = this.collections.command
    const [consents, memberships, requests, helperOf, interests, favorites, reads, subscriptions, pushes, audit] = await Promise.all([
      this.find(COLLECTIONS.consentEvents, { openid }),
      this.find(COLLECTIONS.stationMemberships, { openid }),
      this.find(COLLECTIONS.joinRequests, { openid }),
      // An array property equal to a value matches documents whose array holds it.
      this.find(COLLECTIONS.activities, { checkInHelpers: openid }),
      this.find(COLLECTIONS.demandInterests, { openid }),
      this.find(COLLECTIONS.policyFavorites, { openid }),
      this.find(COLLECTIONS.noticeReads, { openid }),
      this.find(COLLECTIONS.subscriptions, { openid }),
      this.find(COLLECTIONS.noticePushes, { openid }),
      this.find(COLLECTIONS.auditLog, _.or([{ subjectOpenid: openid }, { actorOpenid: openid }]) as object),
    ])
    const stations = await this.byIds(COLLECTIONS.stations, [...memberships, ...requests].map((d) => text(d.stationId)))
    const demands = await this.byIds(COLLECTIONS.demands, interests.map((d) => text(d.demandId)))
    const policies = await this.byIds(COLLECTIONS.policies, favorites.map((d) => text(d.policyId)))
    const stationName = (id: unknown) => text(stations.get(text(id))?.name)
    return {
      // Newest first by time-ordered id, which keeps the order of events stamped in one millisecond.
      consentHistory: newestFirst(consents, (d) => String(d._id)).map(
        (d): ConsentEvent => ({ kind: d.kind === 'withdrawn' ? 'withdrawn' : 'given', version: text(d.version), at: text(d.at) }),
      ),
      stationMemberships: newestFirst(
        memberships.map((d) => ({ stationId: text(d.stationId), stationName: stationName(d.stationId), joinedAt: text(d.joinedAt), leftAt: textOrNull(d.leftAt) })),
        (m) => m.joinedAt,
      ),
      joinRequests: newestFirst(
        requests.map((d) => ({
          id: String(d._id),
          stationId: text(d.stationId),
          stationName: stationName(d.stationId),
          note: text(d.note),
          status: text(d.status) as JoinRequestStatus,
          reason: text(d.reason),
          createdAt: text(d.createdAt),
          decidedAt: textOrNull(d.decidedAt),
        })),
        (r) => r.createdAt,
      ),
      checkInHelperOf: helperOf.map((d) => ({ activityId: String(d._id), activityTitle: text(d.title) })),
      demandInterests: newestFirst(
        interests.map((d) => {
          const demand = demands.get(text(d.demandId))
          const shared = typeof d.shared === 'object' && d.shared !== null ? (d.shared as Partial<Record<ShareableField, string | number>>) : {}
          return { demandId: text(d.demandId), employer: text(demand?.employer), position: text(demand?.position), shared, at: text(d.at) }
        }),
        (i) => i.at,
      ),
      favorites: newestFirst(
        favorites.map((d) => ({ policyId: text(d.policyId), title: text(policies.get(text(d.policyId))?.title), at: text(d.at) })),
        (f) => f.at,
      ),
      noticeReads: newestFirst(reads.map((d) => ({ noticeId: text(d.noticeId), readAt: text(d.readAt) })), (r) => r.readAt),
      subscriptions: subscriptions.map((d) => ({ template: text(d.template), remaining: typeof d.remaining === 'number' ? d.remaining : 0 })),
      noticePushes: newestFirst(pushes.map((d) => ({ noticeId: text(d.noticeId), state: text(d.state), updatedAt: text(d.updatedAt) })), (p) => p.updatedAt),
      auditEntries: newestFirst(audit.map(entryFromDocument), (e) => `${e.at}${e.id}`),
    }
  }

  async recordConsent(openid: string, event: ConsentEvent): Promise<void> {
    await this.collections.run(COLLECTIONS.consentEvents, (c) => checked(c.add({ _id: newTimeOrderedId('ce', new Date(event.at)), openid, ...event })))
  }

  /** The member document first, then the history: a crash in between loses a line, never the state. */
  async setConsent(openid: string, event: ConsentEvent): Promise<MemberRecord | null> {
    const change =
      event.kind === 'given'
        ? { consentVersion: event.version, consentAt: event.at, consentWithdrawnAt: null, updatedAt: event.at }
        : { consentWithdrawnAt: event.at, updatedAt: event.at }
    await this.collections.run(COLLECTIONS.members, (c) => checked(c.doc(openid).update(change)))
    const [doc] = documentsOf(await this.collections.run(COLLECTIONS.members, (c) => checked(c.doc(openid).get())))
    if (!doc) return null
    await this.recordConsent(openid, event)
    // Withdrawn: the authorisations to push go too, so nothing more is sent.
    if (event.kind === 'withdrawn') {
      await this.collections.run(COLLECTIONS.subscriptions, (c) => checked(c.where({ openid }).update({ remaining: 0 })))
    }
    return memberFromDocument(doc)
  }

  async forgetMember(openid: string, pseudonym: string): Promise<void> {
    const helperOf = await this.find(COLLECTIONS.activities, { checkInHelpers: openid })
    for (const doc of helperOf) {
      const helpers = Array.isArray(doc.checkInHelpers) ? doc.checkInHelpers.map(String) : []
      await this.collections.run(COLLECTIONS.activities, (c) =>
        checked(c.doc(String(doc._id)).update({ checkInHelpers: helpers.filter((h) => h !== openid) })),
      )
    }
    const rewrite = (name: CollectionName, where: object, data: object) =>
      this.collections.run(name, (c) => checked(c.where(where).update(data)))
    await rewrite(COLLECTIONS.auditLog, { subjectOpenid: openid }, { subjectOpenid: pseudonym, summary: PSEUDONYMISED_SUMMARY })
    await rewrite(COLLECTIONS.auditLog, { actorOpenid: openid }, { actorOpenid: pseudonym })
    await rewrite(COLLECTIONS.joinRequests, { decidedBy: openid }, { decidedBy: pseudonym })
    await rewrite(COLLECTIONS.activities, { createdBy: openid }, { createdBy: pseudonym })
    await rewrite(COLLECTIONS.notices, { senderOpenid: openid }, { senderOpenid: pseudonym })
    await this.collections.run(COLLECTIONS.consentEvents, (c) => checked(c.where({ openid }).remove()))
  }
}

function entryFromDocument(doc: RawDocument): AuditEntry {
  return {
    id: String(doc._id),
    at: text(doc.at),
    actorOpenid: text(doc.actorOpenid),
    actorRole: text(doc.actorRole),
    action: text(doc.action),
    stationId: textOrNull(doc.stationId),
    subjectOpenid: textOrNull(doc.subjectOpenid),
    summary: text(doc.summary),
  }
}
