import {
  maskPhone,
  NOMINATION_STATE_NAMES,
  type ActionPayload,
  type Award,
  type BlindMaterials,
  type HonourRecord,
  type HonourRole,
  type Juror,
  type JuryAssignment,
  type Nomination,
  type NominationAction,
  type NominationView,
  type NoticeEntry,
  type Objection,
  type ObjectionLine,
} from '../../../types'
import type { Caller } from '../access/access'
import { recordAudit } from '../audit/audit'
import { toIsoString } from '../shared/clock'
import type { Deps } from '../shared/context'
import { conflict, forbidden, invalidInput, notFound } from '../shared/errors'
import { newId, newTimeOrderedId } from '../shared/ids'
import { requireWithinLimit } from '../shared/rate-limit'
import { checkObjectionFiler } from '../shared/objection'
import { nameVariants, redact } from './blind'
import { checkEligibility, hoursBetween } from './eligibility'
import { isFinal, transition } from './transitions'
import { workingDayPeriod } from './working-days'
import { honourAwarded, notifyNominee } from './after-award'
import { notifyStep } from './step-notices'
import { checkMaterialFiles } from './materials'

const today = (deps: Deps): string => toIsoString(deps.clock.now()).slice(0, 10)
export const nowIso = (deps: Deps): string => toIsoString(deps.clock.now())

// ——— award definitions (staff) ———

export async function createAward(deps: Deps, caller: Caller, input: ActionPayload<'honour.awardCreate'>): Promise<Award> {
  checkAwardRules(input)
  const at = nowIso(deps)
  const award: Award = { ...input, id: newId('aw'), status: 'open', createdAt: at, updatedAt: at, isDemo: false }
  await deps.store.honours.saveAward(award)
  await recordAudit(deps, caller, { action: 'honour.awardCreate', summary: `新建奖项“${award.name}”` })
  return award
}

/** A definition changes only before nominations arrive: rules changed mid-round would be unfair. */
export async function updateAward(deps: Deps, caller: Caller, input: ActionPayload<'honour.awardUpdate'>): Promise<Award> {
  checkAwardRules(input)
  const current = await requireAward(deps, input.id)
  if (current.status === 'closed') throw conflict('该奖项已结束，不能修改')
  const nominations = await deps.store.honours.listNominations({ awardId: current.id })
  if (nominations.some((n) => n.state !== 'withdrawn')) throw conflict('该奖项已收到提名，不能再修改规则')
  const award: Award = { ...current, ...input, updatedAt: nowIso(deps) }
  await deps.store.honours.saveAward(award)
  await recordAudit(deps, caller, { action: 'honour.awardUpdate', summary: `修改奖项“${award.name}”` })
  return award
}

/**
 * Closes an award once its results are published: every nomination has reached its end (awarded,
 * or stopped short of it). From then on it takes no nominations; a revocation is still possible.
 */
export async function closeAward(deps: Deps, caller: Caller, input: ActionPayload<'honour.awardClose'>): Promise<Award> {
  const current = await requireAward(deps, input.id)
  if (current.status === 'closed') return current
  const nominations = await deps.store.honours.listNominations({ awardId: current.id })
  const pending = nominations.filter((n) => n.state !== 'awarded' && !isFinal(n.state))
  if (pending.length > 0) throw conflict(`还有${pending.length}个提名未完成评选，结果公布后才能结束该奖项`)
  const award: Award = { ...current, status: 'closed', updatedAt: nowIso(deps) }
  await deps.store.honours.saveAward(award)
  await recordAudit(deps, caller, { action: 'honour.awardClose', summary: `结束奖项“${award.name}”，不再接受提名` })
  return award
}

function checkAwardRules(input: ActionPayload<'honour.awardCreate'>): void {
  const { minAge, maxAge } = input.eligibility
  if (minAge !== null && maxAge !== null && minAge > maxAge) throw invalidInput('eligibility.maxAge', '最大年龄不能小于最小年龄')
}

export async function listAwards(deps: Deps): Promise<Award[]> {
  return deps.store.honours.listAwards()
}

export async function viewAward(deps: Deps, input: ActionPayload<'honour.award'>): Promise<Award> {
  return requireAward(deps, input.id)
}

export async function requireAward(deps: Deps, id: string): Promise<Award> {
  const award = await deps.store.honours.getAward(id)
  if (!award) throw notFound('没有找到这个奖项')
  return award
}

