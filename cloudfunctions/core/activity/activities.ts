import { honoursOf } from '../honour/honours'
import { createHash } from 'node:crypto'
import dayjs from 'dayjs'
import type {
  Activity,
  ActivityStatus,
  ActivityView,
  ActionPayload,
  CheckInCode,
  GrowthRecord,
  MyActivity,
  Page,
  Registration,
  RegistrationLine,
  SignUpResult,
} from '../../../types'
import { ACTIVITY_TYPES, COUNTIES, DEGREES, createActivityInput, maskPhone, nameOf, toFieldErrors } from '../../../types'
import type { Activity as ActivityT } from '../../../types'
import { validateAnswers } from './answers'
import type { ActivityListQuery, RegistrationWithMember } from './ports'
import { recordAudit } from '../audit/audit'
import {
  openidFromPersonalCode,
  personalCodeFor,
  ROTATION_SECONDS,
  shortCodeFor,
  shortCodeMatches,
  tokenFor,
  tokenMatches,
  windowOf,
} from './check-in-codes'
import { toIsoString } from '../shared/clock'
import type { Deps } from '../shared/context'
import { pageSize } from '../shared/cursor'
import { checkEligibility } from './eligibility'
import { AppError, conflict, forbidden, invalidInput, notFound } from '../shared/errors'
import { newId } from '../shared/ids'
import { LIMITS, withinLimit } from '../shared/rate-limit'
import { canManageStation, type Caller } from '../access/access'
import { noticeActivityChange } from '../notice/notices'
import { pushMessage } from '../messaging/push'
import { allFields } from '../taxonomy/taxonomy'
import { requireLinkablePlatform } from '../platform/platforms'
import { PUBLIC_EXPORT_HEADER, publicExportRows } from '../platform/public-export'
import { memberFactsChanged, memberFactsGained } from '../pipeline/facts'

export const ACTIVITY_PAGE = 'pages/activity/index'
const HOUR = 60 * 60 * 1000

const nowIso = (deps: Deps) => toIsoString(deps.clock.now())
const ms = (iso: string) => Date.parse(iso)

async function requireActivity(deps: Deps, id: string): Promise<Activity> {
  const activity = await deps.store.activities.get(id)
  if (!activity) throw notFound('没有找到这个活动')
  return activity
}

/** Staff manage every activity; a head manages their own station's, while they hold the role. */
export function canManageActivity(caller: Caller, activity: Activity): boolean {
  if (caller.isStaff) return true
  return activity.stationId !== null && canManageStation(caller, activity.stationId)
}

async function requireManaged(deps: Deps, caller: Caller, id: string): Promise<Activity> {
  const activity = await requireActivity(deps, id)
  if (!canManageActivity(caller, activity)) throw forbidden('只能管理自己驿站的活动')
  return activity
}

/** Staff, the activity's station leaders, and its check-in helpers. */
function canCheckPeopleIn(caller: Caller, activity: Activity): boolean {
  return canManageActivity(caller, activity) || (caller.openid !== null && activity.checkInHelpers.includes(caller.openid))
}

/** The full, server-side check of an activity's fields, also after a partial edit. */
function validateWhole(candidate: unknown) {
  const parsed = createActivityInput.safeParse(candidate)
  if (!parsed.success) {
    const { message, fields } = toFieldErrors(parsed.error)
    throw new AppError('INVALID_INPUT', message, fields)
  }
  return parsed.data
}

async function checkFields(deps: Deps, ids: readonly string[]) {
  if (ids.length === 0) return
  const known = new Set((await allFields(deps)).map((f) => f.id))
  ids.forEach((id, i) => {
    if (!known.has(id)) throw invalidInput(`eligibility.fields.${i}`, '所选重点产业领域不存在')
  })
}

/** A cover must be an upload of ours, not any path or another environment's file (m-8). */
async function checkCover(deps: Deps, cover: string | null | undefined) {
  if (cover && deps.files.covers && !(await deps.files.covers.isOurs(cover))) {
    throw invalidInput('coverImage', '封面图须是在本系统上传的图片，请重新上传')
  }
}

/** Helpers must be members, and for a station's activity members of that station (m-2). */
async function checkHelpers(deps: Deps, stationId: string | null, helpers: readonly string[]) {
  for (const [i, openid] of helpers.entries()) {
    const member = await deps.store.members.get(openid)
    if (!member) throw invalidInput(`checkInHelpers.${i}`, '签到助手须是已加入联盟的成员')
    if (stationId && member.stationId !== stationId) throw invalidInput(`checkInHelpers.${i}`, '签到助手须是本驿站的成员')
  }
}

