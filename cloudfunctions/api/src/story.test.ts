import type { CreateStoryInput, RegisterMemberInput, Story } from '../../../types'
import { runScheduledJobs } from '../../core/scheduler/scheduler'
import { codeOf, data, errorOf, makeTestApi, profile, testServices } from './test-support'

/** Stories through the router (issue 17), with the local word-list checker and held photo answers. */
const STAFF = 'staff-1'
let now = new Date('2026-11-01T10:00:00.000+08:00')
const clock = { now: () => now }
const later = (minutes: number) => {
  now = new Date(now.getTime() + minutes * 60_000)
}
let t: ReturnType<typeof makeTestApi>
let stationId: string

const PHOTO = '/uploads/0123456789abcdef01234567.jpg'
const RISKY_PHOTO = '/uploads/dead456789abcdef01234567.jpg'

async function join(openid: string, overrides: Partial<RegisterMemberInput> = {}) {
  data(await t.call(openid, 'member.register', profile({ name: openid, ...overrides })))
}

async function joinStation(openid: string, id: string) {
  const request = data(await t.call(openid, 'station.requestJoin', { stationId: id }))
  data(await t.call(STAFF, 'station.reviewRequest', { id: request.id, decision: 'approve' }))
}

beforeEach(async () => {
  now = new Date('2026-11-01T10:00:00.000+08:00')
  t = makeTestApi({ staff: [STAFF], clock })
  stationId = data(await t.call(STAFF, 'station.create', { university: '郑州大学', city: '郑州市' })).id
  await join('head')
  await join('member')
  await join('outsider', { university: '河南大学' })
  await joinStation('head', stationId)
  await joinStation('member', stationId)
  data(await t.call(STAFF, 'station.appointHead', { stationId, openid: 'head', as: 'head' }))
})
afterEach(() => t.close())

const draft = (overrides: Partial<CreateStoryInput> = {}): CreateStoryInput => ({
  title: '从郑州回到遂平的创业者',
  body: '毕业后他回到家乡。\n第二段：带动乡亲们一起做电商。',
  tags: ['返乡创业'],
  subjectOpenid: 'member',
  ...overrides,
})

/** The head writes about the member, submits, the member consents: answers the submitted story. */
async function submitted(overrides: Partial<CreateStoryInput> = {}, consent = true): Promise<Story> {
  const story = data(await t.call('head', 'story.create', draft(overrides)))
  const after = data(await t.call('head', 'story.submit', { id: story.id }))
  if (consent) data(await t.call('member', 'story.consent', { id: story.id, agree: true }))
  return after
}

const feedIds = async () => data(await t.call(null, 'story.feed', {})).items.map((s) => s.id)