// ——— the state machine, applied ———

/** What the caller is to this nomination (see HONOUR_ROLES). */
export function rolesOf(caller: Caller, nomination: Nomination): HonourRole[] {
  const roles: HonourRole[] = []
  if (!caller.openid) return roles
  roles.push('public')
  if (caller.openid === nomination.nomineeOpenid) roles.push('nominee')
  if (caller.openid === nomination.nominatorOpenid) roles.push('nominator')
  if (caller.member?.role === 'station_head' && nomination.stationId !== null && caller.member.stationId === nomination.stationId) roles.push('unit')
  if (caller.isStaff) roles.push('staff')
  return roles
}

const REFUSALS = {
  HONOUR_BAD_TRANSITION: (n: Nomination) => conflict(`该提名当前为“${NOMINATION_STATE_NAMES[n.state]}”，不能进行此操作`),
  HONOUR_ROLE_FORBIDDEN: () => forbidden('你无权对该提名进行此操作'),
}

/**
 * Moves a nomination by one action of the table: refused unless the table allows it for one of
 * the caller's roles; written only if nobody changed it meanwhile; history and audit appended.
 */
async function move(
  deps: Deps,
  caller: Caller,
  nomination: Nomination,
  action: NominationAction,
  patch: Partial<Nomination> = {},
  note = '',
): Promise<Nomination> {
  const outcome = transition(nomination.state, action, rolesOf(caller, nomination))
  if (!outcome.ok) throw REFUSALS[outcome.code](nomination)
  const at = nowIso(deps)
  const next: Nomination = { ...nomination, ...patch, state: outcome.to, version: nomination.version + 1, updatedAt: at }
  const event = {
    id: newTimeOrderedId('he', deps.clock.now()),
    nominationId: nomination.id,
    at,
    action,
    from: nomination.state,
    to: outcome.to,
    actorOpenid: caller.openid ?? '',
    note,
  }
  if (!(await deps.store.honours.updateNomination(next, nomination.version, event))) {
    throw conflict('该提名刚被其他人处理过，请刷新后重试')
  }
  await recordAudit(deps, caller, {
    action: `honour.${action}`,
    stationId: nomination.stationId,
    subjectOpenid: nomination.nomineeOpenid,
    summary: `${nomination.awardName}：${nomination.nomineeName} ${NOMINATION_STATE_NAMES[nomination.state]} → ${NOMINATION_STATE_NAMES[outcome.to]}${note ? `（${note}）` : ''}`,
  })
  await notifyStep(deps, caller, action, next, note)
  return next
}

export async function requireNomination(deps: Deps, id: string): Promise<Nomination> {
  const nomination = await deps.store.honours.getNomination(id)
  if (!nomination) throw notFound('没有找到这个提名')
  return nomination
}

// ——— nominating ———

