import { SURVEY_TEMPLATES, type CreateSurveyInput, type RegisterMemberInput, type SurveyDefinitionInput } from '../../../types'
import { ALL_COLLECTIONS } from '../../core/adapters/cloudbase/collections'
import type { Logger } from '../../runtime/logger'
import { runScheduledJobs } from '../../core/scheduler/scheduler'
import { codeOf, data, errorOf, makeTestApi, profile, publishActivity, testAdapter, testFiles, testServices } from './test-support'

/** Surveys through the router, on SQLite (and, by survey.cloudbase.test.ts, on the CloudBase stand-in). */
const STAFF = 'staff-1'
const STAFF2 = 'staff-2'
let now = new Date('2026-10-08T10:00:00.000+08:00')
const clock = { now: () => now }
const laterDays = (days: number) => {
  now = new Date(now.getTime() + days * 24 * 60 * 60_000)
}
const logged: unknown[] = []
const recordingLogger: Logger = {
  info: (event, fields) => logged.push({ event, fields }),
  error: (event, fields) => logged.push({ event, fields }),
}
let t: ReturnType<typeof makeTestApi>

beforeEach(() => {
  now = new Date('2026-10-08T10:00:00.000+08:00')
  logged.length = 0
  t = makeTestApi({ staff: [STAFF, STAFF2], clock, logger: recordingLogger })
})
afterEach(() => t.close())

const definition: SurveyDefinitionInput = {
  pages: [
    {
      id: 'p1',
      title: '基本情况',
      questions: [
        { id: 'where', kind: 'single', title: '你目前在哪里工作或学习', required: true, options: [{ id: 'home', label: '驻马店' }, { id: 'away', label: '外地' }] },
        { id: 'why', kind: 'text', title: '没有回驻马店的原因', required: true, long: true, showIf: { op: 'chosen', questionId: 'where', optionId: 'away' } },
      ],
    },
    {
      id: 'p2',
      title: '政策需求',
      questions: [
        {
          id: 'need',
          kind: 'single',
          title: '最需要的政策',
          required: true,
          options: [
            { id: 'house', label: '人才公寓', quota: 2 },
            { id: 'job', label: '岗位推荐' },
          ],
        },
        { id: 'score', kind: 'rating', title: '满意度', required: true },
      ],
    },
  ],
}

const draft = (overrides: Partial<CreateSurveyInput> = {}): CreateSurveyInput => ({
  title: '2026年青年人才政策需求调研',
  intro: '了解你的需求',
  definition,
  identityMode: 'named',
  audience: { countyIds: ['suiping'] },
  ...overrides,
})

async function join(openid: string, overrides: Partial<RegisterMemberInput> = {}) {
  data(await t.call(openid, 'member.register', profile({ name: `成员${openid}`, ...overrides })))
}

/** Created by STAFF, approved by STAFF2, published. */
async function published(overrides: Partial<CreateSurveyInput> = {}) {
  const created = data(await t.call(STAFF, 'survey.create', draft(overrides)))
  data(await t.call(STAFF2, 'survey.approve', { id: created.id }))
  return data(await t.call(STAFF, 'survey.publish', { id: created.id }))
}

const complete = { where: 'home', need: 'job', score: 4 }

describe('building, approving and publishing', () => {
  it('lets staff create, refuses students and bad input (naming the field, writing nothing)', async () => {
    await join('m1')
    const created = data(await t.call(STAFF, 'survey.create', draft()))
    expect(created).toMatchObject({ status: 'draft', identityMode: 'named', creatorOpenid: STAFF, approvedBy: null })
    expect(errorOf(await t.call('m1', 'survey.create', draft())).code).toBe('FORBIDDEN')
    const bad = errorOf(await t.call(STAFF, 'survey.create', draft({ title: '' })))
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', fields: { title: '请填写问卷标题' } })
    const badLogic = errorOf(
      await t.call(STAFF, 'survey.create', draft({ definition: { pages: [{ id: 'p', questions: [{ id: 'a', kind: 'date', title: 'A', showIf: { op: 'chosen', questionId: 'zz', optionId: 'x' } }] }] } })),
    )
    expect(badLogic.code).toBe('INVALID_INPUT')
    expect(badLogic.message).toContain('条件引用的题目（zz）')
    expect(data(await t.call(STAFF, 'survey.list', {})).items.map((s) => s.id)).toEqual([created.id])
  })

  it('needs a second staff member to approve (4-eyes) before it can be published', async () => {
    await join('m1')
    const created = data(await t.call(STAFF, 'survey.create', draft()))
    expect(errorOf(await t.call(STAFF, 'survey.publish', { id: created.id })).message).toContain('另一位工作人员审核')
    expect(errorOf(await t.call(STAFF, 'survey.approve', { id: created.id })).message).toContain('创建者不能审核')
    expect(errorOf(await t.call('m1', 'survey.approve', { id: created.id })).code).toBe('FORBIDDEN')
    expect(data(await t.call(STAFF2, 'survey.approve', { id: created.id }))).toMatchObject({ status: 'approved', approvedBy: STAFF2 })
    // A change after approval sends it back.
    expect(data(await t.call(STAFF, 'survey.update', { id: created.id, ...draft({ title: '改过的标题' }) }))).toMatchObject({ status: 'draft', approvedBy: null })
    expect(codeOf(await t.call(STAFF, 'survey.publish', { id: created.id }))).toBe('CONFLICT')
    data(await t.call(STAFF2, 'survey.approve', { id: created.id }))
    const live = data(await t.call(STAFF, 'survey.publish', { id: created.id }))
    expect(live).toMatchObject({ status: 'published', recipients: 1 })
    // Published: the identity mode (and everything else) is fixed.
    expect(errorOf(await t.call(STAFF, 'survey.update', { id: created.id, ...draft({ identityMode: 'anonymous' }) })).code).toBe('CONFLICT')
    expect(errorOf(await t.call(STAFF, 'survey.update', { id: created.id, ...draft(), title: '' })).fields).toHaveProperty('title')
  })

  it('freezes the recipients at publish from the audience', async () => {
    await join('a', { hometownCounty: 'suiping' })
    await join('b', { hometownCounty: 'xiping' })
    const survey = await published()
    await join('late', { hometownCounty: 'suiping' })
    expect(survey.recipients).toBe(1)
    expect(data(await t.call('a', 'survey.mine', {})).items.map((s) => s.id)).toEqual([survey.id])
    expect(data(await t.call('b', 'survey.mine', {})).items).toEqual([])
    expect(data(await t.call('late', 'survey.mine', {})).items).toEqual([])
    expect(errorOf(await t.call('late', 'survey.get', { id: survey.id })).code).toBe('NOT_FOUND')
    expect(errorOf(await t.call('late', 'survey.submit', { id: survey.id, answers: complete })).code).toBe('NOT_FOUND')
  })

  it("limits a head to their own station's survey", async () => {
    const zz = data(await t.call(STAFF, 'station.create', { university: '郑州大学', city: '郑州市' })).id
    const wh = data(await t.call(STAFF, 'station.create', { university: '武汉大学', city: '武汉市' })).id
    for (const [openid, university] of [['head', '郑州大学'], ['mine', '郑州大学'], ['other', '武汉大学']] as const) {
      await join(openid, { university })
      const request = data(await t.call(openid, 'station.requestJoin', { stationId: university === '郑州大学' ? zz : wh }))
      data(await t.call(STAFF, 'station.reviewRequest', { id: request.id, decision: 'approve' }))
    }
    data(await t.call(STAFF, 'station.appointHead', { stationId: zz, openid: 'head', as: 'head' }))
    laterDays(1)
    const created = data(await t.call('head', 'survey.create', draft({ audience: { all: true } })))
    expect(created).toMatchObject({ stationId: zz, audience: { stationIds: [zz], all: false } })
    expect(errorOf(await t.call('head', 'survey.create', draft({ publicLink: true, identityMode: 'anonymous_tracked' }))).message).toContain('只有团市委工作人员可以发布公开链接问卷')
    expect(errorOf(await t.call('head', 'survey.approve', { id: created.id })).code).toBe('FORBIDDEN')
    data(await t.call(STAFF, 'survey.approve', { id: created.id }))
    const live = data(await t.call('head', 'survey.publish', { id: created.id }))
    expect(live.recipients).toBe(2)
    const staffOwn = await published({ audience: { all: true } })
    expect(data(await t.call('head', 'survey.list', {})).items.map((s) => s.id)).toEqual([created.id])
    expect(errorOf(await t.call('head', 'survey.respondents', { id: staffOwn.id })).code).toBe('FORBIDDEN')
    expect(errorOf(await t.call('head', 'survey.results', { id: staffOwn.id })).code).toBe('FORBIDDEN')
    expect(data(await t.call('head', 'survey.respondents', { id: created.id })).items.map((r) => r.openid).sort()).toEqual(['head', 'mine'])
  })
})

