import type { HonourRecord } from './honour'
import * as z from 'zod'
import { safeText } from './text'
import { COUNTY_IDS, DEGREE_IDS, type TaxonomyItem } from './taxonomy'
import { pageInput } from './station'
import { choice, id, optionalText, text } from './validation'

/** What the league runs: the work plan's activities, in its own words. */
export const ACTIVITY_TYPES = [
  { id: 'summer_practice', name: '暑期社会实践' },
  { id: 'lab_visit', name: '走进实验室·创新平台' },
  { id: 'internship', name: '实习实践' },
  { id: 'employment', name: '就业创业服务' },
  { id: 'project_exchange', name: '项目合作交流' },
  { id: 'competition', name: '科创赛事' },
  { id: 'science_outreach', name: '科普活动' },
  { id: 'other', name: '其他' },
] as const satisfies readonly TaxonomyItem[]
export type ActivityTypeId = (typeof ACTIVITY_TYPES)[number]['id']
export const ACTIVITY_TYPE_IDS = ACTIVITY_TYPES.map((t) => t.id) as [ActivityTypeId, ...ActivityTypeId[]]

export const ACTIVITY_STATUSES = ['draft', 'published', 'closed', 'cancelled'] as const
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number]

export const FORM_FIELD_KINDS = ['text', 'textarea', 'single', 'multiple', 'number', 'date'] as const
export type FormFieldKind = (typeof FORM_FIELD_KINDS)[number]

export const formFieldSchema = z
  .object({
    id: z
      .string({ error: '表单项编号应为文字' })
      .regex(/^[a-z][a-z0-9_]{0,31}$/, '表单项编号应为小写字母开头的字母、数字或下划线'),
    label: text('表单项名称', { max: 30 }),
    kind: z.enum(FORM_FIELD_KINDS, { error: '请选择表单项类型' }),
    required: z.boolean({ error: '是否必填应为是或否' }).default(false),
    options: z.array(text('选项', { max: 30 }), { error: '选项应为列表' }).max(20, '选项最多20个').optional(),
  })
  .refine((f) => (f.kind === 'single' || f.kind === 'multiple' ? (f.options?.length ?? 0) >= 2 : true), {
    message: '单选和多选至少要有2个选项',
    path: ['options'],
  })
export type FormField = z.output<typeof formFieldSchema>

export const eligibilitySchema = z.object({
  degrees: z.array(choice('学历', DEGREE_IDS), { error: '学历应为列表' }).max(5).default([]),
  counties: z.array(choice('家乡县区', COUNTY_IDS), { error: '县区应为列表' }).max(10).default([]),
  fields: z.array(z.string({ error: '重点产业领域格式不正确' }).max(32), { error: '领域应为列表' }).max(20).default([]),
  stationIds: z.array(id('驿站'), { error: '驿站应为列表' }).max(50, '最多选50个驿站').default([]),
})
/** Who may sign up; an empty list means no limit on that dimension (everyone who joined). */
export type Eligibility = z.output<typeof eligibilitySchema>

