import type {
  ActionPayload,
  Cell,
  DashboardOverview,
  DestinationRecord,
  ExportFile,
  Figure,
  FunnelCohort,
  FunnelWire,
  MetricId,
  MyDestinations,
  PipelineMembersPage,
  PipelineScope,
  OverviewWire,
  StudyPlaceRow,
} from '../../../types'
import {
  COUNTIES,
  DESTINATION_STATUSES,
  FUNNEL_METRICS,
  METRICS,
  NOT_RETURNING_REASONS,
  OTHER_UNIVERSITIES,
  RATE_DEFINITIONS,
  TOP_UNIVERSITIES,
  TREND_METRICS,
  UNKNOWN_PROVINCE,
  funnelToWire,
  metricName,
  nameOf,
  studyPlaceName,
  toWire,
} from '../../../types'
import { recordAudit } from '../audit/audit'
import type { Caller } from '../access/access'
import { currentYear, toIsoString } from '../shared/clock'
import type { Deps } from '../shared/context'
import { pageSize } from '../shared/cursor'
import { AppError, conflict, forbidden, notFound, unauthenticated } from '../shared/errors'
import { newTimeOrderedId } from '../shared/ids'
import { allFields } from '../taxonomy/taxonomy'
import { listedUniversity } from '../taxonomy/universities'
import type { FigureFilter, GroupKey } from './ports'
import { cell, classifyDestination, keepsReasons, median, rate, shouldPromptForDestination } from './rules'
import { SMALL_CELL, suppress, suppressGrid, suppressRow } from './suppression'

// ---------------------------------------------------------------------------------------------
// 去向登记

export async function reportDestination(deps: Deps, caller: Caller, input: ActionPayload<'destination.report'>): Promise<DestinationRecord> {
  const member = caller.member
  if (!member) throw forbidden('请先加入翼展联盟')
  const now = deps.clock.now()
  const keep = keepsReasons(input)
  const record: DestinationRecord = {
    id: newTimeOrderedId('de', now),
    openid: member.openid,
    status: input.status,
    workProvince: input.workProvince,
    workCity: input.workCity,
    workCounty: input.workProvince === 'henan' ? input.workCounty : null,
    employer: input.employer,
    field: input.field,
    // Reasons for not coming back only go with a destination that is not 回驻.
    reasons: keep ? input.reasons : [],
    reasonText: keep ? input.reasonText : '',
    considerReturn: keep ? input.considerReturn : null,
    reportedAt: toIsoString(now),
    verification: null,
    isDemo: member.isDemo,
  }
  await deps.store.pipeline.addDestination(classifyDestination(record))
  await deps.store.pipeline.refreshFacts([member.openid])
  return record
}

export async function myDestinations(deps: Deps, caller: Caller): Promise<MyDestinations> {
  const member = caller.member
  if (!member) throw forbidden('请先加入翼展联盟')
  const records = await deps.store.pipeline.destinationsOf(member.openid, 20)
  const today = toIsoString(deps.clock.now())
  return { records, prompt: shouldPromptForDestination(member.graduationYear, today, records[0]?.reportedAt ?? null) }
}

export async function verifyDestination(deps: Deps, caller: Caller, input: ActionPayload<'destination.verify'>): Promise<DestinationRecord> {
  const existing = await deps.store.pipeline.getDestination(input.id)
  if (!existing) throw notFound('没有找到这条去向登记')
  if (existing.verification) throw conflict('这条去向登记已经核实过')
  const verified = await deps.store.pipeline.verifyDestination(input.id, {
    at: toIsoString(deps.clock.now()),
    byOpenid: caller.openid ?? '',
    note: input.note,
  })
  if (!verified) throw conflict('这条去向登记已经核实过')
  await deps.store.pipeline.refreshFacts([verified.openid])
  await recordAudit(deps, caller, {
    action: 'destination.verify',
    subjectOpenid: verified.openid,
    summary: `核实去向登记 ${verified.id}：${input.note}`,
  })
  return verified
}

// ---------------------------------------------------------------------------------------------
// Scope: staff see everything (or one station, exactly); a head sees their own station, suppressed.

function scopeOf(caller: Caller, requested: string | undefined): { stationId: string | null; suppressed: boolean } {
  if (!caller.openid) throw unauthenticated()
  if (caller.isStaff) return { stationId: requested ?? null, suppressed: false }
  const own = caller.member?.role === 'station_head' ? caller.member.stationId : null
  if (!own) throw forbidden('仅站长或团市委工作人员可以查看统计')
  if (requested !== undefined && requested !== own) throw forbidden('只能查看自己所在驿站的统计')
  return { stationId: own, suppressed: true }
}