export async function nominate(deps: Deps, caller: Caller, input: ActionPayload<'honour.nominate'>): Promise<Nomination> {
  const award = await requireAward(deps, input.awardId)
  if (award.status !== 'open') throw conflict('该奖项已停止提名')
  const nomineeOpenid = input.nomineeOpenid || caller.openid || ''
  const nominee = await deps.store.members.get(nomineeOpenid)
  if (!nominee) throw invalidInput('nomineeOpenid', '被提名人须是翼展联盟成员')
  const self = nomineeOpenid === caller.openid
  const asHead = caller.member?.role === 'station_head' && nominee.stationId !== null && caller.member.stationId === nominee.stationId
  if (!self && !asHead && !caller.isStaff) throw forbidden('只能提名自己；站长可提名本驿站成员')
  const m = input.materials
  if (award.kind === 'individual' && (award.eligibility.minAge !== null || award.eligibility.maxAge !== null) && !m.birthDate) {
    throw invalidInput('materials.birthDate', '请填写出生日期（用于核对年龄条件）')
  }
  if (award.requiredMaterials.includes('photos') && m.photos.length === 0) throw invalidInput('materials.photos', '请上传照片')
  if (award.requiredMaterials.includes('files') && m.files.length === 0) throw invalidInput('materials.files', '请上传附件')
  await checkMaterialFiles(deps, m)
  if (award.kind === 'collective' && (!m.collectiveName || m.memberCount === null || m.youthCount === null)) {
    throw invalidInput('materials.collectiveName', '集体奖项请填写集体名称、人数和35岁以下人数')
  }
  const open = await deps.store.honours.listNominations({ awardId: award.id, nomineeOpenid })
  if (open.some((n) => n.state !== 'withdrawn')) throw conflict('该成员已被提名此奖项')
  const at = nowIso(deps)
  const nomination: Nomination = {
    id: newId('nm'),
    awardId: award.id,
    awardName: award.name,
    kind: award.kind,
    nomineeOpenid,
    nomineeName: award.kind === 'collective' ? m.collectiveName : nominee.name,
    stationId: nominee.stationId,
    university: nominee.university,
    county: nominee.hometownCounty,
    degree: nominee.degree,
    nominatorOpenid: caller.openid ?? '',
    nominatorKind: self ? 'self' : asHead ? 'head' : 'staff',
    confirmedAt: self ? at : null,
    materials: m,
    state: 'draft',
    version: 1,
    rank: null,
    publicity: null,
    notice: null,
    screening: null,
    jury: null,
    revokedNote: '',
    createdAt: at,
    updatedAt: at,
    isDemo: false,
  }
  const event = { id: newTimeOrderedId('he', deps.clock.now()), nominationId: nomination.id, at, action: 'create' as const, from: 'draft' as const, to: 'draft' as const, actorOpenid: caller.openid ?? '', note: '' }
  await deps.store.honours.insertNomination(nomination, event)
  await recordAudit(deps, caller, { action: 'honour.nominate', stationId: nomination.stationId, subjectOpenid: nomineeOpenid, summary: `提名${nomination.nomineeName}参评${award.name}` })
  if (!self) {
    await notifyNominee(deps, caller, nomination, `你被提名参评${award.name}`, `你被提名参评“${award.name}”，请在“评优评先”中核对材料，属实后确认提名。`)
  }
  return nomination
}

export async function confirmNomination(deps: Deps, caller: Caller, input: ActionPayload<'honour.confirm'>): Promise<Nomination> {
  const nomination = await requireNomination(deps, input.id)
  return move(deps, caller, nomination, 'confirm', { confirmedAt: nomination.confirmedAt ?? nowIso(deps) })
}

export async function submitNomination(deps: Deps, caller: Caller, input: ActionPayload<'honour.submit'>): Promise<Nomination> {
  const nomination = await requireNomination(deps, input.id)
  if (!nomination.confirmedAt && nomination.state === 'draft' && rolesOf(caller, nomination).includes('nominator')) {
    throw conflict('被提名人确认后才能提交')
  }
  return move(deps, caller, nomination, 'submit')
}

export async function reviseNomination(deps: Deps, caller: Caller, input: ActionPayload<'honour.revise'>): Promise<Nomination> {
  const nomination = await requireNomination(deps, input.id)
  await checkMaterialFiles(deps, input.materials)
  return move(deps, caller, nomination, 'revise', { materials: input.materials })
}

/** Generic one-step moves that need nothing but a note: return, withdraw. */
export function simpleMove(action: 'return' | 'withdraw') {
  return async (deps: Deps, caller: Caller, input: ActionPayload<'honour.return'>): Promise<Nomination> =>
    move(deps, caller, await requireNomination(deps, input.id), action, {}, input.note)
}

// ——— unit publicity and ranked recommendation ———

export async function startPublicity(deps: Deps, caller: Caller, input: ActionPayload<'honour.startPublicity'>): Promise<Nomination> {
  const nomination = await requireNomination(deps, input.id)
  const award = await requireAward(deps, nomination.awardId)
  const publicity = workingDayPeriod(today(deps), award.unitPublicityDays)
  return move(deps, caller, nomination, 'start_publicity', { publicity }, `单位内公示 ${publicity.start} 至 ${publicity.end}`)
}

export async function unitDecide(deps: Deps, caller: Caller, input: ActionPayload<'honour.unitDecide'>): Promise<Nomination> {
  const nomination = await requireNomination(deps, input.id)
  if (input.approve && nomination.publicity && today(deps) <= nomination.publicity.end) {
    throw conflict(`单位内公示至${nomination.publicity.end}结束，期满后才能通过`)
  }
  return move(deps, caller, nomination, input.approve ? 'unit_approve' : 'unit_reject', {}, input.note)
}

