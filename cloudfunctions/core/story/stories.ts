import type {
  ActionPayload,
  CheckSuggestion,
  Page,
  PublicStory,
  Story,
  StoryCheckView,
  StoryPerson,
  StoryStatus,
  StoryView,
} from '../../../types'
import { contentLabelName, createStoryInput, STORY_BODY_MAX, TEXT_CHECK_CHUNK } from '../../../types'
import { recordAudit } from '../audit/audit'
import type { Caller } from '../access/access'
import { toIsoString } from '../shared/clock'
import type { Deps } from '../shared/context'
import { pageSize } from '../shared/cursor'
import { AppError, conflict, forbidden, invalidInput, notFound } from '../shared/errors'
import { newId } from '../shared/ids'
import { requireWithinLimit } from '../shared/rate-limit'
import type { CheckAnswer, CheckRecord, StoryRecord } from './ports'

export const STORY_PAGE = 'packages/story/pages/story/index'
/** How long a photo's check may stay unanswered before a human decides without it. */
export const MEDIA_WAIT_MS = 30 * 60 * 1000
/** Submissions per author and hour (each one is a content-security call or more). */
const SUBMITS_PER_HOUR = 20
const SEVERITY: Record<CheckSuggestion, number> = { pass: 0, review: 1, risky: 2 }

const view = (c: { suggest: CheckSuggestion; label: number | null } | null): StoryCheckView | null =>
  c ? { suggest: c.suggest, label: c.label, labelName: contentLabelName(c.label) } : null

export function toStory(r: StoryRecord): Story {
  const { codeImage: _code, rev: _rev, feedKey: _key, textCheck, mediaCheck, ...rest } = r
  return { ...rest, textCheck: view(textCheck), mediaCheck: mediaCheck?.suggest ? view({ suggest: mediaCheck.suggest, label: mediaCheck.label }) : null }
}

export function toPublicStory(r: StoryRecord): PublicStory {
  return {
    id: r.id,
    title: r.title,
    body: r.body,
    summary: r.summary,
    photo: r.photo,
    tags: r.tags,
    person: r.person,
    featured: r.featured,
    publishedAt: r.publishedAt ?? r.updatedAt,
  }
}

/** Featured stories first (higher order first), then the newest: one text sorted descending. */
export const feedKeyOf = (r: Pick<StoryRecord, 'status' | 'featured' | 'order' | 'publishedAt'>): string =>
  r.status === 'published' && r.publishedAt ? `${r.featured ? 1 : 0}${String(r.order).padStart(2, '0')}${r.publishedAt}` : ''

/** The worst of several verdicts (risky over review over pass), with its label and every trace id. */
export function combineVerdicts(answers: CheckAnswer[]): CheckRecord {
  let worst = answers[0]!
  for (const a of answers) if (SEVERITY[a.suggest] > SEVERITY[worst.suggest]) worst = a
  return { suggest: worst.suggest, label: worst.label, traceIds: answers.map((a) => a.traceId) }
}

/** The body in pieces msgSecCheck accepts (≤ 2,500 characters each, counted as code points). */
export function textChunks(body: string, size = TEXT_CHECK_CHUNK): string[] {
  const chars = [...body]
  const chunks: string[] = []
  for (let i = 0; i < chars.length; i += size) chunks.push(chars.slice(i, i + size).join(''))
  return chunks.length > 0 ? chunks : ['']
}

const isInvolved = (r: StoryRecord, openid: string | null) => openid !== null && (r.authorOpenid === openid || r.subjectOpenid === openid)

async function load(deps: Deps, id: string): Promise<StoryRecord> {
  const record = await deps.store.stories.get(id)
  if (!record) throw notFound('没有找到这个故事')
  return record
}

/** Writes the changed story, conditioned on the revision read; someone else first: CONFLICT. */
async function save(deps: Deps, before: StoryRecord, change: Partial<StoryRecord>): Promise<StoryRecord> {
  const next: StoryRecord = { ...before, ...change, rev: before.rev + 1, updatedAt: toIsoString(deps.clock.now()) }
  next.feedKey = feedKeyOf(next)
  if (!(await deps.store.stories.replace(next, before.rev))) throw conflict('这个故事刚被其他人修改，请刷新后重试')
  return next
}