/**
 * The activity as someone who does not manage it sees it: no openids (m-3). A helper still sees
 * that they are one, which is all the check-in page needs.
 */
export function publicActivity<T extends Activity>(caller: Caller, activity: T): T {
  if (canManageActivity(caller, activity)) return activity
  const helper = caller.openid !== null && activity.checkInHelpers.includes(caller.openid)
  return { ...activity, createdBy: '', checkInHelpers: helper && caller.openid ? [caller.openid] : [] }
}

// ——— staff and station heads: the activity's life ———

/**
 * `platformScope`: a platform contact's draft (platform.submitActivity, whose use case checked the
 * contact), pinned to that platform and to no station; staff publish it.
 */
export async function createActivity(
  deps: Deps,
  caller: Caller,
  input: ActionPayload<'activity.create'>,
  platformScope: string | null = null,
): Promise<Activity> {
  let stationId = input.stationId ?? null
  if (platformScope) {
    stationId = null
  } else if (!caller.isStaff) {
    // A head publishes for their own station only, whatever the request says.
    stationId = caller.member?.stationId ?? null
    if (!stationId || !canManageStation(caller, stationId)) throw forbidden('仅团市委工作人员或站长可以发布活动')
  } else if (stationId && !(await deps.store.stations.get(stationId))) {
    throw invalidInput('stationId', '没有找到这个驿站')
  }
  const eligibility = input.eligibility ?? { degrees: [], counties: [], fields: [], stationIds: [] }
  await checkFields(deps, eligibility.fields)
  await checkHelpers(deps, stationId, input.checkInHelpers ?? [])
  await checkCover(deps, input.coverImage)
  if (input.platformId) await requireLinkablePlatform(deps, input.platformId)
  const at = nowIso(deps)
  const activity: Activity = {
    id: newId('ac'),
    type: input.type,
    title: input.title,
    description: input.description,
    hostOrg: input.hostOrg,
    place: input.place,
    startAt: toIsoString(new Date(input.startAt)),
    endAt: toIsoString(new Date(input.endAt)),
    signUpOpenAt: toIsoString(new Date(input.signUpOpenAt)),
    signUpCloseAt: toIsoString(new Date(input.signUpCloseAt)),
    capacity: input.capacity,
    waitlist: input.waitlist,
    eligibility: { ...eligibility, stationIds: stationId ? [stationId] : eligibility.stationIds },
    form: input.form ?? [],
    coverImage: input.coverImage,
    checkInHelpers: input.checkInHelpers ?? [],
    status: 'draft',
    cancelReason: '',
    stationId,
    platformId: platformScope ?? input.platformId,
    openToPublic: input.openToPublic ?? false,
    publicCount: 0,
    createdBy: caller.openid ?? '',
    registeredCount: 0,
    waitlistCount: 0,
    createdAt: at,
    updatedAt: at,
    publishedAt: null,
  }
  await deps.store.activities.create(activity)
  await recordAudit(deps, caller, { action: 'activity.create', stationId, summary: `创建活动「${activity.title}」` })
  return activity
}

