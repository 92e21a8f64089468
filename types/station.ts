import * as z from 'zod'
import { COUNTY_IDS, DEGREE_IDS } from './taxonomy'
import { choice, id, optionalText, text } from './validation'

/** 翼展驿站: a station at one university, run by a head (站长) and deputies from its members. */
export const STATION_STATUSES = ['open', 'closed'] as const
export type StationStatus = (typeof STATION_STATUSES)[number]

export interface Station {
  id: string
  name: string
  university: string
  /** City and province as people write it, e.g. 郑州市 or 北京. */
  city: string
  intro: string
  status: StationStatus
  headOpenid: string | null
  /** The head's name (never the phone); null when the station has none. */
  headName: string | null
  deputyOpenids: string[]
  memberCount: number
  createdAt: string
  updatedAt: string
  closedAt: string | null
  isDemo: boolean
}

/** What staff see in their station list on top of the public card. */
export interface StationSummary extends Station {
  pendingCount: number
}

export const JOIN_REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const
export type JoinRequestStatus = (typeof JOIN_REQUEST_STATUSES)[number]

export interface JoinRequest {
  id: string
  stationId: string
  stationName: string
  openid: string
  note: string
  status: JoinRequestStatus
  /** Why it was rejected (the student sees it), or why the station closed it. */
  reason: string
  createdAt: string
  decidedAt: string | null
}

/** A pending request as a head reviews it: who asks, with a masked phone. */
export interface JoinRequestForReview extends JoinRequest {
  name: string
  university: string
  major: string
  degree: string
  graduationYear: number
  hometownCounty: string
  phoneMasked: string
}

/** A roster line: a station member as heads and staff see it (phone masked). */
export interface StationMember {
  openid: string
  name: string
  phoneMasked: string
  university: string
  college: string
  major: string
  degree: string
  enrollmentYear: number
  graduationYear: number
  hometownCounty: string
  fields: string[]
  role: 'member' | 'head' | 'deputy'
  joinedStationAt: string | null
}

export interface StationFigures {
  members: number
  joinedThisMonth: number
  pendingRequests: number
}

/** My side of a station page: am I a member, and where is my request. */
export interface StationView extends Station {
  figures: StationFigures | null
  myRequest: JoinRequest | null
  isMine: boolean
  canManage: boolean
  recentNotices: { id: string; title: string; sentAt: string }[]
}

const limit = z.int({ error: '每页条数应为整数' }).min(1, '每页至少1条').max(50, '每页最多50条').optional()
const cursor = z.string({ error: '分页位置格式不正确' }).max(200, '分页位置格式不正确').optional()
export const pageInput = { cursor, limit }

const stationFields = {
  university: text('学校', { max: 40 }),
  city: text('所在城市', { max: 20 }),
  name: optionalText('驿站名称', 40),
  intro: optionalText('驿站简介', 500),
}

export const createStationInput = z.object(stationFields)
export const updateStationInput = z
  .object({ id: id('驿站'), ...stationFields })
  .partial({ university: true, city: true, name: true, intro: true })
export const stationIdInput = z.object({ id: id('驿站') })
export const closeStationInput = z.object({ id: id('驿站'), reason: optionalText('关闭原因', 200) })

export const stationListInput = z.object({
  ...pageInput,
  q: optionalText('搜索词', 40),
  /** Staff may include closed stations. */
  includeClosed: z.boolean({ error: '是否包含已关闭驿站应为是或否' }).optional(),
})

export const appointHeadInput = z.object({
  stationId: id('驿站'),
  openid: id('成员'),
  as: z.enum(['head', 'deputy'], { error: '请选择站长或副站长' }),
})
export const removeHeadInput = z.object({ stationId: id('驿站'), openid: id('成员') })

export const requestJoinInput = z.object({ stationId: id('驿站'), note: optionalText('申请留言', 200) })
export const cancelRequestInput = z.object({ id: id('申请') })
export const pendingRequestsInput = z.object({ stationId: id('驿站'), ...pageInput })
export const reviewRequestInput = z
  .object({
    id: id('申请'),
    decision: z.enum(['approve', 'reject'], { error: '请选择通过或拒绝' }),
    reason: optionalText('拒绝理由', 200),
  })
  .refine((v) => v.decision === 'approve' || v.reason.length > 0, { message: '请填写拒绝理由', path: ['reason'] })

export const rosterFilters = {
  q: optionalText('搜索词', 40),
  degree: choice('学历', DEGREE_IDS).optional(),
  graduationYear: z.int({ error: '毕业年份应为4位年份' }).min(1980, '毕业年份不正确').max(2100, '毕业年份不正确').optional(),
  county: choice('家乡县区', COUNTY_IDS).optional(),
  field: z.string({ error: '重点产业领域格式不正确' }).max(32, '重点产业领域格式不正确').optional(),
}
export const stationMembersInput = z.object({ stationId: id('驿站'), ...pageInput, ...rosterFilters })
export type RosterFilters = Omit<z.output<typeof stationMembersInput>, 'stationId' | 'cursor' | 'limit'>
export const removeMemberInput = z.object({
  stationId: id('驿站'),
  openid: id('成员'),
  reason: text('移除原因', { max: 200 }),
})
export const exportMembersInput = z.object({ stationId: id('驿站'), ...rosterFilters })

export interface ImportReport {
  imported: number
  /** Row numbers as the spreadsheet shows them (the header is row 1). */
  errors: { row: number; message: string }[]
}

export interface ExportFile {
  filename: string
  contentBase64: string
  rows: number
}

export interface Invite {
  stationId: string
  /** Mini-program page with the scene, e.g. `pages/station/index?scene=…`. */
  path: string
  /** H5 link in local mode; null on weapp. */
  url: string | null
  /** A PNG, as a data URL (local mode) or a cloud file id (weapp). */
  image: string
  scene: string
}
