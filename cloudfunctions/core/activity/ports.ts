import type { Activity, ActivityStatus, AnswerValue, Page, Registration, RegistrationStatus } from '../../../types'

/**
 * Ports of the activities feature. Sign-up, cancel and moves are single intent methods so that
 * each adapter keeps capacity and uniqueness atomic its own way (one SQLite transaction; a
 * conditional `_.lt(capacity)` increment and deterministic registration ids in CloudBase).
 */
export type ActivityChanges = Partial<
  Omit<Activity, 'id' | 'createdAt' | 'updatedAt' | 'createdBy' | 'registeredCount' | 'waitlistCount' | 'status' | 'publishedAt' | 'publicCount'>
>

export interface ActivityListQuery {
  type: string | null
  /** `current`: not ended yet (running, upcoming or open), soonest first. */
  phase: 'open' | 'upcoming' | 'ended' | 'current' | null
  now: string
  /** Statuses to include (students: published and closed; managers: all). */
  statuses: ActivityStatus[]
  /** Title or place contains this text (case-insensitive, taken literally); null: no search. */
  text: string | null
  /** Only activities of these stations, or open to everyone (null station); null: no restriction. */
  stationScope: { stationIds: string[]; includeGeneral: boolean } | null
  /** Only those this profile may join (empty eligibility lists match everyone). */
  eligibleFor: { degree: string; county: string; fields: string[]; stationId: string | null } | null
  cursor: string | null
  limit: number
}

export interface ActivityStore {
  create(activity: Activity): Promise<void>
  get(id: string): Promise<Activity | null>
  update(id: string, changes: ActivityChanges, at: string): Promise<Activity | null>
  /** Moves the status from one of `from` to `to`; false when it was in none of them. */
  transition(
    id: string,
    from: ActivityStatus[],
    to: ActivityStatus,
    at: string,
    extra?: { cancelReason?: string; publishedAt?: string },
  ): Promise<boolean>
  /** Newest start first for ended, soonest first otherwise. */
  list(query: ActivityListQuery): Promise<Page<Activity>>
  /** Published activities whose sign-up deadline has passed. */
  dueToCloseSignUp(now: string, limit: number): Promise<Activity[]>
  /** Activities starting within the next day that have not been reminded yet; marks them. */
  takeDueForReminder(now: string, dayLater: string, limit: number): Promise<Activity[]>
  /** Activities over, whose no-shows are not marked yet; marks them. */
  takeEndedForAbsence(now: string, limit: number): Promise<Activity[]>
}

export type SignUpOutcome =
  | { outcome: 'registered' | 'waitlisted'; registration: Registration; fresh: boolean }
  | { outcome: 'full' }
  | { outcome: 'not_open' }

export interface NewRegistration {
  activityId: string
  openid: string
  answers: Record<string, AnswerValue>
  at: string
  /**
   * The activity as the caller just read it, if they did: a store whose capacity gate is a
   * conditional write may start from it instead of reading it again (it re-reads when the gate
   * fails). Never trusted for capacity.
   */
  seen?: Activity
}

export type MoveOutcome = 'ok' | 'not_found' | 'full' | 'unchanged'

export interface RegistrationFilters {
  status: RegistrationStatus | null
  q: string
}

export interface RegistrationWithMember extends Registration {
  name: string
  phone: string
  university: string
  degree: string
  hometownCounty: string
}

export interface RegistrationStore {
  /**
   * One registration per (activity, member): a member who holds one gets it back (fresh: false).
   * Otherwise a place if `registeredCount < capacity`, else the end of the waitlist if the
   * activity has one, else 'full'. 'not_open' when the activity is not published.
   */
  signUp(input: NewRegistration): Promise<SignUpOutcome>
  /**
   * Cancels the member's registration; a freed place goes to the first on the waitlist at once.
   * Returns the cancelled registration and whoever was promoted.
   */
  cancel(activityId: string, openid: string, at: string): Promise<{ cancelled: Registration | null; promoted: Registration | null }>
  get(activityId: string, openid: string): Promise<Registration | null>
  /** Staff move someone between registered and waitlist, or mark attendance; capacity holds. */
  move(activityId: string, openid: string, to: RegistrationStatus, at: string): Promise<{ outcome: MoveOutcome; promoted: Registration | null }>
  /** registered → checked_in. */
  checkIn(activityId: string, openid: string, at: string): Promise<'ok' | 'already' | 'not_registered'>
  /** Those still `registered` after the end become `absent`; how many. */
  markAbsent(activityId: string, at: string): Promise<number>
  listForActivity(activityId: string, filters: RegistrationFilters, cursor: string | null, limit: number): Promise<Page<RegistrationWithMember>>
  /** Openids of an activity's registrants in a status (for notices); paged. */
  openidsOf(activityId: string, statuses: RegistrationStatus[], cursor: string | null, limit: number): Promise<Page<string>>
  listForMember(openid: string, cursor: string | null, limit: number): Promise<Page<{ activity: Activity; registration: Registration }>>
  /** All the member's registrations with their activities (growth record), newest first, capped. */
  historyOf(openid: string, max: number): Promise<{ activity: Activity; registration: Registration }[]>
  /** The member's most recent non-empty answers, by field label (to prefill a new form). */
  lastAnswers(openid: string): Promise<Record<string, AnswerValue>>
  /**
   * Gives free places (capacity over the places held) to the waitlist, first in order, at most
   * `max`; whoever was promoted. Called after capacity grows, so nobody new jumps the queue.
   */
  promoteWaitlist(activityId: string, at: string, max: number): Promise<Registration[]>
  /** Ends everyone's wait (waitlisted → cancelled), at most `max`: the waitlist was closed or the activity cancelled. */
  endWaitlist(activityId: string, at: string, max: number): Promise<Registration[]>
  /** Account deletion: registrations are detached (cancelled, answers erased, places freed). */
  forgetMember(openid: string, at: string): Promise<void>
}