describe('story.create / story.update', () => {
  it('a head writes about a member of their station; the person is taken from the profile', async () => {
    const story = data(await t.call('head', 'story.create', draft({ photo: PHOTO })))
    expect(story).toMatchObject({ status: 'draft', authorRole: 'station_head', subjectOpenid: 'member', subjectConsent: 'pending', photo: PHOTO })
    expect(story.person).toEqual({ name: 'member', county: 'suiping', university: '郑州大学' })
    const edited = data(await t.call('head', 'story.update', { id: story.id, title: '新标题', body: '正文\n保留换行', tags: [] }))
    expect(edited).toMatchObject({ title: '新标题', body: '正文\n保留换行', tags: [] })
    expect(Object.keys(edited)).not.toEqual(expect.arrayContaining(['rev', 'codeImage', 'feedKey']))
  })

  it('a member writes about themselves (no consent needed); staff about someone who has not joined, with consent', async () => {
    const own = data(await t.call('member', 'story.create', draft({ subjectOpenid: undefined })))
    expect(own).toMatchObject({ subjectOpenid: 'member', subjectConsent: 'not_needed', authorRole: 'member' })
    const staff = data(
      await t.call(STAFF, 'story.create', draft({ subjectOpenid: undefined, person: { name: '王芳', county: 'xiping', university: '驻马店市农科院' }, offlineConsent: true })),
    )
    expect(staff).toMatchObject({ subjectOpenid: null, subjectConsent: 'given', authorRole: 'staff' })
    expect(errorOf(await t.call(STAFF, 'story.create', draft({ subjectOpenid: undefined, person: { name: '王芳', county: 'xiping', university: '农科院' } }))).fields).toHaveProperty(
      'offlineConsent',
    )
  })

  it('forbids a member writing about someone else, and a head writing about another station’s member', async () => {
    expect(errorOf(await t.call('member', 'story.create', draft({ subjectOpenid: 'head' }))).code).toBe('FORBIDDEN')
    expect(errorOf(await t.call('head', 'story.create', draft({ subjectOpenid: 'outsider' }))).code).toBe('FORBIDDEN')
    expect(errorOf(await t.call(null, 'story.create', draft())).code).toBe('UNAUTHENTICATED')
    expect(errorOf(await t.call('stranger', 'story.create', draft())).code).toBe('FORBIDDEN')
    const story = data(await t.call('head', 'story.create', draft()))
    expect(errorOf(await t.call('member', 'story.update', { id: story.id, title: 'x', body: 'y' })).code).toBe('FORBIDDEN')
  })

  it('refuses bad input in Chinese, naming the field, and writes nothing', async () => {
    const missing = errorOf(await t.call('head', 'story.create', { ...draft(), title: '' }))
    expect(missing).toMatchObject({ code: 'INVALID_INPUT', fields: { title: '请填写故事标题' } })
    const long = errorOf(await t.call('head', 'story.create', { ...draft(), body: '字'.repeat(6001) }))
    expect(long.fields?.body).toBe('故事正文最多6000个字')
    const photo = errorOf(await t.call('head', 'story.create', { ...draft(), photo: 'https://evil.example/x.png' }))
    expect(photo.fields?.photo).toBe('照片须是上传的图片')
    expect(data(await t.call('head', 'story.mine', {})).items).toEqual([])
  })
})

describe('story.submit: the text check decides on the suggestion', () => {
  it('a risky text is never published: it goes back to the author with a plain reason, and cannot be approved', async () => {
    const story = data(await t.call('head', 'story.create', draft({ body: '他靠赌博发家。' })))
    const after = data(await t.call('head', 'story.submit', { id: story.id }))
    expect(after).toMatchObject({ status: 'draft', textCheck: { suggest: 'risky', label: 20006, labelName: '违法犯罪' } })
    expect(after.returnReason).toMatch(/未通过微信内容安全检测/)
    expect(codeOf(await t.call(STAFF, 'story.review', { id: story.id, decision: 'approve' }))).toBe('CONFLICT')
    expect(await feedIds()).toEqual([])
    expect(data(await t.call(STAFF, 'story.queue', {})).items).toEqual([])
  })

  it('a pass text still needs a human: it waits in review until staff approve', async () => {
    const story = await submitted()
    expect(story).toMatchObject({ status: 'human_review', textCheck: { suggest: 'pass' } })
    expect(await feedIds()).toEqual([])
    expect(data(await t.call(STAFF, 'story.queue', {})).items.map((s) => s.id)).toEqual([story.id])
    const published = data(await t.call(STAFF, 'story.review', { id: story.id, decision: 'approve' }))
    expect(published.status).toBe('published')
    expect(await feedIds()).toEqual([story.id])
  })

  it('a review text shows the machine’s label to the reviewer', async () => {
    const story = await submitted({ body: '有意加群的同学请联系。' })
    const queued = data(await t.call(STAFF, 'story.queue', {})).items[0]!
    expect(queued).toMatchObject({ id: story.id, status: 'human_review', textCheck: { suggest: 'review', label: 10001, labelName: '广告' } })
  })

  it('checks a long body in pieces of at most 2,500 characters; the worst piece decides', async () => {
    const body = `${'青'.repeat(2500)}${'年'.repeat(2500)}诈骗`
    const story = data(await t.call('head', 'story.create', draft({ body })))
    const after = data(await t.call('head', 'story.submit', { id: story.id }))
    expect(after.textCheck?.suggest).toBe('risky')
  })

  it('limits submissions per author (each spends content-security quota), leaving the draft as it was', async () => {
    const story = data(await t.call('head', 'story.create', draft({ body: '诈骗' })))
    for (let i = 0; i < 20; i += 1) expect(data(await t.call('head', 'story.submit', { id: story.id })).status).toBe('draft')
    expect(codeOf(await t.call('head', 'story.submit', { id: story.id }))).toBe('RATE_LIMITED')
    expect((data(await t.call('head', 'story.get', { id: story.id })).story as Story).status).toBe('draft')
  })

  it('only the author submits, once; two submissions at once run the check once', async () => {
    const story = data(await t.call('head', 'story.create', draft()))
    expect(codeOf(await t.call('member', 'story.submit', { id: story.id }))).toBe('FORBIDDEN')
    const results = await Promise.all([1, 2, 3].map(() => t.call('head', 'story.submit', { id: story.id })))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map(codeOf)).toEqual(['CONFLICT', 'CONFLICT'])
    expect(errorOf(await t.call('head', 'story.submit', { id: '' })).fields?.id).toBe('请填写故事')
  })
})