describe('answering', () => {
  it('saves a page, resumes it, and submits once (idempotent by requestId)', async () => {
    await join('a')
    const survey = await published()
    const first = data(await t.call('a', 'survey.get', { id: survey.id }))
    expect(first.answer).toMatchObject({ status: 'opened', draft: null, open: true })
    expect(first.answer?.identityStatement).toContain('实名')
    data(await t.call('a', 'survey.saveDraft', { id: survey.id, pageId: 'p1', answers: { where: 'away', why: '工作机会少' } }))
    const resumed = data(await t.call('a', 'survey.get', { id: survey.id })).answer
    expect(resumed).toMatchObject({ status: 'started', draft: { pageId: 'p1', answers: { where: 'away', why: '工作机会少' } } })
    // Required questions of the visible path are checked again on the server, by name.
    const missing = errorOf(await t.call('a', 'survey.submit', { id: survey.id, answers: { where: 'away' } }))
    expect(missing).toMatchObject({ code: 'INVALID_INPUT', fields: { 'answers.why': '请回答「没有回驻马店的原因」' } })
    const bad = errorOf(await t.call('a', 'survey.submit', { id: survey.id, answers: { ...complete, score: 9 } }))
    expect(bad.fields).toEqual({ 'answers.score': '「满意度」请选择1到5分' })
    expect(errorOf(await t.call('a', 'survey.submit', { id: survey.id })).fields).toHaveProperty('answers')
    const results = await Promise.all([1, 2, 3].map(() => t.call('a', 'survey.submit', { id: survey.id, answers: complete }, 'req-submit-0001')))
    expect(results.map(codeOf)).toEqual(['OK', 'OK', 'OK'])
    expect(errorOf(await t.call('a', 'survey.submit', { id: survey.id, answers: complete }, 'req-submit-0002')).message).toBe('你已提交过这份问卷')
    expect(data(await t.call(STAFF, 'survey.get', { id: survey.id })).manage?.responses).toBe(1)
    expect(data(await t.call('a', 'survey.mine', {})).items[0]).toMatchObject({ status: 'submitted' })
    expect(data(await t.call('a', 'survey.get', { id: survey.id })).answer?.draft).toBeNull()
  })

  it('refuses answers after the close time and before the open time', async () => {
    await join('a')
    const survey = await published({ openAt: '2026-10-09T00:00:00+08:00', closeAt: '2026-10-10T00:00:00+08:00' })
    expect(errorOf(await t.call('a', 'survey.submit', { id: survey.id, answers: complete })).message).toBe('问卷还没有开始')
    laterDays(1)
    data(await t.call('a', 'survey.saveDraft', { id: survey.id, pageId: 'p1', answers: { where: 'home' } }))
    laterDays(1)
    expect(errorOf(await t.call('a', 'survey.submit', { id: survey.id, answers: complete })).message).toBe('问卷已结束')
    expect(errorOf(await t.call(STAFF, 'survey.close', { id: 'sv-missing' })).code).toBe('NOT_FOUND')
  })

  it('never oversells a quota or the response cap under parallel submissions, and names what is full', async () => {
    const n = testAdapter() === 'cloudbase' ? 120 : 500
    const members = Array.from({ length: n }, (_, i) => `q${String(i).padStart(3, '0')}`)
    for (let i = 0; i < n; i += 50) await Promise.all(members.slice(i, i + 50).map((m) => join(m)))
    const survey = await published({ responseCap: n - 10 })
    const results = await Promise.all(members.map((m) => t.call(m, 'survey.submit', { id: survey.id, answers: { where: 'home', need: 'house', score: 3 } })))
    const ok = results.filter((r) => r.ok)
    expect(ok).toHaveLength(2)
    const refusals = new Set(results.filter((r) => !r.ok).map((r) => errorOf(r).message))
    expect([...refusals]).toEqual(['「最需要的政策」的「人才公寓」名额已满，请选择其他选项'])
    const after = data(await t.call(STAFF, 'survey.get', { id: survey.id })).manage
    expect(after).toMatchObject({ responses: 2, quotaUsed: { 'need:house': 2 } })
    expect(data(await t.call(members[0]!, 'survey.get', { id: survey.id })).answer?.fullOptions).toEqual(['need:house'])
    // The cap: the others choose the open option, all at once; exactly the cap is reached.
    const rest = members.filter((_m, i) => !results[i]!.ok)
    const second = await Promise.all(rest.map((m) => t.call(m, 'survey.submit', { id: survey.id, answers: complete })))
    expect(second.filter((r) => r.ok)).toHaveLength(n - 12)
    expect(new Set(second.filter((r) => !r.ok).map((r) => errorOf(r).message))).toEqual(new Set(['这份问卷已收满答卷，感谢你的关注']))
    expect(data(await t.call(STAFF, 'survey.get', { id: survey.id })).manage).toMatchObject({ responses: n - 10, quotaUsed: { 'need:house': 2 } })
    // Those refused were not marked submitted: they still count as not answered.
    expect(data(await t.call(STAFF, 'survey.respondents', { id: survey.id, limit: 50 })).items).toHaveLength(10)
  }, 60_000)
})