async function describeScope(deps: Deps, scope: { stationId: string | null; suppressed: boolean }): Promise<PipelineScope> {
  const station = scope.stationId ? await deps.store.stations.get(scope.stationId) : null
  return { stationId: scope.stationId, stationName: station?.name ?? null, suppressed: scope.suppressed }
}

const scoped = (metric: MetricId, stationId: string | null, extra: Omit<Figure, 'metric' | 'stationId'> = {}): Figure =>
  stationId ? { metric, stationId, ...extra } : { metric, ...extra }

async function countsBy(deps: Deps, figure: FigureFilter, key: GroupKey): Promise<Map<string, number>> {
  const rows = await deps.store.pipeline.countFigure(figure, [key])
  return new Map(rows.map((r) => [String(r.keys[key]), r.count]))
}

const LINE_METRICS: readonly MetricId[] = [...FUNNEL_METRICS, 'reported']

interface FunnelCounts {
  cohorts: number[]
  /** Per metric: the cells per cohort (in `cohorts` order) and the all-cohort total. */
  lines: Map<MetricId, { perCohort: Cell[]; total: Cell }>
  county: DashboardOverview['countyByCohort']
}

interface FunnelData extends FunnelCounts {
  funnel: FunnelCohort[]
}

/**
 * Every count of the funnel and of the county × cohort table, suppressed together for heads:
 * two aggregates (the lines per cohort in one pass, and the county × cohort grid). Every cell the
 * headline, the funnel, the county table and a head's station row print is one of these.
 */
async function funnelCounts(deps: Deps, scope: Scope): Promise<FunnelCounts> {
  const { stationId, suppressed } = scope
  // Every line per cohort in one pass over the members (not one scan per metric).
  const perCohort = await deps.store.pipeline.countMetrics(stationId ? { stationId } : {}, LINE_METRICS, ['cohort'])
  const byCohort = new Map<MetricId, Map<string, number>>(
    LINE_METRICS.map((metric) => [metric, new Map(perCohort.map((r) => [String(r.keys.cohort), r.counts[metric] ?? 0]))]),
  )
  const cohorts = perCohort.filter((r) => (r.counts.joined ?? 0) > 0).map((r) => Number(r.keys.cohort)).sort((a, b) => b - a)

  // County × cohort of members (加入): its column totals are the funnel's 加入 per cohort.
  const grid = await deps.store.pipeline.countFigure(scoped('joined', stationId), ['county', 'cohort'])
  const gridValue = (county: string, c: number) => grid.find((g) => g.keys.county === county && Number(g.keys.cohort) === c)?.count ?? 0
  const body = COUNTIES.map((county) => cohorts.map((c) => gridValue(county.id, c)))
  const mask = suppressed ? suppressGrid(body) : null
  const rowTotal = (r: number[]) => r.reduce((a, b) => a + b, 0)
  const county: DashboardOverview['countyByCohort'] = {
    cohorts,
    rows: COUNTIES.map((c, r) => ({
      county: c.id,
      name: c.name,
      cells: cohorts.map((cohort, k) => cell(body[r][k], scoped('joined', stationId, { county: c.id, cohort }), mask?.body[r][k])),
      total: cell(rowTotal(body[r]), scoped('joined', stationId, { county: c.id }), mask?.rowTotals[r]),
    })),
    totals: cohorts.map((cohort, k) => cell(body.reduce((a, r) => a + r[k], 0), scoped('joined', stationId, { cohort }), mask?.columnTotals[k])),
    grand: cell(rowTotal(body.map(rowTotal)), scoped('joined', stationId), mask?.grand),
  }

  const lines = new Map<MetricId, { perCohort: Cell[]; total: Cell }>()
  lines.set('joined', { perCohort: county.totals, total: county.grand })
  for (const metric of LINE_METRICS) {
    if (metric === 'joined') continue
    const counts = byCohort.get(metric) ?? new Map<string, number>()
    const values = cohorts.map((c) => counts.get(String(c)) ?? 0)
    const hide = suppressed ? suppressRow(values) : null
    lines.set(metric, {
      perCohort: cohorts.map((c, k) => cell(values[k], scoped(metric, stationId, { cohort: c }), hide?.parts[k])),
      total: cell(rowTotal(values), scoped(metric, stationId), hide?.total),
    })
  }
  return { cohorts, lines, county }
}

