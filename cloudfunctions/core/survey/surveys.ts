import {
  allQuestions,
  checkSurveyAnswers,
  IDENTITY_MODE_STATEMENTS,
  PUBLIC_LINK_STATEMENT,
  quotaFullRule,
  quotaKeysUsed,
  quotasOf,
  type ActionPayload,
  type MySurvey,
  type PrefillSource,
  type NoticeAudience,
  type Page,
  type Respondent,
  type SubmitSurveyResult,
  type SurveyFeedbackEntry,
  type Survey,
  type SurveyAnswers,
  type SurveyDefinition,
  type SurveyForMember,
  type SurveyView,
} from '../../../types'
import type { Caller } from '../access/access'
import { recordAudit } from '../audit/audit'
import { memberCards } from '../member/cards'
import { pushMessage } from '../messaging/push'
import { recordReturnIntent, type ReturnIntent } from '../pipeline/survey-intent'
import { sendDirectNotice } from '../notice/direct'
import { freezeRegistrants, LEAGUE_NAME } from '../notice/notices'
import { toIsoString } from '../shared/clock'
import type { Deps } from '../shared/context'
import { pageSize } from '../shared/cursor'
import { requireWithinLimit } from '../shared/rate-limit'
import { AppError, conflict, forbidden, invalidInput, notFound } from '../shared/errors'
import { newId, newTimeOrderedId } from '../shared/ids'
import { allFields } from '../taxonomy/taxonomy'
import type { SubmitInput, SurveyRecord } from './ports'
import { totalsOf } from './totals'
import { MAX_REMINDERS, MIN_DAYS_BETWEEN_REMINDERS } from '../../../types'

export const SURVEY_PAGE = 'packages/survey/pages/answer/index'
const DAY_MS = 24 * 60 * 60 * 1000
/** Recipients reminded per `survey.remind` call at most (the rest on the next call). */
const REMIND_BATCH = 500

/**
 * Public links: what stops ballot stuffing beside one answer per WeChat account. Per account, a few
 * attempts (a refused one counts too); per survey, across accounts, a pace no classroom of real
 * people exceeds but a farm of accounts does.
 */
export const LINK_LIMITS = {
  perAccount: { max: 5, windowMs: 10 * 60_000 },
  perSurvey: { max: 60, windowMs: 60_000 },
} as const

const nowIso = (deps: Deps) => toIsoString(deps.clock.now())

const stationAudience = (stationId: string): NoticeAudience => ({
  all: false,
  stationIds: [stationId],
  countyIds: [],
  fieldIds: [],
  degreeIds: [],
  graduationYears: [],
  activityId: null,
  activityStatus: null,
})

/** Staff target anyone (checked to exist); a head their own station, whatever the payload says. */
async function scoped(deps: Deps, caller: Caller, audience: NoticeAudience): Promise<{ audience: NoticeAudience; stationId: string | null }> {
  if (caller.isStaff) {
    if (audience.fieldIds.length) {
      const known = new Set((await allFields(deps)).map((f) => f.id))
      audience.fieldIds.forEach((id, i) => {
        if (!known.has(id)) throw invalidInput(`audience.fieldIds.${i}`, '所选重点产业领域不存在')
      })
    }
    for (const [i, id] of audience.stationIds.entries()) {
      if (!(await deps.store.stations.get(id))) throw invalidInput(`audience.stationIds.${i}`, '没有找到这个驿站')
    }
    if (audience.activityId && !(await deps.store.activities.get(audience.activityId))) throw invalidInput('audience.activityId', '没有找到这个活动')
    return { audience, stationId: null }
  }
  const member = caller.member
  const stationId = member?.role === 'station_head' ? member.stationId : null
  if (!stationId) throw forbidden('仅团市委工作人员或站长可以创建问卷')
  return { audience: stationAudience(stationId), stationId }
}

/** Staff manage every survey; a head only those of their own station. */
export async function managed(deps: Deps, caller: Caller, id: string): Promise<Survey> {
  const survey = await deps.store.surveys.get(id)
  if (!survey) throw notFound('没有找到这份问卷')
  if (!canManage(caller, survey)) throw forbidden('只能管理自己驿站的问卷')
  return survey
}

export const canManage = (caller: Caller, s: Pick<Survey, 'stationId'>) =>
  caller.isStaff || (caller.member?.role === 'station_head' && s.stationId !== null && caller.member.stationId === s.stationId)

