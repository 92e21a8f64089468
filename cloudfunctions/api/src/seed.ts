import { COUNTIES, DEGREES, PRIVACY_VERSION, SEED_FIELDS, type Activity, type Role } from '../../../types'
import { toIsoString } from '../../core/shared/clock'
import type { Deps } from '../../core/shared/context'
import type { MemberRecord } from '../../core/member/ports'
import type { PolicyRecord } from '../../core/policy/ports'
import { htmlToText } from '../../core/policy/rich-text'
import { allFields } from '../../core/taxonomy/taxonomy'
import { DEMO_REVIEWER_OPENID, DEMO_STAFF_OPENID } from '../../runtime/config'
import { seedDemoPipeline } from './seed-pipeline'
import { seedDemoHonours } from './seed-honour'
import { seedDemoStories } from './seed-story'
import { seedDemoPlatforms } from './seed-platform'
import { seedDemoCompetitions } from './seed-competition'

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
const HEADS = [
  { openid: 'demo-head-1', n: 101, university: '郑州大学' },
  { openid: 'demo-head-2', n: 102, university: '武汉大学' },
]
/** Demo stations: one per demo university, ids stable so links and tests can name them. */
export const demoStationId = (university: string) => `st-demo-${UNIVERSITIES.indexOf(university) + 1}`
const CITIES: Record<string, string> = {
  郑州大学: '郑州市', 河南大学: '开封市', 武汉大学: '武汉市', 华中科技大学: '武汉市',
  西安交通大学: '西安市', 南京大学: '南京市', 浙江大学: '杭州市', 北京理工大学: '北京市',
}

/** Students 4, 8, 12… are in no station, so the demo has people to try joining with. */
const inStation = (i: number) => i % 4 !== 3

function demoPeople(at: string): MemberRecord[] {
  const staff = { ...demoMember(DEMO_STAFF_OPENID, 100, 'student', at), name: '团市委示例工作人员', university: '共青团驻马店市委' }
  const heads = HEADS.map((h) => ({ ...demoMember(h.openid, h.n, 'station_head', at), university: h.university }))
  const students = Array.from({ length: DEMO_STUDENT_COUNT }, (_, i) => demoMember(`demo-student-${i + 1}`, i, 'student', at))
  const reviewer = { ...demoMember(DEMO_REVIEWER_OPENID, 101, 'student', at), name: '团市委示例审核人', university: '共青团驻马店市委' }
  return [staff, ...heads, ...students, reviewer]
}

export function demoAccounts(): DemoAccount[] {
  const [staff, ...others] = demoPeople(toIsoString(new Date(0)))
  return [
    { openid: staff.openid, label: '团市委工作人员（示例）', role: 'staff' },
    { openid: DEMO_REVIEWER_OPENID, label: '团市委审核人（示例，问卷的第二位审核）', role: 'staff' },
    ...others.filter((m) => m.openid !== DEMO_REVIEWER_OPENID).map((m) =>
      m.role === 'station_head'
        ? { openid: m.openid, label: `站长 ${m.name} · ${m.university}（示例）`, role: 'station_head' as const }
        : { openid: m.openid, label: `${m.name} · ${m.university}（示例）`, role: 'student' as const },
    ),
  ]
}

/**
 * Seeds the taxonomy, the demo stations (two with demo heads), the demo accounts (most students in
 * their university's station) and one pending request — on first start only, so what people do
 * in the demo survives a restart.
 */
