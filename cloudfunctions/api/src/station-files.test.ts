import ExcelJS from 'exceljs'
import { data, errorOf, makeTestApi, profile } from './test-support'

let t: ReturnType<typeof makeTestApi>
const STAFF = 'staff-1'
beforeEach(() => {
  t = makeTestApi({ staff: [STAFF] })
})
afterEach(() => t.close())


async function xlsxOf(rows: (string | number)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('驿站')
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64')
}

const csvOf = (text: string) => Buffer.from(`\uFEFF${text}`, 'utf8').toString('base64')

describe('station.import', () => {
  it('imports the good rows of an xlsx file and reports each bad row by its number', async () => {
    data(await t.call(STAFF, 'station.create', { university: '郑州大学', city: '郑州市' }))
    const contentBase64 = await xlsxOf([
      ['学校', '所在城市', '驿站名称', '驿站简介'],
      ['河南大学', '开封市', '', '欢迎老乡'],
      ['', '武汉市', '', ''],
      ['郑州大学', '郑州市', '', ''],
      ['武汉大学', '武汉市', '珞珈驿站', ''],
      ['河南大学', '开封市', '', ''],
      ['南京大学', 'x'.repeat(30), '', ''],
    ])
    const report = data(await t.call(STAFF, 'station.import', { filename: '驿站.xlsx', contentBase64 }))
    expect(report).toEqual({
      imported: 2,
      errors: [
        { row: 3, message: '请填写学校' },
        { row: 4, message: '郑州大学已有开放中的翼展驿站' },
        { row: 6, message: '河南大学已有开放中的翼展驿站' },
        { row: 7, message: '所在城市最多20个字' },
      ],
    })
    const names = data(await t.call(STAFF, 'station.list', {})).items.map((s) => s.name)
    expect(names.sort()).toEqual(['河南大学翼展驿站', '珞珈驿站', '郑州大学翼展驿站'].sort())
    const audit = data(await t.call(STAFF, 'audit.list', {})).items
    expect(audit[0]).toMatchObject({ action: 'station.import', summary: expect.stringContaining('成功2行，失败4行') })
  })

  it('imports UTF-8 CSV with quotes and a BOM', async () => {
    const csv = '学校,所在城市,驿站名称,驿站简介\n"华中科技大学",武汉市,,"喻园驿站，欢迎你"\n浙江大学,杭州市,,\n'
    const report = data(await t.call(STAFF, 'station.import', { filename: 'stations.csv', contentBase64: csvOf(csv) }))
    expect(report).toEqual({ imported: 2, errors: [] })
    const station = data(await t.call(STAFF, 'station.list', { q: '华中' })).items[0]
    expect(station).toMatchObject({ intro: '喻园驿站，欢迎你', city: '武汉市' })
  })

  it('refuses a file without the header, an unreadable file, and a wrong type, writing nothing', async () => {
    const noHeader = errorOf(await t.call(STAFF, 'station.import', { filename: 'a.csv', contentBase64: csvOf('河南大学,开封市\n') }))
    expect(noHeader.fields?.contentBase64).toContain('缺少列：学校、所在城市')
    const broken = errorOf(await t.call(STAFF, 'station.import', { filename: 'a.xlsx', contentBase64: csvOf('not a zip') }))
    expect(broken).toMatchObject({ code: 'INVALID_INPUT', fields: { contentBase64: expect.stringContaining('xlsx') } })
    const wrongType = errorOf(await t.call(STAFF, 'station.import', { filename: 'a.pdf', contentBase64: 'AAAA' }))
    expect(wrongType.fields?.filename).toContain('.xlsx')
    expect(data(await t.call(STAFF, 'station.list', {})).items).toEqual([])
  })

  it('is for staff only', async () => {
    await t.call('s1', 'member.register', profile())
    const result = await t.call('s1', 'station.import', { filename: 'a.csv', contentBase64: csvOf('学校,所在城市\n河南大学,开封\n') })
    expect(errorOf(result).code).toBe('FORBIDDEN')
    expect(data(await t.call(STAFF, 'station.list', {})).items).toEqual([])
  })
})

