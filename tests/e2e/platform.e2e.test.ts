import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { PNG } from 'pngjs'
import type { ActivityView, Member, Page, Platform, PlatformContactPerson, PlatformView } from '../../types'
import { appUrl, currentPage, eventually, inputIn, signInAsDemo, startHarness, type Harness } from './support'

/**
 * 家乡创新平台 end to end (issue 19): a student finds the 生物医药 key laboratory of 驿城区 from the
 * home card, opens it and signs up for its upcoming visit there; staff import ten platforms from
 * a spreadsheet whose bad rows are named by number; the laboratory's contact drafts a visit and
 * staff approve it on the platform's page.
 */
const STUDENT = 'demo-student-1'
const KEY_LAB = 'pf-demo-biomed-lab'
const VISIT = 'ac-demo-platform-visit'
const CONTACT = 'demo-student-2'

describe('家乡创新平台 in the browser', () => {
  let h: Harness

  beforeAll(async () => {
    h = await startHarness()
  })

  afterAll(async () => {
    await h?.close()
  })

  const visible = () => currentPage(h.page)

  test('a student filters by 生物医药 and 驿城区, opens the key laboratory and signs up for its visit there', async () => {
    const { page } = h
    try {
      await signInAsDemo(page, h.baseUrl, STUDENT)
      await visible().locator('#home-offer-platforms').click()
      await visible().locator('#platform-list').waitFor()
      await visible().locator('#platform-field-biomed').click()
      await visible().locator('#platform-county-yicheng').click()
      // Only 驿城区 platforms serving 生物医药 remain: the key lab, the pilot base, the co-built studio.
      await eventually(() => visible().locator('#platform-pf-demo-equipment-center').count(), 0)
      await visible().locator(`#platform-${KEY_LAB}`).waitFor()
      await expect(visible().locator('#platform-pf-demo-new-rd').count()).resolves.toBe(0)
      await h.screenshot('pf-01-directory')

      await visible().locator(`#platform-${KEY_LAB}`).click()
      await visible().locator('#platform-name').getByText('河南省生物医药重点实验室（示例）').waitFor()
      await visible().locator(`#platform-activity-${VISIT}`).getByText('走进实验室').waitFor()
      await visible().locator('#platform-totals').getByText('3 人次到场').waitFor()
      // The contact is for staff: a student's page has no staff section.
      await expect(visible().locator('#platform-staff').count()).resolves.toBe(0)
      await expect(visible().textContent()).resolves.not.toContain('0396-0000001')
      await h.screenshot('pf-02-platform')

      await visible().locator(`#platform-sign-up-${VISIT}`).click()
      await visible().locator(`#platform-signed-${VISIT}`).getByText('报名成功').waitFor()
      const view = await h.api<ActivityView>('activity.get', { id: VISIT }, STUDENT)
      expect(view.ok && view.data.myRegistration?.status).toBe('registered')
      await h.screenshot('pf-03-signed-up')
    } catch (error) {
      await h.screenshot('platform-failure-1').catch(() => undefined)
      throw error
    }
  })

  test('staff import ten platforms from a spreadsheet; bad rows are named by their number', async () => {
    const { page } = h
    const file = path.join(os.tmpdir(), `platforms-import-${Date.now()}.xlsx`)
    try {
      const book = new ExcelJS.Workbook()
      const sheet = book.addWorksheet('平台')
      sheet.addRow(['平台名称', '平台类型', '所在县区', '重点产业领域', '依托单位', '平台简介', '合作高校', '提供机会', '面向学历', '联系人', '联系电话'])
      const counties = ['驿城区', '确山县', '泌阳县', '遂平县', '西平县', '上蔡县', '汝南县', '平舆县', '新蔡县', '正阳县']
      counties.forEach((county, i) =>
        sheet.addRow([`导入测试平台${i + 1}`, i % 2 ? '中试基地' : '技术创新中心', county, '装备制造、新材料', `${county}某企业`, '导入的平台', '', '参观交流', '', '', '']),
      )
      sheet.addRow(['类型不对的平台', '实验室', '驿城区', '生物医药', '某单位', '简介', '', '', '', '', ''])
      sheet.addRow(['导入测试平台1', '中试基地', '驿城区', '生物医药', '某单位', '简介', '', '', '', '', ''])
      await book.xlsx.writeFile(file)

      await signInAsDemo(page, h.baseUrl, 'demo-staff')
      await page.goto(appUrl(h.baseUrl, 'packages/platform/pages/manage/index'))
      await page.reload()
      await visible().locator(`#platform-${KEY_LAB}`).waitFor()
      await h.screenshot('pf-04a-manage')
      await visible().locator('#platform-import').click()
      await visible().locator('#import-columns').getByText('平台类型').waitFor()
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible().locator('#import-choose').click()])
      await chooser.setFiles(file)
      await visible().locator('#import-imported').getByText('成功导入 10 个平台').waitFor()
      await visible().locator('#import-report').getByText('第 12 行').waitFor()
      await visible().locator('#import-report').getByText('请从列表中选择平台类型').waitFor()
      await visible().locator('#import-report').getByText('第 13 行').waitFor()
      await h.screenshot('pf-04-import')
      const listed = await h.api<Page<Platform>>('platform.list', { q: '导入测试平台', limit: 50 }, 'demo-staff')
      expect(listed.ok && listed.data.items.length).toBe(10)
    } catch (error) {
      await h.screenshot('platform-failure-2').catch(() => undefined)
      throw error
    } finally {
      fs.rmSync(file, { force: true })
    }
  })

  test('the laboratory contact drafts a visit; staff approve it and students see it', async () => {
    const { page } = h
    const title = '走进实验室·青年科研沙龙'
    try {
      await signInAsDemo(page, h.baseUrl, CONTACT)
      await page.goto(appUrl(h.baseUrl, 'packages/platform/pages/list/index'))
      await page.reload()
      await visible().locator('#platform-contact-entry').click()
      await visible().locator(`#contact-platform-${KEY_LAB}`).waitFor()
      await visible().locator(`#contact-new-activity-${KEY_LAB}`).click()
      await inputIn(page, 'title').fill(title)
      await page.locator('#field-description textarea:visible').fill('与青年科研人员座谈，参观细胞培养平台。')
      await inputIn(page, 'hostOrg').fill('河南省生物医药重点实验室')
      await inputIn(page, 'place').fill('驿城区生物医药产业园')
      await h.screenshot('pf-05-contact-draft')
      await visible().locator('#submit-save').click()
      await visible().locator(`#contact-platform-${KEY_LAB}`).getByText(title).waitFor()
      await h.screenshot('pf-06-contact-page')
      // Not public yet.
      const before = await h.api<PlatformView>('platform.get', { id: KEY_LAB }, STUDENT)
      expect(before.ok && before.data.upcoming.map((a) => a.title)).not.toContain(title)

      await signInAsDemo(page, h.baseUrl, 'demo-staff')
      await page.goto(appUrl(h.baseUrl, `packages/platform/pages/detail/index?id=${KEY_LAB}`))
      await page.reload()
      const waiting = visible().locator('[id^=staff-draft-]', { hasText: title })
      await waiting.waitFor()
      await h.screenshot('pf-07-staff-review')
      await waiting.locator('[id^=staff-approve-]').click()
      await visible().locator('#platform-upcoming').getByText(title).waitFor()
      // The staff editor of the same platform (its contact shown to staff only).
      await page.goto(appUrl(h.baseUrl, `packages/platform/pages/edit/index?id=${KEY_LAB}`))
      await page.reload()
      await expect(inputIn(page, 'contactPhone').inputValue()).resolves.toBe('0396-0000001')
      // A photo: uploaded from the editor, kept by the server, shown on the platform's page.
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible().locator('#platform-photo-add').click()])
      await chooser.setFiles(photoFile())
      await visible().locator('#platform-photo-0 img').waitFor()
      await h.screenshot('pf-08-staff-edit')
      await visible().locator('#platform-save').click()
      // Saved (the editor then leaves): the photo is on the platform's page.
      await eventually(async () => {
        const saved = await h.api<PlatformView>('platform.get', { id: KEY_LAB }, STUDENT)
        return saved.ok ? saved.data.photos.length : -1
      }, 1)
      await page.goto(appUrl(h.baseUrl, `packages/platform/pages/detail/index?id=${KEY_LAB}`))
      await page.reload()
      await visible().locator('#platform-page img').first().waitFor()
      const after = await h.api<PlatformView>('platform.get', { id: KEY_LAB }, STUDENT)
      expect(after.ok && after.data.upcoming.map((a) => a.title)).toContain(title)
      expect(after.ok && after.data.photos).toEqual([expect.stringMatching(/^\/uploads\/[0-9a-f]{24}\.png$/)])
    } catch (error) {
      await h.screenshot('platform-failure-3').catch(() => undefined)
      throw error
    }
  })

  test('staff name a member as the laboratory contact from a search, and remove them', async () => {
    const { page } = h
    const PICKED = 'demo-student-3'
    try {
      const me = await h.api<Member>('member.me', {}, PICKED)
      if (!me.ok) throw new Error(me.error.message)
      await signInAsDemo(page, h.baseUrl, 'demo-staff')
      await page.goto(appUrl(h.baseUrl, `packages/platform/pages/detail/index?id=${KEY_LAB}`))
      await page.reload()
      await visible().locator('#contact-search input').fill(me.data.name)
      await visible().locator('#contact-search-go').click()
      const candidate = visible().locator(`#candidate-${PICKED}`)
      await candidate.getByText(me.data.university).waitFor()
      // The phone is masked in the list.
      await expect(candidate.textContent()).resolves.toMatch(/\d{3}\*{4}\d{4}/)
      await h.screenshot('pf-09-contact-search')
      await visible().locator(`#candidate-add-${PICKED}`).click()
      await visible().locator(`#contact-${PICKED}`).waitFor()
      const named = await h.api<PlatformContactPerson[]>('platform.contacts', { platformId: KEY_LAB }, 'demo-staff')
      expect(named.ok && named.data.map((c) => c.openid)).toContain(PICKED)
      const mine = await h.api<{ platforms: unknown[] }>('platform.mine', {}, PICKED)
      expect(mine.ok && mine.data.platforms).toHaveLength(1)
      await visible().locator(`#contact-remove-${PICKED}`).click()
      await page.locator('.taro__modal .taro-model__confirm').click()
      await visible().locator(`#contact-${PICKED}`).waitFor({ state: 'detached' })
      const gone = await h.api<{ platforms: unknown[] }>('platform.mine', {}, PICKED)
      expect(gone.ok && gone.data.platforms).toEqual([])
    } catch (error) {
      await h.screenshot('platform-failure-4').catch(() => undefined)
      throw error
    }
  })
})

function photoFile(): string {
  const png = new PNG({ width: 96, height: 72 })
  for (let i = 0; i < png.data.length; i += 4) {
    png.data[i] = 40
    png.data[i + 1] = 120
    png.data[i + 2] = 200
    png.data[i + 3] = 255
  }
  const file = path.join(os.tmpdir(), `platform-photo-${process.pid}.png`)
  fs.writeFileSync(file, PNG.sync.write(png))
  return file
}