export async function recommend(deps: Deps, caller: Caller, input: ActionPayload<'honour.recommend'>): Promise<Nomination[]> {
  const award = await requireAward(deps, input.awardId)
  if (new Set(input.ranked).size !== input.ranked.length) throw invalidInput('ranked', '推荐顺序中有重复的提名')
  const candidates = await Promise.all(input.ranked.map((id) => requireNomination(deps, id)))
  for (const n of candidates) {
    if (n.awardId !== award.id || n.stationId !== input.stationId) throw invalidInput('ranked', `“${n.nomineeName}”不属于本驿站的该奖项提名`)
    if (n.state !== 'unit_approved') throw conflict(`“${n.nomineeName}”尚未通过单位内公示`)
  }
  const all = await deps.store.honours.listNominations({ awardId: award.id })
  const sameUnit = (n: Nomination) => (award.quotaScope === 'county' ? n.county === candidates[0]!.county : n.stationId === input.stationId)
  const used = all.filter((n) => sameUnit(n) && n.rank !== null && n.state !== 'withdrawn').length
  if (used + candidates.length > award.quotaPerUnit) {
    throw invalidInput('ranked', `超出名额：每个${award.quotaScope === 'county' ? '县区' : '驿站'}最多推荐${award.quotaPerUnit}名，已推荐${used}名`)
  }
  const out: Nomination[] = []
  for (const [index, n] of candidates.entries()) out.push(await move(deps, caller, n, 'recommend', { rank: used + index + 1 }, `推荐第${used + index + 1}名`))
  return out
}

// ——— league screening: automatic eligibility and completeness ———

export async function screen(deps: Deps, caller: Caller, input: ActionPayload<'honour.screen'>): Promise<Nomination[]> {
  const award = await requireAward(deps, input.awardId)
  // In the units' ranked order, so the answer reads like the recommendation lists.
  const waiting = (await deps.store.honours.listNominations({ awardId: award.id, state: 'screening' })).sort(
    (a, b) => (a.stationId ?? '').localeCompare(b.stationId ?? '') || (a.rank ?? 99) - (b.rank ?? 99),
  )
  const out: Nomination[] = []
  for (const n of waiting) {
    const history = await deps.store.registrations.historyOf(n.nomineeOpenid, 500)
    const activityHours = history
      .filter((h) => h.registration.status === 'checked_in')
      .reduce((sum, h) => sum + hoursBetween(h.activity.startAt, h.activity.endAt), 0)
    const result = checkEligibility(award.eligibility, { kind: n.kind, birthDate: n.materials.birthDate, degree: n.degree, activityHours, materials: n.materials })
    out.push(await move(deps, caller, n, result.eligible ? 'screen_pass' : 'screen_reject', { screening: result }, result.reasons.join('；')))
  }
  return out
}

// ——— jury ———

export async function createJuror(deps: Deps, caller: Caller, input: ActionPayload<'honour.jurorCreate'>): Promise<Juror> {
  const juror: Juror = { ...input, id: newId('jr'), openid: null, inviteCode: newId('', 16), createdAt: nowIso(deps) }
  await deps.store.honours.saveJuror(juror)
  await recordAudit(deps, caller, { action: 'honour.jurorCreate', summary: `评委库新增${juror.name}` })
  return juror
}

export async function listJurors(deps: Deps): Promise<Juror[]> {
  return deps.store.honours.listJurors()
}

/** A juror's invite, redeemed by whoever opens it signed in: from then on their openid is the juror. */
export async function redeemInvite(deps: Deps, caller: Caller, input: ActionPayload<'honour.redeemInvite'>): Promise<{ jurorId: string; name: string }> {
  const juror = await deps.store.honours.jurorByCode(input.code)
  if (!juror) throw notFound('邀请码无效')
  if (juror.openid !== caller.openid) {
    if (juror.openid || !(await deps.store.honours.bindJuror(juror.id, caller.openid ?? ''))) throw conflict('该邀请已被使用')
  }
  return { jurorId: juror.id, name: juror.name }
}

export const assignment = (nominationId: string, jurorId: string, drawOrder: number, status: JuryAssignment['status'], conflictReason: string): JuryAssignment => ({
  nominationId,
  jurorId,
  drawOrder,
  status,
  conflictReason,
  declaredAt: null,
  score: null,
  approve: null,
  comment: '',
  scoredAt: null,
})

