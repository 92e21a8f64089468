import type { DestinationRecord, ReportDestinationInput } from '../../../types'
import { COUNTIES, isHomePlace, nameOf, PROVINCES, WORKING_STATUSES, type DestinationStatus } from '../../../types'
import type { StoredDestination } from './ports'

/** 回驻 needs both: a workplace in one of the ten counties and a working status. */
export function classifyDestination(record: DestinationRecord): StoredDestination {
  return {
    ...record,
    isHome: isHomePlace(record),
    isWorking: isWorkingStatus(record.status),
  }
}

export function isWorkingStatus(status: DestinationStatus): boolean {
  return WORKING_STATUSES.includes(status)
}

/** Reasons for not returning only mean something for a destination that is not 回驻. */
export function keepsReasons(input: Pick<ReportDestinationInput, 'workProvince' | 'workCounty' | 'status'>): boolean {
  const home = isHomePlace({ workProvince: input.workProvince, workCounty: input.workCounty ?? null })
  return !(home && isWorkingStatus(input.status))
}

/**
 * The member is asked for their destination from 1 March of their graduation year (when offers
 * land) until three years on, unless they reported one since that 1 March; and again a year after
 * their last report (the +1 and +3 year follow-ups).
 */
export function shouldPromptForDestination(graduationYear: number, today: string, latestReportedAt: string | null): boolean {
  const from = `${graduationYear}-03-01`
  const until = `${graduationYear + 3}-12-31`
  const day = today.slice(0, 10)
  if (day < from || day > until) return false
  if (latestReportedAt === null) return true
  const last = latestReportedAt.slice(0, 10)
  if (last < from) return true
  const yearLater = `${Number(last.slice(0, 4)) + 1}${last.slice(4)}`
  return day >= yearLater
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2)
}

// Cells and rates are built the same way on the client (types/pipeline-wire.ts rebuilds them).
export { SUPPRESSED, cell, rate } from '../../../types'

/** A place of work as people read it: `河南省 驻马店市 确山县`. */
export function workPlaceOf(record: { workProvince: string; workCity: string; workCounty: string | null }): string {
  return [nameOf(PROVINCES, record.workProvince), record.workCity, record.workCounty ? nameOf(COUNTIES, record.workCounty) : '']
    .filter((s) => s !== '')
    .join(' ')
}
