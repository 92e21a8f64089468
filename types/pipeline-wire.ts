import type { Cell, DashboardOverview, Figure, FunnelCohort, FunnelView, MetricId, NotReturningReason, PipelineScope, Rate, ReasonRow, StudyPlaceRow } from './pipeline'
import { FUNNEL_METRICS, NOT_RETURNING_REASONS, OTHER_UNIVERSITIES, TREND_METRICS, UNKNOWN_PROVINCE, metricName } from './pipeline'
import { COUNTIES, nameOf } from './taxonomy'

/**
 * The dashboard on the wire. Every number of the dashboard carries the figure it opens, and rates
 * carry both their cells: as JSON that is ~500 figure objects, most of the answer. But each figure
 * follows from where the number stands (row and column keys, and the scope), so the server sends
 * the counts only and `fromWire` rebuilds the very same DashboardOverview on the client.
 * `toWire(fromWire(w))` is `w`, and `fromWire(toWire(o))` equals `o` (pipeline-wire.test.ts).
 */

export const SUPPRESSED = '<5'

export function cell(value: number, figure: Figure, hidden = false): Cell {
  return hidden ? { value: null, display: SUPPRESSED, figure } : { value, display: String(value), figure }
}

/** A rate prints its numerator and denominator: `25.0%（3/12）`; a hidden side hides the rate. */
export function rate(numerator: Cell, denominator: Cell): Rate {
  const n = numerator.value
  const d = denominator.value
  if (n === null || d === null) return { numerator, denominator, percent: null, display: `—（${numerator.display}/${denominator.display}）` }
  if (d === 0) return { numerator, denominator, percent: null, display: `—（${n}/0）` }
  const percent = Math.round((n / d) * 1000) / 10
  return { numerator, denominator, percent, display: `${percent.toFixed(1)}%（${n}/${d}）` }
}

/** A count: the number, or null where the dashboard prints "<5". */
export type WireCount = number | null

/** The per-cohort lines of the funnel, in this order. */
export const WIRE_LINES: readonly MetricId[] = [...FUNNEL_METRICS, 'reported']

export interface OverviewWire {
  scope: PipelineScope
  asOf: string
  snapshot: string | null
  snapshots: string[]
  currentCohort: number
  /** Newest first. */
  cohorts: number[]
  /** members, participated, reported, returned, returnedVerified, current cohort's members. */
  headline: WireCount[]
  /** Per metric of WIRE_LINES: a count per cohort. */
  lines: WireCount[][]
  /** Median days from joining to 回驻, per cohort. */
  medians: (number | null)[]
  /** Per county (COUNTIES order): a count per cohort, then the row total; last: the column totals, then the grand total. */
  county: WireCount[][]
  fields: [field: string, name: string, members: WireCount, openPositions: number][]
  stations: [stationId: string, name: string, members: WireCount, participated: WireCount, reported: WireCount][]
  /** In printed order: the reason, its count, per cohort, per county (COUNTIES order). */
  reasons: [reason: NotReturningReason, count: WireCount, perCohort: WireCount[], perCounty: WireCount[]][]
  universities: [key: string, members: WireCount][]
  provinces: [key: string, members: WireCount][]
  /** The months, then a count per month for each of TREND_METRICS. */
  trend: { months: string[]; rows: WireCount[][] }
}

const count = (c: Cell): WireCount => c.value

