import type { Database } from 'better-sqlite3'
import type { DestinationRecord, Figure, MetricId, Page, PipelineMemberRow, Verification } from '../../../../types'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import type { FigureCount, FigureFilter, GroupKey, MetricCounts, PipelineStore, StoredDestination } from '../../pipeline/ports'
import { workPlaceOf } from '../../pipeline/rules'
import { ReadCache, statementCache, tableVersions, type Sql } from './statements'

interface DestinationRow {
  id: string
  openid: string
  status: DestinationRecord['status']
  work_province: DestinationRecord['workProvince']
  work_city: string
  work_county: DestinationRecord['workCounty']
  employer: string
  field: string
  reasons: string
  reason_text: string
  consider_return: DestinationRecord['considerReturn']
  reported_at: string
  verified_at: string | null
  verified_by: string | null
  verify_note: string | null
  is_demo: number
}

const fromRow = (r: DestinationRow): DestinationRecord => ({
  id: r.id,
  openid: r.openid,
  status: r.status,
  workProvince: r.work_province,
  workCity: r.work_city,
  workCounty: r.work_county,
  employer: r.employer,
  field: r.field,
  reasons: JSON.parse(r.reasons) as DestinationRecord['reasons'],
  reasonText: r.reason_text,
  considerReturn: r.consider_return,
  reportedAt: r.reported_at,
  verification: r.verified_at ? { at: r.verified_at, byOpenid: r.verified_by ?? '', note: r.verify_note ?? '' } : null,
  isDemo: r.is_demo === 1,
})

/** Each metric as a condition on `pipeline_facts f` (the view's columns follow the dictionary). */
const METRIC_SQL: Record<Figure['metric'], string> = {
  joined: '1',
  signedUp: 'f.signed_up',
  participated: 'f.participated',
  intent: 'f.intent',
  reported: 'f.destination_id IS NOT NULL',
  returned: 'f.returned',
  returnedVerified: 'f.returned AND f.verified_at IS NOT NULL',
  notReturned: 'f.destination_id IS NOT NULL AND NOT f.returned',
}

/** The month a member reached each trend stage (the view's month columns). */
const MONTH_SQL: Partial<Record<MetricId, string>> = {
  joined: 'f.joined_month',
  participated: 'f.participated_month',
  reported: 'f.first_reported_month',
  returned: 'f.reported_month',
}
const monthOf = (metric: MetricId) => MONTH_SQL[metric] ?? 'NULL'

const GROUP_SQL: Record<Exclude<GroupKey, 'month'>, string> = {
  cohort: 'f.cohort',
  county: 'f.county',
  stationId: 'f.station_id',
  field: 'jf.value',
  reason: 'jr.value',
  university: 'f.university',
}

/**
 * The one query of a figure: FROM and WHERE over the facts view. Counting, grouping and listing
 * all start from it. A member holds a field or a reason at most once, so joining them for a
 * filter or a breakdown never counts a member twice within one group.
 */
function figureQuery(figure: FigureFilter, groupBy: readonly GroupKey[]): { from: string; where: string[]; params: Record<string, unknown> } {
  const joins: string[] = []
  const where = [METRIC_SQL[figure.metric]]
  const params: Record<string, unknown> = {}
  if (figure.field !== undefined || groupBy.includes('field')) joins.push('JOIN json_each(f.fields) jf')
  if (figure.reason !== undefined || groupBy.includes('reason')) joins.push('JOIN json_each(f.reasons) jr')
  const conditions: [keyof FigureFilter, string][] = [
    ['cohort', 'f.cohort = @cohort'],
    ['county', 'f.county = @county'],
    ['stationId', 'f.station_id = @stationId'],
    ['field', 'jf.value = @field'],
    ['reason', 'jr.value = @reason'],
  ]
  for (const [key, condition] of conditions) {
    if (figure[key] !== undefined) {
      where.push(condition)
      params[key] = figure[key]
    }
  }
  if (figure.month !== undefined) {
    where.push(`${monthOf(figure.metric)} = @month`)
    params.month = figure.month
  }
  if (figure.universityIn) {
    where.push('f.university IN (SELECT value FROM json_each(@universityIn))')
    params.universityIn = JSON.stringify(figure.universityIn)
  }
  if (figure.universityNotIn) {
    where.push('f.university NOT IN (SELECT value FROM json_each(@universityNotIn))')
    params.universityNotIn = JSON.stringify(figure.universityNotIn)
  }
  return { from: ['pipeline_facts f', ...joins].join(' '), where, params }
}

