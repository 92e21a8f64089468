import type { Database } from 'better-sqlite3'
import type { ConsentEvent, JoinRequestStatus, ShareableField } from '../../../../types'
import type { MemberRecord } from '../../member/ports'
import { EXPORT_MAX_PER_KIND, type PrivacyStore, type StoredMemberData } from '../../member/privacy-ports'
import { auditEntryOf, type AuditRow } from './audit'
import { fromRow, type MemberRow } from './members'
import { statementCache, type Sql } from './statements'

/**
 * Where each SQLite table that holds a member's openid is covered by `member.exportMine`, or why
 * it is not. member-export.test.ts compares this with the schema: a new table with an openid-like
 * column and no line here fails the test, so no kind of member data can be left out silently.
 */
export const MEMBER_DATA_COVERAGE: Record<string, string> = {
  destinations: 'destinations (pipeline.destinationsOf)',
  members: 'member (members.get)',
  consent_events: 'consentHistory',
  station_memberships: 'stationMemberships',
  join_requests: 'joinRequests',
  registrations: 'registrations (registrations.historyOf), growthRecord',
  activities: 'checkInHelperOf (check_in_helpers); created_by is staff work, not data about the member',
  demand_interests: 'demandInterests',
  favorites: 'favorites',
  notice_reads: 'notices (read state)',
  notice_recipients: 'notices (notices.inbox resolves the frozen activity audiences)',
  notice_pushes: 'noticePushes',
  subscriptions: 'subscriptions',
  message_log: 'messages (messages.sentTo)',
  audit_log: 'auditEntries (subject or actor)',
  stations: 'not exported: head/deputy roles show in the profile (role, stationId)',
  notices: 'not exported: sender_openid marks notices a leader sent for the station, not data about them',
  competition_people: 'competitionTeams (competitions.teamsOf)',
  competition_judges: 'not exported: external judges hold no member profile; openid binds a seat',
  idempotency: 'not exported: copies of answers already exported, kept for retries and erased on deletion',
  platform_contacts: 'not exported: a staff-kept list of who speaks for a platform (name as staff wrote it), removed on deletion',
  survey_recipients: 'surveys (status and reminders; removed on deletion)',
  survey_drafts: 'surveys (draft; removed on deletion)',
  survey_responses: 'surveys (实名 answers via surveys.answersOf; the openid is cleared on deletion; anonymous answers carry none)',
  stories: 'stories (written by or about the member); removed or pseudonymised on deletion (forgetStoriesOf)',
  honour_nominations: 'nominations (for or by the member, with their materials; history as state and dates); withdrawn or de-named on deletion (forgetHonoursOf)',
  honour_jurors: 'honourJuryWork (the seat bound to the member\'s openid, its declarations and scores); unbound on deletion',
  public_registrations:
    'publicSignUps (publicRegistrations.listOf; also platform.exportMyPublicData for a non-member); removed on deletion, held places given back (forgetPublicSignUpsOf)',
}

/** Columns naming a member, by convention: anything with "openid", and the few named otherwise. */
export const MEMBER_COLUMN = /openid|^check_in_helpers$|^created_by$|^decided_by$/


const PSEUDONYMISED_SUMMARY = '（涉及已注销成员，内容已隐去）'

export class SqlitePrivacyStore implements PrivacyStore {
  private readonly sql: Sql

  constructor(private readonly db: Database) {
    this.sql = statementCache(db)
  }