export function toWire(o: DashboardOverview): OverviewWire {
  const h = o.headline
  const reasonCells = (rows: ReasonRow[], reason: NotReturningReason) => (rows.find((r) => r.reason === reason)?.cells ?? []).map(count)
  return {
    scope: o.scope,
    asOf: o.asOf,
    snapshot: o.snapshot,
    snapshots: o.snapshots,
    currentCohort: h.currentCohort,
    cohorts: o.countyByCohort.cohorts,
    headline: [h.members, h.participated, h.reported, h.returned, h.returnedVerified, h.currentCohortMembers].map(count),
    lines: linesOf(o.funnel),
    medians: o.funnel.map((f) => f.medianDaysToReturn),
    county: [
      ...o.countyByCohort.rows.map((r) => [...r.cells.map(count), count(r.total)]),
      [...o.countyByCohort.totals.map(count), count(o.countyByCohort.grand)],
    ],
    fields: o.fields.map((f) => [f.field, f.name, count(f.members), f.openPositions]),
    stations: o.stations.map((s) => [s.stationId, s.name, count(s.members), count(s.participationRate.numerator), count(s.coverage.numerator)]),
    reasons: o.reasons.map((r) => [r.reason, count(r.count), reasonCells(o.reasonsByCohort.rows, r.reason), reasonCells(o.reasonsByCounty.rows, r.reason)]),
    universities: o.universities.map((u) => [u.key, count(u.members)]),
    provinces: o.provinces.map((p) => [p.key, count(p.members)]),
    trend: { months: o.trend.months, rows: o.trend.rows.map((r) => r.cells.map(count)) },
  }
}

export function studyPlaceName(key: string): string {
  return key === OTHER_UNIVERSITIES ? '其他' : key === UNKNOWN_PROVINCE ? '未识别' : key
}

/** Per metric of WIRE_LINES, the funnel's count for each cohort (in the funnel's order). */
function linesOf(funnel: FunnelCohort[]): WireCount[][] {
  return WIRE_LINES.map((metric) =>
    funnel.map((f) => count(metric === 'reported' ? f.reported : (f.steps.find((s) => s.metric === metric)?.count ?? f.reported))),
  )
}

/** A figure and a cell rebuilt from their place in a scope's answer. */
function placed(scope: PipelineScope) {
  const stationId = scope.stationId
  const fig = (metric: MetricId, extra: Omit<Figure, 'metric' | 'stationId'> = {}): Figure =>
    stationId ? { metric, stationId, ...extra } : { metric, ...extra }
  const at = (v: WireCount | undefined, figure: Figure): Cell => (v === null ? cell(0, figure, true) : cell(v ?? 0, figure))
  return { fig, at }
}

/** The funnel per cohort, every step with its rates, from the counts per line and cohort. */
function funnelOf(w: FunnelWire): FunnelCohort[] {
  const { fig, at } = placed(w.scope)
  const line = (metric: MetricId, k: number): Cell => at(w.lines[WIRE_LINES.indexOf(metric)]?.[k], fig(metric, { cohort: w.cohorts[k] }))
  return w.cohorts.map((cohort, k): FunnelCohort => {
    const first = line('joined', k)
    const steps = FUNNEL_METRICS.map((metric, i) => ({
      metric,
      name: metricName(metric),
      count: line(metric, k),
      fromPrevious: i === 0 ? null : rate(line(metric, k), line(FUNNEL_METRICS[i - 1], k)),
      fromFirst: rate(line(metric, k), first),
    }))
    const reported = line('reported', k)
    return {
      cohort,
      steps,
      reported,
      returnRate: rate(line('returned', k), reported),
      verifiedReturnRate: rate(line('returnedVerified', k), reported),
      coverage: rate(reported, first),
      medianDaysToReturn: w.medians[k] ?? null,
    }
  })
}

/**
 * `pipeline.funnel` on the wire: the funnel's part of the overview's answer (counts per line and
 * cohort, and the medians); `funnelFromWire` rebuilds every step, rate and figure on the client.
 */
export interface FunnelWire {
  scope: PipelineScope
  /** Newest first. */
  cohorts: number[]
  /** Per metric of WIRE_LINES: a count per cohort. */
  lines: WireCount[][]
  medians: (number | null)[]
}

export function funnelToWire(v: FunnelView): FunnelWire {
  return { scope: v.scope, cohorts: v.cohorts.map((c) => c.cohort), lines: linesOf(v.cohorts), medians: v.cohorts.map((c) => c.medianDaysToReturn) }
}

