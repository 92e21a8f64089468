import type { InboxNotice, Member, Notice, NoticeStats, Page } from '../../types'
import { actAs, currentPage, startHarness, type Harness } from './support'

/**
 * Notices in the browser: staff write to one station (郑州大学翼展驿站) and send; a member of that
 * station sees the count on 首页 and the badge on 我的, opens the inbox and reads it (the count
 * drops); a member of another station sees nothing; staff open the figures and see 已读 1.
 */
describe('notices in the browser', () => {
  let h: Harness

  beforeAll(async () => {
    h = await startHarness()
  })

  afterAll(async () => {
    await h?.close()
  })

  const visible = () => currentPage(h.page)
  const STATION = 'st-demo-1'

  async function ok<T>(action: Parameters<Harness['api']>[0], payload: unknown, openid: string): Promise<T> {
    const reply = await h.api<T>(action, payload, openid)
    if (!reply.ok) throw new Error(`${action}: ${reply.error.message}`)
    return reply.data
  }

  /** Demo students, read over HTTP: one in the station, one in another station. */
  async function findStudents(): Promise<{ inStation: string; elsewhere: string }> {
    let inStation = ''
    let elsewhere = ''
    for (let i = 1; i <= 20 && !(inStation && elsewhere); i += 1) {
      const openid = `demo-student-${i}`
      const me = await ok<Member | null>('member.me', {}, openid)
      if (!me?.stationId) continue
      if (me.stationId === STATION && !inStation) inStation = openid
      if (me.stationId !== STATION && !elsewhere) elsewhere = openid
    }
    if (!inStation || !elsewhere) throw new Error('the demo data has no members in and out of st-demo-1')
    return { inStation, elsewhere }
  }

  const unread = async (openid: string) => (await ok<{ count: number }>('notice.unreadCount', {}, openid)).count

  test('staff send to one station, its member reads it, another station sees nothing, staff see 已读 1', async () => {
    try {
      await journey()
    } catch (error) {
      await h.screenshot('notices-failure').catch(() => undefined)
      throw error
    }
  })

  async function journey() {
    const { page } = h
    const { inStation, elsewhere } = await findStudents()
    const title = '驿站秋季返乡交流会（测试）'
    const url = 'https://example.com/yizhan?from=notice'
    const body = `各位老乡：\n本周六下午在驿站活动室举行返乡交流会。\n报名表：${url}\n<b>不是粗体</b>`
    const before = { member: await unread(inStation), other: await unread(elsewhere) }
    const expected = (await ok<{ recipients: number }>('notice.preview', { audience: { stationIds: [STATION] } }, 'demo-staff')).recipients
    expect(expected).toBeGreaterThan(0)

    // Staff: 我的 → 通知管理 → 写通知, to 郑州大学翼展驿站.
    await page.goto(h.baseUrl)
    await actAs(page, h.baseUrl, 'demo-staff', '团市委示例工作人员', 'pages/mine/index')
    await visible().locator('#mine-manage-notices').click()
    await visible().locator('#notice-new').click()
    await visible().locator('#field-title input').fill(title)
    await visible().locator('#field-body textarea').fill(body)
    await visible().locator('#audience-kind-filter').click()
    await visible().locator(`#audience-station-${STATION}`).click()
    await visible().locator('#notice-preview', { hasText: `预计送达 ${expected} 人` }).waitFor()
    await h.screenshot('notices-1-compose')
    await visible().locator('#notice-send').click()
    await page.locator('.taro__modal .taro-model__confirm', { hasText: '发送' }).click()

    // Back on the list: the notice, sent, to the station's members.
    const row = visible().locator('#notice-list .mn-item', { hasText: title })
    await row.waitFor()
    await expect(row.textContent()).resolves.toContain('已发送')
    const sent = (await ok<Page<Notice>>('notice.list', { mine: true }, 'demo-staff')).items.find((n) => n.title === title)
    if (!sent) throw new Error('the notice is not in notice.list')
    expect(sent).toMatchObject({ status: 'sent', recipients: expected, audience: { stationIds: [STATION], all: false } })
    await expect(unread(inStation)).resolves.toBe(before.member + 1)

    // The member: the bell on 首页 and the badge on 我的 say how many wait.
    await actAs(page, h.baseUrl, inStation, inStation, 'pages/index/index')
    const count = String(before.member + 1)
    await visible().locator('#home-bell-count', { hasText: count }).waitFor()
    await page.locator('.taro-tabbar-badge', { hasText: count }).waitFor()
    await visible().locator('#home-bell').click()
    const item = visible().locator(`#inbox-${sent.id}`)
    await item.waitFor()
    await expect(item.locator('.inbox-item__dot').count()).resolves.toBe(1)
    await visible().locator('#inbox-unread', { hasText: `${count} 条未读` }).waitFor()
    await h.screenshot('notices-2-inbox')

    // Open it: plain text with its line breaks, the link as text, no markup; it is read now.
    await item.click()
    await visible().locator('#notice-title', { hasText: title }).waitFor()
    const shown = visible().locator('#notice-body')
    await expect(shown.innerText()).resolves.toContain('本周六下午在驿站活动室举行返乡交流会。\n报名表：')
    await expect(shown.locator('.notice-body__url').innerText()).resolves.toBe(url)
    await expect(shown.innerText()).resolves.toContain('<b>不是粗体</b>')
    await expect(shown.locator('b, a').count()).resolves.toBe(0)
    await h.screenshot('notices-3-notice')
    await expect(unread(inStation)).resolves.toBe(before.member)

    // Back in the inbox: the dot is gone and the count dropped; 我的 shows no badge for it.
    await page.goBack()
    await visible().locator(`#inbox-${sent.id}:not(.inbox-item--unread)`).waitFor()
    await expect(visible().locator(`#inbox-${sent.id} .inbox-item__dot`).count()).resolves.toBe(0)
    await actAs(page, h.baseUrl, inStation, inStation, 'pages/mine/index')
    await visible().locator('#mine-inbox').waitFor()
    if (before.member === 0) {
      await visible().locator('#mine-inbox', { hasText: '暂无未读' }).waitFor()
      await expect(page.locator('.taro-tabbar-badge').count()).resolves.toBe(0)
    } else {
      await visible().locator('#mine-inbox-unread', { hasText: `${before.member} 条未读` }).waitFor()
    }

    // A member of another station: nothing new, in the browser and over HTTP.
    await actAs(page, h.baseUrl, elsewhere, elsewhere, 'pages/inbox/index')
    await visible().locator('#inbox-list, .state-view--empty').first().waitFor()
    await expect(visible().locator(`#inbox-${sent.id}`).count()).resolves.toBe(0)
    await expect(unread(elsewhere)).resolves.toBe(before.other)
    const theirs = await ok<Page<InboxNotice>>('notice.inbox', {}, elsewhere)
    expect(theirs.items.map((n) => n.id)).not.toContain(sent.id)

    // Staff: the figures show 1 read, and so does notice.stats.
    await actAs(page, h.baseUrl, 'demo-staff', '团市委示例工作人员', 'packages/manage/pages/notices/index')
    await visible().locator(`#notice-${sent.id}`).click()
    await visible().locator('#ns-read .ns-figure__value', { hasText: '1' }).waitFor()
    await expect(visible().locator('#ns-recipients .ns-figure__value').innerText()).resolves.toBe(String(expected))
    await h.screenshot('notices-4-stats')
    const stats = await ok<NoticeStats>('notice.stats', { id: sent.id }, 'demo-staff')
    expect(stats).toMatchObject({ recipients: expected, read: 1 })
  }
})