interface FactRow {
  openid: string
  name: string
  university: string
  cohort: number
  county: PipelineMemberRow['county']
  station_id: string | null
  joined_at: string
  destination_id: string | null
  destination_status: PipelineMemberRow['destinationStatus']
  work_province: string | null
  work_city: string | null
  work_county: string | null
  verified_at: string | null
  is_demo: number
}

/** Every table a figure reads (through the pipeline_facts view): a write to any recomputes it. */
const FACT_TABLES = ['members', 'registrations', 'demand_interests', 'destinations'] as const

/** What a whole dashboard answer reads besides the facts. */
const MEMO_TABLES = [...FACT_TABLES, 'demands', 'stations', 'fields', 'pipeline_snapshots', 'pipeline_station_snapshots'] as const

export class SqlitePipelineStore implements PipelineStore {
  /** Bumped when a memoised computation fails, so that a failure is never kept. */
  private memoGeneration = 0

  private readonly sql: Sql
  /** Dashboards are read far more often than their data changes: counts are kept until a write. */
  private readonly reads: ReadCache

  constructor(private readonly db: Database) {
    this.sql = statementCache(db)
    this.reads = new ReadCache(tableVersions(db), 2000)
  }

  async addDestination(record: StoredDestination): Promise<void> {
    this.db.transaction(() => {
      this.sql('UPDATE destinations SET is_latest = 0 WHERE openid = ? AND is_latest = 1').run(record.openid)
      this.sql(
        `INSERT INTO destinations (id, openid, status, work_province, work_city, work_county, employer, field, reasons,
           reason_text, consider_return, reported_at, verified_at, verified_by, verify_note, is_home, is_working, is_latest, is_demo)
         VALUES (@id, @openid, @status, @workProvince, @workCity, @workCounty, @employer, @field, @reasons,
           @reasonText, @considerReturn, @reportedAt, @verifiedAt, @verifiedBy, @verifyNote, @isHome, @isWorking, 1, @isDemo)`,
      ).run({
        id: record.id,
        openid: record.openid,
        status: record.status,
        workProvince: record.workProvince,
        workCity: record.workCity,
        workCounty: record.workCounty,
        employer: record.employer,
        field: record.field,
        reasons: JSON.stringify(record.reasons),
        reasonText: record.reasonText,
        considerReturn: record.considerReturn,
        reportedAt: record.reportedAt,
        verifiedAt: record.verification?.at ?? null,
        verifiedBy: record.verification?.byOpenid ?? null,
        verifyNote: record.verification?.note ?? null,
        isHome: record.isHome ? 1 : 0,
        isWorking: record.isWorking ? 1 : 0,
        isDemo: record.isDemo ? 1 : 0,
      })
    })()
  }

  async destinationsOf(openid: string, limit: number): Promise<DestinationRecord[]> {
    return this.sql<[string, number], DestinationRow>(
      'SELECT * FROM destinations WHERE openid = ? ORDER BY reported_at DESC, id DESC LIMIT ?',
    )
      .all(openid, limit)
      .map(fromRow)
  }

  async getDestination(id: string): Promise<DestinationRecord | null> {
    const row = this.sql<[string], DestinationRow>('SELECT * FROM destinations WHERE id = ?').get(id)
    return row ? fromRow(row) : null
  }