export async function updateActivity(deps: Deps, caller: Caller, input: ActionPayload<'activity.update'>): Promise<Activity> {
  const current = await requireManaged(deps, caller, input.id)
  if (current.status === 'cancelled') throw conflict('活动已取消，不能再修改')
  const { id, ...changes } = input
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined))
  const merged = validateWhole({ ...current, ...defined, stationId: current.stationId ?? undefined })
  if (merged.capacity < current.registeredCount) {
    throw invalidInput('capacity', `名额不能少于已报名的${current.registeredCount}人`)
  }
  await checkFields(deps, merged.eligibility?.fields ?? [])
  if (defined.checkInHelpers) await checkHelpers(deps, current.stationId, defined.checkInHelpers as string[])
  if (defined.coverImage !== current.coverImage) await checkCover(deps, defined.coverImage as string | null | undefined)
  if (input.platformId && input.platformId !== current.platformId) await requireLinkablePlatform(deps, input.platformId)
  if (current.openToPublic && input.openToPublic === false && (await deps.store.publicRegistrations.countFor(current.id)) > 0) {
    throw invalidInput('openToPublic', '已有公众报名，不能取消面向公众')
  }
  const eligibility = merged.eligibility ?? current.eligibility
  const updated = await deps.store.activities.update(
    id,
    {
      ...defined,
      ...(defined.startAt ? { startAt: toIsoString(new Date(merged.startAt)) } : {}),
      ...(defined.endAt ? { endAt: toIsoString(new Date(merged.endAt)) } : {}),
      ...(defined.signUpOpenAt ? { signUpOpenAt: toIsoString(new Date(merged.signUpOpenAt)) } : {}),
      ...(defined.signUpCloseAt ? { signUpCloseAt: toIsoString(new Date(merged.signUpCloseAt)) } : {}),
      eligibility: current.stationId ? { ...eligibility, stationIds: [current.stationId] } : eligibility,
    },
    nowIso(deps),
  )
  if (!updated) throw notFound('没有找到这个活动')
  await recordAudit(deps, caller, { action: 'activity.update', stationId: current.stationId, summary: `修改活动「${updated.title}」` })
  await keepWaitlistFair(deps, caller, current, updated)
  const moved = updated.startAt !== current.startAt || updated.endAt !== current.endAt || updated.place !== current.place
  if (moved && current.status !== 'draft') {
    const when = `${updated.startAt.slice(0, 16).replace('T', ' ')} 至 ${updated.endAt.slice(0, 16).replace('T', ' ')}`
    await noticeActivityChange(deps, caller, updated, `活动变更：${updated.title}`, `你报名的活动「${updated.title}」有变更。\n时间：${when}\n地点：${updated.place}`)
  }
  return updated
}

/** Waitlist rows handled per activity change: an activity's waitlist is bounded by its audience. */
const WAITLIST_SWEEP_MAX = 100_000

/**
 * After an edit: places added go to those waiting, in order, before anyone new can take them; a
 * waitlist turned off ends every wait, and those waiting are told.
 */
async function keepWaitlistFair(deps: Deps, caller: Caller, before: Activity, after: Activity) {
  const at = nowIso(deps)
  if (after.capacity > before.capacity && after.waitlistCount > 0) {
    const promoted = await deps.store.registrations.promoteWaitlist(after.id, at, after.capacity - after.registeredCount)
    for (const registration of promoted) await tellPromoted(deps, after, registration)
  }
  if (before.waitlist && !after.waitlist) {
    const current = await requireActivity(deps, after.id)
    await noticeActivityChange(
      deps,
      caller,
      current,
      `候补已结束：${current.title}`,
      `活动「${current.title}」不再设置候补，你的候补已结束，没有获得名额。感谢关注，欢迎报名其他活动。`,
      'waitlisted',
    )
    await endWaiting(deps, current, '活动不再设候补，候补已结束')
  }
}

/** Ends every wait of the activity, each member told through the push they authorised. */
async function endWaiting(deps: Deps, activity: Activity, status: string) {
  const ended = await deps.store.registrations.endWaitlist(activity.id, nowIso(deps), WAITLIST_SWEEP_MAX)
  for (const registration of ended) {
    await pushMessage(deps, registration.openid, 'result', `${ACTIVITY_PAGE}?id=${activity.id}`, { title: activity.title, status, note: '' })
  }
}

async function transition(
  deps: Deps,
  caller: Caller,
  id: string,
  from: Activity['status'][],
  to: Activity['status'],
  refusal: string,
  extra?: { cancelReason?: string; publishedAt?: string },
): Promise<Activity> {
  const activity = await requireManaged(deps, caller, id)
  if (!(await deps.store.activities.transition(id, from, to, nowIso(deps), extra))) throw conflict(refusal)
  const verb = { published: '发布', closed: '截止报名', cancelled: '取消', draft: '退回草稿' }[to]
  await recordAudit(deps, caller, { action: `activity.${to}`, stationId: activity.stationId, summary: `${verb}活动「${activity.title}」` })
  return requireActivity(deps, id)
}

export const publishActivity = (deps: Deps, caller: Caller, input: ActionPayload<'activity.publish'>) =>
  transition(deps, caller, input.id, ['draft'], 'published', '只有草稿可以发布', { publishedAt: nowIso(deps) })

export const closeSignUp = (deps: Deps, caller: Caller, input: ActionPayload<'activity.closeSignUp'>) =>
  transition(deps, caller, input.id, ['published'], 'closed', '只有报名中的活动可以截止报名')

