import { randomInt } from 'node:crypto'
import type { Activity, ActionPayload, DemandDraft, MyPlatforms, PlatformContactPerson, PlatformInvite, PlatformMemberCandidate } from '../../../types'
import { maskPhone } from '../../../types'
import { createActivity } from '../activity/activities'
import { recordAudit } from '../audit/audit'
import type { Caller } from '../access/access'
import { createDemand } from '../policy/policies'
import { toIsoString } from '../shared/clock'
import type { Deps } from '../shared/context'
import { conflict, forbidden, invalidInput, notFound, unauthenticated } from '../shared/errors'
import { newId } from '../shared/ids'
import { LIMITS, requireWithinLimit } from '../shared/rate-limit'

/**
 * Platform contacts (issue 19 §3): staff name a member, or invite an external person by a code,
 * as a platform's contact. A contact drafts that platform's activities and proposes its demands;
 * nothing they write is public until staff approve it. Scoped like a station head: only the
 * platforms they are a contact of, checked here on every call (a contact holds no role).
 */
const nowIso = (deps: Deps) => toIsoString(deps.clock.now())
const INVITE_DAYS = 14
const CONTACTS_MAX = 50
const MY_PLATFORMS_MAX = 20
const DRAFTS_MAX = 50
/** No 0/O, 1/I: a code read aloud or copied by hand. */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'

async function requireActivePlatform(deps: Deps, platformId: string) {
  const platform = await deps.store.platforms.get(platformId)
  if (!platform || platform.status !== 'active') throw notFound('没有找到这个创新平台')
  return platform
}

/** The caller must be a contact of the platform (staff may act for any). */
async function requireContact(deps: Deps, caller: Caller, platformId: string | null): Promise<string> {
  if (!caller.openid) throw unauthenticated()
  if (!platformId) throw invalidInput('platformId', '请选择创新平台')
  if (!caller.isStaff && !(await deps.store.platforms.isContact(platformId, caller.openid))) {
    throw forbidden('只能为自己负责的创新平台提交')
  }
  await requireActivePlatform(deps, platformId)
  return caller.openid
}

// ——— staff: who the contacts are ———

export async function addContact(deps: Deps, caller: Caller, input: ActionPayload<'platform.addContact'>): Promise<PlatformContactPerson> {
  const platform = await requireActivePlatform(deps, input.platformId)
  const member = await deps.store.members.get(input.openid)
  if (!member) throw invalidInput('openid', '没有找到这位成员')
  const contact: PlatformContactPerson = { platformId: platform.id, openid: member.openid, name: member.name, via: 'member', addedAt: nowIso(deps) }
  if (!(await deps.store.platforms.addContact(contact))) throw conflict('这位成员已经是本平台的联系人')
  await recordAudit(deps, caller, { action: 'platform.addContact', subjectOpenid: member.openid, summary: `指定「${platform.name}」联系人` })
  return contact
}

export async function removeContact(deps: Deps, caller: Caller, input: ActionPayload<'platform.removeContact'>): Promise<{ removed: true }> {
  if (!(await deps.store.platforms.removeContact(input.platformId, input.openid))) throw notFound('这个人不是本平台的联系人')
  await recordAudit(deps, caller, { action: 'platform.removeContact', subjectOpenid: input.openid, summary: '取消创新平台联系人' })
  return { removed: true }
}

export async function inviteContact(deps: Deps, caller: Caller, input: ActionPayload<'platform.inviteContact'>): Promise<PlatformInvite> {
  const platform = await requireActivePlatform(deps, input.platformId)
  const code = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
  const expiresAt = toIsoString(new Date(deps.clock.now().getTime() + INVITE_DAYS * 86_400_000))
  const invite: PlatformInvite = { platformId: platform.id, code, name: input.name, expiresAt }
  await deps.store.platforms.saveInvite(invite, nowIso(deps))
  await recordAudit(deps, caller, { action: 'platform.inviteContact', summary: `邀请「${input.name}」担任「${platform.name}」联系人` })
  return invite
}

/** How many members one search answers: staff narrow the words rather than page. */
const CANDIDATES_MAX = 20

/** Staff pick a contact from members found by name or university; phones masked, current contacts marked. */
export async function memberCandidates(deps: Deps, input: ActionPayload<'platform.memberCandidates'>): Promise<PlatformMemberCandidate[]> {
  const platform = await requireActivePlatform(deps, input.platformId)
  const [found, contacts] = await Promise.all([
    deps.store.platforms.searchMembers(input.q, CANDIDATES_MAX),
    deps.store.platforms.contactsOf(platform.id, CONTACTS_MAX),
  ])
  const current = new Set(contacts.map((c) => c.openid))
  return found.map((m) => ({ openid: m.openid, name: m.name, university: m.university, phoneMasked: maskPhone(m.phone), isContact: current.has(m.openid) }))
}

