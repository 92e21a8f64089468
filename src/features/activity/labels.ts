import dayjs from 'dayjs'
import type { Activity, ActivityStatus, ActivityTypeId, Registration, RegistrationStatus } from '../../../types'
import { ACTIVITY_TYPES, nameOf } from '../../../types'

/** How activities read to a person: names, colours, times and states, in one place. */

export const typeName = (id: string): string => nameOf(ACTIVITY_TYPES, id) || '活动'

/** A placeholder cover's colour per type, so a list without pictures still scans by kind; each keeps white text at ≥ 4.5:1. */
export const TYPE_COLORS: Record<ActivityTypeId, string> = {
  summer_practice: '#C8161D',
  lab_visit: '#1F6FB2',
  internship: '#237047',
  employment: '#A35A14',
  project_exchange: '#6B4FA0',
  competition: '#8A6100',
  science_outreach: '#0E6F6F',
  other: '#6F6F6F',
}

/** Names that fit a placeholder cover whole (slicing 暑期社会实践 to 4 characters read as 暑期社会). */
export const TYPE_SHORT_NAMES: Record<ActivityTypeId, string> = {
  summer_practice: '暑期实践',
  lab_visit: '走进实验室',
  internship: '实习实践',
  employment: '就业创业',
  project_exchange: '项目交流',
  competition: '科创赛事',
  science_outreach: '科普活动',
  other: '活动',
}

export const ACTIVITY_STATUS_NAMES: Record<ActivityStatus, string> = {
  draft: '草稿',
  published: '已发布',
  closed: '已截止报名',
  cancelled: '已取消',
}

export const REGISTRATION_STATUS_NAMES: Record<RegistrationStatus, string> = {
  registered: '报名成功',
  waitlisted: '候补',
  cancelled: '已取消',
  checked_in: '已签到',
  absent: '缺席',
}

/** 报名成功 / 候补第 N 位 / 已取消 / 已签到 / 缺席 */
export function registrationBadge(r: Pick<Registration, 'status' | 'position'>): string {
  if (r.status === 'waitlisted') return r.position ? `候补第 ${r.position} 位` : '候补中'
  return REGISTRATION_STATUS_NAMES[r.status]
}

export type BadgeTone = 'ok' | 'wait' | 'off' | 'done' | 'bad'
export const REGISTRATION_TONES: Record<RegistrationStatus, BadgeTone> = {
  registered: 'ok',
  waitlisted: 'wait',
  cancelled: 'off',
  checked_in: 'done',
  absent: 'bad',
}

export function formatTime(iso: string): string {
  const d = dayjs(iso)
  if (!d.isValid()) return ''
  return d.year() === dayjs().year() ? d.format('M月D日 HH:mm') : d.format('YYYY年M月D日 HH:mm')
}

/** One day: `7月20日 09:00–17:00`; several: `7月20日 09:00 至 7月27日 17:00`. */
export function formatRange(startIso: string, endIso: string): string {
  const start = dayjs(startIso)
  const end = dayjs(endIso)
  if (start.isSame(end, 'day')) return `${formatTime(startIso)}–${end.format('HH:mm')}`
  return `${formatTime(startIso)} 至 ${formatTime(endIso)}`
}

export type Phase = '报名中' | '报名未开始' | '报名已截止' | '进行中' | '已结束' | '已取消' | '草稿'

/** Where an activity stands for a student right now. */
export function phaseOf(a: Pick<Activity, 'status' | 'signUpOpenAt' | 'signUpCloseAt' | 'startAt' | 'endAt'>, now = Date.now()): Phase {
  if (a.status === 'draft') return '草稿'
  if (a.status === 'cancelled') return '已取消'
  if (now >= Date.parse(a.endAt)) return '已结束'
  if (now >= Date.parse(a.startAt)) return '进行中'
  if (a.status === 'published' && now >= Date.parse(a.signUpOpenAt) && now < Date.parse(a.signUpCloseAt)) return '报名中'
  if (a.status === 'published' && now < Date.parse(a.signUpOpenAt)) return '报名未开始'
  return '报名已截止'
}

/** `剩余 3 个名额`, `已满 · 候补 2 人`, or `名额已满`. */
export function placesText(a: Pick<Activity, 'capacity' | 'registeredCount' | 'waitlistCount' | 'waitlist'>): string {
  const left = Math.max(0, a.capacity - a.registeredCount)
  if (left > 0) return `剩余 ${left} 个名额`
  if (a.waitlist) return a.waitlistCount > 0 ? `已满 · 候补 ${a.waitlistCount} 人` : '已满 · 可候补'
  return '名额已满'
}