export async function seedDemoData(deps: Pick<Deps, 'store' | 'clock'>): Promise<{ created: number }> {
  await allFields(deps)
  if (await deps.store.members.get(DEMO_STAFF_OPENID)) return { created: 0 }
  const { store } = deps
  const at = toIsoString(deps.clock.now())
  for (const university of UNIVERSITIES) {
    const name = `${university}翼展驿站`
    await store.stations.create({
      id: demoStationId(university),
      name,
      university,
      city: CITIES[university],
      intro: `${name}是驻马店籍学子在${university}的家：新生接站、老乡交流、返乡实践，都从这里出发。（示例）`,
      status: 'open',
      headOpenid: null,
      deputyOpenids: [],
      createdAt: at,
      updatedAt: at,
      closedAt: null,
      isDemo: true,
    })
  }
  let created = 0
  const people = demoPeople(at)
  for (const [index, person] of people.entries()) {
    const studentIndex = index - 1 - HEADS.length
    const joins = person.role === 'station_head' || (studentIndex >= 0 && studentIndex < DEMO_STUDENT_COUNT && inStation(studentIndex))
    const record = joins
      ? { ...person, role: 'student' as const, stationId: demoStationId(person.university), stationJoinedAt: at }
      : { ...person, role: 'student' as const }
    if (await store.members.create(record)) created += 1
  }
  for (const head of HEADS) await store.stations.appointLeader(demoStationId(head.university), head.openid, 'head', at)
  await store.membership.createRequest({
    id: 'jr-demo-1',
    stationId: demoStationId('郑州大学'),
    openid: 'demo-student-4',
    note: '暑假在郑州实习，想认识更多驻马店老乡。（示例）',
    status: 'pending',
    reason: '',
    createdAt: at,
    decidedAt: null,
    decidedBy: null,
  })
  await seedDemoActivities(deps, at)
  await seedDemoPolicies(deps, at)
  // A crowd of demo members with destinations for the pipeline dashboard (not counted as accounts).
  await seedDemoPipeline(deps, UNIVERSITIES.map(demoStationId))
  await seedDemoHonours(deps)
  await seedDemoStories(deps)
  await seedDemoPlatforms(deps, at)
  await seedDemoCompetitions(deps)
  return { created }
}

/** A handful of talent policies and job demands in the words such documents use (示例). */
async function seedDemoPolicies(deps: Pick<Deps, 'store' | 'clock'>, at: string) {
  const policy = (id: string, p: Omit<PolicyRecord, 'id' | 'bodyText' | 'status' | 'publishedAt' | 'createdAt' | 'updatedAt'>) => ({
    id,
    ...p,
    bodyText: htmlToText(p.body),
    status: 'published' as const,
    publishedAt: at,
    createdAt: at,
    updatedAt: at,
  })
  const none = { issuer: '驻马店市人才工作领导小组办公室（示例）', docNumber: '', effectiveFrom: null, effectiveUntil: null, sourceUrl: null }
  const policies = [
    policy('po-demo-home', {
      ...none,
      title: '驻马店市高层次人才安家补贴实施办法（示例）',
      category: 'measure',
      summary: '全职来驻工作的博士、硕士研究生，按学历给予安家费和生活补贴。',
      body: '<h2>补贴标准</h2><ul><li>博士研究生：安家费20万元，分5年发放</li><li>硕士研究生：安家费5万元</li></ul><p>驻马店籍毕业生回乡工作，补贴上浮10%。</p>',
      fields: [],
      degrees: ['master', 'doctor', 'postdoc'],
      counties: [],
      tags: ['安家费', '生活补贴'],
    }),
    policy('po-demo-station', {
      ...none,
      title: '青年人才驿站免费住宿服务（示例）',
      category: 'standard',
      summary: '来驻求职、实习的高校学生和毕业生，可在青年人才驿站免费入住7天。',
      body: '<p>凭学生证或毕业证、面试或实习通知即可申请，驿城区、确山县、遂平县设有驿站。</p>',
      fields: [],
      degrees: [],
      counties: [],
      tags: ['住宿', '求职'],
    }),
    policy('po-demo-biomed', {
      ...none,
      title: '生物医药产业紧缺人才需求目录（示例）',
      category: 'demand',
      summary: '生物医药领域研发、质检、注册申报等岗位需求，面向硕士及以上学历。',
      body: '<p>重点企业岗位需求共86个，其中博士后科研工作站招收博士后5名。</p>',
      fields: ['biomed'],
      degrees: ['master', 'doctor', 'postdoc'],
      counties: [],
      tags: ['生物医药'],
    }),
  ]
  for (const p of policies) if (!(await deps.store.policies.get(p.id))) await deps.store.policies.create(p)
  const deadline = toIsoString(new Date(deps.clock.now().getTime() + 60 * DAY)).slice(0, 10)
  const demands = [
    { id: 'dm-demo-1', employer: '驻马店某生物制药公司（示例）', position: '制剂研发工程师', field: 'biomed', degree: 'master', headcount: 3, place: '驿城区', salaryMin: 9000, salaryMax: 14000 },
    { id: 'dm-demo-2', employer: '驻马店某装备制造企业（示例）', position: '电气自动化工程师', field: 'equipment', degree: 'bachelor', headcount: 5, place: '遂平县', salaryMin: 7000, salaryMax: 11000 },
    { id: 'dm-demo-3', employer: '驻马店某电子信息企业（示例）', position: '嵌入式软件工程师', field: 'electronics', degree: 'bachelor', headcount: 4, place: '驿城区', salaryMin: null, salaryMax: null },
  ]
  for (const d of demands) {
    if (!(await deps.store.demands.get(d.id))) {
      await deps.store.demands.create({ ...d, deadline, description: '欢迎驻马店籍学子回乡发展。（示例）', status: 'open', platformId: null, createdAt: at, updatedAt: at })
    }
  }
}