export async function cancelActivity(deps: Deps, caller: Caller, input: ActionPayload<'activity.cancel'>): Promise<Activity> {
  const cancelled = await transition(deps, caller, input.id, ['draft', 'published', 'closed'], 'cancelled', '活动已经取消了', {
    cancelReason: input.reason,
  })
  await noticeActivityChange(deps, caller, cancelled, `活动取消：${cancelled.title}`, `你报名的活动「${cancelled.title}」已取消。\n原因：${input.reason}`)
  // Those waiting are told (the notice above, and a push) and their wait ends: no place will come.
  await endWaiting(deps, cancelled, '活动已取消，候补已结束')
  // Every registrant is told, through the push they authorised (notices come with the inbox).
  let cursor: string | null = null
  do {
    const page = await deps.store.registrations.openidsOf(cancelled.id, ['registered'], cursor, 200)
    for (const openid of page.items) {
      await pushMessage(deps, openid, 'result', `${ACTIVITY_PAGE}?id=${cancelled.id}`, {
        title: cancelled.title,
        status: '活动已取消',
        note: input.reason,
      })
    }
    cursor = page.nextCursor
  } while (cursor)
  return cancelled
}

export async function copyActivity(deps: Deps, caller: Caller, input: ActionPayload<'activity.copy'>): Promise<Activity> {
  const source = await requireManaged(deps, caller, input.id)
  const at = nowIso(deps)
  const copy: Activity = {
    ...source,
    id: newId('ac'),
    title: `${source.title}（副本）`.slice(0, 40),
    status: 'draft',
    cancelReason: '',
    createdBy: caller.openid ?? '',
    registeredCount: 0,
    waitlistCount: 0,
    publicCount: 0,
    createdAt: at,
    updatedAt: at,
    publishedAt: null,
  }
  await deps.store.activities.create(copy)
  await recordAudit(deps, caller, { action: 'activity.copy', stationId: copy.stationId, summary: `复制活动「${source.title}」` })
  return copy
}

// ——— everyone: browse ———

export async function listActivities(deps: Deps, caller: Caller, input: ActionPayload<'activity.list'>): Promise<Page<Activity>> {
  const member = caller.member
  const manage = input.manage === true && (caller.isStaff || member?.role === 'station_head')
  const stationScope = manage
    ? caller.isStaff
      ? null
      : { stationIds: member?.stationId ? [member.stationId] : [], includeGeneral: false }
    : { stationIds: member?.stationId ? [member.stationId] : [], includeGeneral: true }
  // 只看我能报名的: open for sign-up now, eligible, and not signed up yet. Ended never qualifies.
  const eligibleOnly = Boolean(input.eligibleOnly && member)
  if (eligibleOnly && input.phase === 'ended') return { items: [], nextCursor: null }
  const base: Omit<ActivityListQuery, 'phase' | 'cursor' | 'limit'> = {
    type: input.type ?? null,
    now: nowIso(deps),
    statuses: visibleStatuses(manage, input.status),
    text: input.q ? input.q : null,
    stationScope,
    eligibleFor:
      eligibleOnly && member
        ? { degree: member.degree, county: member.hometownCounty, fields: member.fields, stationId: member.stationId }
        : null,
  }
  const limit = pageSize(input.limit)
  const page = eligibleOnly
    ? await deps.store.activities.list({ ...base, phase: 'open', cursor: input.cursor ?? null, limit })
    : input.phase
      ? await deps.store.activities.list({ ...base, phase: input.phase, cursor: input.cursor ?? null, limit })
      : await currentThenEnded(deps, base, input.cursor ?? null, limit)
  let items = page.items
  if (eligibleOnly && caller.openid) {
    const openid = caller.openid
    const mine = await Promise.all(items.map((a) => deps.store.registrations.get(a.id, openid)))
    items = items.filter((_, i) => {
      const registration = mine[i]
      return !registration || registration.status === 'cancelled'
    })
  }
  return { items: items.map((a) => publicActivity(caller, a)), nextCursor: page.nextCursor }
}

/** Managers see every status, others published and closed; a status filter narrows either, never widens. */
function visibleStatuses(manage: boolean, only: ActivityStatus | undefined): ActivityStatus[] {
  const visible: ActivityStatus[] = manage ? ['draft', 'published', 'closed', 'cancelled'] : ['published', 'closed']
  return only ? visible.filter((s) => s === only) : visible
}

/**
 * The whole list as people want to read it: what is still ahead (soonest first), then what has
 * ended (most recent first). Two keyset segments behind one cursor: `c:<cursor>` pages through the
 * current ones, `e:<cursor>` through the ended ones.
 */
