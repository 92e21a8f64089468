import type { ActionName, CreateAwardInput, NominateInput } from '../../../types'
import { seededRandom } from '../../core/honour/blind'
import { MASK } from '../../core/honour/blind'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { localMaterials } from '../../core/adapters/files/local-materials'
import { runScheduledJobs } from '../../core/scheduler/scheduler'
import { seedDemoData } from './seed'
import { DEMO_AWARDED_AWARD_ID, DEMO_AWARDED_NOMINATION_ID } from './seed-honour'
import { activityDraft, codeOf, data, errorOf, makeTestApi, profile, testServices } from './test-support'

/** Honours through the router, with a clock the tests move and a seeded jury draw. */
const STAFF = 'staff-1'
let now = new Date('2026-07-01T10:00:00.000+08:00')
const clock = { now: () => now }
const setDay = (iso: string) => {
  now = new Date(iso)
}
let t: ReturnType<typeof makeTestApi>

beforeEach(() => {
  now = new Date('2026-07-01T10:00:00.000+08:00')
  t = makeTestApi({ staff: [STAFF], clock, random: seededRandom(42) })
})
afterEach(() => t.close())

const wusi = (overrides: Partial<CreateAwardInput> = {}): CreateAwardInput => ({
  name: '驻马店青年五四奖章',
  level: 'city',
  kind: 'individual',
  description: '表彰驻马店优秀青年',
  eligibility: { minAge: 14, maxAge: 35, cutoffDate: '2027-05-04', minActivityHours: 8 },
  quotaScope: 'station',
  quotaPerUnit: 2,
  unitPublicityDays: 5,
  noticeDays: 7,
  jurySize: 3,
  juryMajorityPercent: 50,
  ...overrides,
})

const materials = (overrides: Partial<NominateInput['materials']> = {}): NominateInput['materials'] => ({
  birthDate: '2002-03-04',
  deeds: '王小明在郑州大学发起“返乡支教”项目，小明带领同学走进遂平县的乡村小学。',
  summary: '发起返乡支教项目，服务乡村小学三年。',
  ...overrides,
})

/** A station at 郑州大学 with a head and two members; amy has 8 hours of checked-in activity. */
async function world() {
  const stationId = data(await t.call(STAFF, 'station.create', { university: '郑州大学', city: '郑州市' })).id
  for (const [openid, name] of [
    ['head', '李站长'],
    ['amy', '王小明'],
    ['bob', '赵大年'],
  ] as const) {
    data(await t.call(openid, 'member.register', profile({ name })))
    const request = data(await t.call(openid, 'station.requestJoin', { stationId }))
    data(await t.call(STAFF, 'station.reviewRequest', { id: request.id, decision: 'approve' }))
  }
  data(await t.call(STAFF, 'station.appointHead', { stationId, openid: 'head', as: 'head' }))
  const activity = data(await t.call(STAFF, 'activity.create', activityDraft({ startAt: '2026-07-20T09:00:00+08:00', endAt: '2026-07-20T17:00:00+08:00' })))
  data(await t.call(STAFF, 'activity.publish', { id: activity.id }))
  data(await t.call('amy', 'activity.signUp', { activityId: activity.id }))
  setDay('2026-07-20T10:00:00.000+08:00')
  data(await t.call(STAFF, 'activity.markAttendance', { activityId: activity.id, openid: 'amy', status: 'checked_in' }))
  setDay('2026-11-30T10:00:00.000+08:00')
  return { stationId }
}

/** Staff define the award; head nominates amy (who confirms); bob nominates himself; both pass unit publicity and are recommended. */
async function throughUnit() {
  const { stationId } = await world()
  const award = data(await t.call(STAFF, 'honour.awardCreate', wusi()))
  const amy = data(await t.call('head', 'honour.nominate', { awardId: award.id, nomineeOpenid: 'amy', materials: materials() }))
  expect(amy).toMatchObject({ state: 'draft', nominatorKind: 'head', confirmedAt: null, stationId })
  expect(errorOf(await t.call('head', 'honour.submit', { id: amy.id })).message).toBe('被提名人确认后才能提交')
  data(await t.call('amy', 'honour.confirm', { id: amy.id }))
  data(await t.call('head', 'honour.submit', { id: amy.id }))
  const bob = data(await t.call('bob', 'honour.nominate', { awardId: award.id, materials: materials({ birthDate: '1985-01-01', deeds: '赵大年的事迹', summary: '社区志愿服务' }) }))
  data(await t.call('bob', 'honour.submit', { id: bob.id }))
  for (const id of [amy.id, bob.id]) {
    const started = data(await t.call('head', 'honour.startPublicity', { id }))
    expect(started.publicity).toEqual({ start: '2026-11-30', end: '2026-12-04' })
  }
  expect(errorOf(await t.call('head', 'honour.unitDecide', { id: amy.id, approve: true })).message).toBe('单位内公示至2026-12-04结束，期满后才能通过')
  setDay('2026-12-07T10:00:00.000+08:00')
  for (const id of [amy.id, bob.id]) data(await t.call('head', 'honour.unitDecide', { id, approve: true, note: '公示无异议' }))
  const ranked = data(await t.call('head', 'honour.recommend', { awardId: award.id, stationId, ranked: [amy.id, bob.id] }))
  expect(ranked.map((n) => [n.nomineeName, n.rank, n.state])).toEqual([
    ['王小明', 1, 'screening'],
    ['赵大年', 2, 'screening'],
  ])
  return { stationId, award, amyId: amy.id, bobId: bob.id }
}

/** Five jurors; one from 郑州大学 (an automatic conflict with amy). Each redeems their invite. */
async function jurors() {
  const specs = [
    { name: '郑评委', university: '郑州大学', county: 'yicheng' },
    { name: '钱评委', university: '黄淮学院', county: 'yicheng' },
    { name: '孙评委', university: '河南大学', county: 'xiping' },
    { name: '周评委', university: '驻马店市科技局', county: 'runan' },
    { name: '吴评委', university: '驻马店市人社局', county: 'zhengyang' },
  ]
  const out: { id: string; openid: string; name: string }[] = []
  for (const [i, spec] of specs.entries()) {
    const juror = data(await t.call(STAFF, 'honour.jurorCreate', { ...spec, tags: ['综合'] }))
    const openid = `juror-${i}`
    expect(data(await t.call(openid, 'honour.redeemInvite', { code: juror.inviteCode }))).toEqual({ jurorId: juror.id, name: spec.name })
    out.push({ id: juror.id, openid, name: spec.name })
  }
  return out
}

