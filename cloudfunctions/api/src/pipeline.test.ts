import ExcelJS from 'exceljs'
import type { Cell, DashboardOverview, Figure, FunnelView, PipelineMembersPage, Station } from '../../../types'
import { OTHER_UNIVERSITIES, UNKNOWN_PROVINCE, fromWire, funnelFromWire, funnelToWire, toWire } from '../../../types'
import { takeMonthlySnapshot, takeStationSnapshots } from '../../core/pipeline/pipeline'
import { seedDemoData } from './seed'
import { DEMO_PIPELINE_MEMBERS } from './seed-pipeline'
import { data, errorOf, makeTestApi, profile, testServices } from './test-support'

/**
 * The talent pipeline through the router (issue 14): 去向登记 with history and verification, the
 * dashboard scoped and suppressed per role, and every figure equal to the rows it lists.
 */
let now = new Date('2026-07-10T10:00:00+08:00')
const clock = { now: () => now }
let t: ReturnType<typeof makeTestApi>
const STAFF = 'staff-1'


const inQueshan = { status: 'contract', workProvince: 'henan', workCity: '驻马店市', workCounty: 'queshan', employer: '确山县某制造企业' }
const inZhengzhou = { status: 'contract', workProvince: 'henan', workCity: '郑州市', reasons: ['pay', 'jobs'], considerReturn: 'maybe' }

async function memberOf(station: Station, openid: string, overrides: Parameters<typeof profile>[0] = {}) {
  data(await t.call(openid, 'member.register', profile({ name: `同学${openid}`, ...overrides })))
  const request = data(await t.call(openid, 'station.requestJoin', { stationId: station.id }))
  data(await t.call(STAFF, 'station.reviewRequest', { id: request.id, decision: 'approve' }))
}

let stationA: Station
let stationB: Station
let demandId: string
let activityId: string

/** Station A: a head and eight members over two cohorts; station B: three members. */
beforeEach(async () => {
  now = new Date('2026-07-10T10:00:00+08:00')
  t = makeTestApi({ staff: [STAFF], clock })
  stationA = data(await t.call(STAFF, 'station.create', { university: '郑州大学', city: '郑州市' }))
  stationB = data(await t.call(STAFF, 'station.create', { university: '河南大学', city: '开封市' }))
  await memberOf(stationA, 'head-a', { hometownCounty: 'queshan' })
  data(await t.call(STAFF, 'station.appointHead', { stationId: stationA.id, openid: 'head-a', as: 'head' }))
  for (let i = 1; i <= 8; i += 1) {
    await memberOf(stationA, `a${i}`, { graduationYear: i <= 6 ? 2026 : 2025, hometownCounty: i <= 5 ? 'queshan' : 'xiping' })
  }
  for (let i = 1; i <= 3; i += 1) await memberOf(stationB, `b${i}`, { hometownCounty: 'runan' })
  const created = data(
    await t.call(STAFF, 'activity.create', {
      type: 'summer_practice',
      title: '暑期社会实践',
      description: '走进驻马店的重点实验室。',
      hostOrg: '共青团驻马店市委',
      place: '驻马店市科技馆',
      startAt: '2026-07-20T09:00:00+08:00',
      endAt: '2026-07-20T17:00:00+08:00',
      signUpOpenAt: '2026-07-01T00:00:00+08:00',
      signUpCloseAt: '2026-07-15T23:59:00+08:00',
      capacity: 20,
      waitlist: true,
    }),
  )
  data(await t.call(STAFF, 'activity.publish', { id: created.id }))
  activityId = created.id
  for (const m of ['a1', 'a2', 'a3', 'a4', 'a5', 'a6']) data(await t.call(m, 'activity.signUp', { activityId: created.id, answers: {} }))
  for (const m of ['a1', 'a2', 'a3', 'a4', 'a5']) {
    data(await t.call(STAFF, 'activity.markAttendance', { activityId: created.id, openid: m, status: 'checked_in' }))
  }
  const demand = data(
    await t.call(STAFF, 'demand.create', {
      employer: '驻马店电子信息产业园',
      position: '嵌入式工程师',
      field: 'electronics',
      degree: 'bachelor',
      headcount: 7,
      place: '驿城区',
      deadline: '2099-12-31',
    }),
  )
  demandId = demand.id
  for (const m of ['a1', 'a2']) data(await t.call(m, 'demand.registerInterest', { id: demand.id, share: ['name'] }))
  for (const m of ['a1', 'a2', 'a3', 'a4', 'a5', 'b1']) data(await t.call(m, 'destination.report', inQueshan))
  data(await t.call('a6', 'destination.report', inZhengzhou))
  data(await t.call('a7', 'destination.report', { status: 'further_study', workProvince: 'beijing', workCity: '北京市', reasons: ['study'] }))
})
afterEach(() => t.close())

