import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Member, StationView } from '../../types'
import { actAs, appUrl, currentPage, eventually, inputIn, signInAsDemo, startHarness, type Harness } from './support'

/**
 * 翼展驿站 end to end: a new student finds and asks to join the station of their university, its
 * head approves, the student sees it on 我的; staff make the student the head, and the old head's
 * workbench is gone — in the UI and on the server.
 */
describe('翼展驿站 in the browser', () => {
  let h: Harness

  beforeAll(async () => {
    h = await startHarness()
  })

  afterAll(async () => {
    await h?.close()
  })

  const visible = () => currentPage(h.page)
  const toast = () => h.page.locator('.taro__toast')
  const tab = (name: '首页' | '我的') => h.page.locator('.taro-tabbar__tabbar').getByText(name).click()
  const confirmModal = (confirmText: string) => h.page.locator('.taro__modal .taro-model__confirm', { hasText: confirmText }).click()

  test('a student joins their university station; staff hand the station to them', async () => {
    try {
      await journey()
    } catch (error) {
      await h.screenshot('stations-failure').catch(() => undefined)
      throw error
    }
  })

  async function joinAlliance(): Promise<string> {
    const { page } = h
    await page.goto(h.baseUrl)
    // Demo mode announces itself once it knows; joining then asks who we are.
    await visible().getByText('本地示例模式').waitFor()
    await visible().locator('#home-join').click()
    // Taro H5 hides the page left behind on a 300 ms timer; coming back sooner leaves it blank.
    await page.locator('#demo-new-visitor').waitFor()
    await page.waitForTimeout(500)
    await page.locator('#demo-new-visitor').click()
    await visible().getByText('示例登录：新访客').waitFor()
    const openid = await page.evaluate(() => window.localStorage.getItem('yz.demo.openid'))
    if (!openid) throw new Error('no visitor openid')
    await visible().locator('#home-join').click()
    await visible().locator('#privacy-agree').click()
    await inputIn(page, 'name').fill('李驿站')
    await inputIn(page, 'phone').fill('13912345678')
    // The school by its 简称, picked from the Ministry of Education's list.
    await inputIn(page, 'university').fill('郑大')
    await page.locator('#university-option-0').getByText('郑州大学').click()
    await expect(inputIn(page, 'university').inputValue()).resolves.toBe('郑州大学')
    await inputIn(page, 'major').fill('软件工程')
    await page.locator('#degree-bachelor').click()
    await inputIn(page, 'enrollmentYear').fill('2024')
    await inputIn(page, 'graduationYear').fill('2028')
    await page.locator('#county-runan').click()
    await page.locator('#industry-electronics').click()
    await page.locator('#profile-submit').click()
    await toast().getByText('加入成功').waitFor()
    await page.locator('#member-card:visible').waitFor()
    return openid
  }

  async function journey() {
    const { page } = h
    const student = await joinAlliance()

    // 我的: no station yet, a way to find one.
    await visible().locator('#mine-station').getByText('你还没有加入驿站').waitFor()
    await visible().locator('#mine-find-station').waitFor()

    // 首页 → 翼展驿站: my university's station comes first.
    await tab('首页')
    await visible().locator('#home-stations').click()
    const suggested = visible().locator('#stations-suggested')
    await suggested.getByText('郑州大学翼展驿站').waitFor()
    await expect(suggested.textContent()).resolves.toContain('你学校的驿站')
    await visible().locator('#station-st-demo-2').waitFor()
    await h.screenshot('st-01-directory')

    // Search narrows the list.
    await visible().locator('#stations-search input').fill('武汉')
    await visible().locator('#stations-search-go').click()
    await visible().locator('#station-st-demo-3').waitFor()
    await eventually(() => visible().locator('#station-st-demo-2').count(), 0)
    // …and a 简称 finds its university's station (郑大 → 郑州大学).
    await visible().locator('#stations-search input').fill('郑大')
    await visible().locator('#stations-search-go').click()
    await visible().locator('#station-st-demo-1').waitFor()
    await eventually(() => visible().locator('#station-st-demo-3').count(), 0)
    await visible().locator('#stations-search input').fill('')
    await visible().locator('#stations-search-go').click()

    // The station page: the head's name, never a phone; ask to join with a note.
    await visible().locator('#stations-suggested').click()
    await visible().locator('#station-name').getByText('郑州大学翼展驿站').waitFor()
    const headName = (await visible().locator('#station-head').textContent())?.trim()
    expect(headName).toBeTruthy()
    expect(await visible().locator('.station-hero').textContent()).not.toMatch(/1[3-9]\d/)
    await visible().getByText('暂无驿站通知').waitFor()
    await visible().locator('#station-note textarea').fill('我是汝南人，大一软件工程，想认识郑大的老乡。')
    await h.screenshot('st-02-station')
    await visible().locator('#station-apply-submit').click()
    await toast().getByText('已提交申请').waitFor()
    await visible().locator('#station-pending').getByText('等待站长审核').waitFor()
    await visible().locator('#station-cancel').waitFor()
    await h.screenshot('st-03-pending')

    // Back to the tabs: 我的 shows the request as 待审核.
    await page.goBack()
    await page.goBack()
    await tab('我的')
    await visible().locator('#mine-request-state').getByText('待审核').waitFor()

    // The head approves it from 站长工作台 → 待审核.
    await signInAsDemo(page, h.baseUrl, 'demo-head-1')
    await tab('我的')
    await visible().locator('#mine-head-workbench').click()
    await visible().locator('#head-station-name').getByText('郑州大学翼展驿站').waitFor()
    await eventually(async () => Number(await visible().locator('#figure-pending').textContent()) >= 2, true)
    await h.screenshot('st-04-head-home')
    await visible().locator('#head-requests').click()
    const request = visible().locator(`#request-${student}`)
    await request.getByText('我是汝南人').waitFor()
    await expect(request.textContent()).resolves.toContain('139****5678')
    await h.screenshot('st-05-requests')
    await request.locator('.request-approve').click()
    await toast().getByText('已通过李驿站').waitFor()
    await eventually(() => visible().locator(`#request-${student}`).count(), 0)
    // The seeded request is still there, untouched.
    await visible().locator('#request-demo-student-4').waitFor()

    // The student sees the station on 我的.
    await actAs(page, h.baseUrl, student, '新访客', 'pages/mine/index')
    await visible().locator('#mine-station-name').getByText('郑州大学翼展驿站').waitFor()
    await h.screenshot('st-06-mine-member')

    // Staff: 团市委工作台 → 驿站管理 → 郑州大学翼展驿站 → appoint the student as 站长.
    await signInAsDemo(page, h.baseUrl, 'demo-staff')
    await tab('我的')
    await visible().locator('#mine-staff-workbench').click()
    await visible().locator('#staff-stations').click()
    await visible().locator('#station-st-demo-1').click()
    await visible().locator('#current-head').getByText(`站长：${headName}`).waitFor()
    await visible().locator('#leader-search input').fill('李驿站')
    await visible().locator('#leader-search-go').click()
    const row = visible().locator(`#leader-${student}`)
    await row.locator('.appoint-head').click()
    await page.locator('.taro__modal').getByText(`${headName}将不再担任站长`).waitFor()
    await confirmModal('确定')
    await toast().getByText('已任命站长').waitFor()
    await visible().locator('#current-head').getByText('站长：李驿站').waitFor()
    await h.screenshot('st-07-staff-appoint')

    // The old head: no workbench on 我的, and the page itself says no.
    await signInAsDemo(page, h.baseUrl, 'demo-head-1')
    await tab('我的')
    await visible().locator('#mine-station-name').getByText('郑州大学翼展驿站').waitFor()
    await expect(visible().locator('#mine-head-workbench').count()).resolves.toBe(0)
    await page.goto(appUrl(h.baseUrl, 'packages/head/pages/index/index'))
    await visible().locator('#head-forbidden').getByText('你没有管理这个驿站的权限').waitFor()
    await h.screenshot('st-08-old-head-forbidden')
    await page.goto(appUrl(h.baseUrl, 'packages/head/pages/requests/index?id=st-demo-1'))
    await visible().locator('#head-forbidden').waitFor()

    // The new head has the workbench.
    await actAs(page, h.baseUrl, student, '新访客', 'pages/mine/index')
    await visible().locator('#mine-head-workbench').click()
    await visible().locator('#head-station-name').getByText('郑州大学翼展驿站').waitFor()

    // The server agrees.
    const newHead = await h.api<Member | null>('member.me', {}, student)
    expect(newHead.ok && newHead.data).toMatchObject({ role: 'station_head', stationId: 'st-demo-1' })
    const oldHead = await h.api<Member | null>('member.me', {}, 'demo-head-1')
    expect(oldHead.ok && oldHead.data).toMatchObject({ role: 'student', stationId: 'st-demo-1' })
    const view = await h.api<StationView>('station.get', { id: 'st-demo-1' }, student)
    expect(view.ok && view.data).toMatchObject({ headOpenid: student, headName: '李驿站', canManage: true, isMine: true })
    const forbidden = await h.api('station.pendingRequests', { stationId: 'st-demo-1' }, 'demo-head-1')
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  }

  test('a head rejects with a reason and exports the roster; staff import a CSV', async () => {
    try {
      const { page } = h
      // demo-head-2 runs 武汉大学翼展驿站 (st-demo-3); a student asks to join it.
      const asked = await h.api('station.requestJoin', { stationId: 'st-demo-3', note: '想加入' }, 'demo-student-8')
      expect(asked.ok).toBe(true)
      await signInAsDemo(page, h.baseUrl, 'demo-head-2')
      await page.goto(appUrl(h.baseUrl, 'packages/head/pages/requests/index'))
      const request = visible().locator('#request-demo-student-8')
      await request.locator('.request-reject').click()
      await page.locator('#reason-confirm').click()
      await toast().getByText('请填写原因').waitFor()
      await page.locator('#reason-input textarea').fill('本站只接收武汉大学在读同学')
      await page.locator('#reason-confirm').click()
      await toast().getByText('已拒绝').waitFor()
      await eventually(() => visible().locator('#request-demo-student-8').count(), 0)
      const mine = await h.api<{ status: string; reason: string }>('station.myRequest', {}, 'demo-student-8')
      expect(mine.ok && mine.data).toMatchObject({ status: 'rejected', reason: '本站只接收武汉大学在读同学' })

      // The roster, exported as .xlsx.
      await page.goto(appUrl(h.baseUrl, 'packages/head/pages/members/index'))
      await visible().locator('.person').first().waitFor()
      await expect(visible().textContent()).resolves.toMatch(/1\d\d\*\*\*\*\d{4}/)
      await h.screenshot('st-09-roster')
      const [download] = await Promise.all([page.waitForEvent('download'), visible().locator('#roster-export').click()])
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
      const bytes = fs.readFileSync(await download.path())
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')

      // Staff import: one good row, one row without a university.
      const csv = path.join(os.tmpdir(), `stations-import-${Date.now()}.csv`)
      fs.writeFileSync(csv, '学校,所在城市,驿站名称,驿站简介\n复旦大学,上海市,,\n,上海市,无名驿站,\n', 'utf8')
      await signInAsDemo(page, h.baseUrl, 'demo-staff')
      await page.goto(appUrl(h.baseUrl, 'packages/staff/pages/import/index'))
      await visible().locator('#import-columns').getByText('所在城市').waitFor()
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible().locator('#import-choose').click()])
      await chooser.setFiles(csv)
      await visible().locator('#import-imported').getByText('成功导入 1 个驿站').waitFor()
      await visible().locator('#import-report').getByText('第 3 行').waitFor()
      await h.screenshot('st-10-import')
      fs.rmSync(csv, { force: true })
    } catch (error) {
      await h.screenshot('stations-failure-2').catch(() => undefined)
      throw error
    }
  })
})
