import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/** China has one offset and no daylight saving: every time on the wire is +08:00. */
const SHANGHAI_OFFSET_MINUTES = 8 * 60

export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** ISO 8601 with milliseconds and the Asia/Shanghai offset, e.g. `2026-11-27T11:42:00.000+08:00`. */
export function toIsoString(date: Date): string {
  return dayjs(date).utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM-DDTHH:mm:ss.SSSZ')
}

export function currentYear(clock: Clock): number {
  return dayjs(clock.now()).utcOffset(SHANGHAI_OFFSET_MINUTES).year()
}
