import type { DestinationRecord, Figure, MetricId, Page, PipelineMemberRow, Verification } from '../../../types'

/** The breakdowns a figure can be counted by. */
/** `month` is the month the member reached the figure's stage (TREND_METRICS only). */
export type GroupKey = 'cohort' | 'county' | 'stationId' | 'field' | 'reason' | 'university' | 'month'

/**
 * A figure as the stores filter it: the university and province keys of a figure are resolved by
 * the use case (pipeline.ts `filterOf`) into a list of university names to keep or to leave out.
 */
export interface FigureFilter extends Omit<Figure, 'university' | 'province'> {
  universityIn?: readonly string[]
  universityNotIn?: readonly string[]
}

export interface FigureCount {
  keys: Partial<Record<GroupKey, string | number>>
  count: number
}

/** What the stores keep beside a record, decided by the pure rules (rules.ts), not by the adapter. */
export interface StoredDestination extends DestinationRecord {
  /** Workplace in one of the ten Zhumadian counties. */
  isHome: boolean
  /** A working status (协议和合同就业, 灵活就业, 自主创业, 国家基层项目). */
  isWorking: boolean
}

export interface MetricCounts {
  keys: Partial<Record<GroupKey, string | number>>
  counts: Partial<Record<MetricId, number>>
}

export interface GainedFacts {
  signedUp?: true
  participated?: true
  intent?: true
}

export interface PipelineStore {
  /** Appends a record and makes it the member's latest; earlier ones stay as history. */
  addDestination(record: StoredDestination): Promise<void>
  /** Newest first, at most `limit`. */
  destinationsOf(openid: string, limit: number): Promise<DestinationRecord[]>
  getDestination(id: string): Promise<DestinationRecord | null>
  /** Sets the verification of a record not yet verified; null when missing or already verified. */
  verifyDestination(id: string, verification: Verification): Promise<DestinationRecord | null>
  /**
   * The one query behind a figure: how many members it holds, broken down by `groupBy` (empty:
   * one row). `listFigure` lists the same members through the same filter, so counts equal rows.
   */
  countFigure(figure: FigureFilter, groupBy: readonly GroupKey[]): Promise<FigureCount[]>
  /**
   * Several metrics over the same members and breakdown in one pass (each with the very condition
   * countFigure uses for it): the funnel's lines and the stations table, without a scan per metric.
   */
  countMetrics(scope: Omit<FigureFilter, 'metric'>, metrics: readonly MetricId[], groupBy: readonly GroupKey[]): Promise<MetricCounts[]>
  /** The members behind a figure, by openid, paged. */
  listFigure(figure: FigureFilter, cursor: string | null, limit: number): Promise<Page<PipelineMemberRow>>
  /** Days from joining to the latest destination report, per cohort, for the members of the figure. */
  returnLags(figure: FigureFilter): Promise<{ cohort: number; days: number }[]>
  /** Open positions (sum of headcount of open demands) per field. */
  openPositionsByField(): Promise<Map<string, number>>
  /**
   * Stores that keep derived per-member facts (CloudBase) bring them up to date: for these
   * members, or all when null. A store that derives them on every read does nothing.
   */
  refreshFacts(openids: readonly string[] | null): Promise<void>
  /**
   * A write that can only turn stage flags on (a sign-up, an interest): stores that keep facts
   * set each flag with one conditional request, only where it is not set yet; a member without a
   * fact row yet waits for the nightly sweep.
   */
  gainFacts(openid: string, gained: GainedFacts): Promise<void>
  /**
   * Stores a month's frozen overview, of the whole alliance (`stationId` null) or of one station
   * (as its head sees it), unless that month already has one there; false when it had.
   */
  saveSnapshot(month: string, stationId: string | null, takenAt: string, overview: string): Promise<boolean>
  getSnapshot(month: string, stationId: string | null): Promise<string | null>
  /** Months with a snapshot of the whole alliance (null) or of the station, newest first. */
  snapshotMonths(stationId: string | null, limit: number): Promise<string[]>
  /** The stations with a snapshot of `month` (each at most once). */
  snapshotStations(month: string): Promise<string[]>
  /**
   * An answer derived from pipeline data only (members, registrations, interests, destinations,
   * demands, stations, fields, snapshots), kept until any of them changes where the store can
   * tell (SQLite); a store that cannot tell computes every time.
   */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>
  /** Account deletion: the member's records go. */
  forgetMember(openid: string): Promise<void>
}