export async function requireJuror(deps: Deps, caller: Caller): Promise<Juror> {
  const juror = caller.openid ? await deps.store.honours.jurorByOpenid(caller.openid) : null
  if (!juror) throw forbidden('仅受邀评委可以进行此操作，请先打开评委邀请')
  return juror
}

export async function requireAssignment(deps: Deps, juror: Juror, nominationId: string): Promise<JuryAssignment> {
  const mine = (await deps.store.honours.assignmentsOf(nominationId)).find((a) => a.jurorId === juror.id)
  if (!mine || mine.status === 'auto_conflicted') throw forbidden('你不是该提名的评委')
  return mine
}

/** The juror's list: materials only after the declaration, blind (no name, unit, place; texts masked). */
export async function myReviews(deps: Deps, caller: Caller): Promise<BlindMaterials[]> {
  const juror = await requireJuror(deps, caller)
  const mine = (await deps.store.honours.assignmentsOfJuror(juror.id)).filter((a) => a.status !== 'auto_conflicted' && a.status !== 'conflicted')
  const out: BlindMaterials[] = []
  for (const [index, a] of mine.entries()) {
    const n = await requireNomination(deps, a.nominationId)
    const shown = a.status === 'declared' || a.status === 'scored'
    const station = n.stationId ? await deps.store.stations.get(n.stationId) : null
    const words = [...nameVariants(n.nomineeName), n.university, station?.name ?? '', n.materials.collectiveName]
    out.push({
      nominationId: n.id,
      label: `材料${index + 1}`,
      awardName: n.awardName,
      kind: n.kind,
      degree: n.degree,
      deeds: shown ? redact(n.materials.deeds, words) : '',
      summary: shown ? redact(n.materials.summary, words) : '',
      photoCount: shown ? n.materials.photos.length : 0,
      fileCount: shown ? n.materials.files.length : 0,
      photos: shown ? n.materials.photos : [],
      files: shown ? n.materials.files.map((f) => ({ name: redact(f.name, words), fileId: f.fileId })) : [],
      declared: shown,
      myScore: a.status === 'scored' && a.score !== null && a.approve !== null ? { score: a.score, approve: a.approve, comment: a.comment } : null,
    })
  }
  return out
}

export async function score(deps: Deps, caller: Caller, input: ActionPayload<'honour.score'>): Promise<JuryAssignment> {
  const juror = await requireJuror(deps, caller)
  const mine = await requireAssignment(deps, juror, input.id)
  if (mine.status === 'invited') throw conflict('请先声明是否存在利益冲突')
  if (mine.status === 'conflicted') throw forbidden('你已回避该提名')
  const nomination = await requireNomination(deps, input.id)
  if (nomination.state !== 'jury_review') throw conflict('评审已结束')
  const scored: JuryAssignment = { ...mine, status: 'scored', score: input.score, approve: input.approve, comment: input.comment, scoredAt: nowIso(deps) }
  await deps.store.honours.saveAssignment(scored)
  await recordAudit(deps, caller, { action: 'honour.score', stationId: nomination.stationId, summary: `评委${juror.name}完成评分` })
  return scored
}

/** Shortlisted when more than the award's majority share of the panel voted yes. */
export async function tally(deps: Deps, caller: Caller, input: ActionPayload<'honour.tally'>): Promise<Nomination> {
  const nomination = await requireNomination(deps, input.id)
  const award = await requireAward(deps, nomination.awardId)
  const panel = (await deps.store.honours.assignmentsOf(nomination.id)).filter((a) => a.status !== 'auto_conflicted' && a.status !== 'conflicted')
  if (panel.length === 0) throw conflict('尚未抽取评委')
  if (panel.some((a) => a.status !== 'scored')) throw conflict('还有评委未完成评分')
  const yes = panel.filter((a) => a.approve === true).length
  const meanScore = Math.round((panel.reduce((s, a) => s + (a.score ?? 0), 0) / panel.length) * 10) / 10
  const passed = yes * 100 > award.juryMajorityPercent * panel.length
  return move(deps, caller, nomination, passed ? 'shortlist' : 'not_shortlist', { jury: { yes, panel: panel.length, meanScore } }, `同意${yes}/${panel.length}，均分${meanScore}`)
}

// ——— 公示 and objections ———

