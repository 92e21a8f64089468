import ExcelJS from 'exceljs'
import type { CreatePolicyInput } from '../../../types'
import { data, errorOf, makeTestApi, profile } from './test-support'

const STAFF = 'staff-1'
let t: ReturnType<typeof makeTestApi>
beforeEach(() => {
  t = makeTestApi({ staff: [STAFF] })
})
afterEach(() => t.close())


function policy(overrides: Partial<CreatePolicyInput> = {}): CreatePolicyInput {
  return {
    title: '驻马店市高层次人才安家补贴办法',
    category: 'measure',
    summary: '博士研究生来驻工作，给予安家费和生活补贴。',
    body: '## 补贴标准\n\n全职引进的博士给予安家费20万元，硕士5万元。\n\n- 生物医药领域优先',
    issuer: '驻马店市人才工作领导小组',
    ...overrides,
  }
}

async function published(overrides: Partial<CreatePolicyInput> = {}) {
  const created = data(await t.call(STAFF, 'policy.create', policy(overrides)))
  return data(await t.call(STAFF, 'policy.publish', { id: created.id }))
}

const titlesFor = async (q: string, who: string | null = null) =>
  data(await t.call(who, 'policy.search', { q })).items.map((p) => p.title)

describe('policies: staff keep them current', () => {
  it('creates an unpublished policy that students never see, then publishes it', async () => {
    const created = data(await t.call(STAFF, 'policy.create', policy()))
    expect(created.status).toBe('draft')
    expect(await titlesFor('安家费')).toEqual([])
    expect(errorOf(await t.call(null, 'policy.get', { id: created.id })).code).toBe('NOT_FOUND')
    expect(data(await t.call(STAFF, 'policy.search', { q: '安家费', manage: true })).items).toHaveLength(1)
    data(await t.call(STAFF, 'policy.publish', { id: created.id }))
    expect(await titlesFor('安家费')).toEqual(['驻马店市高层次人才安家补贴办法'])
    data(await t.call(STAFF, 'policy.unpublish', { id: created.id }))
    expect(await titlesFor('安家费')).toEqual([])
  })

  it('staff filter their list by status (草稿 / 已发布); others never get drafts from it; a bad status is named', async () => {
    const draft = data(await t.call(STAFF, 'policy.create', policy({ title: '人才驿站草稿办法' })))
    const live = await published({ title: '人才驿站补贴办法' })
    const ids = async (who: string | null, input: Record<string, unknown>) =>
      data(await t.call(who, 'policy.search', { q: '人才驿站', ...input })).items.map((p) => p.id)
    expect(await ids(STAFF, { manage: true, status: 'draft' })).toEqual([draft.id])
    expect(await ids(STAFF, { manage: true, status: 'published' })).toEqual([live.id])
    expect(await ids(null, { status: 'draft' })).toEqual([])
    expect(await ids(null, { manage: true, status: 'draft' })).toEqual([])
    const bad = errorOf(await t.call(STAFF, 'policy.search', { manage: true, status: 'archived' }))
    expect(bad.code).toBe('INVALID_INPUT')
    expect(bad.fields).toHaveProperty('status')
    expect(bad.message).toMatch(/政策状态/)
  })

  it('takes the body as markup (headings, lists, bold, links, paragraphs) and stores the sanitised HTML', async () => {
    const created = data(
      await t.call(STAFF, 'policy.create', {
        ...policy(),
        body: '## 补贴标准\n\n博士**20万元**\n详见[原文](https://www.zhumadian.gov.cn/x)\n\n- 一\n- 二',
      }),
    )
    expect(created.body).toBe(
      '<h2>补贴标准</h2><p>博士<strong>20万元</strong><br />详见<a href="https://www.zhumadian.gov.cn/x">原文</a></p><ul><li>一</li><li>二</li></ul>',
    )
    const updated = data(await t.call(STAFF, 'policy.update', { id: created.id, body: '第一段\n\n第二段 [坏链接](javascript:alert(1))' }))
    expect(updated.body).toBe('<p>第一段</p><p>第二段 [坏链接](javascript:alert(1))</p>')
    expect(data(await t.call(STAFF, 'policy.get', { id: created.id })).body).toBe(updated.body)
  })

  it('HTML typed into the body is shown as text, never rendered: no script, handler or link survives as markup', async () => {
    const created = data(
      await t.call(STAFF, 'policy.create', {
        ...policy(),
        body: '<h2 onclick="steal()">标题</h2><script>alert(1)</script>\n<a href="javascript:alert(1)">坏链接</a><img src=x onerror=alert(1)>',
      }),
    )
    expect(created.body).not.toMatch(/<script|<h2|<a |<img/i)
    expect(created.body).toBe(
      '<p>&lt;h2 onclick="steal()"&gt;标题&lt;/h2&gt;&lt;script&gt;alert(1)&lt;/script&gt;<br />' +
        '&lt;a href="javascript:alert(1)"&gt;坏链接&lt;/a&gt;&lt;img src=x onerror=alert(1)&gt;</p>',
    )
    // Its text is still searchable as typed.
    data(await t.call(STAFF, 'policy.publish', { id: created.id }))
    expect(await titlesFor('坏链接')).toEqual([created.title])
  })

  it('an update with a bad body names 正文 in Chinese and changes nothing', async () => {
    const created = data(await t.call(STAFF, 'policy.create', policy()))
    for (const body of ['', '   \n\n  ', 'x'.repeat(50_001), 42]) {
      const error = errorOf(await t.call(STAFF, 'policy.update', { id: created.id, body }))
      expect(error.code).toBe('INVALID_INPUT')
      expect(Object.keys(error.fields ?? {})).toContain('body')
      expect(error.fields?.body).toMatch(/正文/)
    }
    expect(data(await t.call(STAFF, 'policy.get', { id: created.id })).body).toBe(created.body)
  })

  it('refuses students and bad input with the field named, writing nothing', async () => {
    data(await t.call('s1', 'member.register', profile()))
    expect(errorOf(await t.call('s1', 'policy.create', policy())).code).toBe('FORBIDDEN')
    for (const [change, field] of [
      [{ category: 'rumour' }, 'category'],
      [{ title: '' }, 'title'],
      [{ effectiveFrom: '2026-05-01', effectiveUntil: '2026-01-01' }, 'effectiveUntil'],
      [{ sourceUrl: 'javascript:alert(1)' }, 'sourceUrl'],
      [{ degrees: ['phd'] }, 'degrees.0'],
      [{ body: '' }, 'body'],
      [{ body: '\n\n' }, 'body'],
    ] as const) {
      const error = errorOf(await t.call(STAFF, 'policy.create', { ...policy(), ...change }))
      expect(error.code).toBe('INVALID_INPUT')
      expect(Object.keys(error.fields ?? {})).toContain(field)
    }
    expect(data(await t.call(STAFF, 'policy.search', { manage: true })).items).toEqual([])
  })
})

