import type { NoticeActivityStatus, NoticeAudience, NoticeStatus } from '../../../types'

/** How notices read to a person: statuses, push error codes, audiences. */

export const NOTICE_STATUS_NAMES: Record<NoticeStatus, string> = {
  sent: '已发送',
  scheduled: '定时',
  withdrawn: '已撤回',
}

export const NOTICE_STATUS_TONES = { sent: 'ok', scheduled: 'wait', withdrawn: 'off' } as const

export const ACTIVITY_AUDIENCE_NAMES: Record<NoticeActivityStatus, string> = {
  registered: '报名成功的',
  waitlisted: '候补中的',
  checked_in: '已签到的',
}

/** WeChat's subscribe-message errcodes that a sender meets, in words a sender understands. */
const PUSH_ERRORS: Record<number, string> = {
  43101: '用户未授权或授权次数已用完',
  40003: '用户标识无效',
  40037: '消息模板无效',
  47003: '消息内容不符合模板要求',
  45009: '调用次数超过当日上限',
  '-1': '微信系统繁忙',
}

export function pushErrorText(errcode: number): string {
  return PUSH_ERRORS[errcode] ?? '微信未送达'
}

export interface AudienceNames {
  station: (id: string) => string
  county: (id: string) => string
  field: (id: string) => string
  degree: (id: string) => string
  activity: (id: string) => string
}

/** One line for a stored audience: `郑州大学翼展驿站 · 硕士、博士`. */
export function audienceText(a: NoticeAudience, names: AudienceNames): string {
  if (a.all) return '全部成员'
  if (a.activityId) return `活动「${names.activity(a.activityId)}」${a.activityStatus ? ACTIVITY_AUDIENCE_NAMES[a.activityStatus] : ''}报名者`
  const parts = [
    a.stationIds.map(names.station).join('、'),
    a.countyIds.map(names.county).join('、'),
    a.fieldIds.map(names.field).join('、'),
    a.degreeIds.map(names.degree).join('、'),
    a.graduationYears.map((y) => `${y}届`).join('、'),
  ].filter(Boolean)
  return parts.join(' · ') || '—'
}