describe('the whole process through the router', () => {
  it('nominates, publicises in the unit, screens with reasons, reviews blind, 公示 with objections, awards and records it', async () => {
    const { award, amyId, bobId } = await throughUnit()

    const screened = data(await t.call(STAFF, 'honour.screen', { awardId: award.id }))
    expect(screened.map((n) => [n.nomineeName, n.state, n.screening?.reasons])).toEqual([
      ['王小明', 'jury_review', []],
      ['赵大年', 'screening_rejected', ['截至2027-05-04年龄为42岁，超过35岁', '签到活动时长0小时，不足8小时']],
    ])

    const pool = await jurors()
    const drawn = data(await t.call(STAFF, 'honour.drawJury', { id: amyId, tags: ['综合'] }))
    const auto = drawn.filter((a) => a.status === 'auto_conflicted')
    expect(auto.every((a) => a.jurorId === pool[0]!.id && a.conflictReason === '与被提名人同一学校或单位')).toBe(true)
    const panel = drawn.filter((a) => a.status === 'invited')
    expect(panel).toHaveLength(3)
    const jurorOf = (id: string) => pool.find((j) => j.id === id)!

    // Before the declaration, nothing of the materials is shown.
    const first = jurorOf(panel[0]!.jurorId)
    const before = data(await t.call(first.openid, 'honour.myReviews'))
    expect(before).toEqual([expect.objectContaining({ label: '材料1', deeds: '', summary: '', declared: false })])
    expect(errorOf(await t.call(first.openid, 'honour.score', { id: amyId, score: 90, approve: true })).message).toBe('请先声明是否存在利益冲突')

    // One declares a conflict and is replaced by the next one drawn.
    data(await t.call(first.openid, 'honour.declare', { id: amyId, conflict: true }))
    expect(codeOf(await t.call(STAFF, 'honour.drawJury', { id: amyId, tags: [] }))).toBe('CONFLICT')
    const assignments = await t.store.honours.assignmentsOf(amyId)
    const active = assignments.filter((a) => a.status === 'invited')
    expect(active).toHaveLength(3)
    expect(active.map((a) => a.jurorId)).not.toContain(first.id)
    expect(assignments.find((a) => a.jurorId === first.id)?.status).toBe('conflicted')

    for (const a of active) {
      const juror = jurorOf(a.jurorId)
      data(await t.call(juror.openid, 'honour.declare', { id: amyId, conflict: false }))
      const [blind] = data(await t.call(juror.openid, 'honour.myReviews'))
      expect(blind!.deeds).toBe(`${MASK}在${MASK}发起“返乡支教”项目，${MASK}带领同学走进遂平县的乡村小学。`)
      expect(JSON.stringify(blind)).not.toMatch(/王小明|郑州大学|amy/)
      data(await t.call(juror.openid, 'honour.score', { id: amyId, score: 88, approve: true, comment: '事迹突出' }))
    }
    const shortlisted = data(await t.call(STAFF, 'honour.tally', { id: amyId }))
    expect(shortlisted).toMatchObject({ state: 'shortlisted', jury: { yes: 3, panel: 3, meanScore: 88 } })

    const published = data(await t.call(STAFF, 'honour.publishNotice', { awardId: award.id }))
    expect(published.map((n) => n.notice)).toEqual([{ start: '2026-12-07', end: '2026-12-15' }])
    expect(data(await t.call(null, 'honour.noticeList', { awardId: award.id }))).toEqual([
      { nominationId: amyId, awardName: '驻马店青年五四奖章', name: '王小明', university: '郑州大学', summary: '发起返乡支教项目，服务乡村小学三年。', start: '2026-12-07', end: '2026-12-15' },
    ])

    const anonymous = errorOf(await t.call('passer-by', 'honour.object', { id: amyId, reason: '我觉得不合适' }))
    expect(anonymous).toMatchObject({ code: 'INVALID_INPUT', message: '不受理匿名异议：请选择以个人或单位名义提出' })
    const nameless = errorOf(await t.call('passer-by', 'honour.object', { id: amyId, kind: 'personal', phone: '13900001111', reason: '事迹存疑' }))
    expect(nameless.fields).toEqual({ realName: '不受理匿名异议：个人异议请填写真实姓名' })
    const sealless = errorOf(await t.call('passer-by', 'honour.object', { id: amyId, kind: 'unit', unitName: '某单位', reason: '事迹存疑' }))
    expect(sealless.fields).toEqual({ sealFileId: '不受理匿名异议：单位异议须上传加盖公章的照片' })
    expect(await t.store.honours.objectionsOf(amyId)).toEqual([])
    data(await t.call('passer-by', 'honour.object', { id: amyId, kind: 'personal', realName: '陈实', phone: '13900001111', reason: '支教时长存疑' }))
    expect(errorOf(await t.call(STAFF, 'honour.closeNotice', { id: amyId })).code).toBe('CONFLICT')
    const lines = data(await t.call(STAFF, 'honour.objections', { id: amyId }))
    expect(lines).toEqual([expect.objectContaining({ realName: '陈实', phoneMasked: '139****1111', reason: '支教时长存疑', outcome: null })])
    expect(JSON.stringify(lines)).not.toContain('13900001111')
    const approved = data(await t.call(STAFF, 'honour.resolveObjections', { id: amyId, decision: 'dismissed', note: '经核查，支教记录属实' }))
    expect(approved.state).toBe('approved')
    // Objections are limited per person (10 an hour): after the check, a late one is refused anyway.
    const late = { id: amyId, kind: 'personal', realName: '陈实', phone: '13900001111', reason: '补充' }
    for (let i = 0; i < 9; i += 1) expect(codeOf(await t.call('passer-by', 'honour.object', late))).toBe('CONFLICT')
    expect(codeOf(await t.call('passer-by', 'honour.object', late))).toBe('RATE_LIMITED')
    expect(data(await t.call(STAFF, 'honour.objections', { id: amyId }))[0]!.outcome).toMatchObject({ decision: 'dismissed', note: '经核查，支教记录属实' })

    const awarded = data(await t.call(STAFF, 'honour.grant', { id: amyId }))
    expect(awarded.state).toBe('awarded')
    expect(data(await t.call('amy', 'honour.mine'))).toEqual([expect.objectContaining({ nominationId: amyId, awardName: '驻马店青年五四奖章', level: 'city' })])
    expect(data(await t.call('amy', 'activity.growthRecord')).honours).toEqual([expect.objectContaining({ awardName: '驻马店青年五四奖章' })])
    expect(data(await t.call('amy', 'notice.inbox', {})).items.map((n) => n.title)).toContain('恭喜你获得驻马店青年五四奖章')
    expect(data(await t.call('bob', 'notice.inbox', {})).items.map((n) => n.title)).not.toContain('恭喜你获得驻马店青年五四奖章')
    // A story draft about her waits for the staff member who granted it; she consents before it is published.
    const [draft] = data(await t.call(STAFF, 'story.mine', {})).items
    expect(draft).toMatchObject({ status: 'draft', subjectOpenid: 'amy', tags: ['评优评先'], subjectConsent: 'pending' })
    expect(draft!.title).toContain('驻马店青年五四奖章')

    // The history is complete and in order; every move is in the audit log.
    const view = data(await t.call('amy', 'honour.get', { id: amyId }))
    expect(view.history.map((e) => e.action)).toEqual([
      'create',
      'confirm',
      'submit',
      'start_publicity',
      'unit_approve',
      'recommend',
      'screen_pass',
      'shortlist',
      'publish_notice',
      'object',
      'dismiss_objections',
      'award',
    ])
    const audit = (await t.store.audit.list({ actor: '', stationId: '', from: null, to: null, cursor: null, limit: 500 })).items.map((e) => e.action)
    for (const action of ['honour.nominate', 'honour.submit', 'honour.screen_reject', 'honour.award', 'honour.drawJury', 'honour.declare']) expect(audit).toContain(action)

    const revoked = data(await t.call(STAFF, 'honour.revoke', { id: amyId, note: '经复核，事迹材料存在失实' }))
    expect(revoked.state).toBe('revoked')
    expect(data(await t.call(null, 'honour.results', { awardId: award.id }))).toEqual([expect.objectContaining({ name: '王小明', revokedNote: '经复核，事迹材料存在失实' })])
    expect(data(await t.call('bob', 'honour.get', { id: bobId })).screening?.eligible).toBe(false)
  })

  it('keeps units within their quota and in ranked order', async () => {
    const { stationId } = await world()
    const award = data(await t.call(STAFF, 'honour.awardCreate', wusi({ quotaPerUnit: 1 })))
    const ids: string[] = []
    for (const openid of ['amy', 'bob']) {
      const n = data(await t.call(openid, 'honour.nominate', { awardId: award.id, materials: materials() }))
      data(await t.call(openid, 'honour.submit', { id: n.id }))
      data(await t.call('head', 'honour.startPublicity', { id: n.id }))
      ids.push(n.id)
    }
    setDay('2026-12-07T10:00:00.000+08:00')
    for (const id of ids) data(await t.call('head', 'honour.unitDecide', { id, approve: true }))
    const over = errorOf(await t.call('head', 'honour.recommend', { awardId: award.id, stationId, ranked: ids }))
    expect(over).toMatchObject({ code: 'INVALID_INPUT', message: '超出名额：每个驿站最多推荐1名，已推荐0名' })
    data(await t.call('head', 'honour.recommend', { awardId: award.id, stationId, ranked: [ids[1]] }))
    expect(errorOf(await t.call('head', 'honour.recommend', { awardId: award.id, stationId, ranked: [ids[0]] })).message).toBe('超出名额：每个驿站最多推荐1名，已推荐1名')
  })

  it('lets exactly one of two parallel moves of the same nomination land', async () => {
    const { award, amyId } = await throughUnit()
    const outcomes = await Promise.all([t.call(STAFF, 'honour.screen', { awardId: award.id }), t.call('amy', 'honour.withdraw', { id: amyId })])
    const view = data(await t.call(STAFF, 'honour.get', { id: amyId }))
    expect(['jury_review', 'withdrawn']).toContain(view.state)
    expect(view.history.filter((e) => e.from === 'screening')).toHaveLength(1)
    expect(outcomes.filter((o) => !o.ok).every((o) => codeOf(o) === 'CONFLICT')).toBe(true)
  })

  it('binds an invite to the first person who redeems it, and needs no member profile', async () => {
    const juror = data(await t.call(STAFF, 'honour.jurorCreate', { name: '钱评委', university: '黄淮学院' }))
    expect(data(await t.call('stranger', 'member.me'))).toBeNull()
    data(await t.call('stranger', 'honour.redeemInvite', { code: juror.inviteCode }))
    data(await t.call('stranger', 'honour.redeemInvite', { code: juror.inviteCode }))
    expect(errorOf(await t.call('someone-else', 'honour.redeemInvite', { code: juror.inviteCode })).message).toBe('该邀请已被使用')
    expect(data(await t.call('stranger', 'honour.myReviews'))).toEqual([])
    expect(errorOf(await t.call('someone-else', 'honour.myReviews')).message).toBe('仅受邀评委可以进行此操作，请先打开评委邀请')
  })
})