  async gather(openid: string): Promise<StoredMemberData> {
    const cap = EXPORT_MAX_PER_KIND
    const consentHistory = this.sql<[string, number], ConsentEvent>(
      'SELECT kind, version, at FROM consent_events WHERE openid = ? ORDER BY id DESC LIMIT ?',
    ).all(openid, cap)
    const stationMemberships = this.sql<[string, number], { stationId: string; stationName: string; joinedAt: string; leftAt: string | null }>(
      `SELECT m.station_id AS stationId, coalesce(s.name, '') AS stationName, m.joined_at AS joinedAt, m.left_at AS leftAt
       FROM station_memberships m LEFT JOIN stations s ON s.id = m.station_id
       WHERE m.openid = ? ORDER BY m.joined_at DESC LIMIT ?`,
    ).all(openid, cap)
    const joinRequests = this.sql<
      [string, number],
      { id: string; stationId: string; stationName: string; note: string; status: JoinRequestStatus; reason: string; createdAt: string; decidedAt: string | null }
    >(
      `SELECT r.id, r.station_id AS stationId, coalesce(s.name, '') AS stationName, r.note, r.status, r.reason,
              r.created_at AS createdAt, r.decided_at AS decidedAt
       FROM join_requests r LEFT JOIN stations s ON s.id = r.station_id
       WHERE r.openid = ? ORDER BY r.created_at DESC LIMIT ?`,
    ).all(openid, cap)
    const checkInHelperOf = this.sql<[string, number], { activityId: string; activityTitle: string }>(
      `SELECT id AS activityId, title AS activityTitle FROM activities
       WHERE EXISTS (SELECT 1 FROM json_each(check_in_helpers) WHERE value = ?) ORDER BY start_at DESC LIMIT ?`,
    ).all(openid, cap)
    const demandInterests = this.sql<[string, number], { demandId: string; employer: string; position: string; shared: string; at: string }>(
      `SELECT i.demand_id AS demandId, coalesce(d.employer, '') AS employer, coalesce(d.position, '') AS position, i.shared, i.at
       FROM demand_interests i LEFT JOIN demands d ON d.id = i.demand_id WHERE i.openid = ? ORDER BY i.at DESC LIMIT ?`,
    )
      .all(openid, cap)
      .map((r) => ({ ...r, shared: JSON.parse(r.shared) as Partial<Record<ShareableField, string | number>> }))
    const favorites = this.sql<[string, number], { policyId: string; title: string; at: string }>(
      `SELECT f.policy_id AS policyId, coalesce(p.title, '') AS title, f.at FROM favorites f LEFT JOIN policies p ON p.id = f.policy_id
       WHERE f.openid = ? ORDER BY f.at DESC LIMIT ?`,
    ).all(openid, cap)
    const noticeReads = this.sql<[string, number], { noticeId: string; readAt: string }>(
      'SELECT notice_id AS noticeId, read_at AS readAt FROM notice_reads WHERE openid = ? ORDER BY read_at DESC LIMIT ?',
    ).all(openid, cap)
    const subscriptions = this.sql<[string, number], { template: string; remaining: number }>(
      'SELECT template, remaining FROM subscriptions WHERE openid = ? ORDER BY template LIMIT ?',
    ).all(openid, cap)
    const noticePushes = this.sql<[string, number], { noticeId: string; state: string; updatedAt: string }>(
      'SELECT notice_id AS noticeId, state, updated_at AS updatedAt FROM notice_pushes WHERE openid = ? ORDER BY updated_at DESC LIMIT ?',
    ).all(openid, cap)
    const auditEntries = this.sql<[string, string, number], AuditRow>(
      `SELECT * FROM audit_log WHERE subject_openid = ? OR actor_openid = ? ORDER BY at DESC, id DESC LIMIT ?`,
    )
      .all(openid, openid, cap)
      .map(auditEntryOf)
    return {
      consentHistory,
      stationMemberships,
      joinRequests,
      checkInHelperOf,
      demandInterests,
      favorites,
      noticeReads,
      subscriptions,
      noticePushes,
      auditEntries,
    }
  }

  async recordConsent(openid: string, event: ConsentEvent): Promise<void> {
    this.sql('INSERT INTO consent_events (openid, kind, version, at) VALUES (?, ?, ?, ?)').run(openid, event.kind, event.version, event.at)
  }

  async setConsent(openid: string, event: ConsentEvent): Promise<MemberRecord | null> {
    const update =
      event.kind === 'given'
        ? this.sql<[string, string, string, string], MemberRow>(
            `UPDATE members SET consent_version = ?, consent_at = ?, consent_withdrawn_at = NULL, updated_at = ?
             WHERE openid = ? RETURNING *`,
          )
        : null
    const withdraw = this.sql<[string, string, string], MemberRow>(
      'UPDATE members SET consent_withdrawn_at = ?, updated_at = ? WHERE openid = ? RETURNING *',
    )
    return this.db.transaction(() => {
      const row = update ? update.get(event.version, event.at, event.at, openid) : withdraw.get(event.at, event.at, openid)
      if (!row) return null
      this.sql('INSERT INTO consent_events (openid, kind, version, at) VALUES (?, ?, ?, ?)').run(openid, event.kind, event.version, event.at)
      // Withdrawn: the authorisations to push go too, so nothing more is sent.
      if (event.kind === 'withdrawn') this.sql('UPDATE subscriptions SET remaining = 0 WHERE openid = ?').run(openid)
      return fromRow(row)
    })()
  }

  async forgetMember(openid: string, pseudonym: string): Promise<void> {
    this.db.transaction(() => {
      this.sql(
        `UPDATE activities SET check_in_helpers = (SELECT json_group_array(value) FROM json_each(check_in_helpers) WHERE value != @openid)
         WHERE EXISTS (SELECT 1 FROM json_each(check_in_helpers) WHERE value = @openid)`,
      ).run({ openid })
      this.sql('UPDATE audit_log SET subject_openid = @pseudonym, summary = @summary WHERE subject_openid = @openid').run({
        openid,
        pseudonym,
        summary: PSEUDONYMISED_SUMMARY,
      })
      this.sql('UPDATE audit_log SET actor_openid = @pseudonym WHERE actor_openid = @openid').run({ openid, pseudonym })
      // What they did as a leader stays, under the pseudonym.
      this.sql('UPDATE join_requests SET decided_by = @pseudonym WHERE decided_by = @openid').run({ openid, pseudonym })
      this.sql('UPDATE activities SET created_by = @pseudonym WHERE created_by = @openid').run({ openid, pseudonym })
      this.sql('UPDATE notices SET sender_openid = @pseudonym WHERE sender_openid = @openid').run({ openid, pseudonym })
      this.sql('DELETE FROM consent_events WHERE openid = ?').run(openid)
    })()
  }
}