async function funnelData(deps: Deps, scope: Scope): Promise<FunnelData> {
  const { stationId, suppressed } = scope
  const { cohorts, lines, county } = await funnelCounts(deps, scope)
  const lags = await deps.store.pipeline.returnLags(scoped('returned', stationId))
  const funnel = cohorts.map((cohort, k): FunnelCohort => {
    const at = (metric: MetricId) => lines.get(metric)?.perCohort[k] ?? cell(0, scoped(metric, stationId, { cohort }))
    const first = at('joined')
    const steps = FUNNEL_METRICS.map((metric, i) => ({
      metric,
      name: metricName(metric),
      count: at(metric),
      fromPrevious: i === 0 ? null : rate(at(metric), at(FUNNEL_METRICS[i - 1])),
      fromFirst: rate(at(metric), first),
    }))
    const returned = at('returned')
    const days = lags.filter((l) => l.cohort === cohort).map((l) => l.days)
    // A median of fewer than five people says too much about each of them.
    const showMedian = !suppressed || (returned.value !== null && returned.value >= SMALL_CELL)
    return {
      cohort,
      steps,
      reported: at('reported'),
      returnRate: rate(returned, at('reported')),
      verifiedReturnRate: rate(at('returnedVerified'), at('reported')),
      coverage: rate(at('reported'), first),
      medianDaysToReturn: showMedian ? median(days) : null,
    }
  })
  return { cohorts, lines, county, funnel }
}

/** Counts only on the wire, like the overview: the client rebuilds steps, rates and figures (funnelFromWire). */
export async function pipelineFunnel(deps: Deps, caller: Caller, input: ActionPayload<'pipeline.funnel'>): Promise<FunnelWire> {
  const scope = scopeOf(caller, input.stationId)
  return deps.store.pipeline.memo(`funnel:${scope.stationId ?? '*'}:${scope.suppressed}`, async () => {
    const data = await funnelData(deps, scope)
    return funnelToWire({ scope: await describeScope(deps, scope), cohorts: data.funnel })
  })
}

export async function dashboardOverview(deps: Deps, caller: Caller, input: ActionPayload<'dashboard.overview'>): Promise<OverviewWire> {
  const scope = scopeOf(caller, input.stationId)
  if (input.snapshot !== undefined) {
    // The whole alliance's snapshot for staff; a station's (frozen as its head sees it) for a head.
    const stored = await deps.store.pipeline.getSnapshot(input.snapshot, scope.stationId)
    if (!stored) throw notFound(`${input.snapshot} 没有${scope.stationId ? '本驿站的' : ''}月度快照`)
    const frozen = { ...NO_NEWER_VIEWS, ...(JSON.parse(stored) as Partial<DashboardOverview>) } as DashboardOverview
    return toWire({ ...frozen, snapshot: input.snapshot, snapshots: await deps.store.pipeline.snapshotMonths(scope.stationId, SNAPSHOT_LIST) })
  }
  // Kept by the store until the data behind it changes: a dashboard is opened far more often.
  // The counts only go out (types/pipeline-wire.ts): the client rebuilds every figure from its place.
  return deps.store.pipeline.memo(`overview:${scope.stationId ?? '*'}:${scope.suppressed}`, async () => {
    const overview = await liveOverview(deps, scope)
    return toWire({ ...overview, snapshots: await deps.store.pipeline.snapshotMonths(scope.stationId, SNAPSHOT_LIST) })
  })
}

/** A snapshot frozen before a view existed shows it empty. */
const NO_NEWER_VIEWS: Pick<DashboardOverview, 'reasonsByCohort' | 'reasonsByCounty' | 'universities' | 'provinces' | 'trend'> = {
  trend: { months: [], rows: [] },
  reasonsByCohort: { cohorts: [], rows: [] },
  reasonsByCounty: { rows: [] },
  universities: [],
  provinces: [],
}

const SNAPSHOT_LIST = 36

/** The month (Asia/Shanghai) a time falls in: `2026-07`. */
export function monthOf(iso: string): string {
  return iso.slice(0, 7)
}

/**
 * Freezes this month's overview of the whole alliance, once: last quarter's report then reads
 * the same however profiles change. The scheduler calls it on every run; it costs one read when
 * the month is already taken.
 */
