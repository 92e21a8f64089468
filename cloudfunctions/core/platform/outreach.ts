import { createHash } from 'node:crypto'
import type {
  Activity,
  ActionPayload,
  ExportedPublicSignUp,
  MyPublicSignUp,
  Page,
  PublicDataExport,
  PublicRegistration,
  PublicRegistrationLine,
} from '../../../types'
import { maskPhone, PUBLIC_DATA_EXPORT_NOTICE, PUBLIC_GUARDIAN_AGE, PUBLIC_PARTICIPANTS_MAX } from '../../../types'
import type { Caller } from '../access/access'
import { canManageActivity, checkInWindow, requireSecret, tellPromoted } from '../activity/activities'
import { shortCodeMatches, tokenMatches } from '../activity/check-in-codes'
import { LIMITS, withinLimit } from '../shared/rate-limit'
import { toIsoString } from '../shared/clock'
import type { Deps } from '../shared/context'
import { pageSize } from '../shared/cursor'
import { AppError, conflict, forbidden, invalidInput, notFound } from '../shared/errors'
import { newId } from '../shared/ids'
import { EXPORT_MAX_PER_KIND } from '../member/privacy-ports'
import { relationName } from './public-export'

/**
 * 面向公众/青少年 (issue 19 §4): science outreach that anyone signs up for without joining. The
 * person is known by the openid the server gives (no member record is made); the sign-up holds a
 * place of the activity through the same gate as members' (platform/ports.ts), is kept apart from
 * members' registrations, and is deleted PUBLIC_RETENTION_DAYS after the activity ends.
 */

/**
 * Days after an activity's end that public sign-ups (names, ages, phones, guardians) are kept,
 * for questions and follow-up about the day; then the scheduler deletes them and only the
 * anonymous `publicCount` on the activity remains. The privacy text says the same.
 */
export const PUBLIC_RETENTION_DAYS = 30
const DAY = 24 * 60 * 60 * 1000
const PURGE_BATCH = 50

const nowIso = (deps: Deps) => toIsoString(deps.clock.now())

async function requirePublicActivity(deps: Deps, activityId: string): Promise<Activity> {
  const activity = await deps.store.activities.get(activityId)
  if (!activity || activity.status === 'draft') throw notFound('没有找到这个活动')
  if (!activity.openToPublic) throw forbidden('这个活动只面向联盟成员，请先加入翼展联盟')
  return activity
}

/** Whether a public sign-up is possible now (the window; members' eligibility does not apply). */
function publicSignUpState(activity: Activity, now: number): { ok: boolean; reason: string } {
  if (activity.status === 'cancelled') return { ok: false, reason: `活动已取消：${activity.cancelReason}` }
  if (activity.status !== 'published') return { ok: false, reason: '报名已截止' }
  if (now < Date.parse(activity.signUpOpenAt)) return { ok: false, reason: `报名将于${activity.signUpOpenAt.slice(5, 16).replace('T', ' ')}开始` }
  if (now >= Date.parse(activity.signUpCloseAt)) return { ok: false, reason: '报名已截止' }
  if (activity.waitlistCount > 0 || activity.registeredCount >= activity.capacity) return { ok: false, reason: '名额已满' }
  return { ok: true, reason: '' }
}

