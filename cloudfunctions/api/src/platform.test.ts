import ExcelJS from 'exceljs'
import type { CreatePlatformInput } from '../../../types'
import { seedDemoData } from './seed'
import { DEMO_KEY_LAB_ID, DEMO_LAB_VISIT_ID } from './seed-platform'
import { activityDraft, codeOf, data, errorOf, makeTestApi, profile } from './test-support'

/**
 * 家乡创新平台 through the router: every action's allowed role, forbidden role and bad input;
 * links from activities and demands; the platform page's figures. A clock the tests move.
 */
let t: ReturnType<typeof makeTestApi>
const STAFF = 'staff-1'
let now = new Date('2026-07-01T09:00:00+08:00')
const clock = { now: () => now }

beforeEach(() => {
  now = new Date('2026-07-01T09:00:00+08:00')
  t = makeTestApi({ staff: [STAFF], clock })
})
afterEach(() => t.close())

function platformInput(overrides: Partial<CreatePlatformInput> = {}): CreatePlatformInput {
  return {
    kind: 'provincial_key_lab',
    name: '河南省生物医药重点实验室',
    county: 'yicheng',
    fields: ['biomed'],
    intro: '面向生物医药的研发与中试。',
    hostOrg: '驻马店某生物科技公司',
    partnerUniversities: ['郑州大学'],
    contact: { name: '王老师', phone: '0396-1234567', note: '' },
    offers: ['visit', 'internship'],
    ...overrides,
  }
}

const createPlatform = async (overrides: Partial<CreatePlatformInput> = {}) => data(await t.call(STAFF, 'platform.create', platformInput(overrides)))
const join = async (openid: string, overrides: Parameters<typeof profile>[0] = {}) => data(await t.call(openid, 'member.register', profile(overrides)))

describe('platform.create / update / archive (staff)', () => {
  it('staff create a platform; students and strangers may not; bad input names the field and writes nothing', async () => {
    const platform = await createPlatform()
    expect(platform).toMatchObject({ name: '河南省生物医药重点实验室', status: 'active', degrees: [], photos: [] })
    expect(platform.id).toMatch(/^pf/)
    await join('s1')
    expect(codeOf(await t.call('s1', 'platform.create', platformInput({ name: '另一个' })))).toBe('FORBIDDEN')
    expect(codeOf(await t.call(null, 'platform.create', platformInput({ name: '另一个' })))).toBe('UNAUTHENTICATED')
    const bad = errorOf(await t.call(STAFF, 'platform.create', { ...platformInput({ name: '坏的' }), kind: 'lab', fields: [] }))
    expect(bad.code).toBe('INVALID_INPUT')
    expect(bad.fields).toMatchObject({ kind: '请从列表中选择平台类型', fields: '请至少选择1个重点产业领域' })
    const unknownField = errorOf(await t.call(STAFF, 'platform.create', platformInput({ name: '坏的', fields: ['nope'] })))
    expect(unknownField.fields?.['fields.0']).toBe('所选重点产业领域不存在')
    const phone = errorOf(await t.call(STAFF, 'platform.create', platformInput({ name: '坏的', contact: { name: '王', phone: 'abc', note: '' } })))
    expect(phone.fields?.['contact.phone']).toBe('联系电话格式不正确')
    expect(codeOf(await t.call(STAFF, 'platform.create', platformInput()))).toBe('CONFLICT')
    expect(data(await t.call(STAFF, 'platform.list', {})).items.map((p) => p.id)).toEqual([platform.id])
  })

  it('staff edit and archive; an archived platform leaves the directory; students may not', async () => {
    const platform = await createPlatform()
    await join('s1')
    expect(codeOf(await t.call('s1', 'platform.update', { id: platform.id, intro: '改' }))).toBe('FORBIDDEN')
    expect(codeOf(await t.call('s1', 'platform.archive', { id: platform.id }))).toBe('FORBIDDEN')
    const edited = data(await t.call(STAFF, 'platform.update', { id: platform.id, intro: '新的简介', contact: null }))
    expect(edited).toMatchObject({ intro: '新的简介', contact: null, name: platform.name })
    expect(errorOf(await t.call(STAFF, 'platform.update', { id: platform.id, name: '' })).fields?.name).toBe('请填写平台名称')
    expect(codeOf(await t.call(STAFF, 'platform.update', { id: 'pf-nope', intro: 'x' }))).toBe('NOT_FOUND')
    expect(data(await t.call(STAFF, 'platform.archive', { id: platform.id })).status).toBe('archived')
    expect(codeOf(await t.call(STAFF, 'platform.archive', { id: platform.id }))).toBe('CONFLICT')
    expect(data(await t.call('s1', 'platform.list', {})).items).toEqual([])
    expect(codeOf(await t.call('s1', 'platform.get', { id: platform.id }))).toBe('NOT_FOUND')
    expect(data(await t.call(STAFF, 'platform.list', { includeArchived: true })).items).toHaveLength(1)
  })
})