describe('who may call each action', () => {
  /** Each action: a caller the policy or the table refuses, with the code. */
  const forbidden: [ActionName, string | null, unknown, string][] = [
    ['honour.awardCreate', 'amy', wusi(), 'FORBIDDEN'],
    ['honour.awardUpdate', 'head', { id: 'x', ...wusi() }, 'FORBIDDEN'],
    ['honour.nominate', null, { awardId: 'x', materials: materials() }, 'UNAUTHENTICATED'],
    ['honour.confirm', null, { id: 'x' }, 'UNAUTHENTICATED'],
    ['honour.submit', 'stranger', { id: 'x' }, 'FORBIDDEN'],
    ['honour.return', 'amy', { id: 'x' }, 'FORBIDDEN'],
    ['honour.withdraw', null, { id: 'x' }, 'UNAUTHENTICATED'],
    ['honour.revise', 'stranger', { id: 'x', materials: materials() }, 'FORBIDDEN'],
    ['honour.startPublicity', 'amy', { id: 'x' }, 'FORBIDDEN'],
    ['honour.unitDecide', 'amy', { id: 'x', approve: true }, 'FORBIDDEN'],
    ['honour.recommend', 'amy', { awardId: 'x', stationId: 'y', ranked: ['z'] }, 'FORBIDDEN'],
    ['honour.screen', 'head', { awardId: 'x' }, 'FORBIDDEN'],
    ['honour.jurorCreate', 'head', { name: '评委' }, 'FORBIDDEN'],
    ['honour.jurors', 'amy', {}, 'FORBIDDEN'],
    ['honour.redeemInvite', null, { code: 'abcdefgh' }, 'UNAUTHENTICATED'],
    ['honour.drawJury', 'head', { id: 'x' }, 'FORBIDDEN'],
    ['honour.drawRound', 'head', { awardId: 'x' }, 'FORBIDDEN'],
    ['honour.draws', 'amy', { awardId: 'x' }, 'FORBIDDEN'],
    ['honour.declare', 'amy', { id: 'x', conflict: false }, 'FORBIDDEN'],
    ['honour.myReviews', 'amy', {}, 'FORBIDDEN'],
    ['honour.score', 'amy', { id: 'x', score: 1, approve: true }, 'FORBIDDEN'],
    ['honour.tally', 'head', { id: 'x' }, 'FORBIDDEN'],
    ['honour.publishNotice', 'head', { awardId: 'x' }, 'FORBIDDEN'],
    ['honour.object', null, { id: 'x', kind: 'personal', realName: '陈实', phone: '13900001111', reason: '存疑' }, 'UNAUTHENTICATED'],
    ['honour.objections', 'head', { id: 'x' }, 'FORBIDDEN'],
    ['honour.resolveObjections', 'head', { id: 'x', decision: 'dismissed', note: '无' }, 'FORBIDDEN'],
    ['honour.closeNotice', 'head', { id: 'x' }, 'FORBIDDEN'],
    ['honour.grant', 'head', { id: 'x' }, 'FORBIDDEN'],
    ['honour.revoke', 'head', { id: 'x', note: '说明' }, 'FORBIDDEN'],
    ['honour.get', 'stranger', { id: 'x' }, 'FORBIDDEN'],
    ['honour.list', 'stranger', {}, 'FORBIDDEN'],
    ['honour.mine', 'stranger', {}, 'FORBIDDEN'],
    ['honour.awardClose', 'head', { id: 'x' }, 'FORBIDDEN'],
  ]

  it('refuses each action to a caller who may not take it, before anything is read or written', async () => {
    await world()
    for (const [action, caller, payload, code] of forbidden) expect([action, codeOf(await t.call(caller, action, payload))]).toEqual([action, code])
  })

  it('refuses moves the table does not allow to the caller, on a real nomination', async () => {
    const { award, amyId } = await throughUnit()
    // bob is a member of the station but neither the nominee, nor the nominator, nor its head.
    expect(errorOf(await t.call('bob', 'honour.withdraw', { id: amyId }))).toMatchObject({ code: 'FORBIDDEN', message: '你无权对该提名进行此操作' })
    expect(errorOf(await t.call('head', 'honour.startPublicity', { id: amyId }))).toMatchObject({ code: 'CONFLICT', message: '该提名当前为“团市委资格审查”，不能进行此操作' })
    expect(errorOf(await t.call('amy', 'honour.get', { id: 'nm-missing' })).code).toBe('NOT_FOUND')
    expect(errorOf(await t.call('bob', 'honour.get', { id: amyId })).code).toBe('FORBIDDEN')
    expect(data(await t.call('head', 'honour.list', { scope: 'unit', awardId: award.id }))).toHaveLength(2)
    expect(codeOf(await t.call('head', 'honour.list', { scope: 'all' }))).toBe('FORBIDDEN')
    // A head may only nominate members of their own station; members only themselves.
    data(await t.call('carol', 'member.register', profile({ name: '刘晓' })))
    expect(errorOf(await t.call('head', 'honour.nominate', { awardId: award.id, nomineeOpenid: 'carol', materials: materials() })).message).toBe('只能提名自己；站长可提名本驿站成员')
    expect(errorOf(await t.call('bob', 'honour.nominate', { awardId: award.id, nomineeOpenid: 'amy', materials: materials() })).code).toBe('FORBIDDEN')
  })
})