export async function takeMonthlySnapshot(deps: Deps): Promise<string | null> {
  const takenAt = toIsoString(deps.clock.now())
  const month = monthOf(takenAt)
  if (await deps.store.pipeline.getSnapshot(month, null)) return null
  await deps.store.pipeline.refreshFacts(null)
  const overview = await liveOverview(deps, { stationId: null, suppressed: false })
  return (await deps.store.pipeline.saveSnapshot(month, null, takenAt, JSON.stringify({ ...overview, snapshots: [] }))) ? month : null
}

/** The station key marking a month whose stations all have their snapshot. */
const ALL_STATIONS_TAKEN = '*'
/** A station's overview is a dozen aggregates on CloudBase: a scheduler run takes this many. */
export const STATION_SNAPSHOTS_PER_RUN = 20

/**
 * Freezes this month's overview of every station with members, as its head sees it (their
 * station, small cells suppressed), `limit` stations per scheduler run until all are taken; then
 * marks the month done, so every later run costs one read. Returns how many this run took.
 */
export async function takeStationSnapshots(deps: Deps, limit = STATION_SNAPSHOTS_PER_RUN): Promise<number> {
  const takenAt = toIsoString(deps.clock.now())
  const month = monthOf(takenAt)
  if (await deps.store.pipeline.getSnapshot(month, ALL_STATIONS_TAKEN)) return 0
  const [withMembers, taken] = await Promise.all([
    deps.store.pipeline.countMetrics({}, ['joined'], ['stationId']),
    deps.store.pipeline.snapshotStations(month),
  ])
  const done = new Set(taken)
  const due = withMembers
    .filter((r) => (r.counts.joined ?? 0) > 0)
    .map((r) => String(r.keys.stationId))
    .filter((id) => id !== 'null' && id !== 'undefined' && id !== '' && !done.has(id))
    .sort()
  let count = 0
  for (const stationId of due.slice(0, limit)) {
    const overview = await liveOverview(deps, { stationId, suppressed: true })
    if (await deps.store.pipeline.saveSnapshot(month, stationId, takenAt, JSON.stringify({ ...overview, snapshots: [] }))) count += 1
  }
  if (due.length <= limit) await deps.store.pipeline.saveSnapshot(month, ALL_STATIONS_TAKEN, takenAt, '')
  return count
}

async function liveOverview(deps: Deps, scope: { stationId: string | null; suppressed: boolean }): Promise<DashboardOverview> {
  const { stationId, suppressed } = scope
  const data = await funnelData(deps, scope)
  const total = (metric: MetricId) => data.lines.get(metric)?.total ?? cell(0, scoped(metric, stationId))
  const thisYear = currentYear(deps.clock)
  const k = data.cohorts.indexOf(thisYear)
  const currentCohortMembers = k >= 0 ? data.county.totals[k] : cell(0, scoped('joined', stationId, { cohort: thisYear }))

  // Fields and reasons are multiple choice: no printed total adds them up, so small cells alone hide.
  const small = (n: number) => suppressed && n > 0 && n < SMALL_CELL
  const fieldCounts = await countsBy(deps, scoped('joined', stationId), 'field')
  const open = await deps.store.pipeline.openPositionsByField()
  const fieldList = await allFields(deps)
  const fields = fieldList
    .filter((f) => f.active || (fieldCounts.get(f.id) ?? 0) > 0)
    .map((f) => {
      const n = fieldCounts.get(f.id) ?? 0
      return { field: f.id, name: f.name, members: cell(n, scoped('joined', stationId, { field: f.id }), small(n)), openPositions: open.get(f.id) ?? 0 }
    })

  const reasons = await reasonTables(deps, scope, data.cohorts)
  const study = await studyPlaces(deps, scope, data.county.grand)
  const trend = await monthlyTrend(deps, scope, monthsUpTo(monthOf(toIsoString(deps.clock.now())), TREND_MONTHS), {
    joined: total('joined'),
    participated: total('participated'),
    reported: total('reported'),
    returned: total('returned'),
  })

  const stations = stationId
    ? [{ stationId, members: total('joined'), participated: total('participated'), reported: total('reported') }]
    : await stationRows(deps)
  const named = await Promise.all(
    stations.map(async (s) => ({
      stationId: s.stationId,
      name: (await deps.store.stations.get(s.stationId))?.name ?? '（已删除的驿站）',
      members: s.members,
      participationRate: rate(s.participated, s.members),
      coverage: rate(s.reported, s.members),
    })),
  )

  return {
    scope: await describeScope(deps, scope),
    asOf: toIsoString(deps.clock.now()),
    snapshot: null,
    snapshots: [],
    headline: {
      members: total('joined'),
      participated: total('participated'),
      reported: total('reported'),
      returned: total('returned'),
      returnedVerified: total('returnedVerified'),
      currentCohort: thisYear,
      currentCohortMembers,
    },
    funnel: data.funnel,
    countyByCohort: data.county,
    fields,
    stations: named,
    ...reasons,
    ...study,
    trend,
  }
}