describe('photos: mediaCheckAsync answers later, by trace id', () => {
  it('the story waits for the photo’s answer, then goes to a human; a replayed event changes nothing', async () => {
    const story = await submitted({ photo: PHOTO })
    expect(story.status).toBe('machine_check')
    expect(codeOf(await t.call(STAFF, 'story.review', { id: story.id, decision: 'approve' }))).toBe('CONFLICT')
    const [traceId] = t.security.pending()
    // The author is a mini-program user (always an openid): they cannot answer for WeChat.
    expect(codeOf(await t.call('head', 'story.mediaCheckEvent', { traceId, suggest: 'pass' }))).toBe('FORBIDDEN')
    expect((data(await t.call('head', 'story.get', { id: story.id })).story as Story).status).toBe('machine_check')
    expect(await t.security.deliverPending()).toBe(1)
    const reviewed = data(await t.call(STAFF, 'story.get', { id: story.id })).story as Story
    expect(reviewed).toMatchObject({ status: 'human_review', mediaCheck: { suggest: 'pass' } })
    // WeChat may push the same event again (or a forger may try another verdict): nothing changes.
    const replay = data(await t.call(null, 'story.mediaCheckEvent', { traceId, suggest: 'risky', label: 20002 }))
    expect(replay).toEqual({ applied: false })
    const again = data(await t.call(STAFF, 'story.get', { id: story.id })).story as Story
    expect(again).toEqual(reviewed)
    expect(data(await t.call(null, 'story.mediaCheckEvent', { traceId: 'unknown-trace', suggest: 'pass' }))).toEqual({ applied: false })
  })

  it('a replay arriving at the same moment as the first event is applied once', async () => {
    const story = await submitted({ photo: PHOTO })
    const [traceId] = t.security.pending()
    const results = await Promise.all([1, 2, 3].map(() => t.call(null, 'story.mediaCheckEvent', { traceId, suggest: 'review', label: 10001 })))
    expect(results.map((r) => data(r).applied).filter(Boolean)).toHaveLength(1)
    expect((data(await t.call(STAFF, 'story.get', { id: story.id })).story as Story).status).toBe('human_review')
  })

  it('a risky photo sends the story back to its author', async () => {
    const story = await submitted({ photo: RISKY_PHOTO })
    await t.security.deliverPending()
    const back = data(await t.call('head', 'story.get', { id: story.id })).story as Story
    expect(back).toMatchObject({ status: 'draft', mediaCheck: { suggest: 'risky' } })
    expect(back.returnReason).toMatch(/照片未通过/)
  })

  it('after 30 minutes without an answer the scheduler sends the story to a human, marked', async () => {
    const story = await submitted({ photo: PHOTO })
    later(29)
    await runScheduledJobs({ store: t.store, clock, ...testServices, contentSecurity: t.security })
    expect((data(await t.call(STAFF, 'story.get', { id: story.id })).story as Story).status).toBe('machine_check')
    later(2)
    const run = await runScheduledJobs({ store: t.store, clock, ...testServices, contentSecurity: t.security })
    expect(run.storiesToReview).toBe(1)
    expect(data(await t.call(STAFF, 'story.get', { id: story.id })).story).toMatchObject({ status: 'human_review', mediaTimedOut: true, mediaCheck: null })
  })

  it('refuses a malformed event', async () => {
    expect(errorOf(await t.call(null, 'story.mediaCheckEvent', { traceId: 't', suggest: 'maybe' })).fields?.suggest).toBe('检测结果格式不正确')
  })
})