describe('bad input', () => {
  /** Each action with one bad field: a Chinese message naming it, and nothing written. */
  const bad: [ActionName, unknown, string, string][] = [
    ['honour.awardCreate', { ...wusi(), name: '' }, 'name', '请填写奖项名称'],
    ['honour.awardCreate', { ...wusi(), eligibility: { cutoffDate: '2027-02-30' } }, 'eligibility.cutoffDate', '年龄计算截止日期不是有效的日期'],
    ['honour.awardCreate', { ...wusi(), eligibility: { minAge: 40, maxAge: 35, cutoffDate: '2027-05-04' } }, 'eligibility.maxAge', '最大年龄不能小于最小年龄'],
    ['honour.awardUpdate', { ...wusi(), id: '' }, 'id', '请填写奖项'],
    ['honour.nominate', { awardId: 'x', materials: { ...materials(), deeds: '' } }, 'materials.deeds', '请填写事迹材料'],
    ['honour.nominate', { awardId: 'x', materials: materials({ birthDate: '2002-13-01' }) }, 'materials.birthDate', '出生日期不是有效的日期'],
    ['honour.confirm', {}, 'id', '请填写提名'],
    ['honour.unitDecide', { id: 'x' }, 'approve', '请选择是否通过'],
    ['honour.recommend', { awardId: 'x', stationId: 'y', ranked: [] }, 'ranked', '请至少推荐1个提名'],
    ['honour.jurorCreate', { name: '' }, 'name', '请填写评委姓名'],
    ['honour.redeemInvite', { code: 'A B' }, 'code', '邀请码格式不正确'],
    ['honour.declare', { id: 'x' }, 'conflict', '请声明是否存在利益冲突'],
    ['honour.drawRound', { awardId: 'x', requirements: [{ tag: '学科', min: 0 }] }, 'requirements.0.min', '该标签最少人数不能小于1'],
    ['honour.drawRound', { awardId: 'x', maxPerUnit: 0 }, 'maxPerUnit', '同单位评委上限不能小于1'],
    ['honour.drawJury', { id: 'x', requirements: [{ tag: '', min: 1 }] }, 'requirements.0.tag', '请填写结构标签'],
    ['honour.score', { id: 'x', score: 101, approve: true }, 'score', '评分不能大于100'],
    ['honour.object', { id: 'x', kind: 'personal', realName: '陈实', phone: '13900001111', reason: '' }, 'reason', '请填写异议内容'],
    ['honour.resolveObjections', { id: 'x', decision: 'maybe', note: '无' }, 'decision', '请从列表中选择处理结论'],
    ['honour.revoke', { id: 'x', note: '' }, 'note', '请填写撤销说明'],
    ['honour.list', { scope: 'everyone' }, 'scope', '请从列表中选择范围'],
    ['honour.awardClose', {}, 'id', '请填写奖项'],
  ]

  it('answers each with the field named in Chinese and writes nothing', async () => {
    const { award } = await throughUnit()
    const snapshot = async () =>
      JSON.stringify([await t.store.honours.listAwards(), await t.store.honours.listNominations({}), await t.store.honours.listJurors()])
    const before = await snapshot()
    for (const [action, payload, field, message] of bad) {
      const error = errorOf(await t.call(STAFF, action, payload))
      expect([action, error.code, error.fields?.[field]]).toEqual([action, 'INVALID_INPUT', message])
    }
    // A nomination without the birth date its age rule needs (the profile has none).
    const missing = errorOf(await t.call('head', 'honour.nominate', { awardId: award.id, nomineeOpenid: 'head', materials: materials({ birthDate: null }) }))
    expect(missing.fields).toEqual({ 'materials.birthDate': '请填写出生日期（用于核对年龄条件）' })
    expect(await snapshot()).toBe(before)
  })
})

/** From the unit to the award: amy is judged blind by three jurors (members too), objected to by name, and awarded. */
async function throughAward() {
  const { unit, panel, pool } = await throughNotice()
  data(await t.call('passer-by', 'honour.object', { id: unit.amyId, kind: 'personal', realName: '陈实', phone: '13900001111', reason: '王小明的支教时长存疑' }))
  data(await t.call(STAFF, 'honour.resolveObjections', { id: unit.amyId, decision: 'dismissed', note: '经核查，支教记录属实' }))
  data(await t.call(STAFF, 'honour.grant', { id: unit.amyId }))
  return { ...unit, panel, pool }
}

/** From the unit to the 公示 (2026-12-07 to 2026-12-15): amy judged blind by three jurors and shortlisted. */
async function throughNotice() {
  const unit = await throughUnit()
  data(await t.call(STAFF, 'honour.screen', { awardId: unit.award.id }))
  for (let i = 0; i < 5; i += 1) data(await t.call(`juror-${i}`, 'member.register', profile({ name: `评委${i}号`, university: '黄淮学院', phone: `1370000000${i}` })))
  const pool = await jurors()
  const drawn = data(await t.call(STAFF, 'honour.drawJury', { id: unit.amyId, tags: ['综合'] }))
  const panel = drawn.filter((a) => a.status === 'invited').map((a) => pool.find((j) => j.id === a.jurorId)!)
  for (const juror of panel) {
    data(await t.call(juror.openid, 'honour.declare', { id: unit.amyId, conflict: false }))
    data(await t.call(juror.openid, 'honour.score', { id: unit.amyId, score: 88, approve: true, comment: '事迹突出' }))
  }
  data(await t.call(STAFF, 'honour.tally', { id: unit.amyId }))
  data(await t.call(STAFF, 'honour.publishNotice', { awardId: unit.award.id }))
  return { unit, panel, pool }
}

/** Everything honours hold, as one text: what a search for a person's traces would read. */
async function honoursDump(): Promise<string> {
  const h = t.store.honours
  const nominations = await h.listNominations({})
  const perNomination = await Promise.all(nominations.map(async (n) => [n, await h.eventsOf(n.id), await h.objectionsOf(n.id), await h.assignmentsOf(n.id)]))
  return JSON.stringify([await h.listAwards(), perNomination, await h.listJurors()])
}

