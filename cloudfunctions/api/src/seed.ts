import { COUNTIES, DEGREES, PRIVACY_VERSION, SEED_FIELDS, type Role } from '../../../types'
import { toIsoString } from '../../core/clock'
import type { Deps } from '../../core/context'
import type { MemberRecord } from '../../core/ports'
import { allFields } from '../../core/taxonomy'
import { DEMO_STAFF_OPENID } from './config'

/**
 * Demo data for local mode, marked 示例 (`isDemo`): never a real person. Deterministic, so a
 * screenshot or a test sees the same people every time.
 */
export interface DemoAccount {
  openid: string
  label: string
  role: Role
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴']
const GIVEN = ['晨', '雨桐', '子涵', '浩然', '思远', '一诺', '佳怡', '明轩', '欣然', '博文']
const UNIVERSITIES = ['郑州大学', '河南大学', '武汉大学', '华中科技大学', '西安交通大学', '南京大学', '浙江大学', '北京理工大学']
const MAJORS = ['计算机科学与技术', '生物医学工程', '材料科学与工程', '机械工程', '食品科学与工程', '电子信息工程', '旅游管理', '物流管理']

function demoMember(openid: string, n: number, role: MemberRecord['role'], at: string): MemberRecord {
  const degree = DEGREES[n % DEGREES.length].id
  const enrollmentYear = 2019 + (n % 6)
  return {
    openid,
    role,
    stationId: null,
    stationJoinedAt: null,
    status: 'active',
    name: `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 3) % GIVEN.length]}`,
    phone: `1380000${String(1000 + n).slice(-4)}`,
    university: UNIVERSITIES[n % UNIVERSITIES.length],
    college: n % 3 === 0 ? '' : '示例学院',
    major: MAJORS[n % MAJORS.length],
    degree,
    enrollmentYear,
    graduationYear: enrollmentYear + (degree === 'associate' ? 3 : degree === 'bachelor' ? 4 : 3),
    hometownCounty: COUNTIES[n % COUNTIES.length].id,
    fields: [SEED_FIELDS[n % SEED_FIELDS.length].id, SEED_FIELDS[(n + 4) % SEED_FIELDS.length].id],
    consentVersion: PRIVACY_VERSION,
    consentAt: at,
    joinedAt: at,
    updatedAt: at,
    isDemo: true,
  }
}

export const DEMO_STUDENT_COUNT = 20

export function demoAccounts(): DemoAccount[] {
  const at = toIsoString(new Date(0))
  return [
    { openid: DEMO_STAFF_OPENID, label: '团市委工作人员（示例）', role: 'staff' },
    { openid: 'demo-head-1', label: `站长 ${demoMember('demo-head-1', 101, 'station_head', at).name}（示例）`, role: 'station_head' },
    { openid: 'demo-head-2', label: `站长 ${demoMember('demo-head-2', 102, 'station_head', at).name}（示例）`, role: 'station_head' },
    ...Array.from({ length: DEMO_STUDENT_COUNT }, (_, i) => {
      const m = demoMember(`demo-student-${i + 1}`, i, 'student', at)
      return { openid: m.openid, label: `${m.name} · ${m.university}（示例）`, role: 'student' as const }
    }),
  ]
}

/** Seeds the demo accounts and the taxonomy; running it again changes nothing. */
export async function seedDemoData(deps: Pick<Deps, 'store' | 'clock'>): Promise<{ created: number }> {
  await allFields(deps)
  const at = toIsoString(deps.clock.now())
  const records: MemberRecord[] = [
    { ...demoMember(DEMO_STAFF_OPENID, 100, 'student', at), name: '团市委示例工作人员', university: '共青团驻马店市委' },
    demoMember('demo-head-1', 101, 'station_head', at),
    demoMember('demo-head-2', 102, 'station_head', at),
    ...Array.from({ length: DEMO_STUDENT_COUNT }, (_, i) => demoMember(`demo-student-${i + 1}`, i, 'student', at)),
  ]
  let created = 0
  for (const record of records) if (await deps.store.members.create(record)) created += 1
  return { created }
}