async function currentThenEnded(
  deps: Deps,
  base: Omit<ActivityListQuery, 'phase' | 'cursor' | 'limit'>,
  cursor: string | null,
  limit: number,
): Promise<Page<Activity>> {
  const segment = cursor?.startsWith('e:') ? 'ended' : 'current'
  const inner = cursor ? cursor.slice(2) || null : null
  if (segment === 'ended') {
    const ended = await deps.store.activities.list({ ...base, phase: 'ended', cursor: inner, limit })
    return { items: ended.items, nextCursor: ended.nextCursor ? `e:${ended.nextCursor}` : null }
  }
  const current = await deps.store.activities.list({ ...base, phase: 'current', cursor: inner, limit })
  if (current.nextCursor) return { items: current.items, nextCursor: `c:${current.nextCursor}` }
  const room = limit - current.items.length
  if (room === 0) return { items: current.items, nextCursor: 'e:' }
  const ended = await deps.store.activities.list({ ...base, phase: 'ended', cursor: null, limit: room })
  return { items: [...current.items, ...ended.items], nextCursor: ended.nextCursor ? `e:${ended.nextCursor}` : null }
}

type SignUpState = { ok: boolean; reason: string; code: 'SIGNUP_CLOSED' | 'FORBIDDEN' }

/** Whether the caller may sign up now; the window first, then who may join. */
function signUpState(activity: Activity, caller: Caller, nowMs: number): SignUpState {
  const closed = (reason: string): SignUpState => ({ ok: false, reason, code: 'SIGNUP_CLOSED' })
  if (activity.status === 'cancelled') return closed(`活动已取消：${activity.cancelReason}`)
  if (activity.status !== 'published') return closed('报名已截止')
  if (nowMs < ms(activity.signUpOpenAt)) return closed(`报名将于${activity.signUpOpenAt.slice(5, 16).replace('T', ' ')}开始`)
  if (nowMs >= ms(activity.signUpCloseAt)) return closed('报名已截止')
  return { ...checkEligibility(activity, caller.member), code: 'FORBIDDEN' }
}

export async function viewActivity(deps: Deps, caller: Caller, input: ActionPayload<'activity.get'>): Promise<ActivityView> {
  const activity = await requireActivity(deps, input.id)
  const visible = activity.status === 'published' || activity.status === 'closed' || activity.status === 'cancelled'
  if (!visible && !canManageActivity(caller, activity)) throw notFound('没有找到这个活动')
  const mine = caller.openid ? await deps.store.registrations.get(activity.id, caller.openid) : null
  return {
    ...publicActivity(caller, activity),
    myRegistration: mine,
    canSignUp: (({ ok, reason }) => ({ ok, reason }))(signUpState(activity, caller, deps.clock.now().getTime())),
    placesLeft: Math.max(0, activity.capacity - activity.registeredCount),
    lastAnswers: caller.openid && caller.member ? await deps.store.registrations.lastAnswers(caller.openid) : {},
  }
}

// ——— students: sign up, cancel, my activities ———

export async function signUp(deps: Deps, caller: Caller, input: ActionPayload<'activity.signUp'>): Promise<SignUpResult> {
  const member = caller.member
  if (!member || !caller.openid) throw forbidden('请先加入翼展联盟')
  const activity = await requireActivity(deps, input.activityId)
  if (activity.status === 'draft') throw notFound('没有找到这个活动')
  const state = signUpState(activity, caller, deps.clock.now().getTime())
  if (!state.ok) {
    // Signing up again (a retry after the deadline) still gives back the registration held;
    // on the open path the store returns it itself.
    const existing = await deps.store.registrations.get(activity.id, caller.openid)
    if (existing && existing.status !== 'cancelled') return resultOf(existing)
    throw new AppError(state.code, state.reason)
  }
  const answers = validateAnswers(activity.form, input.answers)
  const at = nowIso(deps)
  for (const template of input.subscribed ?? []) await deps.store.messages.grant(caller.openid, template, at)
  const outcome = await deps.store.registrations.signUp({ activityId: activity.id, openid: caller.openid, answers, at, seen: activity })
  if (outcome.outcome === 'full') throw new AppError('ACTIVITY_FULL', '名额已满，本活动不设候补')
  if (outcome.outcome === 'not_open') throw new AppError('SIGNUP_CLOSED', '报名已截止')
  if (outcome.registration.status === 'registered') await memberFactsGained(deps, caller.openid, { signedUp: true })
  return resultOf(outcome.registration)
}