describe('the nominee hears of each step', () => {
  it('sends one inbox item per step taken, even when the same step is asked twice at once', async () => {
    await world()
    const award = data(await t.call(STAFF, 'honour.awardCreate', wusi()))
    const amy = data(await t.call('head', 'honour.nominate', { awardId: award.id, nomineeOpenid: 'amy', materials: materials() }))
    data(await t.call('amy', 'honour.confirm', { id: amy.id }))
    const twice = await Promise.all([t.call('head', 'honour.submit', { id: amy.id }), t.call('head', 'honour.submit', { id: amy.id })])
    expect(twice.filter((o) => o.ok)).toHaveLength(1)
    data(await t.call('head', 'honour.return', { id: amy.id, note: '请补充服务时长证明' }))
    data(await t.call('head', 'honour.revise', { id: amy.id, materials: materials({ summary: '发起返乡支教项目，服务乡村小学三年，累计120小时。' }) }))
    data(await t.call('head', 'honour.submit', { id: amy.id }))
    data(await t.call('head', 'honour.startPublicity', { id: amy.id }))
    data(await t.call('head', 'honour.unitDecide', { id: amy.id, approve: false, note: '单位内有更合适人选' }))
    const inbox = data(await t.call('amy', 'notice.inbox', {})).items
    expect(inbox.map((n) => n.title).sort()).toEqual(
      ['你被提名参评驻马店青年五四奖章', '你的驻马店青年五四奖章提名已提交', '你的驻马店青年五四奖章提名已提交', '驻马店青年五四奖章提名被退回修改', '驻马店青年五四奖章评选结果'].sort(),
    )
    // Each links to the nomination, which the inbox opens among the member's own.
    expect(inbox.map((n) => n.link)).toEqual(inbox.map(() => ({ kind: 'honour', id: amy.id })))
    expect(inbox.find((n) => n.title.includes('退回'))!.body).toContain('说明：请补充服务时长证明')
    expect(data(await t.call('head', 'notice.inbox', {})).items).toEqual([])
  })

  it('tells the nominee of the shortlist, the 公示 and the award', async () => {
    await throughAward()
    const titles = data(await t.call('amy', 'notice.inbox', {})).items.map((n) => n.title)
    for (const title of ['你已入围驻马店青年五四奖章', '驻马店青年五四奖章公示开始', '恭喜你获得驻马店青年五四奖章']) expect(titles.filter((x) => x === title)).toHaveLength(1)
    // bob's nomination ended at the screening: he heard why.
    const bobs = data(await t.call('bob', 'notice.inbox', {})).items
    expect(bobs.map((n) => n.title)).toContain('驻马店青年五四奖章评选结果')
    expect(bobs.find((n) => n.title === '驻马店青年五四奖章评选结果')!.body).toContain('超过35岁')
  })
})

describe('closing an award and changing its rules', () => {
  it('edits rules only before nominations arrive, and closes once every nomination has ended', async () => {
    await world()
    const award = data(await t.call(STAFF, 'honour.awardCreate', wusi()))
    expect(data(await t.call(STAFF, 'honour.awardUpdate', { id: award.id, ...wusi({ quotaPerUnit: 3 }) })).quotaPerUnit).toBe(3)
    const amy = data(await t.call('amy', 'honour.nominate', { awardId: award.id, materials: materials() }))
    expect(errorOf(await t.call(STAFF, 'honour.awardUpdate', { id: award.id, ...wusi() }))).toMatchObject({ code: 'CONFLICT', message: '该奖项已收到提名，不能再修改规则' })
    data(await t.call('amy', 'honour.submit', { id: amy.id }))
    expect(errorOf(await t.call(STAFF, 'honour.awardClose', { id: award.id }))).toMatchObject({ code: 'CONFLICT', message: '还有1个提名未完成评选，结果公布后才能结束该奖项' })
    data(await t.call('head', 'honour.startPublicity', { id: amy.id }))
    data(await t.call('head', 'honour.unitDecide', { id: amy.id, approve: false }))
    const closed = data(await t.call(STAFF, 'honour.awardClose', { id: award.id }))
    expect(closed.status).toBe('closed')
    expect(data(await t.call(STAFF, 'honour.awardClose', { id: award.id })).status).toBe('closed')
    expect(errorOf(await t.call('bob', 'honour.nominate', { awardId: award.id, materials: materials() }))).toMatchObject({ code: 'CONFLICT', message: '该奖项已停止提名' })
    expect(errorOf(await t.call(STAFF, 'honour.awardUpdate', { id: award.id, ...wusi() })).message).toBe('该奖项已结束，不能修改')
    expect(await t.store.honours.listNominations({ awardId: award.id })).toHaveLength(1)
  })
})