const TREND_MONTHS = 12

/** The `count` months ending with `last` (YYYY-MM), oldest first. */
export function monthsUpTo(last: string, count: number): string[] {
  const [y, m] = last.split('-').map(Number)
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) - (count - 1 - i)
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
  })
}

/**
 * Per month, the members who reached each trend stage in it. A line's months add up to its
 * headline count when everyone reached the stage inside the window: for heads each line is
 * suppressed with that count as its total, and hidden whole when the count is hidden.
 */
async function monthlyTrend(deps: Deps, scope: Scope, months: string[], totals: Record<(typeof TREND_METRICS)[number], Cell>): Promise<DashboardOverview['trend']> {
  const rows = await Promise.all(TREND_METRICS.map((metric) => trendLine(deps, scope, months, metric, totals[metric])))
  return { months, rows }
}

/** One line of the trend: one aggregate (the metric's members by month). */
async function trendLine(deps: Deps, scope: Scope, months: string[], metric: MetricId, total: Cell) {
  const { stationId, suppressed } = scope
  const counts = await countsBy(deps, scoped(metric, stationId), 'month')
  const values = months.map((month) => counts.get(month) ?? 0)
  const hidden = hiddenAgainstTotal(values, total, suppressed)
  return {
    metric,
    name: metricName(metric),
    cells: months.map((month, k) => cell(values[k], scoped(metric, stationId, { month }), hidden[k])),
  }
}

type Scope = { stationId: string | null; suppressed: boolean }

/**
 * Top reasons for not returning, in all and per cohort and per home county. A member names a
 * reason at most once and has one cohort and one county, so each reason's cohorts add up to its
 * count, and so do its counties: for heads both lines are suppressed together with that count.
 */
async function reasonTables(deps: Deps, scope: Scope, cohorts: number[]): Promise<Pick<DashboardOverview, 'reasons' | 'reasonsByCohort' | 'reasonsByCounty'>> {
  const { stationId, suppressed } = scope
  const figure = scoped('notReturned', stationId)
  const [totals, byCohort, byCounty] = await Promise.all([
    countsBy(deps, figure, 'reason'),
    deps.store.pipeline.countFigure(figure, ['reason', 'cohort']),
    deps.store.pipeline.countFigure(figure, ['reason', 'county']),
  ])
  const keyed = (rows: { keys: Partial<Record<GroupKey, string | number>>; count: number }[], key: GroupKey) =>
    new Map(rows.map((r) => [`${String(r.keys.reason)}|${String(r.keys[key])}`, r.count]))
  const cohortCounts = keyed(byCohort, 'cohort')
  const countyCounts = keyed(byCounty, 'county')
  const K = cohorts.length
  const rows = NOT_RETURNING_REASONS.map((r) => {
    const perCohort = cohorts.map((c) => cohortCounts.get(`${r.id}|${c}`) ?? 0)
    const perCounty = COUNTIES.map((c) => countyCounts.get(`${r.id}|${c.id}`) ?? 0)
    const total = totals.get(r.id) ?? 0
    const values = [...perCohort, ...perCounty, total]
    const at = values.length - 1
    const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i)
    const hidden = suppressed
      ? suppress(values, [
          { parts: range(0, K), total: at },
          { parts: range(K, COUNTIES.length), total: at },
        ])
      : values.map(() => false)
    return {
      reason: r.id,
      name: r.name,
      count: cell(total, scoped('notReturned', stationId, { reason: r.id }), hidden[at]),
      byCohort: perCohort.map((n, k) => cell(n, scoped('notReturned', stationId, { reason: r.id, cohort: cohorts[k] }), hidden[k])),
      byCounty: perCounty.map((n, i) => cell(n, scoped('notReturned', stationId, { reason: r.id, county: COUNTIES[i].id }), hidden[K + i])),
    }
  })
  // Largest first by what is printed: a hidden count must not be told by its place in the list.
  rows.sort((a, b) => (b.count.value ?? 0) - (a.count.value ?? 0))
  return {
    reasons: rows.map((r) => ({ reason: r.reason, name: r.name, count: r.count })),
    reasonsByCohort: { cohorts, rows: rows.map((r) => ({ reason: r.reason, name: r.name, cells: r.byCohort })) },
    reasonsByCounty: { rows: rows.map((r) => ({ reason: r.reason, name: r.name, cells: r.byCounty })) },
  }
}