/** CloudBase keeps derived facts that the scheduler refreshes; SQLite derives them on every read. */
async function refreshed() {
  await t.store.pipeline.refreshFacts(null)
}

/** Every Cell anywhere inside a dashboard answer. */
function cellsOf(value: unknown, found: Cell[] = []): Cell[] {
  if (Array.isArray(value)) for (const v of value) cellsOf(v, found)
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>
    if ('figure' in o && 'display' in o && 'value' in o) found.push(o as unknown as Cell)
    else for (const v of Object.values(o)) cellsOf(v, found)
  }
  return found
}

async function rowsOf(openid: string, figure: Figure, limit = 3): Promise<string[]> {
  const rows: string[] = []
  let cursor: string | null = null
  do {
    const page: PipelineMembersPage = data(await t.call(openid, 'pipeline.members', { ...figure, limit, ...(cursor ? { cursor } : {}) }))
    rows.push(...page.items.map((r) => r.openid))
    cursor = page.nextCursor
  } while (cursor)
  return rows
}

describe('去向登记', () => {
  it('keeps every report as history, newest first, and the latest one counts', async () => {
    now = new Date('2026-08-01T10:00:00+08:00')
    data(await t.call('a6', 'destination.report', inQueshan))
    const mine = data(await t.call('a6', 'destination.mine', {}))
    expect(mine.records.map((r) => r.workCity)).toEqual(['驻马店市', '郑州市'])
    expect(mine.records[1].reasons).toEqual(['pay', 'jobs'])
    await refreshed()
    expect(await rowsOf(STAFF, { metric: 'returned', cohort: 2026 })).toContain('a6')
  })

  it('refuses a 驻马店 workplace without its county, naming the field, and writes nothing', async () => {
    const error = errorOf(await t.call('a8', 'destination.report', { status: 'contract', workProvince: 'henan', workCity: '驻马店市' }))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.fields?.workCounty).toContain('县区')
    expect(errorOf(await t.call('a8', 'destination.report', { workProvince: 'henan' })).message).toContain('毕业去向')
    expect(data(await t.call('a8', 'destination.mine', {})).records).toEqual([])
  })

  it('lets only members report and only staff verify', async () => {
    expect(errorOf(await t.call('visitor', 'destination.report', inQueshan)).code).toBe('FORBIDDEN')
    const record = data(await t.call('a1', 'destination.mine', {})).records[0]
    expect(errorOf(await t.call('head-a', 'destination.verify', { id: record.id, note: '电话核实' })).code).toBe('FORBIDDEN')
    expect(errorOf(await t.call(STAFF, 'destination.verify', { id: record.id })).fields?.note).toContain('核实说明')
  })

  it('keeps verified and self-reported figures apart', async () => {
    const record = data(await t.call('a1', 'destination.mine', {})).records[0]
    const verified = data(await t.call(STAFF, 'destination.verify', { id: record.id, note: '单位人事电话核实' }))
    expect(verified.verification?.note).toBe('单位人事电话核实')
    expect(errorOf(await t.call(STAFF, 'destination.verify', { id: record.id, note: '再次' })).code).toBe('CONFLICT')
    await refreshed()
    const overview = fromWire(data(await t.call(STAFF, 'dashboard.overview', {})))
    expect(overview.headline.returned.value).toBe(6)
    expect(overview.headline.returnedVerified.value).toBe(1)
    expect(await rowsOf(STAFF, { metric: 'returnedVerified' })).toEqual(['a1'])
    // Each row names the record the figure used, so staff verify from the list.
    const row = data(await t.call(STAFF, 'pipeline.members', { metric: 'returnedVerified' })).items[0]
    expect(row).toMatchObject({ destinationId: record.id, verified: true, workPlace: '河南省 驻马店市 确山县' })
  })
})