export async function publishNotice(deps: Deps, caller: Caller, input: ActionPayload<'honour.publishNotice'>): Promise<Nomination[]> {
  const award = await requireAward(deps, input.awardId)
  const shortlisted = await deps.store.honours.listNominations({ awardId: award.id, state: 'shortlisted' })
  if (shortlisted.length === 0) throw conflict('没有入围的提名')
  const notice = workingDayPeriod(today(deps), award.noticeDays)
  const out: Nomination[] = []
  for (const n of shortlisted) out.push(await move(deps, caller, n, 'publish_notice', { notice }, `公示 ${notice.start} 至 ${notice.end}`))
  return out
}

/** The public 公示 list: publishable facts only (name, school, summary, dates). */
export async function noticeList(deps: Deps, input: ActionPayload<'honour.noticeList'>): Promise<NoticeEntry[]> {
  const filter = input.awardId ? { awardId: input.awardId } : {}
  const [open, checking] = await Promise.all([
    deps.store.honours.listNominations({ ...filter, state: 'public_notice' }),
    deps.store.honours.listNominations({ ...filter, state: 'objection_check' }),
  ])
  return [...open, ...checking]
    .filter((n) => n.notice !== null)
    .map((n) => ({ nominationId: n.id, awardName: n.awardName, name: n.nomineeName, university: n.university, summary: n.materials.summary, start: n.notice!.start, end: n.notice!.end }))
}

/** Objections per signed-in person per hour: enough to object to several names, not to flood the check. */
const OBJECTIONS_PER_HOUR = 10

/** Objections must carry a real name and phone (personal) or a unit and its seal (unit); never anonymous. */
export async function object(deps: Deps, caller: Caller, input: ActionPayload<'honour.object'>): Promise<{ received: true; id: string }> {
  const filer = await checkObjectionFiler(deps, input)
  await requireWithinLimit(deps, `honour.object:${caller.openid ?? ''}`, OBJECTIONS_PER_HOUR, 60 * 60_000, '提交过于频繁，请稍后再试')
  const nomination = await requireNomination(deps, input.id)
  if (nomination.notice && today(deps) > nomination.notice.end) throw conflict(`公示已于${nomination.notice.end}结束`)
  const objection: Objection = {
    id: newId('ob'),
    nominationId: nomination.id,
    ...filer,
    reason: input.reason,
    filerOpenid: caller.openid ?? '',
    createdAt: nowIso(deps),
    outcome: null,
  }
  await move(deps, caller, nomination, 'object', {}, '收到实名异议')
  await deps.store.honours.saveObjection(objection)
  return { received: true, id: objection.id }
}

export async function listObjections(deps: Deps, input: ActionPayload<'honour.objections'>): Promise<ObjectionLine[]> {
  const objections = await deps.store.honours.objectionsOf(input.id)
  return objections.map(({ phone, filerOpenid: _filer, ...rest }) => ({ ...rest, phoneMasked: phone ? maskPhone(phone) : '' }))
}

export async function resolveObjections(deps: Deps, caller: Caller, input: ActionPayload<'honour.resolveObjections'>): Promise<Nomination> {
  const nomination = await requireNomination(deps, input.id)
  const next = await move(deps, caller, nomination, input.decision === 'upheld' ? 'uphold_objection' : 'dismiss_objections', {}, input.note)
  const outcome = { decision: input.decision, note: input.note, at: nowIso(deps), byOpenid: caller.openid ?? '' }
  for (const o of await deps.store.honours.objectionsOf(nomination.id)) if (!o.outcome) await deps.store.honours.saveObjection({ ...o, outcome })
  return next
}

export async function closeNotice(deps: Deps, caller: Caller, input: ActionPayload<'honour.closeNotice'>): Promise<Nomination> {
  const nomination = await requireNomination(deps, input.id)
  if (nomination.notice && today(deps) <= nomination.notice.end) throw conflict(`公示至${nomination.notice.end}结束，期满后才能审定`)
  return move(deps, caller, nomination, 'close_notice')
}

/** Who the scheduler acts as when it closes a 公示: staff's rights, no person (the history says so). */
export const SCHEDULER_CALLER: Caller = { openid: 'system:scheduler', member: null, isStaff: true }