function resultOf(registration: Registration): SignUpResult {
  if (registration.status === 'waitlisted') {
    return { status: 'waitlisted', position: registration.position ?? undefined, registration }
  }
  return { status: 'registered', registration }
}

export async function cancelSignUp(deps: Deps, caller: Caller, input: ActionPayload<'activity.cancelSignUp'>): Promise<Registration> {
  if (!caller.openid) throw forbidden('请先加入翼展联盟')
  const activity = await requireActivity(deps, input.activityId)
  const mine = await deps.store.registrations.get(activity.id, caller.openid)
  if (!mine || (mine.status !== 'registered' && mine.status !== 'waitlisted')) throw conflict('你没有可以取消的报名')
  if (deps.clock.now().getTime() >= ms(activity.signUpCloseAt) || activity.status !== 'published') {
    throw new AppError('SIGNUP_CLOSED', '报名已截止，不能在线取消，请联系活动负责人')
  }
  const { cancelled, promoted } = await deps.store.registrations.cancel(activity.id, caller.openid, nowIso(deps))
  if (!cancelled) throw conflict('你没有可以取消的报名')
  if (promoted) await tellPromoted(deps, activity, promoted)
  await memberFactsChanged(deps, cancelled.openid, ...(promoted ? [promoted.openid] : []))
  return cancelled
}

export async function tellPromoted(deps: Deps, activity: Activity, promoted: Registration) {
  await pushMessage(deps, promoted.openid, 'result', `${ACTIVITY_PAGE}?id=${activity.id}`, {
    title: activity.title,
    status: '候补成功，已为你保留名额',
    note: activity.startAt.slice(0, 16).replace('T', ' '),
  })
}

export async function myRegistrations(deps: Deps, caller: Caller, input: ActionPayload<'activity.myRegistrations'>): Promise<Page<MyActivity>> {
  const page = await deps.store.registrations.listForMember(caller.openid ?? '', input.cursor ?? null, pageSize(input.limit))
  return { items: page.items.map(({ activity, registration }) => ({ activity: summaryOf(activity), registration })), nextCursor: page.nextCursor }
}

const summaryOf = (a: ActivityT) => ({
  id: a.id,
  title: a.title,
  type: a.type,
  startAt: a.startAt,
  endAt: a.endAt,
  place: a.place,
  status: a.status,
})

/** 翼展档案: the activities I attended, by type and by year. */
export async function growthRecord(deps: Deps, caller: Caller): Promise<GrowthRecord> {
  const history = await deps.store.registrations.historyOf(caller.openid ?? '', 500)
  const attended = history.filter((h) => h.registration.status === 'checked_in')
  const byType = ACTIVITY_TYPES.map((t) => ({ type: t.id, name: t.name, count: attended.filter((h) => h.activity.type === t.id).length })).filter(
    (t) => t.count > 0,
  )
  const years = new Map<number, number>()
  for (const h of attended) {
    const year = dayjs(h.activity.startAt).utcOffset(480).year()
    years.set(year, (years.get(year) ?? 0) + 1)
  }
  return {
    total: attended.length,
    byType,
    byYear: [...years.entries()].sort((a, b) => b[0] - a[0]).map(([year, count]) => ({ year, count })),
    items: attended.map(({ activity, registration }) => ({ activity: summaryOf(activity), registration })),
    honours: await honoursOf(deps, caller.openid ?? ''),
  }
}

// ——— managers: registrations, export, attendance ———

export async function listRegistrations(
  deps: Deps,
  caller: Caller,
  input: ActionPayload<'activity.registrations'>,
): Promise<Page<RegistrationLine>> {
  const activity = await requireActivity(deps, input.activityId)
  if (!canCheckPeopleIn(caller, activity)) throw forbidden('只能查看自己负责的活动的报名')
  const page = await deps.store.registrations.listForActivity(
    activity.id,
    { status: input.status ?? null, q: input.q },
    input.cursor ?? null,
    pageSize(input.limit),
  )
  if (canManageActivity(caller, activity)) {
    return { items: page.items.map(({ phone, ...line }) => ({ ...line, phoneMasked: maskPhone(phone) })), nextCursor: page.nextCursor }
  }
  // A helper checks people in: names and status, nothing else (no answers, phone, school or openid).
  return { items: page.items.map((line) => helperLine(line)), nextCursor: page.nextCursor }
}