  async verifyDestination(id: string, verification: Verification): Promise<DestinationRecord | null> {
    const changed = this.sql(
      'UPDATE destinations SET verified_at = ?, verified_by = ?, verify_note = ? WHERE id = ? AND verified_at IS NULL',
    ).run(verification.at, verification.byOpenid, verification.note, id)
    return changed.changes === 1 ? this.getDestination(id) : null
  }

  async countFigure(figure: FigureFilter, groupBy: readonly GroupKey[]): Promise<FigureCount[]> {
    const q = figureQuery(figure, groupBy)
    const expr = (k: GroupKey) => (k === 'month' ? monthOf(figure.metric) : GROUP_SQL[k])
    const columns = groupBy.map((k) => `${expr(k)} AS ${k}`)
    const text = `SELECT ${[...columns, 'COUNT(*) AS n'].join(', ')} FROM ${q.from} WHERE ${q.where.join(' AND ')}${
      groupBy.length > 0 ? ` GROUP BY ${groupBy.map(expr).join(', ')}` : ''
    }`
    const rows = this.reads.get(`count:${text}:${JSON.stringify(q.params)}`, FACT_TABLES, () =>
      this.sql<[Record<string, unknown>], Record<string, string | number | null> & { n: number }>(text).all(q.params),
    )
    return rows.map((r) => ({
      keys: Object.fromEntries(groupBy.map((k) => [k, r[k] ?? 'null'])) as FigureCount['keys'],
      count: r.n,
    }))
  }

  async countMetrics(scope: Omit<FigureFilter, 'metric'>, metrics: readonly MetricId[], groupBy: readonly GroupKey[]): Promise<MetricCounts[]> {
    // The scope's conditions (metric 'joined' adds none), then each metric's own as a sum.
    const q = figureQuery({ ...scope, metric: 'joined' }, groupBy)
    const expr = (k: GroupKey) => (k === 'month' ? monthOf('joined') : GROUP_SQL[k])
    const columns = groupBy.map((k) => `${expr(k)} AS ${k}`)
    const sums = metrics.map((m, i) => `SUM(CASE WHEN ${METRIC_SQL[m]} THEN 1 ELSE 0 END) AS m${i}`)
    const text = `SELECT ${[...columns, ...sums].join(', ')} FROM ${q.from} WHERE ${q.where.join(' AND ')}${
      groupBy.length > 0 ? ` GROUP BY ${groupBy.map(expr).join(', ')}` : ''
    }`
    const rows = this.reads.get(`metrics:${text}:${JSON.stringify(q.params)}`, FACT_TABLES, () =>
      this.sql<[Record<string, unknown>], Record<string, string | number | null>>(text).all(q.params),
    )
    return rows.map((r) => ({
      keys: Object.fromEntries(groupBy.map((k) => [k, r[k] ?? 'null'])) as MetricCounts['keys'],
      counts: Object.fromEntries(metrics.map((m, i) => [m, Number(r[`m${i}`] ?? 0)])),
    }))
  }

  async listFigure(figure: FigureFilter, cursor: string | null, limit: number): Promise<Page<PipelineMemberRow>> {
    const q = figureQuery(figure, [])
    const after = decodeCursor(cursor, 1)
    const where = after ? [...q.where, 'f.openid > @after'] : q.where
    const rows = this.sql<[Record<string, unknown>], FactRow>(
      `SELECT f.* FROM ${q.from} WHERE ${where.join(' AND ')} ORDER BY f.openid LIMIT @limit`,
    ).all({ ...q.params, ...(after ? { after: after[0] } : {}), limit: limit + 1 })
    const items = rows.slice(0, limit).map(toMemberRow)
    return { items, nextCursor: rows.length > limit ? encodeCursor([items[items.length - 1].openid]) : null }
  }

