import * as z from 'zod'
import { COUNTY_IDS, DEGREE_IDS, MAX_FIELDS_PER_MEMBER, type CountyId, type DegreeId, type UniversityOption } from './taxonomy'
import { choice, optionalText, text, year } from './validation'

export const ROLES = ['student', 'station_head', 'staff'] as const
export type Role = (typeof ROLES)[number]

export const PHONE_PATTERN = /^1[3-9]\d{9}$/

const phone = z
  .string({ error: (i) => (i.input === undefined || i.input === '' ? '请填写手机号' : '手机号应为11位数字') })
  .trim()
  .regex(PHONE_PATTERN, '手机号应为11位数字，以1开头')

const fieldIds = z
  .array(z.string({ error: '重点产业领域格式不正确' }).max(32, '重点产业领域格式不正确'), {
    error: '请选择重点产业领域',
  })
  .min(1, '请至少选择1个重点产业领域')
  .max(MAX_FIELDS_PER_MEMBER, `重点产业领域最多选${MAX_FIELDS_PER_MEMBER}个`)
  .refine((ids) => new Set(ids).size === ids.length, '重点产业领域不能重复')

/** The profile a member keeps about themself; the form and the server share this schema. */
export const profileShape = {
  name: text('姓名', { max: 20 }),
  phone,
  university: text('学校', { max: 40 }),
  college: optionalText('学院', 40),
  major: text('专业', { max: 40 }),
  degree: choice('学历', DEGREE_IDS),
  enrollmentYear: year('入学年份', 1980, 2100),
  graduationYear: year('毕业年份', 1980, 2100),
  hometownCounty: choice('家乡县区', COUNTY_IDS),
  fields: fieldIds,
}

type YearsLike = { enrollmentYear?: number; graduationYear?: number }
const graduationAfterEnrollment = <T extends YearsLike>(v: T) =>
  v.enrollmentYear === undefined || v.graduationYear === undefined || v.graduationYear >= v.enrollmentYear
const yearOrder = { message: '毕业年份不能早于入学年份', path: ['graduationYear'] }

export const profileInput = z.object(profileShape).refine(graduationAfterEnrollment, yearOrder)
export type ProfileInput = z.input<typeof profileInput>
export type Profile = z.output<typeof profileInput>

export const registerMemberInput = z
  .object({
    ...profileShape,
    consentVersion: z
      .string({ error: '请先阅读并同意隐私保护指引' })
      .min(1, '请先阅读并同意隐私保护指引')
      .max(32, '隐私保护指引版本格式不正确'),
  })
  .refine(graduationAfterEnrollment, yearOrder)
export type RegisterMemberInput = z.input<typeof registerMemberInput>

/** Any subset of the profile; at least one field. */
export const updateMemberInput = z
  .object(profileShape)
  .partial()
  .refine((v) => Object.values(v).some((x) => x !== undefined), '没有需要保存的修改')
  .refine(graduationAfterEnrollment, yearOrder)
export type UpdateMemberInput = z.input<typeof updateMemberInput>

export interface Member {
  openid: string
  role: Role
  /** The station that accepted this member; null until one does. */
  stationId: string | null
  /** When the current station accepted this member. */
  stationJoinedAt: string | null
  status: 'active'
  name: string
  phone: string
  university: string
  college: string
  major: string
  degree: DegreeId
  enrollmentYear: number
  graduationYear: number
  hometownCounty: CountyId
  fields: string[]
  consentVersion: string
  consentAt: string
  /**
   * When the member withdrew consent (PIPL art. 15), or null/absent while it stands. Withdrawn:
   * the record is kept, nothing new is processed (no sign-up, joining, interests, pushes).
   */
  consentWithdrawnAt?: string | null
  joinedAt: string
  updatedAt: string
  /** Seeded demo data (示例), never a real person. */
  isDemo: boolean
}


/** Giving consent again after withdrawing it: the statement version read and agreed to. */
export const giveConsentInput = z.object({
  consentVersion: z
    .string({ error: '请先阅读并同意隐私保护指引' })
    .min(1, '请先阅读并同意隐私保护指引')
    .max(32, '隐私保护指引版本格式不正确'),
})
export type GiveConsentInput = z.input<typeof giveConsentInput>

/** `13812341234` → `138****1234`; anything that is not a full phone is masked entirely. */
export function maskPhone(value: string): string {
  return PHONE_PATTERN.test(value) ? `${value.slice(0, 3)}****${value.slice(7)}` : '****'
}

/** 是 to “你的学校是郑州大学吗？”: the listed name proposed for the 学校 the member typed. */
export const confirmUniversityInput = z.object({
  university: text('学校', { max: 40 }),
})

/** A member's free-text 学校 and the listed university it most likely means. */
export interface UniversityMatch {
  typed: string
  suggestion: UniversityOption
}
