import type { AwardEligibility } from '../../../types'
import { ageOn, checkEligibility, hoursBetween, type EligibilityFacts } from './eligibility'

const rules: AwardEligibility = {
  minAge: 14,
  maxAge: 35,
  cutoffDate: '2027-05-04',
  priorHonour: '',
  priorHonourYears: 0,
  minActivityHours: 0,
  degrees: [],
  minYouthSharePercent: 60,
}
const facts = (over: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  kind: 'individual',
  birthDate: '2000-01-01',
  degree: 'bachelor',
  activityHours: 0,
  materials: { priorHonour: '', priorHonourDate: null, memberCount: null, youthCount: null },
  ...over,
})

describe('eligibility', () => {
  it('computes the age on the cut-off day by the exact birth date', () => {
    expect(ageOn('1991-05-04', '2027-05-04')).toBe(36)
    expect(ageOn('1991-05-05', '2027-05-04')).toBe(35)
  })

  it('passes a nominee inside every rule', () => {
    expect(checkEligibility(rules, facts())).toEqual({ eligible: true, reasons: [] })
  })

  it('gives a Chinese reason per rule not met', () => {
    const strict: AwardEligibility = { ...rules, priorHonour: '县级青年五四奖章', priorHonourYears: 1, minActivityHours: 10, degrees: ['master', 'doctor'] }
    const result = checkEligibility(strict, facts({ birthDate: '1990-01-01', activityHours: 7.5 }))
    expect(result.eligible).toBe(false)
    expect(result.reasons).toEqual([
      '截至2027-05-04年龄为37岁，超过35岁',
      '须已获得“县级青年五四奖章”',
      '签到活动时长7.5小时，不足10小时',
      '学历为本科，不在硕士、博士之列',
    ])
  })

  it('counts how long a prior honour has been held, and asks for a missing birth date', () => {
    const strict: AwardEligibility = { ...rules, priorHonour: '县级青年五四奖章', priorHonourYears: 1 }
    const recent = facts({ birthDate: null, materials: { priorHonour: '县级青年五四奖章', priorHonourDate: '2026-06-01', memberCount: null, youthCount: null } })
    expect(checkEligibility(strict, recent).reasons).toEqual(['缺少出生日期，无法核对年龄', '“县级青年五四奖章”获得未满1年'])
    const held = facts({ materials: { priorHonour: '县级青年五四奖章', priorHonourDate: '2026-05-04', memberCount: null, youthCount: null } })
    expect(checkEligibility(strict, held).eligible).toBe(true)
  })

  it('needs ≥ 60 % of a collective aged 35 or under', () => {
    const collective = (memberCount: number, youthCount: number) =>
      facts({ kind: 'collective', birthDate: null, materials: { priorHonour: '', priorHonourDate: null, memberCount, youthCount } })
    expect(checkEligibility(rules, collective(10, 6)).eligible).toBe(true)
    expect(checkEligibility(rules, collective(10, 5)).reasons).toEqual(['35岁以下成员占50%，低于60%'])
  })

  it('measures activity hours', () => {
    expect(hoursBetween('2026-07-20T09:00:00+08:00', '2026-07-20T17:30:00+08:00')).toBe(8.5)
  })
})