const record = ({ responses: _r, quotaUsed: _q, ...rest }: Survey): SurveyRecord => rest

/** Open: published, within its times, and (when its answers are counted) not yet full. */
export function isOpen(s: Pick<Survey, 'status' | 'openAt' | 'closeAt'> & Partial<Pick<Survey, 'responses' | 'responseCap'>>, now: string): boolean {
  if (s.status !== 'published') return false
  if (s.responseCap != null && s.responses !== undefined && s.responses >= s.responseCap) return false
  if (s.openAt && Date.parse(s.openAt) > Date.parse(now)) return false
  return !(s.closeAt && Date.parse(s.closeAt) <= Date.parse(now))
}

/** A public link reaches beyond any station: staff only. */
function requireLinkAllowed(caller: Caller, publicLink: boolean) {
  if (publicLink && !caller.isStaff) throw forbidden('只有团市委工作人员可以发布公开链接问卷；站长的问卷发给本驿站成员')
}

export async function createSurvey(deps: Deps, caller: Caller, input: ActionPayload<'survey.create'>): Promise<Survey> {
  requireLinkAllowed(caller, input.publicLink)
  const { audience, stationId } = await scoped(deps, caller, input.audience)
  const now = deps.clock.now()
  const at = toIsoString(now)
  const survey: SurveyRecord = {
    id: newTimeOrderedId('sv', now),
    title: input.title,
    intro: input.intro,
    definition: input.definition,
    identityMode: input.identityMode,
    audience,
    stationId,
    creatorOpenid: caller.openid ?? '',
    approvedBy: null,
    status: 'draft',
    openAt: input.openAt,
    closeAt: input.closeAt,
    responseCap: input.responseCap,
    publicLink: input.publicLink,
    linkToken: null,
    createdAt: at,
    updatedAt: at,
    publishedAt: null,
    closedAt: null,
    recipients: 0,
  }
  await deps.store.surveys.create(survey)
  await recordAudit(deps, caller, { action: 'survey.create', stationId, summary: `创建问卷「${survey.title}」` })
  return { ...survey, responses: 0, quotaUsed: {} }
}

/** Any change before publishing sends the survey back for approval (the 4-eyes rule covers the final text). */
export async function updateSurvey(deps: Deps, caller: Caller, input: ActionPayload<'survey.update'>): Promise<Survey> {
  const current = await managed(deps, caller, input.id)
  if (current.status !== 'draft' && current.status !== 'approved') throw conflict('问卷发布后不能再修改（身份模式和题目已固定）')
  requireLinkAllowed(caller, input.publicLink)
  const { audience, stationId } = await scoped(deps, caller, input.audience)
  const next: SurveyRecord = {
    ...record(current),
    title: input.title,
    intro: input.intro,
    definition: input.definition,
    identityMode: input.identityMode,
    audience,
    stationId: caller.isStaff ? current.stationId : stationId,
    openAt: input.openAt,
    closeAt: input.closeAt,
    responseCap: input.responseCap,
    publicLink: input.publicLink,
    approvedBy: null,
    status: 'draft',
    updatedAt: nowIso(deps),
  }
  if (!(await deps.store.surveys.replace(next, ['draft', 'approved']))) throw conflict('问卷已发布，不能再修改')
  await recordAudit(deps, caller, { action: 'survey.update', stationId: next.stationId, summary: `修改问卷「${next.title}」（需重新审核）` })
  return { ...next, responses: 0, quotaUsed: {} }
}

/** Staff only, and never the survey's own creator: a second pair of eyes. */
export async function approveSurvey(deps: Deps, caller: Caller, input: ActionPayload<'survey.approve'>): Promise<Survey> {
  const current = await managed(deps, caller, input.id)
  if (current.creatorOpenid === caller.openid) throw forbidden('问卷需由另一位工作人员审核，创建者不能审核自己的问卷')
  if (current.status !== 'draft') throw conflict('只有待审核的问卷可以审核')
  const next: SurveyRecord = { ...record(current), status: 'approved', approvedBy: caller.openid, updatedAt: nowIso(deps) }
  if (!(await deps.store.surveys.replace(next, ['draft']))) throw conflict('问卷已被修改，请刷新后再审核')
  await recordAudit(deps, caller, { action: 'survey.approve', stationId: next.stationId, summary: `审核通过问卷「${next.title}」` })
  return { ...next, responses: 0, quotaUsed: {} }
}

