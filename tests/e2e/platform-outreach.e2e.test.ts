import type { ActivityView, CheckInCode, MyPublicSignUp } from '../../types'
import { actAs, appUrl, currentPage, eventually, startHarness, type Harness } from './support'

/**
 * 面向公众/青少年 end to end (issue 19 §4): a parent who never joins the alliance signs up their
 * 12-year-old for the demo 科普日 from its activity page; without ticking the guardian consent the
 * server refuses and the form says why; with it the sign-up holds a place. Then the server's clock
 * moves past the retention period and the local runtime's scheduler (on a short interval here)
 * deletes the record: the parent's page no longer shows it.
 */
const OUTREACH = 'ac-demo-outreach'
const PARENT = 'demo-parent-1'
const DAY = 24 * 60 * 60 * 1000
let offset = 0
const clock = { now: () => new Date(Date.now() + offset) }

describe('科普 open to the public in the browser', () => {
  let h: Harness

  beforeAll(async () => {
    h = await startHarness({ clock, schedulerIntervalMs: 1000 })
  })

  afterAll(async () => {
    await h?.close()
  })

  const visible = () => currentPage(h.page)
  const field = (name: string) => visible().locator(`#field-${name} input`)

  test('a parent signs up a 12-year-old without joining, with guardian consent; the record is gone after the retention period', async () => {
    const { page } = h
    try {
      await page.goto(appUrl(h.baseUrl, 'pages/index/index'))
      await actAs(page, h.baseUrl, PARENT, '一位家长', `pages/activity/index?id=${OUTREACH}`)
      await visible().locator('#activity-title').getByText('青少年走进重点实验室科普日').waitFor()
      await visible().locator('#public-sign-up').click()
      await visible().locator('#public-form').waitFor()
      await field('name').fill('王小明')
      await field('age').fill('12')
      // Under 14: the form becomes the guardian's.
      await visible().locator('#public-guardian').waitFor()
      await expect(visible().locator('#field-phone').count()).resolves.toBe(0)
      await field('school').fill('驿城区实验小学')
      await field('grade').fill('六年级')
      await field('guardianName').fill('王建国')
      await visible().locator('#public-relation-father').click()
      await field('guardianPhone').fill('13700002222')
      await h.screenshot('po-01-guardian-form')

      // Without the consent the server refuses, and nothing is written.
      await visible().locator('#public-submit').click()
      await visible().locator('#error-consent').getByText('须由监护人勾选同意').waitFor()
      await h.screenshot('po-02-no-consent')
      const before = await h.api<MyPublicSignUp>('platform.myPublicSignUp', { activityId: OUTREACH }, PARENT)
      expect(before.ok && before.data.registrations).toEqual([])

      await visible().locator('#public-consent').click()
      await visible().locator('#public-submit').click()
      await visible().locator('#public-signed').getByText('报名成功（公众）').waitFor()
      await visible().locator('#public-signed-guardian').getByText('王建国（父亲），已同意').waitFor()
      // The person may cancel their own sign-up while sign-up is open.
      await visible().locator('#public-cancel').getByText('取消报名').waitFor()
      await h.screenshot('po-03-signed-up')
      const mine = await h.api<MyPublicSignUp>('platform.myPublicSignUp', { activityId: OUTREACH }, PARENT)
      expect(mine.ok && mine.data.registrations).toEqual([expect.objectContaining({ name: '王小明', age: 12, status: 'registered' })])

      // A second child from the same WeChat: the guardian's details stay, the consent is given again.
      await visible().locator('#public-another').getByText('还可以为2位参加者').waitFor()
      await field('name').fill('王小红')
      await field('age').fill('9')
      await expect(field('guardianName').inputValue()).resolves.toBe('王建国')
      await visible().locator('#public-consent').click()
      await visible().locator('#public-submit').click()
      await visible().locator('#public-signed-1').getByText('参加者：王小红，9岁').waitFor()
      await h.screenshot('po-03b-two-children')
      // Each child's sign-up is cancelled on its own.
      await visible().locator('#public-cancel-1').click()
      await page.locator('.taro__modal .taro-model__confirm', { hasText: '确定取消' }).click()
      await visible().locator('#public-signed-1').waitFor({ state: 'detached' })
      const one = await h.api<MyPublicSignUp>('platform.myPublicSignUp', { activityId: OUTREACH }, PARENT)
      expect(one.ok && one.data.registrations.map((r) => [r.name, r.status])).toEqual([
        ['王小明', 'registered'],
        ['王小红', 'cancelled'],
      ])
      // No member was made: the activity page still offers to join.
      const asMember = await h.api<ActivityView>('activity.get', { id: OUTREACH }, PARENT)
      expect(asMember.ok && asMember.data.myRegistration).toBeNull()
      expect(asMember.ok && asMember.data.publicCount).toBe(1)

      // On the day: the parent checks the child in with the 6-digit code on the organiser's screen.
      const activity = await h.api<ActivityView>('activity.get', { id: OUTREACH }, 'demo-staff')
      if (!activity.ok) throw new Error(activity.error.message)
      offset = Date.parse(activity.data.startAt) + 10 * 60_000 - Date.now()
      const code = await h.api<CheckInCode>('activity.checkInCode', { activityId: OUTREACH }, 'demo-staff')
      if (!code.ok) throw new Error(code.error.message)
      // Scanning the screen opens the member check-in page: it sends a public participant to their sign-up page.
      await page.goto(appUrl(h.baseUrl, `pages/check-in/index?activityId=${OUTREACH}`))
      await visible().getByText('公众报名的参加者请在报名页签到').waitFor()
      await visible().getByText('去签到', { exact: true }).click()
      await visible().locator('#public-check-in').waitFor()
      await field('checkInCode').fill(code.data.shortCode)
      await visible().locator('#public-check-in-submit').click()
      await visible().locator('#public-signed-0').getByText('已签到').waitFor()
      await h.screenshot('po-03c-checked-in')

      // 31 days after the activity ends the scheduler's retention rule deletes the sign-up.
      offset = Date.parse(activity.data.endAt) + 31 * DAY - Date.now()
      await eventually(async () => {
        const after = await h.api<MyPublicSignUp>('platform.myPublicSignUp', { activityId: OUTREACH }, PARENT)
        return after.ok && after.data.registrations.length === 0
      }, true, 20000)
      await page.reload()
      await visible().locator('#public-activity-title').waitFor()
      await visible().getByText('现在不能报名').waitFor()
      await expect(visible().locator('#public-signed').count()).resolves.toBe(0)
      await h.screenshot('po-04-after-retention')
      const stats = await h.api<ActivityView>('activity.get', { id: OUTREACH }, 'demo-staff')
      expect(stats.ok && stats.data.publicCount).toBe(1)
    } catch (error) {
      await h.screenshot('platform-outreach-failure').catch(() => undefined)
      throw error
    }
  })
})
