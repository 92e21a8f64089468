import * as z from 'zod'
import { calendarDate } from './text'
import { pageInput } from './station'
import { optionalText } from './validation'

/** One line of the audit log: who did what to whose data, when. */
export interface AuditEntry {
  id: string
  at: string
  actorOpenid: string
  actorRole: string
  action: string
  stationId: string | null
  /** Whose data was touched, when it was a person's. */
  subjectOpenid: string | null
  /** A short Chinese description for people reading the log. */
  summary: string
}

/** A line of the log as staff read it: names instead of openids (the openid stays, to filter by). */
export interface AuditLine extends AuditEntry {
  /** 团市委工作人员 for staff; the member's name; 已注销的成员 once they deleted their data. */
  actorName: string
  subjectName: string | null
}

/** Someone whose actions are in the log: the operator filter's choices, most recently active first. */
export interface AuditActor {
  openid: string
  role: string
  name: string
  lastAt: string
}

const isoDate = (label: string) =>
  calendarDate(label).optional()

export const auditListInput = z.object({
  ...pageInput,
  actor: optionalText('操作人', 64),
  stationId: optionalText('驿站', 64),
  from: isoDate('开始日期'),
  to: isoDate('结束日期'),
})
