import type {
  Activity,
  DemandDraft,
  Page,
  Platform,
  PlatformActivityLine,
  PlatformContactPerson,
  PlatformDemandLine,
  PlatformInvite,
  PlatformParticipant,
  PublicRegistration,
} from '../../../types'

/**
 * Ports of the innovation-platform directory. A platform page also reads the activities and
 * demands linked to it (their `platformId`) and who attended them: the adapter answers those as
 * intent-named reads, so each store reads its own tables or collections the cheapest way.
 */
export type PlatformChanges = Partial<Omit<Platform, 'id' | 'status' | 'createdAt' | 'updatedAt' | 'isDemo'>>

export interface PlatformListQuery {
  /** Words matched in the name, introduction or host organisation. */
  q: string
  kind: string | null
  county: string | null
  field: string | null
  /** 与我相关: sharing one of these fields, for this degree (an empty `degrees` is for everyone). */
  relevantTo: { fields: string[]; degree: string } | null
  includeArchived: boolean
  cursor: string | null
  limit: number
}

export interface MemberCandidate {
  openid: string
  name: string
  university: string
  phone: string
}

export interface PlatformStore {
  create(platform: Platform): Promise<void>
  get(id: string): Promise<Platform | null>
  /** An active platform of that exact name, if any (imports and creation refuse a second one). */
  findActiveByName(name: string): Promise<Platform | null>
  update(id: string, changes: PlatformChanges, at: string): Promise<Platform | null>
  /** active → archived; false when it was not active. */
  archive(id: string, at: string): Promise<boolean>
  /** Newest first. */
  list(query: PlatformListQuery): Promise<Page<Platform>>
  /**
   * Published or closed activities linked to the platform: `upcoming` (not ended at `now`), soonest
   * first; `past` (ended), latest first, each with how many checked in. `drafts`: its draft
   * activities (waiting for staff), soonest first; `createdBy` narrows them to one author.
   */
  activities(platformId: string, which: 'upcoming' | 'past' | 'drafts', now: string, limit: number, createdBy?: string): Promise<PlatformActivityLine[]>
  /** Open demands naming the platform as employer, deadline not passed (`today`, YYYY-MM-DD). */
  openDemands(platformId: string, today: string, limit: number): Promise<PlatformDemandLine[]>
  /** Members who checked in to any of these activities, at most `limit` rows. */
  participants(activities: { id: string; title: string }[], limit: number): Promise<PlatformParticipant[]>

  // ——— contacts ———
  /** Adds the contact; false when they already are one. */
  addContact(contact: PlatformContactPerson): Promise<boolean>
  removeContact(platformId: string, openid: string): Promise<boolean>
  /** At most `limit`, oldest first. */
  contactsOf(platformId: string, limit: number): Promise<PlatformContactPerson[]>
  isContact(platformId: string, openid: string): Promise<boolean>
  /** The platforms this person is a contact of, at most `limit`. */
  platformsOfContact(openid: string, limit: number): Promise<string[]>
  /**
   * Members whose name or university contains `q` (case-insensitive, taken literally), by name,
   * at most `limit`: staff pick a platform's contact from them. The phone is masked by the caller.
   */
  searchMembers(q: string, limit: number): Promise<MemberCandidate[]>
  /** Account deletion: the person is no platform's contact any more. */
  forgetContact(openid: string): Promise<void>
  saveInvite(invite: PlatformInvite, at: string): Promise<void>
  /** Uses the invite once: null when unknown, used or expired (at `at`). */
  takeInvite(code: string, at: string): Promise<PlatformInvite | null>
  // ——— demands proposed by contacts ———
  saveDemandDraft(draft: DemandDraft): Promise<void>
  getDemandDraft(id: string): Promise<DemandDraft | null>
  /** pending → approved / rejected; false when it was not pending. */
  decideDemandDraft(id: string, decision: { status: 'approved' | 'rejected'; reason: string; demandId: string | null; at: string }): Promise<boolean>
  /** The platform's proposals, newest first: pending only, or one author's. */
  demandDrafts(platformId: string, filter: { status?: 'pending'; submittedBy?: string }, limit: number): Promise<DemandDraft[]>
}

// ——— 面向公众/青少年: sign-ups without joining (kept apart from member registrations) ———

export interface NewPublicRegistration {
  registration: PublicRegistration
  /** The activity as the caller just read it (a conditional-write store may start from it; never trusted for capacity). */
  seen?: Activity
}

export type PublicSignUpOutcome =
  | { outcome: 'registered'; registration: PublicRegistration; fresh: boolean }
  | { outcome: 'full' }
  | { outcome: 'not_open' }
  /** The account already holds PUBLIC_PARTICIPANTS_MAX sign-ups of other participants for the activity. */
  | { outcome: 'too_many' }

/**
 * Public sign-ups hold places of the activity: the same gate as member registrations
 * (`registeredCount < capacity`) takes each, so together they never oversell. One account may
 * hold up to PUBLIC_PARTICIPANTS_MAX per activity (a parent's children), one per participant
 * name: the same name again answers the sign-up held (`fresh: false`). Public sign-ups never
 * wait: with members on the waitlist, or no place, it is 'full'.
 */
export interface PublicRegistrationStore {
  signUp(input: NewPublicRegistration): Promise<PublicSignUpOutcome>
  /** The account's sign-ups for the activity (any status), in slot order (a cancelled participant's slot is reused). */
  mine(activityId: string, openid: string): Promise<PublicRegistration[]>
  /** That one sign-up of the account: registered → cancelled, the place given back; null when there was nothing to cancel. */
  cancel(activityId: string, openid: string, id: string, at: string): Promise<PublicRegistration | null>
  /**
   * Stamps `at` on each of the account's sign-ups for the activity that holds a place and has not
   * checked in, and counts them in the activity's anonymous attendance; the account's sign-ups after.
   */
  checkIn(activityId: string, openid: string, at: string): Promise<PublicRegistration[]>
  /** Oldest first. */
  listForActivity(activityId: string, cursor: string | null, limit: number): Promise<Page<PublicRegistration>>
  /** How many rows (any status) the activity has: personal data still kept. */
  countFor(activityId: string): Promise<number>
  /**
   * Retention: deletes every public sign-up of up to `limit` activities that ended before
   * `endedBefore`; the activities' `publicCount` stays. How many activities and rows.
   */
  purgeEnded(endedBefore: string, limit: number): Promise<{ activities: number; deleted: number }>
  /** Every sign-up the person made (any status), newest first, at most `limit` (their export). */
  listOf(openid: string, limit: number): Promise<PublicRegistration[]>
  /**
   * Deletes every sign-up the person made; how many. Counters are not touched (as `purgeEnded`):
   * a place still held is given back first through `cancel`.
   */
  removeAllOf(openid: string): Promise<number>
}