describe('personal export and account deletion', () => {
  it('exports the reviews a member judged (blind) and the objections they filed', async () => {
    const { award, panel } = await throughAward()
    const judge = panel[0]!
    const work = data(await t.call(judge.openid, 'member.exportMine')).honourJuryWork
    expect(work).toEqual([
      { jurorName: judge.name, awardName: award.name, label: '材料1', status: 'scored', declaredAt: expect.any(String), score: 88, approve: true, comment: '事迹突出', scoredAt: expect.any(String) },
    ])
    expect(JSON.stringify(work)).not.toMatch(/王小明|amy/)
    expect(data(await t.call('bob', 'member.exportMine')).honourObjections).toEqual([])
    // amy objects to bob's nomination for another award while it is in 公示.
    const open = data(await t.call(STAFF, 'honour.awardCreate', wusi({ name: '青年岗位能手' })))
    const bobs = data(await t.call('bob', 'honour.nominate', { awardId: open.id, materials: materials({ birthDate: '2001-01-01', deeds: '赵大年的事迹', summary: '社区志愿服务' }) }))
    await t.store.honours.updateNomination({ ...bobs, state: 'public_notice', version: 2, notice: { start: '2026-12-07', end: '2026-12-15' } }, 1, {
      id: 'he-test', nominationId: bobs.id, at: '2026-12-07T10:00:00.000+08:00', action: 'publish_notice', from: 'shortlisted', to: 'public_notice', actorOpenid: STAFF, note: '',
    })
    data(await t.call('amy', 'honour.object', { id: bobs.id, kind: 'personal', realName: '王小明', phone: '13600003333', reason: '服务时长存疑' }))
    expect(data(await t.call('amy', 'member.exportMine')).honourObjections).toEqual([
      expect.objectContaining({ awardName: '青年岗位能手', nomineeName: '赵大年', kind: 'personal', realName: '王小明', phone: '13600003333', reason: '服务时长存疑', outcome: null }),
    ])
  })

  it('leaves nothing identifiable of a deleted member in honours, keeping the awarded record and the history de-named', async () => {
    const { award, amyId, bobId } = await throughAward()
    data(await t.call('carol', 'member.register', profile({ name: '刘晓燕', phone: '13500005555' })))
    const carol = data(await t.call('carol', 'honour.nominate', { awardId: award.id, materials: materials({ deeds: '刘晓燕的事迹', summary: '刘晓燕组织读书会' }) }))
    data(await t.call('carol', 'honour.submit', { id: carol.id }))
    // bob holds a juror seat and filed a real-name objection to carol's nomination.
    const seat = data(await t.call(STAFF, 'honour.jurorCreate', { name: '赵评委', university: '河南大学' }))
    data(await t.call('bob', 'honour.redeemInvite', { code: seat.inviteCode }))
    await t.store.honours.saveObjection({ id: 'ob-1', nominationId: carol.id, kind: 'personal', realName: '赵大年', phone: '13700002222', unitName: '', sealFileId: '', reason: '刘晓燕的读书会次数存疑', filerOpenid: 'bob', createdAt: '2026-12-07T10:00:00.000+08:00', outcome: null })

    for (const openid of ['amy', 'bob', 'carol']) data(await t.call(openid, 'member.deleteMine'))

    const dump = await honoursDump()
    for (const trace of ['amy', 'bob', 'carol', '王小明', '小明', '赵大年', '大年', '刘晓燕', '晓燕', '13700002222', '13500005555', '返乡支教', '社区志愿服务']) {
      expect([trace, dump.includes(trace)]).toEqual([trace, false])
    }
    for (const openid of ['amy', 'bob', 'carol']) {
      expect(await t.store.honours.listNominations({ nomineeOpenid: openid })).toEqual([])
      expect(await t.store.honours.listNominations({ nominatorOpenid: openid })).toEqual([])
      expect(await t.store.honours.objectionsBy(openid)).toEqual([])
    }
    // The award stays, de-named; so do its jury tally and its 公示 dates, and the results say so.
    const awarded = (await t.store.honours.getNomination(amyId))!
    expect(awarded).toMatchObject({ state: 'awarded', nomineeName: '已注销成员', university: '', jury: { yes: 3, panel: 3 }, notice: { start: '2026-12-07' } })
    expect(awarded.nomineeOpenid).toMatch(/^deleted-/)
    expect(awarded.materials).toMatchObject({ deeds: '', summary: '', photos: [], birthDate: null })
    expect(data(await t.call(null, 'honour.results', { awardId: award.id }))).toEqual([expect.objectContaining({ name: '已注销成员', summary: '' })])
    // The history keeps every event, de-named, and records the de-naming itself.
    const history = await t.store.honours.eventsOf(amyId)
    expect(history.map((e) => e.action)).toEqual(['create', 'confirm', 'submit', 'start_publicity', 'unit_approve', 'recommend', 'screen_pass', 'shortlist', 'publish_notice', 'object', 'dismiss_objections', 'award', 'forget'])
    expect(history.find((e) => e.action === 'confirm')!.actorOpenid).toMatch(/^deleted-/)
    // Not yet awarded: withdrawn, materials gone; an ended one (bob, screened out) de-named where it stopped.
    expect(await t.store.honours.getNomination(carol.id)).toMatchObject({ state: 'withdrawn', nomineeName: '已注销成员', materials: { deeds: '' } })
    expect((await t.store.honours.eventsOf(carol.id)).at(-1)).toMatchObject({ action: 'withdraw', from: 'submitted', to: 'withdrawn', note: '成员注销账号，提名撤回' })
    expect(await t.store.honours.getNomination(bobId)).toMatchObject({ state: 'screening_rejected', nomineeName: '已注销成员' })
    // Objections: the text stays for the committee, the filer's identity goes; names in it are masked.
    expect(await t.store.honours.objectionsOf(carol.id)).toEqual([expect.objectContaining({ realName: '已注销成员', phone: '', reason: `${MASK}的读书会次数存疑` })])
    expect((await t.store.honours.objectionsOf(carol.id))[0]!.filerOpenid).toMatch(/^deleted-/)
    expect(await t.store.honours.objectionsOf(amyId)).toEqual([expect.objectContaining({ realName: '陈实', reason: `${MASK}的支教时长存疑` })])
    // The juror seat is free again, under a new code: the old link binds nobody.
    const freed = (await t.store.honours.getJuror(seat.id))!
    expect(freed.openid).toBeNull()
    expect(errorOf(await t.call('someone', 'honour.redeemInvite', { code: seat.inviteCode })).message).toBe('邀请码无效')
    data(await t.call('someone', 'honour.redeemInvite', { code: freed.inviteCode }))
  })
})

describe('demo data', () => {
  it('seeds one award in 公示 with two demo students, listed on the public page', async () => {
    setDay('2026-11-30T10:00:00.000+08:00')
    await seedDemoData({ store: t.store, clock })
    const entries = data(await t.call(null, 'honour.noticeList', {}))
    expect(entries.map((e) => [e.awardName, e.start, e.end])).toEqual([
      ['驻马店青年五四奖章（示例）', '2026-11-30', '2026-12-08'],
      ['驻马店青年五四奖章（示例）', '2026-11-30', '2026-12-08'],
    ])
    // Last year's round: the first demo student holds an honour, in 翼展档案 and with a certificate to draw.
    expect(data(await t.call('demo-student-1', 'activity.growthRecord')).honours).toEqual([
      { nominationId: DEMO_AWARDED_NOMINATION_ID, awardName: '2025年度驻马店青年岗位能手（示例）', level: 'city', awardedAt: '2025-05-04T10:00:00.000+08:00' },
    ])
    expect(data(await t.call('demo-student-1', 'honour.get', { id: DEMO_AWARDED_NOMINATION_ID })).state).toBe('awarded')
    expect(data(await t.call(null, 'honour.results', { awardId: DEMO_AWARDED_AWARD_ID })).map((r) => r.name)).toHaveLength(1)
  })
})

