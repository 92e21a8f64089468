import ExcelJS from 'exceljs'
import type { Demand, Interest, Member, Page, Policy } from '../../types'
import { actAs, currentPage, eventually, signInAsDemo, startHarness, type Harness } from './support'

const STAFF = 'demo-staff'
const STUDENT = 'demo-student-1'

/**
 * 招才引智 end to end: staff publish two policies and a job; a joined student searches 安家, sees
 * the hit marked, saves the policy and finds it under 我的收藏, registers interest in the job
 * sharing only 姓名 and 专业; staff see exactly that in the interest list and its export.
 */
describe('talent policies and demands in the browser', () => {
  let h: Harness

  beforeAll(async () => {
    h = await startHarness()
  })

  afterAll(async () => {
    await h?.close()
  })

  const visible = () => currentPage(h.page)
  const toast = () => h.page.locator('.taro__toast')
  const tab = (name: '首页' | '政策' | '我的') => h.page.locator('.taro-tabbar__tabbar').getByText(name, { exact: true }).click()

  async function ok<T>(action: Parameters<Harness['api']>[0], payload: unknown, openid: string): Promise<T> {
    const reply = await h.api<T>(action, payload, openid)
    if (!reply.ok) throw new Error(`${action}: ${reply.error.code} ${reply.error.message}`)
    return reply.data
  }

  async function seed() {
    const student = await ok<Member>('member.me', {}, STUDENT)
    const housing = await ok<Policy>(
      'policy.create',
      {
        title: '驻马店市高层次人才引进安居办法（示例）',
        category: 'measure',
        summary: '来驻马店全职工作的博士、硕士和急需紧缺专业本科生，可申请安居补贴和人才公寓。',
        // Markup, as the editor writes it; the HTML and the javascript: link typed in it stay text.
        body: '## 补贴标准\n\n全职引进的博士研究生，给予**安家费**20万元，分三年发放。\n\n- 硕士研究生：5万元\n- “双一流”本科生：2万元\n\n<script>alert(1)</script>\n\n[点此](javascript:alert(1))了解申报材料。',
        issuer: '驻马店市人才工作领导小组办公室',
        docNumber: '驻人才办〔2026〕1号',
        degrees: [],
        counties: [student.hometownCounty],
        fields: [],
        effectiveFrom: '2026-01-01',
        effectiveUntil: '2030-12-31',
        sourceUrl: 'https://www.zhumadian.gov.cn/',
        tags: ['安居', '补贴'],
      },
      STAFF,
    )
    await ok('policy.publish', { id: housing.id }, STAFF)
    const catalogue = await ok<Policy>(
      'policy.create',
      {
        title: '驻马店市重点产业急需紧缺人才目录（示例）',
        category: 'demand',
        summary: '全市九大重点产业急需的专业和岗位，毕业生可对照目录了解家乡的用人方向。',
        body: '目录涵盖纺织服装、食品加工、装备制造、电子信息等重点产业。',
        fields: student.fields,
      },
      STAFF,
    )
    await ok('policy.publish', { id: catalogue.id }, STAFF)
    const demand = await ok<Demand>(
      'demand.create',
      {
        employer: '驻马店示例纺织科技有限公司',
        position: '工艺技术员',
        field: student.fields[0],
        degree: student.degree,
        headcount: 3,
        place: '驿城区 驻马店经济开发区',
        salaryMin: 5000,
        salaryMax: 8000,
        deadline: '2030-12-31',
        description: '负责纺织工艺改进和新品试制，欢迎驻马店籍毕业生回乡发展。',
      },
      STAFF,
    )
    return { student, housing, catalogue, demand }
  }

  test('a student finds, saves and registers interest; staff see and export only what was shared', async () => {
    try {
      await journey()
    } catch (error) {
      await h.screenshot('policies-failure').catch(() => undefined)
      throw error
    }
  })

  async function journey() {
    const { page } = h
    const { student, housing, catalogue, demand } = await seed()

    // A joined student opens 政策: everything published, and 与我相关 for their profile.
    await signInAsDemo(page, h.baseUrl, STUDENT)
    await tab('政策')
    await visible().locator('#policy-list').waitFor()
    await visible().locator(`#policy-list #policy-${housing.id}`).waitFor()
    await visible().locator(`#match-section #match-policy-${housing.id}`).waitFor()
    await visible().locator(`#match-section #match-demand-${demand.id}`).waitFor()
    await expect(visible().locator('#match-section').textContent()).resolves.toContain('家乡')
    await h.screenshot('policies-00-tab')

    // Search 安家: only the housing policy, the hit marked in its snippet.
    await visible().locator('#policy-search input').fill('安家')
    await visible().locator('#policy-search input').press('Enter')
    await visible().getByText('“安家”的搜索结果').waitFor()
    await visible().locator(`#policy-list #policy-${housing.id} .hl`, { hasText: '安家' }).first().waitFor()
    await expect(visible().locator(`#policy-list #policy-${catalogue.id}`).count()).resolves.toBe(0)
    await h.screenshot('policies-01-search')

    // A tag on the card lists the policies carrying it; 清除 takes the filter off.
    await visible().locator(`#policy-list #policy-${housing.id}-tag-安居`).click()
    await visible().locator('#policy-tag-filter').getByText('只看标签 #安居').waitFor()
    await visible().locator(`#policy-list #policy-${housing.id}`).waitFor()
    await expect(visible().locator(`#policy-list #policy-${catalogue.id}`).count()).resolves.toBe(0)
    await visible().locator('#policy-tag-clear').click()
    await eventually(() => visible().locator('#policy-tag-filter').count(), 0)

    // The policy: facts in words, the cleaned body, 收藏.
    await visible().locator(`#policy-list #policy-${housing.id}`).click()
    await visible().locator('#policy-title', { hasText: housing.title }).waitFor()
    const policyPage = visible()
    await expect(policyPage.textContent()).resolves.toContain(student.hometownCounty === 'yicheng' ? '驿城区' : '')
    await expect(policyPage.locator('#policy-body').textContent()).resolves.toContain('安家费20万元')
    const bodyHtml = await policyPage.locator('#policy-body').innerHTML()
    expect(bodyHtml).not.toMatch(/<script|href="javascript:/i)
    expect(bodyHtml).toMatch(/<strong[^>]*>安家费<\/strong>/)
    await policyPage.locator('#policy-favorite').click()
    await toast().getByText('已收藏').waitFor()
    await policyPage.locator('#policy-favorite', { hasText: '已收藏' }).waitFor()
    await h.screenshot('policies-02-policy')

    // 我的 → 我的收藏 lists it.
    await page.goBack()
    await tab('我的')
    await visible().locator('#mine-favorites').click()
    await visible().locator(`#favorite-list #policy-${housing.id}`).waitFor()
    await h.screenshot('policies-03-favorites')

    // 岗位需求 → the job → 我感兴趣, sharing 姓名 (required) and 专业.
    await page.goBack()
    await tab('政策')
    await visible().locator('#policy-search-clear').click()
    await visible().locator('#open-demands').click()
    await visible().locator(`#demand-list #demand-${demand.id}`).click()
    await visible().locator('#demand-contact').waitFor()
    await expect(visible().locator('#demand-contact').textContent()).resolves.toContain('团市委')
    await visible().locator('#demand-interest').click()
    const sheet = visible().locator('#interest-sheet')
    await sheet.waitFor()
    await expect(sheet.locator('#interest-notice').textContent()).resolves.toContain(demand.employer)
    await expect(sheet.locator('#share-name').getAttribute('aria-checked')).resolves.toBe('true')
    // Required: announced as unavailable, and a tap on it changes nothing.
    await expect(sheet.locator('#share-name').getAttribute('aria-disabled')).resolves.toBe('true')
    await sheet.locator('#share-name').click({ force: true })
    await expect(sheet.locator('#share-name').getAttribute('aria-checked')).resolves.toBe('true')
    await sheet.locator('#share-major').click()
    await expect(sheet.locator('#share-phone').getAttribute('aria-checked')).resolves.toBe('false')
    await h.screenshot('policies-04-interest-sheet')
    await sheet.locator('#interest-confirm').click()
    await toast().getByText('已登记').waitFor()
    const registered = visible().locator('#demand-registered')
    await registered.waitFor()
    await expect(registered.textContent()).resolves.toContain('姓名、专业')
    await h.screenshot('policies-05-registered')

    // Staff: the workbench → 岗位需求 → the interest list shows only the shared fields.
    await actAs(page, h.baseUrl, STAFF, '团市委工作人员（示例）', 'packages/staff/pages/index/index')
    await visible().locator('#staff-demands').click()
    await visible().locator(`#interests-${demand.id}`, { hasText: '意向名单（1）' }).click()
    const row = visible().locator(`#interest-${STUDENT}`)
    await row.waitFor()
    await expect(row.textContent()).resolves.toContain(student.name)
    await expect(row.locator(`#interest-${STUDENT}-major`).textContent()).resolves.toContain(student.major)
    await expect(row.textContent()).resolves.not.toContain(student.phone)
    await expect(row.textContent()).resolves.not.toContain(student.university)
    await h.screenshot('policies-06-interests')

    // The server agrees: only name and major travel.
    const interests = await ok<Page<Interest>>('demand.interests', { id: demand.id }, STAFF)
    expect(interests.items.map((i) => Object.keys(i.shared).sort())).toEqual([['major', 'name']])

    // 导出 Excel: one row, the shared values, nothing else.
    const [download] = await Promise.all([page.waitForEvent('download'), visible().locator('#interests-export').click()])
    expect(download.suggestedFilename()).toBe(`${demand.employer}-${demand.position}-意向名单.xlsx`)
    const file = await download.path()
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(file)
    const sheetX = book.worksheets[0]
    const header = (sheetX.getRow(1).values as unknown[]).slice(1)
    const line = (sheetX.getRow(2).values as unknown[]).slice(1)
    expect(sheetX.actualRowCount).toBe(2)
    const cell = (label: string) => line[header.indexOf(label)]
    expect(cell('姓名')).toBe(student.name)
    expect(cell('专业')).toBe(student.major)
    expect(cell('手机号')).toBe('（未提供）')
    expect(line.map(String)).not.toContain(student.phone)
    await toast().getByText('已导出 1 人').waitFor()

    // Withdrawal works for the student, and the list empties for staff.
    await actAs(page, h.baseUrl, STUDENT, '示例同学', `pages/demand/index?id=${demand.id}`)
    await visible().locator('#demand-withdraw').click()
    await page.locator('.taro__modal .taro-model__confirm', { hasText: '撤回' }).click()
    await toast().getByText('已撤回').waitFor()
    await visible().locator('#demand-interest').waitFor()
    await eventually(async () => (await ok<Page<Interest>>('demand.interests', { id: demand.id }, STAFF)).items.length, 0)
  }
})