describe('consent, review, retract, feature', () => {
  it('publication needs the subject’s consent; only the subject gives it', async () => {
    const story = await submitted({}, false)
    expect(codeOf(await t.call('head', 'story.consent', { id: story.id, agree: true }))).toBe('FORBIDDEN')
    expect(codeOf(await t.call('outsider', 'story.consent', { id: story.id, agree: true }))).toBe('FORBIDDEN')
    expect(errorOf(await t.call(STAFF, 'story.review', { id: story.id, decision: 'approve' })).message).toMatch(/本人同意/)
    expect(data(await t.call('member', 'story.get', { id: story.id })).canConsent).toBe(true)
    data(await t.call('member', 'story.consent', { id: story.id, agree: true }))
    expect(data(await t.call(STAFF, 'story.review', { id: story.id, decision: 'approve' })).status).toBe('published')
  })

  it('a subject who declines sends the story back to the author', async () => {
    const story = await submitted({}, false)
    const back = data(await t.call('member', 'story.consent', { id: story.id, agree: false }))
    expect(back).toMatchObject({ status: 'draft', subjectConsent: 'declined', returnReason: '故事主人公不同意发布' })
    // The author rewrites and submits again: the subject is asked again, and may agree this time.
    data(await t.call('head', 'story.update', { id: story.id, title: '改写后的故事', body: '按本人意见改写' }))
    expect(data(await t.call('head', 'story.submit', { id: story.id })).subjectConsent).toBe('pending')
    data(await t.call('member', 'story.consent', { id: story.id, agree: true }))
    expect(data(await t.call(STAFF, 'story.review', { id: story.id, decision: 'approve' })).status).toBe('published')
  })

  it('only staff review; a rejection needs a reason and returns the story', async () => {
    const story = await submitted()
    expect(codeOf(await t.call('head', 'story.review', { id: story.id, decision: 'approve' }))).toBe('FORBIDDEN')
    expect(errorOf(await t.call(STAFF, 'story.review', { id: story.id, decision: 'reject' })).fields?.reason).toBe('请填写退回原因')
    const back = data(await t.call(STAFF, 'story.review', { id: story.id, decision: 'reject', reason: '请补充事迹细节' }))
    expect(back).toMatchObject({ status: 'draft', returnReason: '请补充事迹细节' })
    expect(data(await t.call('head', 'story.update', { id: story.id, title: '补充后', body: '细节' })).status).toBe('draft')
  })

  it('staff feature and order stories; the feed shows featured first; retracted ones leave it', async () => {
    const ids: string[] = []
    for (const title of ['一', '二', '三']) {
      const story = await submitted({ title })
      data(await t.call(STAFF, 'story.review', { id: story.id, decision: 'approve' }))
      ids.push(story.id)
      later(1)
    }
    expect(await feedIds()).toEqual([ids[2], ids[1], ids[0]])
    expect(codeOf(await t.call('head', 'story.feature', { id: ids[0], featured: true }))).toBe('FORBIDDEN')
    expect(errorOf(await t.call(STAFF, 'story.feature', { id: ids[0], featured: true, order: 100 })).fields?.order).toBe('排序不能大于99')
    data(await t.call(STAFF, 'story.feature', { id: ids[0], featured: true, order: 1 }))
    data(await t.call(STAFF, 'story.feature', { id: ids[1], featured: true, order: 5 }))
    expect(await feedIds()).toEqual([ids[1], ids[0], ids[2]])
    expect(codeOf(await t.call('outsider', 'story.retract', { id: ids[1], reason: '不想' }))).toBe('FORBIDDEN')
    data(await t.call('member', 'story.retract', { id: ids[1], reason: '本人要求撤下' }))
    expect(await feedIds()).toEqual([ids[0], ids[2]])
  })

  it('anyone reads a published story without openids or checks; drafts stay private', async () => {
    const story = await submitted()
    expect(codeOf(await t.call(null, 'story.get', { id: story.id }))).toBe('NOT_FOUND')
    expect(codeOf(await t.call('outsider', 'story.get', { id: story.id }))).toBe('NOT_FOUND')
    data(await t.call(STAFF, 'story.review', { id: story.id, decision: 'approve' }))
    const view = data(await t.call(null, 'story.get', { id: story.id }))
    expect(view.full).toBe(false)
    expect(JSON.stringify(view)).not.toMatch(/openid|traceId|textCheck/i)
    expect(view.story.body).toContain('\n')
  })

  it('my stories: the author and the subject both see it', async () => {
    const story = await submitted()
    expect(data(await t.call('head', 'story.mine', {})).items.map((s) => s.id)).toEqual([story.id])
    expect(data(await t.call('member', 'story.mine', {})).items.map((s) => s.id)).toEqual([story.id])
    expect(data(await t.call('outsider', 'story.mine', {})).items).toEqual([])
    expect(codeOf(await t.call(null, 'story.mine', {}))).toBe('UNAUTHENTICATED')
  })

  it('a member who deletes their account takes the stories about them along; a story they wrote about someone else stays', async () => {
    const about = await submitted()
    data(await t.call(STAFF, 'story.review', { id: about.id, decision: 'approve' }))
    const own = data(await t.call('member', 'story.create', draft({ subjectOpenid: undefined, title: '我自己的草稿' })))
    data(await t.call('member', 'member.deleteMine', {}))
    expect(await feedIds()).toEqual([])
    expect(codeOf(await t.call(STAFF, 'story.get', { id: own.id }))).toBe('NOT_FOUND')

    await join('member2')
    await joinStation('member2', stationId)
    const byHead = await submitted({ subjectOpenid: 'member2' }, false)
    data(await t.call('member2', 'story.consent', { id: byHead.id, agree: true }))
    data(await t.call(STAFF, 'story.review', { id: byHead.id, decision: 'approve' }))
    data(await t.call('head', 'member.deleteMine', {}))
    expect(await feedIds()).toEqual([byHead.id])
    const kept = data(await t.call(STAFF, 'story.get', { id: byHead.id })).story as Story
    expect(kept.authorOpenid).toMatch(/^deleted-/)
  })

  it('a published story’s poster code (a QR of its link locally) is made once', async () => {
    const story = await submitted()
    expect(codeOf(await t.call(null, 'story.posterCode', { id: story.id }))).toBe('CONFLICT')
    data(await t.call(STAFF, 'story.review', { id: story.id, decision: 'approve' }))
    const code = data(await t.call(null, 'story.posterCode', { id: story.id }))
    expect(code.image).toMatch(/^data:image\/png;base64,/)
    expect(code.link).toBe(`http://127.0.0.1:10086/#/packages/story/pages/story/index?scene=${encodeURIComponent(`s=${story.id}`)}`)
    expect(data(await t.call(null, 'story.posterCode', { id: story.id }))).toEqual(code)
  })
})