/** The province of a university on the Ministry's list; UNKNOWN_PROVINCE for one typed in. */
export function provinceOfUniversity(university: string): string {
  return listedUniversity(university)?.province ?? UNKNOWN_PROVINCE
}

/** Universities by members, most first (then by name): the order the top 20 is taken in. */
async function rankedUniversities(deps: Deps, figure: FigureFilter): Promise<[string, number][]> {
  const rows = await deps.store.pipeline.countFigure(figure, ['university'])
  return rows
    .map((r): [string, number] => [String(r.keys.university), r.count])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
}

/**
 * Members by university (top 20 + 其他) and by the province of the university. Each member has
 * one university, so either list adds up to the members figure: for heads, a line with that total.
 */
async function studyPlaces(deps: Deps, scope: Scope, members: Cell): Promise<Pick<DashboardOverview, 'universities' | 'provinces'>> {
  const { stationId, suppressed } = scope
  const ranked = await rankedUniversities(deps, scoped('joined', stationId))
  const top = ranked.slice(0, TOP_UNIVERSITIES)
  const others = ranked.slice(TOP_UNIVERSITIES).reduce((a, [, n]) => a + n, 0)
  const universities: [string, number][] = ranked.length > TOP_UNIVERSITIES ? [...top, [OTHER_UNIVERSITIES, others]] : top
  const byProvince = new Map<string, number>()
  for (const [name, n] of ranked) {
    const province = provinceOfUniversity(name)
    byProvince.set(province, (byProvince.get(province) ?? 0) + n)
  }
  const provinces = [...byProvince.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  const rows = (list: [string, number][], key: 'university' | 'province'): StudyPlaceRow[] => {
    const hidden = hiddenAgainstTotal(
      list.map(([, n]) => n),
      members,
      suppressed,
    )
    return list.map(([name, n], i) => ({
      key: name,
      name: studyPlaceName(name),
      members: cell(n, scoped('joined', stationId, key === 'university' ? { university: name } : { province: name }), hidden[i]),
    }))
  }
  return { universities: rows(universities, 'university'), provinces: rows(provinces, 'province') }
}

/** Parts that add up to a total printed elsewhere: hidden as one line with it, and all of them when it is hidden. */
function hiddenAgainstTotal(parts: number[], total: Cell, suppressed: boolean): boolean[] {
  if (!suppressed) return parts.map(() => false)
  if (total.value === null) return parts.map(() => true)
  const mask = suppressRow(parts)
  return mask.total ? parts.map(() => true) : mask.parts
}

/** Staff only: members, participants and reports per station, largest first. */
async function stationRows(deps: Deps): Promise<{ stationId: string; members: Cell; participated: Cell; reported: Cell }[]> {
  const rows = await deps.store.pipeline.countMetrics({}, ['joined', 'participated', 'reported'], ['stationId'])
  const count = (metric: MetricId) => new Map(rows.map((r) => [String(r.keys.stationId), r.counts[metric] ?? 0]))
  const [members, participated, reported] = [count('joined'), count('participated'), count('reported')]
  return [...members.entries()]
    .filter(([id]) => id !== 'null' && id !== 'undefined' && id !== '')
    .sort((a, b) => b[1] - a[1])
    .slice(0, 100)
    .map(([id, n]) => ({
      stationId: id,
      members: cell(n, { metric: 'joined', stationId: id }),
      participated: cell(participated.get(id) ?? 0, { metric: 'participated', stationId: id }),
      reported: cell(reported.get(id) ?? 0, { metric: 'reported', stationId: id }),
    }))
}

// ---------------------------------------------------------------------------------------------
// Every number leads to its rows.

function figureOf(input: Figure): Figure {
  const figure: Figure = { metric: input.metric }
  if (input.cohort !== undefined) figure.cohort = input.cohort
  if (input.county !== undefined) figure.county = input.county
  if (input.stationId !== undefined) figure.stationId = input.stationId
  if (input.field !== undefined) figure.field = input.field
  if (input.reason !== undefined) figure.reason = input.reason
  if (input.university !== undefined) figure.university = input.university
  if (input.province !== undefined) figure.province = input.province
  if (input.month !== undefined) figure.month = input.month
  return figure
}

/** The figure as a head may see it: their station, and never one whose count is under 5. */
async function figureFor(deps: Deps, caller: Caller, input: Figure): Promise<{ figure: Figure; filter: FigureFilter; total: number; suppressed: boolean }> {
  const scope = scopeOf(caller, input.stationId)
  const figure = figureOf({ ...input, ...(scope.stationId ? { stationId: scope.stationId } : {}) })
  const filter = await filterOf(deps, figure)
  const total = (await deps.store.pipeline.countFigure(filter, []))[0]?.count ?? 0
  if (scope.suppressed && total > 0 && total < SMALL_CELL) throw forbidden('少于5人的数字不能查看名单')
  if (scope.suppressed && !(await printedForHead(deps, scope, figure))) {
    // A cell hidden only to protect a small one (complementary suppression) may hold 5 or more,
    // but its count would give the small one away: a head opens only what their dashboard prints.
    throw forbidden('看板上没有显示的数字不能查看名单')
  }
  return { figure, filter, total, suppressed: scope.suppressed }
}

/**
 * Whether a head's dashboard prints this figure's number (not "<5", not hidden to protect a small
 * cell). Only the table that holds the figure is computed, with the very functions the dashboard
 * uses: the funnel's two aggregates for the headline, funnel, county and station cells, plus one
 * for a trend line, three for the reasons or one for the places of study.
 */
async function printedForHead(deps: Deps, scope: Scope, figure: Figure): Promise<boolean> {
  const keyed = (k: keyof Figure) => figure[k] !== undefined
  const has = figureKey(figure)
  // A field's members are multiple choice: no printed total adds them up, only small cells hide
  // (figureFor has refused those already).
  if (keyed('field')) return figure.metric === 'joined' && !keyed('cohort') && !keyed('county') && !keyed('reason') && !keyed('month')
  const counts = await funnelCounts(deps, scope)
  let views: unknown[]
  if (keyed('month')) {
    const months = monthsUpTo(monthOf(toIsoString(deps.clock.now())), TREND_MONTHS)
    const total = counts.lines.get(figure.metric)?.total
    if (!months.includes(figure.month ?? '') || !total || !(TREND_METRICS as readonly MetricId[]).includes(figure.metric)) return false
    views = [await trendLine(deps, scope, months, figure.metric, total)]
  } else if (keyed('reason')) {
    views = [await reasonTables(deps, scope, counts.cohorts)]
  } else if (keyed('university') || keyed('province')) {
    views = [await studyPlaces(deps, scope, counts.county.grand)]
  } else {
    views = [counts.county, [...counts.lines.values()]]
  }
  return shownFigures(views).has(has)
}

/**
 * A figure as the stores filter it. Its university and province keys become lists of university
 * names, worked out from the same counts the dashboard printed: 其他 is every university but the
 * top 20 of the figure without its university key; a province is the universities in it.
 */
export async function filterOf(deps: Deps, figure: Figure): Promise<FigureFilter> {
  const { university, province, ...rest } = figure
  if (university === undefined && province === undefined) return rest
  const ranked = (await rankedUniversities(deps, rest)).map(([name]) => name)
  let keep: string[] | null = province === undefined ? null : ranked.filter((name) => provinceOfUniversity(name) === province)
  let leaveOut: string[] | null = null
  if (university === OTHER_UNIVERSITIES) {
    const top = ranked.slice(0, TOP_UNIVERSITIES)
    if (keep) keep = keep.filter((name) => !top.includes(name))
    else leaveOut = top
  } else if (university !== undefined) {
    keep = keep ? keep.filter((name) => name === university) : [university]
  }
  return { ...rest, ...(keep ? { universityIn: keep } : {}), ...(leaveOut ? { universityNotIn: leaveOut } : {}) }
}

/** A figure's identity, whatever order its keys were given in. */
export function figureKey(figure: Figure): string {
  return JSON.stringify(
    Object.entries(figure)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  )
}

/** The figures of every cell that prints a number (not "<5", not hidden) anywhere in `views`. */
export function shownFigures(views: unknown[]): Set<string> {
  const shown = new Set<string>()
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit)
      return
    }
    if (typeof node !== 'object' || node === null) return
    const maybe = node as Partial<Cell>
    if (typeof maybe.value === 'number' && typeof maybe.display === 'string' && typeof maybe.figure === 'object' && maybe.figure !== null) {
      shown.add(figureKey(maybe.figure))
    }
    Object.values(node).forEach(visit)
  }
  views.forEach(visit)
  return shown
}

