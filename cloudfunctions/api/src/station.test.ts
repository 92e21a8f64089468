import type { JoinRequest, Station } from '../../../types'
import { data, errorOf, makeTestApi, profile } from './test-support'

/**
 * Stations through the router on real SQLite: every action's allowed role, forbidden roles, bad
 * input, and the races the issue names.
 */
let t: ReturnType<typeof makeTestApi>
const STAFF = 'staff-1'


async function join(openid: string, overrides: Parameters<typeof profile>[0] = {}) {
  return data(await t.call(openid, 'member.register', profile({ name: `同学${openid}`, ...overrides })))
}

async function makeStation(university = '郑州大学', city = '郑州市'): Promise<Station> {
  return data(await t.call(STAFF, 'station.create', { university, city }))
}

/** A station with a member who joined through an approved request. */
async function memberOf(station: Station, openid: string, overrides: Parameters<typeof profile>[0] = {}) {
  await join(openid, overrides)
  const request = data(await t.call(openid, 'station.requestJoin', { stationId: station.id }))
  data(await t.call(STAFF, 'station.reviewRequest', { id: request.id, decision: 'approve' }))
  return request
}

async function headOf(station: Station, openid: string) {
  await memberOf(station, openid)
  data(await t.call(STAFF, 'station.appointHead', { stationId: station.id, openid, as: 'head' }))
}

beforeEach(async () => {
  t = makeTestApi({ staff: [STAFF] })
})
afterEach(() => t.close())

