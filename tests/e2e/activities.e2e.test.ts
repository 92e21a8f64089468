import dayjs from 'dayjs'
import ExcelJS from 'exceljs'
import type { Activity, ActivityView, Page } from '../../types'
import { currentPage, inputIn, startHarness, type Harness } from './support'

/**
 * An activity's whole life in the browser: staff create and publish a summer practice with a
 * custom form and 2 places; three students sign up (the third is waitlisted); the first cancels
 * and the third is promoted; staff export the list and open the check-in screen; the second
 * student checks in with the 6-digit code.
 */
describe('activities in the browser', () => {
  let h: Harness

  beforeAll(async () => {
    h = await startHarness()
  })

  afterAll(async () => {
    await h?.close()
  })

  const visible = () => currentPage(h.page)
  const toast = () => h.page.locator('.taro__toast')
  const confirmModal = async (confirmText: string) => {
    await h.page.locator('.taro__modal .taro-model__confirm', { hasText: confirmText }).click()
  }
  const local = (d: dayjs.Dayjs) => d.format('YYYY-MM-DDTHH:mm')

  /** Acts as a demo account from now on, opening `path` (the app reads the session at load). */
  async function as(openid: string, path: string) {
    await h.page.evaluate((o) => {
      window.localStorage.setItem('yz.demo.openid', o)
      window.localStorage.setItem('yz.demo.label', o)
    }, openid)
    await h.page.goto(`${h.baseUrl}/#${path}`)
    await h.page.reload()
  }

  const view = async (id: string, openid: string) => {
    const reply = await h.api<ActivityView>('activity.get', { id }, openid)
    if (!reply.ok) throw new Error(reply.error.message)
    return reply.data
  }

  test('staff publish, students sign up and wait, one is promoted, staff export, a student checks in', async () => {
    try {
      await journey()
    } catch (error) {
      await h.screenshot('act-failure').catch(() => undefined)
      throw error
    }
  })

  async function journey() {
    const { page } = h
    const title = '翼展计划·家乡产业调研（测试）'
    await page.goto(h.baseUrl)

    // Staff: 我的 → 活动管理 → 新建活动.
    await as('demo-staff', '/pages/mine/index')
    await visible().locator('#mine-manage-activities').click()
    await visible().locator('#manage-new').click()
    await visible().locator('#activity-type-summer_practice').click()
    await inputIn(page, 'title').fill(title)
    await inputIn(page, 'place').fill('驻马店市青年创新创业中心')
    await visible().locator('#field-description textarea').fill('回到家乡，走进产业园区，完成一份调研报告。')
    const now = dayjs()
    await inputIn(page, 'startAt').fill(local(now.add(30, 'minute')))
    await inputIn(page, 'endAt').fill(local(now.add(3, 'hour')))
    await inputIn(page, 'signUpOpenAt').fill(local(now.subtract(5, 'minute')))
    await inputIn(page, 'signUpCloseAt').fill(local(now.add(20, 'minute')))
    await inputIn(page, 'capacity').fill('2')
    await expect(visible().locator('#waitlist-switch input').isChecked()).resolves.toBe(true)

    // The custom form: one required single choice.
    await visible().locator('#form-add-field').click()
    await visible().locator('#form-field-0-label input').fill('参加方式')
    await visible().locator('#form-field-0-kind-single').click()
    await visible().locator('#form-field-0-option-0 input').fill('线下参加')
    await visible().locator('#form-field-0-option-1 input').fill('线上参加')
    await visible().locator('#form-field-0-required input').click()
    await h.screenshot('act-01-edit')
    await visible().locator('#activity-save').click()
    await toast().getByText('已保存为草稿').waitFor()

    // Back on the management list: publish the draft.
    const listed = await h.api<Page<Activity>>('activity.list', { manage: true }, 'demo-staff')
    if (!listed.ok) throw new Error(listed.error.message)
    const created = listed.data.items.find((a) => a.title === title)
    if (!created) throw new Error('the new activity is not in the management list')
    expect(created).toMatchObject({ status: 'draft', capacity: 2, waitlist: true, type: 'summer_practice' })
    expect(created.form).toEqual([{ id: 'q1', label: '参加方式', kind: 'single', required: true, options: ['线下参加', '线上参加'] }])
    const id = created.id
    await visible().locator(`#manage-publish-${id}`).click()
    await confirmModal('发布')
    await toast().getByText('已发布').waitFor()
    await h.screenshot('act-02-manage')
    expect((await view(id, 'demo-staff')).status).toBe('published')

    // Students find it on the 活动 tab.
    await as('demo-student-1', '/pages/activities/index')
    await visible().locator(`#activity-${id}`).getByText('剩余 2 个名额').waitFor()
    await h.screenshot('act-03-list')

    // Student 1 answers the required question (first without it) and gets a place.
    await visible().locator(`#activity-${id} .activity-card__main`).click()
    await visible().locator('#activity-title').getByText(title).waitFor()
    await visible().locator('#sign-up-submit').click()
    await visible().locator('#answer-error-q1').getByText('请选择“参加方式”').waitFor()
    await visible().locator('#answer-q1-0').click()
    await h.screenshot('act-04-form')
    await visible().locator('#sign-up-submit').click()
    await visible().locator('#my-status').getByText('报名成功').waitFor()
    await h.screenshot('act-05-registered')

    // Student 2 takes the last place.
    await as('demo-student-2', `/pages/activity/index?id=${id}`)
    await visible().locator('#answer-q1-1').click()
    await visible().locator('#sign-up-submit').click()
    await visible().locator('#my-status').getByText('报名成功').waitFor()

    // Student 3 is waitlisted, and asks to be told.
    await as('demo-student-3', `/pages/activity/index?id=${id}`)
    await visible().locator('#activity-places').getByText('已满').waitFor()
    await visible().locator('#answer-q1-0').click()
    await visible().locator('#subscribe-demo').click()
    await visible().locator('#sign-up-submit').click()
    await visible().locator('#my-status').getByText('候补第 1 位').waitFor()
    await h.screenshot('act-06-waitlisted')

    // Student 1 cancels: student 3 moves up at once.
    await as('demo-student-1', `/pages/activity/index?id=${id}`)
    await visible().locator('#cancel-sign-up').click()
    await confirmModal('确定取消')
    await visible().locator('#my-status').getByText('已取消').waitFor()
    const afterCancel = await view(id, 'demo-student-3')
    expect(afterCancel.myRegistration?.status).toBe('registered')
    expect(afterCancel).toMatchObject({ registeredCount: 2, waitlistCount: 0 })

    await as('demo-student-3', `/pages/activity/index?id=${id}`)
    await visible().locator('#my-status').getByText('报名成功').waitFor()
    await h.screenshot('act-07-promoted')
    // …and was told, in 微信提醒记录 (local mode's outbox).
    await page.goto(`${h.baseUrl}/#/pages/messages/index`)
    await visible().locator('#messages').getByText('候补成功，已为你保留名额').waitFor()
    await h.screenshot('act-08-messages')
    // 我的活动 lists it with the new state.
    await page.goto(`${h.baseUrl}/#/pages/my-activities/index`)
    await visible().locator(`#my-activity-${id}`).getByText('报名成功').waitFor()
    // 首页 → 接下来 shows it as what comes next.
    await page.goto(`${h.baseUrl}/#/pages/index/index`)
    await visible().locator('#home-next-mine').getByText(title).waitFor()

    // Staff: the list, exported with the answers as a column.
    await as('demo-staff', `/packages/manage/pages/registrations/index?activityId=${id}`)
    await visible().locator('#registration-list .reg').first().waitFor()
    await expect(visible().locator('#registration-list .reg').count()).resolves.toBe(3)
    await h.screenshot('act-09-registrations')
    const [download] = await Promise.all([page.waitForEvent('download'), visible().locator('#export-registrations').click()])
    expect(download.suggestedFilename()).toMatch(/报名名单.*\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(await download.path())
    const sheet = workbook.worksheets[0]
    const header = (sheet.getRow(1).values as unknown[]).filter((v) => typeof v === 'string')
    expect(header).toContain('参加方式')
    expect(header).toContain('状态')
    expect(sheet.actualRowCount).toBe(4)
    const answersColumn = header.indexOf('参加方式') + 1
    const answers = [2, 3, 4].map((r) => String(sheet.getRow(r).getCell(answersColumn).value))
    expect(answers.sort()).toEqual(['线上参加', '线下参加', '线下参加'])

    // Staff: the check-in screen shows the 6-digit code.
    await page.goto(`${h.baseUrl}/#/packages/manage/pages/check-in-screen/index?activityId=${id}`)
    const codeText = visible().locator('#check-in-short-code')
    await codeText.waitFor()
    await visible().locator('#check-in-qr img').waitFor()
    // Staff watch arrivals here: nobody has checked in yet.
    await visible().locator('#check-in-arrived').getByText('0', { exact: true }).waitFor()
    await h.screenshot('act-10-check-in-screen')
    const shortCode = (await codeText.textContent())?.trim() ?? ''
    expect(shortCode).toMatch(/^\d{6}$/)

    // Student 2 types it and is checked in.
    await as('demo-student-2', `/pages/check-in/index?activityId=${id}`)
    await visible().locator('#short-code input').fill(shortCode)
    await visible().locator('#short-code-submit').click()
    await visible().locator('#check-in-done').getByText('已签到').waitFor()
    await h.screenshot('act-11-checked-in')
    expect((await view(id, 'demo-student-2')).myRegistration?.status).toBe('checked_in')

    // Back on the venue screen, the arrival is counted.
    await as('demo-staff', `/packages/manage/pages/check-in-screen/index?activityId=${id}`)
    await visible().locator('#check-in-arrived').getByText('1', { exact: true }).waitFor()

    // 翼展档案 counts it.
    await as('demo-student-2', '/pages/growth/index')
    await visible().locator('#growth-total').getByText('1').waitFor()
    await h.screenshot('act-12-growth')
  }
})
