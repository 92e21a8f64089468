import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { Page } from 'playwright-core'
import { PRIVACY_VERSION } from '../../types'
import { ARTIFACTS_DIR, appUrl, auditA11y, eventually, expectAccessible, startHarness, type Harness } from './support'

/**
 * Defects from the hands-on walkthrough (shared research ux.md), each checked the way a person would
 * notice it: a disabled button whose label vanished, an invite QR cropped to half, and text that did
 * not follow the reader's text size (关怀模式 and 1.4× / 2× text, with screenshots).
 */
describe('walkthrough defects stay fixed', () => {
  let h: Harness

  beforeAll(async () => {
    h = await startHarness()
    const signedUp = await h.api('activity.signUp', { activityId: 'ac-demo-summer', answers: { team: '希望组队' } }, 'demo-student-1')
    if (!signedUp.ok) throw new Error(signedUp.error.message)
  })

  afterAll(async () => {
    await h?.close()
  })

  async function as(openid: string, pagePath: string) {
    await h.page.goto(h.baseUrl)
    await h.page.evaluate((o) => {
      window.localStorage.setItem('yz.demo.openid', o)
      window.localStorage.setItem('yz.demo.label', o)
    }, openid)
    await h.page.goto(appUrl(h.baseUrl, pagePath))
    await h.page.reload()
  }

  const shown = (page: Page, selector: string) => page.locator(selector).filter({ visible: true }).first()

  test('a disabled 签到 button keeps a readable label (contrast ≥ 4.5:1)', async () => {
    const { page } = h
    await as('demo-student-1', 'pages/check-in/index?activityId=ac-demo-summer')
    const button = shown(page, '#short-code-submit')
    await button.waitFor()
    // Until six digits are typed the button is disabled: it used to be white text on white.
    expect(await button.getAttribute('disabled')).not.toBe('false')
    const ratio = await button.evaluate((el) => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number)
      const lum = ([r, g, b]: number[]) => {
        const f = (v: number) => {
          const s = v / 255
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
        }
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
      }
      const style = getComputedStyle(el)
      const [r, g, b, a = 1] = rgb(style.color)
      const bg = rgb(style.backgroundColor)
      const back = bg.length === 4 && bg[3] === 0 ? [255, 255, 255] : bg.slice(0, 3)
      // Blend a translucent label over its background, as the eye sees it.
      const fore = [r, g, b].map((v, i) => v * a + back[i] * (1 - a))
      const [l1, l2] = [lum(fore), lum(back)].sort((x, y) => y - x)
      return (l1 + 0.05) / (l2 + 0.05)
    })
    expect(ratio).toBeGreaterThanOrEqual(4.5)
    await h.screenshot('walk-checkin-disabled')
  })

  test('the station invite QR is drawn whole and decodes to the station link', async () => {
    const { page } = h
    await as('demo-head-1', 'pages/station/index?id=st-demo-1')
    await shown(page, '#invite-open').click()
    const image = shown(page, '#invite-image')
    await image.waitFor()
    await page.waitForTimeout(300)
    const url = (await shown(page, '#invite-url').innerText()).trim()
    // Decode what is on screen inside the image's box, not the file: the defect was the picture
    // sitting half outside its box.
    const shot = PNG.sync.read(await image.screenshot({ path: path.join(ARTIFACTS_DIR, 'walk-invite-qr.png') }))
    const code = jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height)
    expect(code?.data).toBe(url)
    await h.screenshot('walk-invite-panel')
  })

  test('a 首页 card opens what it describes: 暑期社会实践 opens 活动 showing that kind', async () => {
    const { page } = h
    await as('demo-student-3', 'pages/index/index')
    await shown(page, '#home-offer-summer').click()
    await shown(page, '#type-summer_practice').waitFor()
    await eventually(() => shown(page, '#type-summer_practice').getAttribute('aria-checked'), 'true')
    await shown(page, '#activity-ac-demo-summer').waitFor()
    expect(await page.locator('[id^=activity-ac-]').filter({ visible: true }).count()).toBe(1)
  })

  test('首页 asks for 接下来 together with the profile: one round trip on a slow network, not two', async () => {
    const { page } = h
    await as('demo-student-1', 'pages/index/index')
    await shown(page, '#home-next-mine').waitFor()
    // Every /api answer now takes 800 ms; note when each action was asked and when it was answered.
    const calls: { action: string; start: number; end: number }[] = []
    await page.route('**/api', async (route) => {
      const action = String((route.request().postDataJSON() as { action?: string } | null)?.action)
      const call = { action, start: Date.now(), end: Infinity }
      calls.push(call)
      await new Promise((r) => setTimeout(r, 800))
      const response = await route.fetch()
      call.end = Date.now()
      await route.fulfill({ response })
    })
    try {
      await page.reload()
      await shown(page, '#home-next-mine').waitFor()
      const first = (action: string) => calls.find((c) => c.action === action)
      const me = first('member.me')
      const mine = first('activity.myRegistrations')
      expect(me && mine).toBeTruthy()
      // Waterfall would ask for the sign-ups only after the profile came back.
      expect(mine!.start).toBeLessThan(me!.end)
      expect(first('activity.list')!.start).toBeLessThan(me!.end)
      expect(first('policy.search')!.start).toBeLessThan(me!.end)
      await h.screenshot('walk-home-next-slow')
      // 驿站 likewise: the list (with "your university's station") does not wait for the profile.
      calls.length = 0
      await page.goto(appUrl(h.baseUrl, 'pages/stations/index'))
      await page.reload()
      await shown(page, '.station-card').waitFor()
      expect(first('station.list')!.start).toBeLessThan(first('member.me')!.end)
    } finally {
      await page.unroute('**/api')
    }
  })

  test('a station head sees the requests waiting for them as a badge on 我的 and on 首页', async () => {
    const { page } = h
    await as('demo-head-1', 'pages/mine/index')
    const badge = shown(page, '#mine-head-pending')
    await badge.waitFor()
    expect(await badge.innerText()).toMatch(/^[1-9]\d* 待审核$/)
    // …and on 首页, where they land, with the workbench one tap away.
    await page.goto(appUrl(h.baseUrl, 'pages/index/index'))
    await page.reload()
    const onHome = shown(page, '#home-head-pending')
    await onHome.waitFor()
    expect(await onHome.innerText()).toMatch(/^[1-9]\d* 待审核$/)
    await shown(page, '#home-workbench').click()
    await shown(page, '#head-requests').waitFor()
  })

  test('活动 lists what is ahead first and the ended ones (the 挑战杯, a past lab visit) last', async () => {
    const { page } = h
    await as('demo-student-3', 'pages/activities/index')
    await shown(page, '#activity-ac-demo-contest').waitFor()
    const order = await page.locator('.activity-card').filter({ visible: true }).evaluateAll((cards) => cards.map((c) => c.id))
    const ended = ['activity-ac-demo-contest', 'activity-ac-demo-platform-past']
    expect(order.slice(-ended.length).sort()).toEqual(ended)
    expect(ended).not.toContain(order[0])
  })

  test('a server failure and a network failure are worded differently', async () => {
    const { page } = h
    // The browser reports the failures this step causes on purpose; nothing else may show up.
    h.allowConsoleErrors(/Failed to load resource: (the server responded with a status of 500|net::ERR_INTERNET_DISCONNECTED)/, 'this step answers /api with a 500, then cuts the network')
    await as('demo-student-3', 'pages/index/index')
    await shown(page, '#home-welcome').waitFor()
    await page.route('**/api', (route) => route.fulfill({ status: 500, contentType: 'text/html', body: '<h1>500</h1>' }))
    await page.goto(appUrl(h.baseUrl, 'pages/activities/index'))
    await page.reload()
    const error = shown(page, '.state-view--error')
    await error.waitFor()
    expect(await error.innerText()).toContain('服务器出了点问题')
    await page.unroute('**/api')
    await page.route('**/api', (route) => route.abort('internetdisconnected'))
    await page.reload()
    await shown(page, '.state-view--error').waitFor()
    expect(await shown(page, '.state-view--error').innerText()).toContain('网络连接不上')
    await page.unroute('**/api')
  })

  test('staff find activities by status and by search; a policy just saved is pinned on return, with no console errors', async () => {
    const { page } = h
    await as('demo-staff', 'packages/manage/pages/activities/index')
    await shown(page, '#activity-ac-demo-summer').waitFor()
    await shown(page, '#manage-status-draft').click()
    await eventually(() => shown(page, '#manage-status-draft').getAttribute('aria-checked'), 'true')
    await page.waitForTimeout(500)
    const badges = await page.locator('#manage-list .badge').filter({ visible: true }).allInnerTexts()
    expect(badges.every((b) => b === '草稿')).toBe(true)
    await shown(page, '#manage-status-all').click()
    const search = shown(page, '#manage-search input')
    await search.fill('暑期')
    await search.press('Enter')
    await shown(page, '#activity-ac-demo-summer').waitFor()
    await eventually(async () => (await page.locator('.activity-card').filter({ visible: true }).count()) >= 1, true)
    const titles = await page.locator('.activity-card').filter({ visible: true }).allInnerTexts()
    expect(titles.every((t) => t.includes('暑期'))).toBe(true)
    await h.screenshot('walk-staff-activities-filtered')

    // A new policy: saved, toast, back to the list, which shows it on top at once (the harness fails
    // the step on any console error, the toast-then-navigate one included).
    await as('demo-staff', 'packages/staff/pages/policies/index')
    await shown(page, '#staff-policy-list').waitFor()
    await shown(page, '#policy-new').click()
    const title = '走查新建政策：青年人才驿站补贴（草稿）'
    await shown(page, '#field-title input').waitFor()
    await shown(page, '#field-title input').fill(title)
    await shown(page, '#category-measure').click()
    await shown(page, '#field-summary textarea').fill('来驻马店的青年人才可以申请驿站补贴。')
    await shown(page, '#field-body textarea').fill('补贴标准\n\n每人每月 500 元。')
    await shown(page, '#policy-save').click()
    const pinned = shown(page, '#staff-policy-list-pinned')
    await pinned.waitFor({ timeout: 15000 })
    expect(await pinned.innerText()).toContain(title)
    expect(await pinned.innerText()).toContain('刚保存')
    await shown(page, '#staff-policy-status-draft').click()
    await shown(page, '#staff-policy-list-pinned').waitFor()
    await shown(page, '#staff-policy-status-published').click()
    await eventually(() => page.locator('#staff-policy-list-pinned').filter({ visible: true }).count(), 0)
    await h.screenshot('walk-staff-policy-pinned')
  })

  test('a policy CSV with an impossible 生效日期 (2026-13-01) is reported by row, not stored', async () => {
    const { page } = h
    const csv = path.join(os.tmpdir(), `walk-policy-import-${Date.now()}.csv`)
    fs.writeFileSync(csv, '标题,类别,摘要,正文,生效日期\n走查导入：好的一行,政策措施,摘要,"第一段\n第二段",2026-12-01\n走查导入：不可能的日期,政策措施,摘要,正文,2026-13-01\n')
    try {
      await as('demo-staff', 'packages/staff/pages/import/index?kind=policy')
      await shown(page, '#import-choose').waitFor()
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), shown(page, '#import-choose').click()])
      await chooser.setFiles(csv)
      await shown(page, '#import-imported').getByText('成功导入 1').waitFor()
      const report = await shown(page, '#import-report').innerText()
      expect(report).toContain('第 3 行')
      expect(report).toContain('生效日期不是有效的日期')
      await h.screenshot('walk-policy-import-impossible-date')
      const stored = await h.api<{ items: { title: string }[] }>('policy.search', { q: '走查导入', manage: true }, 'demo-staff')
      expect(stored.ok && stored.data.items.map((p) => p.title)).toEqual(['走查导入：好的一行'])
    } finally {
      fs.rmSync(csv, { force: true })
    }
  })

  test('a member whose 学校 was typed as 郑大 is asked “你的学校是郑州大学吗？” on 我的, and 是 updates the profile', async () => {
    const { page } = h
    const registered = await h.api(
      'member.register',
      {
        name: '走查同学',
        phone: '13812345678',
        university: '郑大',
        college: '信息工程学院',
        major: '软件工程',
        degree: 'bachelor',
        enrollmentYear: 2022,
        graduationYear: 2026,
        hometownCounty: 'suiping',
        fields: ['electronics'],
        consentVersion: PRIVACY_VERSION,
      },
      'e2e-zhengda',
    )
    if (!registered.ok) throw new Error(registered.error.message)
    await as('e2e-zhengda', 'pages/mine/index')
    const prompt = shown(page, '#university-confirm')
    await prompt.waitFor()
    expect(await prompt.innerText()).toContain('你的学校是郑州大学吗？')
    await h.screenshot('walk-university-confirm')
    await shown(page, '#university-confirm-yes').click()
    await eventually(() => page.locator('#university-confirm').filter({ visible: true }).count(), 0)
    const me = await h.api<{ university: string } | null>('member.me', {}, 'e2e-zhengda')
    expect(me.ok && me.data?.university).toBe('郑州大学')
    await page.reload()
    await shown(page, '#care-mode').waitFor()
    expect(await page.locator('#university-confirm').filter({ visible: true }).count()).toBe(0)
  })

  /** Nothing sticks out sideways, no text is clipped by its box, and no two pieces of text overlap. */
  async function layoutProblems(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const problems: string[] = []
      const root = [...document.querySelectorAll<HTMLElement>('.taro_page')].filter((p) => p.offsetParent !== null || getComputedStyle(p).display !== 'none').pop()
      if (!root) return ['no page shown']
      const width = document.documentElement.clientWidth
      if (root.scrollWidth > root.clientWidth + 1) problems.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`)
      const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} “${(el.textContent ?? '').trim().slice(0, 12)}”`
      const leaves: { el: HTMLElement; r: DOMRect; fixed: boolean }[] = []
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement
        if (!el || !(n.textContent ?? '').trim()) continue
        const style = getComputedStyle(el)
        if (style.visibility === 'hidden' || style.display === 'none') continue
        const range = document.createRange()
        range.selectNodeContents(n)
        const r = range.getBoundingClientRect()
        if (r.width === 0 || r.height === 0) continue
        if (r.left < -1 || r.right > width + 1) problems.push(`${name(el)} runs off the screen (${Math.round(r.left)}–${Math.round(r.right)})`)
        // Clipped: the box cuts its own text off (ellipsis counts as a deliberate, readable cut).
        if ((style.overflowX === 'hidden' || style.overflow === 'hidden') && style.textOverflow !== 'ellipsis' && el.scrollWidth > el.clientWidth + 2) {
          problems.push(`${name(el)} is cut off (${el.scrollWidth} > ${el.clientWidth})`)
        }
        let fixed = false
        for (let a: HTMLElement | null = el; a && a !== root; a = a.parentElement) if (getComputedStyle(a).position === 'fixed') fixed = true
        leaves.push({ el, r, fixed })
      }
      // Overlap among text in the page's flow (a fixed bar floats over content by design).
      const flow = leaves.filter((l) => !l.fixed)
      for (let i = 0; i < flow.length; i++) {
        for (let j = i + 1; j < flow.length; j++) {
          const a = flow[i].r
          const b = flow[j].r
          const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left)
          const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
          if (dx > 2 && dy > 2 && !flow[i].el.contains(flow[j].el) && !flow[j].el.contains(flow[i].el)) {
            problems.push(`${name(flow[i].el)} overlaps ${name(flow[j].el)}`)
          }
        }
      }
      return problems.slice(0, 10)
    })
  }

  const PAGES = [
    { key: 'home', path: 'pages/index/index', ready: '#home-welcome' },
    { key: 'activity', path: 'pages/activity/index?id=ac-demo-lab', ready: '#activity-places' },
    { key: 'signup-form', path: 'pages/activity/index?id=ac-demo-summer', ready: '#answer-topic' },
    { key: 'mine', path: 'pages/mine/index', ready: '#care-mode' },
  ]

  for (const scale of [1.4, 2]) {
    test(`at ${scale}× text, home, activity, sign-up form and 我的 show everything, nothing cut off or overlapping`, async () => {
      const { page } = h
      // The reader's text size: Chromium's default font size is what a phone's text setting raises.
      const cdp = await h.context.newCDPSession(page)
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: Math.round(16 * scale), fixed: Math.round(13 * scale) } })
      try {
        await as('demo-student-3', 'pages/index/index')
        const problems: string[] = []
        for (const p of PAGES) {
          await page.goto(appUrl(h.baseUrl, p.path))
          await page.reload()
          await shown(page, p.ready).waitFor()
          await page.waitForTimeout(600)
          const root = await page.evaluate(() => parseFloat(document.documentElement.style.fontSize))
          const body = await shown(page, '.page').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
          // 15 px body text at 100 % on a 390-wide phone; it must grow with the setting.
          expect(body).toBeGreaterThanOrEqual(15 * scale * 0.95)
          expect(root).toBeGreaterThan(20)
          await page.screenshot({ path: path.join(ARTIFACTS_DIR, `text-${scale}x-${p.key}.png`), fullPage: true })
          for (const problem of await layoutProblems(page)) problems.push(`${p.key}: ${problem}`)
        }
        expect(problems).toEqual([])
      } finally {
        await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16, fixed: 13 } })
        await cdp.detach()
      }
    })
  }

  test('a keyboard reaches the home cards and buttons, and the one in focus has a visible ring (≥ 3:1)', async () => {
    const { page } = h
    await as('demo-student-1', 'pages/index/index')
    await shown(page, '#home-next-mine').waitFor()
    const seen: { id: string; kind: string; ratio: number; outline: string }[] = []
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Tab')
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null
        if (!el || el === document.body || el.classList.contains('taro_page')) return null
        const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number)
        const lum = ([r, g, b]: number[]) => {
          const f = (v: number) => {
            const x = v / 255
            return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4
          }
          return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
        }
        // The ring sits just outside the control: compare it with what is behind the control.
        let back = [255, 255, 255]
        for (let a: HTMLElement | null = el.parentElement; a; a = a.parentElement) {
          // A gradient (the red hero) counts by its first colour, where the gradient starts at the top.
          const gradient = getComputedStyle(a).backgroundImage.match(/rgba?\([^)]*\)/)
          if (gradient) {
            back = rgb(gradient[0]).slice(0, 3)
            break
          }
          const bg = rgb(getComputedStyle(a).backgroundColor)
          if (bg.length === 3 || (bg.length === 4 && bg[3] > 0.5)) {
            back = bg.slice(0, 3)
            break
          }
        }
        const style = getComputedStyle(el)
        const [l1, l2] = [lum(rgb(style.outlineColor)), lum(back)].sort((x, y) => y - x)
        return {
          id: el.id,
          kind: el.getAttribute('role') ?? el.tagName.toLowerCase(),
          ratio: (l1 + 0.05) / (l2 + 0.05),
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
        }
      })
      if (focus) seen.push(focus)
    }
    // Tab reached the 接下来 rows and the offer cards, each drawn with a solid ring of enough contrast.
    expect(seen.some((f) => f.id === 'home-next-mine')).toBe(true)
    expect(seen.some((f) => f.id.startsWith('home-offer-') || f.id === 'home-stations')).toBe(true)
    for (const f of seen) {
      expect(`${f.id || f.kind}: ${f.outline}`).toMatch(/: solid (3|[4-9])(\.\d+)?px$/)
      expect(f.ratio).toBeGreaterThanOrEqual(3)
    }
  })

  /**
   * Every control on the page shown that is shorter than `min` CSS px: buttons, rows, chips, tabs, links,
   * inputs and switches, scrolled into view or not. A link inside a sentence (display inline) is exempt, as
   * WCAG's target-size rule exempts inline links; the H5 tab bar is Taro's (WeChat draws its own native one).
   */
  async function smallTargets(page: Page, min: number): Promise<string[]> {
    return page.evaluate((least) => {
      const root = [...document.querySelectorAll<HTMLElement>('.taro_page')].filter((p) => getComputedStyle(p).display !== 'none').pop()
      if (!root) return ['no page shown']
      const controls = root.querySelectorAll<HTMLElement>(
        'taro-button-core, [role=button], [role=link], [role=tab], [role=checkbox], [role=radio], .pressable, input, textarea, taro-switch-core .weui-switch',
      )
      const small: string[] = []
      for (const control of controls) {
        // A text field is the box drawn around it (Taro wraps the real <input>).
        const el = control.closest<HTMLElement>('taro-input-core, taro-textarea-core') ?? control
        const style = getComputedStyle(el)
        if (style.display === 'none' || style.visibility === 'hidden' || style.display === 'inline') continue
        if (el.closest('[aria-hidden=true]')) continue
        const r = el.getBoundingClientRect()
        if (r.width === 0 && r.height === 0) continue
        if (r.height < least - 0.5) {
          const label = el.getAttribute('aria-label') || (el.textContent ?? '').trim().slice(0, 10) || el.getAttribute('placeholder') || ''
          small.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].slice(0, 2).join('.')} “${label}” ${Math.round(r.height)} px`)
        }
      }
      return small
    }, min)
  }

  const TARGET_PAGES = [
    { key: 'home', openid: 'demo-student-1', path: 'pages/index/index', ready: '#home-next-mine' },
    { key: 'activities', openid: 'demo-student-1', path: 'pages/activities/index', ready: '#activity-list' },
    { key: 'signup-form', openid: 'demo-student-3', path: 'pages/activity/index?id=ac-demo-summer', ready: '#answer-topic' },
    { key: 'mine', openid: 'demo-student-1', path: 'pages/mine/index', ready: '#care-mode' },
    { key: 'staff-activities', openid: 'demo-staff', path: 'packages/manage/pages/activities/index', ready: '#manage-status-all' },
  ]

  for (const care of [false, true]) {
    const least = care ? 60 : 44
    test(`${care ? 'in 关怀模式 every' : 'every'} tappable control on home, 活动, the sign-up form, 我的 and a staff list is ≥ ${least} px tall`, async () => {
      const { page } = h
      const problems: string[] = []
      try {
        for (const p of TARGET_PAGES) {
          await as(p.openid, p.path)
          await page.evaluate((on) => window.localStorage.setItem('yz.care', on ? '1' : '0'), care)
          await page.reload()
          await shown(page, p.ready).waitFor()
          await page.locator('.state-view--loading').filter({ visible: true }).first().waitFor({ state: 'detached', timeout: 10000 }).catch(() => undefined)
          await page.waitForTimeout(400)
          expect(await page.evaluate(() => document.documentElement.classList.contains('care'))).toBe(care)
          for (const small of await smallTargets(page, least)) problems.push(`${p.key}: ${small}`)
          if (care) await h.screenshot(`care-targets-${p.key}`)
        }
      } finally {
        await page.evaluate(() => window.localStorage.removeItem('yz.care'))
      }
      expect(problems).toEqual([])
    })
  }

  test('关怀模式 in 我的 enlarges body text to ≥ 18 px and buttons to ≥ 60 px, and stays on', async () => {
    const { page } = h
    await as('demo-student-3', 'pages/mine/index')
    const sw = shown(page, '#care-mode-switch input')
    await sw.waitFor()
    const before = await shown(page, '#action-delete').evaluate((el) => el.getBoundingClientRect().height)
    expect(before).toBeGreaterThanOrEqual(44)
    await sw.click()
    await page.waitForTimeout(300)
    const body = await shown(page, '.mine').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(body).toBeGreaterThanOrEqual(18)
    const after = await shown(page, '#action-delete').evaluate((el) => el.getBoundingClientRect().height)
    expect(after).toBeGreaterThanOrEqual(60)
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'care-mine.png'), fullPage: true })
    expectAccessible(await auditA11y(page, '关怀模式 · mine'), 'care mine')
    // A new visit keeps the choice; the activity page then reads large too.
    await page.goto(appUrl(h.baseUrl, 'pages/activity/index?id=ac-demo-summer'))
    await page.reload()
    await shown(page, '#subscribe-demo').waitFor()
    expect(await page.evaluate(() => document.documentElement.classList.contains('care'))).toBe(true)
    const activityBody = await shown(page, '.page').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(activityBody).toBeGreaterThanOrEqual(18)
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'care-activity.png'), fullPage: true })
    expect(await layoutProblems(page)).toEqual([])
  })
})
