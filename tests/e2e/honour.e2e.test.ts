import type { Award, Juror, JuryAssignment, JuryDrawView, Member, Nomination } from '../../types'
import { actAs, currentPage, eventually, startHarness, type Harness } from './support'

/**
 * Honours in the browser: staff define 驻马店青年五四奖章 with eligibility; a station head
 * nominates a member, who confirms; unit publicity passes (the server's clock is moved past it);
 * screening rejects an over-age nominee with the reason; three jurors are drawn, one declares a
 * conflict and is replaced, and they score blind; the shortlist goes to 公示; an anonymous
 * objection is refused and a real-name one is recorded and resolved; the award is made and
 * shows in the member's 翼展档案. Round 2: the head returns an application for revision with a
 * reason, the applicant revises and resubmits; staff close the award once every nomination ended.
 * Round 4: the head attaches a photo and a file from the device; the member confirms from the
 * notice's link; staff draw the jury by structure in the browser (seed recorded, replay checked);
 * the juror sees the file under a masked name; the member opens the certificate from 翼展档案.
 * Steps the UI need not show go over HTTP.
 */
/** A 1×1 PNG and a minimal PDF: what the upload checks by their bytes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n')

describe('honours in the browser', () => {
  let h: Harness
  let offsetMs = 0
  const clock = { now: () => new Date(Date.now() + offsetMs) }
  const laterDays = (days: number) => {
    offsetMs += days * 86_400_000
  }

  beforeAll(async () => {
    h = await startHarness({ clock })
  })

  afterAll(async () => {
    await h?.close()
  })

  const visible = () => currentPage(h.page)
  const STATION = 'st-demo-1'
  const HEAD = 'demo-head-1'
  const STAFF = 'demo-staff'

  async function ok<T>(action: Parameters<Harness['api']>[0], payload: unknown, openid: string): Promise<T> {
    const reply = await h.api<T>(action, payload, openid)
    if (!reply.ok) throw new Error(`${action}: ${reply.error.message}`)
    return reply.data
  }

  /** Two demo members of 郑州大学's station who are not in the demo 公示. */
  async function members(): Promise<Member[]> {
    const found: Member[] = []
    for (let i = 3; i <= 20 && found.length < 2; i += 1) {
      const me = await ok<Member | null>('member.me', {}, `demo-student-${i}`)
      if (me?.stationId === STATION && me.role === 'student') found.push(me)
    }
    if (found.length < 2) throw new Error('the demo data has too few members in st-demo-1')
    return found
  }

  /** A screenshot once toasts have gone (a toast over the page is not part of it). */
  async function shot(name: string) {
    // Taro's toast root is hidden with `display: none` (its children are fixed, so it has no box).
    await h.page.waitForFunction(() => {
      const toast = document.querySelector<HTMLElement>('.taro__toast')
      return !toast || toast.style.display === 'none'
    })
    await h.screenshot(name)
  }

  test('define, nominate, confirm, screen, review blind, 公示 with objections, award, 翼展档案', async () => {
    try {
      await journey()
    } catch (error) {
      await shot('honour-failure').catch(() => undefined)
      throw error
    }
  })

  async function journey() {
    const { page } = h
    const [amy, bob] = await members()
    const cutoff = `${new Date().getFullYear() + 1}-05-04`

    // Staff: 团市委工作台 → 评优评先 → 新建奖项, with an age window at a cut-off date.
    await page.goto(h.baseUrl)
    await actAs(page, h.baseUrl, STAFF, '团市委示例工作人员', 'packages/staff/pages/index/index')
    await visible().locator('#staff-honours').click()
    await visible().locator('#award-new').click()
    await visible().locator('#field-name input').fill('驻马店青年五四奖章')
    await visible().locator('#field-description textarea').fill('表彰在驻马店发展中作出突出贡献的优秀青年')
    await visible().locator('#field-eligibility\\.cutoffDate input').fill(cutoff)
    await shot('honour-1-award')
    await visible().locator('#award-save').click()
    await visible().locator('#honour-manage').waitFor()
    const award = (await ok<Award[]>('honour.awards', {}, STAFF)).find((a) => a.name === '驻马店青年五四奖章')
    if (!award) throw new Error('the award was not created')
    expect(award.eligibility).toMatchObject({ minAge: 14, maxAge: 35, cutoffDate: cutoff })

    // The head nominates a member of the station; the birth date is collected with the materials.
    await actAs(page, h.baseUrl, HEAD, HEAD, `packages/honour/pages/nominate/index?awardId=${award.id}`)
    await visible().locator(`#nominee-${amy.openid}`).click()
    await visible().locator('#field-materials\\.birthDate input').fill('2002-03-04')
    await visible().locator('#field-materials\\.summary input').fill('发起返乡支教项目，服务乡村小学三年。')
    await visible().locator('#field-materials\\.deeds textarea').fill(`${amy.name}在${amy.university}发起“返乡支教”项目，带领同学走进乡村小学。`)
    // A photo from the album and a file from the device, uploaded at once (local storage).
    const photoChooser = page.waitForEvent('filechooser')
    await visible().locator('#honour-photo-add').click()
    await (await photoChooser).setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG })
    await visible().locator('#honour-photo-remove-0').waitFor()
    const fileChooser = page.waitForEvent('filechooser')
    await visible().locator('#honour-file-add').click()
    await (await fileChooser).setFiles({ name: `${amy.name}事迹证明.pdf`, mimeType: 'application/pdf', buffer: PDF })
    await visible().locator('#honour-file-0', { hasText: '事迹证明.pdf' }).waitFor()
    await shot('honour-2-nominate')
    await visible().locator('#honour-nominate-submit').click()
    let nominated: Nomination | undefined
    await eventually(async () => {
      nominated = (await ok<Nomination[]>('honour.list', { scope: 'mine', awardId: award.id }, HEAD))[0]
      return nominated?.state
    }, 'draft')
    const amyId = nominated!.id
    expect(nominated!.materials.photos).toEqual([expect.stringMatching(/^\/uploads\/m-[0-9a-f]{24}\.png$/)])
    expect(nominated!.materials.files).toEqual([{ name: `${amy.name}事迹证明.pdf`, fileId: expect.stringMatching(/^\/uploads\/m-[0-9a-f]{24}\.pdf$/), size: PDF.length }])

    // The member is told, and confirms from the notice's link (it opens the nomination among theirs).
    const told = (await ok<{ items: { id: string; title: string }[] }>('notice.inbox', {}, amy.openid)).items.find((n) => n.title === '你被提名参评驻马店青年五四奖章')
    if (!told) throw new Error('the nominee was not told')
    await actAs(page, h.baseUrl, amy.openid, amy.name, `pages/notice/index?id=${told.id}`)
    await visible().locator('#notice-link').click()
    await visible().locator(`#nomination-${amyId}.honour-row--focus`).waitFor()
    await visible().locator(`#confirm-${amyId}`).click()
    await eventually(async () => (await ok<Nomination[]>('honour.list', { scope: 'mine' }, amy.openid)).find((n) => n.id === amyId)?.confirmedAt !== null, true)
    await shot('honour-3-confirmed')

    // Over HTTP: submit; bob applies himself (born 1985, over age); unit publicity runs its
    // working days and passes; the head recommends both in ranked order.
    await ok('honour.submit', { id: amyId }, HEAD)
    const bobN = await ok<Nomination>('honour.nominate', { awardId: award.id, materials: { birthDate: '1985-01-01', deeds: '社区志愿服务', summary: '社区志愿服务' } }, bob.openid)
    await ok('honour.submit', { id: bobN.id }, bob.openid)

    // The head returns bob's application for revision with a reason; bob sees it, revises and resubmits.
    await actAs(page, h.baseUrl, HEAD, HEAD, 'packages/honour/pages/manage/index')
    await visible().locator(`#manage-award-${award.id}`).click()
    await visible().locator(`#return-${bobN.id}`).click()
    await page.locator('#reason-input textarea').fill('请补充志愿服务时长证明')
    await page.locator('#reason-confirm').click()
    await visible().locator(`#manage-${bobN.id} .honour-state`, { hasText: '已退回修改' }).waitFor()
    await actAs(page, h.baseUrl, bob.openid, bob.name, 'packages/honour/pages/index/index')
    await visible().locator(`#revise-${bobN.id}`).click()
    await visible().locator('#honour-returned', { hasText: '请补充志愿服务时长证明' }).waitFor()
    await visible().locator('#field-materials\\.summary input').fill('社区志愿服务，累计120小时')
    await shot('honour-3b-revise')
    await visible().locator('#honour-nominate-submit').click()
    await eventually(async () => (await ok<Nomination>('honour.get', { id: bobN.id }, bob.openid)).state, 'submitted')
    const bobInbox = await ok<{ items: { title: string }[] }>('notice.inbox', {}, bob.openid)
    expect(bobInbox.items.map((n) => n.title)).toContain('驻马店青年五四奖章提名被退回修改')
    for (const id of [amyId, bobN.id]) await ok('honour.startPublicity', { id }, HEAD)
    laterDays(10)
    for (const id of [amyId, bobN.id]) await ok('honour.unitDecide', { id, approve: true, note: '单位内公示无异议' }, HEAD)
    await ok('honour.recommend', { awardId: award.id, stationId: STATION, ranked: [amyId, bobN.id] }, HEAD)

    // Staff screen in the browser: bob is rejected with the reason.
    await actAs(page, h.baseUrl, STAFF, '团市委示例工作人员', 'packages/honour/pages/manage/index')
    await visible().locator(`#manage-award-${award.id}`).click()
    await visible().locator('#screen-award').click()
    await visible().locator(`#manage-${bobN.id} .honour-reason`, { hasText: '超过35岁' }).waitFor()
    await visible().locator(`#manage-${amyId} .honour-state`, { hasText: '评审中' }).waitFor()
    await shot('honour-4-screening')

    // The juror pool: one at 郑州大学 (an automatic conflict), five others; each redeems an invite.
    const specs = [
      ['郑评委', amy.university, '学科:教育'],
      ['钱评委', '黄淮学院', '学科:教育'],
      ['孙评委', '河南农业大学', '学科:农学'],
      ['周评委', '驻马店市科技局', '行业:科技'],
      ['吴评委', '驻马店市人社局', '行业:人社'],
      ['冯评委', '驻马店市教育局', '行业:教育'],
    ]
    const jurors: { juror: Juror; openid: string }[] = []
    for (const [i, [name, university, tag]] of specs.entries()) {
      const juror = await ok<Juror>('honour.jurorCreate', { name, university, tags: [tag] }, STAFF)
      jurors.push({ juror, openid: `juror-e2e-${i}` })
    }
    for (const { juror, openid } of jurors.slice(1)) await ok('honour.redeemInvite', { code: juror.inviteCode }, openid)

    // Staff draw the round's jury by structure in the browser: a 学科 and an 行业 juror at least, one per unit.
    await visible().locator('#field-draw-required input').fill('学科 行业')
    await visible().locator('#draw-round').click()
    await visible().locator('[id^="draw-check-"]', { hasText: '结果一致' }).waitFor()
    await shot('honour-4b-draw')
    const [draw] = await ok<JuryDrawView[]>('honour.draws', { awardId: award.id }, STAFF)
    expect(draw).toMatchObject({ kind: 'round', nominationIds: [amyId], reproduced: true, structure: { size: 3, maxPerUnit: 1 } })
    expect(draw!.excluded).toEqual([{ jurorId: jurors[0]!.juror.id, reason: '与被提名人同一学校或单位' }])
    // Drawn once: a second draw for the nomination is refused.
    expect((await h.api<JuryAssignment[]>('honour.drawJury', { id: amyId }, STAFF)).ok).toBe(false)
    const openidOf = (jurorId: string) => jurors.find((j) => j.juror.id === jurorId)!.openid

    // The first juror drawn declares a conflict in the browser, before any material is shown.
    const first = openidOf(draw!.panelIds[0]!)
    await actAs(page, h.baseUrl, first, '评委', 'packages/honour/pages/review/index')
    await visible().locator('#declare-conflict-材料1').waitFor()
    await expect(visible().locator('#review-deeds-材料1').count()).resolves.toBe(0)
    await shot('honour-5-declare')
    await visible().locator('#declare-conflict-材料1').click()
    await visible().locator('.state-view--empty').waitFor()

    // The replacement and the others: one scores in the browser, blind; the others over HTTP.
    const active: string[] = []
    for (const { openid } of jurors.slice(1)) {
      const reviews = await h.api<{ nominationId: string; declared: boolean }[]>('honour.myReviews', {}, openid)
      if (reviews.ok && reviews.data.some((r) => r.nominationId === amyId) && openid !== first) active.push(openid)
    }
    expect(active).toHaveLength(3)
    const [browserJuror, ...httpJurors] = active
    await actAs(page, h.baseUrl, browserJuror!, '评委', 'packages/honour/pages/review/index')
    await visible().locator('#declare-none-材料1').click()
    const deeds = visible().locator('#review-deeds-材料1')
    await deeds.waitFor()
    const shown = await deeds.innerText()
    expect(shown).toContain('[已隐去]')
    expect(shown).not.toContain(amy.name)
    expect(shown).not.toContain(amy.university)
    const fileName = await visible().locator('#review-file-name-材料1-0').innerText()
    expect(fileName).toBe('[已隐去]事迹证明.pdf')
    await visible().locator('#field-score input').fill('90')
    await visible().locator('#review-vote-材料1-yes').click()
    await shot('honour-6-blind-review')
    await visible().locator('#review-submit-材料1').click()
    await visible().locator('#review-submit-材料1', { hasText: '修改评分' }).waitFor()
    for (const openid of httpJurors) {
      await ok('honour.declare', { id: amyId, conflict: false }, openid)
      await ok('honour.score', { id: amyId, score: 85, approve: true, comment: '事迹突出' }, openid)
    }

    // Staff tally and publish the shortlist to 公示 in the browser.
    await actAs(page, h.baseUrl, STAFF, '团市委示例工作人员', 'packages/honour/pages/manage/index')
    await visible().locator(`#manage-award-${award.id}`).click()
    await visible().locator(`#tally-${amyId}`).click()
    await visible().locator(`#manage-${amyId} .honour-state`, { hasText: '入围' }).waitFor()
    await visible().locator('#publish-notice').click()
    await visible().locator(`#manage-${amyId} .honour-state`, { hasText: '公示中' }).waitFor()

    // The public 公示 page: an anonymous objection is refused, a real-name one is recorded.
    await actAs(page, h.baseUrl, 'visitor-e2e', '访客', `packages/honour/pages/notice/index?awardId=${award.id}`)
    await visible().locator(`#notice-${amyId}`, { hasText: '发起返乡支教项目' }).waitFor()
    await shot('honour-7-notice')
    await visible().locator(`#object-${amyId}`).click()
    await visible().locator('#field-reason textarea').fill('我听说支教时长有出入')
    await visible().locator('#objection-submit').click()
    await visible().locator('#error-kind', { hasText: '不受理匿名异议' }).waitFor()
    await shot('honour-8-anonymous-refused')
    await visible().locator('#objection-kind-personal').click()
    await visible().locator('#field-realName input').fill('陈实')
    await visible().locator('#field-phone input').fill('13900001111')
    await visible().locator('#objection-submit').click()
    await page.locator('.taro__modal :visible', { hasText: '已收到你的异议' }).first().waitFor()
    await page.locator('.taro__modal .taro-model__confirm:visible').click()

    // Staff see it (phone masked), resolve it privately with a recorded outcome, and award.
    await actAs(page, h.baseUrl, STAFF, '团市委示例工作人员', 'packages/honour/pages/manage/index')
    await visible().locator(`#manage-award-${award.id}`).click()
    await visible().locator(`#objections-${amyId}`).click()
    await visible().locator(`#manage-${amyId}`, { hasText: '陈实（139****1111）' }).waitFor()
    await visible().locator(`#dismiss-${amyId}`).click()
    await page.locator('#reason-input textarea').fill('经核查，支教记录属实，异议不成立')
    await shot('honour-9-objection')
    await page.locator('#reason-confirm').click()
    await visible().locator(`#manage-${amyId} .honour-state`, { hasText: '审定通过' }).waitFor()
    await visible().locator(`#grant-${amyId}`).click()
    await visible().locator(`#manage-${amyId} .honour-state`, { hasText: '已授予' }).waitFor()
    // Every nomination has ended: the award closes and takes no more nominations.
    await visible().locator('#award-close').click()
    await visible().locator(`#manage-award-${award.id}`, { hasText: '已结束' }).waitFor()
    expect((await h.api('honour.nominate', { awardId: award.id, materials: { birthDate: '2002-01-01', deeds: '事迹', summary: '简介' } }, amy.openid)).ok).toBe(false)

    // The member's 翼展档案 shows the honour.
    await actAs(page, h.baseUrl, amy.openid, amy.name, 'pages/growth/index')
    await visible().locator('#growth-honours', { hasText: '驻马店青年五四奖章' }).waitFor()
    await shot('honour-10-growth')
    // …and opens its certificate, drawn on a canvas without a console error.
    const consoleErrors: string[] = []
    const onConsole = (message: { type(): string; text(): string }) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    }
    const onError = (error: Error) => consoleErrors.push(error.message)
    page.on('console', onConsole)
    page.on('pageerror', onError)
    await visible().locator(`#growth-honour-${amyId}`).click()
    const certificate = visible().locator('#certificate-image img')
    await certificate.waitFor()
    await eventually(async () => certificate.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), true)
    await shot('honour-11-certificate')
    page.off('console', onConsole)
    page.off('pageerror', onError)
    expect(consoleErrors).toEqual([])
    const history = (await ok<Nomination & { history: { action: string }[] }>('honour.get', { id: amyId }, amy.openid)).history.map((e) => e.action)
    expect(history).toEqual(['create', 'confirm', 'submit', 'start_publicity', 'unit_approve', 'recommend', 'screen_pass', 'shortlist', 'publish_notice', 'object', 'dismiss_objections', 'award'])
  }
})
