import type { Activity, Member } from '../../../types'
import { checkEligibility } from './eligibility'

const member = (overrides: Partial<Member> = {}): Member => ({
  openid: 'm1',
  role: 'student',
  stationId: 'st-zzu',
  stationJoinedAt: '2026-03-01T00:00:00.000+08:00',
  status: 'active',
  name: '李明',
  phone: '13812341234',
  university: '郑州大学',
  college: '信息工程学院',
  major: '软件工程',
  degree: 'bachelor',
  enrollmentYear: 2022,
  graduationYear: 2026,
  hometownCounty: 'suiping',
  fields: ['electronics'],
  consentVersion: 'v1',
  consentAt: '2026-03-01T00:00:00.000+08:00',
  joinedAt: '2026-03-01T00:00:00.000+08:00',
  updatedAt: '2026-03-01T00:00:00.000+08:00',
  isDemo: false,
  ...overrides,
})

const activity = (eligibility: Partial<Activity['eligibility']> = {}, stationId: string | null = null) =>
  ({ stationId, eligibility: { degrees: [], counties: [], fields: [], stationIds: [], ...eligibility } }) as Pick<
    Activity,
    'stationId' | 'eligibility'
  > as Activity

describe('checkEligibility', () => {
  it('a visitor is asked to join first', () => {
    expect(checkEligibility(activity(), null)).toEqual({ ok: false, reason: '请先加入翼展联盟' })
  })

  it('an open activity takes every member', () => {
    expect(checkEligibility(activity(), member())).toEqual({ ok: true, reason: '' })
  })

  it('a degree limit names the degrees in Chinese', () => {
    expect(checkEligibility(activity({ degrees: ['master', 'doctor'] }), member())).toEqual({ ok: false, reason: '本活动仅限硕士、博士报名' })
    expect(checkEligibility(activity({ degrees: ['bachelor'] }), member()).ok).toBe(true)
  })

  it('a county limit names the home counties', () => {
    expect(checkEligibility(activity({ counties: ['queshan'] }), member()).reason).toBe('本活动仅限家乡为确山县的同学报名')
  })

  it('a field limit is met by any one shared field', () => {
    expect(checkEligibility(activity({ fields: ['biomed', 'electronics'] }), member()).ok).toBe(true)
    expect(checkEligibility(activity({ fields: ['biomed'] }), member()).ok).toBe(false)
  })

  it("a station head's activity and a station list take only those stations' members", () => {
    expect(checkEligibility(activity({}, 'st-other'), member()).reason).toBe('本活动仅限该驿站成员报名')
    expect(checkEligibility(activity({}, 'st-zzu'), member()).ok).toBe(true)
    expect(checkEligibility(activity({ stationIds: ['st-zzu'] }), member({ stationId: null })).reason).toBe('本活动仅限指定驿站的成员报名')
  })
})
