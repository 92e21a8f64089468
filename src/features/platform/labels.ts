import { PLATFORM_KINDS, PLATFORM_OFFERS, nameOf } from '../../../types'

export const kindName = (id: string): string => nameOf(PLATFORM_KINDS, id) || '创新平台'
export const offerNames = (ids: readonly string[]): string[] => ids.map((id) => nameOf(PLATFORM_OFFERS, id)).filter(Boolean)

/** `2026-07-20 14:00`: the wire time (+08:00) as people read it. */
export const whenOf = (iso: string): string => iso.slice(0, 16).replace('T', ' ')