describe('when a quota or the cap fills', () => {
  /** The same survey, but a full 人才公寓 ends whoever chooses it, politely. */
  const ending = (message?: string): SurveyDefinitionInput => {
    const copy = JSON.parse(JSON.stringify(definition)) as SurveyDefinitionInput
    const need = copy.pages[1]!.questions[0]!
    Object.assign(need, { whenFull: 'end', ...(message ? { fullMessage: message } : {}) })
    return copy
  }

  it('ends politely those who choose a full option (all at once at the boundary), keeping none of their answers', async () => {
    const members = Array.from({ length: 8 }, (_, i) => `e${i}`)
    for (const m of [...members, 'late']) await join(m)
    const survey = await published({ definition: ending('人才公寓的名额已满，感谢你的参与！'), identityMode: 'anonymous_tracked' })
    const results = await Promise.all(members.map((m) => t.call(m, 'survey.submit', { id: survey.id, answers: { where: 'home', need: 'house', score: 3 } })))
    expect(results.map(data).filter((r) => r.submitted)).toHaveLength(2)
    const ended = results.map(data).filter((r) => !r.submitted)
    expect(ended).toEqual(Array(6).fill({ submitted: false, ended: '人才公寓的名额已满，感谢你的参与！' }))
    expect(data(await t.call(STAFF, 'survey.get', { id: survey.id })).manage).toMatchObject({ responses: 2, quotaUsed: { 'need:house': 2 } })
    // Ended members are done: not listed as not answered, never reminded, no second try.
    expect(data(await t.call(STAFF, 'survey.respondents', { id: survey.id })).items.map((r) => r.openid)).toEqual(['late'])
    const again = data(await t.call(members.find((_m, i) => !data(results[i]!).submitted)!, 'survey.get', { id: survey.id })).answer
    expect(again).toMatchObject({ status: 'submitted', fullOptions: ['need:house'] })
    // Cut short: the answer page sends what it has once a full option is chosen; the rest is not asked.
    data(await t.call('late', 'survey.saveDraft', { id: survey.id, pageId: 'p2', answers: { where: 'home' } }))
    expect(data(await t.call('late', 'survey.submit', { id: survey.id, answers: { where: 'home', need: 'house' } }))).toEqual({
      submitted: false,
      ended: '人才公寓的名额已满，感谢你的参与！',
    })
    expect(data(await t.call('late', 'survey.get', { id: survey.id })).answer).toMatchObject({ status: 'submitted', draft: null })
    // Without a full option, missing answers are still named.
    await join('other')
    const fresh = await published({ definition: ending(), identityMode: 'anonymous_tracked', audience: { countyIds: ['suiping'] } })
    expect(errorOf(await t.call('other', 'survey.submit', { id: fresh.id, answers: { where: 'home', need: 'job' } })).fields).toEqual({ 'answers.score': '请回答「满意度」' })
    data(await t.call('other', 'survey.submit', { id: fresh.id, answers: { where: 'home', need: 'house', score: 2 } }))
    expect(data(await t.call(STAFF, 'survey.get', { id: fresh.id })).manage?.responses).toBe(1)
  })

  it('uses the default end message, refuses an unknown rule by name, and shows a full survey as no longer open', async () => {
    const bad = JSON.parse(JSON.stringify(definition)) as SurveyDefinitionInput
    Object.assign(bad.pages[1]!.questions[0]!, { whenFull: 'close' })
    const refused = errorOf(await t.call(STAFF, 'survey.create', draft({ definition: bad })))
    expect(refused.code).toBe('INVALID_INPUT')
    expect(Object.values(refused.fields ?? {})).toContain('请选择名额满后的处理方式')
    expect(data(await t.call(STAFF, 'survey.list', {})).items).toHaveLength(0)
    for (const m of ['c1', 'c2', 'c3', 'c4']) await join(m)
    const survey = await published({ definition: ending(), responseCap: 3 })
    const first = await Promise.all(['c1', 'c2', 'c3'].map((m) => t.call(m, 'survey.submit', { id: survey.id, answers: { where: 'home', need: 'house', score: 4 } })))
    expect(first.map(data).filter((r) => !r.submitted)).toEqual([{ submitted: false, ended: '感谢你的参与！这一类同学的名额已经满了，本次问卷到此结束。' }])
    expect(data(await t.call('c4', 'survey.mine', {})).items[0]).toMatchObject({ id: survey.id, open: true })
    data(await t.call('c4', 'survey.submit', { id: survey.id, answers: complete }))
    // The cap (3) is reached: the member's list no longer shows it as open (the manager's shows 已收满).
    expect(data(await t.call('c1', 'survey.mine', {})).items[0]).toMatchObject({ id: survey.id, open: false })
    const view = data(await t.call(STAFF, 'survey.get', { id: survey.id }))
    expect(view.manage).toMatchObject({ responses: 3, responseCap: 3, status: 'published' })
  })
})

