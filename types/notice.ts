import * as z from 'zod'
import { COUNTY_IDS, DEGREE_IDS, type CountyId, type DegreeId } from './taxonomy'
import { pageInput } from './station'
import { choice, id, optionalText, text, year } from './validation'

/** Whose registrations an activity audience means: all who hold or wait for a place, or some. */
export const NOTICE_ACTIVITY_STATUSES = ['registered', 'waitlisted', 'checked_in'] as const
export type NoticeActivityStatus = (typeof NOTICE_ACTIVITY_STATUSES)[number]

/** What a sender may link a notice to (notice.send). */
export const NOTICE_LINK_KINDS = ['activity', 'policy'] as const
/**
 * What the system links its own notices to as well: a survey's answer page (survey reminders), a
 * nomination (honour step notices: the id is the nomination's).
 */
export type NoticeLinkKind = (typeof NOTICE_LINK_KINDS)[number] | 'survey' | 'honour'

/**
 * Who a notice is for. Lists combine as "any of" within a dimension and "all of" across them
 * (masters from 遂平县 = degreeIds [master] + countyIds [suiping]); `all` means everyone who
 * joined; an activity audience stands alone (its registrants, frozen at the send time).
 */
const audienceShape = z.object({
  all: z.boolean({ error: '是否发给全部成员应为是或否' }).optional(),
  stationIds: z.array(id('驿站'), { error: '驿站应为列表' }).max(50, '最多选50个驿站').optional(),
  countyIds: z.array(choice('家乡县区', COUNTY_IDS), { error: '县区应为列表' }).max(10).optional(),
  fieldIds: z.array(id('重点产业领域'), { error: '重点产业领域应为列表' }).max(20, '最多选20个领域').optional(),
  degreeIds: z.array(choice('学历', DEGREE_IDS), { error: '学历应为列表' }).max(5).optional(),
  graduationYears: z.array(year('毕业年份', 1980, 2100), { error: '毕业年份应为列表' }).max(20, '最多选20个毕业年份').optional(),
  activityId: id('活动').optional(),
  activityStatus: z.enum(NOTICE_ACTIVITY_STATUSES, { error: '请选择报名状态' }).optional(),
})

type AudienceInput = z.output<typeof audienceShape>
const listed = (v: AudienceInput) =>
  [v.stationIds, v.countyIds, v.fieldIds, v.degreeIds, v.graduationYears].some((l) => (l?.length ?? 0) > 0)

export const noticeAudienceInput = audienceShape
  .refine((v) => v.all === true || listed(v) || v.activityId !== undefined, { message: '请选择通知对象', path: ['all'] })
  .refine((v) => !(v.all === true && (listed(v) || v.activityId !== undefined)), {
    message: '发给全部成员时不能再选其他条件',
    path: ['all'],
  })
  .refine((v) => v.activityStatus === undefined || v.activityId !== undefined, { message: '请先选择活动', path: ['activityId'] })
  .refine((v) => v.activityId === undefined || !listed(v), { message: '活动报名者不能与其他条件同时选择', path: ['activityId'] })
  .transform(
    (v): NoticeAudience => ({
      all: v.all === true,
      stationIds: [...new Set(v.stationIds ?? [])],
      countyIds: [...new Set(v.countyIds ?? [])],
      fieldIds: [...new Set(v.fieldIds ?? [])],
      degreeIds: [...new Set(v.degreeIds ?? [])],
      graduationYears: [...new Set(v.graduationYears ?? [])],
      activityId: v.activityId ?? null,
      activityStatus: v.activityStatus ?? null,
    }),
  )
export type NoticeAudienceInput = z.input<typeof noticeAudienceInput>

/** The audience as stored: every dimension present, an empty list meaning "no limit". */
export interface NoticeAudience {
  all: boolean
  stationIds: string[]
  countyIds: CountyId[]
  fieldIds: string[]
  degreeIds: DegreeId[]
  graduationYears: number[]
  activityId: string | null
  activityStatus: NoticeActivityStatus | null
}

export const noticeLinkInput = z
  .object({ kind: z.enum(NOTICE_LINK_KINDS, { error: '请选择链接类型' }), id: id('链接的内容') })
  .nullish()
  .transform((v) => v ?? null)
export type NoticeLink = { kind: NoticeLinkKind; id: string }

export const sendNoticeInput = z.object({
  title: text('通知标题', { max: 40 }),
  /** Plain text: line breaks and links are kept as typed, nothing is rendered as markup. */
  body: text('通知正文', { max: 2000 }),
  link: noticeLinkInput,
  audience: noticeAudienceInput,
  /** A later time schedules the notice; absent or past: now. */
  sendAt: z.iso.datetime({ offset: true, error: '发送时间格式不正确' }).optional(),
})
export type SendNoticeInput = z.input<typeof sendNoticeInput>

export const previewNoticeInput = z.object({ audience: noticeAudienceInput })
export const noticeIdInput = z.object({ id: id('通知') })
export const noticeListInput = z.object({
  ...pageInput,
  /** Staff: only the notices I sent (heads always see only their own). */
  mine: z.boolean({ error: '是否只看我发的应为是或否' }).optional(),
  /** Only notices whose title contains this text (case-insensitive, taken literally). */
  q: optionalText('搜索词', 40),
})
export const noticeInboxInput = z.object(pageInput)

export type NoticeStatus = 'scheduled' | 'sent' | 'withdrawn'

export interface Notice {
  id: string
  title: string
  body: string
  link: NoticeLink | null
  audience: NoticeAudience
  /** manual: composed by staff or a head; activity: sent by the system when an activity changed. */
  origin: 'manual' | 'activity'
  senderOpenid: string
  senderRole: 'staff' | 'station_head'
  /** Who the inbox names as the sender: 共青团驻马店市委 or the station's name. */
  senderLabel: string
  /** A head's station (their notices are listed and audited under it). */
  stationId: string | null
  sendAt: string
  createdAt: string
  /** Members the audience held at the send time (an estimate, now, while scheduled). */
  recipients: number
  withdrawnAt: string | null
  status: NoticeStatus
}

/** A notice as its reader sees it: no audience, no sender openid. */
export interface InboxNotice {
  id: string
  title: string
  body: string
  link: NoticeLink | null
  senderLabel: string
  sendAt: string
  read: boolean
}

export interface NoticeStats {
  /** The notice itself, so its figures page stands on its own. */
  notice: Notice
  recipients: number
  read: number
  /** Subscribe messages WeChat accepted. */
  pushed: number
  /** WeChat's errcodes of pushes that failed (e.g. 43101: no authorisation left), with counts. */
  pushFailures: { errcode: number; count: number }[]
}
