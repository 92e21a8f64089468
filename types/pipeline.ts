import * as z from 'zod'
import { COUNTY_IDS, type CountyId, type TaxonomyItem } from './taxonomy'
import { choice, id, optionalText, year } from './validation'
import { pageInput } from './station'

/**
 * The talent pipeline back home: 去向登记 (a member's destination after graduating), the metric
 * dictionary that defines every figure the dashboard shows, and the figure references that lead
 * from a number to exactly the members behind it.
 */

/** The Ministry of Education's 毕业去向 categories (the 落实率 reports use them). */
export const DESTINATION_STATUSES = [
  { id: 'contract', name: '协议和合同就业' },
  { id: 'flexible', name: '灵活就业' },
  { id: 'entrepreneur', name: '自主创业' },
  { id: 'grassroots', name: '国家基层项目' },
  { id: 'military', name: '应征入伍' },
  { id: 'further_study', name: '升学' },
  { id: 'seeking', name: '待就业' },
  { id: 'not_seeking', name: '暂不就业' },
] as const satisfies readonly TaxonomyItem[]
export type DestinationStatus = (typeof DESTINATION_STATUSES)[number]['id']
export const DESTINATION_STATUS_IDS = DESTINATION_STATUSES.map((s) => s.id) as [DestinationStatus, ...DestinationStatus[]]

/** The statuses that count as working: 回驻 needs one of them in a Zhumadian county. */
export const WORKING_STATUSES: readonly DestinationStatus[] = ['contract', 'flexible', 'entrepreneur', 'grassroots']

/** Provinces (and equivalents) of the place of work or study. */
export const PROVINCES = [
  { id: 'henan', name: '河南省' },
  { id: 'beijing', name: '北京市' },
  { id: 'tianjin', name: '天津市' },
  { id: 'hebei', name: '河北省' },
  { id: 'shanxi', name: '山西省' },
  { id: 'neimenggu', name: '内蒙古自治区' },
  { id: 'liaoning', name: '辽宁省' },
  { id: 'jilin', name: '吉林省' },
  { id: 'heilongjiang', name: '黑龙江省' },
  { id: 'shanghai', name: '上海市' },
  { id: 'jiangsu', name: '江苏省' },
  { id: 'zhejiang', name: '浙江省' },
  { id: 'anhui', name: '安徽省' },
  { id: 'fujian', name: '福建省' },
  { id: 'jiangxi', name: '江西省' },
  { id: 'shandong', name: '山东省' },
  { id: 'hubei', name: '湖北省' },
  { id: 'hunan', name: '湖南省' },
  { id: 'guangdong', name: '广东省' },
  { id: 'guangxi', name: '广西壮族自治区' },
  { id: 'hainan', name: '海南省' },
  { id: 'chongqing', name: '重庆市' },
  { id: 'sichuan', name: '四川省' },
  { id: 'guizhou', name: '贵州省' },
  { id: 'yunnan', name: '云南省' },
  { id: 'xizang', name: '西藏自治区' },
  { id: 'shaanxi', name: '陕西省' },
  { id: 'gansu', name: '甘肃省' },
  { id: 'qinghai', name: '青海省' },
  { id: 'ningxia', name: '宁夏回族自治区' },
  { id: 'xinjiang', name: '新疆维吾尔自治区' },
  { id: 'hongkong', name: '香港特别行政区' },
  { id: 'macao', name: '澳门特别行政区' },
  { id: 'taiwan', name: '台湾省' },
  { id: 'abroad', name: '境外' },
] as const satisfies readonly TaxonomyItem[]
export type ProvinceId = (typeof PROVINCES)[number]['id']
export const PROVINCE_IDS = PROVINCES.map((p) => p.id) as [ProvinceId, ...ProvinceId[]]

/** The city whose counties are ours: choosing it (in 河南省) asks for the county. */
export const HOME_CITY = '驻马店市'