const isoTime = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label}格式不正确` })

/**
 * A cover is one of our uploads: a cloud file id in the covers folder (weapp), or a name the local
 * server gave under /uploads. Whether it exists here is checked on the server (files.covers).
 */
const coverImage = z
  .string({ error: '封面图格式不正确' })
  .regex(/^(cloud:\/\/[\w.-]+\/activity-covers\/[\w.-]+|\/uploads\/[0-9a-f]{24}\.(png|jpg|webp))$/, '封面图须是上传的图片')
  .max(300, '封面图格式不正确')
  .nullish()
  .transform((v) => v ?? null)

const activityFields = {
  type: choice('活动类型', ACTIVITY_TYPE_IDS),
  title: text('活动标题', { max: 40 }),
  description: text('活动介绍', { max: 5000 }),
  hostOrg: text('主办单位', { max: 60 }),
  place: text('活动地点', { max: 100 }),
  startAt: isoTime('开始时间'),
  endAt: isoTime('结束时间'),
  signUpOpenAt: isoTime('报名开始时间'),
  signUpCloseAt: isoTime('报名截止时间'),
  capacity: z.int({ error: '名额应为整数' }).min(1, '名额至少为1').max(100_000, '名额最多100000'),
  waitlist: z.boolean({ error: '是否候补应为是或否' }),
  eligibility: eligibilitySchema.optional(),
  form: z.array(formFieldSchema, { error: '报名表应为列表' }).max(20, '报名表最多20项').optional(),
  coverImage,
  /** Check-in helpers: members who may check people in for this activity only. */
  checkInHelpers: z.array(id('签到助手'), { error: '签到助手应为列表' }).max(20, '签到助手最多20人').optional(),
  /** The innovation platform that hosts it (issue 19); hostOrg and place stay free text. */
  platformId: id('创新平台').nullish().transform((v) => v ?? null),
  /** 面向公众/青少年: anyone may sign up without joining (platform.publicSignUp). */
  openToPublic: z.boolean({ error: '是否面向公众应为是或否' }).optional(),
}

const ms = (iso: string) => Date.parse(iso)
type Times = { startAt?: string; endAt?: string; signUpOpenAt?: string; signUpCloseAt?: string }
const timeOrder = <S extends z.ZodType<Times & { form?: { id: string }[] }>>(schema: S): S =>
  schema
    .refine((v) => !v.startAt || !v.endAt || ms(v.endAt) > ms(v.startAt), { message: '结束时间应晚于开始时间', path: ['endAt'] })
    .refine((v) => !v.signUpOpenAt || !v.signUpCloseAt || ms(v.signUpCloseAt) > ms(v.signUpOpenAt), {
      message: '报名截止时间应晚于报名开始时间',
      path: ['signUpCloseAt'],
    })
    .refine((v) => !v.signUpCloseAt || !v.endAt || ms(v.signUpCloseAt) <= ms(v.endAt), {
      message: '报名截止时间不能晚于活动结束时间',
      path: ['signUpCloseAt'],
    })
    .refine((v) => !v.form || new Set(v.form.map((f) => f.id)).size === v.form.length, {
      message: '报名表的表单项编号不能重复',
      path: ['form'],
    })

export const createActivityInput = timeOrder(
  z.object({
    ...activityFields,
    /** Set by a station head: the activity is for their station only. */
    stationId: id('驿站').optional(),
  }),
)
export type CreateActivityInput = z.input<typeof createActivityInput>
export const updateActivityInput = timeOrder(z.object({ id: id('活动'), ...activityFields }).partial().required({ id: true }))
export const activityIdInput = z.object({ id: id('活动') })
export const cancelActivityInput = z.object({ id: id('活动'), reason: text('取消原因', { max: 200 }) })

export const ACTIVITY_PHASES = ['open', 'upcoming', 'ended'] as const
export const activityListInput = z.object({
  ...pageInput,
  type: choice('活动类型', ACTIVITY_TYPE_IDS).optional(),
  /** open: sign-up open now; upcoming: not started yet; ended: over. */
  phase: z.enum(ACTIVITY_PHASES, { error: '请选择活动状态' }).optional(),
  eligibleOnly: z.boolean({ error: '是否只看可报名应为是或否' }).optional(),
  /** Staff and heads: include drafts, cancelled (their own scope). */
  manage: z.boolean({ error: '管理视图应为是或否' }).optional(),
  /** Only this status (a manager's 草稿 / 已发布 / 已截止 / 已取消 filter). */
  status: choice('活动状态', ACTIVITY_STATUSES).optional(),
  /** Title or place contains this text. */
  q: optionalText('搜索词', 40),
})

export type AnswerValue = string | number | string[]
export const signUpInput = z.object({
  activityId: id('活动'),
  answers: z.record(z.string().max(32), z.union([safeText('报名表回答', z.string().max(2000)), z.number(), z.array(safeText('报名表回答', z.string().max(100))).max(20)]), {
    error: '报名表内容格式不正确',
  }).optional(),
  /** Subscribe-message templates the person just authorised (requestSubscribeMessage result). */
  subscribed: z.array(z.enum(['reminder', 'result'])).max(2).optional(),
})
export const activityRefInput = z.object({ activityId: id('活动') })

export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'cancelled', 'checked_in', 'absent'] as const
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number]

export const registrationsInput = z.object({
  activityId: id('活动'),
  ...pageInput,
  status: z.enum(REGISTRATION_STATUSES, { error: '请选择报名状态' }).optional(),
  q: optionalText('搜索词', 40),
})
export const exportRegistrationsInput = z.object({
  activityId: id('活动'),
  status: z.enum(REGISTRATION_STATUSES, { error: '请选择报名状态' }).optional(),
})
export const markAttendanceInput = z.object({
  activityId: id('活动'),
  openid: id('成员'),
  status: z.enum(['registered', 'waitlisted', 'checked_in', 'absent'], { error: '请选择要改成的状态' }),
})
export const checkInInput = z
  .object({
    activityId: id('活动'),
    /** From the rotating QR code on the check-in screen. */
    token: z.string({ error: '签到码格式不正确' }).max(64, '签到码格式不正确').optional(),
    /** The 6-digit fallback typed by hand. */
    shortCode: z.string({ error: '签到码应为6位数字' }).regex(/^\d{6}$/, '签到码应为6位数字').optional(),
    /** A student's personal code, scanned by staff, a head or a helper. */
    personalCode: z.string({ error: '个人码格式不正确' }).max(128, '个人码格式不正确').optional(),
  })
  .refine((v) => [v.token, v.shortCode, v.personalCode].filter(Boolean).length === 1, {
    message: '请扫描签到码或输入6位签到码',
    path: ['shortCode'],
  })

export interface Activity {
  id: string
  type: ActivityTypeId
  title: string
  description: string
  hostOrg: string
  place: string
  startAt: string
  endAt: string
  signUpOpenAt: string
  signUpCloseAt: string
  capacity: number
  waitlist: boolean
  eligibility: Eligibility
  form: FormField[]
  coverImage: string | null
  /** Managers see the full list; a helper sees only themself; anyone else an empty list. */
  checkInHelpers: string[]
  status: ActivityStatus
  cancelReason: string
  /** A station head's activity: only that station's members may sign up. */
  stationId: string | null
  /** The innovation platform it is linked to, if any. */
  platformId: string | null
  /** 面向公众/青少年: non-members may sign up too (their sign-ups are kept apart, sharing the capacity). */
  openToPublic: boolean
  /**
   * Public sign-ups holding a place (part of `registeredCount`). It stays after the retention job
   * deletes them: the anonymous count for statistics.
   */
  publicCount: number
  /** Who created it: for those who manage the activity only (empty for others). */
  createdBy: string
  registeredCount: number
  waitlistCount: number
  createdAt: string
  updatedAt: string
  publishedAt: string | null
}

export interface Registration {
  id: string
  activityId: string
  openid: string
  status: RegistrationStatus
  /** Place in the waitlist (1 = next), while waitlisted. */
  position: number | null
  answers: Record<string, AnswerValue>
  createdAt: string
  updatedAt: string
  checkedInAt: string | null
}

export interface ActivityView extends Activity {
  myRegistration: Registration | null
  /** Whether I may sign up now, and if not, why (Chinese, for the person). */
  canSignUp: { ok: boolean; reason: string }
  placesLeft: number
  /** My last answers to a form (prefill), by field label. */
  lastAnswers: Record<string, AnswerValue>
}

export interface SignUpResult {
  status: 'registered' | 'waitlisted'
  position?: number
  registration: Registration
}

export interface RegistrationLine extends Registration {
  name: string
  phoneMasked: string
  university: string
  degree: string
  hometownCounty: string
}

export interface MyActivity {
  activity: Pick<Activity, 'id' | 'title' | 'type' | 'startAt' | 'endAt' | 'place' | 'status'>
  registration: Registration
}

export interface CheckInCode {
  activityId: string
  /** Goes into the QR code; rotates every `rotatesEverySeconds`. */
  token: string
  qrImage: string
  shortCode: string
  rotatesEverySeconds: number
  expiresAt: string
  validFrom: string
  validUntil: string
}

export interface GrowthRecord {
  total: number
  byType: { type: ActivityTypeId; name: string; count: number }[]
  byYear: { year: number; count: number }[]
  items: MyActivity[]
  /** Honours awarded (评优评先), newest last. */
  honours: HonourRecord[]
}