describe('prefilled from the profile', () => {
  const prefilled: SurveyDefinitionInput = {
    pages: [
      {
        id: 'p1',
        questions: [
          { id: 'school', kind: 'university', title: '你的学校', required: true, prefill: 'university' },
          { id: 'home', kind: 'county', title: '家乡县区', required: true, prefill: 'county' },
          { id: 'year', kind: 'text', title: '毕业年份', format: 'number', prefill: 'graduationYear' },
          { id: 'field', kind: 'field', title: '关注的产业领域', prefill: 'field' },
          { id: 'plain', kind: 'text', title: '其他建议' },
        ],
      },
    ],
  }

  it('offers the ticked profile values (a draft wins, the member may change them), never in 完全匿名', async () => {
    await join('p')
    const survey = await published({ definition: prefilled, identityMode: 'anonymous_tracked' })
    const view = data(await t.call('p', 'survey.get', { id: survey.id })).answer
    expect(view?.prefill).toEqual({ school: '郑州大学', home: 'suiping', year: '2026', field: 'electronics' })
    // The member changed the school: what they submit is what counts.
    data(await t.call('p', 'survey.submit', { id: survey.id, answers: { ...view!.prefill, school: '河南大学' } }))
    expect(data(await t.call(STAFF, 'survey.get', { id: survey.id })).manage?.responses).toBe(1)
    expect(data(await t.call('p', 'survey.get', { id: survey.id })).answer?.status).toBe('submitted')
    // 完全匿名: a definition that prefills is refused, by name; nothing is written.
    const refused = errorOf(await t.call(STAFF, 'survey.create', draft({ definition: prefilled, identityMode: 'anonymous' })))
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', fields: { definition: '完全匿名问卷不能用成员资料预填答案' } })
    // A value that does not fit the kind of question is refused too.
    const wrong = JSON.parse(JSON.stringify(prefilled)) as SurveyDefinitionInput
    Object.assign(wrong.pages[0]!.questions[1]!, { prefill: 'university' })
    expect(Object.values(errorOf(await t.call(STAFF, 'survey.create', draft({ definition: wrong }))).fields ?? {})).toContain('「家乡县区」不能用学校预填')
    expect(data(await t.call(STAFF, 'survey.list', {})).items).toHaveLength(1)
  })

  it('keeps the profile values beside a saved draft (the answer page starts from the draft)', async () => {
    await join('d')
    const survey = await published({ definition: prefilled })
    data(await t.call('d', 'survey.saveDraft', { id: survey.id, pageId: 'p1', answers: { school: '黄淮学院' } }))
    const view = data(await t.call('d', 'survey.get', { id: survey.id })).answer
    expect(view?.draft?.answers).toEqual({ school: '黄淮学院' })
    expect(view?.prefill.school).toBe('郑州大学')
  })
})

describe('活动反馈 in the 翼展档案', () => {
  it('adds a line for each activity feedback survey the member answered, never for 完全匿名 ones', async () => {
    for (const m of ['f1', 'f2']) await join(m)
    const activity = await publishActivity(t, STAFF, {
      signUpOpenAt: '2026-10-01T00:00:00+08:00',
      signUpCloseAt: '2026-10-20T00:00:00+08:00',
      startAt: '2026-10-21T09:00:00+08:00',
      endAt: '2026-10-21T17:00:00+08:00',
    })
    for (const m of ['f1', 'f2']) data(await t.call(m, 'activity.signUp', { activityId: activity.id }))
    const feedback = await published({ title: '暑期实践活动反馈', identityMode: 'anonymous_tracked', audience: { activityId: activity.id } })
    const anonymous = await published({ title: '完全匿名反馈', identityMode: 'anonymous', audience: { activityId: activity.id } })
    expect(feedback.recipients).toBe(2)
    data(await t.call('f1', 'survey.submit', { id: feedback.id, answers: complete }))
    data(await t.call('f1', 'survey.submit', { id: anonymous.id, answers: complete }))
    expect(data(await t.call('f1', 'survey.myFeedback', {}))).toEqual([
      { surveyId: feedback.id, title: '暑期实践活动反馈', activityId: activity.id, activityTitle: activity.title, at: feedback.publishedAt },
    ])
    // Not answered yet: no line; not a member: refused.
    expect(data(await t.call('f2', 'survey.myFeedback', {}))).toEqual([])
    expect(errorOf(await t.call(null, 'survey.myFeedback', {})).code).toBe('UNAUTHENTICATED')
  })
})