export async function publicSignUp(deps: Deps, caller: Caller, input: ActionPayload<'platform.publicSignUp'>): Promise<PublicRegistration> {
  const openid = caller.openid
  if (!openid) throw forbidden('请先登录')
  const activity = await requirePublicActivity(deps, input.activityId)
  const state = publicSignUpState(activity, deps.clock.now().getTime())
  if (!state.ok) {
    // A retry after the deadline still gets back the sign-up held for that participant.
    const existing = (await deps.store.publicRegistrations.mine(activity.id, openid)).find((r) => r.status === 'registered' && r.name === input.name)
    if (existing) return existing
    throw new AppError(state.reason === '名额已满' ? 'ACTIVITY_FULL' : 'SIGNUP_CLOSED', state.reason)
  }
  const at = nowIso(deps)
  // The schema already refused an under-14 sign-up without a consenting guardian; only then is a guardian kept.
  const guardian = input.age < PUBLIC_GUARDIAN_AGE && input.guardian?.consent === true
    ? { name: input.guardian.name, relation: input.guardian.relation, phone: input.guardian.phone, consentAt: at }
    : null
  const registration: PublicRegistration = {
    id: newId('pr'),
    activityId: activity.id,
    openid,
    name: input.name,
    age: input.age,
    school: input.school,
    grade: input.grade,
    phone: input.phone || (guardian?.phone ?? ''),
    guardian,
    status: 'registered',
    checkedInAt: null,
    createdAt: at,
    updatedAt: at,
  }
  const outcome = await deps.store.publicRegistrations.signUp({ registration, seen: activity })
  if (outcome.outcome === 'full') throw new AppError('ACTIVITY_FULL', '名额已满')
  if (outcome.outcome === 'not_open') throw new AppError('SIGNUP_CLOSED', '报名已截止')
  if (outcome.outcome === 'too_many') throw conflict(`同一微信最多为${PUBLIC_PARTICIPANTS_MAX}位参加者报名这个活动`)
  return outcome.registration
}

export async function myPublicSignUp(deps: Deps, caller: Caller, input: ActionPayload<'platform.myPublicSignUp'>): Promise<MyPublicSignUp> {
  const activity = await requirePublicActivity(deps, input.activityId)
  const registrations = caller.openid ? await deps.store.publicRegistrations.mine(activity.id, caller.openid) : []
  const held = registrations.filter((r) => r.status === 'registered').length
  const now = deps.clock.now().getTime()
  const { from, until } = checkInWindow(activity)
  return {
    registrations,
    participantsLeft: PUBLIC_PARTICIPANTS_MAX - held,
    checkInOpen: activity.status !== 'cancelled' && now >= from && now <= until,
    canSignUp: publicSignUpState(activity, now),
    placesLeft: activity.waitlistCount > 0 ? 0 : Math.max(0, activity.capacity - activity.registeredCount),
  }
}

/**
 * The person cancels one participant's public sign-up while sign-up is open (the only one held
 * when none is named); the place goes to the first member waiting.
 */
export async function cancelPublicSignUp(deps: Deps, caller: Caller, input: ActionPayload<'platform.cancelPublicSignUp'>): Promise<PublicRegistration> {
  const openid = caller.openid
  if (!openid) throw forbidden('请先登录')
  const activity = await requirePublicActivity(deps, input.activityId)
  const held = (await deps.store.publicRegistrations.mine(activity.id, openid)).filter((r) => r.status === 'registered')
  if (!input.registrationId && held.length > 1) throw invalidInput('registrationId', '请选择要取消报名的参加者')
  const mine = input.registrationId ? held.find((r) => r.id === input.registrationId) : held[0]
  if (!mine) throw conflict('你没有可以取消的报名')
  if (activity.status !== 'published' || deps.clock.now().getTime() >= Date.parse(activity.signUpCloseAt)) {
    throw new AppError('SIGNUP_CLOSED', '报名已截止，不能在线取消，请联系活动负责人')
  }
  const cancelled = await giveBackPlace(deps, activity, openid, mine.id, nowIso(deps))
  if (!cancelled) throw conflict('你没有可以取消的报名')
  return cancelled
}

/**
 * The one cancel path (the person's cancel, and their data deletion): registered → cancelled with
 * the place given back to the activity's counter, and the first member waiting promoted into it.
 */
async function giveBackPlace(deps: Deps, activity: Activity, openid: string, id: string, at: string): Promise<PublicRegistration | null> {
  const cancelled = await deps.store.publicRegistrations.cancel(activity.id, openid, id, at)
  if (cancelled && activity.status === 'published' && activity.waitlistCount > 0) {
    for (const promoted of await deps.store.registrations.promoteWaitlist(activity.id, at, 1)) await tellPromoted(deps, activity, promoted)
  }
  return cancelled
}

