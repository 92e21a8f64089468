import type { ActionPayload, AuditEntry, Page } from '../../../types'
import { toIsoString } from '../shared/clock'
import type { Deps } from '../shared/context'
import { pageSize } from '../shared/cursor'
import { newTimeOrderedId } from '../shared/ids'
import type { Caller } from '../access/access'

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
export async function listAudit(deps: Deps, input: ActionPayload<'audit.list'>): Promise<Page<AuditEntry>> {
  return deps.store.audit.list({
    actor: input.actor,
    stationId: input.stationId,
    from: input.from ? `${input.from}T00:00:00.000+08:00` : null,
    to: input.to ? `${input.to}T23:59:59.999+08:00` : null,
    cursor: input.cursor ?? null,
    limit: pageSize(input.limit),
  })
}