describe('staff manage stations', () => {
  it('creates a station with the default name, and lists it with counts', async () => {
    const station = await makeStation()
    expect(station).toMatchObject({ name: '郑州大学翼展驿站', university: '郑州大学', city: '郑州市', status: 'open', memberCount: 0 })
    expect(station.id).toMatch(/^st[0-9a-z]{10}$/)
    const list = data(await t.call(STAFF, 'station.list', {}))
    expect(list.items).toEqual([expect.objectContaining({ id: station.id, pendingCount: 0, memberCount: 0 })])
  })

  it('allows one open station per university; a closed one frees the university', async () => {
    const first = await makeStation()
    expect(errorOf(await t.call(STAFF, 'station.create', { university: '郑州大学', city: '郑州' })).code).toBe('CONFLICT')
    data(await t.call(STAFF, 'station.close', { id: first.id, reason: '合并' }))
    expect((await makeStation()).id).not.toBe(first.id)
  })

  it('edits a station, refusing a university that already has one', async () => {
    const a = await makeStation('郑州大学')
    await makeStation('河南大学', '开封市')
    const edited = data(await t.call(STAFF, 'station.update', { id: a.id, intro: '欢迎老乡', name: '郑大驿站' }))
    expect(edited).toMatchObject({ intro: '欢迎老乡', name: '郑大驿站', university: '郑州大学' })
    expect(errorOf(await t.call(STAFF, 'station.update', { id: a.id, university: '河南大学' })).code).toBe('CONFLICT')
    expect(errorOf(await t.call(STAFF, 'station.update', { id: 'st-nope', intro: 'x' })).code).toBe('NOT_FOUND')
  })

  it('refuses station management to students and heads', async () => {
    const station = await makeStation()
    await headOf(station, 'head-a')
    await join('student-a')
    for (const who of ['head-a', 'student-a']) {
      expect(errorOf(await t.call(who, 'station.create', { university: '河南大学', city: '开封' })).code).toBe('FORBIDDEN')
      expect(errorOf(await t.call(who, 'station.update', { id: station.id, intro: 'x' })).code).toBe('FORBIDDEN')
      expect(errorOf(await t.call(who, 'station.close', { id: station.id })).code).toBe('FORBIDDEN')
      expect(errorOf(await t.call(who, 'station.appointHead', { stationId: station.id, openid: who, as: 'head' })).code).toBe('FORBIDDEN')
      expect(errorOf(await t.call(who, 'station.removeHead', { stationId: station.id, openid: 'head-a' })).code).toBe('FORBIDDEN')
      expect(errorOf(await t.call(who, 'audit.list', {})).code).toBe('FORBIDDEN')
    }
    expect(errorOf(await t.call(null, 'station.create', { university: '河南大学', city: '开封' })).code).toBe('UNAUTHENTICATED')
  })

  it('refuses bad station input with the field named, and writes nothing', async () => {
    const cases: [unknown, string][] = [
      [{ city: '郑州' }, 'university'],
      [{ university: '', city: '郑州' }, 'university'],
      [{ university: { $gt: '' }, city: '郑州' }, 'university'],
      [{ university: '郑州大学', city: 'x'.repeat(21) }, 'city'],
      [{ university: '郑州大学', city: '郑州', intro: 'x'.repeat(501) }, 'intro'],
    ]
    for (const [payload, field] of cases) {
      const error = errorOf(await t.call(STAFF, 'station.create', payload))
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.fields).toHaveProperty([field])
    }
    expect(data(await t.call(STAFF, 'station.list', { includeClosed: true })).items).toHaveLength(0)
  })

  it('appoints a head from the members only; replacing the head takes the old head\'s rights at once', async () => {
    const station = await makeStation()
    await join('outsider')
    const notMember = errorOf(await t.call(STAFF, 'station.appointHead', { stationId: station.id, openid: 'outsider', as: 'head' }))
    expect(notMember).toMatchObject({ code: 'INVALID_INPUT', fields: { openid: expect.stringContaining('成员') } })

    await headOf(station, 'head-old')
    expect(data(await t.call('head-old', 'member.me'))).toMatchObject({ role: 'station_head', stationId: station.id })
    expect(data(await t.call('head-old', 'station.members', { stationId: station.id })).items).toHaveLength(1)

    await memberOf(station, 'head-new')
    const replaced = data(await t.call(STAFF, 'station.appointHead', { stationId: station.id, openid: 'head-new', as: 'head' }))
    expect(replaced.headOpenid).toBe('head-new')
    expect(replaced.headName).toBe('同学head-new')
    expect(data(await t.call('head-old', 'member.me'))).toMatchObject({ role: 'student', stationId: station.id })
    expect(errorOf(await t.call('head-old', 'station.members', { stationId: station.id })).code).toBe('FORBIDDEN')
    expect(data(await t.call('head-new', 'station.members', { stationId: station.id })).items).toHaveLength(2)
  })

  it('appoints and removes deputies, who manage the station while they hold the role', async () => {
    const station = await makeStation()
    await memberOf(station, 'deputy')
    const withDeputy = data(await t.call(STAFF, 'station.appointHead', { stationId: station.id, openid: 'deputy', as: 'deputy' }))
    expect(withDeputy.deputyOpenids).toEqual(['deputy'])
    expect(data(await t.call('deputy', 'station.pendingRequests', { stationId: station.id })).items).toEqual([])
    data(await t.call(STAFF, 'station.removeHead', { stationId: station.id, openid: 'deputy' }))
    expect(errorOf(await t.call('deputy', 'station.pendingRequests', { stationId: station.id })).code).toBe('FORBIDDEN')
    expect(errorOf(await t.call(STAFF, 'station.removeHead', { stationId: station.id, openid: 'deputy' })).code).toBe('NOT_FOUND')
  })

  it('closing a station rejects pending requests, detaches members and demotes its leaders', async () => {
    const station = await makeStation()
    await headOf(station, 'head')
    await join('asker')
    const pending = data(await t.call('asker', 'station.requestJoin', { stationId: station.id }))
    const closed = data(await t.call(STAFF, 'station.close', { id: station.id, reason: '学校合并' }))
    expect(closed).toMatchObject({ status: 'closed', headOpenid: null, memberCount: 0 })
    expect(data(await t.call('head', 'member.me'))).toMatchObject({ role: 'student', stationId: null })
    expect(data(await t.call('asker', 'station.myRequest'))).toMatchObject({ id: pending.id, status: 'rejected', reason: '学校合并' })
    expect(errorOf(await t.call('asker', 'station.requestJoin', { stationId: station.id })).code).toBe('CONFLICT')
    expect(errorOf(await t.call(STAFF, 'station.close', { id: station.id })).code).toBe('CONFLICT')
    expect(data(await t.call('asker', 'station.list', {})).items).toHaveLength(0)
    expect(data(await t.call(STAFF, 'station.list', { includeClosed: true })).items).toHaveLength(1)
  })
})