/** approved → published: the recipients are frozen now, so "who has not answered" is well defined. */
export async function publishSurvey(deps: Deps, caller: Caller, input: ActionPayload<'survey.publish'>): Promise<Survey> {
  const current = await managed(deps, caller, input.id)
  if (current.status !== 'approved') throw conflict(current.status === 'draft' ? '问卷需先由另一位工作人员审核，才能发布' : '问卷已发布')
  const at = nowIso(deps)
  // A public link has no recipients: its secret token is the way in.
  const openids = current.publicLink
    ? []
    : current.audience.activityId
      ? await freezeRegistrants(deps, current.audience)
      : await deps.store.surveys.audienceOpenids(current.audience, at)
  const linkToken = current.publicLink ? newId('lk', 24) : null
  const next: SurveyRecord = { ...record(current), status: 'published', publishedAt: at, updatedAt: at, recipients: openids.length, linkToken, tallied: true }
  if (!(await deps.store.surveys.publish(next, openids, quotasOf(current.definition)))) throw conflict('问卷已发布')
  await recordAudit(deps, caller, { action: 'survey.publish', stationId: next.stationId, summary: current.publicLink ? `发布公开链接问卷「${next.title}」` : `发布问卷「${next.title}」给${openids.length}人` })
  return (await deps.store.surveys.get(next.id)) ?? { ...next, responses: 0, quotaUsed: {} }
}

export async function closeSurvey(deps: Deps, caller: Caller, input: ActionPayload<'survey.close'>): Promise<Survey> {
  const current = await managed(deps, caller, input.id)
  if (current.status !== 'published') throw conflict('只有进行中的问卷可以结束')
  const at = nowIso(deps)
  if (await deps.store.surveys.replace({ ...record(current), status: 'closed', closedAt: at, updatedAt: at }, ['published'])) {
    await recordAudit(deps, caller, { action: 'survey.close', stationId: current.stationId, summary: `结束问卷「${current.title}」` })
  }
  return (await deps.store.surveys.get(current.id)) ?? current
}

export async function listSurveys(deps: Deps, caller: Caller, input: ActionPayload<'survey.list'>): Promise<Page<Survey>> {
  const stationId = caller.isStaff ? null : (caller.member?.stationId ?? '')
  if (!caller.isStaff && caller.member?.role !== 'station_head') throw forbidden('仅站长或团市委工作人员可以查看问卷管理')
  return deps.store.surveys.list({ stationId, cursor: input.cursor ?? null, limit: pageSize(input.limit) })
}

// ——— members ———

const tracked = (s: Pick<Survey, 'identityMode'>) => s.identityMode !== 'anonymous'

async function asRecipient(deps: Deps, caller: Caller, id: string) {
  const survey = await deps.store.surveys.get(id)
  const openid = caller.openid ?? ''
  const recipient = survey && caller.member ? await deps.store.surveys.recipient(id, openid) : null
  if (!survey || !recipient) throw notFound('没有找到这份问卷，或它不是发给你的')
  return { survey, recipient, openid }
}

function fullOptions(s: Survey): string[] {
  const quotas = quotasOf(s.definition)
  return Object.keys(quotas).filter((k) => (s.quotaUsed[k] ?? 0) >= quotas[k]!)
}

/** The first full option these answers choose whose question ends such answers, if any. */
function endingKey(s: Survey, answers: SurveyAnswers): string | null {
  const full = new Set(fullOptions(s))
  return quotaKeysUsed(s.definition, answers).find((k) => full.has(k) && quotaFullRule(s.definition, k).mode === 'end') ?? null
}

/**
 * Ends a member politely: nothing of their answers is kept; in tracked modes they count as done
 * (no reminders, no second try with another option) and their draft goes.
 */
async function endPolitely(deps: Deps, survey: SurveyRecord, openid: string, key: string): Promise<SubmitSurveyResult> {
  if (tracked(survey)) await deps.store.surveys.advance(survey.id, openid, ['unread', 'opened', 'started'], 'submitted')
  await deps.store.surveys.deleteDraft(survey.id, openid)
  return { submitted: false, ended: quotaFullRule(survey.definition, key).message }
}

