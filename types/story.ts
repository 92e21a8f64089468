import * as z from 'zod'
import { COUNTY_IDS, type CountyId } from './taxonomy'
import { pageInput } from './station'
import { choice, id, optionalText, text } from './validation'

/**
 * Stories of young talent (青年人才故事). Lifecycle:
 *   draft → submitted → machine_check → human_review → published → retracted
 * `submitted` is held while the text check runs; a `risky` text, a reviewer's rejection or the
 * subject's refusal send the story back to `draft` with a plain reason. Publication always needs
 * a human (staff) and, when the subject is not the author, the subject's consent.
 */
export const STORY_STATUSES = ['draft', 'submitted', 'machine_check', 'human_review', 'published', 'retracted'] as const
export type StoryStatus = (typeof STORY_STATUSES)[number]

/** WeChat content security's verdicts (msgSecCheck v2 / mediaCheckAsync `result.suggest`). */
export const CHECK_SUGGESTIONS = ['pass', 'review', 'risky'] as const
export type CheckSuggestion = (typeof CHECK_SUGGESTIONS)[number]

/** WeChat's labels (msgSecCheck v2 `result.label`), named for the reviewer. */
export const CONTENT_LABELS: Record<number, string> = {
  100: '正常',
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他',
}
export const contentLabelName = (label: number | null): string => (label === null ? '无' : (CONTENT_LABELS[label] ?? `其他（${label}）`))

/** msgSecCheck takes at most 2,500 characters of content per call. */
export const TEXT_CHECK_CHUNK = 2500
export const STORY_BODY_MAX = 6000
export const STORY_TAGS_MAX = 5

/** A story photo is one of our uploads (the same folders and names as activity covers). */
export const storyPhoto = z
  .string({ error: '照片格式不正确' })
  .regex(/^(cloud:\/\/[\w.-]+\/activity-covers\/[\w.-]+|\/uploads\/[0-9a-f]{24}\.(png|jpg|webp))$/, '照片须是上传的图片')
  .max(300, '照片格式不正确')
  .nullish()
  .transform((v) => v ?? null)

const tags = z
  .array(text('标签', { max: 8 }), { error: '标签应为列表' })
  .max(STORY_TAGS_MAX, `最多${STORY_TAGS_MAX}个标签`)
  .optional()
  .transform((v) => [...new Set(v ?? [])])

const storyFields = {
  title: text('故事标题', { max: 40 }),
  /** Plain text: line breaks are kept as typed (the story page and the poster both keep them). */
  body: text('故事正文', { max: STORY_BODY_MAX }),
  summary: optionalText('一句话简介', 80),
  photo: storyPhoto,
  tags,
}

export const createStoryInput = z.object({
  ...storyFields,
  /**
   * Whom the story is about: a member (a head: one of their station; a member: themselves, the
   * default). Staff may instead name someone who has not joined (`person`), having their consent.
   */
  subjectOpenid: id('故事主人公').optional(),
  person: z
    .object({
      name: text('主人公姓名', { max: 20 }),
      county: choice('主人公家乡县区', COUNTY_IDS),
      university: text('主人公学校或单位', { max: 40 }),
    })
    .optional(),
  /** Staff writing about someone who has not joined: they confirm the consent was obtained. */
  offlineConsent: z.boolean({ error: '是否已取得本人同意应为是或否' }).optional(),
})
export type CreateStoryInput = z.input<typeof createStoryInput>

export const updateStoryInput = z.object({ id: id('故事'), ...storyFields })
export type UpdateStoryInput = z.input<typeof updateStoryInput>

export const storyIdInput = z.object({ id: id('故事') })
export const consentStoryInput = z.object({
  id: id('故事'),
  agree: z.boolean({ error: '请选择是否同意发布' }),
})
export const reviewStoryInput = z
  .object({
    id: id('故事'),
    decision: z.enum(['approve', 'reject'], { error: '请选择审核结果' }),
    reason: optionalText('退回原因', 200),
  })
  .refine((v) => v.decision === 'approve' || v.reason !== '', { message: '请填写退回原因', path: ['reason'] })
export const retractStoryInput = z.object({ id: id('故事'), reason: text('撤下原因', { max: 200 }) })
export const featureStoryInput = z.object({
  id: id('故事'),
  featured: z.boolean({ error: '是否置顶应为是或否' }),
  /** Among featured stories, a higher order comes first. */
  order: z.int({ error: '排序应为整数' }).min(0, '排序不能小于0').max(99, '排序不能大于99').optional(),
})
export const storyFeedInput = z.object(pageInput)
export const storyQueueInput = z.object(pageInput)

/** The `wxa_media_check` event as the router receives it (entry-cloud.ts maps the platform's fields). */
export const mediaCheckEventInput = z.object({
  traceId: z.string({ error: '缺少 trace_id' }).min(1, '缺少 trace_id').max(128, 'trace_id 格式不正确'),
  suggest: z.enum(CHECK_SUGGESTIONS, { error: '检测结果格式不正确' }),
  label: z.int({ error: '检测标签应为整数' }).nullish().transform((v) => v ?? null),
})
export type MediaCheckEvent = z.output<typeof mediaCheckEventInput>

export interface StoryPerson {
  name: string
  county: CountyId
  university: string
}

/** The machine's verdict as the reviewer sees it (trace ids stay on the server). */
export interface StoryCheckView {
  suggest: CheckSuggestion
  label: number | null
  labelName: string
}

export type SubjectConsent = 'not_needed' | 'pending' | 'given' | 'declined'

/** A story as its author, subject and staff see it. */
export interface Story {
  id: string
  status: StoryStatus
  title: string
  body: string
  summary: string
  photo: string | null
  tags: string[]
  person: StoryPerson
  authorOpenid: string
  authorRole: 'staff' | 'station_head' | 'member'
  subjectOpenid: string | null
  subjectConsent: SubjectConsent
  /** Why it came back to the author (risky text, a reviewer's rejection, the subject's refusal). */
  returnReason: string | null
  textCheck: StoryCheckView | null
  /** Per photo: the machine's answer, null while it is awaited. */
  mediaCheck: StoryCheckView | null
  /** Waited 30 minutes for the image answer without one, so a human decides (shown to the reviewer). */
  mediaTimedOut: boolean
  featured: boolean
  order: number
  createdAt: string
  updatedAt: string
  submittedAt: string | null
  publishedAt: string | null
}

/** A published story as anyone sees it (no openids, no checks). */
export interface PublicStory {
  id: string
  title: string
  body: string
  summary: string
  photo: string | null
  tags: string[]
  person: StoryPerson
  featured: boolean
  publishedAt: string
}

/** `story.get`: the public story, plus what the viewer may do with it. */
export interface StoryView {
  story: PublicStory | Story
  /** Full record for the author, the subject and staff. */
  full: boolean
  canEdit: boolean
  canConsent: boolean
  canReview: boolean
  /** Staff: feature and order a published story. */
  canFeature: boolean
}
