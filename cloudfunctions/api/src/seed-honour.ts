import type { Award, Nomination } from '../../../types'
import { toIsoString } from '../../core/shared/clock'
import type { Deps } from '../../core/shared/context'
import { workingDayPeriod } from '../../core/honour/working-days'

/**
 * Demo honours (示例): 驻马店青年五四奖章 with two demo students in 公示 from today, so the public
 * 公示 page and the objection form have something to show on first start; and last year's
 * 驻马店青年岗位能手, awarded to the first demo student, so 翼展档案 and the certificate page have one.
 */
export const DEMO_AWARD_ID = 'aw-demo-wusi'
export const DEMO_AWARDED_AWARD_ID = 'aw-demo-gangwei'
export const DEMO_AWARDED_NOMINATION_ID = 'nm-demo-awarded'

const DEEDS = [
  { openid: 'demo-student-1', summary: '组织“返乡支教”暑期实践三年，服务遂平县乡村小学学生200余人。' },
  { openid: 'demo-student-2', summary: '带领团队研发农产品溯源小程序，在驻马店5个乡镇推广使用。' },
]

export async function seedDemoHonours(deps: Pick<Deps, 'store' | 'clock'>): Promise<void> {
  const at = toIsoString(deps.clock.now())
  const today = at.slice(0, 10)
  await seedAwarded(deps, Number(today.slice(0, 4)) - 1)
  const award: Award = {
    id: DEMO_AWARD_ID,
    name: '驻马店青年五四奖章（示例）',
    level: 'city',
    kind: 'individual',
    description: '表彰在驻马店发展中作出突出贡献的优秀青年（示例数据）。',
    eligibility: { minAge: 14, maxAge: 35, cutoffDate: `${Number(today.slice(0, 4)) + 1}-05-04`, priorHonour: '', priorHonourYears: 0, minActivityHours: 0, degrees: [], minYouthSharePercent: 60 },
    quotaScope: 'station',
    quotaPerUnit: 2,
    requiredMaterials: ['deeds'],
    unitPublicityDays: 5,
    noticeDays: 7,
    jurySize: 3,
    juryMajorityPercent: 50,
    status: 'open',
    createdAt: at,
    updatedAt: at,
    isDemo: true,
  }
  await deps.store.honours.saveAward(award)
  const notice = workingDayPeriod(today, award.noticeDays)
  for (const [index, deed] of DEEDS.entries()) {
    const member = await deps.store.members.get(deed.openid)
    if (!member) continue
    const nomination: Nomination = {
      id: `nm-demo-${index + 1}`,
      awardId: award.id,
      awardName: award.name,
      kind: 'individual',
      nomineeOpenid: member.openid,
      nomineeName: member.name,
      stationId: member.stationId,
      university: member.university,
      county: member.hometownCounty,
      degree: member.degree,
      nominatorOpenid: member.openid,
      nominatorKind: 'self',
      confirmedAt: at,
      materials: noMaterials(deed.summary),
      state: 'public_notice',
      version: 1,
      rank: index + 1,
      publicity: null,
      notice,
      screening: { eligible: true, reasons: [] },
      jury: { yes: 3, panel: 3, meanScore: 90 - index * 3 },
      revokedNote: '',
      createdAt: at,
      updatedAt: at,
      isDemo: true,
    }
    await deps.store.honours.insertNomination(nomination, {
      id: `he-demo-${index + 1}`,
      nominationId: nomination.id,
      at,
      action: 'create',
      from: 'public_notice',
      to: 'public_notice',
      actorOpenid: 'demo-staff',
      note: '示例数据：直接进入公示',
    })
  }
}

const noMaterials = (summary: string): Nomination['materials'] => ({
  birthDate: '2003-05-04',
  deeds: summary,
  summary,
  photos: [],
  files: [],
  priorHonour: '',
  priorHonourDate: null,
  memberCount: null,
  youthCount: null,
  collectiveName: '',
})

/** Last year's round, closed, with demo-student-1 awarded on 4 May. */
async function seedAwarded(deps: Pick<Deps, 'store'>, year: number): Promise<void> {
  const member = await deps.store.members.get('demo-student-1')
  if (!member) return
  const at = `${year}-05-04T10:00:00.000+08:00`
  const award: Award = {
    id: DEMO_AWARDED_AWARD_ID,
    name: `${year}年度驻马店青年岗位能手（示例）`,
    level: 'city',
    kind: 'individual',
    description: '表彰在岗位上技能突出、贡献显著的优秀青年（示例数据）。',
    eligibility: { minAge: 14, maxAge: 35, cutoffDate: `${year}-05-04`, priorHonour: '', priorHonourYears: 0, minActivityHours: 0, degrees: [], minYouthSharePercent: 60 },
    quotaScope: 'station',
    quotaPerUnit: 1,
    requiredMaterials: ['deeds'],
    unitPublicityDays: 5,
    noticeDays: 7,
    jurySize: 3,
    juryMajorityPercent: 50,
    status: 'closed',
    createdAt: `${year}-03-01T10:00:00.000+08:00`,
    updatedAt: at,
    isDemo: true,
  }
  await deps.store.honours.saveAward(award)
  const summary = '在驻马店返乡创业，带动20余名青年就业，获评县级青年岗位能手。'
  await deps.store.honours.insertNomination(
    {
      id: DEMO_AWARDED_NOMINATION_ID,
      awardId: award.id,
      awardName: award.name,
      kind: 'individual',
      nomineeOpenid: member.openid,
      nomineeName: member.name,
      stationId: member.stationId,
      university: member.university,
      county: member.hometownCounty,
      degree: member.degree,
      nominatorOpenid: member.openid,
      nominatorKind: 'self',
      confirmedAt: award.createdAt,
      materials: noMaterials(summary),
      state: 'awarded',
      version: 1,
      rank: 1,
      publicity: null,
      notice: { start: `${year}-04-20`, end: `${year}-04-28` },
      screening: { eligible: true, reasons: [] },
      jury: { yes: 3, panel: 3, meanScore: 92 },
      revokedNote: '',
      createdAt: award.createdAt,
      updatedAt: at,
      isDemo: true,
    },
    { id: 'he-demo-awarded', nominationId: DEMO_AWARDED_NOMINATION_ID, at, action: 'create', from: 'awarded', to: 'awarded', actorOpenid: 'demo-staff', note: '示例数据：已授予' },
  )
}