describe('students find and join a station', () => {
  it('searches by university or city, suggests my university first, and hides pending counts', async () => {
    const zzu = await makeStation('郑州大学', '郑州市')
    await makeStation('河南大学', '开封市')
    await makeStation('武汉大学', '武汉市')
    await join('s1', { university: '郑州大学' })
    const all = data(await t.call('s1', 'station.list', {}))
    expect(all.suggested?.id).toBe(zzu.id)
    expect(all.items.map((s) => s.university)).toHaveLength(3)
    expect(all.items[0]).not.toHaveProperty('pendingCount')
    expect(data(await t.call('s1', 'station.list', { q: '开封' })).items.map((s) => s.university)).toEqual(['河南大学'])
    expect(data(await t.call('s1', 'station.list', { q: '武汉' })).items.map((s) => s.university)).toEqual(['武汉大学'])
    expect(data(await t.call('s1', 'station.list', { q: '%' })).items).toEqual([])
    expect(data(await t.call(null, 'station.list', {})).suggested).toBeNull()
  })

  it('finds a station by the 简称 or pinyin initials of its university (郑大, zzdx), from the MoE list', async () => {
    await makeStation('郑州大学', '郑州市')
    await makeStation('河南大学', '开封市')
    for (const q of ['郑大', 'zzdx', '郑州大学']) {
      expect([q, data(await t.call('v1', 'station.list', { q })).items.map((s) => s.university)]).toEqual([q, ['郑州大学']])
    }
    // 河大 stands for several universities; only those with a station are listed.
    expect(data(await t.call('v1', 'station.list', { q: '河大' })).items.map((s) => s.university)).toEqual(['河南大学'])
  })

  it('suggests listed universities to anyone signed in; refuses the anonymous and an empty or long search, naming the field', async () => {
    const found = data(await t.call('v1', 'taxonomy.universities', { q: '郑大', limit: 3 }))
    expect(found[0]).toEqual({ name: '郑州大学', province: '河南省', city: '郑州市', level: 'bachelor' })
    expect(found.length).toBeLessThanOrEqual(3)
    expect(data(await t.call('v1', 'taxonomy.universities', { q: '黄淮' }))[0]?.city).toBe('驻马店市')
    expect(errorOf(await t.call(null, 'taxonomy.universities', { q: '郑大' })).code).toBe('UNAUTHENTICATED')
    for (const q of ['', '   ', '这是一个超过二十个字的非常非常长的学校名称搜索词啊啊']) {
      const error = errorOf(await t.call('v1', 'taxonomy.universities', { q }))
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.fields?.q).toContain('学校')
    }
  })

  it('pages through the directory without gaps or repeats', async () => {
    for (let i = 0; i < 7; i += 1) await makeStation(`大学${String.fromCharCode(65 + i)}`, '某市')
    const seen: string[] = []
    let cursor: string | null | undefined
    do {
      const page = data(await t.call(null, 'station.list', { limit: 3, ...(cursor ? { cursor } : {}) }))
      seen.push(...page.items.map((s) => s.university))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(['大学A', '大学B', '大学C', '大学D', '大学E', '大学F', '大学G'])
    expect(errorOf(await t.call(null, 'station.list', { cursor: 'garbage!' })).fields).toHaveProperty('cursor')
  })

  it('requests, sees the state, cancels, requests again; the head approves; the student sees it on 我的', async () => {
    const station = await makeStation()
    await headOf(station, 'head')
    await join('s1')
    const request = data(await t.call('s1', 'station.requestJoin', { stationId: station.id, note: '老乡你好' }))
    expect(request).toMatchObject({ status: 'pending', note: '老乡你好', stationName: '郑州大学翼展驿站' })
    expect(data(await t.call('s1', 'station.get', { id: station.id })).myRequest?.status).toBe('pending')
    expect(errorOf(await t.call('s1', 'station.requestJoin', { stationId: station.id })).code).toBe('CONFLICT')
    expect(data(await t.call('s1', 'station.cancelRequest', { id: request.id })).status).toBe('cancelled')
    expect(errorOf(await t.call('s1', 'station.cancelRequest', { id: request.id })).code).toBe('CONFLICT')

    const again = data(await t.call('s1', 'station.requestJoin', { stationId: station.id }))
    const pending = data(await t.call('head', 'station.pendingRequests', { stationId: station.id }))
    expect(pending.items).toEqual([expect.objectContaining({ id: again.id, name: '同学s1', phoneMasked: '138****1234' })])
    expect(JSON.stringify(pending)).not.toContain('13812341234')
    data(await t.call('head', 'station.reviewRequest', { id: again.id, decision: 'approve' }))
    expect(data(await t.call('s1', 'member.me'))).toMatchObject({ stationId: station.id, stationJoinedAt: expect.stringMatching(/\+08:00$/) })
    const view = data(await t.call('s1', 'station.get', { id: station.id }))
    expect(view).toMatchObject({ isMine: true, canManage: false, memberCount: 2, figures: null, headName: '同学head' })
    expect(JSON.stringify(view)).not.toContain('13812341234')
  })

  it('a rejection carries the reason the student sees; a reason is required', async () => {
    const station = await makeStation()
    await headOf(station, 'head')
    await join('s1')
    const request = data(await t.call('s1', 'station.requestJoin', { stationId: station.id }))
    const noReason = errorOf(await t.call('head', 'station.reviewRequest', { id: request.id, decision: 'reject' }))
    expect(noReason).toMatchObject({ code: 'INVALID_INPUT', fields: { reason: '请填写拒绝理由' } })
    data(await t.call('head', 'station.reviewRequest', { id: request.id, decision: 'reject', reason: '请先完善专业信息' }))
    expect(data(await t.call('s1', 'station.myRequest'))).toMatchObject({ status: 'rejected', reason: '请先完善专业信息' })
  })

  it('one station at a time: a member of one station cannot request another; leaving frees them', async () => {
    const a = await makeStation('郑州大学')
    const b = await makeStation('河南大学', '开封市')
    await memberOf(a, 's1')
    expect(errorOf(await t.call('s1', 'station.requestJoin', { stationId: b.id })).message).toContain('请先退出')
    expect(errorOf(await t.call('s1', 'station.requestJoin', { stationId: a.id })).code).toBe('CONFLICT')
    expect(data(await t.call('s1', 'station.leave'))).toEqual({ left: true })
    expect(data(await t.call('s1', 'member.me'))?.stationId).toBeNull()
    expect(errorOf(await t.call('s1', 'station.leave')).code).toBe('CONFLICT')
    data(await t.call('s1', 'station.requestJoin', { stationId: b.id }))
  })

  it('a head cannot walk out of the station they run (staff appoint and remove heads)', async () => {
    const station = await makeStation()
    await headOf(station, 'head-leave')
    const refused = errorOf(await t.call('head-leave', 'station.leave'))
    expect(refused).toMatchObject({ code: 'CONFLICT', message: '你是本站站长，不能直接退出驿站；如需卸任，请联系团市委' })
    expect(data(await t.call('head-leave', 'member.me'))?.stationId).toBe(station.id)
  })

  it('needs a member to request, and a real station', async () => {
    const station = await makeStation()
    expect(errorOf(await t.call('visitor', 'station.requestJoin', { stationId: station.id })).code).toBe('FORBIDDEN')
    await join('s1')
    expect(errorOf(await t.call('s1', 'station.requestJoin', { stationId: 'st-missing' })).code).toBe('NOT_FOUND')
    const bad = errorOf(await t.call('s1', 'station.requestJoin', { stationId: station.id, note: 'x'.repeat(201) }))
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', fields: { note: expect.stringContaining('申请留言') } })
    expect(data(await t.call('s1', 'station.myRequest'))).toBeNull()
  })
})