/** "Why not 驻马店" (after the 离职原因 of talent-flow censuses): multiple choice plus text. */
export const NOT_RETURNING_REASONS = [
  { id: 'pay', name: '薪资待遇偏低' },
  { id: 'jobs', name: '对口岗位少' },
  { id: 'growth', name: '发展空间有限' },
  { id: 'study', name: '继续深造' },
  { id: 'family', name: '家庭或伴侣原因' },
  { id: 'city', name: '城市环境与公共服务' },
  { id: 'info', name: '不了解家乡政策和岗位' },
  { id: 'other', name: '其他' },
] as const satisfies readonly TaxonomyItem[]
export type NotReturningReason = (typeof NOT_RETURNING_REASONS)[number]['id']
export const REASON_IDS = NOT_RETURNING_REASONS.map((r) => r.id) as [NotReturningReason, ...NotReturningReason[]]

export const CONSIDER_RETURN = [
  { id: 'yes', name: '愿意回驻马店' },
  { id: 'maybe', name: '看机会' },
  { id: 'no', name: '暂不考虑' },
] as const satisfies readonly TaxonomyItem[]
export type ConsiderReturn = (typeof CONSIDER_RETURN)[number]['id']
export const CONSIDER_RETURN_IDS = CONSIDER_RETURN.map((c) => c.id) as [ConsiderReturn, ...ConsiderReturn[]]

/** Whether a place of work is one of the ten Zhumadian counties and districts. */
export function isHomePlace(place: { workProvince: string; workCounty: string | null }): boolean {
  return place.workProvince === 'henan' && place.workCounty !== null && (COUNTY_IDS as readonly string[]).includes(place.workCounty)
}

export const reportDestinationInput = z
  .object({
    status: choice('毕业去向', DESTINATION_STATUS_IDS),
    workProvince: choice('工作（学习）省份', PROVINCE_IDS),
    workCity: optionalText('工作（学习）城市', 20),
    /** Only in 驻马店市: which of the ten counties and districts. */
    workCounty: choice('工作县区', COUNTY_IDS).nullish().transform((v) => v ?? null),
    employer: optionalText('单位名称', 60),
    field: optionalText('从事领域', 32),
    reasons: z
      .array(choice('未回驻马店的原因', REASON_IDS), { error: '未回驻马店的原因格式不正确' })
      .max(NOT_RETURNING_REASONS.length, '未回驻马店的原因最多8项')
      .refine((ids) => new Set(ids).size === ids.length, '未回驻马店的原因不能重复')
      .optional()
      .transform((v) => v ?? []),
    reasonText: optionalText('其他原因说明', 200),
    considerReturn: choice('是否考虑回驻马店', CONSIDER_RETURN_IDS).nullish().transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    const inHomeCity = v.workProvince === 'henan' && (v.workCity === HOME_CITY || v.workCity === '驻马店')
    if (inHomeCity && v.workCounty === null) {
      ctx.addIssue({ code: 'custom', path: ['workCounty'], message: '请选择驻马店市的工作县区' })
    }
    if (v.workCounty !== null && v.workProvince !== 'henan') {
      ctx.addIssue({ code: 'custom', path: ['workCounty'], message: '工作县区只能在河南省驻马店市内选择' })
    }
    if (v.reasons.includes('other') && v.reasonText === '') {
      ctx.addIssue({ code: 'custom', path: ['reasonText'], message: '选择“其他”时请填写其他原因说明' })
    }
  })
export type ReportDestinationInput = z.input<typeof reportDestinationInput>

export const verifyDestinationInput = z.object({
  id: id('去向记录'),
  note: optionalText('核实说明', 200).refine((v) => v.length > 0, '请填写核实说明（如核实方式）'),
})
export type VerifyDestinationInput = z.input<typeof verifyDestinationInput>

export interface Verification {
  at: string
  byOpenid: string
  note: string
}