describe('the dashboard', () => {
  it('shows staff the funnel per cohort with denominators beside every rate', async () => {
    await refreshed()
    const funnel: FunnelView = funnelFromWire(data(await t.call(STAFF, 'pipeline.funnel', {})))
    const c2026 = funnel.cohorts.find((c) => c.cohort === 2026)
    expect(c2026?.steps.map((s) => [s.metric, s.count.value])).toEqual([
      ['joined', 10],
      ['signedUp', 6],
      ['participated', 5],
      ['intent', 2],
      ['returned', 6],
      ['returnedVerified', 0],
    ])
    // 2026: head-a, a1–a6 and b1–b3 (the profile's default year); a1–a6 and b1 reported.
    expect(c2026?.returnRate.display).toBe('85.7%（6/7）')
    expect(c2026?.coverage.display).toBe('70.0%（7/10）')
    expect(c2026?.steps[2].fromPrevious?.display).toBe('83.3%（5/6）')
  })

  it('lists exactly the members behind every figure it shows, staff and head alike', async () => {
    await refreshed()
    const staffOverview: DashboardOverview = fromWire(data(await t.call(STAFF, 'dashboard.overview', {})))
    const staffFunnel = funnelFromWire(data(await t.call(STAFF, 'pipeline.funnel', {})))
    const cells = [...cellsOf(staffOverview), ...cellsOf(staffFunnel)]
    expect(cells.length).toBeGreaterThan(50)
    const seen = new Set<string>()
    for (const cell of cells) {
      const key = JSON.stringify(cell.figure)
      if (seen.has(key)) continue
      seen.add(key)
      // Pages of 20 here (paging itself is walked in threes for the head below).
      const rows = await rowsOf(STAFF, cell.figure, 20)
      expect([key, rows.length]).toEqual([key, cell.value])
      expect(new Set(rows).size).toBe(rows.length)
    }
    const headOverview = fromWire(data(await t.call('head-a', 'dashboard.overview', {})))
    for (const cell of cellsOf(headOverview)) {
      if (cell.value === null || cell.value < 5) continue
      expect(await rowsOf('head-a', cell.figure)).toHaveLength(cell.value)
    }
  }, 60_000)

  it('shows a head their own station only, with no small cell printed', async () => {
    await refreshed()
    const overview = fromWire(data(await t.call('head-a', 'dashboard.overview', {})))
    expect(overview.scope).toMatchObject({ stationId: stationA.id, suppressed: true })
    expect(overview.stations.map((s) => s.stationId)).toEqual([stationA.id])
    const cells = cellsOf(overview)
    for (const cell of cells) {
      expect(cell.figure.stationId).toBe(stationA.id)
      if (cell.value !== null) expect(cell.value === 0 || cell.value >= 5).toBe(true)
    }
    expect(cells.some((c) => c.display === '<5')).toBe(true)
    expect(JSON.stringify(overview)).not.toContain('同学b1')
    expect(errorOf(await t.call('head-a', 'dashboard.overview', { stationId: stationB.id })).code).toBe('FORBIDDEN')
    expect(errorOf(await t.call('head-a', 'pipeline.members', { metric: 'joined', stationId: stationB.id })).code).toBe('FORBIDDEN')
    // A figure under 5 does not open into names for a head.
    expect(errorOf(await t.call('head-a', 'pipeline.members', { metric: 'intent' })).code).toBe('FORBIDDEN')
    // Without a station id the head still gets their own station's rows.
    expect(await rowsOf('head-a', { metric: 'returned' })).toEqual(['a1', 'a2', 'a3', 'a4', 'a5'])
  })

  it('does not open a cell a head sees hidden, even one of 5 or more hidden to protect a small one', async () => {
    await refreshed()
    const hidden = [
      ...cellsOf(fromWire(data(await t.call('head-a', 'dashboard.overview', {})))),
      ...cellsOf(funnelFromWire(data(await t.call('head-a', 'pipeline.funnel', {})))),
    ].filter((c) => c.value === null)
    let complementary = 0
    for (const cell of hidden) {
      // Its true count, as staff see it: were it opened, the small cell next to it would follow.
      if ((await rowsOf(STAFF, cell.figure)).length >= 5) complementary += 1
      expect([cell.figure, errorOf(await t.call('head-a', 'pipeline.members', { ...cell.figure, limit: 50 })).code]).toEqual([cell.figure, 'FORBIDDEN'])
    }
    expect(complementary).toBeGreaterThan(0)
  })

  it('refuses students and visitors, and refuses an unknown metric naming the field', async () => {
    for (const who of ['a1', 'visitor']) {
      expect(errorOf(await t.call(who, 'dashboard.overview', {})).code).toMatch(/FORBIDDEN|UNAUTHENTICATED/)
      expect(errorOf(await t.call(who, 'pipeline.members', { metric: 'joined' })).code).toMatch(/FORBIDDEN|UNAUTHENTICATED/)
    }
    expect(errorOf(await t.call(STAFF, 'pipeline.members', { metric: 'everyone' })).message).toContain('指标')
  })

  it('audits every drill-down to names and exports exactly the rows, the dictionary first', async () => {
    await refreshed()
    const figure: Figure = { metric: 'returned', cohort: 2026 }
    const total = data(await t.call(STAFF, 'pipeline.members', figure)).total
    const file = data(await t.call(STAFF, 'pipeline.export', figure))
    expect(file.rows).toBe(total)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
    expect(workbook.worksheets[0].name).toBe('指标说明')
    expect(workbook.worksheets[1].rowCount - 1).toBe(total)
    const external = data(await t.call(STAFF, 'pipeline.export', { metric: 'intent', external: true }))
    const externalBook = new ExcelJS.Workbook()
    await externalBook.xlsx.load(Buffer.from(external.contentBase64, 'base64') as unknown as ArrayBuffer)
    expect(externalBook.worksheets[1].getCell('B2').value).toBe('<5')
    expect(errorOf(await t.call('head-a', 'pipeline.export', { metric: 'joined', external: true })).code).toBe('FORBIDDEN')
    const audit = data(await t.call(STAFF, 'audit.list', {}))
    expect(audit.items.map((e) => e.action)).toEqual(expect.arrayContaining(['pipeline.members', 'pipeline.export']))
  })

  it('puts field supply beside open positions per field', async () => {
    await refreshed()
    const overview = fromWire(data(await t.call(STAFF, 'dashboard.overview', {})))
    const electronics = overview.fields.find((f) => f.field === 'electronics')
    expect(electronics).toMatchObject({ openPositions: 7, members: expect.objectContaining({ value: 12 }) })
    expect(overview.reasons.slice(0, 3).map((r) => [r.reason, r.count.value])).toEqual(
      expect.arrayContaining([
        ['pay', 1],
        ['jobs', 1],
      ]),
    )
  })
})

