import type { ActionPayload, AuditActor, AuditLine, Page } from '../../../types'
import { toIsoString } from '../shared/clock'
import type { Deps } from '../shared/context'
import { pageSize } from '../shared/cursor'
import { newTimeOrderedId } from '../shared/ids'
import type { Caller } from '../access/access'
import { memberCards } from '../member/cards'
import type { MemberCard } from '../member/ports'

export interface AuditFacts {
  action: string
  stationId?: string | null
  subjectOpenid?: string | null
  summary: string
}

/** Every write by a head or staff, every export and reveal, lands here: who, what, whose, when. */
export async function recordAudit(deps: Deps, caller: Caller, facts: AuditFacts): Promise<void> {
  const now = deps.clock.now()
  await deps.store.audit.append({
    id: newTimeOrderedId('au', now),
    at: toIsoString(now),
    actorOpenid: caller.openid ?? '',
    actorRole: caller.isStaff ? 'staff' : (caller.member?.role ?? 'visitor'),
    action: facts.action,
    stationId: facts.stationId ?? null,
    subjectOpenid: facts.subjectOpenid ?? null,
    summary: facts.summary,
  })
}

/** Dates are Shanghai calendar days: `to` includes the whole day. */
export async function listAudit(deps: Deps, input: ActionPayload<'audit.list'>): Promise<Page<AuditLine>> {
  const page = await deps.store.audit.list({
    actor: input.actor,
    stationId: input.stationId,
    from: input.from ? `${input.from}T00:00:00.000+08:00` : null,
    to: input.to ? `${input.to}T23:59:59.999+08:00` : null,
    cursor: input.cursor ?? null,
    limit: pageSize(input.limit),
  })
  const names = await memberCards(deps, page.items.flatMap((e) => [e.actorOpenid, ...(e.subjectOpenid ? [e.subjectOpenid] : [])]))
  const items = page.items.map((e) => ({
    ...e,
    actorName: nameOf(e.actorRole, e.actorOpenid, names),
    subjectName: e.subjectOpenid ? nameOf('member', e.subjectOpenid, names) : null,
  }))
  return { items, nextCursor: page.nextCursor }
}

/** Staff are one office to the people reading the log; a member who deleted their data has no name left. */
function nameOf(role: string, openid: string, names: Map<string, MemberCard>): string {
  if (role === 'staff') return STAFF_NAME
  return names.get(openid)?.name ?? (openid ? GONE_NAME : '—')
}

const STAFF_NAME = '团市委工作人员'
const GONE_NAME = '已注销的成员'
const ACTOR_CHOICES = 100

export async function listAuditActors(deps: Deps): Promise<AuditActor[]> {
  const actors = await deps.store.audit.actors(ACTOR_CHOICES)
  const names = await memberCards(deps, actors.map((a) => a.openid))
  return actors.map((a) => ({ ...a, name: nameOf(a.role, a.openid, names) }))
}