function requireAuthor(caller: Caller, r: StoryRecord) {
  if (r.authorOpenid !== caller.openid) throw forbidden('只有作者可以修改这个故事')
}

/** Whom the story is about, and whether the caller may write about them. */
async function subjectOf(
  deps: Deps,
  caller: Caller,
  input: ActionPayload<'story.create'>,
): Promise<{ subjectOpenid: string | null; person: StoryPerson; consent: Story['subjectConsent'] }> {
  if (caller.isStaff && !input.subjectOpenid) {
    if (!input.person) throw invalidInput('person.name', '请填写主人公信息，或选择一位成员')
    if (input.offlineConsent !== true) throw invalidInput('offlineConsent', '请先取得主人公本人同意')
    return { subjectOpenid: null, person: input.person, consent: 'given' }
  }
  const subjectOpenid = input.subjectOpenid ?? caller.openid!
  const subject = await deps.store.members.get(subjectOpenid)
  if (!subject) throw invalidInput('subjectOpenid', '没有找到这位成员')
  if (!caller.isStaff && subjectOpenid !== caller.openid) {
    const m = caller.member
    if (!(m?.role === 'station_head' && m.stationId !== null && subject.stationId === m.stationId)) {
      throw forbidden('站长只能写本驿站成员的故事，成员只能写自己的故事')
    }
  }
  const person: StoryPerson = { name: subject.name, county: subject.hometownCounty, university: subject.university }
  return { subjectOpenid, person, consent: subjectOpenid === caller.openid ? 'not_needed' : 'pending' }
}

async function requirePhotoOurs(deps: Deps, photo: string | null) {
  if (photo && deps.files.covers && !(await deps.files.covers.isOurs(photo))) throw invalidInput('photo', '照片须是上传的图片')
}

export async function createStory(deps: Deps, caller: Caller, input: ActionPayload<'story.create'>): Promise<Story> {
  const { subjectOpenid, person, consent } = await subjectOf(deps, caller, input)
  await requirePhotoOurs(deps, input.photo)
  const now = toIsoString(deps.clock.now())
  const record: StoryRecord = {
    id: newId('sy'),
    status: 'draft',
    title: input.title,
    body: input.body,
    summary: input.summary,
    photo: input.photo,
    tags: input.tags,
    person,
    authorOpenid: caller.openid!,
    authorRole: caller.isStaff ? 'staff' : caller.member?.role === 'station_head' ? 'station_head' : 'member',
    subjectOpenid,
    subjectConsent: consent,
    returnReason: null,
    textCheck: null,
    mediaCheck: null,
    mediaTimedOut: false,
    featured: false,
    order: 0,
    createdAt: now,
    updatedAt: now,
    submittedAt: null,
    publishedAt: null,
    codeImage: null,
    rev: 1,
    feedKey: '',
  }
  await deps.store.stories.insert(record)
  return toStory(record)
}

/**
 * A draft about a member who was just awarded an honour (issue 16): written in the awarding staff
 * member's name, for them to edit and submit; the member consents as for any story about them.
 */
export async function draftStoryFromHonour(
  deps: Deps,
  caller: Caller,
  facts: { openid: string; awardName: string; name: string; summary: string },
): Promise<Story> {
  return draftStoryAbout(deps, caller, { ...facts, tag: '评优评先' })
}

/**
 * A draft about a member of a placed competition team (issue 18), as honours do: in the awarding
 * staff member's name, the member consents as for any story about them.
 */
export async function draftStoryFromCompetition(
  deps: Deps,
  caller: Caller,
  facts: { openid: string; name: string; competitionTitle: string; teamName: string; projectTitle: string; award: string },
): Promise<Story> {
  return draftStoryAbout(deps, caller, {
    openid: facts.openid,
    name: facts.name,
    awardName: `${facts.competitionTitle}${facts.award}`,
    summary: `${facts.name}和“${facts.teamName}”团队的伙伴们以项目“${facts.projectTitle}”参加${facts.competitionTitle}，获${facts.award}。`,
    tag: '科创竞赛',
  })
}