describe('the study places and the reasons', () => {
  it('shows the top 20 universities and 其他, provinces of study, and each opens into exactly its rows', async () => {
    // 21 more universities (one not on the Ministry's list): 郑州大学 and 20 others, so one falls into 其他.
    const extra = ['北京大学', '清华大学', '复旦大学', '浙江大学', '南京大学', '武汉大学', '中山大学', '四川大学', '山东大学', '吉林大学', '厦门大学', '湖南大学', '重庆大学', '兰州大学', '天津大学', '东南大学', '同济大学', '南开大学', '河南财经政法大学', '河南工业大学', '驻马店自学考试辅导站']
    for (const [i, university] of extra.entries()) {
      data(await t.call(`u${i}`, 'member.register', profile({ name: `同学u${i}`, university })))
    }
    await refreshed()
    const overview = fromWire(data(await t.call(STAFF, 'dashboard.overview', {})))
    expect(overview.universities).toHaveLength(21)
    expect(overview.universities[0]).toMatchObject({ key: '郑州大学', members: expect.objectContaining({ value: 12 }) })
    const other = overview.universities[20]
    expect(other).toMatchObject({ key: OTHER_UNIVERSITIES, name: '其他', members: expect.objectContaining({ value: 2 }) })
    expect(overview.universities.reduce((a, u) => a + (u.members.value ?? 0), 0)).toBe(overview.headline.members.value)
    expect(overview.provinces.reduce((a, p) => a + (p.members.value ?? 0), 0)).toBe(overview.headline.members.value)
    expect(overview.provinces[0]).toMatchObject({ key: '河南省' })
    expect(overview.provinces.find((p) => p.key === UNKNOWN_PROVINCE)?.members.value).toBe(1)
    for (const row of [...overview.universities, ...overview.provinces]) {
      expect([row.key, (await rowsOf(STAFF, row.members.figure, 10)).length]).toEqual([row.key, row.members.value])
    }
    // 其他 holds the two universities ranked last (by members, then by name).
    const rows = data(await t.call(STAFF, 'pipeline.members', { ...other.members.figure, limit: 50 }))
    const byName = [...extra].sort((a, b) => (a < b ? -1 : 1))
    expect(rows.items.map((r) => r.university).sort()).toEqual(byName.slice(-2).sort())
  })

  it('breaks the reasons down per cohort and per county, the cells of a reason adding up to its count', async () => {
    await refreshed()
    const overview = fromWire(data(await t.call(STAFF, 'dashboard.overview', {})))
    const pay = overview.reasonsByCohort.rows.find((r) => r.reason === 'pay')
    expect(overview.reasonsByCohort.cohorts).toEqual(overview.countyByCohort.cohorts)
    expect(pay?.cells.map((c) => [c.figure.cohort, c.value])).toEqual([
      [2026, 1],
      [2025, 0],
    ])
    const study = overview.reasonsByCounty.rows.find((r) => r.reason === 'study')
    expect(study?.cells.find((c) => c.figure.county === 'xiping')?.value).toBe(1)
    expect(overview.reasonsByCounty.rows.map((r) => r.reason)).toEqual(overview.reasons.map((r) => r.reason))
    // A head sees them suppressed: no small number printed, and what is hidden cannot be worked out.
    const head = fromWire(data(await t.call('head-a', 'dashboard.overview', {})))
    for (const row of [...head.reasonsByCohort.rows, ...head.reasonsByCounty.rows]) {
      for (const c of row.cells) if (c.value !== null) expect(c.value === 0 || c.value >= 5).toBe(true)
    }
    expect(head.reasonsByCohort.rows.flatMap((r) => r.cells).some((c) => c.display === '<5')).toBe(true)
  })
})