/** One 去向登记. A new report is a new record: history is never overwritten. */
export interface DestinationRecord {
  id: string
  openid: string
  status: DestinationStatus
  workProvince: ProvinceId
  workCity: string
  workCounty: CountyId | null
  employer: string
  field: string
  reasons: NotReturningReason[]
  reasonText: string
  considerReturn: ConsiderReturn | null
  reportedAt: string
  /** Staff confirmed it (with employer or a document); null: self-reported only. */
  verification: Verification | null
  isDemo: boolean
}

export interface MyDestinations {
  /** Newest first; the first is the one the figures use. */
  records: DestinationRecord[]
  /** Around graduation (from the spring of the graduation year) with nothing newer: prompt the member. */
  prompt: boolean
}

// ---------------------------------------------------------------------------------------------
// The metric dictionary: as data, shown in the app and as the first sheet of every export.

export const METRICS = [
  {
    id: 'joined',
    stage: 1,
    name: '加入',
    definition: '已加入翼展联盟、档案完整（姓名、学校、学历、毕业年份、家乡县区、重点产业领域均已填写）的成员，按首次加入计一次。',
  },
  {
    id: 'signedUp',
    stage: 2,
    name: '报名（参与的子步骤）',
    definition: '至少有1次活动报名仍有效（已报名、已签到或缺席，不含已取消和候补）的成员。',
  },
  {
    id: 'participated',
    stage: 2,
    name: '参与',
    definition: '至少有1次活动签到状态为“已签到”（实际到场，不只是报名）的成员。',
  },
  {
    id: 'intent',
    stage: 3,
    name: '意向',
    definition: '至少对1条驻马店岗位需求登记了意向（同意向用人单位提供信息）的成员。',
  },
  {
    id: 'reported',
    stage: 0,
    name: '已登记去向',
    definition: '至少有1条去向登记的成员；统计使用每人最新的一条登记。',
  },
  {
    id: 'returned',
    stage: 4,
    name: '回驻（自报）',
    definition: '最新去向登记的工作地在驻马店十个县区之一，且去向为协议和合同就业、灵活就业、自主创业或国家基层项目的成员（按本人填报，含未核实）。',
  },
  {
    id: 'returnedVerified',
    stage: 4,
    name: '回驻（已核实）',
    definition: '满足“回驻（自报）”，且该条最新登记已由工作人员核实（单位或材料确认）的成员。与自报数分开列示，不相加。',
  },
  {
    id: 'notReturned',
    stage: 0,
    name: '未回驻',
    definition: '已登记去向、但最新登记不满足回驻条件的成员；按所选“未回驻马店的原因”分项统计时，一人可计入多项。',
  },
] as const
export type MetricId = (typeof METRICS)[number]['id']
export const METRIC_IDS = METRICS.map((m) => m.id) as [MetricId, ...MetricId[]]

/** The funnel's steps, in order (sign-up shown as a sub-step of 参与). */
export const FUNNEL_METRICS: readonly MetricId[] = ['joined', 'signedUp', 'participated', 'intent', 'returned', 'returnedVerified']

/** Rates and other derived figures: always printed with their numerator and denominator. */
export const RATE_DEFINITIONS = [
  { id: 'returnRate', name: '回驻率', definition: '回驻（自报）÷ 同届已登记去向的成员（就业质量报告口径）。已核实回驻率 = 回驻（已核实）÷ 同一分母。' },
  { id: 'coverage', name: '登记覆盖率', definition: '已登记去向的成员 ÷ 同届成员（加入）。与回驻率并列显示。' },
  { id: 'participationRate', name: '参与率', definition: '参与 ÷ 加入。' },
  { id: 'stepConversion', name: '步间转化率', definition: '本阶段人数 ÷ 上一阶段人数。各阶段按定义独立计数，不要求经过上一阶段。' },
  { id: 'overallConversion', name: '总体转化率', definition: '本阶段人数 ÷ 加入人数。' },
  { id: 'medianDays', name: '加入到回驻用时（中位数）', definition: '回驻（自报）成员从加入联盟到提交最新去向登记的天数的中位数。' },
  { id: 'cohort', name: '届别', definition: '成员档案中的毕业年份。' },
  { id: 'trend', name: '月度趋势', definition: '近12个月每月新增：加入（加入联盟的月份）、参与（首次签到的月份）、已登记去向（首次登记去向的月份）、回驻（最新一条、满足回驻条件的去向登记的月份）。' },
  { id: 'suppression', name: '小数保护', definition: '站长看到的数字及对外导出中，1至4人的格子显示为“<5”；同行或同列只剩1个隐藏格时，再隐藏一个最小的格子（互补隐藏），使隐藏格无法由合计反推。' },
] as const