describe('non-respondents and reminders', () => {
  it('lists who has not submitted, reminds at most 3 times, 2 days apart', async () => {
    await join('a')
    await join('b')
    await join('c')
    const survey = await published({ identityMode: 'anonymous_tracked' })
    data(await t.call('a', 'survey.submit', { id: survey.id, answers: complete }))
    data(await t.call('b', 'survey.get', { id: survey.id }))
    const pending = data(await t.call(STAFF, 'survey.respondents', { id: survey.id }))
    expect(pending.items.map((r) => [r.openid, r.name, r.status])).toEqual([
      ['b', '成员b', 'opened'],
      ['c', '成员c', 'unread'],
    ])
    expect(errorOf(await t.call('a', 'survey.respondents', { id: survey.id })).code).toBe('FORBIDDEN')
    expect(errorOf(await t.call(STAFF, 'survey.respondents', { id: '' })).fields).toHaveProperty('id')
    expect(data(await t.call(STAFF, 'survey.remind', { id: survey.id }))).toMatchObject({ reminded: 2, skipped: 0 })
    expect(data(await t.call(STAFF, 'survey.remind', { id: survey.id }))).toMatchObject({ reminded: 0, skipped: 2 })
    laterDays(2)
    expect(data(await t.call(STAFF, 'survey.remind', { id: survey.id })).reminded).toBe(2)
    laterDays(2)
    expect(data(await t.call(STAFF, 'survey.remind', { id: survey.id })).reminded).toBe(2)
    laterDays(2)
    expect(data(await t.call(STAFF, 'survey.remind', { id: survey.id }))).toMatchObject({ reminded: 0, skipped: 2 })
    expect(data(await t.call('c', 'survey.mine', {})).items[0]).toMatchObject({ reminders: 3, status: 'unread' })
    expect(errorOf(await t.call('c', 'survey.remind', { id: survey.id })).code).toBe('FORBIDDEN')
  })

  /** The survey-reminder items of a member's inbox (newest first). */
  async function reminderItems(openid: string) {
    const inbox = data(await t.call(openid, 'notice.inbox', {}))
    return inbox.items.filter((n) => n.link?.kind === 'survey')
  }

  it('puts each reminder in the inbox: one item per reminded member and round, linked to the survey', async () => {
    await join('a')
    await join('b')
    await join('c')
    const survey = await published({ identityMode: 'anonymous_tracked', title: '返乡就业意向调查' })
    data(await t.call('a', 'survey.submit', { id: survey.id, answers: complete }))
    // Two staff press at once (and one presses again): the round reminds each non-respondent once.
    const round = await Promise.all([t.call(STAFF, 'survey.remind', { id: survey.id }), t.call(STAFF2, 'survey.remind', { id: survey.id })])
    expect(round.map((r) => data(r).reminded).sort()).toEqual([0, 2])
    expect(data(await t.call(STAFF, 'survey.remind', { id: survey.id })).reminded).toBe(0)
    expect(await reminderItems('a')).toEqual([])
    for (const openid of ['b', 'c']) {
      const items = await reminderItems(openid)
      expect(items).toHaveLength(1)
      expect(items[0]).toMatchObject({ title: '请填写问卷：返乡就业意向调查', link: { kind: 'survey', id: survey.id }, senderLabel: '共青团驻马店市委', read: false })
      expect(items[0]?.body).toContain('返乡就业意向调查')
    }
    expect(data(await t.call('b', 'notice.unreadCount', {}))).toMatchObject({ count: 1 })
    // The item opens like any notice; the reminder's own subscribe message is its push (no second one).
    expect(data(await t.call('c', 'notice.read', { id: (await reminderItems('c'))[0]?.id ?? '' })).link).toEqual({ kind: 'survey', id: survey.id })
    data(await t.call('b', 'notice.subscribe', {}))
    expect((await runScheduledJobs({ store: t.store, clock, ...testServices })).notices.pushed).toBe(0)

    // The next round (2 days on): b submitted meanwhile, only c gets a second item.
    data(await t.call('b', 'survey.submit', { id: survey.id, answers: complete }))
    laterDays(2)
    const next = await Promise.all([1, 2, 3].map(() => t.call(STAFF, 'survey.remind', { id: survey.id })))
    expect(next.map((r) => data(r).reminded).sort()).toEqual([0, 0, 1])
    expect(await reminderItems('b')).toHaveLength(1)
    expect(await reminderItems('c')).toHaveLength(2)
    // The limit counts inbox items too: after the third round, none more.
    laterDays(2)
    expect(data(await t.call(STAFF, 'survey.remind', { id: survey.id })).reminded).toBe(1)
    laterDays(2)
    expect(data(await t.call(STAFF, 'survey.remind', { id: survey.id })).reminded).toBe(0)
    expect(await reminderItems('c')).toHaveLength(3)
  })

  it('keeps no per-person status in 完全匿名: no list, no reminders', async () => {
    await join('a')
    await join('b')
    const survey = await published({ identityMode: 'anonymous' })
    data(await t.call('a', 'survey.get', { id: survey.id }))
    data(await t.call('a', 'survey.submit', { id: survey.id, answers: complete }))
    expect(data(await t.call('a', 'survey.mine', {})).items[0]?.status).toBeNull()
    expect(errorOf(await t.call(STAFF, 'survey.respondents', { id: survey.id })).message).toContain('完全匿名')
    expect(errorOf(await t.call(STAFF, 'survey.remind', { id: survey.id })).code).toBe('CONFLICT')
    // Nobody is reminded, so no inbox item either (b has not answered; who has is not known).
    for (const openid of ['a', 'b']) expect(await reminderItems(openid)).toEqual([])
  })
})

describe('results and export', () => {
  async function answered(identityMode: CreateSurveyInput['identityMode'], count: number) {
    const members = Array.from({ length: count }, (_, i) => `r${i}`)
    for (const [i, m] of members.entries()) await join(m, { hometownCounty: 'suiping', graduationYear: i % 2 ? 2026 : 2027 })
    // The same survey without the quota (these tests are about the figures).
    const unlimited = JSON.parse(JSON.stringify(definition).replace(', "quota":2', '').replace(',"quota":2', '')) as SurveyDefinitionInput
    const survey = await published({ identityMode, definition: unlimited })
    for (const [i, m] of members.entries()) {
      data(await t.call(m, 'survey.submit', { id: survey.id, answers: i < 6 ? { where: 'home', need: 'job', score: 5 } : { where: 'away', why: `我在郑州工作${i}`, need: 'house', score: 3 } }))
    }
    return survey
  }

  it('reads results from running totals kept at submit, equal to a recount from the answers', async () => {
    const named = await answered('named', 8)
    const anonymous = await published({ identityMode: 'anonymous_tracked', title: '匿名版' })
    for (const [i, m] of ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6'].entries()) {
      data(await t.call(m, 'survey.submit', { id: anonymous.id, answers: i % 3 ? { where: 'home', need: 'job', score: 1 + (i % 5) } : { where: 'away', why: '远', need: 'job', score: 2 } }))
    }
    const cases: [string, (string | undefined)[]][] = [
      [named.id, [undefined, 'county', 'degree', 'graduationYear', 'where', 'need']],
      [anonymous.id, [undefined, 'where', 'need']],
    ]
    for (const [id, bys] of cases) {
      expect(data(await t.call(STAFF, 'survey.get', { id })).manage?.tallied).toBe(true)
      const fromTotals = []
      for (const by of bys) fromTotals.push(data(await t.call(STAFF, 'survey.results', { id, by })))
      // The same survey counted from its answers (as for one published before running totals).
      const { responses: _r, quotaUsed: _q, ...stored } = data(await t.call(STAFF, 'survey.get', { id })).manage!
      expect(await t.store.surveys.replace({ ...stored, tallied: false }, ['published'])).toBe(true)
      for (const [i, by] of bys.entries()) expect(data(await t.call(STAFF, 'survey.results', { id, by }))).toEqual(fromTotals[i])
    }
    expect(JSON.stringify(data(await t.call(STAFF, 'survey.results', { id: named.id, by: 'county' })).questions)).toContain('"mean":4.5')
  })

  it('counts per question, cross-tabs by a profile dimension, never shows free text', async () => {
    const survey = await answered('named', 8)
    const results = data(await t.call(STAFF, 'survey.results', { id: survey.id, by: 'graduationYear' }))
    const where = results.questions.find((q) => q.questionId === 'where')!
    expect(where.counts).toEqual([
      { id: 'home', label: '驻马店', count: 6 },
      { id: 'away', label: '外地', count: 2 },
    ])
    expect(where.cross?.map((c) => [c.label, c.counts])).toEqual([
      ['2026届', { home: 3, away: 1 }],
      ['2027届', { home: 3, away: 1 }],
    ])
    expect(results.questions.find((q) => q.questionId === 'score')?.mean).toBe(4.5)
    const why = results.questions.find((q) => q.questionId === 'why')!
    expect(why).toMatchObject({ answered: 2, counts: [] })
    expect(JSON.stringify(results)).not.toContain('我在郑州工作')
    expect(errorOf(await t.call(STAFF, 'survey.results', { id: survey.id, by: 'why' })).fields).toHaveProperty('by')
    expect(errorOf(await t.call('r0', 'survey.results', { id: survey.id })).code).toBe('FORBIDDEN')
  })

  it('shows cells under 5 as "<5" in anonymous surveys, and refuses profile cross-tabs there', async () => {
    const survey = await answered('anonymous_tracked', 8)
    const results = data(await t.call(STAFF, 'survey.results', { id: survey.id, by: 'where' }))
    const need = results.questions.find((q) => q.questionId === 'need')!
    expect(need.counts.map((c) => c.count)).toEqual(['<5', 6])
    expect(need.cross?.map((c) => [c.value, c.counts])).toEqual([
      ['away', { house: '<5', job: 0 }],
      ['home', { house: 0, job: 6 }],
    ])
    expect(errorOf(await t.call(STAFF, 'survey.results', { id: survey.id, by: 'county' })).message).toContain('匿名问卷不保存成员资料')
  })

  it('shows every cell as "<5" while fewer than 5 have answered an anonymous survey (zeros would tell)', async () => {
    const survey = await answered('anonymous', 2)
    const need = data(await t.call(STAFF, 'survey.results', { id: survey.id })).questions.find((q) => q.questionId === 'need')!
    expect(need.counts.map((c) => c.count)).toEqual(['<5', '<5'])
    expect(need.answered).toBe('<5')
  })

  it('exports codes and labels as .xlsx, names only in 实名, and audits every export', async () => {
    const named = await answered('named', 3)
    const file = data(await t.call(STAFF, 'survey.export', { id: named.id }))
    const rows = await testFiles.spreadsheets.readRows(file.filename, Buffer.from(file.contentBase64, 'base64'))
    expect(rows[0]?.slice(0, 6)).toEqual(['答卷编号', '姓名', '学校', '提交日期', 'where 编码', 'where 你目前在哪里工作或学习'])
    expect(rows.slice(1).map((r) => r[1]).sort()).toEqual(['成员r0', '成员r1', '成员r2'])
    expect(rows[1]?.slice(3, 6)).toEqual(['2026-10-08', 'home', '驻马店'])
    const audit = data(await t.call(STAFF, 'audit.list', {})).items.filter((e) => e.action === 'survey.export')
    expect(audit).toHaveLength(1)
    expect(errorOf(await t.call('r0', 'survey.export', { id: named.id })).code).toBe('FORBIDDEN')
  })
})