export const listContacts = (deps: Deps, input: ActionPayload<'platform.contacts'>) => deps.store.platforms.contactsOf(input.platformId, CONTACTS_MAX)

// ——— the invited person ———

/** Whoever redeems the code (signed in with WeChat, a member or not) becomes the contact. */
export async function acceptInvite(deps: Deps, caller: Caller, input: ActionPayload<'platform.acceptInvite'>): Promise<PlatformContactPerson> {
  if (!caller.openid) throw unauthenticated()
  // Codes are guessable only by brute force: a few tries per person.
  await requireWithinLimit(deps, `platform-invite:${caller.openid}`, LIMITS.joinRequest.max, LIMITS.joinRequest.windowMs, '尝试次数过多，请稍后再试')
  const invite = await deps.store.platforms.takeInvite(input.code, nowIso(deps))
  if (!invite) throw invalidInput('code', '邀请码无效或已过期，请向团市委工作人员索取新的邀请码')
  const contact: PlatformContactPerson = { platformId: invite.platformId, openid: caller.openid, name: invite.name, via: 'invite', addedAt: nowIso(deps) }
  await deps.store.platforms.addContact(contact)
  await recordAudit(deps, caller, { action: 'platform.acceptInvite', subjectOpenid: caller.openid, summary: `「${invite.name}」接受邀请，成为创新平台联系人` })
  return contact
}

// ——— contacts: drafts for their own platform ———

export async function submitActivity(deps: Deps, caller: Caller, input: ActionPayload<'platform.submitActivity'>): Promise<Activity> {
  const platformId = input.platformId
  await requireContact(deps, caller, platformId)
  const draft = await createActivity(deps, caller, { ...input, stationId: undefined }, platformId)
  return draft
}

export async function submitDemand(deps: Deps, caller: Caller, input: ActionPayload<'platform.submitDemand'>): Promise<DemandDraft> {
  const submittedBy = await requireContact(deps, caller, input.platformId)
  const { platformId: _pinned, ...demand } = input
  const draft: DemandDraft = {
    id: newId('dd'),
    platformId: input.platformId ?? '',
    submittedBy,
    demand,
    status: 'pending',
    reason: '',
    demandId: null,
    createdAt: nowIso(deps),
    decidedAt: null,
  }
  await deps.store.platforms.saveDemandDraft(draft)
  await recordAudit(deps, caller, { action: 'platform.submitDemand', summary: `提交岗位需求草稿「${demand.employer} · ${demand.position}」` })
  return draft
}

export async function myPlatforms(deps: Deps, caller: Caller): Promise<MyPlatforms> {
  if (!caller.openid) throw unauthenticated()
  const openid = caller.openid
  const ids = await deps.store.platforms.platformsOfContact(openid, MY_PLATFORMS_MAX)
  const now = nowIso(deps)
  const platforms = []
  for (const id of ids) {
    const platform = await deps.store.platforms.get(id)
    if (!platform || platform.status !== 'active') continue
    platforms.push({
      platform: { ...platform, contact: null },
      activityDrafts: await deps.store.platforms.activities(id, 'drafts', now, DRAFTS_MAX, openid),
      demandDrafts: await deps.store.platforms.demandDrafts(id, { submittedBy: openid }, DRAFTS_MAX),
    })
  }
  return { platforms }
}

// ——— staff: review what contacts proposed ———

export const pendingDemandDrafts = (deps: Deps, input: ActionPayload<'platform.demandDrafts'>) =>
  deps.store.platforms.demandDrafts(input.platformId, { status: 'pending' }, DRAFTS_MAX)

export async function reviewDemandDraft(deps: Deps, caller: Caller, input: ActionPayload<'platform.reviewDemand'>): Promise<DemandDraft> {
  const draft = await deps.store.platforms.getDemandDraft(input.id)
  if (!draft) throw notFound('没有找到这份岗位草稿')
  if (draft.status !== 'pending') throw conflict('这份岗位草稿已经审核过了')
  let demandId: string | null = null
  if (input.decision === 'approve') {
    // The same checks as a demand staff write themselves (fields, platform).
    demandId = (await createDemand(deps, caller, { ...draft.demand, platformId: draft.platformId })).id
  }
  const decided = await deps.store.platforms.decideDemandDraft(draft.id, {
    status: input.decision === 'approve' ? 'approved' : 'rejected',
    reason: input.reason,
    demandId,
    at: nowIso(deps),
  })
  if (!decided) throw conflict('这份岗位草稿已经审核过了')
  return (await deps.store.platforms.getDemandDraft(draft.id))!
}