export function funnelFromWire(w: FunnelWire): FunnelView {
  return { scope: w.scope, cohorts: funnelOf(w) }
}

export function fromWire(w: OverviewWire): DashboardOverview {
  const { fig, at } = placed(w.scope)
  const cohorts = w.cohorts
  const funnel = funnelOf(w)

  const last = w.county[COUNTIES.length] ?? []
  const K = cohorts.length
  const countyByCohort: DashboardOverview['countyByCohort'] = {
    cohorts,
    rows: COUNTIES.map((c, r) => ({
      county: c.id,
      name: c.name,
      cells: cohorts.map((cohort, k) => at(w.county[r]?.[k], fig('joined', { county: c.id, cohort }))),
      total: at(w.county[r]?.[K], fig('joined', { county: c.id })),
    })),
    totals: cohorts.map((cohort, k) => at(last[k], fig('joined', { cohort }))),
    grand: at(last[K], fig('joined')),
  }

  const h = w.headline
  const reasonRow = (reason: NotReturningReason, values: WireCount[], extra: (i: number) => Omit<Figure, 'metric' | 'stationId'>): ReasonRow => ({
    reason,
    name: nameOf(NOT_RETURNING_REASONS, reason),
    cells: values.map((v, i) => at(v, fig('notReturned', { reason, ...extra(i) }))),
  })
  const place = (key: 'university' | 'province') => ([name, v]: [string, WireCount]): StudyPlaceRow => ({
    key: name,
    name: studyPlaceName(name),
    members: at(v, fig('joined', key === 'university' ? { university: name } : { province: name })),
  })
  return {
    scope: w.scope,
    asOf: w.asOf,
    snapshot: w.snapshot,
    snapshots: w.snapshots,
    headline: {
      members: at(h[0], fig('joined')),
      participated: at(h[1], fig('participated')),
      reported: at(h[2], fig('reported')),
      returned: at(h[3], fig('returned')),
      returnedVerified: at(h[4], fig('returnedVerified')),
      currentCohort: w.currentCohort,
      currentCohortMembers: at(h[5], fig('joined', { cohort: w.currentCohort })),
    },
    funnel,
    countyByCohort,
    fields: w.fields.map(([field, name, members, openPositions]) => ({ field, name, members: at(members, fig('joined', { field })), openPositions })),
    stations: w.stations.map(([id, name, members, participated, reported]) => {
      const m = at(members, { metric: 'joined', stationId: id })
      return {
        stationId: id,
        name,
        members: m,
        participationRate: rate(at(participated, { metric: 'participated', stationId: id }), m),
        coverage: rate(at(reported, { metric: 'reported', stationId: id }), m),
      }
    }),
    reasons: w.reasons.map(([reason, n]) => ({ reason, name: nameOf(NOT_RETURNING_REASONS, reason), count: at(n, fig('notReturned', { reason })) })),
    // A snapshot taken before these tables existed has no rows for them.
    reasonsByCohort: {
      cohorts,
      rows: w.reasons.filter((r) => r[2].length === K && K > 0).map(([reason, , perCohort]) => reasonRow(reason, perCohort, (k) => ({ cohort: cohorts[k] }))),
    },
    reasonsByCounty: {
      rows: w.reasons
        .filter((r) => r[3].length === COUNTIES.length)
        .map(([reason, , , perCounty]) => reasonRow(reason, perCounty, (i) => ({ county: COUNTIES[i].id }))),
    },
    universities: w.universities.map(place('university')),
    provinces: w.provinces.map(place('province')),
    trend: {
      months: w.trend.months,
      rows: w.trend.rows.length === 0 ? [] : TREND_METRICS.map((metric, i) => ({
        metric,
        name: metricName(metric),
        cells: w.trend.months.map((month, k) => at(w.trend.rows[i]?.[k], fig(metric, { month }))),
      })),
    },
  }
}