export function describeFigure(figure: Figure): string {
  const parts: string[] = [metricName(figure.metric)]
  if (figure.cohort !== undefined) parts.push(`${figure.cohort}届`)
  if (figure.county) parts.push(nameOf(COUNTIES, figure.county))
  if (figure.stationId) parts.push(`驿站 ${figure.stationId}`)
  if (figure.field) parts.push(`领域 ${figure.field}`)
  if (figure.reason) parts.push(nameOf(NOT_RETURNING_REASONS, figure.reason))
  if (figure.university) parts.push(studyPlaceName(figure.university))
  if (figure.province) parts.push(studyPlaceName(figure.province))
  if (figure.month) parts.push(`${figure.month}月`)
  return parts.join(' · ')
}

export async function pipelineMembers(deps: Deps, caller: Caller, input: ActionPayload<'pipeline.members'>): Promise<PipelineMembersPage> {
  const { figure, filter, total } = await figureFor(deps, caller, input)
  const page = await deps.store.pipeline.listFigure(filter, input.cursor ?? null, pageSize(input.limit))
  await recordAudit(deps, caller, {
    action: 'pipeline.members',
    stationId: figure.stationId ?? null,
    summary: `查看名单：${describeFigure(figure)}（${total}人）`,
  })
  return { figure, total, items: page.items, nextCursor: page.nextCursor }
}

