import type { Activity, Member } from '../../../types'
import { COUNTIES, DEGREES, nameOf } from '../../../types'

/** Whether a member may sign up for an activity, and if not, why — in words a student reads. */
export function checkEligibility(activity: Activity, member: Member | null): { ok: boolean; reason: string } {
  if (!member) return { ok: false, reason: '请先加入翼展联盟' }
  const { degrees, counties, fields, stationIds } = activity.eligibility
  if (activity.stationId && member.stationId !== activity.stationId) {
    return { ok: false, reason: '本活动仅限该驿站成员报名' }
  }
  if (degrees.length > 0 && !degrees.includes(member.degree)) {
    return { ok: false, reason: `本活动仅限${degrees.map((d) => nameOf(DEGREES, d)).join('、')}报名` }
  }
  if (counties.length > 0 && !counties.includes(member.hometownCounty)) {
    return { ok: false, reason: `本活动仅限家乡为${counties.map((c) => nameOf(COUNTIES, c)).join('、')}的同学报名` }
  }
  if (fields.length > 0 && !fields.some((f) => member.fields.includes(f))) {
    return { ok: false, reason: '本活动面向特定重点产业领域，你关注的领域不在其中' }
  }
  if (stationIds.length > 0 && (!member.stationId || !stationIds.includes(member.stationId))) {
    return { ok: false, reason: '本活动仅限指定驿站的成员报名' }
  }
  return { ok: true, reason: '' }
}