  async returnLags(figure: FigureFilter): Promise<{ cohort: number; days: number }[]> {
    const q = figureQuery({ ...figure, metric: 'returned' }, [])
    const text = `SELECT f.cohort AS cohort, CAST(round(julianday(f.reported_at) - julianday(f.joined_at)) AS INTEGER) AS days
       FROM ${q.from} WHERE ${q.where.join(' AND ')}`
    return this.reads.get(`lags:${JSON.stringify(q.params)}`, FACT_TABLES, () =>
      this.sql<[Record<string, unknown>], { cohort: number; days: number }>(text).all(q.params),
    )
  }

  async openPositionsByField(): Promise<Map<string, number>> {
    const rows = this.reads.get('positions', ['demands'], () =>
      this.sql<[], { field: string; n: number }>("SELECT field, SUM(headcount) AS n FROM demands WHERE status = 'open' GROUP BY field").all(),
    )
    return new Map(rows.map((r) => [r.field, r.n]))
  }

  async refreshFacts(): Promise<void> {
    // The facts are a view, derived on every read: nothing to bring up to date.
  }

  async gainFacts(): Promise<void> {
    // Derived on every read, as above.
  }

  async saveSnapshot(month: string, stationId: string | null, takenAt: string, overview: string): Promise<boolean> {
    const insert =
      stationId === null
        ? this.sql('INSERT OR IGNORE INTO pipeline_snapshots (month, taken_at, data) VALUES (?, ?, ?)').run(month, takenAt, overview)
        : this.sql('INSERT OR IGNORE INTO pipeline_station_snapshots (month, station_id, taken_at, data) VALUES (?, ?, ?, ?)').run(
            month,
            stationId,
            takenAt,
            overview,
          )
    return insert.changes === 1
  }

  async getSnapshot(month: string, stationId: string | null): Promise<string | null> {
    const row =
      stationId === null
        ? this.sql<[string], { data: string }>('SELECT data FROM pipeline_snapshots WHERE month = ?').get(month)
        : this.sql<[string, string], { data: string }>('SELECT data FROM pipeline_station_snapshots WHERE month = ? AND station_id = ?').get(month, stationId)
    return row?.data ?? null
  }

  async snapshotMonths(stationId: string | null, limit: number): Promise<string[]> {
    const rows =
      stationId === null
        ? this.sql<[number], { month: string }>('SELECT month FROM pipeline_snapshots ORDER BY month DESC LIMIT ?').all(limit)
        : this.sql<[string, number], { month: string }>(
            'SELECT month FROM pipeline_station_snapshots WHERE station_id = ? ORDER BY month DESC LIMIT ?',
          ).all(stationId, limit)
    return rows.map((r) => r.month)
  }

  async snapshotStations(month: string): Promise<string[]> {
    return this.sql<[string], { station_id: string }>('SELECT station_id FROM pipeline_station_snapshots WHERE month = ?')
      .all(month)
      .map((r) => r.station_id)
  }

  async memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const generation = this.memoGeneration
    try {
      return await this.reads.get(`memo:${generation}:${key}`, MEMO_TABLES, compute)
    } catch (error) {
      this.memoGeneration = generation + 1
      throw error
    }
  }

  async forgetMember(openid: string): Promise<void> {
    this.sql('DELETE FROM destinations WHERE openid = ?').run(openid)
  }
}

function toMemberRow(r: FactRow): PipelineMemberRow {
  return {
    openid: r.openid,
    name: r.name,
    university: r.university,
    cohort: r.cohort,
    county: r.county,
    stationId: r.station_id,
    joinedAt: r.joined_at,
    destinationId: r.destination_id,
    destinationStatus: r.destination_status,
    workPlace: r.work_province ? workPlaceOf({ workProvince: r.work_province, workCity: r.work_city ?? '', workCounty: r.work_county }) : '',
    verified: r.verified_at !== null,
    isDemo: r.is_demo === 1,
  }
}
