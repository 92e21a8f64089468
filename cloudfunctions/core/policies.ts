import type { Member } from '../../types'
import { AppError, forbidden, unauthenticated } from './errors'

/** Who is calling, resolved on the server from the platform's identity, never from a payload. */
export interface Caller {
  openid: string | null
  /** The caller's member record (role resolved), or null for someone who has not joined. */
  member: Member | null
  isStaff: boolean
}

/** A policy says yes (null) or why not (an error to answer with). Pure: no I/O. */
export type Policy = (caller: Caller) => AppError | null

/** Anyone, signed in or not: health checks and public vocabularies. */
export const isAnyone: Policy = () => null

/** A WeChat user, joined or not (e.g. to join, or to ask whether they have joined). */
export const isSignedIn: Policy = (caller) => (caller.openid ? null : unauthenticated())

export const isMember: Policy = (caller) => {
  if (!caller.openid) return unauthenticated()
  return caller.member ? null : forbidden('请先加入翼展联盟')
}

export const isStaff: Policy = (caller) => {
  if (!caller.openid) return unauthenticated()
  return caller.isStaff ? null : forbidden('仅团市委工作人员可以进行此操作')
}

