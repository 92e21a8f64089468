import type { CountyId, DestinationRecord, DestinationStatus, NotReturningReason, ProvinceId } from '../../../types'
import { COUNTIES, PRIVACY_VERSION, SEED_FIELDS } from '../../../types'
import { toIsoString } from '../../core/shared/clock'
import type { Deps } from '../../core/shared/context'
import type { MemberRecord } from '../../core/member/ports'
import { classifyDestination } from '../../core/pipeline/rules'

/**
 * A crowd of demo members (示例) across seven cohorts with 去向登记, sign-ups, check-ins and
 * interests, so the pipeline dashboard is worth looking at on first start. Deterministic: the
 * same people and figures every time.
 */
export const DEMO_PIPELINE_MEMBERS = 360

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '孙', '马']
const GIVEN = ['子轩', '梓涵', '浩宇', '欣怡', '宇航', '诗涵', '俊杰', '雨萱', '天佑', '思琪', '嘉怡', '明哲']
const UNIVERSITIES = ['郑州大学', '河南大学', '武汉大学', '华中科技大学', '西安交通大学', '南京大学', '浙江大学', '北京理工大学', '河南农业大学', '黄淮学院']
const COHORTS = [2021, 2022, 2023, 2024, 2025, 2026, 2027]
const ELSEWHERE: { province: ProvinceId; city: string }[] = [
  { province: 'henan', city: '郑州市' },
  { province: 'guangdong', city: '深圳市' },
  { province: 'shanghai', city: '上海市' },
  { province: 'zhejiang', city: '杭州市' },
  { province: 'beijing', city: '北京市' },
  { province: 'hubei', city: '武汉市' },
]
const REASON_SETS: NotReturningReason[][] = [['pay'], ['jobs', 'growth'], ['pay', 'jobs'], ['family'], ['info', 'jobs'], ['city'], ['growth']]

/** A small deterministic generator, so the demo looks the same on every machine. */
function sequence(seed: number) {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

const daysBefore = (now: Date, days: number) => toIsoString(new Date(now.getTime() - days * 86_400_000))

export async function seedDemoPipeline(deps: Pick<Deps, 'store' | 'clock'>, stationIds: readonly string[]): Promise<void> {
  const { store } = deps
  const now = deps.clock.now()
  const random = sequence(20260701)
  const template = await store.activities.get('ac-demo-contest')
  const activityId = 'ac-demo-pipeline'
  if (template && !(await store.activities.get(activityId))) {
    await store.activities.create({
      ...template,
      id: activityId,
      title: '“翼展计划”返乡实践（往期，示例）',
      capacity: 1000,
      status: 'published',
    })
  }
  const thisYear = Number(toIsoString(now).slice(0, 4))
  for (let n = 0; n < DEMO_PIPELINE_MEMBERS; n += 1) {
    const openid = `demo-crowd-${String(n + 1).padStart(3, '0')}`
    const cohort = COHORTS[n % COHORTS.length]
    const joinedDaysAgo = 60 + Math.floor(random() * 900)
    const joinedAt = daysBefore(now, joinedDaysAgo)
    const county: CountyId = COUNTIES[Math.floor(random() * random() * COUNTIES.length)].id
    const stationId = random() < 0.7 ? stationIds[n % stationIds.length] ?? null : null
    const record: MemberRecord = {
      openid,
      role: 'student',
      stationId,
      stationJoinedAt: stationId ? joinedAt : null,
      status: 'active',
      name: `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7) % GIVEN.length]}`,
      phone: `1370000${String(n).padStart(4, '0')}`,
      university: UNIVERSITIES[n % UNIVERSITIES.length],
      college: '示例学院',
      major: '示例专业',
      degree: random() < 0.7 ? 'bachelor' : 'master',
      enrollmentYear: cohort - 4,
      graduationYear: cohort,
      hometownCounty: county,
      fields: [SEED_FIELDS[n % SEED_FIELDS.length].id, SEED_FIELDS[(n * 5 + 2) % SEED_FIELDS.length].id].filter((v, i, a) => a.indexOf(v) === i),
      consentVersion: PRIVACY_VERSION,
      consentAt: joinedAt,
      joinedAt,
      updatedAt: joinedAt,
      isDemo: true,
    }
    if (!(await store.members.create(record))) continue

    if (template && random() < 0.55) {
      const signed = await store.registrations.signUp({ activityId, openid, answers: {}, at: joinedAt })
      if (signed.outcome === 'registered' && random() < 0.75) await store.registrations.checkIn(activityId, openid, joinedAt)
    }
    if (random() < 0.25) {
      const demandId = `dm-demo-${1 + (n % 3)}`
      await store.demands.registerInterest({ demandId, openid, at: joinedAt, shared: { name: record.name }, share: ['name'] })
    }
    // Graduates report where they went; the younger cohorts mostly have not graduated yet.
    if (cohort < thisYear && random() < 0.78) await store.pipeline.addDestination(classifyDestination(destination(openid, n, cohort, now, random)))
  }
  if (template) await store.activities.transition(activityId, ['published'], 'closed', toIsoString(now))
  await store.pipeline.refreshFacts(null)
}

function destination(openid: string, n: number, cohort: number, now: Date, random: () => number): DestinationRecord {
  const roll = random()
  const working: DestinationStatus[] = ['contract', 'contract', 'flexible', 'entrepreneur', 'grassroots']
  const home = roll < 0.34
  const status: DestinationStatus = home
    ? working[Math.floor(random() * working.length)]
    : roll < 0.8
      ? 'contract'
      : roll < 0.9
        ? 'further_study'
        : 'seeking'
  const elsewhere = ELSEWHERE[n % ELSEWHERE.length]
  const reasons = home ? [] : REASON_SETS[n % REASON_SETS.length]
  const reportedAt = toIsoString(new Date(Math.min(now.getTime() - 86_400_000, Date.parse(`${cohort}-07-15T10:00:00+08:00`) + Math.floor(random() * 200) * 86_400_000)))
  return {
    id: `de-demo-${openid}`,
    openid,
    status,
    workProvince: home ? 'henan' : elsewhere.province,
    workCity: home ? '驻马店市' : elsewhere.city,
    workCounty: home ? COUNTIES[Math.floor(random() * COUNTIES.length)].id : null,
    employer: home ? '驻马店某企业（示例）' : '外地某企业（示例）',
    field: '',
    reasons,
    reasonText: '',
    considerReturn: home ? null : (['yes', 'maybe', 'no'] as const)[n % 3],
    reportedAt,
    // Some reports were confirmed by staff (with the employer), so the verified figure is not empty.
    verification: home && random() < 0.4 ? { at: reportedAt, byOpenid: 'demo-staff', note: '已与用人单位电话核实（示例）' } : null,
    isDemo: true,
  }
}
