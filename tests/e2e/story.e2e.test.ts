import fs from 'node:fs'
import path from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { Page, Story } from '../../types'
import { actAs, appUrl, ARTIFACTS_DIR, currentPage, eventually, startHarness, type Harness } from './support'

/**
 * Stories in the browser (issue 17): the head of 郑州大学翼展驿站 writes about a member with a photo;
 * the member consents; the local content-security stand-in answers `review` (the text asks people
 * to 加群); staff see the machine's label and approve; the story is on 首页; a poster is generated
 * and saved, and the code in the saved picture decodes to the story's own link, which opens it.
 */
describe('stories in the browser', () => {
  let h: Harness

  beforeAll(async () => {
    h = await startHarness()
  })

  afterAll(async () => {
    await h?.close()
  })

  const visible = () => currentPage(h.page)
  const HEAD = 'demo-head-1'
  const MEMBER = 'demo-student-1'
  const STAFF = 'demo-staff'

  async function ok<T>(action: Parameters<Harness['api']>[0], payload: unknown, openid: string): Promise<T> {
    const reply = await h.api<T>(action, payload, openid)
    if (!reply.ok) throw new Error(`${action}: ${reply.error.message}`)
    return reply.data
  }

  /** A small photo to upload (a solid PNG). */
  function photoFile(): string {
    const png = new PNG({ width: 96, height: 72 })
    for (let i = 0; i < png.data.length; i += 4) {
      png.data[i] = 200
      png.data[i + 1] = 120
      png.data[i + 2] = 60
      png.data[i + 3] = 255
    }
    const file = path.join(ARTIFACTS_DIR, 'story-photo.png')
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true })
    fs.writeFileSync(file, PNG.sync.write(png))
    return file
  }

  test('head writes, member consents, checker says review, staff approve, home shows it, the poster’s code opens it', async () => {
    try {
      await journey()
    } catch (error) {
      await h.screenshot('story-failure').catch(() => undefined)
      throw error
    }
  })

  async function journey() {
    const { page } = h
    const title = '驿站里的返乡创业者（测试）'

    await page.goto(appUrl(h.baseUrl, 'pages/index/index'))
    // The head writes about a member of the station, with a photo.
    await actAs(page, h.baseUrl, HEAD, '站长（示例）', 'packages/story/pages/edit/index')
    await visible().locator(`#subject-${MEMBER}`).click()
    await visible().locator('#field-title input').fill(title)
    await visible().locator('#field-body textarea').fill('毕业后他回到家乡。\n想一起做电商的同学欢迎加群交流。')
    await visible().locator('#field-tags input').fill('返乡创业 电商')
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible().locator('#story-photo-pick').click()])
    await chooser.setFiles(photoFile())
    await visible().locator('#story-photo-pick img').waitFor()
    await h.screenshot('story-edit')
    await visible().locator('#story-save').click()
    await visible().locator('#story-submit').waitFor()
    const mine = await ok<Page<Story>>('story.mine', {}, HEAD)
    const story = mine.items.find((s) => s.title === title)
    if (!story) throw new Error('the draft was not saved')
    expect(story).toMatchObject({ status: 'draft', subjectOpenid: MEMBER, subjectConsent: 'pending' })
    expect(story.photo).toMatch(/^\/uploads\/[0-9a-f]{24}\.png$/)

    // Submitting: the text goes to the checker now, the photo's answer arrives as an event.
    await visible().locator('#story-submit').click()
    await visible().locator('#story-text-check').waitFor()
    expect(await visible().locator('#story-text-check').innerText()).toContain('需人工复核（广告）')
    await eventually(async () => (await ok<{ story: Story }>('story.get', { id: story.id }, HEAD)).story.status, 'human_review')

    // The member consents.
    await actAs(page, h.baseUrl, MEMBER, '成员（示例）', `packages/story/pages/story/index?id=${story.id}`)
    await visible().locator('#story-consent-agree').click()
    await eventually(async () => (await ok<{ story: Story }>('story.get', { id: story.id }, MEMBER)).story.subjectConsent, 'given')

    // Staff open the review queue, see the machine's label, approve.
    await actAs(page, h.baseUrl, STAFF, '工作人员（示例）', 'packages/story/pages/review/index')
    await visible().locator(`#story-${story.id}`).waitFor()
    expect(await visible().locator(`#story-${story.id}`).innerText()).toContain('需人工复核（广告）')
    await h.screenshot('story-review-queue')
    await visible().locator(`#story-${story.id}`).click()
    await visible().locator('#story-approve').click()
    await eventually(async () => (await ok<{ story: Story }>('story.get', { id: story.id }, STAFF)).story.status, 'published')

    // 首页 shows it.
    await actAs(page, h.baseUrl, 'demo-student-3', '同学（示例）', 'pages/index/index')
    await visible().locator(`#home-stories #story-${story.id}`).waitFor()
    await h.screenshot('story-home')

    // The poster: generated, saved (a download in H5), its code decoded.
    await visible().locator(`#home-stories #story-${story.id}`).click()
    await visible().locator('#story-body').waitFor()
    expect(await visible().locator('#story-body').innerText()).toContain('毕业后他回到家乡。\n想一起做电商')
    await visible().locator('#poster-make').click()
    await visible().locator('#poster-image img').waitFor()
    await h.screenshot('story-poster')
    const [download] = await Promise.all([page.waitForEvent('download'), visible().locator('#poster-save').click()])
    expect(download.suggestedFilename()).toMatch(/\.png$/)
    const saved = path.join(ARTIFACTS_DIR, 'story-poster-saved.png')
    await download.saveAs(saved)
    const poster = PNG.sync.read(fs.readFileSync(saved))
    // Drawn at the device pixel ratio (2 here), under the 8,192 px limit.
    expect(poster.width).toBe(375 * 2)
    expect(poster.height).toBeLessThan(8192)
    const code = jsQR(new Uint8ClampedArray(poster.data), poster.width, poster.height)
    const link = appUrl(h.baseUrl, `packages/story/pages/story/index?scene=${encodeURIComponent(`s=${story.id}`)}`)
    expect(code?.data).toBe(link)

    // The code's link opens the story.
    await page.goto(code!.data)
    await page.reload()
    await eventually(async () => (await visible().locator('#story-title').innerText().catch(() => '')).trim(), title)
  }
})