/** An export is one file a person opens; beyond this, filter first. */
export const MAX_PIPELINE_EXPORT = 20000
const EXPORT_PAGE = 1000

/** The metric dictionary as the first sheet of every export. */
export function dictionarySheet(): { name: string; header: string[]; rows: string[][] } {
  return {
    name: '指标说明',
    header: ['指标', '阶段', '定义'],
    rows: [
      ...METRICS.map((m) => [m.name, m.stage > 0 ? `第${m.stage}阶段` : '—', m.definition]),
      ...RATE_DEFINITIONS.map((r) => [r.name, '比率/口径', r.definition]),
    ],
  }
}

export async function exportPipeline(deps: Deps, caller: Caller, input: ActionPayload<'pipeline.export'>): Promise<ExportFile> {
  const external = input.external === true
  if (external && !caller.isStaff) throw forbidden('仅团市委工作人员可以导出对外数据')
  const { figure, filter, total } = await figureFor(deps, caller, input)
  const description = describeFigure(figure)
  const sheets: { name: string; header: string[]; rows: (string | number)[][] }[] = [dictionarySheet()]
  let rows = 0
  if (external) {
    // 对外: the figure only, small counts as "<5", no names.
    sheets.push({ name: '数字', header: ['指标', '人数'], rows: [[description, total > 0 && total < SMALL_CELL ? '<5' : total]] })
  } else {
    if (total > MAX_PIPELINE_EXPORT) throw new AppError('INVALID_INPUT', `名单超过${MAX_PIPELINE_EXPORT}行，请按届别或县区细分后再导出`)
    const lines: (string | number)[][] = []
    let cursor: string | null = null
    do {
      const page = await deps.store.pipeline.listFigure(filter, cursor, EXPORT_PAGE)
      for (const r of page.items) {
        lines.push([
          r.name,
          r.university,
          r.cohort,
          nameOf(COUNTIES, r.county),
          r.destinationStatus ? nameOf(DESTINATION_STATUSES, r.destinationStatus) : '',
          r.workPlace,
          r.verified ? '已核实' : r.destinationStatus ? '自报' : '',
          r.joinedAt.slice(0, 10),
          r.isDemo ? '示例' : '',
        ])
      }
      cursor = page.nextCursor
    } while (cursor)
    rows = lines.length
    sheets.push({ name: '名单', header: ['姓名', '学校', '届别', '家乡县区', '最新去向', '工作地', '核实', '加入日期', '备注'], rows: lines })
  }
  const buffer = await deps.files.spreadsheets.writeWorkbook(sheets)
  await recordAudit(deps, caller, {
    action: 'pipeline.export',
    stationId: figure.stationId ?? null,
    summary: `导出${external ? '对外数字' : '名单'}：${description}（${total}人）`,
  })
  return { filename: `翼展联盟-${description.replace(/[\s·/\\]+/g, '-')}.xlsx`, contentBase64: buffer.toString('base64'), rows }
}
