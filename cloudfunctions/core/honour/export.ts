import type { ExportedJuryWork, ExportedObjection } from '../../../types'
import type { Deps } from '../shared/context'

/**
 * The member's export (`member.exportMine`), for what honours hold about them beyond nominations:
 * the reviews they judged through a juror seat bound to them (blind, as they saw them: 材料N, no
 * nominee named) and the 公示 objections they filed, with the outcome.
 */
export async function exportedJuryWork(deps: Deps, openid: string): Promise<ExportedJuryWork[]> {
  const juror = await deps.store.honours.jurorByOpenid(openid)
  if (!juror) return []
  const seats = (await deps.store.honours.assignmentsOfJuror(juror.id)).filter((a) => a.status !== 'auto_conflicted')
  const out: ExportedJuryWork[] = []
  for (const [index, a] of seats.entries()) {
    const nomination = await deps.store.honours.getNomination(a.nominationId)
    out.push({
      jurorName: juror.name,
      awardName: nomination?.awardName ?? '',
      label: `材料${index + 1}`,
      status: a.status,
      declaredAt: a.declaredAt,
      score: a.score,
      approve: a.approve,
      comment: a.comment,
      scoredAt: a.scoredAt,
    })
  }
  return out
}

export async function exportedObjections(deps: Deps, openid: string): Promise<ExportedObjection[]> {
  const out: ExportedObjection[] = []
  for (const o of await deps.store.honours.objectionsBy(openid)) {
    const nomination = await deps.store.honours.getNomination(o.nominationId)
    out.push({
      objectionId: o.id,
      awardName: nomination?.awardName ?? '',
      nomineeName: nomination?.nomineeName ?? '',
      kind: o.kind,
      realName: o.realName,
      phone: o.phone,
      unitName: o.unitName,
      reason: o.reason,
      createdAt: o.createdAt,
      outcome: o.outcome ? { decision: o.outcome.decision, note: o.outcome.note, at: o.outcome.at } : null,
    })
  }
  return out
}