describe('the monthly trend', () => {
  it('counts members by the month they reached each stage, and each month opens into its rows', async () => {
    await refreshed()
    const overview = fromWire(data(await t.call(STAFF, 'dashboard.overview', {})))
    expect(overview.trend.months).toHaveLength(12)
    expect(overview.trend.months[11]).toBe('2026-07')
    expect(overview.trend.months[0]).toBe('2025-08')
    expect(overview.trend.rows.map((r) => [r.metric, r.cells[11].value])).toEqual([
      ['joined', 12],
      ['participated', 5],
      ['reported', 8],
      ['returned', 6],
    ])
    // A later report in August: 回驻 moves to August, the first report stays in July.
    now = new Date('2026-08-03T10:00:00+08:00')
    data(await t.call('a7', 'destination.report', inQueshan))
    await refreshed()
    const august = fromWire(data(await t.call(STAFF, 'dashboard.overview', {})))
    const row = (metric: string) => august.trend.rows.find((r) => r.metric === metric)?.cells.slice(-2).map((c) => c.value)
    expect(row('reported')).toEqual([8, 0])
    expect(row('returned')).toEqual([6, 1])
    expect(await rowsOf(STAFF, { metric: 'returned', month: '2026-08' })).toEqual(['a7'])
    expect(errorOf(await t.call(STAFF, 'pipeline.members', { metric: 'intent', month: '2026-07' })).fields?.month).toContain('按月份')
  })
})