describe('station.exportMembers', () => {
  async function stationWithMembers() {
    const station = data(await t.call(STAFF, 'station.create', { university: '郑州大学', city: '郑州市' }))
    for (const [openid, name] of [
      ['head', '张站长'],
      ['s1', '李同学'],
    ]) {
      data(await t.call(openid, 'member.register', profile({ name, fields: ['biomed', 'energy'] })))
      const request = data(await t.call(openid, 'station.requestJoin', { stationId: station.id }))
      data(await t.call(STAFF, 'station.reviewRequest', { id: request.id, decision: 'approve' }))
    }
    data(await t.call(STAFF, 'station.appointHead', { stationId: station.id, openid: 'head', as: 'head' }))
    return station
  }

  async function readSheet(base64: string): Promise<string[][]> {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer)
    const rows: string[][] = []
    workbook.worksheets[0].eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')))
    })
    return rows
  }

  it('gives a head an .xlsx roster in Chinese with masked phones, and audits it', async () => {
    const station = await stationWithMembers()
    const file = data(await t.call('head', 'station.exportMembers', { stationId: station.id }))
    expect(file.filename).toMatch(/^郑州大学翼展驿站-成员名单-\d{4}-\d{2}-\d{2}\.xlsx$/)
    expect(file.rows).toBe(2)
    const rows = await readSheet(file.contentBase64)
    expect(rows[0].slice(0, 3)).toEqual(['姓名', '手机号', '学校'])
    expect(rows.slice(1).map((r) => [r[0], r[1], r[5], r[8], r[9], r[10]])).toEqual(
      expect.arrayContaining([
        ['张站长', '138****1234', '本科', '遂平县', '生物医药、新能源', '站长'],
        ['李同学', '138****1234', '本科', '遂平县', '生物医药、新能源', '成员'],
      ]),
    )
    const audit = data(await t.call(STAFF, 'audit.list', { actor: 'head' })).items
    expect(audit[0]).toMatchObject({ action: 'station.exportMembers', stationId: station.id })
  })

  it('gives staff full phones, audited as such; filters apply', async () => {
    const station = await stationWithMembers()
    const file = data(await t.call(STAFF, 'station.exportMembers', { stationId: station.id, q: '李' }))
    const rows = await readSheet(file.contentBase64)
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([['李同学', '13812341234']])
    const audit = data(await t.call(STAFF, 'audit.list', { actor: STAFF })).items
    expect(audit[0].summary).toContain('完整手机号')
  })
})

describe('station.invite', () => {
  it('makes a QR code of the station link once, and keeps it', async () => {
    const station = data(await t.call(STAFF, 'station.create', { university: '郑州大学', city: '郑州市' }))
    const invite = data(await t.call(STAFF, 'station.invite', { id: station.id }))
    expect(invite.scene).toBe(`s=${station.id}`)
    expect(invite.scene.length).toBeLessThanOrEqual(32)
    expect(invite.url).toBe(`http://127.0.0.1:10086/#/pages/station/index?scene=s%3D${station.id}`)
    expect(invite.image).toMatch(/^data:image\/png;base64,/)
    expect(data(await t.call(STAFF, 'station.invite', { id: station.id })).image).toBe(invite.image)
  })

  it('lets members pass their station on, not outsiders; a closed station has no invite', async () => {
    const station = data(await t.call(STAFF, 'station.create', { university: '郑州大学', city: '郑州市' }))
    data(await t.call('s1', 'member.register', profile()))
    expect(errorOf(await t.call('s1', 'station.invite', { id: station.id })).code).toBe('FORBIDDEN')
    const request = data(await t.call('s1', 'station.requestJoin', { stationId: station.id }))
    data(await t.call(STAFF, 'station.reviewRequest', { id: request.id, decision: 'approve' }))
    expect(data(await t.call('s1', 'station.invite', { id: station.id })).url).toContain(station.id)
    data(await t.call(STAFF, 'station.close', { id: station.id }))
    expect(errorOf(await t.call(STAFF, 'station.invite', { id: station.id })).code).toBe('CONFLICT')
  })
})