export async function viewSurvey(deps: Deps, caller: Caller, input: ActionPayload<'survey.get'>): Promise<SurveyView> {
  const survey = await deps.store.surveys.get(input.id)
  if (!survey) throw notFound('没有找到这份问卷')
  const manage = canManage(caller, survey) ? survey : null
  const openid = caller.openid ?? ''
  const recipient = caller.member && survey.status !== 'draft' && survey.status !== 'approved' ? await deps.store.surveys.recipient(survey.id, openid) : null
  if (!manage && !recipient) throw notFound('没有找到这份问卷，或它不是发给你的')
  let answer: SurveyForMember | null = null
  if (recipient) {
    const now = nowIso(deps)
    let status = tracked(survey) ? recipient.status : null
    if (status === 'unread' && (await deps.store.surveys.advance(survey.id, openid, ['unread'], 'opened'))) status = 'opened'
    answer = {
      id: survey.id,
      title: survey.title,
      intro: survey.intro,
      definition: survey.definition,
      identityMode: survey.identityMode,
      identityStatement: survey.publicLink ? PUBLIC_LINK_STATEMENT : IDENTITY_MODE_STATEMENTS[survey.identityMode],
      publicLink: Boolean(survey.publicLink),
      closeAt: survey.closeAt,
      open: isOpen(survey, now),
      status,
      draft: recipient.status === 'submitted' ? null : await deps.store.surveys.draft(survey.id, openid),
      prefill: prefillOf(survey, caller.member),
      fullOptions: fullOptions(survey),
    }
  }
  return { manage, answer }
}

/** The profile values of the questions the author ticked; none in 完全匿名 (whatever the definition says). */
function prefillOf(survey: SurveyRecord, member: Caller['member']): SurveyAnswers {
  if (!member || survey.identityMode === 'anonymous' || survey.publicLink) return {}
  const values: Record<PrefillSource, string | undefined> = {
    university: member.university || undefined,
    county: member.hometownCounty || undefined,
    graduationYear: member.graduationYear ? String(member.graduationYear) : undefined,
    field: member.fields[0],
  }
  const out: SurveyAnswers = {}
  for (const q of allQuestions(survey.definition)) {
    const value = q.prefill ? values[q.prefill] : undefined
    if (value !== undefined) out[q.id] = value
  }
  return out
}

function requireOpen(survey: Pick<Survey, 'status' | 'openAt' | 'closeAt'>, now: string) {
  if (isOpen(survey, now)) return
  if (survey.status === 'published' && survey.openAt && Date.parse(survey.openAt) > Date.parse(now)) throw conflict('问卷还没有开始')
  throw conflict('问卷已结束')
}

export async function saveSurveyDraft(deps: Deps, caller: Caller, input: ActionPayload<'survey.saveDraft'>): Promise<{ saved: true; pageId: string }> {
  const { survey, recipient, openid } = await asRecipient(deps, caller, input.id)
  const now = nowIso(deps)
  requireOpen(survey, now)
  if (recipient.status === 'submitted') throw conflict('你已提交过这份问卷')
  if (!survey.definition.pages.some((p) => p.id === input.pageId)) throw invalidInput('pageId', '没有这一页')
  // Only what the definition asks is kept (answers to hidden questions are dropped).
  const { answers } = checkSurveyAnswers(survey.definition, input.answers)
  await deps.store.surveys.saveDraft(survey.id, openid, input.pageId, answers, now)
  if (tracked(survey)) await deps.store.surveys.advance(survey.id, openid, ['unread', 'opened'], 'started')
  return { saved: true, pageId: input.pageId }
}

const optionLabel = (survey: SurveyRecord, key: string): string => {
  const [qid, oid] = key.split(':')
  const q = allQuestions(survey.definition).find((x) => x.id === qid)
  const o = q && 'options' in q ? q.options.find((x) => x.id === oid) : undefined
  return o ? `「${q!.title}」的「${o.label}」` : key
}

/**
 * Submits: the answers are checked again with the shared function, then ONE store call marks the
 * recipient submitted (tracked modes; once: a second submission is refused), takes one of each
 * quota and one response, adds the response and drops the draft (all or none). When a limit is full
 * nothing is kept: the member is told which option is full (or that the survey has enough answers)
 * and their draft stays, or, where the author ends such answers, is ended politely (endPolitely).
 */