/**
 * 现场签到 for the public: the activity's rotating QR token or its 6-digit code checks in every
 * participant the account holds a place for (a parent arrives with their children). The same
 * window and the same guessing limits as members' check-in; only someone holding a place may try.
 */
export async function publicCheckIn(deps: Deps, caller: Caller, input: ActionPayload<'platform.publicCheckIn'>): Promise<PublicRegistration[]> {
  const openid = caller.openid
  if (!openid) throw forbidden('请先登录')
  const secret = requireSecret(deps)
  const activity = await requirePublicActivity(deps, input.activityId)
  const now = deps.clock.now().getTime()
  const { from, until } = checkInWindow(activity)
  if (now < from || now > until) throw conflict('不在签到时间内（活动开始前1小时至结束）')
  const held = (await deps.store.publicRegistrations.mine(activity.id, openid)).filter((r) => r.status === 'registered')
  if (held.length === 0) throw forbidden('没有找到有效的报名，已取消的报名不能签到')
  if (input.shortCode) {
    const perPerson = LIMITS.checkInCodePerMember
    const perActivity = LIMITS.checkInCodePerActivity(activity.capacity)
    const allowed =
      (await withinLimit(deps, `checkin:${openid}`, perPerson.max, perPerson.windowMs)) &&
      (await withinLimit(deps, `checkin-activity:${activity.id}`, perActivity.max, perActivity.windowMs))
    if (!allowed) throw new AppError('RATE_LIMITED', '尝试次数过多，请1分钟后再试')
    if (!shortCodeMatches(secret, activity.id, input.shortCode, now)) throw invalidInput('shortCode', '签到码不正确或已过期，请看现场屏幕上的最新签到码')
  } else if (!input.token || !tokenMatches(secret, activity.id, input.token, now)) {
    throw invalidInput('token', '签到码不正确或已过期，请重新扫描现场的签到码')
  }
  return (await deps.store.publicRegistrations.checkIn(activity.id, openid, nowIso(deps))).filter((r) => r.status === 'registered')
}

// ——— the person's own data (PIPL art. 45 and 47), members and non-members alike ———

async function activitiesById(deps: Deps, ids: string[]): Promise<Map<string, Activity>> {
  const found = await Promise.all([...new Set(ids)].map((id) => deps.store.activities.get(id)))
  return new Map(found.filter((a): a is Activity => a !== null).map((a) => [a.id, a]))
}

/** Every public sign-up the person made (for themself or a child), newest first, with the activity's title and time. */
export async function exportedPublicSignUps(deps: Deps, openid: string): Promise<ExportedPublicSignUp[]> {
  const rows = await deps.store.publicRegistrations.listOf(openid, EXPORT_MAX_PER_KIND)
  const activities = await activitiesById(deps, rows.map((r) => r.activityId))
  return rows.map((r) => {
    const activity = activities.get(r.activityId)
    return {
      activityId: r.activityId,
      activityTitle: activity?.title ?? '',
      activityStartAt: activity?.startAt ?? '',
      activityEndAt: activity?.endAt ?? '',
      name: r.name,
      age: r.age,
      school: r.school,
      grade: r.grade,
      phone: r.phone,
      guardian: r.guardian,
      status: r.status,
      checkedInAt: r.checkedInAt,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    }
  })
}

/** `platform.exportMyPublicData`: what a signed-in person gave in public sign-ups, whether or not they joined. */
export async function exportMyPublicData(deps: Deps, caller: Caller): Promise<PublicDataExport> {
  const openid = caller.openid
  if (!openid) throw forbidden('请先登录')
  const [publicSignUps, surveys] = await Promise.all([exportedPublicSignUps(deps, openid), deps.store.surveys.mine(openid, null, EXPORT_MAX_PER_KIND)])
  const publicSurveys = surveys.items.filter(({ survey }) => survey.publicLink).map(({ survey }) => ({ surveyId: survey.id, title: survey.title }))
  return { exportedAt: nowIso(deps), notice: PUBLIC_DATA_EXPORT_NOTICE, publicSignUps, publicSurveys }
}

