import fs from 'node:fs'
import path from 'node:path'
import { compileWxml } from '../../scripts/weapp/wechat-compilers'
import { seedDemoData } from '../../cloudfunctions/api/src/seed'
import { data, makeTestApi } from '../../cloudfunctions/api/src/test-support'
import { AppService, type MountResult } from './app-service'

// Every page of the built mini-program (dist/weapp, `npm run build:weapp` first), mounted in an
// app-service sandbox for a student, a station head and staff in turn, its cloud calls answered
// in-process by the real router over SQLite with the demo seed, its data rendered through the
// official wcc templates. Zero errors; every page renders nodes; pages show the seeded records.
const dist = path.resolve(__dirname, '..', '..', 'dist', 'weapp')
const appJson = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as {
  pages: string[]
  subPackages?: Array<{ root: string; pages: string[] }>
}
const ROUTES = [
  ...appJson.pages,
  ...(appJson.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/+$/, '')}/${page}`)),
]

type Role = 'student' | 'head' | 'staff'
const ROLES: Array<{ role: Role; openid: string }> = [
  { role: 'student', openid: 'demo-student-1' },
  { role: 'head', openid: 'demo-head-1' },
  { role: 'staff', openid: 'demo-staff' },
]

/** The cloud env the build was made with (scripts/test.mjs sets it for both steps); cloud.init must get it. */
const CLOUD_ENV = process.env.TARO_APP_CLOUD_ENV || 'yizhan-offline-check'

// From the demo seed (cloudfunctions/api/src/seed.ts).
const SUMMER = '“翼展计划”暑期社会实践（示例）'
const STATION = '郑州大学翼展驿站' // st-demo-1, headed by demo-head-1 (李浩然)
const POLICY = '驻马店市高层次人才安家补贴实施办法（示例）'
const STUDENT_1 = '王晨' // demo-student-1, a member of st-demo-1
const PENDING = '刘博文' // demo-student-4, asking to join st-demo-1
const MEMBER_9 = '周思远' // demo-student-9, a member of st-demo-1
// Made in beforeAll, the way people make them.
const NOTICE = '暑期实践报名提醒（示例）'
const STATION_NOTICE = '驿站老乡见面会通知（示例）'
const MEETUP = '郑州大学驿站老乡见面会（示例）'

const wxml = compileWxml(dist)
if (!wxml.ok || !wxml.code) throw new Error(`wcc could not compile dist/weapp: ${wxml.error}`)
const wxmlCode = wxml.code

const backend = makeTestApi({ staff: ['demo-staff'] })
const ids = { notice: '', stationNotice: '', meetup: '' }

beforeAll(async () => {
  await seedDemoData({ store: backend.store, clock: { now: () => new Date() } })
  const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString()
  ids.notice = data(await backend.call('demo-staff', 'notice.send', { title: NOTICE, body: '请在截止前完成报名。', audience: { all: true } })).id
  data(await backend.call('demo-student-1', 'activity.signUp', { activityId: 'ac-demo-summer', answers: { team: '已有队伍' } }))
  // A station activity by its head, starting within the hour, so check-in is open.
  const meetup = data(
    await backend.call('demo-head-1', 'activity.create', {
      type: 'other',
      title: MEETUP,
      description: '新学期老乡见面，认识身边的驻马店同学。',
      hostOrg: STATION,
      place: '郑州大学主校区',
      startAt: at(30),
      endAt: at(150),
      signUpOpenAt: at(-60),
      signUpCloseAt: at(20),
      capacity: 40,
      waitlist: false,
      stationId: 'st-demo-1',
    }),
  )
  ids.meetup = meetup.id
  data(await backend.call('demo-head-1', 'activity.publish', { id: meetup.id }))
  data(await backend.call('demo-student-1', 'activity.signUp', { activityId: meetup.id }))
  ids.stationNotice = data(
    await backend.call('demo-head-1', 'notice.send', { title: STATION_NOTICE, body: '本周六下午两点见。', audience: { stationIds: ['st-demo-1'] } }),
  ).id
})
afterAll(() => backend.close())

/** Query parameters from the seed, so detail pages open real records (as each role would reach them). */
function queryFor(route: string, role: Role): Record<string, string> {
  const own = role === 'head'
  const queries: Record<string, Record<string, string>> = {
    'pages/activity/index': { id: 'ac-demo-summer' },
    'pages/station/index': { id: 'st-demo-1' },
    'pages/policy/index': { id: 'po-demo-home' },
    'pages/demand/index': { id: 'dm-demo-1' },
    'pages/notice/index': { id: ids.notice },
    'pages/check-in/index': { activityId: ids.meetup },
    // Staff open a station's head pages from the station (`?id=`); a head opens their own.
    ...(role === 'staff'
      ? Object.fromEntries(['index', 'requests', 'members'].map((p) => [`packages/head/pages/${p}/index`, { id: 'st-demo-1' }]))
      : {}),
    'packages/staff/pages/station-edit/index': { id: 'st-demo-1' },
    'packages/staff/pages/policy-edit/index': { id: 'po-demo-home' },
    'packages/staff/pages/demand-edit/index': { id: 'dm-demo-1' },
    'packages/staff/pages/demand-interests/index': { id: 'dm-demo-1' },
    'packages/manage/pages/activity-edit/index': { id: own ? ids.meetup : 'ac-demo-summer' },
    'packages/manage/pages/registrations/index': { activityId: own ? ids.meetup : 'ac-demo-summer' },
    'packages/manage/pages/check-in-screen/index': { activityId: ids.meetup },
    'packages/manage/pages/notice-stats/index': { id: own ? ids.stationNotice : ids.notice },
    // The members behind one figure: 加入 (a complete profile), for the whole alliance or the head's station.
    'packages/staff/pages/figure-members/index': { metric: 'joined' },
    'packages/head/pages/figure-members/index': { metric: 'joined' },
  }
  return queries[route] ?? {}
}

const STAFF_ONLY = '仅团市委工作人员可以使用'
const NOT_YOUR_STATION = '你没有管理这个驿站的权限'

/** What each role must see on a page: the seeded records, or the page's own "not for you" state. */
function expectedText(role: Role): Record<string, string[]> {
  const everyone: Record<string, string[]> = {
    'pages/index/index': ['翼展联盟'],
    'pages/activities/index': [SUMMER],
    'pages/activity/index': [SUMMER, '驻马店市青年创新创业中心'],
    'pages/stations/index': ['北京理工大学翼展驿站'],
    'pages/station/index': [STATION, '李浩然'],
    'pages/policies/index': ['生物医药产业紧缺人才需求目录（示例）'],
    'pages/policy/index': [POLICY, '安家费'],
    'pages/demands/index': ['电气自动化工程师'],
    'pages/demand/index': ['制剂研发工程师', '驻马店某生物制药公司（示例）'],
    'pages/inbox/index': [NOTICE],
    'pages/notice/index': [NOTICE, '请在截止前完成报名。'],
    'pages/check-in/index': [MEETUP],
  }
  const staffPages = Object.fromEntries(ROUTES.filter((r) => r.startsWith('packages/staff/')).map((r) => [r, [STAFF_ONLY]]))
  const headPages = Object.fromEntries(ROUTES.filter((r) => r.startsWith('packages/head/')).map((r) => [r, [NOT_YOUR_STATION]]))
  if (role === 'student') {
    return {
      ...everyone,
      ...staffPages,
      ...headPages,
      'pages/mine/index': [STUDENT_1, STATION],
      'pages/my-activities/index': [SUMMER, MEETUP],
      'pages/check-in/index': [MEETUP, '报名成功'],
      'packages/manage/pages/activity-edit/index': ['只有团市委工作人员和站长可以发布活动'],
      'packages/head/pages/figure-members/index': ['仅站长或团市委工作人员可以进行此操作'],
      'pages/inbox/index': [NOTICE, STATION_NOTICE],
    }
  }
  if (role === 'head') {
    return {
      ...everyone,
      ...staffPages,
      'pages/mine/index': ['李浩然', '站长'],
      'packages/head/pages/index/index': ['站长工作台', STATION],
      'packages/head/pages/requests/index': [PENDING],
      'packages/head/pages/members/index': [MEMBER_9],
      'packages/manage/pages/activities/index': [MEETUP],
      'packages/manage/pages/registrations/index': [MEETUP, STUDENT_1],
      'packages/manage/pages/check-in-screen/index': [MEETUP, '扫不了码？在签到页输入签到码'],
      'packages/manage/pages/notices/index': [STATION_NOTICE],
      'packages/manage/pages/notice-stats/index': [STATION_NOTICE],
      'packages/head/pages/figure-members/index': ['加入', '王子轩'],
    }
  }
  return {
    ...everyone,
    'pages/mine/index': ['团市委示例工作人员'],
    'packages/head/pages/index/index': [STATION],
    'packages/head/pages/requests/index': [PENDING],
    'packages/head/pages/members/index': [MEMBER_9],
    'packages/staff/pages/index/index': ['团市委工作台'],
    'packages/staff/pages/stations/index': [STATION, '北京理工大学翼展驿站'],
    'packages/staff/pages/station-edit/index': [STATION],
    'packages/staff/pages/audit/index': [NOTICE],
    'packages/staff/pages/fields/index': ['纺织服装', '现代物流'],
    'packages/staff/pages/policies/index': [POLICY],
    'packages/staff/pages/demands/index': ['制剂研发工程师'],
    'packages/staff/pages/demand-interests/index': ['制剂研发工程师'],
    'packages/manage/pages/activities/index': [SUMMER, MEETUP],
    'packages/manage/pages/registrations/index': [SUMMER, STUDENT_1],
    'packages/manage/pages/check-in-screen/index': [MEETUP, '扫不了码？在签到页输入签到码'],
    'packages/manage/pages/notices/index': [NOTICE],
    'packages/manage/pages/notice-stats/index': [NOTICE],
    'packages/staff/pages/figure-members/index': ['加入', '王子轩', '核实去向'],
  }
}

/** Edit forms keep their values in inputs: the record must be in the page's data. */
const EDIT_FORMS: Record<string, (role: Role) => string> = {
  'packages/staff/pages/policy-edit/index': () => POLICY,
  'packages/staff/pages/demand-edit/index': () => '制剂研发工程师',
  'packages/manage/pages/activity-edit/index': (role) => (role === 'head' ? MEETUP : SUMMER),
}

describe.each(ROLES)('every page, as $role ($openid)', ({ role, openid }) => {
  const results = new Map<string, MountResult>()
  let app: AppService

  beforeAll(async () => {
    app = new AppService({
      dist,
      wxmlCode,
      callFunction: async (name, payload) => {
        if (name !== 'api') throw new Error(`no cloud function ${name}`)
        // The platform, not the payload, says who is calling (entry-cloud.ts reads the OPENID).
        return backend.api.handle(payload, { openid })
      },
    })
    app.launch()
    for (const route of ROUTES) results.set(route, await app.mount(route, queryFor(route, role)))
  })
  afterAll(() => app.dispose())

  test('the sandbox has no browser globals, and the app starts with the build’s cloud env', () => {
    for (const name of ['window', 'document', 'localStorage', 'fetch', 'XMLHttpRequest', 'navigator', 'process']) {
      expect(`${name}: ${app.typeOf(name)}`).toBe(`${name}: undefined`)
    }
    expect(app.cloudInit).toEqual([{ env: CLOUD_ENV, traceUser: true }])
    expect(app.errors).toEqual([])
  })

  test('every page gives the view layer its root font size: the screen width at 100 % text (390 wide → 20.8 px)', () => {
    const without = ROUTES.filter((route) => results.get(route)?.rootFontSize !== '20.8px')
    expect(without).toEqual([])
  })

  test.each(ROUTES)('%s mounts with zero errors, renders nodes and shows real data', (route) => {
    const result = results.get(route)
    if (!result) throw new Error(`${route} was not mounted`)
    expect(result.errors).toEqual([])
    expect(result.pageRegistered).toBe(true)
    expect(result.setDataCalls).toBeGreaterThan(0)
    expect(result.nodes).toBeGreaterThan(0)
    for (const text of expectedText(role)[route] ?? []) expect(result.text).toContain(text)
    const record = EDIT_FORMS[route]
    if (record && role !== 'student' && !(role === 'head' && route.startsWith('packages/staff/'))) {
      expect(result.data).toContain(record(role))
    }
  })
})

// 关怀模式 and the reader's WeChat text size reach the WXML: a phone set to 1.4× text with the switch
// on from last visit renders every page's page-meta at 20.8 × 1.4 × 1.25 = 36.4 px (rem styles follow).
describe('a reader with 1.4× WeChat text and 关怀模式 on', () => {
  const PAGES = ['pages/index/index', 'pages/mine/index', 'pages/activity/index', 'packages/manage/pages/activities/index']
  let app: AppService

  beforeAll(() => {
    app = new AppService({
      dist,
      wxmlCode,
      systemInfo: { fontSizeScaleFactor: 1.4, fontSizeSetting: 22 },
      storage: { 'yz.care': '1' },
      callFunction: async (_name, payload) => backend.api.handle(payload, { openid: 'demo-student-1' }),
    })
    app.launch()
  })
  afterAll(() => app.dispose())

  test.each(PAGES)('%s renders page-meta root-font-size 36.4px', async (route) => {
    const result = await app.mount(route, queryFor(route, 'student'))
    expect(result.errors).toEqual([])
    expect(result.rootFontSize).toBe('36.4px')
  })
})
