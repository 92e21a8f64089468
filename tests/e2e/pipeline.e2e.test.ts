import ExcelJS from 'exceljs'
import type { Envelope, FunnelWire, Member, PipelineMembersPage } from '../../types'
import { funnelFromWire } from '../../types'
import { currentPage, startHarness, type Harness } from './support'

/**
 * The talent pipeline in the browser (issue 14): a member registers a destination in 确山县;
 * staff see that cohort's 回驻 move on the dashboard, tap it, find the member behind it, and
 * export the rows; the export's row count equals the figure.
 */
describe('the talent pipeline in the browser', () => {
  let h: Harness

  beforeAll(async () => {
    h = await startHarness()
  })

  afterAll(async () => {
    await h?.close()
  })

  const visible = () => currentPage(h.page)

  async function as(openid: string, path: string) {
    await h.page.evaluate((o) => {
      window.localStorage.setItem('yz.demo.openid', o)
      window.localStorage.setItem('yz.demo.label', o)
    }, openid)
    await h.page.goto(`${h.baseUrl}/#${path}`)
    await h.page.reload()
  }

  async function returnedOf(cohort: number): Promise<number> {
    const reply = await h.api<FunnelWire>('pipeline.funnel', {}, 'demo-staff')
    if (!reply.ok) throw new Error(reply.error.message)
    const step = funnelFromWire(reply.data).cohorts.find((c) => c.cohort === cohort)?.steps.find((s) => s.metric === 'returned')
    return step?.count.value ?? 0
  }

  test('a member reports 确山县, staff see 回驻 move, open it, find the member and export exactly those rows', async () => {
    try {
      await journey()
    } catch (error) {
      await h.screenshot('pipeline-failure').catch(() => undefined)
      throw error
    }
  })

  async function journey() {
    const { page } = h
    const student = 'demo-student-1'
    await page.goto(h.baseUrl)
    const me = await h.api<Member>('member.me', {}, student)
    if (!me.ok) throw new Error(me.error.message)
    const cohort = me.data.graduationYear
    const before = await returnedOf(cohort)

    // The member: 我的 → 毕业去向登记 → 协议和合同就业 in 驻马店市 确山县.
    await as(student, '/pages/mine/index')
    await visible().locator('#action-destination').click()
    await visible().locator('#destination-form').waitFor()
    await visible().locator('#destination-status-contract').click()
    await visible().locator('#destination-county-queshan').click()
    await visible().locator('#destination-submit').click()
    await visible().locator('#destination-latest').getByText('确山县').waitFor()
    await h.screenshot('pipeline-01-reported')

    // Staff: the dashboard's funnel for that cohort shows one more 回驻.
    await as('demo-staff', '/packages/staff/pages/dashboard/index')
    const cell = visible().locator(`#funnel-${cohort}-returned`)
    await cell.getByText(String(before + 1)).waitFor()
    await h.screenshot('pipeline-02-dashboard')

    // Tapping the figure lists its members: the total is the figure, and the member is among them.
    await cell.click()
    await visible().locator('#figure-members-total').getByText(`共 ${before + 1} 人`).waitFor()
    const rows: string[] = []
    let cursor: string | null = null
    do {
      const reply: Envelope<PipelineMembersPage> = await h.api<PipelineMembersPage>(
        'pipeline.members',
        { metric: 'returned', cohort, limit: 50, ...(cursor ? { cursor } : {}) },
        'demo-staff',
      )
      if (!reply.ok) throw new Error(reply.error.message)
      rows.push(...reply.data.items.map((r) => r.openid))
      cursor = reply.data.nextCursor
    } while (cursor)
    expect(rows).toContain(student)
    expect(rows).toHaveLength(before + 1)
    await h.screenshot('pipeline-03-members')

    // The export: the dictionary first, then exactly the rows behind the figure.
    const [download] = await Promise.all([page.waitForEvent('download'), visible().locator('#figure-export').click()])
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(await download.path())
    expect(workbook.worksheets[0].name).toBe('指标说明')
    expect(workbook.worksheets[1].rowCount - 1).toBe(before + 1)

    // A head: the same dashboard, their station only, small cells as "<5", their own monthly snapshots.
    await as('demo-head-1', '/packages/head/pages/dashboard/index')
    await visible().locator('#pipeline-dashboard').waitFor()
    await visible().getByText('少于5人的格子显示为', { exact: false }).waitFor()
    await visible().locator('#dashboard-snapshot').waitFor()
    const headFunnel = await h.api<FunnelWire>('pipeline.funnel', {}, 'demo-head-1')
    if (!headFunnel.ok) throw new Error(headFunnel.error.message)
    expect(headFunnel.data.scope.suppressed).toBe(true)
    for (const line of headFunnel.data.lines) for (const n of line) expect(n === null || n === 0 || n >= 5).toBe(true)
    await h.screenshot('pipeline-04-head')
  }
})
