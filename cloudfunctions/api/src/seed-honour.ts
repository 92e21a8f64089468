import type { Award, Nomination } from '../../../types'
import { toIsoString } from '../../core/shared/clock'
import type { Deps } from '../../core/shared/context'
import { workingDayPeriod } from '../../core/honour/working-days'

/**
 * Demo honours (示例): 驻马店青年五四奖章 with two demo students in 公示 from today, so the public
 * 公示 page and the objection form have something to show on first start.
 */
export const DEMO_AWARD_ID = 'aw-demo-wusi'

const DEEDS = [
  { openid: 'demo-student-1', summary: '组织“返乡支教”暑期实践三年，服务遂平县乡村小学学生200余人。' },
  { openid: 'demo-student-2', summary: '带领团队研发农产品溯源小程序，在驻马店5个乡镇推广使用。' },
]

export async function seedDemoHonours(deps: Pick<Deps, 'store' | 'clock'>): Promise<void> {
  const at = toIsoString(deps.clock.now())
  const today = at.slice(0, 10)
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
      materials: { birthDate: '2003-05-04', deeds: deed.summary, summary: deed.summary, photos: [], files: [], priorHonour: '', priorHonourDate: null, memberCount: null, youthCount: null, collectiveName: '' },
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
