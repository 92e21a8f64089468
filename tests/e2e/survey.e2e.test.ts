import ExcelJS from 'exceljs'
import type { Member, Page, Respondent, Survey, SurveyResults } from '../../types'
import { actAs, currentPage, startHarness, type Harness } from './support'

/**
 * Surveys in the browser: staff build a survey with a show-if rule, two pages and a quota, sent to
 * one county; a second staff member approves it; it is published; a member of that county opens
 * it (the first screen states the identity mode), answers the first page, leaves, comes back to
 * 继续上次填写 and submits; staff see who has not answered, remind them, read the results ("<5"
 * in an anonymous survey) and download the export.
 */
describe('surveys in the browser', () => {
  let h: Harness

  beforeAll(async () => {
    h = await startHarness()
  })

  afterAll(async () => {
    await h?.close()
  })

  const visible = () => currentPage(h.page)
  const confirmModal = async (text: string) => {
    await h.page.locator('.taro__modal .taro-model__confirm', { hasText: text }).click()
  }
  const fill = async (id: string, value: string) => {
    await visible().locator(`#${id} input, #${id} textarea`).first().fill(value)
  }

  async function ok<T>(action: Parameters<Harness['api']>[0], payload: unknown, openid: string): Promise<T> {
    const reply = await h.api<T>(action, payload, openid)
    if (!reply.ok) throw new Error(`${action}: ${reply.error.message}`)
    return reply.data
  }

  /** A county with at least two demo students, its first student and another. */
  async function countyWithStudents(): Promise<{ county: string; member: string; other: string }> {
    const byCounty = new Map<string, string[]>()
    for (let i = 1; i <= 20; i += 1) {
      const openid = `demo-student-${i}`
      const me = await ok<Member | null>('member.me', {}, openid)
      if (me) byCounty.set(me.hometownCounty, [...(byCounty.get(me.hometownCounty) ?? []), openid])
    }
    const found = [...byCounty.entries()].find(([, members]) => members.length >= 2)
    if (!found) throw new Error('the demo data has no county with two students')
    return { county: found[0], member: found[1][0]!, other: found[1][1]! }
  }

  test('build, approve, publish, answer half, resume, submit; non-respondents, remind, results, export', async () => {
    try {
      await journey()
    } catch (error) {
      await h.screenshot('survey-failure').catch(() => undefined)
      throw error
    }
  })

  async function journey() {
    const { page } = h
    const { county, member, other } = await countyWithStudents()
    const title = '返乡就业意愿调研（测试）'

    // Staff build: a single choice with a quota, a question shown only for 外地, a rating on page 2.
    await page.goto(h.baseUrl)
    await actAs(page, h.baseUrl, 'demo-staff', '团市委示例工作人员', 'packages/survey/pages/manage/index')
    await visible().locator('#survey-new').click()
    await fill('survey-title-input', title)
    await visible().locator(`#survey-county-${county}`).click()
    await visible().locator('#survey-add-single').click()
    await fill('builder-q1-title', '你目前在哪里工作或学习')
    await fill('builder-q1-option-0', '驻马店')
    await fill('builder-q1-option-1', '外地')
    await fill('builder-q1-quota-1', '3')
    // With a quota, the author says what happens when it fills: here, end politely.
    await visible().locator('#builder-q1-full-end').click()
    await visible().locator('#survey-add-text').click()
    await fill('builder-q2-title', '没有回驻马店的主要原因')
    await visible().locator('#builder-q2-if-q1').click()
    await visible().locator('#builder-q2-if-option-o2').click()
    // A second condition, negated: shown when 外地 is chosen AND 驻马店 is not.
    await visible().locator('#builder-q2-add-condition').click()
    await visible().locator('#builder-q2-if1-q1').click()
    await visible().locator('#builder-q2-if1-mode-not').click()
    await visible().locator('#builder-q2-join', { hasText: '全部满足（且）' }).waitFor()
    await visible().locator('#survey-add-rating').click()
    await fill('builder-q3-title', '你对家乡人才政策的满意度')
    await visible().locator('#builder-q3-flags-page').click()
    await h.screenshot('survey-1-builder')
    await visible().locator('#survey-save').click()

    const row = visible().locator('#survey-list .sv-item', { hasText: title })
    await row.waitFor()
    await expect(row.textContent()).resolves.toContain('待审核')
    const created = (await ok<Page<Survey>>('survey.list', {}, 'demo-staff')).items.find((s) => s.title === title)
    if (!created) throw new Error('the survey is not in survey.list')
    expect(created).toMatchObject({ status: 'draft', identityMode: 'anonymous_tracked', audience: { countyIds: [county] } })
    expect(created.definition.pages).toHaveLength(2)
    expect(created.definition.pages[0]!.questions[1]).toMatchObject({
      showIf: {
        op: 'and',
        of: [
          { op: 'chosen', questionId: 'q1', optionId: 'o2' },
          { op: 'not', of: { op: 'chosen', questionId: 'q1', optionId: 'o1' } },
        ],
      },
    })
    expect(created.definition.pages[0]!.questions[0]).toMatchObject({ whenFull: 'end' })
    // The creator cannot approve their own survey: no button for them.
    await expect(visible().locator(`#survey-approve-${created.id}`).count()).resolves.toBe(0)

    // A second staff member approves; the creator publishes.
    await actAs(page, h.baseUrl, 'demo-staff-2', '团市委示例审核人', 'packages/survey/pages/manage/index')
    await visible().locator(`#survey-approve-${created.id}`).click()
    await confirmModal('审核通过')
    await visible().locator(`#survey-${created.id}`, { hasText: '已审核' }).waitFor()
    await actAs(page, h.baseUrl, 'demo-staff', '团市委示例工作人员', 'packages/survey/pages/manage/index')
    await visible().locator(`#survey-publish-${created.id}`).click()
    await confirmModal('发布')
    await visible().locator(`#survey-${created.id}`, { hasText: '进行中' }).waitFor()
    const live = (await ok<Page<Survey>>('survey.list', {}, 'demo-staff')).items.find((s) => s.id === created.id)!
    expect(live.recipients).toBeGreaterThanOrEqual(2)

    // The member: 我的 → 我的问卷 → the survey; the first screen says what is kept.
    await actAs(page, h.baseUrl, member, member, 'pages/mine/index')
    await visible().locator('#action-surveys').click()
    await visible().locator(`#my-survey-${created.id}`).click()
    await visible().locator('#identity-statement', { hasText: '工作人员只能知道你是否已提交' }).waitFor()
    await h.screenshot('survey-2-first-screen')
    await visible().locator('#survey-begin', { hasText: '开始填写' }).click()
    await visible().locator('#q-q1-o2').click()
    await fill('q-q2-input', '岗位少')
    await visible().locator('#survey-next').click()
    await visible().locator('#survey-progress', { hasText: '第 2 / 2 页' }).waitFor()

    // Leaves, and comes back: 继续上次填写 opens page 2 with page 1 kept.
    await actAs(page, h.baseUrl, member, member, 'packages/survey/pages/mine/index')
    await visible().locator(`#my-survey-${created.id}`, { hasText: '已开始' }).click()
    await visible().locator('#survey-begin', { hasText: '继续上次填写' }).click()
    await visible().locator('#survey-progress', { hasText: '第 2 / 2 页' }).waitFor()
    await visible().locator('#q-q3-4').click()
    await h.screenshot('survey-3-page-two')
    await visible().locator('#survey-next', { hasText: '提交' }).click()
    await visible().locator('.state-view', { hasText: '已提交' }).waitFor()

    // Staff: who has not answered (the member is not among them), a reminder, the results, the export.
    await actAs(page, h.baseUrl, 'demo-staff', '团市委示例工作人员', 'packages/survey/pages/manage/index')
    await visible().locator(`#survey-respondents-${created.id}`).click()
    await visible().locator('#survey-respondents .sv-count').first().waitFor()
    await expect(visible().locator(`#respondent-${member}`).count()).resolves.toBe(0)
    const pending = await ok<Page<Respondent>>('survey.respondents', { id: created.id, limit: 50 }, 'demo-staff')
    expect(pending.items.map((r) => r.openid)).not.toContain(member)
    expect(pending.items).toHaveLength(Math.min(50, live.recipients - 1))
    await h.screenshot('survey-4-respondents')
    await visible().locator('#survey-remind').click()
    await confirmModal('提醒')
    await visible().locator('#survey-respondents', { hasText: '已提醒1次' }).waitFor()

    await page.goBack()
    await visible().locator(`#survey-results-${created.id}`).click()
    await visible().locator('#results-summary', { hasText: '已收 1' }).waitFor()
    await expect(visible().locator('#count-q1-o2').innerText()).resolves.toBe('<5')
    await expect(visible().locator('#survey-results').innerText()).resolves.not.toContain('岗位少')
    await h.screenshot('survey-5-results')
    const results = await ok<SurveyResults>('survey.results', { id: created.id }, 'demo-staff')
    expect(results.survey.responses).toBe(1)

    const [download] = await Promise.all([page.waitForEvent('download'), visible().locator('#survey-export').click()])
    expect(download.suggestedFilename()).toMatch(/问卷-.*\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile((await download.path())!)
    const sheet = workbook.getWorksheet('答卷')!
    const header = (sheet.getRow(1).values as unknown[]).slice(1)
    expect(header.slice(0, 4)).toEqual(['答卷编号', '提交日期', 'q1 编码', 'q1 你目前在哪里工作或学习'])
    const values = (sheet.getRow(2).values as unknown[]).slice(1)
    expect(values.slice(2, 4)).toEqual(['o2', '外地'])
    expect(JSON.stringify(values)).toContain('岗位少')
    expect(JSON.stringify(values)).not.toContain(member)
    const audit = await ok<Page<{ action: string }>>('audit.list', {}, 'demo-staff')
    expect(audit.items.some((e) => e.action === 'survey.export')).toBe(true)

    // A reminded student: the inbox item's 去填写问卷 opens the answer page.
    await actAs(page, h.baseUrl, other, other, 'pages/inbox/index')
    await visible().locator('#inbox-list .inbox-item', { hasText: `请填写问卷：${title}` }).first().click()
    await visible().locator('#notice-link', { hasText: '去填写问卷' }).click()
    await visible().locator('#identity-statement', { hasText: '工作人员只能知道你是否已提交' }).waitFor()
    await visible().locator('#survey-begin', { hasText: '开始填写' }).waitFor()
    await h.screenshot('survey-8-from-inbox')
  }

  test('a public link: staff build it, anyone signed in answers once without being a member', async () => {
    try {
      await linkJourney()
    } catch (error) {
      await h.screenshot('survey-link-failure').catch(() => undefined)
      throw error
    }
  })

  async function linkJourney() {
    const { page } = h
    const title = '青年夜市意见征集（测试）'
    await actAs(page, h.baseUrl, 'demo-staff', '团市委示例工作人员', 'packages/survey/pages/manage/index')
    await visible().locator('#survey-new').click()
    await fill('survey-title-input', title)
    await visible().locator('#survey-audience-link').click()
    await visible().locator('#survey-link-note', { hasText: '不提供实名' }).waitFor()
    // Only 匿名可催办 is offered for a public link.
    await expect(visible().locator('#survey-mode-named').count()).resolves.toBe(0)
    await visible().locator('#survey-add-single').click()
    await fill('builder-q1-title', '你会去青年夜市吗')
    await fill('builder-q1-option-0', '会')
    await fill('builder-q1-option-1', '不会')
    await visible().locator('#survey-save').click()
    await visible().locator('#survey-list .sv-item', { hasText: title }).waitFor()
    const created = (await ok<Page<Survey>>('survey.list', {}, 'demo-staff')).items.find((s) => s.title === title)
    if (!created) throw new Error('the public-link survey is not in survey.list')
    expect(created).toMatchObject({ publicLink: true, identityMode: 'anonymous_tracked' })
    await ok('survey.approve', { id: created.id }, 'demo-staff-2')
    const live = await ok<Survey>('survey.publish', { id: created.id }, 'demo-staff')
    const token = live.linkToken!
    await actAs(page, h.baseUrl, 'demo-staff', '团市委示例工作人员', 'packages/survey/pages/manage/index')
    await visible().locator(`#survey-link-${created.id}`, { hasText: token }).waitFor()
    await expect(visible().locator(`#survey-respondents-${created.id}`).count()).resolves.toBe(0)
    await h.screenshot('survey-9-public-link')

    // A visitor who never joined opens the link: the first screen says what is kept.
    const visitor = 'visitor-survey-e2e'
    await actAs(page, h.baseUrl, visitor, '访客', `packages/survey/pages/answer/index?id=${created.id}&token=${token}`)
    await visible().locator('#identity-mode', { hasText: '公开链接' }).waitFor()
    await visible().locator('#identity-statement', { hasText: '不是联盟成员也可以填写' }).waitFor()
    await h.screenshot('survey-10-link-first-screen')
    await visible().locator('#survey-begin').click()
    await visible().locator('#q-q1-o1').click()
    await visible().locator('#survey-next', { hasText: '提交' }).click()
    await visible().locator('.state-view', { hasText: '已提交' }).waitFor()
    const view = await ok<{ status: string | null }>('survey.linkGet', { id: created.id, token }, visitor)
    expect(view.status).toBe('submitted')
    const after = (await ok<Page<Survey>>('survey.list', {}, 'demo-staff')).items.find((s) => s.id === created.id)
    expect(after).toMatchObject({ responses: 1, recipients: 0 })
  }

  test('a prefilled answer the member can change; a full option that ends the survey politely', async () => {
    try {
      await endedJourney()
    } catch (error) {
      await h.screenshot('survey-ended-failure').catch(() => undefined)
      throw error
    }
  })

  async function endedJourney() {
    const { page } = h
    const { county, member, other } = await countyWithStudents()
    const created = await ok<Survey>(
      'survey.create',
      {
        title: '驻马店实习意向（测试）',
        intro: '',
        identityMode: 'anonymous_tracked',
        audience: { countyIds: [county] },
        definition: {
          pages: [
            {
              id: 'p1',
              questions: [
                { id: 'school', kind: 'university', title: '你的学校', required: true, prefill: 'university' },
                {
                  id: 'where',
                  kind: 'single',
                  title: '想在哪里实习',
                  required: true,
                  whenFull: 'end',
                  fullMessage: '市区岗位的名额已满，感谢你的关注！',
                  options: [{ id: 'city', label: '驿城区', quota: 1 }, { id: 'county', label: '各县' }],
                },
              ],
            },
            { id: 'p2', questions: [{ id: 'score', kind: 'rating', title: '期待程度', required: true }] },
          ],
        },
      },
      'demo-staff',
    )
    await ok('survey.approve', { id: created.id }, 'demo-staff-2')
    await ok('survey.publish', { id: created.id }, 'demo-staff')
    const me = await ok<Member>('member.me', {}, member)
    // Another student takes the one place of 驿城区.
    await ok('survey.submit', { id: created.id, answers: { school: '郑州大学', where: 'city', score: 5 } }, other)

    await actAs(page, h.baseUrl, member, member, `packages/survey/pages/answer/index?id=${created.id}`)
    await visible().locator('#survey-begin').click()
    await visible().locator('#prefilled-school').waitFor()
    await expect(visible().locator('#q-school-input input').first().inputValue()).resolves.toBe(me.university)
    await h.screenshot('survey-6-prefilled')
    await visible().locator('#q-where-city').click()
    await visible().locator('#survey-next').click()
    await visible().locator('.state-view', { hasText: '市区岗位的名额已满，感谢你的关注！' }).waitFor()
    await h.screenshot('survey-7-ended')
    const view = await ok<{ answer: { status: string } }>('survey.get', { id: created.id }, member)
    expect(view.answer.status).toBe('submitted')
    const after = (await ok<Page<Survey>>('survey.list', {}, 'demo-staff')).items.find((s) => s.id === created.id)
    expect(after).toMatchObject({ responses: 1, quotaUsed: { 'where:city': 1 } })
  }
})
