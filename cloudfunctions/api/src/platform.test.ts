import ExcelJS from 'exceljs'
import type { CreatePlatformInput } from '../../../types'
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

describe('platform photos (staff upload, the server checks them)', () => {
  const uploaded = ['/uploads/0123456789abcdef01234567.jpg', '/uploads/89abcdef0123456789abcdef.png']

  it('keeps uploaded photos and shows them on the page; refuses foreign, unknown and too many; writes nothing then', async () => {
    // The deployment's storage knows which files it gave out (local: under DATA_DIR; cloud: this env's folder).
    const api = makeTestApi({ staff: [STAFF], clock, files: { covers: { isOurs: async (path) => uploaded.includes(path) } } })
    try {
      const created = data(await api.call(STAFF, 'platform.create', platformInput({ photos: [uploaded[0]!] })))
      expect(created.photos).toEqual([uploaded[0]])
      const edited = data(await api.call(STAFF, 'platform.update', { id: created.id, photos: uploaded }))
      expect(edited.photos).toEqual(uploaded)
      expect(data(await api.call('anyone', 'platform.get', { id: created.id })).photos).toEqual(uploaded)
      // Not an upload path at all, a path this server never gave, more than six: the field is named.
      const foreign = errorOf(await api.call(STAFF, 'platform.update', { id: created.id, photos: ['https://example.com/a.jpg'] }))
      expect(foreign.fields?.['photos.0']).toBe('照片须是上传的图片')
      const unknown = errorOf(await api.call(STAFF, 'platform.update', { id: created.id, photos: [uploaded[0]!, '/uploads/ffffffffffffffffffffffff.jpg'] }))
      expect(unknown.fields?.['photos.1']).toBe('照片须是上传的图片')
      const many = errorOf(await api.call(STAFF, 'platform.update', { id: created.id, photos: Array.from({ length: 7 }, () => uploaded[0]!) }))
      expect(many.fields?.photos).toBe('照片最多6张')
      expect(errorOf(await api.call(STAFF, 'platform.create', platformInput({ name: '另一个', photos: ['/uploads/ffffffffffffffffffffffff.jpg'] }))).fields?.['photos.0']).toBe(
        '照片须是上传的图片',
      )
      expect(data(await api.call(STAFF, 'platform.get', { id: created.id })).photos).toEqual(uploaded)
      expect(data(await api.call(STAFF, 'platform.list', {})).items).toHaveLength(1)
      expect(codeOf(await api.call('s1', 'platform.update', { id: created.id, photos: [] }))).toBe('FORBIDDEN')
    } finally {
      await api.close()
    }
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

describe('platform contacts: scoped to their own platform, like a head to a station', () => {
  const demandInput = { employer: '驻马店某生物科技公司', position: '研发助理', field: 'biomed', degree: 'master', headcount: 2, place: '驿城区', deadline: '2026-08-30' }
  const visitDraft = (platformId: string | undefined, title = '走进实验室·开放日') =>
    activityDraft({ type: 'lab_visit', title, platformId, startAt: '2026-07-20T09:00:00+08:00', endAt: '2026-07-20T12:00:00+08:00' })

  async function twoPlatformsWithContacts() {
    const mine = await createPlatform({ name: '我的平台' })
    const other = await createPlatform({ name: '别人的平台' })
    await join('contact-a', { name: '张联系人' })
    await join('contact-b', { name: '李联系人' })
    data(await t.call(STAFF, 'platform.addContact', { platformId: mine.id, openid: 'contact-a' }))
    data(await t.call(STAFF, 'platform.addContact', { platformId: other.id, openid: 'contact-b' }))
    return { mine, other }
  }

  it('platform.addContact / contacts / removeContact: staff only; bad input and unknown members refused', async () => {
    const { mine } = await twoPlatformsWithContacts()
    expect(data(await t.call(STAFF, 'platform.contacts', { platformId: mine.id }))).toEqual([
      expect.objectContaining({ openid: 'contact-a', name: '张联系人', via: 'member' }),
    ])
    expect(codeOf(await t.call(STAFF, 'platform.addContact', { platformId: mine.id, openid: 'contact-a' }))).toBe('CONFLICT')
    expect(codeOf(await t.call('contact-a', 'platform.addContact', { platformId: mine.id, openid: 'contact-b' }))).toBe('FORBIDDEN')
    expect(codeOf(await t.call('contact-a', 'platform.contacts', { platformId: mine.id }))).toBe('FORBIDDEN')
    expect(errorOf(await t.call(STAFF, 'platform.addContact', { platformId: mine.id })).fields?.openid).toBe('请填写成员')
    expect(errorOf(await t.call(STAFF, 'platform.addContact', { platformId: mine.id, openid: 'nobody' })).fields?.openid).toBe('没有找到这位成员')
    expect(codeOf(await t.call('contact-a', 'platform.removeContact', { platformId: mine.id, openid: 'contact-a' }))).toBe('FORBIDDEN')
    data(await t.call(STAFF, 'platform.removeContact', { platformId: mine.id, openid: 'contact-a' }))
    expect(codeOf(await t.call(STAFF, 'platform.removeContact', { platformId: mine.id, openid: 'contact-a' }))).toBe('NOT_FOUND')
    expect(codeOf(await t.call('contact-a', 'platform.submitActivity', visitDraft(mine.id)))).toBe('FORBIDDEN')
    // Deleting one's account ends being a contact too.
    data(await t.call('contact-b', 'member.deleteMine', {}))
    expect(data(await t.call('contact-b', 'platform.mine', {})).platforms).toEqual([])
  })

  it('platform.memberCandidates: staff find members by name or university, phones masked, contacts marked; others may not', async () => {
    const { mine } = await twoPlatformsWithContacts()
    await join('s1', { name: '王同学', university: '郑州大学', phone: '13912345678' })
    const found = data(await t.call(STAFF, 'platform.memberCandidates', { platformId: mine.id, q: '联系人' }))
    expect(found.map((m) => [m.name, m.isContact])).toEqual([
      ['张联系人', true],
      ['李联系人', false],
    ])
    const byUniversity = data(await t.call(STAFF, 'platform.memberCandidates', { platformId: mine.id, q: '郑州' }))
    expect(byUniversity.find((m) => m.openid === 's1')).toEqual({ openid: 's1', name: '王同学', university: '郑州大学', phoneMasked: '139****5678', isContact: false })
    expect(JSON.stringify(byUniversity)).not.toContain('13912345678')
    // Students, contacts and strangers may not look members up; bad input names the field.
    expect(codeOf(await t.call('s1', 'platform.memberCandidates', { platformId: mine.id, q: '联系人' }))).toBe('FORBIDDEN')
    expect(codeOf(await t.call('contact-a', 'platform.memberCandidates', { platformId: mine.id, q: '联系人' }))).toBe('FORBIDDEN')
    expect(codeOf(await t.call(null, 'platform.memberCandidates', { platformId: mine.id, q: '联系人' }))).toBe('UNAUTHENTICATED')
    expect(errorOf(await t.call(STAFF, 'platform.memberCandidates', { platformId: mine.id, q: ' ' })).fields?.q).toBe('请填写搜索词')
    expect(errorOf(await t.call(STAFF, 'platform.memberCandidates', { q: '张' })).fields?.platformId).toBe('请填写创新平台')
    expect(codeOf(await t.call(STAFF, 'platform.memberCandidates', { platformId: 'pf-nope', q: '张' }))).toBe('NOT_FOUND')
    // The member picked becomes a contact: scoped to that platform from the next call on.
    data(await t.call(STAFF, 'platform.addContact', { platformId: mine.id, openid: 's1' }))
    expect(data(await t.call(STAFF, 'platform.memberCandidates', { platformId: mine.id, q: '王同学' }))[0]?.isContact).toBe(true)
    const draft = data(await t.call('s1', 'platform.submitActivity', visitDraft(mine.id)))
    expect(draft).toMatchObject({ status: 'draft', platformId: mine.id })
  })

  it('removing a contact ends their rights at once: no drafts, no demands, their platform gone from 平台联系人', async () => {
    const { mine } = await twoPlatformsWithContacts()
    data(await t.call('contact-a', 'platform.submitDemand', { ...demandInput, platformId: mine.id }))
    data(await t.call(STAFF, 'platform.removeContact', { platformId: mine.id, openid: 'contact-a' }))
    expect(codeOf(await t.call('contact-a', 'platform.submitActivity', visitDraft(mine.id)))).toBe('FORBIDDEN')
    expect(codeOf(await t.call('contact-a', 'platform.submitDemand', { ...demandInput, platformId: mine.id }))).toBe('FORBIDDEN')
    expect(data(await t.call('contact-a', 'platform.mine', {})).platforms).toEqual([])
    expect(data(await t.call(STAFF, 'platform.contacts', { platformId: mine.id }))).toEqual([])
    // An external contact removed the same way loses the platform too.
    const invite = data(await t.call(STAFF, 'platform.inviteContact', { platformId: mine.id, name: '王老师' }))
    data(await t.call('outsider', 'platform.acceptInvite', { code: invite.code }))
    data(await t.call(STAFF, 'platform.removeContact', { platformId: mine.id, openid: 'outsider' }))
    expect(codeOf(await t.call('outsider', 'platform.submitActivity', visitDraft(mine.id)))).toBe('FORBIDDEN')
  })

  it('platform.inviteContact / acceptInvite: an external person (not a member) redeems a code once', async () => {
    const lab = await createPlatform()
    expect(codeOf(await t.call('outsider', 'platform.inviteContact', { platformId: lab.id, name: '王老师' }))).toBe('FORBIDDEN')
    expect(errorOf(await t.call(STAFF, 'platform.inviteContact', { platformId: lab.id, name: '' })).fields?.name).toBe('请填写联系人姓名')
    const invite = data(await t.call(STAFF, 'platform.inviteContact', { platformId: lab.id, name: '王老师' }))
    expect(invite.code).toMatch(/^[0-9A-Z]{8}$/)
    expect(codeOf(await t.call(null, 'platform.acceptInvite', { code: invite.code }))).toBe('UNAUTHENTICATED')
    expect(errorOf(await t.call('outsider', 'platform.acceptInvite', { code: 'abc' })).fields?.code).toBe('邀请码应为8位字母或数字')
    const contact = data(await t.call('outsider', 'platform.acceptInvite', { code: invite.code.toLowerCase() }))
    expect(contact).toMatchObject({ platformId: lab.id, openid: 'outsider', name: '王老师', via: 'invite' })
    expect(errorOf(await t.call('another', 'platform.acceptInvite', { code: invite.code })).fields?.code).toContain('邀请码无效')
    const mine = data(await t.call('outsider', 'platform.mine', {}))
    expect(mine.platforms.map((p) => p.platform.id)).toEqual([lab.id])
    expect(mine.platforms[0]?.platform.contact).toBeNull()
    expect(data(await t.call('another', 'platform.mine', {})).platforms).toEqual([])
    // An external contact drafts a visit without joining the alliance.
    const draft = data(await t.call('outsider', 'platform.submitActivity', visitDraft(lab.id)))
    expect(draft).toMatchObject({ status: 'draft', platformId: lab.id, stationId: null, createdBy: 'outsider' })
  })

  it('an invite expires after two weeks', async () => {
    const lab = await createPlatform()
    const invite = data(await t.call(STAFF, 'platform.inviteContact', { platformId: lab.id, name: '王老师' }))
    now = new Date(now.getTime() + 15 * 86_400_000)
    expect(errorOf(await t.call('outsider', 'platform.acceptInvite', { code: invite.code })).fields?.code).toContain('已过期')
  })

  it("platform.submitActivity: a draft for the contact's own platform that staff approve; never another platform's", async () => {
    const { mine, other } = await twoPlatformsWithContacts()
    await join('s1')
    const draft = data(await t.call('contact-a', 'platform.submitActivity', visitDraft(mine.id)))
    expect(draft).toMatchObject({ status: 'draft', platformId: mine.id, stationId: null })
    // Another platform, no platform, a student who is no contact, bad input: refused, nothing written.
    expect(codeOf(await t.call('contact-a', 'platform.submitActivity', visitDraft(other.id)))).toBe('FORBIDDEN')
    expect(errorOf(await t.call('contact-a', 'platform.submitActivity', visitDraft(undefined))).fields?.platformId).toBe('请选择创新平台')
    expect(codeOf(await t.call('s1', 'platform.submitActivity', visitDraft(mine.id)))).toBe('FORBIDDEN')
    expect(codeOf(await t.call(null, 'platform.submitActivity', visitDraft(mine.id)))).toBe('UNAUTHENTICATED')
    expect(errorOf(await t.call('contact-a', 'platform.submitActivity', { ...visitDraft(mine.id), title: '' })).fields?.title).toBe('请填写活动标题')
    expect(data(await t.call('contact-b', 'platform.mine', {})).platforms[0]?.activityDrafts).toEqual([])
    // The contact cannot publish, edit or cancel it (nor anything of the other platform) through activity.*.
    expect(codeOf(await t.call('contact-a', 'activity.publish', { id: draft.id }))).toBe('FORBIDDEN')
    expect(codeOf(await t.call('contact-a', 'activity.update', { id: draft.id, title: '改' }))).toBe('FORBIDDEN')
    expect(codeOf(await t.call('contact-a', 'activity.cancel', { id: draft.id, reason: '不办了' }))).toBe('FORBIDDEN')
    const theirs = data(await t.call('contact-b', 'platform.submitActivity', visitDraft(other.id, '别人的参观')))
    expect(codeOf(await t.call('contact-a', 'activity.update', { id: theirs.id, title: '改' }))).toBe('FORBIDDEN')
    expect(codeOf(await t.call('contact-a', 'activity.get', { id: theirs.id }))).toBe('NOT_FOUND')
    // Students see nothing until staff approve; staff see it waiting on the platform's page.
    expect(data(await t.call('s1', 'platform.get', { id: mine.id })).upcoming).toEqual([])
    expect(data(await t.call('contact-a', 'platform.mine', {})).platforms[0]?.activityDrafts.map((a) => a.id)).toEqual([draft.id])
    expect(data(await t.call(STAFF, 'platform.get', { id: mine.id })).drafts?.map((a) => a.id)).toEqual([draft.id])
    expect(data(await t.call('s1', 'platform.get', { id: mine.id })).drafts).toBeNull()
    data(await t.call(STAFF, 'activity.publish', { id: draft.id }))
    expect(data(await t.call('s1', 'platform.get', { id: mine.id })).upcoming.map((a) => a.id)).toEqual([draft.id])
  })

  it("platform.submitDemand / demandDrafts / reviewDemand: proposals for the contact's own platform, published by staff", async () => {
    const { mine, other } = await twoPlatformsWithContacts()
    const proposal = data(await t.call('contact-a', 'platform.submitDemand', { ...demandInput, platformId: mine.id }))
    expect(proposal).toMatchObject({ status: 'pending', platformId: mine.id, submittedBy: 'contact-a' })
    expect(codeOf(await t.call('contact-a', 'platform.submitDemand', { ...demandInput, platformId: other.id }))).toBe('FORBIDDEN')
    expect(errorOf(await t.call('contact-a', 'platform.submitDemand', demandInput)).fields?.platformId).toBe('请选择创新平台')
    expect(errorOf(await t.call('contact-a', 'platform.submitDemand', { ...demandInput, headcount: 0, platformId: mine.id })).fields?.headcount).toBe('招聘人数至少为1')
    expect(data(await t.call('contact-b', 'platform.mine', {})).platforms[0]?.demandDrafts).toEqual([])
    expect(codeOf(await t.call('contact-a', 'platform.demandDrafts', { platformId: mine.id }))).toBe('FORBIDDEN')
    expect(codeOf(await t.call('contact-a', 'platform.reviewDemand', { id: proposal.id, decision: 'approve' }))).toBe('FORBIDDEN')
    expect(data(await t.call('contact-b', 'demand.list', {})).items).toEqual([])
    expect(data(await t.call(STAFF, 'platform.demandDrafts', { platformId: mine.id })).map((d) => d.id)).toEqual([proposal.id])
    expect(errorOf(await t.call(STAFF, 'platform.reviewDemand', { id: proposal.id, decision: 'reject' })).fields?.reason).toBe('请填写退回理由')
    const approved = data(await t.call(STAFF, 'platform.reviewDemand', { id: proposal.id, decision: 'approve' }))
    expect(approved).toMatchObject({ status: 'approved', demandId: expect.stringMatching(/^dm/) })
    expect(codeOf(await t.call(STAFF, 'platform.reviewDemand', { id: proposal.id, decision: 'approve' }))).toBe('CONFLICT')
    expect(data(await t.call('contact-b', 'platform.get', { id: mine.id })).openDemands.map((d) => d.id)).toEqual([approved.demandId])
    now = new Date(now.getTime() + 60_000)
    const second = data(await t.call('contact-a', 'platform.submitDemand', { ...demandInput, position: '质检员', platformId: mine.id }))
    expect(data(await t.call(STAFF, 'platform.reviewDemand', { id: second.id, decision: 'reject', reason: '岗位重复' }))).toMatchObject({ status: 'rejected', reason: '岗位重复' })
    expect(data(await t.call('contact-a', 'platform.mine', {})).platforms[0]?.demandDrafts.map((d) => d.status)).toEqual(['rejected', 'approved'])
  })
})