export async function submitSurvey(deps: Deps, caller: Caller, input: ActionPayload<'survey.submit'>): Promise<SubmitSurveyResult> {
  // The record without its counters: taking them answers whether a place is left.
  const survey = await deps.store.surveys.record(input.id)
  const openid = caller.openid ?? ''
  const recipient = survey && caller.member ? await deps.store.surveys.recipient(input.id, openid) : null
  if (!survey || !recipient) throw notFound('没有找到这份问卷，或它不是发给你的')
  requireOpen(survey, nowIso(deps))
  if (tracked(survey) && recipient.status === 'submitted') throw conflict('你已提交过这份问卷')
  return takeAnswers(deps, caller, survey, input.answers, {
    recipient: tracked(survey) ? { from: ['unread', 'opened', 'started'], restore: recipient.status } : null,
    // A draft exists only once the member saved one (tracked modes then say 已开始).
    dropDraft: !tracked(survey) || recipient.status === 'started',
  })
}

/**
 * The answers checked again with the shared function, then ONE store call marks the account
 * submitted (tracked modes and public links; once: a second submission is refused), takes one of
 * each quota and one response, adds the response and drops the draft (all or none). When a limit is
 * full nothing is kept: the member is told which option is full (or that the survey has enough
 * answers) and their draft stays, or, where the author ends such answers, is ended politely.
 */
async function takeAnswers(
  deps: Deps,
  caller: Caller,
  survey: SurveyRecord,
  given: SurveyAnswers,
  how: Pick<SubmitInput, 'recipient' | 'dropDraft'>,
): Promise<SubmitSurveyResult> {
  const openid = caller.openid ?? ''
  const now = nowIso(deps)
  const fieldIds = allQuestions(survey.definition).some((q) => q.kind === 'field') ? (await allFields(deps)).map((f) => f.id) : undefined
  const checked = checkSurveyAnswers(survey.definition, given, { fieldIds })
  const problems = Object.entries(checked.errors)
  if (problems.length) {
    // Answers cut short on a full option whose question ends such answers: the answer page sends
    // them as they are, and the member is ended politely instead of being asked for the rest.
    const withCounters = await deps.store.surveys.get(survey.id)
    const ending = withCounters ? endingKey(withCounters, checked.answers) : null
    if (ending) return endPolitely(deps, survey, openid, ending)
    const fields = Object.fromEntries(problems.map(([q, m]) => [`answers.${q}`, m]))
    throw new AppError('INVALID_INPUT', problems.slice(0, 3).map(([, m]) => m).join('；'), fields)
  }
  const quotas = quotasOf(survey.definition)
  const member = caller.member
  const named = survey.identityMode === 'named' && !survey.publicLink
  const profile = named && member ? { county: member.hometownCounty, degree: member.degree, graduationYear: String(member.graduationYear) } : null
  const outcome = await deps.store.surveys.submit({
    openid,
    response: { id: newId('sr', 16), surveyId: survey.id, openid: named ? openid : null, day: now.slice(0, 10), answers: checked.answers, profile },
    totals: survey.tallied ? totalsOf(survey.definition, checked.answers, profile) : [],
    recipient: how.recipient,
    counters: [...quotaKeysUsed(survey.definition, checked.answers).map((key) => ({ key, cap: quotas[key] ?? null })), { key: '*', cap: survey.responseCap }],
    dropDraft: how.dropDraft,
  })
  if (!outcome.ok) {
    if ('already' in outcome) throw conflict('你已提交过这份问卷')
    if (outcome.full !== '*' && quotaFullRule(survey.definition, outcome.full).mode === 'end') return endPolitely(deps, survey, openid, outcome.full)
    throw conflict(outcome.full === '*' ? '这份问卷已收满答卷，感谢你的关注' : `${optionLabel(survey, outcome.full)}名额已满，请选择其他选项`)
  }
  // 实名 only: the answers of 回驻意愿 questions go where the pipeline reads them. Best effort (the
  // answer is taken; a retry would be refused as already submitted): a failure here is not the member's.
  const intent = named ? returnIntentOf(survey.definition, checked.answers) : null
  if (intent) await recordReturnIntent(deps, openid, intent).catch(() => false)
  return { submitted: true }
}

/** The 回驻 intention and reasons answered in questions that feed the pipeline, or null when none was. */
function returnIntentOf(def: SurveyDefinition, answers: SurveyAnswers): ReturnIntent | null {
  const intent: ReturnIntent = { considerReturn: null, reasons: [] }
  let answered = false
  for (const q of allQuestions(def)) {
    const v = answers[q.id]
    if (q.feeds === 'considerReturn' && typeof v === 'string') intent.considerReturn = v as ReturnIntent['considerReturn']
    else if (q.feeds === 'reasons' && Array.isArray(v)) intent.reasons = v as ReturnIntent['reasons']
    else continue
    answered = true
  }
  return answered ? intent : null
}