async function draftStoryAbout(deps: Deps, caller: Caller, facts: { openid: string; awardName: string; name: string; summary: string; tag: string }): Promise<Story> {
  const input = createStoryInput.parse({
    title: `${facts.name}获${facts.awardName}`.slice(0, 40),
    body: (facts.summary.trim() || `${facts.name}获得${facts.awardName}。`).slice(0, STORY_BODY_MAX),
    summary: `获${facts.awardName}`.slice(0, 80),
    photo: null,
    tags: [facts.tag],
    subjectOpenid: facts.openid,
  })
  return createStory(deps, caller, input)
}

export async function updateStory(deps: Deps, caller: Caller, input: ActionPayload<'story.update'>): Promise<Story> {
  const r = await load(deps, input.id)
  requireAuthor(caller, r)
  if (r.status !== 'draft') throw conflict('故事已提交审核，不能再修改')
  await requirePhotoOurs(deps, input.photo)
  const { id: _id, ...fields } = input
  return toStory(await save(deps, r, fields))
}

/**
 * Submission: the text is checked now, while the author's openid is fresh (msgSecCheck v2 needs a
 * visit within two hours). `risky` goes straight back to the author; otherwise the photo's check
 * starts and the story waits in `machine_check` for its answer, or goes to human review at once.
 */
export async function submitStory(deps: Deps, caller: Caller, input: ActionPayload<'story.submit'>): Promise<Story> {
  const r = await load(deps, input.id)
  requireAuthor(caller, r)
  if (r.status !== 'draft') throw conflict('故事已经提交过了')
  // The claim: of two submissions at once, one runs the checks, the other is told.
  // The subject consents to the text as submitted: a resubmission (after a refusal, a rejection or
  // an edit) asks again. Staff's confirmed offline consent for someone who has not joined stands.
  const subjectConsent = r.subjectOpenid !== null && r.subjectOpenid !== r.authorOpenid ? 'pending' : r.subjectConsent
  const claimed = await save(deps, r, { status: 'submitted', subjectConsent, returnReason: null, textCheck: null, mediaCheck: null, mediaTimedOut: false })
  // Each submission spends WeChat's content-security quota (msgSecCheck 4,000 a minute for the app);
  // counted after the claim, so only a submission that would really run is counted.
  try {
    await requireWithinLimit(deps, `story.submit:${caller.openid}`, SUBMITS_PER_HOUR, 60 * 60 * 1000, '提交太频繁了，请一小时后再试')
  } catch (error) {
    await save(deps, claimed, { status: 'draft' })
    throw error
  }
  let text: CheckRecord
  let media: StoryRecord['mediaCheck'] = null
  try {
    const chunks = textChunks(r.body)
    const answers: CheckAnswer[] = []
    for (const [i, content] of chunks.entries()) {
      answers.push(await deps.contentSecurity.checkText({ openid: caller.openid!, content, ...(i === 0 ? { title: r.title } : {}) }))
    }
    text = combineVerdicts(answers)
    if (text.suggest !== 'risky' && r.photo) {
      const url = await deps.contentSecurity.fetchableUrl(r.photo)
      const { traceId } = await deps.contentSecurity.startMediaCheck({ openid: caller.openid!, url })
      media = { url, traceId, suggest: null, label: null, startedAt: toIsoString(deps.clock.now()), answeredAt: null }
    }
  } catch {
    // No verdict (WeChat unreachable, openid stale): back to the author, who may submit again.
    await save(deps, claimed, { status: 'draft' })
    throw new AppError('INTERNAL', '内容安全检测暂时不可用，请稍后再提交')
  }
  const now = toIsoString(deps.clock.now())
  if (text.suggest === 'risky') {
    return toStory(
      await save(deps, claimed, {
        status: 'draft',
        textCheck: text,
        returnReason: `内容未通过微信内容安全检测（${contentLabelName(text.label)}），请修改后再提交`,
      }),
    )
  }
  const done = await save(deps, claimed, {
    status: media ? 'machine_check' : 'human_review',
    textCheck: text,
    mediaCheck: media,
    submittedAt: now,
  })
  return toStory(done)
}