describe('the dashboard on the wire', () => {
  it('sends counts only, and the client rebuilds the very overview the server computed', async () => {
    await refreshed()
    const deps = { store: t.store, clock, ...testServices }
    expect(await takeMonthlySnapshot(deps)).toBe('2026-07')
    // The snapshot keeps the whole overview, figures and all: what the wire must rebuild.
    const full = JSON.parse((await t.store.pipeline.getSnapshot('2026-07', null)) ?? '{}') as DashboardOverview
    expect(fromWire(toWire(full))).toEqual(full)
    const wire = data(await t.call(STAFF, 'dashboard.overview', {}))
    expect(fromWire(wire)).toEqual({ ...full, asOf: wire.asOf, snapshots: ['2026-07'] })
    expect(JSON.stringify(wire).length * 4).toBeLessThan(JSON.stringify(full).length)
    // And for a head, whose figures all carry their station.
    const head = fromWire(data(await t.call('head-a', 'dashboard.overview', {})))
    expect(toWire(head)).toEqual(data(await t.call('head-a', 'dashboard.overview', {})))
  })

  it('sends the funnel as counts too: it rebuilds into the funnel of the overview, for staff and for a head', async () => {
    await refreshed()
    for (const who of [STAFF, 'head-a']) {
      const wire = data(await t.call(who, 'pipeline.funnel', {}))
      const overview = fromWire(data(await t.call(who, 'dashboard.overview', {})))
      const funnel = funnelFromWire(wire)
      expect(funnel).toEqual({ scope: overview.scope, cohorts: overview.funnel })
      expect(funnelToWire(funnel)).toEqual(wire)
      // No figure objects on the wire: a count (or null for "<5") per line and cohort.
      expect(JSON.stringify(wire)).not.toContain('"figure"')
    }
  })
})

describe('the facts behind the figures', () => {
  it('follow the writes that change them, with no nightly refresh in between (a sign-up alone waits for it)', async () => {
    // No refreshed() here: on CloudBase each write above updated its member's fact row itself.
    const now1 = data(await t.call(STAFF, 'dashboard.overview', {}))
    await refreshed()
    expect(data(await t.call(STAFF, 'dashboard.overview', {}))).toEqual(now1)
    // A profile edit moves a member to another cohort; withdrawing an interest turns 意向 off.
    data(await t.call('a1', 'member.update', { graduationYear: 2027 }))
    data(await t.call('a2', 'demand.withdrawInterest', { id: demandId }))
    const now2 = fromWire(data(await t.call(STAFF, 'dashboard.overview', {})))
    expect(now2.funnel.find((c) => c.cohort === 2027)?.steps[0].count.value).toBe(1)
    expect(now2.headline.members.value).toBe(12)
    expect(now2.funnel.reduce((a, c) => a + (c.steps.find((x) => x.metric === 'intent')?.count.value ?? 0), 0)).toBe(1)
    await refreshed()
    expect(fromWire(data(await t.call(STAFF, 'dashboard.overview', {})))).toEqual(now2)
  })

  it('count a sign-up under 报名 at once (one conditional flag write on CloudBase), and once only', async () => {
    const signedUp = async () => (await rowsOf(STAFF, { metric: 'signedUp', cohort: 2025 }, 20)).sort()
    expect(await signedUp()).toEqual([])
    data(await t.call('a7', 'activity.signUp', { activityId, answers: {} }))
    expect(await signedUp()).toEqual(['a7'])
    // Signing up again (a retry) changes nothing; the nightly refresh agrees with the flag.
    data(await t.call('a7', 'activity.signUp', { activityId, answers: {} }))
    expect(await signedUp()).toEqual(['a7'])
    await refreshed()
    expect(await signedUp()).toEqual(['a7'])
  })
})

