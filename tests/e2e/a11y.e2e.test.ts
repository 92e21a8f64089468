import { appUrl, auditA11y, expectAccessible, startHarness, type AxeFinding, type Harness } from './support'

/**
 * axe-core on every page of each role, as that role sees it (a new visitor, a member, a station head,
 * staff). The journey output carries one `[axe]` line per page; any serious or critical finding fails.
 */
interface Visit {
  label: string
  path: string
  /** Shown once the page has its content. */
  ready: string
}

const ROLES: { openid: string; name: string; visits: Visit[] }[] = [
  {
    openid: 'visitor-a11y',
    name: '新访客',
    visits: [
      { label: 'home (visitor)', path: 'pages/index/index', ready: '#home-join' },
      { label: 'join (visitor)', path: 'pages/join/index', ready: '#privacy-agree' },
      { label: 'stations (visitor)', path: 'pages/stations/index', ready: '.station-card, #stations-empty' },
    ],
  },
  {
    openid: 'demo-student-1',
    name: '示例学生',
    visits: [
      { label: 'home (member)', path: 'pages/index/index', ready: '#home-welcome' },
      { label: 'activities', path: 'pages/activities/index', ready: '#eligible-only' },
      { label: 'activity detail', path: 'pages/activity/index?id=ac-demo-summer', ready: '.activity-bar, .activity-subscribe' },
      { label: 'policies', path: 'pages/policies/index', ready: '#policy-tab-all, [id^=policy-tab-]' },
      { label: 'policy detail', path: 'pages/policy/index?id=po-demo-home', ready: '#policy-title' },
      { label: 'demands', path: 'pages/demands/index', ready: '.page' },
      { label: 'stations', path: 'pages/stations/index', ready: '.page' },
      { label: 'station', path: 'pages/station/index?id=st-demo-1', ready: '.page' },
      { label: 'mine', path: 'pages/mine/index', ready: '#care-mode' },
      { label: 'inbox', path: 'pages/inbox/index', ready: '.page' },
      { label: 'growth', path: 'pages/growth/index', ready: '.page' },
      { label: 'my activities', path: 'pages/my-activities/index', ready: '#my-activities, .state-view' },
      { label: 'check-in', path: 'pages/check-in/index', ready: '.page' },
    ],
  },
  {
    openid: 'demo-head-1',
    name: '示例站长',
    visits: [
      { label: 'head workbench', path: 'packages/head/pages/index/index?id=st-demo-1', ready: '.page' },
      { label: 'head requests', path: 'packages/head/pages/requests/index?id=st-demo-1', ready: '.page' },
      { label: 'head members', path: 'packages/head/pages/members/index?id=st-demo-1', ready: '.page' },
    ],
  },
  {
    openid: 'demo-staff',
    name: '示例工作人员',
    visits: [
      { label: 'manage activities', path: 'packages/manage/pages/activities/index', ready: '.page' },
      { label: 'activity edit', path: 'packages/manage/pages/activity-edit/index', ready: '#waitlist-switch' },
      { label: 'registrations', path: 'packages/manage/pages/registrations/index?activityId=ac-demo-summer', ready: '.page' },
      { label: 'notice compose', path: 'packages/manage/pages/notice-compose/index', ready: '.page' },
      { label: 'staff stations', path: 'packages/staff/pages/stations/index', ready: '.page' },
      { label: 'policy edit', path: 'packages/staff/pages/policy-edit/index', ready: '.page' },
      { label: 'audit', path: 'packages/staff/pages/audit/index', ready: '.page' },
    ],
  },
]

describe('accessibility (axe-core) on every page, for each role', () => {
  let h: Harness

  beforeAll(async () => {
    h = await startHarness()
    // Some rows so that lists are not all empty states.
    await h.api('activity.signUp', { activityId: 'ac-demo-summer', answers: { team: '希望组队' } }, 'demo-student-3')
  })

  afterAll(async () => {
    await h?.close()
  })

  for (const role of ROLES) {
    test(`${role.name}: no serious or critical violations`, async () => {
      const { page } = h
      await page.goto(h.baseUrl)
      await page.evaluate(
        ([id, name]) => {
          window.localStorage.setItem('yz.demo.openid', id)
          window.localStorage.setItem('yz.demo.label', name)
        },
        [role.openid, role.name],
      )
      const failures: string[] = []
      for (const visit of role.visits) {
        await page.goto(appUrl(h.baseUrl, visit.path))
        await page.reload()
        await page.locator(visit.ready).filter({ visible: true }).first().waitFor()
        // Loading spinners give way to content; axe judges what the person ends up looking at.
        await page.locator('.state-view--loading').filter({ visible: true }).first().waitFor({ state: 'detached', timeout: 10000 }).catch(() => undefined)
        await page.waitForTimeout(400)
        const findings: AxeFinding[] = await auditA11y(page, `${role.name} · ${visit.label}`)
        try {
          expectAccessible(findings, visit.label)
        } catch (error) {
          failures.push((error as Error).message)
        }
      }
      expect(failures).toEqual([])
    })
  }
})