describe('platform.list and platform.get (everyone)', () => {
  it('filters by kind, county and field; searches; 与我相关 by my fields and degree; the contact is for staff only', async () => {
    const lab = await createPlatform()
    const centre = await createPlatform({ kind: 'tech_innovation_center', name: '遂平装备技术创新中心', county: 'suiping', fields: ['equipment'] })
    const masters = await createPlatform({ kind: 'industry_institute', name: '驿城电子信息产业研究院', fields: ['electronics'], degrees: ['master', 'doctor'] })
    await join('s1', { fields: ['biomed', 'electronics'], degree: 'bachelor' })
    const ids = async (payload: object, openid: string | null = 's1') => data(await t.call(openid, 'platform.list', payload)).items.map((p) => p.id)
    expect(await ids({ field: 'biomed', county: 'yicheng' })).toEqual([lab.id])
    expect(await ids({ kind: 'tech_innovation_center' }, null)).toEqual([centre.id])
    expect(await ids({ q: '研究院' })).toEqual([masters.id])
    expect(await ids({ mine: true })).toEqual([lab.id])
    expect(codeOf(await t.call(null, 'platform.list', { mine: true }))).toBe('FORBIDDEN')
    expect(errorOf(await t.call('s1', 'platform.list', { county: 'beijing' })).fields?.county).toBe('请从列表中选择所在县区')
    expect(data(await t.call('s1', 'platform.list', {})).items.every((p) => p.contact === null)).toBe(true)
    expect(data(await t.call('s1', 'platform.get', { id: lab.id })).contact).toBeNull()
    expect(data(await t.call(STAFF, 'platform.get', { id: lab.id })).contact).toEqual({ name: '王老师', phone: '0396-1234567', note: '' })
    expect(errorOf(await t.call('s1', 'platform.get', {})).fields?.id).toBe('请填写创新平台')
  })

  it("a platform's page: upcoming visits to sign up for, open demands, past activities with attendance, and (staff) who came", async () => {
    const lab = await createPlatform()
    const visit = data(
      await t.call(
        STAFF,
        'activity.create',
        activityDraft({ type: 'lab_visit', title: '走进实验室', platformId: lab.id, startAt: '2026-07-20T09:00:00+08:00', endAt: '2026-07-20T12:00:00+08:00', signUpCloseAt: '2026-07-15T23:00:00+08:00' }),
      ),
    )
    data(await t.call(STAFF, 'activity.publish', { id: visit.id }))
    expect(visit.platformId).toBe(lab.id)
    const demand = data(
      await t.call(STAFF, 'demand.create', {
        employer: lab.name,
        position: '研发助理',
        field: 'biomed',
        degree: 'master',
        headcount: 2,
        place: '驿城区',
        deadline: '2026-08-30',
        platformId: lab.id,
      }),
    )
    expect(demand.platformId).toBe(lab.id)
    await join('s1')
    await join('s2', { name: '王芳' })
    data(await t.call('s1', 'activity.signUp', { activityId: visit.id }))
    data(await t.call('s2', 'activity.signUp', { activityId: visit.id }))
    let page = data(await t.call('s1', 'platform.get', { id: lab.id }))
    expect(page.upcoming).toEqual([expect.objectContaining({ id: visit.id, registeredCount: 2, attended: 0 })])
    expect(page.openDemands).toEqual([expect.objectContaining({ id: demand.id, position: '研发助理' })])
    expect(page.past).toEqual([])
    expect(page.participants).toBeNull()

    data(await t.call(STAFF, 'activity.markAttendance', { activityId: visit.id, openid: 's1', status: 'checked_in' }))
    now = new Date('2026-07-21T09:00:00+08:00')
    page = data(await t.call('s1', 'platform.get', { id: lab.id }))
    expect(page.upcoming).toEqual([])
    expect(page.past).toEqual([expect.objectContaining({ id: visit.id, registeredCount: 2, attended: 1 })])
    expect(page.totals).toEqual({ activities: 1, attended: 1 })
    expect(page.participants).toBeNull()
    const staffPage = data(await t.call(STAFF, 'platform.get', { id: lab.id }))
    expect(staffPage.participants).toEqual([{ openid: 's1', name: '李明', university: '郑州大学', activityTitle: '走进实验室' }])
  })

  it('an activity or a demand may name only an existing, active platform; free text stays possible', async () => {
    const lab = await createPlatform()
    const missing = errorOf(await t.call(STAFF, 'activity.create', activityDraft({ platformId: 'pf-nope' })))
    expect(missing.fields?.platformId).toBe('没有找到这个创新平台')
    const free = data(await t.call(STAFF, 'activity.create', activityDraft({ hostOrg: '某企业', place: '某地' })))
    expect(free.platformId).toBeNull()
    const linked = data(await t.call(STAFF, 'activity.update', { id: free.id, platformId: lab.id }))
    expect(linked.platformId).toBe(lab.id)
    expect(data(await t.call(STAFF, 'activity.update', { id: free.id, platformId: null })).platformId).toBeNull()
    data(await t.call(STAFF, 'platform.archive', { id: lab.id }))
    expect(errorOf(await t.call(STAFF, 'activity.update', { id: free.id, platformId: lab.id })).fields?.platformId).toBe('没有找到这个创新平台')
    const demandInput = { employer: '某企业', position: '技术员', field: 'biomed', degree: 'bachelor', headcount: 1, place: '驿城区', deadline: '2026-08-30' }
    expect(errorOf(await t.call(STAFF, 'demand.create', { ...demandInput, platformId: lab.id })).fields?.platformId).toBe('没有找到这个创新平台')
    expect(data(await t.call(STAFF, 'demand.create', demandInput)).platformId).toBeNull()
  })
})

