import { randomBytes } from 'node:crypto'
import type { ActionPayload, FieldItem, Member, UniversityMatch } from '../../../types'
import { PRIVACY_VERSION } from '../../../types'
import { toIsoString } from '../shared/clock'
import type { Deps } from '../shared/context'
import { AppError, conflict, invalidInput, notFound } from '../shared/errors'
import type { Caller } from '../access/access'
import type { MemberRecord, ProfileChanges } from './ports'
import { activeFields } from '../taxonomy/taxonomy'
import { matchUniversity } from '../taxonomy/universities'
import { forgetStoriesOf } from '../story/stories'
import { forgetCompetitionsOf } from '../competition/competitions'
import { forgetHonoursOf } from '../honour/forget'
import { forgetPublicSignUpsOf } from '../platform/outreach'
import { memberFactsChanged } from '../pipeline/facts'

/** The member as the wire shows it: staff is a role from configuration, not from the record. */
export function toMember(record: MemberRecord, isStaff: boolean): Member {
  return { ...record, role: isStaff ? 'staff' : record.role }
}

function requireOpenid(caller: Caller): string {
  if (!caller.openid) throw new AppError('UNAUTHENTICATED', '请先登录')
  return caller.openid
}

async function checkFieldIds(deps: Deps, ids: readonly string[] | undefined, current: readonly string[] = []) {
  if (!ids) return
  const active = new Set((await activeFields(deps)).map((f: FieldItem) => f.id))
  // A field retired after the member chose it may stay on their profile; it cannot be newly chosen.
  ids.forEach((id, index) => {
    if (!active.has(id) && !current.includes(id)) {
      throw invalidInput(`fields.${index}`, '所选重点产业领域已不可选，请重新选择')
    }
  })
}

export async function registerMember(
  deps: Deps,
  caller: Caller,
  input: ActionPayload<'member.register'>,
): Promise<Member> {
  const openid = requireOpenid(caller)
  if (caller.member) throw conflict('你已经加入翼展联盟了')
  if (input.consentVersion !== PRIVACY_VERSION) {
    throw invalidInput('consentVersion', '隐私保护指引已更新，请重新阅读并同意')
  }
  await checkFieldIds(deps, input.fields)
  const now = toIsoString(deps.clock.now())
  const { consentVersion, ...profile } = input
  const record: MemberRecord = {
    openid,
    role: 'student',
    stationId: null,
    stationJoinedAt: null,
    status: 'active',
    ...profile,
    consentVersion,
    consentAt: now,
    consentWithdrawnAt: null,
    joinedAt: now,
    updatedAt: now,
    isDemo: false,
  }
  // The store's unique key decides a race between two first registrations.
  if (!(await deps.store.members.create(record))) throw conflict('你已经加入翼展联盟了')
  await deps.store.privacy.recordConsent(openid, { kind: 'given', version: consentVersion, at: now })
  await memberFactsChanged(deps, openid)
  return toMember(record, caller.isStaff)
}

export async function updateMember(
  deps: Deps,
  caller: Caller,
  input: ActionPayload<'member.update'>,
): Promise<Member> {
  const openid = requireOpenid(caller)
  const current = caller.member
  if (!current) throw notFound('还没有加入翼展联盟')
  const changes: ProfileChanges = Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  )
  const enrollment = changes.enrollmentYear ?? current.enrollmentYear
  const graduation = changes.graduationYear ?? current.graduationYear
  if (graduation < enrollment) throw invalidInput('graduationYear', '毕业年份不能早于入学年份')
  await checkFieldIds(deps, changes.fields, current.fields)
  const updated = await deps.store.members.update(openid, changes, toIsoString(deps.clock.now()))
  if (!updated) throw notFound('还没有加入翼展联盟')
  await memberFactsChanged(deps, openid)
  return toMember(updated, caller.isStaff)
}

export async function deleteMyAccount(deps: Deps, caller: Caller): Promise<{ deleted: true }> {
  const openid = requireOpenid(caller)
  // Requests and leadership go first, so a crash in between leaves no dangling reference.
  await deps.store.membership.forgetMember(openid)
  await deps.store.registrations.forgetMember(openid, toIsoString(deps.clock.now()))
  await deps.store.messages.forgetMember(openid)
  await deps.store.policies.forgetMember(openid)
  await deps.store.demands.forgetMember(openid)
  await deps.store.notices.forgetMember(openid)
  await deps.store.pipeline.forgetMember(openid)
  await forgetStoriesOf(deps, openid, newPseudonym())
  await deps.store.platforms.forgetContact(openid)
  await forgetPublicSignUpsOf(deps, openid)
  await deps.store.surveys.forgetMember(openid)
  await forgetCompetitionsOf(deps, openid, newPseudonym())
  await forgetHonoursOf(deps, openid, newPseudonym())
  // Helper lists, the audit trail and the consent history (privacy-ports.ts says how).
  await deps.store.privacy.forgetMember(openid, newPseudonym())
  if (!(await deps.store.members.remove(openid))) throw notFound('还没有加入翼展联盟')
  // Remembered results of this caller's writes may hold their profile: they go too.
  await deps.store.idempotency.forgetCaller(openid)
  return { deleted: true }
}

/**
 * A stand-in for a deleted member in records that must stay (the audit trail): random, so it
 * links their entries to each other and to nothing else (a hash of the openid could be reversed
 * by anyone holding the openid).
 */
export function newPseudonym(): string {
  return `deleted-${randomBytes(6).toString('hex')}`
}

/** The listed university the caller's free-text 学校 most likely means (asked on 我的), or null. */
export async function universityMatchOf(_deps: Deps, caller: Caller): Promise<UniversityMatch | null> {
  const typed = caller.member?.university ?? ''
  const suggestion = matchUniversity(typed)
  return suggestion ? { typed, suggestion } : null
}

/**
 * 是: the profile's 学校 becomes the listed name. Only the name proposed for what is stored now is
 * accepted, so an old prompt cannot overwrite a 学校 changed since (the profile form edits freely).
 */
export async function confirmUniversity(deps: Deps, caller: Caller, input: ActionPayload<'member.confirmUniversity'>): Promise<Member> {
  const openid = requireOpenid(caller)
  const current = caller.member
  if (!current) throw notFound('还没有加入翼展联盟')
  const suggestion = matchUniversity(current.university)
  if (!suggestion) throw conflict('你的学校已经在名单上了，无需确认')
  if (suggestion.name !== input.university) throw invalidInput('university', `学校应为“${suggestion.name}”，请刷新后再确认`)
  const updated = await deps.store.members.update(openid, { university: suggestion.name }, toIsoString(deps.clock.now()))
  if (!updated) throw notFound('还没有加入翼展联盟')
  return toMember(updated, caller.isStaff)
}
