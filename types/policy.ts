import * as z from 'zod'
import { calendarDate } from './text'
import { pageInput } from './station'
import { COUNTY_IDS, DEGREE_IDS, type TaxonomyItem } from './taxonomy'
import { choice, id, optionalText, text } from './validation'

/** 招才引智: the work plan's three kinds of talent policy. */
export const POLICY_CATEGORIES = [
  { id: 'standard', name: '标准条件' },
  { id: 'demand', name: '现实需求' },
  { id: 'measure', name: '政策措施' },
] as const satisfies readonly TaxonomyItem[]
export type PolicyCategoryId = (typeof POLICY_CATEGORIES)[number]['id']
export const POLICY_CATEGORY_IDS = POLICY_CATEGORIES.map((c) => c.id) as [PolicyCategoryId, ...PolicyCategoryId[]]

const date = (label: string) =>
  calendarDate(label)
    .nullish()
    .transform((v) => v ?? null)

const httpUrl = z
  .string({ error: '来源链接格式不正确' })
  .trim()
  .max(500, '来源链接过长')
  .regex(/^https?:\/\/\S+$/i, '来源链接应以 http:// 或 https:// 开头')
  .nullish()
  .or(z.literal('').transform(() => null))
  .transform((v) => v ?? null)

const targeting = {
  fields: z.array(z.string({ error: '重点产业领域格式不正确' }).max(32), { error: '领域应为列表' }).max(20).default([]),
  degrees: z.array(choice('学历', DEGREE_IDS), { error: '学历应为列表' }).max(5).default([]),
  counties: z.array(choice('县区', COUNTY_IDS), { error: '县区应为列表' }).max(10).default([]),
}

const policyFields = {
  title: text('标题', { max: 80 }),
  category: choice('类别', POLICY_CATEGORY_IDS),
  summary: text('摘要', { max: 300 }),
  /**
   * Plain text with a light markup (`## 标题`, `- 列表`, `**加粗**`, `[文字](https://…)`, blank line = paragraph;
   * see policy-markup.ts). The server turns it into the sanitised HTML stored as `Policy.body`; HTML typed here
   * is shown as text.
   */
  body: text('正文', { max: 50_000 }),
  issuer: optionalText('发文单位', 60),
  docNumber: optionalText('文号', 60),
  ...targeting,
  effectiveFrom: date('生效日期'),
  effectiveUntil: date('失效日期'),
  sourceUrl: httpUrl,
  tags: z.array(text('标签', { max: 12 }), { error: '标签应为列表' }).max(10, '标签最多10个').default([]),
}

const effectiveOrder = (v: { effectiveFrom?: string | null; effectiveUntil?: string | null }) =>
  !v.effectiveFrom || !v.effectiveUntil || v.effectiveUntil >= v.effectiveFrom
const effectiveMessage = { message: '失效日期不能早于生效日期', path: ['effectiveUntil'] }

export const createPolicyInput = z.object(policyFields).refine(effectiveOrder, effectiveMessage)
export type CreatePolicyInput = z.input<typeof createPolicyInput>
export const updatePolicyInput = z
  .object({ id: id('政策'), ...policyFields })
  .partial()
  .required({ id: true })
  .refine(effectiveOrder, effectiveMessage)
export const policyIdInput = z.object({ id: id('政策') })

export const POLICY_STATUSES = ['draft', 'published'] as const

export const policySearchInput = z.object({
  ...pageInput,
  q: optionalText('搜索词', 40),
  category: choice('类别', POLICY_CATEGORY_IDS).optional(),
  field: z.string({ error: '领域格式不正确' }).max(32).optional(),
  degree: choice('学历', DEGREE_IDS).optional(),
  county: choice('县区', COUNTY_IDS).optional(),
  /** Policies carrying this tag (tapped on a card). */
  tag: optionalText('标签', 12),
  /** Only policies in effect today. */
  inEffect: z.boolean({ error: '是否只看有效政策应为是或否' }).optional(),
  /** Staff: include unpublished. */
  manage: z.boolean({ error: '管理视图应为是或否' }).optional(),
  /** Staff: only drafts or only published ones. */
  status: choice('政策状态', POLICY_STATUSES).optional(),
})
export const favoriteInput = z.object({ id: id('政策'), favorite: z.boolean({ error: '收藏应为是或否' }) })

export interface Policy {
  id: string
  title: string
  category: PolicyCategoryId
  summary: string
  /** Sanitised HTML: h2–h4, p, ul/ol/li, strong/b/em, a (http/https), br. */
  body: string
  issuer: string
  docNumber: string
  fields: string[]
  degrees: string[]
  counties: string[]
  effectiveFrom: string | null
  effectiveUntil: string | null
  sourceUrl: string | null
  tags: string[]
  status: 'draft' | 'published'
  publishedAt: string | null
  createdAt: string
  updatedAt: string
}

