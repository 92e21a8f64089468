import * as z from 'zod'
import { PHONE_PATTERN } from './member'
import { pageInput } from './station'
import type { TaxonomyItem } from './taxonomy'
import { choice, id, optionalText, text } from './validation'

/**
 * 面向公众/青少年 (issue 19 §4): science outreach that anyone may sign up for without joining the
 * alliance. The data asked is the minimum the organiser needs; below PUBLIC_GUARDIAN_AGE the
 * person is a minor under PIPL art. 31 and a guardian signs up on their behalf and consents.
 */
export const PUBLIC_GUARDIAN_AGE = 14
/**
 * How many participants one WeChat account may sign up for the same activity (a parent with
 * several children): each is its own sign-up taking its own place. The same name again is the
 * same participant (a retry), not a second one.
 */
export const PUBLIC_PARTICIPANTS_MAX = 3
export const PUBLIC_MIN_AGE = 3
export const PUBLIC_MAX_AGE = 99

export const GUARDIAN_RELATIONS = [
  { id: 'father', name: '父亲' },
  { id: 'mother', name: '母亲' },
  { id: 'grandparent', name: '祖父母/外祖父母' },
  { id: 'other', name: '其他监护人' },
] as const satisfies readonly TaxonomyItem[]
export type GuardianRelationId = (typeof GUARDIAN_RELATIONS)[number]['id']
export const GUARDIAN_RELATION_IDS = GUARDIAN_RELATIONS.map((r) => r.id) as [GuardianRelationId, ...GuardianRelationId[]]

const phoneOf = (label: string) =>
  z
    .string({ error: (i) => (i.input === undefined || i.input === '' ? `请填写${label}` : `${label}应为11位数字`) })
    .trim()
    .regex(PHONE_PATTERN, `${label}应为11位数字，以1开头`)

const guardianSchema = z.object({
  name: text('监护人姓名', { max: 20 }),
  relation: choice('与参加者的关系', GUARDIAN_RELATION_IDS),
  phone: phoneOf('监护人手机号'),
  consent: z.boolean({ error: '请监护人勾选同意' }),
})

export const publicSignUpInput = z
  .object({
    activityId: id('活动'),
    name: text('参加者姓名', { max: 20 }),
    age: z
      .int({ error: (i) => (i.input === undefined || i.input === '' ? '请填写参加者年龄' : '参加者年龄应为整数') })
      .min(PUBLIC_MIN_AGE, `参加者年龄不能小于${PUBLIC_MIN_AGE}岁`)
      .max(PUBLIC_MAX_AGE, `参加者年龄不能大于${PUBLIC_MAX_AGE}岁`),
    school: optionalText('学校', 40),
    grade: optionalText('年级', 20),
    /** The participant's own phone; for a minor with a guardian it may be left out (the guardian's is used). */
    phone: phoneOf('联系电话').nullish().transform((v) => v ?? ''),
    guardian: guardianSchema.nullish().transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (v.age < PUBLIC_GUARDIAN_AGE) {
      if (!v.guardian) {
        ctx.addIssue({ code: 'custom', path: ['guardian'], message: `参加者未满${PUBLIC_GUARDIAN_AGE}周岁，须由监护人填写监护人信息` })
      } else if (v.guardian.consent !== true) {
        ctx.addIssue({
          code: 'custom',
          path: ['guardian', 'consent'],
          message: `参加者未满${PUBLIC_GUARDIAN_AGE}周岁，须由监护人勾选同意处理其个人信息`,
        })
      }
    } else if (!v.phone) {
      ctx.addIssue({ code: 'custom', path: ['phone'], message: '请填写联系电话' })
    }
  })
export type PublicSignUpInput = z.input<typeof publicSignUpInput>

