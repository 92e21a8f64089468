import type { NoticeAudience } from '../../../types'
import type { NoticeReader, NoticeRecord } from './ports'

/** A new notice's push state: `done` for an inbox-only one, else pushing from its send time. */
export function pushStateOf(n: Pick<NoticeRecord, 'sendAt' | 'createdAt'>, options?: { push: boolean }): 'pushing' | 'waiting' | 'done' {
  if (options?.push === false) return 'done'
  return n.sendAt <= n.createdAt ? 'pushing' : 'waiting'
}

/**
 * Where a notice is filed: the keys of ONE of its dimensions, so that a reader finds it by
 * looking up their own keys (`readerKeys`) and the rest of the audience is checked on those few
 * candidates only. Any dimension works (every listed one must match); the station one is
 * preferred because it is the narrowest. An activity audience has no key: its recipients are
 * frozen.
 */
export function anchorKeys(a: NoticeAudience): string[] {
  if (a.activityId) return []
  if (a.stationIds.length) return a.stationIds.map((id) => `s:${id}`)
  if (a.countyIds.length) return a.countyIds.map((id) => `c:${id}`)
  if (a.fieldIds.length) return a.fieldIds.map((id) => `f:${id}`)
  if (a.degreeIds.length) return a.degreeIds.map((id) => `d:${id}`)
  if (a.graduationYears.length) return a.graduationYears.map((y) => `y:${y}`)
  return ['*']
}

/** The keys of the reader's current profile (stations come from their membership history). */
export function readerKeys(r: Pick<NoticeReader, 'hometownCounty' | 'degree' | 'graduationYear' | 'fields'>): string[] {
  return ['*', `c:${r.hometownCounty}`, `d:${r.degree}`, `y:${r.graduationYear}`, ...r.fields.map((f) => `f:${f}`)]
}

/** A station period: in `stationId` from `joinedAt` until `leftAt` (null: still in it). */
export interface StationPeriod {
  stationId: string
  joinedAt: string
  leftAt: string | null
}

/**
 * Whether a (non-frozen) audience held the reader at the send time `at`: joined the alliance by
 * then, in one of its stations then, and the current profile matches every other dimension.
 */
export function audienceHeld(a: NoticeAudience, reader: NoticeReader, periods: StationPeriod[], at: string): boolean {
  if (a.activityId) return false
  if (reader.joinedAt > at) return false
  if (a.countyIds.length && !a.countyIds.includes(reader.hometownCounty)) return false
  if (a.degreeIds.length && !a.degreeIds.includes(reader.degree)) return false
  if (a.graduationYears.length && !a.graduationYears.includes(reader.graduationYear)) return false
  if (a.fieldIds.length && !a.fieldIds.some((f) => reader.fields.includes(f))) return false
  if (a.stationIds.length) {
    return periods.some((p) => a.stationIds.includes(p.stationId) && p.joinedAt <= at && (p.leftAt === null || p.leftAt > at))
  }
  return true
}