/** Every stored row of every table (SQLite) or collection (CloudBase stand-in), as JSON text. */
async function everyStoredRow(): Promise<{ where: string; row: string }[]> {
  if (t.sqlite) {
    const db = t.sqlite.db
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE '%VIRTUAL%'").all() as { name: string }[]).map((r) => r.name)
    return tables.flatMap((name) => (db.prepare(`SELECT * FROM "${name}"`).all() as object[]).map((row) => ({ where: name, row: JSON.stringify(row) })))
  }
  const standIn = t.standIn!
  return ALL_COLLECTIONS.flatMap((name) => standIn.documents(name).map((d) => ({ where: name, row: JSON.stringify(d) })))
}

describe('匿名可催办: no query, export or log joins an answer to a member', () => {
  it('keeps who submitted apart from what was answered', async () => {
    await join('alice', { name: '张安琪' })
    await join('bob', { name: '王博' })
    await join('carl', { name: '陈卡' })
    const survey = await published({ identityMode: 'anonymous_tracked' })
    const marker = '只有爱丽丝会写的话'
    data(await t.call('alice', 'survey.saveDraft', { id: survey.id, pageId: 'p1', answers: { where: 'away', why: marker } }))
    const submitted = data(await t.call('alice', 'survey.submit', { id: survey.id, answers: { where: 'away', why: marker, need: 'job', score: 2 } }, 'req-alice-0001'))
    data(await t.call('bob', 'survey.submit', { id: survey.id, answers: complete }))
    // The result names nothing (it is also what the idempotency record keeps).
    expect(submitted).toEqual({ submitted: true })

    const rows = await everyStoredRow()
    const answerRows = rows.filter((r) => r.row.includes(marker))
    // The answer lives in exactly one row (the draft is gone), which names no one and has only a day.
    expect(answerRows).toHaveLength(1)
    const answerRow = answerRows[0]!
    for (const who of ['alice', '张安琪']) expect(answerRow.row).not.toContain(who)
    expect(answerRow.row).not.toMatch(/T\d{2}:\d{2}/)
    expect(answerRow.row).toContain('"2026-10-08"')
    const responseId = /"(?:_id|id)":"(sr[0-9a-z]+)"/.exec(answerRow.row)?.[1]
    expect(responseId).toBeDefined()
    // Nothing else holds the response id: no audit row, idempotency record, status row or log.
    expect(rows.filter((r) => r.row.includes(responseId!)).map((r) => r.where)).toEqual([answerRow.where])
    expect(JSON.stringify(logged)).not.toContain(responseId!)
    // Every row naming alice is about survey status, never about answers (and carries no submission time).
    const aliceRows = rows.filter((r) => r.row.includes('"alice"') || r.row.includes(':alice'))
    for (const r of aliceRows) expect(r.row).not.toContain(marker)
    const aliceStatus = aliceRows.filter((r) => r.where === 'survey_recipients')
    expect(aliceStatus).toHaveLength(1)
    // (The survey's own publish time may be copied there for ordering: the same for every recipient.)
    expect(aliceStatus[0]!.row.replaceAll(survey.publishedAt!, '')).not.toMatch(/T\d{2}:\d{2}/)
    // SQLite: answers are stored WITHOUT ROWID under their random id, so storage order is not submission order.
    if (t.sqlite) expect(String((t.sqlite.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'survey_responses'").get() as { sql: string }).sql)).toContain('WITHOUT ROWID')

    // The export and the results hold no member.
    const file = data(await t.call(STAFF, 'survey.export', { id: survey.id }))
    const exported = JSON.stringify(await testFiles.spreadsheets.readRows(file.filename, Buffer.from(file.contentBase64, 'base64')))
    for (const who of ['alice', 'bob', '张安琪', '王博']) expect(exported).not.toContain(who)
    expect(exported).toContain(marker)
    const results = JSON.stringify(data(await t.call(STAFF, 'survey.results', { id: survey.id, by: 'where' })))
    expect(results).not.toContain(marker)
    // The audit log says an export happened, not whose answers are whose.
    const audit = data(await t.call(STAFF, 'audit.list', {})).items
    for (const e of audit) expect(JSON.stringify(e)).not.toContain(responseId!)
    expect(audit.some((e) => e.action === 'survey.submit')).toBe(false)
  })
})

describe('a public link', () => {
  /** Published by STAFF after STAFF2 approved it: no audience, a token. */
  const linked = (overrides: Partial<CreateSurveyInput> = {}) => published({ publicLink: true, identityMode: 'anonymous_tracked', audience: { all: true }, ...overrides })

  it('is staff-only, never 实名, and opens for anyone signed in with its token (members need not be)', async () => {
    await join('m1')
    expect(errorOf(await t.call('m1', 'survey.create', draft({ publicLink: true, identityMode: 'anonymous_tracked' }))).code).toBe('FORBIDDEN')
    const named = errorOf(await t.call(STAFF, 'survey.create', draft({ publicLink: true, identityMode: 'named' })))
    expect(named).toMatchObject({ code: 'INVALID_INPUT', fields: { identityMode: expect.stringContaining('公开链接问卷只能选「匿名可催办」') } })
    expect(data(await t.call(STAFF, 'survey.list', {})).items).toEqual([])
    const survey = await linked()
    expect(survey).toMatchObject({ publicLink: true, recipients: 0, status: 'published' })
    expect(survey.linkToken).toMatch(/^lk[0-9a-z]{24}$/)
    const token = survey.linkToken!
    // A visitor who never joined opens it; the first screen says what is kept.
    const view = data(await t.call('visitor-1', 'survey.linkGet', { id: survey.id, token }))
    expect(view).toMatchObject({ id: survey.id, publicLink: true, open: true, status: null, draft: null, prefill: {} })
    expect(view.identityStatement).toContain('不是联盟成员也可以填写')
    expect(view.identityStatement).toContain('每个账号只能提交一次')
    expect(JSON.stringify(view)).not.toContain(token)
    expect(errorOf(await t.call('visitor-1', 'survey.linkGet', { id: survey.id, token: `lk${'0'.repeat(24)}` })).code).toBe('NOT_FOUND')
    expect(errorOf(await t.call('visitor-1', 'survey.linkGet', { id: survey.id, token: 'abc' }))).toMatchObject({ code: 'INVALID_INPUT', fields: { token: '问卷链接不完整或有误' } })
    expect(errorOf(await t.call(null, 'survey.linkGet', { id: survey.id, token })).code).toBe('UNAUTHENTICATED')
    // Without the link a visitor reaches nothing; an audience survey has no link.
    expect(errorOf(await t.call('visitor-1', 'survey.get', { id: survey.id })).code).toBe('FORBIDDEN')
    const plain = await published()
    expect(plain.linkToken).toBeNull()
  })

  it('takes one answer per WeChat account that names no one, with results and export; no non-respondent list', async () => {
    await join('m1')
    const survey = await linked()
    const token = survey.linkToken!
    const marker = '访客才会写的原因'
    const bad = errorOf(await t.call('visitor-1', 'survey.linkSubmit', { id: survey.id, token, answers: { where: 'home' } }))
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', fields: { 'answers.need': '请回答「最需要的政策」' } })
    expect(data(await t.call('visitor-1', 'survey.linkSubmit', { id: survey.id, token, answers: { where: 'away', why: marker, need: 'job', score: 5 } }))).toEqual({ submitted: true })
    expect(errorOf(await t.call('visitor-1', 'survey.linkSubmit', { id: survey.id, token, answers: complete })).message).toBe('你已提交过这份问卷')
    expect(data(await t.call('visitor-1', 'survey.linkGet', { id: survey.id, token })).status).toBe('submitted')
    data(await t.call('m1', 'survey.linkSubmit', { id: survey.id, token, answers: complete }))
    expect(data(await t.call(STAFF, 'survey.get', { id: survey.id })).manage).toMatchObject({ responses: 2, recipients: 0 })
    // The answer row names no account; the account's row holds no answer.
    const rows = await everyStoredRow()
    const answerRows = rows.filter((r) => r.row.includes(marker))
    expect(answerRows).toHaveLength(1)
    expect(answerRows[0]!.row).not.toContain('visitor-1')
    for (const r of rows.filter((x) => x.row.includes('visitor-1'))) expect(r.row).not.toContain(marker)
    const results = data(await t.call(STAFF, 'survey.results', { id: survey.id }))
    expect(results.survey.responses).toBe(2)
    const file = data(await t.call(STAFF, 'survey.export', { id: survey.id }))
    expect(file.rows).toBe(2)
    expect(JSON.stringify(await testFiles.spreadsheets.readRows(file.filename, Buffer.from(file.contentBase64, 'base64')))).not.toContain('visitor-1')
    expect(errorOf(await t.call(STAFF, 'survey.respondents', { id: survey.id })).message).toContain('没有未填写名单')
    expect(errorOf(await t.call(STAFF, 'survey.remind', { id: survey.id })).message).toContain('不能提醒')
    // Closed: the link answers no more.
    data(await t.call(STAFF, 'survey.close', { id: survey.id }))
    expect(errorOf(await t.call('visitor-2', 'survey.linkSubmit', { id: survey.id, token, answers: complete })).message).toBe('问卷已结束')
  })

  it("is in a visitor's own export and goes with their deletion (PIPL); a member's survey records stay with their account", async () => {
    await join('m1')
    const survey = await linked()
    const token = survey.linkToken!
    data(await t.call('visitor-1', 'survey.linkSubmit', { id: survey.id, token, answers: complete }))
    data(await t.call('m1', 'survey.linkSubmit', { id: survey.id, token, answers: complete }))
    const mine = data(await t.call('visitor-1', 'platform.exportMyPublicData', {}))
    expect(mine.publicSurveys).toEqual([{ surveyId: survey.id, title: survey.title }])
    expect(mine.notice).toContain('公开链接')
    data(await t.call('visitor-1', 'platform.deleteMyPublicData', {}))
    // Only the rate limiter's windows name the account still; they lapse within minutes.
    expect((await everyStoredRow()).filter((r) => r.row.includes('visitor-1') && r.where !== 'rate_limits')).toEqual([])
    expect(data(await t.call('visitor-1', 'platform.exportMyPublicData', {})).publicSurveys).toEqual([])
    // The answer itself named no one and stays counted.
    expect(data(await t.call(STAFF, 'survey.get', { id: survey.id })).manage).toMatchObject({ responses: 2 })
    // A member clearing their public sign-ups keeps their survey records (they go with the account).
    data(await t.call('m1', 'platform.deleteMyPublicData', {}))
    expect(data(await t.call('m1', 'survey.linkGet', { id: survey.id, token })).status).toBe('submitted')
  })

  it('holds quotas under parallel submissions and stops ballot stuffing with the rate limiter', async () => {
    const survey = await linked()
    const token = survey.linkToken!
    const answers = { where: 'home', need: 'house', score: 3 }
    const visitors = Array.from({ length: 20 }, (_, i) => `v${i}`)
    const first = await Promise.all(visitors.map((v) => t.call(v, 'survey.linkSubmit', { id: survey.id, token, answers })))
    expect(new Set(first.filter((r) => !r.ok).map((r) => errorOf(r).message))).toEqual(new Set(['「最需要的政策」的「人才公寓」名额已满，请选择其他选项']))
    expect(first.filter((r) => r.ok)).toHaveLength(2)
    expect(data(await t.call(STAFF, 'survey.get', { id: survey.id })).manage).toMatchObject({ responses: 2, quotaUsed: { 'need:house': 2 } })
    // One account trying again and again: refused as already submitted, then by its own limit.
    const tries = []
    for (let i = 0; i < 5; i += 1) tries.push(codeOf(await t.call('v0', 'survey.linkSubmit', { id: survey.id, token, answers: complete })))
    expect(tries.slice(-1)).toEqual(['RATE_LIMITED'])
    // A farm of accounts at once: at most the survey's pace per minute gets through, nothing beyond is written.
    const farm = Array.from({ length: 70 }, (_, i) => `farm${i}`)
    const flood = await Promise.all(farm.map((v) => t.call(v, 'survey.linkSubmit', { id: survey.id, token, answers: complete })))
    const taken = flood.filter((r) => r.ok).length
    expect(flood.filter((r) => !r.ok).map(codeOf).filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(70 - taken)
    // The survey's 60 a minute, less the 20 above and v0's 4 tries that reached it (its 5th met its own limit first).
    expect(taken).toBeLessThanOrEqual(60 - 20 - 4)
    expect(taken).toBeGreaterThan(0)
    expect(data(await t.call(STAFF, 'survey.get', { id: survey.id })).manage?.responses).toBe(2 + taken)
  }, 30_000)
})

describe('回驻意愿与原因 feeds the pipeline', () => {
  const template = SURVEY_TEMPLATES.find((x) => x.id === 'return_intent')!
  const inZhengzhou = { status: 'contract', workProvince: 'henan', workCity: '郑州市', reasons: ['pay'], considerReturn: 'maybe' }
  const notReturnedFor = async (reason: string) =>
    data(await t.call(STAFF, 'pipeline.members', { metric: 'notReturned', reason })).items.map((r) => r.openid).sort()

  it('writes a 实名 answer where the pipeline reads 是否考虑回驻 and the reasons; never an anonymous one', async () => {
    for (const m of ['named1', 'anon1', 'fresh']) await join(m)
    for (const m of ['named1', 'anon1']) data(await t.call(m, 'destination.report', inZhengzhou))
    const answers = { intent: 'no', reasons: ['growth', 'family'] }
    const named = await published({ title: '回驻意愿（实名）', identityMode: 'named', definition: template.definition, audience: { all: true } })
    const anonymous = await published({ title: '回驻意愿（匿名）', identityMode: 'anonymous_tracked', definition: template.definition, audience: { all: true } })
    expect(await notReturnedFor('growth')).toEqual([])
    data(await t.call('named1', 'survey.submit', { id: named.id, answers }))
    data(await t.call('anon1', 'survey.submit', { id: anonymous.id, answers }))
    // No 去向登记 yet: no place in those figures, nothing written.
    data(await t.call('fresh', 'survey.submit', { id: named.id, answers }))
    expect(await notReturnedFor('growth')).toEqual(['named1'])
    expect(await notReturnedFor('family')).toEqual(['named1'])
    // The 实名 member's latest 去向登记: same destination, the survey's intention and reasons.
    const mine = data(await t.call('named1', 'destination.mine', {})).records
    expect(mine).toHaveLength(2)
    expect(mine[0]).toMatchObject({ status: 'contract', workCity: '郑州市', considerReturn: 'no', reasons: ['growth', 'family'] })
    expect(data(await t.call('anon1', 'destination.mine', {})).records).toHaveLength(1)
    expect(data(await t.call('fresh', 'destination.mine', {})).records).toHaveLength(0)
  })

  it('refuses a feeding question whose options are not the pipeline\'s, naming it', async () => {
    const wrong = JSON.parse(JSON.stringify(template.definition)) as SurveyDefinitionInput
    const reasons = wrong.pages[0]!.questions[1]! as { options: { id: string; label: string }[] }
    reasons.options[0] = { id: 'weather', label: '天气' }
    const bad = errorOf(await t.call(STAFF, 'survey.create', draft({ definition: wrong })))
    expect(bad.code).toBe('INVALID_INPUT')
    expect(bad.message).toContain('不能写入去向登记的“未回驻马店的原因”')
  })
})

describe('the scheduler', () => {
  it('closes a survey when its close time has come', async () => {
    await join('a')
    const survey = await published({ closeAt: '2026-10-09T12:00:00+08:00' })
    const deps = { store: t.store, clock, ...testServices }
    expect((await runScheduledJobs(deps)).closedSurveys).toBe(0)
    laterDays(1)
    expect(data(await t.call('a', 'survey.mine', {})).items[0]?.open).toBe(true)
    now = new Date('2026-10-09T12:00:00.000+08:00')
    expect((await runScheduledJobs(deps)).closedSurveys).toBe(1)
    expect((await runScheduledJobs(deps)).closedSurveys).toBe(0)
    expect(data(await t.call(STAFF, 'survey.get', { id: survey.id })).manage).toMatchObject({ status: 'closed', closedAt: '2026-10-09T12:00:00.000+08:00' })
  })
})
