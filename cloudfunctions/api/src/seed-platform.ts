import type { Activity, Platform } from '../../../types'
import { toIsoString } from '../../core/shared/clock'
import type { Deps } from '../../core/shared/context'
import { DEMO_STAFF_OPENID } from '../../runtime/config'

/**
 * 家乡创新平台 demo (示例): a dozen platforms across kinds and counties; the 生物医药 key
 * laboratory in 驿城区 has an upcoming 走进实验室 visit and a past one with attendance; demo
 * activities and demands are linked to their platforms. Deterministic ids, so tests can name them.
 */
export const DEMO_KEY_LAB_ID = 'pf-demo-biomed-lab'
export const DEMO_LAB_VISIT_ID = 'ac-demo-platform-visit'
/** 面向公众/青少年: a 科普 day at the national key laboratory that anyone may sign up for without joining. */
export const DEMO_OUTREACH_ID = 'ac-demo-outreach'
/** A demo student who is the key laboratory's contact. */
export const DEMO_PLATFORM_CONTACT = 'demo-student-2'

const DAY = 86_400_000

type DemoPlatform = Pick<Platform, 'id' | 'kind' | 'name' | 'county' | 'fields' | 'hostOrg' | 'intro' | 'offers'> & Partial<Platform>

/** id, kind, name, county, key fields, host organisation, introduction, what it offers. */
type PlatformRow = [DemoPlatform['id'], DemoPlatform['kind'], string, DemoPlatform['county'], DemoPlatform['fields'], string, string, DemoPlatform['offers']]

const platform = ([id, kind, name, county, fields, hostOrg, intro, offers]: PlatformRow, more: Partial<Platform> = {}): DemoPlatform => ({
  id,
  kind,
  name,
  county,
  fields,
  hostOrg,
  intro,
  offers,
  ...more,
})

const PLATFORMS: DemoPlatform[] = [
  platform([DEMO_KEY_LAB_ID, 'provincial_key_lab', '河南省生物医药重点实验室（示例）', 'yicheng', ['biomed'], '驻马店某生物制药公司', '围绕生物制药、中药现代化开展研发与中试放大，配有细胞培养、制剂和质量检测平台。欢迎生物、医学、化学相关专业的同学来参观、实习。（示例）', ['visit', 'internship', 'job']], { partnerUniversities: ['郑州大学', '河南大学'], contact: { name: '王老师（示例）', phone: '0396-0000001', note: '工作日 9:00—17:00' } }),
  platform(['pf-demo-pilot', 'pilot_base', '驻马店生物医药中试基地（示例）', 'yicheng', ['biomed', 'food'], '驻马店经济开发区', '为实验室成果提供从小试到中试的放大验证服务。（示例）', ['visit', 'project']]),
  platform(['pf-demo-equipment-center', 'tech_innovation_center', '遂平装备制造技术创新中心（示例）', 'suiping', ['equipment', 'materials'], '遂平县产业集聚区', '聚焦工程机械和智能装备的关键零部件研发。（示例）', ['visit', 'internship', 'job']]),
  platform(['pf-demo-national-lab', 'national_key_lab', '特种材料国家重点实验室驻马店分中心（示例）', 'xiping', ['materials'], '西平县某新材料企业', '新材料领域的国家级研发平台在驻马店的分中心。（示例）', ['visit', 'project']], { degrees: ['master', 'doctor', 'postdoc'] }),
  platform(['pf-demo-food-industry', 'industry_innovation_center', '驻马店食品产业创新中心（示例）', 'xiping', ['food'], '西平县食品产业园', '小麦、芝麻深加工和食品安全检测。（示例）', ['visit', 'internship']]),
  platform(['pf-demo-manufacturing', 'manufacturing_innovation_center', '驻马店智能制造业创新中心（示例）', 'queshan', ['equipment', 'electronics'], '确山县产业集聚区', '工业互联网与智能产线改造。（示例）', ['internship', 'job']]),
  platform(['pf-demo-textile-institute', 'industry_institute', '平舆纺织服装产业研究院（示例）', 'pingyu', ['textile'], '平舆县人民政府', '功能面料和服装设计。（示例）', ['visit', 'project']]),
  platform(['pf-demo-new-rd', 'new_rd_institution', '天中新能源研究院（示例）', 'yicheng', ['energy', 'electronics'], '驻马店某新能源企业', '储能与光伏系统集成的新型研发机构。（示例）', ['project', 'job']]),
  platform(['pf-demo-practice-base', 'practice_base', '嵖岈山文旅创新实践基地（示例）', 'suiping', ['tourism'], '遂平县文化广电和旅游局', '文旅策划和乡村振兴调研的大学生实践基地。（示例）', ['visit', 'internship']]),
  platform(['pf-demo-employment-lab', 'youth_employment_lab', '驻马店青年就业创业实验室（示例）', 'yicheng', ['logistics', 'electronics'], '共青团驻马店市委', '面向在校生和未就业毕业生的实习实践、就业创业服务。（示例）', ['internship', 'job']]),
  platform(['pf-demo-studio-zzu', 'co_built_studio', '郑州大学—驻马店校地共青团共建工作室（示例）', 'yicheng', ['biomed', 'electronics'], '共青团驻马店市委', '与郑州大学团委共建，组织暑期实践和项目对接。（示例）', ['visit', 'project']], { partnerUniversities: ['郑州大学'] }),
  platform(['pf-demo-logistics', 'practice_base', '上蔡现代物流创新实践基地（示例）', 'shangcai', ['logistics'], '上蔡县某物流园', '冷链与电商物流的实践基地。（示例）', ['internship']]),
]