async function xlsxOf(rows: (string | number)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('平台')
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64')
}

describe('platform.import (staff)', () => {
  const HEADER = ['平台名称', '平台类型', '所在县区', '重点产业领域', '依托单位', '平台简介', '合作高校', '提供机会', '面向学历', '联系人', '联系电话']

  it('imports the good rows by names people write and reports each bad row by its number', async () => {
    await createPlatform({ name: '已有的平台' })
    const contentBase64 = await xlsxOf([
      HEADER,
      ['驿城生物医药中试基地', '中试基地', '驿城区', '生物医药、新材料', '驿城区科技局', '中试放大', '郑州大学，河南大学', '参观交流、实习实践', '硕士、博士', '张老师', '0396-7654321'],
      ['无类型', '实验室', '驿城区', '生物医药', '某单位', '简介', '', '', '', '', ''],
      ['已有的平台', '中试基地', '驿城区', '生物医药', '某单位', '简介', '', '', '', '', ''],
      ['西平校地共建工作室', '校地共建工作室', '西平县', '电子信息', '共青团西平县委', '与高校共建', '河南工业大学', '项目合作', '', '', ''],
      ['无领域', '中试基地', '驿城区', '', '某单位', '简介', '', '', '', '', ''],
    ])
    const report = data(await t.call(STAFF, 'platform.import', { filename: '平台.xlsx', contentBase64 }))
    expect(report).toEqual({
      imported: 2,
      errors: [
        { row: 3, message: '请从列表中选择平台类型' },
        { row: 4, message: '已有名为「已有的平台」的创新平台' },
        { row: 6, message: '请至少选择1个重点产业领域' },
      ],
    })
    const imported = data(await t.call(STAFF, 'platform.list', { q: '中试基地' })).items[0]
    expect(imported).toMatchObject({
      kind: 'pilot_base',
      county: 'yicheng',
      fields: ['biomed', 'materials'],
      degrees: ['master', 'doctor'],
      offers: ['visit', 'internship'],
      partnerUniversities: ['郑州大学', '河南大学'],
      contact: { name: '张老师', phone: '0396-7654321', note: '' },
    })
    expect(data(await t.call(STAFF, 'audit.list', {})).items[0]).toMatchObject({ action: 'platform.import', summary: expect.stringContaining('成功2行，失败3行') })
  })

  it('refuses a file without the header; is for staff only', async () => {
    const csv = Buffer.from('名称,类型\n某平台,中试基地\n', 'utf8').toString('base64')
    expect(errorOf(await t.call(STAFF, 'platform.import', { filename: 'a.csv', contentBase64: csv })).fields?.contentBase64).toContain('缺少列：平台名称')
    await join('s1')
    expect(codeOf(await t.call('s1', 'platform.import', { filename: 'a.csv', contentBase64: csv }))).toBe('FORBIDDEN')
    expect(data(await t.call(STAFF, 'platform.list', {})).items).toEqual([])
  })
})

describe('the demo data', () => {
  it('has a dozen platforms; the 生物医药 key laboratory in 驿城区 has an upcoming visit, a past one with attendance, and a job', async () => {
    await seedDemoData({ store: t.store, clock })
    const all = data(await t.call('demo-student-1', 'platform.list', { limit: 50 })).items
    expect(all.length).toBeGreaterThanOrEqual(12)
    expect(new Set(all.map((p) => p.kind)).size).toBeGreaterThanOrEqual(10)
    const found = data(await t.call('demo-student-1', 'platform.list', { field: 'biomed', county: 'yicheng', kind: 'provincial_key_lab' })).items
    expect(found.map((p) => p.id)).toEqual([DEMO_KEY_LAB_ID])
    const lab = data(await t.call('demo-student-1', 'platform.get', { id: DEMO_KEY_LAB_ID }))
    expect(lab.upcoming.map((a) => a.id)).toEqual([DEMO_LAB_VISIT_ID])
    expect(lab.past).toEqual([expect.objectContaining({ registeredCount: 4, attended: 3 })])
    expect(lab.openDemands).toHaveLength(1)
    expect(data(await t.call('demo-student-1', 'activity.signUp', { activityId: DEMO_LAB_VISIT_ID })).status).toBe('registered')
  })
})