function helperLine(line: RegistrationWithMember): RegistrationLine {
  return {
    id: createHash('sha256').update(line.id).digest('hex').slice(0, 24),
    activityId: line.activityId,
    openid: '',
    status: line.status,
    position: line.position,
    answers: {},
    createdAt: line.createdAt,
    updatedAt: line.updatedAt,
    checkedInAt: line.checkedInAt,
    name: line.name,
    phoneMasked: '',
    university: '',
    degree: '',
    hometownCounty: '',
  }
}

const STATUS_NAMES = { registered: '报名成功', waitlisted: '候补', cancelled: '已取消', checked_in: '已签到', absent: '缺席' } as const

export async function exportRegistrations(
  deps: Deps,
  caller: Caller,
  input: ActionPayload<'activity.exportRegistrations'>,
) {
  const activity = await requireManaged(deps, caller, input.activityId)
  const header = ['姓名', '手机号', '学校', '学历', '家乡县区', '状态', '候补位次', '报名时间', '签到时间', ...activity.form.map((f) => f.label)]
  // 面向公众: the public sign-ups follow the members', marked 公众 (platform/outreach.ts).
  const withPublic = activity.openToPublic || activity.publicCount > 0
  const rows: (string | number)[][] = []
  let cursor: string | null = null
  do {
    const page = await deps.store.registrations.listForActivity(activity.id, { status: input.status ?? null, q: '' }, cursor, 500)
    for (const r of page.items) {
      if (rows.length >= 5000) throw conflict('名单超过5000人，请按状态筛选后再导出')
      rows.push([
        r.name,
        caller.isStaff ? r.phone : maskPhone(r.phone),
        r.university,
        nameOf(DEGREES, r.degree),
        nameOf(COUNTIES, r.hometownCounty),
        STATUS_NAMES[r.status],
        r.position ?? '',
        r.createdAt.slice(0, 16).replace('T', ' '),
        r.checkedInAt ? r.checkedInAt.slice(0, 16).replace('T', ' ') : '',
        ...activity.form.map((f) => {
          const v = r.answers[f.id]
          return Array.isArray(v) ? v.join('、') : (v ?? '')
        }),
      ])
    }
    cursor = page.nextCursor
  } while (cursor)
  const members = rows.length
  if (withPublic) {
    header.push(...PUBLIC_EXPORT_HEADER)
    for (const row of rows) row.push('成员', '', '', '', '', '')
    const options = { fullPhones: caller.isStaff, status: input.status ?? null, formColumns: activity.form.length, max: 5000 - members }
    rows.push(...(await publicExportRows(deps, activity, options)))
  }
  const content = await deps.files.spreadsheets.writeXlsx('报名名单', header, rows)
  await recordAudit(deps, caller, {
    action: 'activity.exportRegistrations',
    stationId: activity.stationId,
    summary: `导出活动「${activity.title}」报名名单${rows.length}人${withPublic ? `（其中公众${rows.length - members}人）` : ''}（${caller.isStaff ? '完整手机号' : '手机号打码'}）`,
  })
  return { filename: `${activity.title}-报名名单-${nowIso(deps).slice(0, 10)}.xlsx`, contentBase64: content.toString('base64'), rows: rows.length }
}

export async function markAttendance(deps: Deps, caller: Caller, input: ActionPayload<'activity.markAttendance'>): Promise<Registration> {
  const activity = await requireManaged(deps, caller, input.activityId)
  const { outcome, promoted } = await deps.store.registrations.move(activity.id, input.openid, input.status, nowIso(deps))
  if (outcome === 'not_found') throw notFound('这位同学没有报名本活动')
  if (outcome === 'full') throw new AppError('ACTIVITY_FULL', '名额已满，不能再转为报名成功')
  if (promoted) await tellPromoted(deps, activity, promoted)
  await memberFactsChanged(deps, input.openid, ...(promoted ? [promoted.openid] : []))
  await recordAudit(deps, caller, {
    action: 'activity.markAttendance',
    stationId: activity.stationId,
    subjectOpenid: input.openid,
    summary: `将「${activity.title}」的报名改为${STATUS_NAMES[input.status]}`,
  })
  return (await deps.store.registrations.get(activity.id, input.openid))!
}

// ——— check-in ———

export function requireSecret(deps: Deps): string {
  if (!deps.checkInSecret) throw new AppError('INTERNAL', '签到功能尚未配置（CHECKIN_SECRET），请联系团市委')
  return deps.checkInSecret
}

export function checkInWindow(activity: Activity) {
  return { from: ms(activity.startAt) - HOUR, until: ms(activity.endAt) }
}