// ---------------------------------------------------------------------------------------------
// Figures: a metric with optional breakdown keys. The dashboard hands one out with every number;
// `pipeline.members` and `pipeline.export` take it back and list exactly the members behind it.

const cohort = year('届别', 1980, 2100)

export const figureShape = {
  metric: choice('指标', METRIC_IDS),
  cohort: cohort.optional(),
  county: choice('家乡县区', COUNTY_IDS).optional(),
  stationId: id('驿站').optional(),
  field: z.string({ error: '重点产业领域格式不正确' }).max(32, '重点产业领域格式不正确').optional(),
  reason: choice('未回驻马店的原因', REASON_IDS).optional(),
  /** The member's university (as in their profile), or OTHER_UNIVERSITIES: all but the top 20. */
  university: z.string({ error: '学校格式不正确' }).max(40, '学校格式不正确').optional(),
  /** The province of the member's university (教育部名单), or UNKNOWN_PROVINCE. */
  province: z.string({ error: '学校所在省份格式不正确' }).max(20, '学校所在省份格式不正确').optional(),
  /** The month (YYYY-MM) the member reached the stage: only with a TREND_METRICS metric. */
  month: z
    .string({ error: '月份格式不正确' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM')
    .optional(),
}

/** The monthly trend's lines: each counts members by the month they reached that stage. */
export const TREND_METRICS = ['joined', 'participated', 'reported', 'returned'] as const satisfies readonly MetricId[]

/** A month is a breakdown of the trend's metrics only. */
function monthWithTrendMetric(v: { metric: MetricId; month?: string }, ctx: z.RefinementCtx): void {
  if (v.month !== undefined && !(TREND_METRICS as readonly MetricId[]).includes(v.metric)) {
    ctx.addIssue({ code: 'custom', path: ['month'], message: '按月份只能查看加入、参与、已登记去向和回驻' })
  }
}
export const figureInput = z.object(figureShape).superRefine(monthWithTrendMetric)
export type Figure = z.output<typeof figureInput>

export const pipelineMembersInput = z.object({ ...figureShape, ...pageInput }).superRefine(monthWithTrendMetric)
export const pipelineExportInput = z.object({
  ...figureShape,
  /** 对外: figures under 5 and names are withheld; only staff may export names. */
  external: z.boolean({ error: '是否对外应为是或否' }).optional(),
}).superRefine(monthWithTrendMetric)
export const pipelineFunnelInput = z.object({ stationId: id('驿站').optional() })
export const dashboardOverviewInput = z.object({
  stationId: id('驿站').optional(),
  /** A frozen monthly snapshot (`2026-06`) instead of now: the whole alliance's for staff, their station's (suppressed) for a head. */
  snapshot: z
    .string({ error: '快照月份格式不正确' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '快照月份应为 YYYY-MM')
    .optional(),
})

/** A number on the dashboard: null with `display: '<5'` when suppressed; the figure to list its rows. */
export interface Cell {
  value: number | null
  display: string
  figure: Figure
}

export interface Rate {
  numerator: Cell
  denominator: Cell
  /** Null when either side is suppressed or the denominator is 0. */
  percent: number | null
  /** e.g. `25.0%（3/12）` — a rate never prints without its denominator. */
  display: string
}

export interface FunnelStep {
  metric: MetricId
  name: string
  count: Cell
  fromPrevious: Rate | null
  fromFirst: Rate
}

export interface FunnelCohort {
  cohort: number
  steps: FunnelStep[]
  reported: Cell
  returnRate: Rate
  verifiedReturnRate: Rate
  coverage: Rate
  medianDaysToReturn: number | null
}

export interface PipelineScope {
  /** Null: the whole alliance (staff). */
  stationId: string | null
  stationName: string | null
  /** Cells under 5 shown as "<5", with complementary suppression (heads). */
  suppressed: boolean
}

export interface FunnelView {
  scope: PipelineScope
  cohorts: FunnelCohort[]
}

export interface CountyCohortTable {
  cohorts: number[]
  rows: { county: CountyId; name: string; cells: Cell[]; total: Cell }[]
  totals: Cell[]
  grand: Cell
}

export interface DashboardOverview {
  scope: PipelineScope
  asOf: string
  /** The month of the frozen snapshot shown, or null for figures as of now. */
  snapshot: string | null
  /** Months with a frozen snapshot of this scope (the whole alliance, or the head's station), newest first. */
  snapshots: string[]
  headline: {
    members: Cell
    participated: Cell
    reported: Cell
    returned: Cell
    returnedVerified: Cell
    currentCohort: number
    currentCohortMembers: Cell
  }
  funnel: FunnelCohort[]
  countyByCohort: CountyCohortTable
  /** Supply (members by field; one member may hold 3 fields) against open demand (positions). */
  fields: { field: string; name: string; members: Cell; openPositions: number }[]
  stations: { stationId: string; name: string; members: Cell; participationRate: Rate; coverage: Rate }[]
  reasons: { reason: NotReturningReason; name: string; count: Cell }[]
  /** The same reasons (same order) per cohort and per home county: heat tables, multiple choice. */
  reasonsByCohort: { cohorts: number[]; rows: ReasonRow[] }
  /** Columns: COUNTIES in order. */
  reasonsByCounty: { rows: ReasonRow[] }
  /** Members by university of study: the top 20, then 其他 (OTHER_UNIVERSITIES) when there are more. */
  universities: StudyPlaceRow[]
  /** Members by the province of their university; UNKNOWN_PROVINCE for a university not on the list. */
  provinces: StudyPlaceRow[]
  /** The last 12 months (oldest first): members who joined, first took part, first reported, and returned (latest report) in each. */
  trend: { months: string[]; rows: { metric: MetricId; name: string; cells: Cell[] }[] }
}

export interface ReasonRow {
  reason: NotReturningReason
  name: string
  cells: Cell[]
}

export interface StudyPlaceRow {
  /** The figure key: a university or province name, or the OTHER / UNKNOWN marker. */
  key: string
  name: string
  members: Cell
}

/** The figure key of 其他 in the universities view: every university outside the top 20. */
export const OTHER_UNIVERSITIES = '（其他学校）'
/** The figure key of a university not on the Ministry's list (typed in by the member). */
export const UNKNOWN_PROVINCE = '（未识别省份）'
export const TOP_UNIVERSITIES = 20

export interface PipelineMemberRow {
  openid: string
  name: string
  university: string
  cohort: number
  county: CountyId
  stationId: string | null
  joinedAt: string
  /** The latest 去向登记 (the one the figures use), to verify it. */
  destinationId: string | null
  destinationStatus: DestinationStatus | null
  workPlace: string
  verified: boolean
  isDemo: boolean
}

export interface PipelineMembersPage {
  figure: Figure
  /** The figure's count: always equal to the number of rows across all pages. */
  total: number
  items: PipelineMemberRow[]
  nextCursor: string | null
}

export function metricName(metric: MetricId): string {
  return METRICS.find((m) => m.id === metric)?.name ?? metric
}

// ---------------------------------------------------------------------------------------------
// A figure in a page url (dashboard → members page): metric and each breakdown key.
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
  if (params.university) figure.university = decodeURIComponent(params.university)
  if (params.province) figure.province = decodeURIComponent(params.province)
  if (params.month && /^\d{4}-\d{2}$/.test(params.month)) figure.month = params.month
  return figure
}