/**
 * Deletes every public sign-up the person made. A place still held for an activity that has not
 * ended goes back through the cancel path (counter, waitlist promotion); after the end the count
 * stays as the anonymous `publicCount`, as the retention purge leaves it. How many were deleted.
 */
export async function forgetPublicSignUpsOf(deps: Deps, openid: string): Promise<number> {
  const at = nowIso(deps)
  const now = deps.clock.now().getTime()
  // At most PUBLIC_PARTICIPANTS_MAX rows per activity and person, so the export cap bounds this far above any real case.
  const held = (await deps.store.publicRegistrations.listOf(openid, EXPORT_MAX_PER_KIND)).filter((r) => r.status === 'registered')
  const activities = await activitiesById(deps, held.map((r) => r.activityId))
  for (const r of held) {
    const activity = activities.get(r.activityId)
    // Each place goes to the next member waiting (promoting from an empty waitlist promotes nobody).
    if (activity && now < Date.parse(activity.endAt)) await giveBackPlace(deps, activity, openid, r.id, at)
  }
  return deps.store.publicRegistrations.removeAllOf(openid)
}

/**
 * `platform.deleteMyPublicData`: a person (typically a parent who never joined) deletes what they
 * gave; remembered answers of their writes (which hold the sign-ups) go too.
 */
export async function deleteMyPublicData(deps: Deps, caller: Caller): Promise<{ deleted: number }> {
  const openid = caller.openid
  if (!openid) throw forbidden('请先登录')
  const deleted = await forgetPublicSignUpsOf(deps, openid)
  // Someone who never joined holds only public-link 已提交 rows in surveys (no drafts, no named
  // answers): they go too. A member's survey records go with their account (member.deleteMyAccount).
  if (!(await deps.store.members.get(openid))) await deps.store.surveys.forgetMember(openid)
  await deps.store.idempotency.forgetCaller(openid)
  return { deleted }
}

const lineId = (id: string) => createHash('sha256').update(id).digest('hex').slice(0, 24)

function lineOf(r: PublicRegistration): PublicRegistrationLine {
  return {
    id: lineId(r.id),
    name: r.name,
    age: r.age,
    school: r.school,
    grade: r.grade,
    phoneMasked: maskPhone(r.phone),
    guardianName: r.guardian?.name ?? '',
    guardianRelation: r.guardian ? relationName(r.guardian.relation) : '',
    guardianPhoneMasked: r.guardian ? maskPhone(r.guardian.phone) : '',
    status: r.status,
    checkedIn: r.checkedInAt !== null,
    createdAt: r.createdAt,
  }
}

async function requireManagedActivity(deps: Deps, caller: Caller, activityId: string): Promise<Activity> {
  const activity = await deps.store.activities.get(activityId)
  if (!activity) throw notFound('没有找到这个活动')
  if (!canManageActivity(caller, activity)) throw forbidden('只能查看自己负责的活动的报名')
  return activity
}

/** The activity's managers: its public sign-ups, phones masked (the export has them whole for staff). */
export async function listPublicRegistrations(
  deps: Deps,
  caller: Caller,
  input: ActionPayload<'platform.publicRegistrations'>,
): Promise<Page<PublicRegistrationLine>> {
  const activity = await requireManagedActivity(deps, caller, input.activityId)
  const page = await deps.store.publicRegistrations.listForActivity(activity.id, input.cursor ?? null, pageSize(input.limit))
  return { items: page.items.map(lineOf), nextCursor: page.nextCursor }
}

/**
 * The retention rule the scheduler runs: public sign-ups of activities that ended more than
 * PUBLIC_RETENTION_DAYS ago are deleted (the activity keeps its anonymous `publicCount`).
 */
export async function purgeExpiredPublicSignUps(deps: Deps): Promise<number> {
  const endedBefore = toIsoString(new Date(deps.clock.now().getTime() - PUBLIC_RETENTION_DAYS * DAY))
  const { deleted } = await deps.store.publicRegistrations.purgeEnded(endedBefore, PURGE_BATCH)
  return deleted
}