describe('search in Chinese (the contract on SQLite)', () => {
  beforeEach(async () => {
    await published()
    await published({
      title: '青年人才驿站免费住宿',
      category: 'standard',
      summary: '来驻求职的高校毕业生可免费入住人才驿站7天。',
      body: '持 offer 或面试通知，可申请 AI 与 5G 企业实习岗位。',
    })
    await published({
      title: '重点产业紧缺人才需求目录（2026）',
      category: 'demand',
      summary: '生物医药、电子信息等九大领域的岗位需求。',
      body: '博士后科研工作站招收博士后10名。',
    })
  })

  it('finds 1-, 2- and 3+-character Chinese substrings anywhere, title hits first', async () => {
    expect(await titlesFor('驿')).toEqual(['青年人才驿站免费住宿'])
    expect(await titlesFor('安家')).toEqual(['驻马店市高层次人才安家补贴办法'])
    expect(await titlesFor('博士 补贴')).toEqual(['驻马店市高层次人才安家补贴办法'])
    expect(await titlesFor('安家费')).toEqual(['驻马店市高层次人才安家补贴办法'])
    expect(await titlesFor('生物医药')).toEqual(['重点产业紧缺人才需求目录（2026）', '驻马店市高层次人才安家补贴办法'])
    expect((await titlesFor('人才')).slice(0, 3).sort()).toEqual(
      ['重点产业紧缺人才需求目录（2026）', '驻马店市高层次人才安家补贴办法', '青年人才驿站免费住宿'].sort(),
    )
  })

  it('matches mixed Chinese, Latin and digits', async () => {
    expect(await titlesFor('5G')).toEqual(['青年人才驿站免费住宿'])
    expect(await titlesFor('ai')).toEqual(['青年人才驿站免费住宿'])
    expect(await titlesFor('2026')).toEqual(['重点产业紧缺人才需求目录（2026）'])
    expect(await titlesFor('offer')).toEqual(['青年人才驿站免费住宿'])
  })

  it('treats quotes, stars, NEAR and OR as text, never as syntax, and never errors', async () => {
    for (const q of ['"', '"安家费', '安家*', '*', 'NEAR', '安家 OR 驿站', 'NEAR(安家 补贴)', '"))', "'; DROP TABLE policies;--", '%', '_', '\\']) {
      const result = await t.call(null, 'policy.search', { q })
      expect(result.ok).toBe(true)
    }
    expect(await titlesFor('安家 OR 驿站')).toEqual([])
    expect(await titlesFor('%')).toEqual([])
  })

  it('highlights the hit in the title and around it in the text', async () => {
    const [hit] = data(await t.call(null, 'policy.search', { q: '安家费' })).items
    expect(hit.titleParts).toEqual([{ text: '驻马店市高层次人才安家补贴办法', hit: false }])
    expect(hit.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['安家费'])
    const [titled] = data(await t.call(null, 'policy.search', { q: '安家' })).items
    expect(titled.titleParts.filter((s) => s.hit).map((s) => s.text)).toEqual(['安家'])
  })

  it('filters by category, field, degree, county and in-effect, and pages', async () => {
    await published({ title: '确山县博士补贴', degrees: ['doctor'], counties: ['queshan'], fields: ['biomed'], effectiveUntil: '2020-12-31' })
    const only = async (filter: Record<string, unknown>) =>
      data(await t.call(null, 'policy.search', filter)).items.map((p) => p.title)
    expect(await only({ category: 'demand' })).toEqual(['重点产业紧缺人才需求目录（2026）'])
    expect(await only({ degree: 'doctor' })).toEqual(['确山县博士补贴'])
    expect(await only({ county: 'queshan', field: 'biomed' })).toEqual(['确山县博士补贴'])
    expect(await only({ degree: 'doctor', inEffect: true })).toEqual([])
    await published({ title: '博士安家补贴', tags: ['安家费', '博士'] })
    expect(await only({ tag: '安家费' })).toEqual(['博士安家补贴'])
    expect(data(await t.call(null, 'policy.search', { tag: '安家费' })).items[0]?.tags).toEqual(['安家费', '博士'])
    const tooLong = errorOf(await t.call(null, 'policy.search', { tag: '这是一个特别特别长的标签名称' }))
    expect(tooLong.fields?.tag).toContain('标签')
    const first = data(await t.call(null, 'policy.search', { limit: 2 }))
    const second = data(await t.call(null, 'policy.search', { limit: 2, cursor: first.nextCursor }))
    const third = data(await t.call(null, 'policy.search', { limit: 2, cursor: second.nextCursor }))
    expect(new Set([...first.items, ...second.items, ...third.items].map((p) => p.id)).size).toBe(5)
    expect(third.nextCursor).toBeNull()
  })
})