describe('a jury drawn by structure for a round', () => {
  /** amy (郑州大学, 遂平) and dan (黄淮学院, 汝南) of one station, both passed to 评审; a pool of seven. */
  async function round() {
    const stationId = data(await t.call(STAFF, 'station.create', { university: '郑州大学', city: '郑州市' })).id
    for (const [openid, spec] of [
      ['head', profile({ name: '李站长' })],
      ['amy', profile({ name: '王小明' })],
      ['dan', profile({ name: '孙大力', university: '黄淮学院', hometownCounty: 'runan', phone: '13812349999' })],
    ] as const) {
      data(await t.call(openid, 'member.register', spec))
      const request = data(await t.call(openid, 'station.requestJoin', { stationId }))
      data(await t.call(STAFF, 'station.reviewRequest', { id: request.id, decision: 'approve' }))
    }
    data(await t.call(STAFF, 'station.appointHead', { stationId, openid: 'head', as: 'head' }))
    const award = data(await t.call(STAFF, 'honour.awardCreate', wusi({ eligibility: { cutoffDate: '2027-05-04' } })))
    const ids: string[] = []
    for (const openid of ['amy', 'dan']) {
      const n = data(await t.call(openid, 'honour.nominate', { awardId: award.id, materials: materials() }))
      data(await t.call(openid, 'honour.submit', { id: n.id }))
      data(await t.call('head', 'honour.startPublicity', { id: n.id }))
      ids.push(n.id)
    }
    setDay('2026-07-13T10:00:00.000+08:00')
    for (const id of ids) data(await t.call('head', 'honour.unitDecide', { id, approve: true }))
    data(await t.call('head', 'honour.recommend', { awardId: award.id, stationId, ranked: ids }))
    expect(data(await t.call(STAFF, 'honour.screen', { awardId: award.id })).map((n) => n.state)).toEqual(['jury_review', 'jury_review'])
    const specs = [
      { name: '郑评委', university: '郑州大学', county: 'xiping', tags: ['学科:法学'] },
      { name: '汝评委', university: '汝南县教育局', county: 'runan', tags: ['行业:教育'] },
      { name: '河评委甲', university: '河南大学', county: 'xiping', tags: ['学科:农学'] },
      { name: '河评委乙', university: '河南大学', county: 'zhengyang', tags: ['行业:制造'] },
      { name: '科评委', university: '驻马店市科技局', county: 'xincai', tags: ['学科:医学'] },
      { name: '人评委甲', university: '驻马店市人社局', county: 'queshan', tags: ['行业:人社'] },
      { name: '人评委乙', university: '驻马店市人社局', county: 'biyang', tags: ['学科:管理'] },
    ]
    const pool: { id: string; openid: string; name: string; unit: string; tags: string[] }[] = []
    for (const [i, spec] of specs.entries()) {
      const juror = data(await t.call(STAFF, 'honour.jurorCreate', spec))
      data(await t.call(`judge-${i}`, 'honour.redeemInvite', { code: juror.inviteCode }))
      pool.push({ id: juror.id, openid: `judge-${i}`, name: spec.name, unit: spec.university, tags: spec.tags })
    }
    return { award, amyId: ids[0]!, danId: ids[1]!, pool }
  }

  const structure = { requirements: [{ tag: '学科', min: 1 }, { tag: '行业', min: 1 }], maxPerUnit: 1 }
  type Seat = { id: string; unit: string; tags: string[] }
  const meetsStructure = (panel: Seat[]) =>
    panel.length === 3 &&
    panel.some((j) => j.tags.some((tag) => tag.startsWith('学科:'))) &&
    panel.some((j) => j.tags.some((tag) => tag.startsWith('行业:'))) &&
    new Set(panel.map((j) => j.unit)).size === panel.length

  it('draws one panel for the round, by structure, leaving out conflicts with any nominee; records and replays it', async () => {
    const { award, amyId, danId, pool } = await round()
    const seats = data(await t.call(STAFF, 'honour.drawRound', { awardId: award.id, ...structure }))
    const byId = new Map(pool.map((j) => [j.id, j]))
    const invited = (id: string) => seats.filter((a) => a.nominationId === id && a.status === 'invited').map((a) => byId.get(a.jurorId)!)
    expect(invited(amyId).map((j) => j.id)).toEqual(invited(danId).map((j) => j.id))
    expect(meetsStructure(invited(amyId))).toBe(true)
    // 郑评委 (amy's university) and 汝评委 (dan's county) sit on neither; each seat says whose conflict it is.
    expect(invited(amyId).map((j) => j.name)).not.toContain('郑评委')
    expect(invited(amyId).map((j) => j.name)).not.toContain('汝评委')
    const auto = seats.filter((a) => a.status === 'auto_conflicted').map((a) => [a.nominationId, byId.get(a.jurorId)!.name, a.conflictReason])
    expect(auto).toHaveLength(2)
    expect(auto).toEqual(
      expect.arrayContaining([
        [amyId, '郑评委', '与被提名人同一学校或单位'],
        [danId, '汝评委', '与被提名人同一县区'],
      ]),
    )
    expect(codeOf(await t.call(STAFF, 'honour.drawRound', { awardId: award.id, ...structure }))).toBe('CONFLICT')

    const [draw] = data(await t.call(STAFF, 'honour.draws', { awardId: award.id }))
    expect([...draw!.nominationIds].sort()).toEqual([amyId, danId].sort())
    expect(draw).toMatchObject({ kind: 'round', reproduced: true, structure: { size: 3, ...structure, tags: [] } })
    expect(Number.isInteger(draw!.seed)).toBe(true)
    expect(draw!.panelIds).toEqual(invited(amyId).map((j) => j.id))
    expect(draw!.pool).toHaveLength(7)
    expect(draw!.excluded.map((e) => draw!.names[e.jurorId]).sort()).toEqual(['汝评委', '郑评委'])
    const audit = (await t.store.audit.list({ actor: '', stationId: '', from: null, to: null, cursor: null, limit: 500 })).items
    expect(audit.find((e) => e.action === 'honour.drawJury')?.summary).toContain(`随机种子${draw!.seed}`)
    // A record altered after the fact no longer replays to its panel.
    await t.store.honours.saveDraw({ ...draw!, id: `${draw!.id}-x`, panelIds: [...draw!.panelIds].reverse() })
    expect(data(await t.call(STAFF, 'honour.draws', { awardId: award.id })).map((d) => d.reproduced)).toEqual([true, false])

    // A declared conflict is replaced by a juror who keeps the structure; the replacement is recorded too.
    const leaving = invited(amyId)[0]!
    data(await t.call(leaving.openid, 'honour.declare', { id: amyId, conflict: true }))
    const active = (await t.store.honours.assignmentsOf(amyId)).filter((a) => a.status === 'invited').map((a) => byId.get(a.jurorId)!)
    expect(active.map((j) => j.id)).not.toContain(leaving.id)
    expect(active.map((j) => j.name)).not.toContain('郑评委')
    expect(meetsStructure(active)).toBe(true)
    // dan's panel is untouched: the conflict was declared on amy only.
    expect((await t.store.honours.assignmentsOf(danId)).filter((a) => a.status === 'invited').map((a) => a.jurorId)).toContain(leaving.id)
    const replacement = data(await t.call(STAFF, 'honour.draws', { awardId: award.id })).find((d) => d.kind === 'replacement')
    expect(replacement).toMatchObject({ nominationIds: [amyId], reproduced: true, note: `替换${leaving.name}` })
    expect(replacement!.fixed.map((c) => c.id).sort()).toEqual(invited(amyId).slice(1).map((j) => j.id).sort())
  })

  it('refuses a structure the pool cannot meet, with the reason, and writes nothing', async () => {
    const { award, amyId } = await round()
    const tooMany = errorOf(await t.call(STAFF, 'honour.drawRound', { awardId: award.id, requirements: [{ tag: '学科', min: 4 }] }))
    expect(tooMany).toMatchObject({ code: 'INVALID_INPUT', fields: { requirements: '“学科”的最少人数不能超过评委人数3' } })
    const tight = errorOf(await t.call(STAFF, 'honour.drawRound', { awardId: award.id, requirements: [{ tag: '行业', min: 3 }] }))
    expect(tight).toMatchObject({ code: 'CONFLICT', message: '带“行业”标签的可选评委不足3人' })
    const capped = errorOf(await t.call(STAFF, 'honour.drawRound', { awardId: award.id, tags: ['学科:农学', '行业:制造'], maxPerUnit: 1 }))
    expect(capped).toMatchObject({ code: 'CONFLICT', message: '符合条件的评委不足3人' })
    expect(await t.store.honours.assignmentsOf(amyId)).toEqual([])
    expect(await t.store.honours.drawsOf(award.id)).toEqual([])
  })
})