/**
 * The timer's part (core/scheduler): a 公示 that ended with no objection (the nomination is still
 * 公示中 — an objection moves it to 异议核查) closes as 审定通过, as staff would by hand. The award
 * itself stays a staff decision (授予荣誉). Safe to repeat: a closed one is no longer 公示中, and a
 * move that lost a race to staff is skipped. Returns how many it closed.
 */
export async function closeEndedNotices(deps: Deps): Promise<number> {
  const day = today(deps)
  let closed = 0
  for (const n of await deps.store.honours.listNominations({ state: 'public_notice' })) {
    if (!n.notice || day <= n.notice.end) continue
    try {
      await move(deps, SCHEDULER_CALLER, n, 'close_notice', {}, `公示期满（${n.notice.start} 至 ${n.notice.end}）无异议，自动审定通过`)
      closed += 1
    } catch {
      // Moved by someone else meanwhile (an objection, staff): theirs stands.
    }
  }
  return closed
}

// ——— award, revocation, results ———

export async function grant(deps: Deps, caller: Caller, input: ActionPayload<'honour.grant'>): Promise<Nomination> {
  const nomination = await requireNomination(deps, input.id)
  const awarded = await move(deps, caller, nomination, 'award')
  await honourAwarded(deps, caller, awarded)
  return awarded
}

export async function revoke(deps: Deps, caller: Caller, input: ActionPayload<'honour.revoke'>): Promise<Nomination> {
  const nomination = await requireNomination(deps, input.id)
  return move(deps, caller, nomination, 'revoke', { revokedNote: input.note }, input.note)
}

/** The public results: awarded (and revoked, with the public note). */
export async function results(deps: Deps, input: ActionPayload<'honour.results'>): Promise<(NoticeEntry & { revokedNote: string })[]> {
  const [awarded, revoked] = await Promise.all([
    deps.store.honours.listNominations({ awardId: input.awardId, state: 'awarded' }),
    deps.store.honours.listNominations({ awardId: input.awardId, state: 'revoked' }),
  ])
  return [...awarded, ...revoked].map((n) => ({
    nominationId: n.id,
    awardName: n.awardName,
    name: n.nomineeName,
    university: n.university,
    summary: n.materials.summary,
    start: n.notice?.start ?? '',
    end: n.notice?.end ?? '',
    revokedNote: n.revokedNote,
  }))
}

/** The member's honours for the 翼展档案. */
export async function honoursOf(deps: Deps, openid: string): Promise<HonourRecord[]> {
  const awarded = await deps.store.honours.listNominations({ nomineeOpenid: openid, state: 'awarded' })
  const out: HonourRecord[] = []
  for (const n of awarded) {
    const award = await deps.store.honours.getAward(n.awardId)
    out.push({ nominationId: n.id, awardName: n.awardName, level: award?.level ?? 'city', awardedAt: n.updatedAt })
  }
  return out
}

// ——— reading nominations ———

export async function viewNomination(deps: Deps, caller: Caller, input: ActionPayload<'honour.get'>): Promise<NominationView> {
  const nomination = await requireNomination(deps, input.id)
  const roles = rolesOf(caller, nomination)
  if (!roles.some((r) => r !== 'public')) throw forbidden('只能查看自己相关的提名')
  return { ...nomination, history: await deps.store.honours.eventsOf(nomination.id) }
}

export async function listNominations(deps: Deps, caller: Caller, input: ActionPayload<'honour.list'>): Promise<Nomination[]> {
  const base = { ...(input.awardId ? { awardId: input.awardId } : {}), ...(input.state ? { state: input.state } : {}) }
  if (input.scope === 'all') {
    if (!caller.isStaff) throw forbidden('仅团市委工作人员可以查看全部提名')
    return deps.store.honours.listNominations(base)
  }
  if (input.scope === 'unit') {
    const stationId = caller.member?.role === 'station_head' ? caller.member.stationId : null
    if (!stationId) throw forbidden('仅站长可以查看本驿站的提名')
    return deps.store.honours.listNominations({ ...base, stationId })
  }
  const openid = caller.openid ?? ''
  const [forMe, byMe] = await Promise.all([
    deps.store.honours.listNominations({ ...base, nomineeOpenid: openid }),
    deps.store.honours.listNominations({ ...base, nominatorOpenid: openid }),
  ])
  const seen = new Set(forMe.map((n) => n.id))
  return [...forMe, ...byMe.filter((n) => !seen.has(n.id))]
}