describe('与我相关, favourites and demands', () => {
  it('matches policies to my profile with why, best first; leaves general ones out', async () => {
    data(await t.call('s1', 'member.register', profile({ degree: 'doctor', hometownCounty: 'queshan', fields: ['biomed'] })))
    await published({ title: '面向所有人的政策' })
    await published({ title: '博士专项', degrees: ['doctor'] })
    await published({ title: '确山县生物医药博士', degrees: ['doctor'], counties: ['queshan'], fields: ['biomed'] })
    await published({ title: '硕士专项', degrees: ['master'] })
    await published({ title: '确山县的硕士', degrees: ['master'], counties: ['queshan'] })
    const { policies } = data(await t.call('s1', 'policy.matchMine'))
    expect(policies.map((m) => m.item.title)).toEqual(['确山县生物医药博士', '博士专项'])
    expect(policies[0].why.sort()).toEqual(['学历：博士', '家乡：确山县', '领域：生物医药'].sort())
    expect(errorOf(await t.call('visitor', 'policy.matchMine')).code).toBe('FORBIDDEN')
  })

  it('saves a policy to 我的收藏 and takes it out again', async () => {
    data(await t.call('s1', 'member.register', profile()))
    const p = await published()
    expect(data(await t.call('s1', 'policy.favorite', { id: p.id, favorite: true }))).toEqual({ favorited: true })
    expect(data(await t.call('s1', 'policy.get', { id: p.id })).favorited).toBe(true)
    expect(data(await t.call('s1', 'policy.myFavorites', {})).items.map((i) => i.id)).toEqual([p.id])
    data(await t.call('s1', 'policy.favorite', { id: p.id, favorite: false }))
    expect(data(await t.call('s1', 'policy.myFavorites', {})).items).toEqual([])
    expect(errorOf(await t.call('visitor', 'policy.favorite', { id: p.id, favorite: true })).code).toBe('FORBIDDEN')
  })

  it('registers interest once with only the fields the student agreed to share; staff see and export it', async () => {
    data(await t.call('s1', 'member.register', profile({ degree: 'master', fields: ['biomed'] })))
    const demand = data(
      await t.call(STAFF, 'demand.create', {
        employer: '驻马店生物医药产业园',
        position: '研发工程师',
        field: 'biomed',
        degree: 'bachelor',
        headcount: 5,
        place: '驿城区',
        salaryMin: 8000,
        salaryMax: 12000,
        deadline: '2099-12-31',
      }),
    )
    expect(demand.contact).toContain('团市委')
    expect(errorOf(await t.call('s1', 'demand.registerInterest', { id: demand.id, share: ['phone'] })).fields).toHaveProperty('share')
    const mine = data(await t.call('s1', 'demand.registerInterest', { id: demand.id, share: ['name', 'major'] }))
    expect(mine.myInterest?.share).toEqual(['name', 'major'])
    expect(errorOf(await t.call('s1', 'demand.registerInterest', { id: demand.id, share: ['name'] })).code).toBe('CONFLICT')
    const interests = data(await t.call(STAFF, 'demand.interests', { id: demand.id }))
    expect(interests.items).toEqual([expect.objectContaining({ openid: 's1', shared: { name: '李明', major: '软件工程' } })])
    expect(JSON.stringify(interests)).not.toContain('13812341234')
    expect(errorOf(await t.call('s1', 'demand.interests', { id: demand.id })).code).toBe('FORBIDDEN')

    const file = data(await t.call(STAFF, 'demand.exportInterests', { id: demand.id }))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
    const rows: string[][] = []
    workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
    expect(rows[0].slice(0, 4)).toEqual(['姓名', '手机号', '学校', '专业'])
    expect(rows[1].slice(0, 4)).toEqual(['李明', '（未提供）', '（未提供）', '软件工程'])
    expect(data(await t.call(STAFF, 'audit.list', {})).items[0].action).toBe('demand.exportInterests')

    const { demands } = data(await t.call('s1', 'policy.matchMine'))
    expect(demands[0]).toMatchObject({ item: { id: demand.id }, why: ['领域：生物医药', '学历：硕士（要求本科及以上）'] })
    data(await t.call('s1', 'demand.withdrawInterest', { id: demand.id }))
    expect(data(await t.call(STAFF, 'demand.interests', { id: demand.id })).items).toEqual([])
  })

  it('imports policies from CSV with a per-row report', async () => {
    const csv =
      '标题,类别,摘要,正文,学历,县区\n' +
      '博士安家补贴,政策措施,博士来驻工作补贴,"第一行\n第二行",博士,确山县\n' +
      ',政策措施,缺标题,正文,,\n' +
      '硕士补贴,谣言,类别不对,正文,,\n' +
      '硕士补贴,标准条件,学历不对,正文,研究生,\n'
    const report = data(
      await t.call(STAFF, 'policy.import', { filename: 'p.csv', contentBase64: Buffer.from(csv).toString('base64') }),
    )
    expect(report.imported).toBe(1)
    const [imported] = data(await t.call(STAFF, 'policy.search', { q: '第二行', manage: true })).items
    expect(imported.title).toBe('博士安家补贴')
    expect(report.errors).toEqual([
      { row: 3, message: '请填写标题' },
      { row: 4, message: '类别“谣言”不在列表中' },
      { row: 5, message: '学历“研究生”不在列表中' },
    ])
  })
})