// ——— public links: anyone signed in with the link, member or not ———

/** The published public-link survey this token opens; the same answer for a wrong token as for no survey. */
async function byLink(deps: Deps, id: string, token: string): Promise<Survey> {
  const survey = await deps.store.surveys.get(id)
  if (!survey || !survey.publicLink || !survey.linkToken || survey.linkToken !== token || survey.status === 'draft' || survey.status === 'approved') {
    throw notFound('问卷链接无效或已失效')
  }
  return survey
}

/** What someone who opened the link sees: no draft and no prefill (nothing of them joins their answers). */
export async function viewSurveyLink(deps: Deps, caller: Caller, input: ActionPayload<'survey.linkGet'>): Promise<SurveyForMember> {
  const survey = await byLink(deps, input.id, input.token)
  const claimed = await deps.store.surveys.recipient(survey.id, caller.openid ?? '')
  return {
    id: survey.id,
    title: survey.title,
    intro: survey.intro,
    definition: survey.definition,
    identityMode: survey.identityMode,
    identityStatement: PUBLIC_LINK_STATEMENT,
    publicLink: true,
    closeAt: survey.closeAt,
    open: isOpen(survey, nowIso(deps)),
    status: claimed ? 'submitted' : null,
    draft: null,
    prefill: {},
    fullOptions: fullOptions(survey),
  }
}

/**
 * Answers through a public link: within the account's and the survey's pace (LINK_LIMITS), once per
 * WeChat account (the account's 已提交 row is written in the same store call as the answers,
 * which carry no member id, and never point at each other), with the same quotas and cap.
 */
export async function submitSurveyLink(deps: Deps, caller: Caller, input: ActionPayload<'survey.linkSubmit'>): Promise<SubmitSurveyResult> {
  const openid = caller.openid ?? ''
  const { perAccount, perSurvey } = LINK_LIMITS
  await requireWithinLimit(deps, `survey-link:${openid}`, perAccount.max, perAccount.windowMs, '提交太频繁了，请稍后再试')
  const survey = await byLink(deps, input.id, input.token)
  requireOpen(survey, nowIso(deps))
  await requireWithinLimit(deps, `survey-link-all:${survey.id}`, perSurvey.max, perSurvey.windowMs, '这会儿提交的人太多了，请过一分钟再试')
  return takeAnswers(deps, caller, record(survey), input.answers, { recipient: { claim: true, publishedAt: survey.publishedAt }, dropDraft: false })
}

export async function mySurveys(deps: Deps, caller: Caller, input: ActionPayload<'survey.mine'>): Promise<Page<MySurvey>> {
  const page = await deps.store.surveys.mine(caller.openid ?? '', input.cursor ?? null, pageSize(input.limit))
  const now = nowIso(deps)
  return {
    items: page.items.map(({ survey, recipient }) => ({
      id: survey.id,
      title: survey.title,
      closeAt: survey.closeAt,
      identityMode: survey.identityMode,
      status: tracked(survey) ? recipient.status : null,
      open: isOpen(survey, now),
      reminders: recipient.reminders,
    })),
    nextCursor: page.nextCursor,
  }
}

/** 翼展档案: the activity feedback surveys the member answered (none kept per person in 完全匿名). */
export async function myFeedback(deps: Deps, caller: Caller): Promise<SurveyFeedbackEntry[]> {
  const surveys = (await deps.store.surveys.answeredFeedback(caller.openid ?? '', 50)).filter(tracked)
  const out: SurveyFeedbackEntry[] = []
  for (const s of surveys) {
    const activityId = s.audience.activityId ?? ''
    const activity = await deps.store.activities.get(activityId)
    out.push({ surveyId: s.id, title: s.title, activityId, activityTitle: activity?.title ?? s.title, at: s.publishedAt ?? s.createdAt })
  }
  return out
}

// ——— managers: non-respondents and reminders ———

function requireTracked(survey: Survey) {
  if (survey.publicLink) throw conflict('公开链接问卷没有固定的发送对象，所以没有未填写名单，也不能提醒')
  if (!tracked(survey)) throw conflict('完全匿名问卷不记录谁已填写，无法查看未填写名单或提醒')
}

