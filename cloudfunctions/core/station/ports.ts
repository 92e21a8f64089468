import type {
  JoinRequest,
  Page,
  RosterFilters,
  Station,
  StationFigures,
  StationSummary,
} from '../../../types'
import type { MemberRecord } from '../member/ports'

/**
 * Ports of the stations feature. Methods are named for the intent of a use case, so that each
 * adapter can make a multi-record change atomic in its own way (one SQLite transaction; ordered
 * conditional updates in CloudBase).
 */
export type StationRecord = Omit<Station, 'headName' | 'memberCount'>
export type StationChanges = Partial<Pick<StationRecord, 'name' | 'university' | 'city' | 'intro'>>

export interface StationListQuery {
  q: string
  /** Also the stations of these universities: the names a 简称 or pinyin in `q` stands for. */
  universities?: string[]
  includeClosed: boolean
  cursor: string | null
  limit: number
}

export type AppointOutcome = 'ok' | 'not_found' | 'closed' | 'not_member'

export interface StationStore {
  get(id: string): Promise<Station | null>
  findOpenByUniversity(university: string): Promise<Station | null>
  /** Open stations (or all), searched by university, city or name; ordered by university. */
  list(query: StationListQuery): Promise<Page<StationSummary>>
  /** Inserts unless an open station of this university exists (then false). */
  create(record: StationRecord): Promise<boolean>
  /** Applies the changes; 'conflict' when another open station has the new university. */
  update(id: string, changes: StationChanges, at: string): Promise<Station | null | 'conflict'>
  /**
   * Open → closed. Pending requests are rejected with the reason, members leave the station and
   * leaders lose their role. False when it was not open.
   */
  close(id: string, reason: string, at: string): Promise<boolean>
  /** Makes a member of the station its head (the old head stays a plain member) or a deputy. */
  appointLeader(stationId: string, openid: string, as: 'head' | 'deputy', at: string): Promise<AppointOutcome>
  /** Takes the head or deputy role away; false when they had neither. */
  removeLeader(stationId: string, openid: string, at: string): Promise<boolean>
  figures(stationId: string, monthStart: string): Promise<StationFigures>
  /** The invite image made for this station, if one was made before. */
  getInvite(stationId: string): Promise<string | null>
  saveInvite(stationId: string, image: string): Promise<void>
}

export type JoinRequestRecord = Omit<JoinRequest, 'stationName'> & { decidedBy: string | null }

/** What a roster line needs of a member: nothing more is read. */
export type RosterEntry = Pick<
  MemberRecord,
  | 'openid'
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
  | 'stationJoinedAt'
>

export type ApproveOutcome = 'approved' | 'not_pending' | 'in_other_station'

export interface MembershipStore {
  /** Creates a pending request unless the member already has one pending (then false). */
  createRequest(record: JoinRequestRecord): Promise<boolean>
  getRequest(id: string): Promise<JoinRequest | null>
  /** The member's most recent request, whatever its state. */
  latestRequest(openid: string): Promise<JoinRequest | null>
  /** pending → cancelled, only by the member who asked. */
  cancelRequest(id: string, openid: string, at: string): Promise<boolean>
  /** pending → approved and the member joins the station, unless they are in one already. */
  approveRequest(id: string, decidedBy: string, at: string): Promise<ApproveOutcome>
  /** pending → rejected with the reason the student sees. */
  rejectRequest(id: string, reason: string, decidedBy: string, at: string): Promise<boolean>
  pendingRequests(stationId: string, cursor: string | null, limit: number): Promise<Page<JoinRequestRecord & { member: MemberRecord }>>
  /** The member leaves the station (themself, or removed); a leader loses the role. */
  detach(openid: string, stationId: string, at: string): Promise<boolean>
  /** Members of a station, newest first. */
  roster(stationId: string, filters: RosterFilters, cursor: string | null, limit: number): Promise<Page<RosterEntry>>
  /** Everything about a member in stations (requests), erased when they delete their account. */
  forgetMember(openid: string): Promise<void>
}