export async function seedDemoPlatforms(deps: Pick<Deps, 'store' | 'clock'>, at: string): Promise<void> {
  const { store } = deps
  for (const [i, p] of PLATFORMS.entries()) {
    if (await store.platforms.get(p.id)) continue
    // One minute apart, so the directory's newest-first order is the order above, reversed.
    const created = toIsoString(new Date(Date.parse(at) - (PLATFORMS.length - i) * 60_000))
    await store.platforms.create({
      degrees: [],
      partnerUniversities: [],
      contact: null,
      photos: [],
      status: 'active',
      createdAt: created,
      updatedAt: created,
      isDemo: true,
      ...p,
    })
  }
  const now = deps.clock.now().getTime()
  const day = (offset: number, hour: number) => toIsoString(new Date(Math.floor((now + offset * DAY) / DAY) * DAY + (hour - 8) * 3_600_000))
  const base: Omit<Activity, 'id' | 'title' | 'startAt' | 'endAt' | 'signUpOpenAt' | 'signUpCloseAt' | 'status'> = {
    type: 'lab_visit',
    description: '走进家乡的重点实验室：参观研发平台，听青年科研人员讲他们在做什么，了解实习和就业机会。（示例）',
    hostOrg: '河南省生物医药重点实验室 · 共青团驻马店市委',
    place: '驻马店市驿城区生物医药产业园',
    capacity: 20,
    waitlist: true,
    eligibility: { degrees: [], counties: [], fields: [], stationIds: [] },
    form: [],
    coverImage: null,
    checkInHelpers: [],
    cancelReason: '',
    stationId: null,
    platformId: DEMO_KEY_LAB_ID,
    createdBy: DEMO_STAFF_OPENID,
    registeredCount: 0,
    waitlistCount: 0,
    openToPublic: false,
    publicCount: 0,
    createdAt: at,
    updatedAt: at,
    publishedAt: at,
  }
  const visits: Activity[] = [
    {
      ...base,
      id: DEMO_LAB_VISIT_ID,
      title: '走进实验室：生物医药重点实验室开放日（示例）',
      startAt: day(8, 9),
      endAt: day(8, 12),
      signUpOpenAt: day(-2, 9),
      signUpCloseAt: day(7, 18),
      status: 'published',
    },
    {
      ...base,
      id: DEMO_OUTREACH_ID,
      type: 'science_outreach',
      title: '青少年走进重点实验室科普日（示例）',
      description:
        '面向公众和青少年开放：参观新材料实验室，看科研人员演示材料的“超能力”，动手做一个小实验。无需加入联盟即可报名；未满14周岁的同学请由家长代为报名。（示例）',
      hostOrg: '特种材料国家重点实验室驻马店分中心 · 共青团驻马店市委',
      place: '西平县新材料产业园科普展厅',
      capacity: 40,
      waitlist: false,
      platformId: 'pf-demo-national-lab',
      openToPublic: true,
      startAt: day(12, 9),
      endAt: day(12, 12),
      signUpOpenAt: day(-1, 9),
      signUpCloseAt: day(11, 18),
      status: 'published',
    },
    {
      ...base,
      id: 'ac-demo-platform-past',
      title: '走进实验室：寒假返乡参观（示例）',
      startAt: day(-20, 9),
      endAt: day(-20, 12),
      signUpOpenAt: day(-35, 9),
      signUpCloseAt: day(-21, 18),
      status: 'published',
    },
  ]
  for (const visit of visits) {
    if (!(await store.activities.get(visit.id))) await store.activities.create(visit)
  }
  // The past visit's record: four signed up, three came, then it closed.
  const past = 'ac-demo-platform-past'
  for (const n of [5, 6, 7, 8]) await store.registrations.signUp({ activityId: past, openid: `demo-student-${n}`, answers: {}, at: day(-30, 10) })
  for (const n of [5, 6, 7]) await store.registrations.checkIn(past, `demo-student-${n}`, day(-20, 9))
  await store.activities.transition(past, ['published'], 'closed', day(-20, 12))
  // One contact: a demo student who speaks for the key laboratory (drafts its visits and jobs).
  const contact = await store.members.get(DEMO_PLATFORM_CONTACT)
  if (contact) await store.platforms.addContact({ platformId: DEMO_KEY_LAB_ID, openid: contact.openid, name: contact.name, via: 'member', addedAt: at })
  // The older demo activities and demands, linked to their platforms.
  await store.activities.update('ac-demo-lab', { platformId: 'pf-demo-pilot' }, at)
  await store.demands.update('dm-demo-1', { platformId: DEMO_KEY_LAB_ID }, at)
  await store.demands.update('dm-demo-2', { platformId: 'pf-demo-equipment-center' }, at)
}
