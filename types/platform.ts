import * as z from 'zod'
import { COUNTY_IDS, DEGREE_IDS, type CountyId, type DegreeId, type TaxonomyItem } from './taxonomy'
import { pageInput } from './station'
import { choice, id, optionalText, text } from './validation'

/**
 * 家乡创新平台: the labs, centres, bases, co-built labs and studios of Zhumadian that students
 * visit, intern at and come back to (work plan tasks 1 and 2). The kinds are the plan's own words.
 */
export const PLATFORM_KINDS = [
  { id: 'national_key_lab', name: '国家级重点实验室' },
  { id: 'provincial_key_lab', name: '省级重点实验室' },
  { id: 'tech_innovation_center', name: '技术创新中心' },
  { id: 'industry_innovation_center', name: '产业创新中心' },
  { id: 'manufacturing_innovation_center', name: '制造业创新中心' },
  { id: 'pilot_base', name: '中试基地' },
  { id: 'industry_institute', name: '产业研究院' },
  { id: 'new_rd_institution', name: '新型研发机构' },
  { id: 'practice_base', name: '创新实践基地' },
  { id: 'youth_employment_lab', name: '青年就业创业实验室' },
  { id: 'co_built_studio', name: '校地共建工作室' },
] as const satisfies readonly TaxonomyItem[]
export type PlatformKindId = (typeof PLATFORM_KINDS)[number]['id']
export const PLATFORM_KIND_IDS = PLATFORM_KINDS.map((k) => k.id) as [PlatformKindId, ...PlatformKindId[]]

/** What a platform offers students. */
export const PLATFORM_OFFERS = [
  { id: 'visit', name: '参观交流' },
  { id: 'internship', name: '实习实践' },
  { id: 'project', name: '项目合作' },
  { id: 'job', name: '就业岗位' },
] as const satisfies readonly TaxonomyItem[]
export type PlatformOfferId = (typeof PLATFORM_OFFERS)[number]['id']
export const PLATFORM_OFFER_IDS = PLATFORM_OFFERS.map((o) => o.id) as [PlatformOfferId, ...PlatformOfferId[]]

export const PLATFORM_STATUSES = ['active', 'archived'] as const
export type PlatformStatus = (typeof PLATFORM_STATUSES)[number]

/** Who staff reach at the platform: never shown to students. */
export interface PlatformContact {
  name: string
  phone: string
  note: string
}

export interface Platform {
  id: string
  kind: PlatformKindId
  name: string
  county: CountyId
  /** Key industry field ids it serves. */
  fields: string[]
  /** Degrees its offers are for; empty: every degree. */
  degrees: DegreeId[]
  intro: string
  hostOrg: string
  /** For co-built labs and studios: the universities it works with. */
  partnerUniversities: string[]
  /** Staff only: null for everyone else. */
  contact: PlatformContact | null
  photos: string[]
  offers: PlatformOfferId[]
  status: PlatformStatus
  createdAt: string
  updatedAt: string
  isDemo: boolean
}

/** An activity of the platform as its page lists it. */
export interface PlatformActivityLine {
  id: string
  title: string
  type: string
  startAt: string
  endAt: string
  place: string
  status: string
  capacity: number
  registeredCount: number
  /** Past activities: how many came (checked in). */
  attended: number
}

export interface PlatformDemandLine {
  id: string
  position: string
  employer: string
  deadline: string
  headcount: number
}

export interface PlatformParticipant {
  openid: string
  name: string
  university: string
  activityTitle: string
}

/** A platform page: the platform and what it brings students to. */
export interface PlatformView extends Platform {
  upcoming: PlatformActivityLine[]
  openDemands: PlatformDemandLine[]
  past: PlatformActivityLine[]
  /** Staff: activities its contacts drafted, waiting for approval; null for others. */
  drafts: PlatformActivityLine[] | null
  /** Staff: the members who took part (checked in) in its past activities; null for others. */
  participants: PlatformParticipant[] | null
  /** Sum over the past activities listed. */
  totals: { activities: number; attended: number }
}

const uploadedPhoto = z
  .string({ error: '照片格式不正确' })
  .regex(/^(cloud:\/\/[\w.-]+\/activity-covers\/[\w.-]+|\/uploads\/[0-9a-f]{24}\.(png|jpg|webp))$/, '照片须是上传的图片')
  .max(300, '照片格式不正确')

const fieldId = z.string({ error: '重点产业领域格式不正确' }).min(1, '重点产业领域格式不正确').max(32, '重点产业领域格式不正确')

const contactSchema = z.object({
  name: text('联系人姓名', { max: 20 }),
  phone: z.string({ error: '请填写联系电话' }).trim().regex(/^[0-9-]{7,20}$/, '联系电话格式不正确'),
  note: optionalText('联系人备注', 100),
})

