import type { Member } from '../../../types'

/** The member port: profiles keyed by openid. */

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
  /** Name and school of those of `openids` who are members (at most MAX_CARDS asked at once), read together. */
  cards(openids: string[]): Promise<Map<string, MemberCard>>
}

/** What lists of people show about a member: no phone, no profile beyond the school. */
export interface MemberCard {
  name: string
  university: string
}

/** The most openids `MemberStore.cards` is asked for at once. */
export const MAX_CARDS = 100