export async function checkInCode(deps: Deps, caller: Caller, input: ActionPayload<'activity.checkInCode'>): Promise<CheckInCode> {
  const activity = await requireActivity(deps, input.activityId)
  if (!canCheckPeopleIn(caller, activity)) throw forbidden('只有活动负责人和签到助手可以打开签到码')
  requireSecret(deps)
  const now = deps.clock.now().getTime()
  const { from, until } = checkInWindow(activity)
  if (now < from) throw conflict('签到将在活动开始前1小时开放')
  if (now > until) throw conflict('活动已结束，签到已关闭')
  const window = windowOf(now)
  const token = tokenFor(deps.checkInSecret, activity.id, window)
  return {
    activityId: activity.id,
    token,
    qrImage: await deps.files.qrCodes.dataUrl(`yzci:${activity.id}:${token}`),
    shortCode: shortCodeFor(deps.checkInSecret, activity.id, window),
    rotatesEverySeconds: ROTATION_SECONDS,
    expiresAt: toIsoString(new Date((window + 1) * ROTATION_SECONDS * 1000)),
    validFrom: toIsoString(new Date(from)),
    validUntil: activity.endAt,
  }
}

/** My personal code, for staff or a helper to scan when I cannot scan theirs. */
export async function myPersonalCode(deps: Deps, caller: Caller): Promise<{ code: string; qrImage: string }> {
  const code = personalCodeFor(requireSecret(deps), caller.openid ?? '')
  return { code, qrImage: await deps.files.qrCodes.dataUrl(code) }
}

export async function checkIn(deps: Deps, caller: Caller, input: ActionPayload<'activity.checkIn'>): Promise<Registration> {
  if (!caller.openid) throw forbidden('请先加入翼展联盟')
  if (!input.personalCode && !caller.member) throw forbidden('请先加入翼展联盟')
  requireSecret(deps)
  const activity = await requireActivity(deps, input.activityId)
  const now = deps.clock.now().getTime()
  const { from, until } = checkInWindow(activity)
  if (now < from || now > until) throw conflict('不在签到时间内（活动开始前1小时至结束）')

  let openid = caller.openid
  if (input.personalCode) {
    if (!canCheckPeopleIn(caller, activity)) throw forbidden('只有活动负责人和签到助手可以扫个人码签到')
    const named = openidFromPersonalCode(deps.checkInSecret, input.personalCode)
    if (!named) throw invalidInput('personalCode', '这不是翼展联盟的个人签到码')
    openid = named
  } else if (input.shortCode) {
    // Six digits are guessable, and only a registrant gains by guessing: others are refused
    // before any code is tried. Then a sliding limit per person and one per activity, so that
    // many accounts together cannot guess faster either (m-5).
    const mine = await deps.store.registrations.get(activity.id, caller.openid)
    if (!mine || (mine.status !== 'registered' && mine.status !== 'checked_in')) throw forbidden('没有找到有效的报名，候补或已取消不能签到')
    const perMember = LIMITS.checkInCodePerMember
    if (!(await withinLimit(deps, `checkin:${caller.openid}`, perMember.max, perMember.windowMs))) {
      throw new AppError('RATE_LIMITED', '尝试次数过多，请1分钟后再试')
    }
    const perActivity = LIMITS.checkInCodePerActivity(activity.capacity)
    if (!(await withinLimit(deps, `checkin-activity:${activity.id}`, perActivity.max, perActivity.windowMs))) {
      throw new AppError('RATE_LIMITED', '签到码尝试过于频繁，请扫描现场的签到二维码')
    }
    if (!shortCodeMatches(deps.checkInSecret, activity.id, input.shortCode, now)) {
      throw invalidInput('shortCode', '签到码不正确或已过期，请看现场屏幕上的最新签到码')
    }
  } else if (!input.token || !tokenMatches(deps.checkInSecret, activity.id, input.token, now)) {
    throw invalidInput('token', '签到码不正确或已过期，请重新扫描现场的签到码')
  }
  const outcome = await deps.store.registrations.checkIn(activity.id, openid, nowIso(deps))
  if (outcome === 'not_registered') throw forbidden('没有找到有效的报名，候补或已取消不能签到')
  await memberFactsChanged(deps, openid)
  if (input.personalCode) {
    await recordAudit(deps, caller, {
      action: 'activity.checkIn',
      stationId: activity.stationId,
      subjectOpenid: openid,
      summary: `扫个人码为「${activity.title}」签到`,
    })
  }
  return (await deps.store.registrations.get(activity.id, openid))!
}