const platformFields = {
  kind: choice('平台类型', PLATFORM_KIND_IDS),
  name: text('平台名称', { max: 60 }),
  county: choice('所在县区', COUNTY_IDS),
  fields: z.array(fieldId, { error: '重点产业领域应为列表' }).min(1, '请至少选择1个重点产业领域').max(5, '重点产业领域最多选5个'),
  degrees: z.array(choice('学历', DEGREE_IDS), { error: '学历应为列表' }).max(5, '学历最多5项').default([]),
  intro: text('平台简介', { max: 2000 }),
  hostOrg: text('依托单位', { max: 60 }),
  partnerUniversities: z.array(text('合作高校', { max: 40 }), { error: '合作高校应为列表' }).max(10, '合作高校最多10所').default([]),
  contact: contactSchema.nullish().transform((v) => v ?? null),
  photos: z.array(uploadedPhoto, { error: '照片应为列表' }).max(6, '照片最多6张').default([]),
  offers: z.array(choice('提供机会', PLATFORM_OFFER_IDS), { error: '提供机会应为列表' }).max(4).default([]),
}

export const createPlatformInput = z.object(platformFields)
export type CreatePlatformInput = z.input<typeof createPlatformInput>
export const updatePlatformInput = z
  .object({ id: id('创新平台'), ...platformFields })
  .partial()
  .required({ id: true })
export const platformIdInput = z.object({ id: id('创新平台') })

export const platformListInput = z.object({
  ...pageInput,
  q: optionalText('搜索词', 40),
  kind: choice('平台类型', PLATFORM_KIND_IDS).optional(),
  county: choice('所在县区', COUNTY_IDS).optional(),
  field: fieldId.optional(),
  /** 与我相关: platforms in my fields whose offers are for my degree. */
  mine: z.boolean({ error: '是否只看与我相关应为是或否' }).optional(),
  /** Staff may include archived platforms. */
  includeArchived: z.boolean({ error: '是否包含已归档平台应为是或否' }).optional(),
})

// ——— platform contacts (issue 19 §3): people of a platform who draft its activities and demands ———

/** A platform's contact: a member named by staff, or an external person who redeemed an invite code. */
export interface PlatformContactPerson {
  platformId: string
  openid: string
  name: string
  via: 'member' | 'invite'
  addedAt: string
}

export interface PlatformInvite {
  platformId: string
  /** Eight characters the person types (or scans) once; it expires. */
  code: string
  name: string
  expiresAt: string
}

export const DEMAND_DRAFT_STATUSES = ['pending', 'approved', 'rejected'] as const
export type DemandDraftStatus = (typeof DEMAND_DRAFT_STATUSES)[number]

/** A demand a contact proposed; staff approval publishes it as an open demand of the platform. */
export interface DemandDraft {
  id: string
  platformId: string
  submittedBy: string
  /** The demand as `demand.create` takes it (platformId pinned to the platform). */
  demand: {
    employer: string
    position: string
    field: string
    degree: DegreeId
    headcount: number
    place: string
    salaryMin: number | null
    salaryMax: number | null
    deadline: string
    description: string
  }
  status: DemandDraftStatus
  reason: string
  /** The demand created on approval. */
  demandId: string | null
  createdAt: string
  decidedAt: string | null
}

/** What a contact sees of their platforms: each platform and what they submitted for it. */
export interface MyPlatforms {
  platforms: { platform: Platform; activityDrafts: PlatformActivityLine[]; demandDrafts: DemandDraft[] }[]
}

export const platformContactInput = z.object({ platformId: id('创新平台'), openid: id('成员') })
/** Staff look a member up by name or university to name them a platform's contact. */
export const platformMemberSearchInput = z.object({ platformId: id('创新平台'), q: text('搜索词', { max: 20 }) })

/** A member staff may name as contact: enough to tell people apart, the phone masked. */
export interface PlatformMemberCandidate {
  openid: string
  name: string
  university: string
  phoneMasked: string
  /** Already a contact of this platform. */
  isContact: boolean
}
export const inviteContactInput = z.object({ platformId: id('创新平台'), name: text('联系人姓名', { max: 20 }) })
export const acceptInviteInput = z.object({
  code: z
    .string({ error: '请填写邀请码' })
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{8}$/, '邀请码应为8位字母或数字'),
})
export const platformRefInput = z.object({ platformId: id('创新平台') })
export const reviewDemandDraftInput = z
  .object({
    id: id('岗位草稿'),
    decision: z.enum(['approve', 'reject'], { error: '请选择通过或退回' }),
    reason: optionalText('退回理由', 200),
  })
  .refine((v) => v.decision === 'approve' || v.reason.length > 0, { message: '请填写退回理由', path: ['reason'] })
