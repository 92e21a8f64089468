import { DEGREES, type AwardKind, type DegreeId, type AwardEligibility, type Materials } from '../../../types'

/** The facts screening checks, gathered from the nomination, the profile and check-ins. */
export interface EligibilityFacts {
  kind: AwardKind
  /** From the profile when it has one, else from the nomination's materials. */
  birthDate: string | null
  degree: DegreeId
  /** Hours of activities the nominee checked in at. */
  activityHours: number
  materials: Pick<Materials, 'priorHonour' | 'priorHonourDate' | 'memberCount' | 'youthCount'>
}

export interface EligibilityResult {
  eligible: boolean
  /** Chinese reasons, one per rule not met (empty when eligible). */
  reasons: string[]
}

/** Whole years between a birth date and a day (both `YYYY-MM-DD`): the age on that day. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number)
  const [y, m, d] = day.split('-').map(Number)
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

const degreeName = (id: DegreeId) => DEGREES.find((d) => d.id === id)?.name ?? id

/** Every rule of the award checked against the facts; each one not met gives its reason. */
export function checkEligibility(rules: AwardEligibility, facts: EligibilityFacts): EligibilityResult {
  const reasons: string[] = []
  const cutoff = rules.cutoffDate
  if (facts.kind === 'individual' && (rules.minAge !== null || rules.maxAge !== null)) {
    if (!facts.birthDate) reasons.push('缺少出生日期，无法核对年龄')
    else {
      const age = ageOn(facts.birthDate, cutoff)
      if (rules.minAge !== null && age < rules.minAge) reasons.push(`截至${cutoff}年龄为${age}岁，未满${rules.minAge}岁`)
      if (rules.maxAge !== null && age > rules.maxAge) reasons.push(`截至${cutoff}年龄为${age}岁，超过${rules.maxAge}岁`)
    }
  }
  if (rules.priorHonour) {
    const held = facts.materials.priorHonour === rules.priorHonour && facts.materials.priorHonourDate
    if (!held) reasons.push(`须已获得“${rules.priorHonour}”`)
    else if (rules.priorHonourYears > 0 && ageOn(facts.materials.priorHonourDate ?? cutoff, cutoff) < rules.priorHonourYears)
      reasons.push(`“${rules.priorHonour}”获得未满${rules.priorHonourYears}年`)
  }
  if (rules.minActivityHours > 0 && facts.activityHours < rules.minActivityHours) {
    reasons.push(`签到活动时长${formatHours(facts.activityHours)}小时，不足${rules.minActivityHours}小时`)
  }
  if (rules.degrees.length > 0 && !rules.degrees.includes(facts.degree)) {
    reasons.push(`学历为${degreeName(facts.degree)}，不在${rules.degrees.map(degreeName).join('、')}之列`)
  }
  if (facts.kind === 'collective') {
    const { memberCount, youthCount } = facts.materials
    if (!memberCount || youthCount === null) reasons.push('缺少集体人数或35岁以下人数')
    else if (youthCount * 100 < rules.minYouthSharePercent * memberCount) {
      reasons.push(`35岁以下成员占${Math.floor((youthCount * 100) / memberCount)}%，低于${rules.minYouthSharePercent}%`)
    }
  }
  return { eligible: reasons.length === 0, reasons }
}

const formatHours = (hours: number) => (Number.isInteger(hours) ? String(hours) : hours.toFixed(1))

/** Hours between two ISO times, for an activity checked in at. */
export function hoursBetween(startAt: string, endAt: string): number {
  return Math.max(0, (Date.parse(endAt) - Date.parse(startAt)) / 3_600_000)
}
