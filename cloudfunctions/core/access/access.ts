import type { Member } from '../../../types'
import { AppError, forbidden, unauthenticated } from '../shared/errors'

/** Who is calling, resolved on the server from the platform's identity, never from a payload. */
export interface Caller {
  openid: string | null
  /** The caller's member record (role resolved), or null for someone who has not joined. */
  member: Member | null
  isStaff: boolean
}

/**
 * A policy says yes (null) or why not (an error to answer with). Pure: no I/O. It sees the
 * validated payload, so that it can scope a right to one station.
 */
export type Policy<I = unknown> = (caller: Caller, input: I) => AppError | null

/** Anyone, signed in or not: health checks and public vocabularies. */
export const isAnyone: Policy = () => null

/**
 * WeChat's own message push (the media-check verdict): it arrives with no caller. A mini-program
 * user always has an openid, so none of them can post a verdict about their own photos.
 */
export const isPlatformPush: Policy = (caller) => (caller.openid ? forbidden('只有微信平台可以回传检测结果') : null)

/** A WeChat user, joined or not (e.g. to join, or to ask whether they have joined). */
export const isSignedIn: Policy = (caller) => (caller.openid ? null : unauthenticated())

export const isMember: Policy = (caller) => {
  if (!caller.openid) return unauthenticated()
  return caller.member ? null : forbidden('请先加入翼展联盟')
}

/**
 * A member whose consent stands: signing up, joining a station, registering interest, matching
 * and subscribing process their data anew, which a withdrawal (PIPL art. 15) stops.
 */
export const isConsentingMember: Policy = (caller) => {
  const denied = isMember(caller, undefined)
  if (denied) return denied
  return caller.member?.consentWithdrawnAt ? forbidden('你已撤回隐私同意：请先在“我的 › 隐私保护指引”中重新同意，再进行此操作') : null
}

/** Members, and staff whether or not they joined themselves. */
export const isMemberOrStaff: Policy = (caller) => (caller.isStaff ? null : isMember(caller, undefined))

/** Consenting members, and staff whether or not they joined themselves (e.g. to nominate). */
export const isConsentingMemberOrStaff: Policy = (caller) => (caller.isStaff ? null : isConsentingMember(caller, undefined))

export const isStaff: Policy = (caller) => {
  if (!caller.openid) return unauthenticated()
  return caller.isStaff ? null : forbidden('仅团市委工作人员可以进行此操作')
}


/** Staff manage every station; a head or deputy manages only their own, while they hold the role. */
export function canManageStation(caller: Caller, stationId: string): boolean {
  if (caller.isStaff) return true
  const member = caller.member
  return member !== null && member.role === 'station_head' && member.stationId === stationId
}

const notYourStation = () => forbidden('只能管理自己所在的驿站')

/** Head, deputy or staff, before the use case finds out which station the target belongs to. */
export const isStationLeaderOrStaff: Policy = (caller) => {
  if (!caller.openid) return unauthenticated()
  if (caller.isStaff || caller.member?.role === 'station_head') return null
  return forbidden('仅站长或团市委工作人员可以进行此操作')
}

/** For actions whose payload names the station: its leaders and staff only. */
export const managesStation: Policy<{ stationId: string }> = (caller, input) => {
  const coarse = isStationLeaderOrStaff(caller, input)
  if (coarse) return coarse
  return canManageStation(caller, input.stationId) ? null : notYourStation()
}

export { notYourStation }
