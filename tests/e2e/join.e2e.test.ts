import fs from 'node:fs'
import type { Member, MemberExport } from '../../types'
import { currentPage, eventually, inputIn, startHarness, type Harness } from './support'

/**
 * A newcomer's whole road: demo sign-in as a new WeChat user, privacy statement, a form with a
 * bad phone, joining, the member card, editing, exporting, and deleting the account.
 */
describe('joining the 翼展联盟 in the browser', () => {
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
    const modal = h.page.locator('.taro__modal')
    await modal.locator('.taro-model__confirm', { hasText: confirmText }).click()
  }

  test('a new visitor joins, edits, exports and deletes their account', async () => {
    try {
      await journey()
    } catch (error) {
      await h.screenshot('failure').catch(() => undefined)
      throw error
    }
  })

  async function journey() {
    const { page } = h
    await page.goto(h.baseUrl)

    // 首页: demo mode announces itself; joining first asks who we are.
    await visible().getByText('本地示例模式').waitFor()
    await visible().locator('#home-join').click()
    await page.locator('#demo-new-visitor').waitFor()
    await h.screenshot('00-demo-login')
    await page.locator('#demo-new-visitor').click()
    await visible().getByText('示例登录：新访客').waitFor()
    const openid = await page.evaluate(() => window.localStorage.getItem('yz.demo.openid'))
    expect(openid).toMatch(/^visitor-[a-z0-9]+$/)

    // Step 1: the privacy statement, read and accepted.
    await visible().locator('#home-join').click()
    await visible().getByText('翼展联盟隐私保护指引').waitFor()
    await expect(visible().locator('#privacy-statement').textContent()).resolves.toContain('我们不收集身份证号')
    await h.screenshot('01-privacy')
    await visible().locator('#privacy-agree').click()

    // Step 2: the form, first with a bad phone.
    await inputIn(page, 'name').fill('张小翼')
    await inputIn(page, 'phone').fill('1381234')
    await inputIn(page, 'university').fill('郑州大学')
    await inputIn(page, 'major').fill('电子信息工程')
    await page.locator('#degree-bachelor').click()
    await inputIn(page, 'enrollmentYear').fill('2023')
    await inputIn(page, 'graduationYear').fill('2027')
    await page.locator('#county-xiping').click()
    await page.locator('#industry-electronics').click()
    await page.locator('#industry-energy').click()
    await page.locator('#profile-submit').click()
    await expect(page.locator('#error-phone').textContent()).resolves.toContain('手机号应为11位数字')
    await h.screenshot('02-form-error')

    // Fixed, it goes through.
    await inputIn(page, 'phone').fill('13812345678')
    await expect(page.locator('#error-phone').count()).resolves.toBe(0)
    await page.locator('#profile-submit').click()
    await toast().getByText('加入成功').waitFor()

    // 我的: the member card.
    const card = page.locator('#member-card:visible')
    await card.waitFor()
    await expect(card.textContent()).resolves.toContain('张小翼')
    await expect(card.textContent()).resolves.toContain('西平县')
    await expect(card.textContent()).resolves.toContain('电子信息')
    await expect(card.textContent()).resolves.toContain('13812345678')
    await h.screenshot('03-mine')

    // The server agrees with the UI.
    const me = await h.api<Member | null>('member.me', {}, openid as string)
    expect(me.ok).toBe(true)
    if (!me.ok || !me.data) throw new Error('member.me did not return the new member')
    expect(me.data).toMatchObject({ name: '张小翼', phone: '13812345678', major: '电子信息工程', degree: 'bachelor', hometownCounty: 'xiping' })
    expect(me.data.fields.sort()).toEqual(['electronics', 'energy'])

    // Edit the major.
    await page.locator('#action-edit').click()
    const major = inputIn(page, 'major')
    await eventually(() => major.inputValue(), '电子信息工程')
    await major.fill('人工智能')
    await page.locator('#profile-submit').click()
    await toast().getByText('已保存').waitFor()
    await page.locator('#member-card:visible').getByText('人工智能').waitFor()

    // Export: a JSON download with everything about me (the sheet offers Excel or JSON).
    await page.locator('#action-export').click()
    await page.getByText('JSON 文件（便于转移）').click()
    const [download] = await Promise.all([page.waitForEvent('download'), confirmModal('导出')])
    expect(download.suggestedFilename()).toBe('翼展联盟-我的数据.json')
    const file = await download.path()
    const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as MemberExport
    expect(exported.member.name).toBe('张小翼')
    expect(exported.member.major).toBe('人工智能')

    // Delete the account: back to a visitor.
    await page.locator('#action-delete').click()
    await confirmModal('确认注销')
    await toast().getByText('已注销').waitFor()
    await visible().locator('#home-join').waitFor()
    await h.screenshot('04-deleted-home')
    await page.locator('.taro-tabbar__tabbar').getByText('我的').click()
    await page.locator('#mine-empty:visible').getByText('你还没有加入翼展联盟').waitFor()
    await h.screenshot('05-mine-empty')

    const after = await h.api<Member | null>('member.me', {}, openid as string)
    expect(after).toEqual({ ok: true, data: null })
  }
})