/** The subject agrees (or not) to the story being published about them. */
export async function consentToStory(deps: Deps, caller: Caller, input: ActionPayload<'story.consent'>): Promise<Story> {
  const r = await load(deps, input.id)
  if (r.subjectOpenid !== caller.openid || r.authorOpenid === caller.openid) throw forbidden('只有故事主人公本人可以确认')
  if (!['submitted', 'machine_check', 'human_review'].includes(r.status)) throw conflict('这个故事现在不需要你确认')
  if (input.agree) return toStory(await save(deps, r, { subjectConsent: 'given' }))
  return toStory(await save(deps, r, { subjectConsent: 'declined', status: 'draft', returnReason: '故事主人公不同意发布' }))
}

/** A human decides: only from `human_review`, and an approval needs the subject's consent. */
export async function reviewStory(deps: Deps, caller: Caller, input: ActionPayload<'story.review'>): Promise<Story> {
  const r = await load(deps, input.id)
  if (r.status !== 'human_review') throw conflict(r.status === 'machine_check' ? '图片检测结果还没有返回，请稍后再审' : '这个故事不在待审核状态')
  let next: StoryRecord
  if (input.decision === 'approve') {
    if (r.textCheck?.suggest === 'risky' || r.mediaCheck?.suggest === 'risky') throw conflict('内容安全检测为风险内容，不能发布')
    if (r.subjectConsent === 'pending' || r.subjectConsent === 'declined') throw conflict('还需故事主人公本人同意后才能发布')
    next = await save(deps, r, { status: 'published', publishedAt: toIsoString(deps.clock.now()), returnReason: null })
  } else {
    next = await save(deps, r, { status: 'draft', returnReason: input.reason })
  }
  await recordAudit(deps, caller, {
    action: input.decision === 'approve' ? 'story.publish' : 'story.reject',
    subjectOpenid: r.subjectOpenid,
    summary: `${input.decision === 'approve' ? '发布' : '退回'}故事《${r.title}》`,
  })
  return toStory(next)
}

/** Staff, the author or the subject take a published story down. */
export async function retractStory(deps: Deps, caller: Caller, input: ActionPayload<'story.retract'>): Promise<Story> {
  const r = await load(deps, input.id)
  if (!caller.isStaff && !isInvolved(r, caller.openid)) throw forbidden('只有工作人员、作者或主人公可以撤下故事')
  if (r.status !== 'published') throw conflict('只有已发布的故事可以撤下')
  const next = await save(deps, r, { status: 'retracted', returnReason: input.reason, featured: false })
  await recordAudit(deps, caller, { action: 'story.retract', subjectOpenid: r.subjectOpenid, summary: `撤下故事《${r.title}》：${input.reason}` })
  return toStory(next)
}

export async function featureStory(deps: Deps, caller: Caller, input: ActionPayload<'story.feature'>): Promise<Story> {
  const r = await load(deps, input.id)
  if (r.status !== 'published') throw conflict('只有已发布的故事可以置顶')
  const next = await save(deps, r, { featured: input.featured, order: input.featured ? (input.order ?? r.order) : 0 })
  await recordAudit(deps, caller, { action: 'story.feature', subjectOpenid: r.subjectOpenid, summary: `${input.featured ? '置顶' : '取消置顶'}故事《${r.title}》` })
  return toStory(next)
}

export async function storyFeed(deps: Deps, _caller: Caller, input: ActionPayload<'story.feed'>): Promise<Page<PublicStory>> {
  const page = await deps.store.stories.listPublished(input.cursor ?? null, pageSize(input.limit))
  return { items: page.items.map(toPublicStory), nextCursor: page.nextCursor }
}

export async function viewStory(deps: Deps, caller: Caller, input: ActionPayload<'story.get'>): Promise<StoryView> {
  const r = await load(deps, input.id)
  const full = caller.isStaff || isInvolved(r, caller.openid)
  if (!full && r.status !== 'published') throw notFound('没有找到这个故事')
  return {
    story: full ? toStory(r) : toPublicStory(r),
    full,
    canEdit: r.authorOpenid === caller.openid && r.status === 'draft',
    canConsent: r.subjectConsent === 'pending' && r.subjectOpenid === caller.openid && ['submitted', 'machine_check', 'human_review'].includes(r.status),
    canReview: caller.isStaff && r.status === 'human_review',
    canFeature: caller.isStaff && r.status === 'published',
  }
}

