import type {
  AuditEntry,
  ConsentEvent,
  ExportedFavorite,
  ExportedHelperRole,
  ExportedInterest,
  ExportedJoinRequest,
  ExportedPush,
  ExportedStationMembership,
  ExportedSubscription,
} from '../../../types'
import type { MemberRecord } from './ports'

/** At most this many items of each kind are read for an export: bounded, and far above real use. */
export const EXPORT_MAX_PER_KIND = 2000

/**
 * What the store holds about a member that no other port hands out whole. The rest of an export
 * (profile, registrations, inbox, message log) comes through the ports that already read it.
 */
export interface StoredMemberData {
  consentHistory: ConsentEvent[]
  stationMemberships: ExportedStationMembership[]
  joinRequests: ExportedJoinRequest[]
  checkInHelperOf: ExportedHelperRole[]
  demandInterests: ExportedInterest[]
  favorites: ExportedFavorite[]
  /** Read state per notice: noticeId → when it was read. */
  noticeReads: { noticeId: string; readAt: string }[]
  subscriptions: ExportedSubscription[]
  noticePushes: ExportedPush[]
  /** Entries where the member is the subject or the actor. */
  auditEntries: AuditEntry[]
}

/** The privacy port: a member's consent, their data for an export, and what deletion must reach. */
export interface PrivacyStore {
  /** Everything of `StoredMemberData` about the member, each kind newest first, capped. */
  gather(openid: string): Promise<StoredMemberData>
  /** Appends to the consent history (registration writes the first `given`). */
  recordConsent(openid: string, event: ConsentEvent): Promise<void>
  /**
   * Gives (new version, withdrawal cleared) or withdraws consent on the member record and records
   * the event; a withdrawal also uses up every push authorisation. The updated record, or null
   * when there is no such member.
   */
  setConsent(openid: string, event: ConsentEvent): Promise<MemberRecord | null>
  /**
   * Account deletion, for what the other ports keep: the member leaves every check-in helper
   * list, audit entries about them (as subject or actor) carry `pseudonym` instead of the openid
   * and lose their free-text summary, what they did as a leader (decisions, activities, notices)
   * carries the pseudonym, and their consent history goes.
   */
  forgetMember(openid: string, pseudonym: string): Promise<void>
}