export async function surveyRespondents(deps: Deps, caller: Caller, input: ActionPayload<'survey.respondents'>): Promise<Page<Respondent>> {
  const survey = await managed(deps, caller, input.id)
  requireTracked(survey)
  const page = await deps.store.surveys.pending(survey.id, input.cursor ?? null, pageSize(input.limit))
  const members = await memberCards(deps, page.items.map((r) => r.openid))
  return {
    items: page.items.map((r) => ({
      openid: r.openid,
      name: members.get(r.openid)?.name ?? '（已注销）',
      university: members.get(r.openid)?.university ?? '',
      status: r.status,
      reminders: r.reminders,
    })),
    nextCursor: page.nextCursor,
  }
}

const deadline = (survey: Survey) => (survey.closeAt ? `${survey.closeAt.slice(0, 16).replace('T', ' ')} 截止` : '请尽快填写')
const senderOf = (survey: Survey) => (survey.stationId ? '翼展驿站' : LEAGUE_NAME)

/** The inbox item of a reminder: its link opens the survey's answer page. */
function reminderNotice(survey: Survey) {
  return {
    key: survey.id,
    title: `请填写问卷：${survey.title}`,
    body: `你还没有提交问卷「${survey.title}」（${deadline(survey)}）。点下方按钮去填写，已填的内容会保留。`,
    link: { kind: 'survey' as const, id: survey.id },
    senderLabel: senderOf(survey),
  }
}

/**
 * Reminds the non-respondents: at most MAX_REMINDERS each, at least MIN_DAYS_BETWEEN_REMINDERS
 * apart (a conditional write per recipient, so two staff pressing at once, or a retry, remind once). Each
 * reminder shows in 我的问卷, lands in the member's notice inbox (one notice per page of reminded
 * members, inbox only: the reminder's own subscribe message is its push) and goes as a subscribe
 * message where the member authorised one.
 */
export async function remindSurvey(deps: Deps, caller: Caller, input: ActionPayload<'survey.remind'>): Promise<{ reminded: number; pushed: number; skipped: number }> {
  const survey = await managed(deps, caller, input.id)
  requireTracked(survey)
  const now = deps.clock.now()
  if (!isOpen(survey, toIsoString(now))) throw conflict('只有进行中的问卷可以提醒')
  const at = toIsoString(now)
  const notAfter = toIsoString(new Date(now.getTime() - MIN_DAYS_BETWEEN_REMINDERS * DAY_MS))
  let reminded = 0
  let pushed = 0
  let skipped = 0
  let cursor: string | null = null
  do {
    const page = await deps.store.surveys.pending(survey.id, cursor, 100)
    // The conditional write is the round's gate: only its winner reminds (inbox and push).
    const won: string[] = []
    for (const r of page.items) {
      if (await deps.store.surveys.remind(survey.id, r.openid, at, MAX_REMINDERS, notAfter)) won.push(r.openid)
      else skipped += 1
    }
    reminded += won.length
    await sendDirectNotice(deps, caller, { ...reminderNotice(survey), recipients: won, push: false })
    for (const openid of won) {
      // The reminder template's keywords (title, time, place), as for activities.
      const sent = await pushMessage(deps, openid, 'reminder', `${SURVEY_PAGE}?id=${survey.id}`, {
        title: `请填写问卷：${survey.title}`.slice(0, 20),
        time: deadline(survey),
        place: `${senderOf(survey)}·我的问卷`,
      })
      if (sent) pushed += 1
    }
    cursor = page.nextCursor
  } while (cursor && reminded + skipped < REMIND_BATCH)
  await recordAudit(deps, caller, { action: 'survey.remind', stationId: survey.stationId, summary: `提醒${reminded}人填写问卷「${survey.title}」` })
  return { reminded, pushed, skipped }
}

/** The scheduler: published surveys past their close time become 已结束 (answers were refused from that time already). */
export async function closeDueSurveys(deps: Deps, limit: number): Promise<number> {
  const at = nowIso(deps)
  let closed = 0
  for (const survey of await deps.store.surveys.dueToClose(at, limit)) {
    if (await deps.store.surveys.replace({ ...survey, status: 'closed', closedAt: at, updatedAt: at }, ['published'])) closed += 1
  }
  return closed
}