describe('heads run their own station only', () => {
  let a: Station
  let b: Station
  let requestToB: JoinRequest
  beforeEach(async () => {
    a = await makeStation('郑州大学')
    b = await makeStation('河南大学', '开封市')
    await headOf(a, 'head-a')
    await headOf(b, 'head-b')
    await join('s1')
    requestToB = data(await t.call('s1', 'station.requestJoin', { stationId: b.id }))
  })

  it('gives a head of station A FORBIDDEN for anything of station B', async () => {
    const forbidden = [
      t.call('head-a', 'station.pendingRequests', { stationId: b.id }),
      t.call('head-a', 'station.reviewRequest', { id: requestToB.id, decision: 'approve' }),
      t.call('head-a', 'station.members', { stationId: b.id }),
      t.call('head-a', 'station.removeMember', { stationId: b.id, openid: 'head-b', reason: '测试' }),
      t.call('head-a', 'station.exportMembers', { stationId: b.id }),
      t.call('head-a', 'station.invite', { id: b.id }),
    ]
    for (const result of await Promise.all(forbidden)) expect(errorOf(result).code).toBe('FORBIDDEN')
    expect(data(await t.call('s1', 'station.myRequest'))?.status).toBe('pending')
  })

  it('gives a student FORBIDDEN for every head action', async () => {
    for (const result of await Promise.all([
      t.call('s1', 'station.pendingRequests', { stationId: b.id }),
      t.call('s1', 'station.reviewRequest', { id: requestToB.id, decision: 'approve' }),
      t.call('s1', 'station.members', { stationId: b.id }),
      t.call('s1', 'station.removeMember', { stationId: b.id, openid: 'head-b', reason: '测试' }),
      t.call('s1', 'station.exportMembers', { stationId: b.id }),
    ])) {
      expect(errorOf(result).code).toBe('FORBIDDEN')
    }
  })

  it('approving the same request twice, even at once by two people, has one outcome', async () => {
    const results = await Promise.all([
      t.call('head-b', 'station.reviewRequest', { id: requestToB.id, decision: 'approve' }),
      t.call(STAFF, 'station.reviewRequest', { id: requestToB.id, decision: 'approve' }),
      t.call('head-b', 'station.reviewRequest', { id: requestToB.id, decision: 'reject', reason: '名额已满' }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => errorOf(r).code)).toEqual(['CONFLICT', 'CONFLICT'])
    const me = data(await t.call('s1', 'member.me'))
    const final = data(await t.call('s1', 'station.myRequest'))
    expect(me?.stationId === b.id).toBe(final?.status === 'approved')
    const audit = data(await t.call(STAFF, 'audit.list', { stationId: b.id }))
    expect(audit.items.filter((e) => e.action === 'station.reviewRequest' && e.subjectOpenid === 's1')).toHaveLength(1)
  })

  it('lists the roster with masked phones and filters; removes a member with a reason, never the head', async () => {
    await join('s2', { degree: 'master', graduationYear: 2027, hometownCounty: 'xincai', fields: ['biomed'], major: '药学' })
    const r2 = data(await t.call('s2', 'station.requestJoin', { stationId: b.id }))
    data(await t.call('head-b', 'station.reviewRequest', { id: r2.id, decision: 'approve' }))
    const roster = data(await t.call('head-b', 'station.members', { stationId: b.id }))
    expect(roster.items.map((m) => m.openid)).toEqual(['s2', 'head-b'])
    expect(roster.items[1]).toMatchObject({ role: 'head', phoneMasked: '138****1234' })
    expect(JSON.stringify(roster)).not.toContain('13812341234')
    const only = async (filter: Record<string, unknown>) =>
      data(await t.call('head-b', 'station.members', { stationId: b.id, ...filter })).items.map((m) => m.openid)
    expect(await only({ degree: 'master' })).toEqual(['s2'])
    expect(await only({ graduationYear: 2027 })).toEqual(['s2'])
    expect(await only({ county: 'xincai' })).toEqual(['s2'])
    expect(await only({ field: 'biomed' })).toEqual(['s2'])
    expect(await only({ q: '药' })).toEqual(['s2'])
    expect(await only({ q: 'head' })).toEqual(['head-b'])
    expect(errorOf(await t.call('head-b', 'station.members', { stationId: b.id, county: 'beijing' })).fields).toHaveProperty('county')

    expect(errorOf(await t.call('head-b', 'station.removeMember', { stationId: b.id, openid: 'head-b', reason: '测试' })).code).toBe('CONFLICT')
    expect(errorOf(await t.call('head-b', 'station.removeMember', { stationId: b.id, openid: 's2' })).fields).toHaveProperty('reason')
    data(await t.call('head-b', 'station.removeMember', { stationId: b.id, openid: 's2', reason: '长期未参加活动' }))
    expect(data(await t.call('s2', 'member.me'))?.stationId).toBeNull()
    expect(errorOf(await t.call('head-b', 'station.removeMember', { stationId: b.id, openid: 's2', reason: '再次' })).code).toBe('NOT_FOUND')
  })

  it('pages the roster newest first without gaps', async () => {
    for (let i = 0; i < 5; i += 1) await memberOf(b, `m${i}`)
    const seen: string[] = []
    let cursor: string | null | undefined
    do {
      const page = data(await t.call('head-b', 'station.members', { stationId: b.id, limit: 2, ...(cursor ? { cursor } : {}) }))
      seen.push(...page.items.map((m) => m.openid))
      cursor = page.nextCursor
    } while (cursor)
    expect(new Set(seen).size).toBe(6)
    expect(seen).toHaveLength(6)
  })

  it('shows the head the station figures on the station page', async () => {
    const view = data(await t.call('head-b', 'station.get', { id: b.id }))
    expect(view).toMatchObject({ canManage: true, figures: { members: 1, joinedThisMonth: 1, pendingRequests: 1 } })
  })
})

describe('audit log', () => {
  it('records every head and staff write, and staff filter it by actor, station and date', async () => {
    const station = await makeStation()
    await headOf(station, 'head')
    await join('s1')
    const request = data(await t.call('s1', 'station.requestJoin', { stationId: station.id }))
    data(await t.call('head', 'station.reviewRequest', { id: request.id, decision: 'approve' }))
    data(await t.call('head', 'station.removeMember', { stationId: station.id, openid: 's1', reason: '毕业' }))
    const all = data(await t.call(STAFF, 'audit.list', {}))
    expect(all.items.map((e) => e.action)).toEqual([
      'station.removeMember',
      'station.reviewRequest',
      'station.appointHead',
      'station.reviewRequest',
      'station.create',
    ])
    const byHead = data(await t.call(STAFF, 'audit.list', { actor: 'head' })).items
    expect(byHead.map((e) => [e.action, e.subjectOpenid, e.actorRole])).toEqual([
      ['station.removeMember', 's1', 'station_head'],
      ['station.reviewRequest', 's1', 'station_head'],
    ])
    expect(byHead[0].summary).toContain('毕业')
    const today = all.items[0].at.slice(0, 10)
    expect(data(await t.call(STAFF, 'audit.list', { from: today, to: today })).items).toHaveLength(5)
    expect(data(await t.call(STAFF, 'audit.list', { to: '2000-01-01' })).items).toHaveLength(0)
    expect(data(await t.call(STAFF, 'audit.list', { stationId: 'st-other' })).items).toHaveLength(0)
    expect(errorOf(await t.call(STAFF, 'audit.list', { from: '27/11/2026' })).fields).toHaveProperty('from')
  })

  it('shows names, not openids, and offers the operators to filter by; heads may not read it', async () => {
    const station = await makeStation()
    await headOf(station, 'head')
    await join('s1')
    const request = data(await t.call('s1', 'station.requestJoin', { stationId: station.id }))
    data(await t.call('head', 'station.reviewRequest', { id: request.id, decision: 'approve' }))
    const headName = data(await t.call('head', 'member.me'))!.name
    const studentName = data(await t.call('s1', 'member.me'))!.name
    const [review, ...earlier] = data(await t.call(STAFF, 'audit.list', {})).items
    expect(review).toMatchObject({ actorName: headName, subjectName: studentName })
    expect(earlier.find((e) => e.action === 'station.create')).toMatchObject({ actorName: '团市委工作人员' })

    const actors = data(await t.call(STAFF, 'audit.actors', {}))
    expect(actors.map((a) => [a.openid, a.name, a.role])).toEqual([
      ['head', headName, 'station_head'],
      [STAFF, '团市委工作人员', 'staff'],
    ])
    expect(errorOf(await t.call('head', 'audit.actors', {})).code).toBe('FORBIDDEN')
    expect(errorOf(await t.call('s1', 'audit.list', {})).code).toBe('FORBIDDEN')

    // Once the student deletes their data, the log keeps the entry and loses the name.
    data(await t.call('s1', 'member.deleteMine'))
    const after = data(await t.call(STAFF, 'audit.list', { actor: 'head' })).items[0]
    expect(after.subjectName === null || after.subjectName === '已注销的成员').toBe(true)
    expect(JSON.stringify(after)).not.toContain(studentName)
  })
})

describe('deleting an account detaches it from stations', () => {
  it('removes the member\'s requests and their head role', async () => {
    const station = await makeStation()
    await headOf(station, 'head')
    data(await t.call('head', 'member.deleteMine'))
    const view = data(await t.call(STAFF, 'station.get', { id: station.id }))
    expect(view).toMatchObject({ headOpenid: null, headName: null, memberCount: 0 })
    await join('s1')
    data(await t.call('s1', 'station.requestJoin', { stationId: station.id }))
    data(await t.call('s1', 'member.deleteMine'))
    expect(data(await t.call(STAFF, 'station.pendingRequests', { stationId: station.id })).items).toEqual([])
  })
})