describe('monthly snapshots', () => {
  it('freeze the figures: a later report changes now, not the month already taken', async () => {
    const deps = { store: t.store, clock, ...testServices }
    expect(await takeMonthlySnapshot(deps)).toBe('2026-07')
    expect(await takeMonthlySnapshot(deps)).toBeNull()
    data(await t.call('a8', 'destination.report', inQueshan))
    await refreshed()
    const live = fromWire(data(await t.call(STAFF, 'dashboard.overview', {})))
    const frozen = fromWire(data(await t.call(STAFF, 'dashboard.overview', { snapshot: '2026-07' })))
    expect(live.headline.returned.value).toBe(7)
    expect(frozen.headline.returned.value).toBe(6)
    expect(frozen.snapshot).toBe('2026-07')
    expect(live.snapshots).toEqual(['2026-07'])
  })

  it('give a head their own station month, frozen as they saw it, and never the whole alliance one', async () => {
    const deps = { store: t.store, clock, ...testServices }
    expect(await takeMonthlySnapshot(deps)).toBe('2026-07')
    // The league-wide snapshot is not a head's: theirs is taken station by station.
    expect(errorOf(await t.call('head-a', 'dashboard.overview', { snapshot: '2026-07' })).code).toBe('NOT_FOUND')
    const before = fromWire(data(await t.call('head-a', 'dashboard.overview', {})))
    expect(await takeStationSnapshots(deps)).toBe(2)
    expect(await takeStationSnapshots(deps)).toBe(0)
    expect((await t.store.pipeline.snapshotStations('2026-07')).sort()).toEqual(['*', stationA.id, stationB.id].sort())

    // After the month was taken: a profile edit moves a1 to 2027, a8 reports 回驻.
    data(await t.call('a1', 'member.update', { graduationYear: 2027 }))
    data(await t.call('a8', 'destination.report', inQueshan))
    await refreshed()
    const live = fromWire(data(await t.call('head-a', 'dashboard.overview', {})))
    expect(live.snapshots).toEqual(['2026-07'])
    expect(live.funnel.map((c) => c.cohort)).toContain(2027)
    const frozen = fromWire(data(await t.call('head-a', 'dashboard.overview', { snapshot: '2026-07' })))
    // Exactly what the head saw when it was taken: their station, small cells as "<5".
    expect(frozen).toEqual({ ...before, asOf: frozen.asOf, snapshot: '2026-07', snapshots: ['2026-07'] })
    expect(frozen.scope).toMatchObject({ stationId: stationA.id, suppressed: true })
    expect(frozen.funnel.map((c) => c.cohort)).not.toContain(2027)
    expect(JSON.stringify(frozen)).toContain('<5')
    // Another station's month stays closed to this head.
    expect(errorOf(await t.call('head-a', 'dashboard.overview', { snapshot: '2026-07', stationId: stationB.id })).code).toBe('FORBIDDEN')
  })

  it('take the stations a batch per scheduler run, then cost one read', async () => {
    const deps = { store: t.store, clock, ...testServices }
    expect(await takeStationSnapshots(deps, 1)).toBe(1)
    expect(await t.store.pipeline.snapshotStations('2026-07')).toHaveLength(1)
    expect(await takeStationSnapshots(deps, 1)).toBe(1)
    expect(await takeStationSnapshots(deps, 1)).toBe(0)
    expect((await t.store.pipeline.snapshotStations('2026-07')).sort()).toEqual(['*', stationA.id, stationB.id].sort())
  })

  it('need a month written as YYYY-MM that has one', async () => {
    expect(errorOf(await t.call(STAFF, 'dashboard.overview', { snapshot: '2026-7' })).fields?.snapshot).toContain('YYYY-MM')
    expect(errorOf(await t.call(STAFF, 'dashboard.overview', { snapshot: '2026-06' })).code).toBe('NOT_FOUND')
    expect(errorOf(await t.call('head-a', 'dashboard.overview', { snapshot: '2026-06' })).code).toBe('NOT_FOUND')
  })
})

describe('on the demo data', () => {
  it('has a dashboard worth looking at, and every figure it shows equals its rows', async () => {
    await t.close()
    t = makeTestApi({ staff: [STAFF], clock })
    await seedDemoData({ store: t.store, clock })
    const overview = fromWire(data(await t.call(STAFF, 'dashboard.overview', {})))
    expect(overview.headline.members.value).toBeGreaterThanOrEqual(DEMO_PIPELINE_MEMBERS)
    expect(overview.headline.returned.value).toBeGreaterThan(30)
    expect(overview.headline.returnedVerified.value).toBeGreaterThan(5)
    expect(overview.funnel.length).toBeGreaterThanOrEqual(7)
    const funnel = funnelFromWire(data(await t.call(STAFF, 'pipeline.funnel', {})))
    const seen = new Set<string>()
    for (const cell of [...cellsOf(overview), ...cellsOf(funnel)]) {
      const key = JSON.stringify(cell.figure)
      if (seen.has(key)) continue
      seen.add(key)
      expect([key, (await rowsOf(STAFF, cell.figure, 50)).length]).toEqual([key, cell.value])
    }
    // The demo head sees their station, suppressed, and the same holds for what they may open.
    const head = fromWire(data(await t.call('demo-head-1', 'dashboard.overview', {})))
    for (const cell of cellsOf(head)) {
      if (cell.value !== null) expect(cell.value === 0 || cell.value >= 5).toBe(true)
    }
  }, 120_000)
})