/** A piece of text, marked where it matched the query (render the hits highlighted). */
export interface Snippet {
  text: string
  hit: boolean
}

export interface PolicyHit {
  id: string
  title: string
  category: PolicyCategoryId
  summary: string
  issuer: string
  effectiveUntil: string | null
  status: Policy['status']
  /** Tapped on a card, a tag filters the list (`policy.search` `tag`). */
  tags: string[]
  /** The title split into matched / unmatched parts. */
  titleParts: Snippet[]
  /** Around the first match in the summary or body. */
  snippet: Snippet[]
}

export interface PolicyView extends Policy {
  favorited: boolean
}

export interface Match<T> {
  item: T
  score: number
  /** Why it matched, in Chinese: 学历：博士 / 领域：生物医药 / 家乡：确山县. */
  why: string[]
}

// ——— demands (岗位需求) ———

export const SHAREABLE_PROFILE_FIELDS = ['name', 'phone', 'university', 'major', 'degree', 'graduationYear', 'hometownCounty'] as const
export type ShareableField = (typeof SHAREABLE_PROFILE_FIELDS)[number]
export const SHAREABLE_LABELS: Record<ShareableField, string> = {
  name: '姓名',
  phone: '手机号',
  university: '学校',
  major: '专业',
  degree: '学历',
  graduationYear: '毕业年份',
  hometownCounty: '家乡县区',
}

const demandFields = {
  employer: text('用人单位', { max: 60 }),
  position: text('岗位', { max: 40 }),
  field: z.string({ error: '请选择重点产业领域' }).min(1, '请选择重点产业领域').max(32),
  degree: choice('学历要求', DEGREE_IDS),
  headcount: z.int({ error: '招聘人数应为整数' }).min(1, '招聘人数至少为1').max(10_000, '招聘人数过大'),
  place: text('工作地点', { max: 60 }),
  salaryMin: z.int({ error: '薪资应为整数' }).min(0).max(1_000_000).nullish().transform((v) => v ?? null),
  salaryMax: z.int({ error: '薪资应为整数' }).min(0).max(1_000_000).nullish().transform((v) => v ?? null),
  deadline: calendarDate('截止日期'),
  description: optionalText('岗位说明', 2000),
  /** The employing innovation platform, where the employer is one (issue 19). */
  platformId: id('创新平台').nullish().transform((v) => v ?? null),
}
const salaryOrder = (v: { salaryMin?: number | null; salaryMax?: number | null }) =>
  v.salaryMin == null || v.salaryMax == null || v.salaryMax >= v.salaryMin
const salaryMessage = { message: '最高薪资不能低于最低薪资', path: ['salaryMax'] }

export const createDemandInput = z.object(demandFields).refine(salaryOrder, salaryMessage)
export const updateDemandInput = z.object({ id: id('岗位'), ...demandFields }).partial().required({ id: true }).refine(salaryOrder, salaryMessage)
export const demandIdInput = z.object({ id: id('岗位') })
export const demandListInput = z.object({
  ...pageInput,
  q: optionalText('搜索词', 40),
  field: z.string().max(32).optional(),
  degree: choice('学历', DEGREE_IDS).optional(),
  manage: z.boolean().optional(),
})
export const registerInterestInput = z.object({
  id: id('岗位'),
  /** The profile fields the student agreed to share with the employer, through the league. */
  share: z
    .array(z.enum(SHAREABLE_PROFILE_FIELDS, { error: '请选择要提供的信息' }), { error: '请选择要提供的信息' })
    .min(1, '请至少选择一项要提供的信息')
    .refine((v) => v.includes('name'), '姓名必须提供，用人单位才知道是谁'),
})
export const demandPageInput = z.object({ id: id('岗位'), ...pageInput })

/** How a student reaches an employer: through the league, never a private phone shown to all. */
export const LEAGUE_CONTACT = '通过“我感兴趣”登记后，由团市委与用人单位对接并联系你'

export interface Demand {
  id: string
  employer: string
  position: string
  field: string
  degree: string
  headcount: number
  place: string
  salaryMin: number | null
  salaryMax: number | null
  deadline: string
  description: string
  /** Always the league: the employer's private contact is never shown to everyone. */
  contact: string
  status: 'open' | 'closed'
  /** The employing innovation platform, if the employer is one. */
  platformId: string | null
  interestCount: number
  createdAt: string
  updatedAt: string
}

export interface DemandView extends Demand {
  myInterest: { share: ShareableField[]; at: string } | null
}

export interface Interest {
  demandId: string
  openid: string
  at: string
  /** Only what the student agreed to share. */
  shared: Partial<Record<ShareableField, string | number>>
}