describe('materials from the phone', () => {
  /** The local server's storage in a folder of the test's own, and files put there as its upload does. */
  let uploads: string
  const stored = (name: string, bytes: number) => {
    fs.writeFileSync(path.join(uploads, name), Buffer.alloc(bytes, 1))
    return `/uploads/${name}`
  }
  beforeEach(() => {
    t.close()
    uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'honour-uploads-'))
    t = makeTestApi({ staff: [STAFF], clock, random: seededRandom(42), files: { materials: localMaterials(uploads) } })
  })
  afterEach(() => fs.rmSync(uploads, { recursive: true, force: true }))

  it('attaches stored photos and files, shows jurors the file names with the nominee masked, and deletes them with the account', async () => {
    await world()
    const award = data(await t.call(STAFF, 'honour.awardCreate', wusi({ requiredMaterials: ['deeds', 'photos', 'files'], eligibility: { cutoffDate: '2027-05-04' } })))
    const photo = stored('m-aaaaaaaaaaaaaaaaaaaaaaaa.jpg', 1000)
    const file = { name: '王小明郑州大学支教证明.pdf', fileId: stored('m-bbbbbbbbbbbbbbbbbbbbbbbb.pdf', 2000), size: 2000 }
    const withoutFiles = errorOf(await t.call('amy', 'honour.nominate', { awardId: award.id, materials: materials({ photos: [photo] }) }))
    expect(withoutFiles.fields).toEqual({ 'materials.files': '请上传附件' })
    const nomination = data(await t.call('amy', 'honour.nominate', { awardId: award.id, materials: materials({ photos: [photo], files: [file] }) }))
    expect(nomination.materials).toMatchObject({ photos: [photo], files: [file] })

    // Through the unit and screening to a juror, who sees the photo and the file under a masked name.
    data(await t.call('amy', 'honour.submit', { id: nomination.id }))
    data(await t.call('head', 'honour.startPublicity', { id: nomination.id }))
    setDay('2026-12-07T10:00:00.000+08:00')
    data(await t.call('head', 'honour.unitDecide', { id: nomination.id, approve: true }))
    const stationId = nomination.stationId!
    data(await t.call('head', 'honour.recommend', { awardId: award.id, stationId, ranked: [nomination.id] }))
    data(await t.call(STAFF, 'honour.screen', { awardId: award.id }))
    const pool = await jurors()
    const drawn = data(await t.call(STAFF, 'honour.drawJury', { id: nomination.id }))
    const judge = pool.find((j) => j.id === drawn.find((a) => a.status === 'invited')!.jurorId)!
    expect(data(await t.call(judge.openid, 'honour.myReviews'))[0]).toMatchObject({ photos: [], files: [], photoCount: 0, fileCount: 0 })
    data(await t.call(judge.openid, 'honour.declare', { id: nomination.id, conflict: false }))
    const [blind] = data(await t.call(judge.openid, 'honour.myReviews'))
    expect(blind).toMatchObject({ photos: [photo], files: [{ name: `${MASK}${MASK}支教证明.pdf`, fileId: file.fileId }], photoCount: 1, fileCount: 1 })

    data(await t.call('amy', 'member.deleteMine'))
    expect(fs.readdirSync(uploads)).toEqual([])
    expect((await t.store.honours.getNomination(nomination.id))!.materials).toMatchObject({ photos: [], files: [] })
  })

  it('checks count, type, size and origin on the server, naming the field, and stores nothing', async () => {
    await world()
    const award = data(await t.call(STAFF, 'honour.awardCreate', wusi()))
    const photo = stored('m-cccccccccccccccccccccccc.jpg', 100)
    const pdf = (over: Partial<{ name: string; fileId: string; size: number }> = {}) => ({ name: '证明.pdf', fileId: stored('m-dddddddddddddddddddddddd.pdf', 100), size: 100, ...over })
    const cases: [Partial<NominateInput['materials']>, string, string][] = [
      [{ photos: Array.from({ length: 10 }, () => photo) }, 'materials.photos', '照片最多9张'],
      [{ files: Array.from({ length: 6 }, () => pdf()) }, 'materials.files', '附件最多5个'],
      [{ photos: ['/uploads/m-cccccccccccccccccccccccc.gif'] }, 'materials.photos', '照片只支持 png、jpg、webp 格式'],
      [{ files: [pdf({ name: '程序.exe' })] }, 'materials.files', '附件类型应为pdf、doc、docx、ppt、pptx、zip'],
      [{ files: [pdf({ name: '证明.docx' })] }, 'materials.files', '附件内容与文件名的类型不符'],
      [{ files: [pdf({ size: 11 * 1024 * 1024 })] }, 'materials.files.0.size', '附件不能超过10MB'],
      [{ photos: [stored('m-eeeeeeeeeeeeeeeeeeeeeeee.jpg', 2 * 1024 * 1024 + 1)] }, 'materials.photos', '照片不能超过2MB'],
      [{ photos: ['/uploads/m-ffffffffffffffffffffffff.jpg'] }, 'materials.photos', '照片须在提名页面上传，请重新选择'],
      [{ files: [pdf({ fileId: 'https://example.com/a.pdf' })] }, 'materials.files', '附件须在提名页面上传，请重新选择'],
    ]
    for (const [over, field, message] of cases) {
      const error = errorOf(await t.call('amy', 'honour.nominate', { awardId: award.id, materials: materials(over) }))
      expect([field, error.code, error.fields?.[field]]).toEqual([field, 'INVALID_INPUT', message])
    }
    expect(await t.store.honours.listNominations({ awardId: award.id })).toEqual([])
  })
})

describe('the scheduler and the end of a 公示', () => {
  const tick = () => runScheduledJobs({ store: t.store, clock, ...testServices })

  it('closes a 公示 that ended without objection as 审定通过, once, and leaves the award to staff', async () => {
    const { unit } = await throughNotice()
    setDay('2026-12-15T23:00:00.000+08:00')
    expect((await tick()).closedHonourNotices).toBe(0)
    setDay('2026-12-16T00:10:00.000+08:00')
    expect((await tick()).closedHonourNotices).toBe(1)
    expect((await tick()).closedHonourNotices).toBe(0)
    const view = data(await t.call(STAFF, 'honour.get', { id: unit.amyId }))
    expect(view.state).toBe('approved')
    expect(view.history.at(-1)).toMatchObject({ action: 'close_notice', actorOpenid: 'system:scheduler', note: '公示期满（2026-12-07 至 2026-12-15）无异议，自动审定通过' })
    const audit = (await t.store.audit.list({ actor: '', stationId: '', from: null, to: null, cursor: null, limit: 500 })).items
    expect(audit.find((e) => e.action === 'honour.close_notice')).toMatchObject({ actorOpenid: 'system:scheduler', actorRole: 'staff' })
    // The award is still staff's to make.
    expect(data(await t.call(STAFF, 'honour.grant', { id: unit.amyId })).state).toBe('awarded')
  })

  it('leaves a 公示 with an objection to the staff who check it', async () => {
    const { unit } = await throughNotice()
    data(await t.call('passer-by', 'honour.object', { id: unit.amyId, kind: 'personal', realName: '陈实', phone: '13900001111', reason: '支教时长存疑' }))
    setDay('2026-12-17T10:00:00.000+08:00')
    expect((await tick()).closedHonourNotices).toBe(0)
    expect((await t.store.honours.getNomination(unit.amyId))!.state).toBe('objection_check')
  })
})