export const publicActivityRefInput = z.object({ activityId: id('活动') })
/** Cancels one participant's sign-up; without `registrationId`, the only one the person holds. */
export const cancelPublicSignUpInput = z.object({ activityId: id('活动'), registrationId: id('报名').optional() })
export const publicRegistrationsInput = z.object({ activityId: id('活动'), ...pageInput })

export const PUBLIC_REGISTRATION_STATUSES = ['registered', 'cancelled'] as const
export type PublicRegistrationStatus = (typeof PUBLIC_REGISTRATION_STATUSES)[number]

export interface PublicGuardian {
  name: string
  relation: GuardianRelationId
  phone: string
  /** When the guardian ticked the consent (the sign-up time). */
  consentAt: string
}

/** A sign-up made without joining, kept apart from member registrations and deleted after the activity. */
export interface PublicRegistration {
  id: string
  activityId: string
  /** Who made it (the WeChat openid the server knows): the person who may see and cancel it. */
  openid: string
  name: string
  age: number
  school: string
  grade: string
  phone: string
  guardian: PublicGuardian | null
  status: PublicRegistrationStatus
  /** When the participant checked in with the activity's check-in code; null until then. */
  checkedInAt: string | null
  createdAt: string
  updatedAt: string
}

/** Check-in of the public: the activity's rotating QR token or its 6-digit code, exactly one. */
export const publicCheckInInput = z
  .object({
    activityId: id('活动'),
    token: z.string({ error: '签到码格式不正确' }).max(64, '签到码格式不正确').optional(),
    shortCode: z.string({ error: '签到码应为6位数字' }).trim().regex(/^\d{6}$/, '签到码应为6位数字').optional(),
  })
  .refine((v) => [v.token, v.shortCode].filter(Boolean).length === 1, { message: '请扫描签到码或输入6位签到码', path: ['shortCode'] })

/** A public sign-up as an organiser's list shows it: phones masked, no openid. */
export interface PublicRegistrationLine {
  id: string
  name: string
  age: number
  school: string
  grade: string
  phoneMasked: string
  guardianName: string
  guardianRelation: string
  guardianPhoneMasked: string
  status: PublicRegistrationStatus
  checkedIn: boolean
  createdAt: string
}

/** What a public participant sees of their own sign-ups for the activity. */
export interface MyPublicSignUp {
  /** Every participant this account signed up (any status), in the order signed up; at most PUBLIC_PARTICIPANTS_MAX. */
  registrations: PublicRegistration[]
  /** How many more participants this account may still sign up. */
  participantsLeft: number
  /** Whether 现场签到 is open now (from an hour before the start to the end, by the server's clock). */
  checkInOpen: boolean
  /** Whether a public sign-up is possible now, and if not why (Chinese). */
  canSignUp: { ok: boolean; reason: string }
  placesLeft: number
}

/** A public sign-up in the personal export (PIPL art. 45): everything given, with the activity it was for. */
export type ExportedPublicSignUp = Omit<PublicRegistration, 'id' | 'openid'> & {
  activityTitle: string
  activityStartAt: string
  activityEndAt: string
}

export const PUBLIC_DATA_EXPORT_NOTICE =
  '这是翼展联盟保存的你在公众活动报名中填写的全部信息，以及你通过公开链接填写过哪些问卷（只记录“已提交”，答卷本身不带你的身份）（依据《个人信息保护法》第四十五条）。报名信息在活动结束30天后自动删除，你也可以随时删除。'

/** A survey answered through its public link: only that this account submitted (the answers carry no id). */
export interface ExportedPublicSurvey {
  surveyId: string
  title: string
}

/**
 * What a signed-in person who never joined can export (`platform.exportMyPublicData`): the
 * public sign-ups they made, and the public-link surveys their account has submitted (the
 * one-answer-per-account record). A member's `member.exportMine` carries both in its own lists.
 */
export interface PublicDataExport {
  exportedAt: string
  notice: string
  publicSignUps: ExportedPublicSignUp[]
  publicSurveys: ExportedPublicSurvey[]
}