const DAY = 24 * 60 * 60 * 1000

/** Activities in the words of the work plan, placed around the day the demo starts. */
async function seedDemoActivities(deps: Pick<Deps, 'store' | 'clock'>, at: string) {
  const now = deps.clock.now().getTime()
  const day = (offset: number, hour: number) => {
    const d = new Date(now + offset * DAY)
    return toIsoString(new Date(Math.floor(d.getTime() / DAY) * DAY + (hour - 8) * 60 * 60 * 1000))
  }
  const base = {
    eligibility: { degrees: [], counties: [], fields: [], stationIds: [] },
    coverImage: null,
    checkInHelpers: [],
    cancelReason: '',
    stationId: null,
    platformId: null,
    createdBy: DEMO_STAFF_OPENID,
    registeredCount: 0,
    waitlistCount: 0,
    openToPublic: false,
    publicCount: 0,
    createdAt: at,
    updatedAt: at,
    publishedAt: at,
  }
  const activities: Activity[] = [
    {
      ...base,
      id: 'ac-demo-summer',
      type: 'summer_practice',
      title: '“翼展计划”暑期社会实践（示例）',
      description: '回到驻马店，走进产业园区和乡村振兴一线，组队完成一份调研报告。优秀团队推荐参加省级评选。',
      hostOrg: '共青团驻马店市委',
      place: '驻马店市青年创新创业中心',
      startAt: day(20, 9),
      endAt: day(27, 17),
      signUpOpenAt: day(-3, 9),
      signUpCloseAt: day(14, 23),
      capacity: 30,
      waitlist: true,
      form: [
        { id: 'team', label: '是否已有队伍', kind: 'single', required: true, options: ['已有队伍', '希望组队'] },
        { id: 'topic', label: '想调研的方向', kind: 'textarea', required: false },
      ],
      status: 'published',
    },
    {
      ...base,
      id: 'ac-demo-lab',
      type: 'lab_visit',
      title: '走进重点实验室：生物医药（示例）',
      description: '参观市级重点实验室与中试基地，与青年科研人员面对面交流。',
      hostOrg: '驻马店市科技局 · 共青团驻马店市委',
      place: '驻马店市生物医药产业园',
      startAt: day(6, 14),
      endAt: day(6, 17),
      signUpOpenAt: day(-1, 9),
      signUpCloseAt: day(5, 18),
      capacity: 3,
      waitlist: true,
      eligibility: { degrees: ['master', 'doctor', 'postdoc'], counties: [], fields: [], stationIds: [] },
      form: [],
      status: 'published',
    },
    {
      ...base,
      id: 'ac-demo-contest',
      type: 'competition',
      title: '“挑战杯”驻马店选拔赛宣讲（示例）',
      description: '了解“挑战杯”“创青春”赛制与往届获奖项目，现场答疑。',
      hostOrg: '共青团驻马店市委',
      place: '线上（腾讯会议）',
      startAt: day(-10, 19),
      endAt: day(-10, 21),
      signUpOpenAt: day(-20, 9),
      signUpCloseAt: day(-11, 23),
      capacity: 200,
      waitlist: false,
      form: [],
      status: 'closed',
    },
  ]
  for (const activity of activities) {
    if (!(await deps.store.activities.get(activity.id))) await deps.store.activities.create(activity)
  }
}
