import { COUNTY_IDS, METRIC_IDS, REASON_IDS, type Figure } from '../../../types'

/** A figure travels to the members page in its query string: metric and each breakdown key. */
export function figureQuery(figure: Figure): string {
  const parts = Object.entries(figure)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
  return parts.join('&')
}

const oneOf = <T extends string>(ids: readonly T[], value: string | undefined): T | undefined =>
  value !== undefined && (ids as readonly string[]).includes(value) ? (value as T) : undefined

/** Back from the query; anything unknown is dropped (the server checks again). */
export function figureFromParams(params: Record<string, string | undefined>): Figure | null {
  const metric = oneOf(METRIC_IDS, params.metric)
  if (!metric) return null
  const figure: Figure = { metric }
  const cohort = Number(params.cohort)
  if (params.cohort && Number.isInteger(cohort)) figure.cohort = cohort
  const county = oneOf(COUNTY_IDS, params.county ? decodeURIComponent(params.county) : undefined)
  if (county) figure.county = county
  if (params.stationId) figure.stationId = decodeURIComponent(params.stationId)
  if (params.field) figure.field = decodeURIComponent(params.field)
  const reason = oneOf(REASON_IDS, params.reason)
  if (reason) figure.reason = reason
  return figure
}