export async function myStories(deps: Deps, caller: Caller, input: ActionPayload<'story.mine'>): Promise<Page<Story>> {
  const page = await deps.store.stories.listInvolving(caller.openid!, input.cursor ?? null, pageSize(input.limit))
  return { items: page.items.map(toStory), nextCursor: page.nextCursor }
}

const QUEUE: StoryStatus[] = ['machine_check', 'human_review']

export async function reviewQueue(deps: Deps, _caller: Caller, input: ActionPayload<'story.queue'>): Promise<Page<Story>> {
  const page = await deps.store.stories.listByStatus(QUEUE, input.cursor ?? null, pageSize(input.limit))
  return { items: page.items.map(toStory), nextCursor: page.nextCursor }
}

/**
 * The `wxa_media_check` event: matched by trace id, applied once. A replay, an unknown trace id or
 * an answer for a story no longer waiting changes nothing. Trace ids never leave the server, so a
 * forged event cannot name one; and even a forged `pass` only reaches a human reviewer.
 */
export async function applyMediaCheck(deps: Deps, _caller: Caller, input: ActionPayload<'story.mediaCheckEvent'>): Promise<{ applied: boolean }> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const r = await deps.store.stories.findByMediaTrace(input.traceId)
    if (!r || !r.mediaCheck || r.mediaCheck.traceId !== input.traceId || r.mediaCheck.suggest !== null) return { applied: false }
    const answered = { ...r.mediaCheck, suggest: input.suggest, label: input.label, answeredAt: toIsoString(deps.clock.now()) }
    const risky = input.suggest === 'risky'
    const change: Partial<StoryRecord> = { mediaCheck: answered }
    if (r.status === 'machine_check') {
      change.status = risky ? 'draft' : 'human_review'
      if (risky) change.returnReason = `照片未通过微信内容安全检测（${contentLabelName(input.label)}），请更换照片后再提交`
    }
    try {
      await save(deps, r, change)
      return { applied: true }
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error
    }
  }
  throw conflict('故事正在被修改，请稍后重试')
}

/** The scheduler: photos unanswered after 30 minutes go to a human, marked as such. */
export async function expireMediaWaits(deps: Deps): Promise<number> {
  const before = toIsoString(new Date(deps.clock.now().getTime() - MEDIA_WAIT_MS))
  let moved = 0
  for (const r of await deps.store.stories.waitingSince(before, 50)) {
    try {
      await save(deps, r, { status: 'human_review', mediaTimedOut: true })
      moved += 1
    } catch (error) {
      // An answer arrived meanwhile: nothing to do.
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error
    }
  }
  return moved
}

/**
 * A member deletes their account (PIPL art. 47): stories about them, and drafts they wrote, go;
 * a story they wrote about someone else stays, its author replaced by the pseudonym.
 */
export async function forgetStoriesOf(deps: Deps, openid: string, pseudonym: string): Promise<void> {
  for (let round = 0; round < 100; round += 1) {
    const page = await deps.store.stories.listInvolving(openid, null, 50)
    if (page.items.length === 0) return
    for (const r of page.items) {
      if (r.subjectOpenid === openid || r.status !== 'published') await deps.store.stories.remove(r.id)
      else await deps.store.stories.replace({ ...r, authorOpenid: pseudonym, rev: r.rev + 1 }, r.rev)
    }
  }
}

/** The story's mini-program code (a QR of its link locally), made once and kept for posters. */
export async function storyPosterCode(deps: Deps, _caller: Caller, input: ActionPayload<'story.posterCode'>): Promise<{ image: string; link: string | null }> {
  const r = await load(deps, input.id)
  if (r.status !== 'published') throw conflict('故事发布后才能生成海报')
  const scene = `s=${r.id}`
  let image = r.codeImage
  if (!image) {
    image = await deps.files.invites.image(scene, STORY_PAGE)
    try {
      await save(deps, r, { codeImage: image })
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error
    }
  }
  return { image, link: deps.files.invites.link(scene, STORY_PAGE) }
}
