import type { Policy, PolicyHit } from '../../../types'

/** A policy as a list row with nothing highlighted (a search hit without a search). */
export function policyHitOf(p: Policy): PolicyHit {
  return {
    id: p.id,
    title: p.title,
    category: p.category,
    summary: p.summary,
    issuer: p.issuer,
    effectiveUntil: p.effectiveUntil,
    status: p.status,
    tags: p.tags,
    titleParts: [{ text: p.title, hit: false }],
    snippet: [{ text: p.summary, hit: false }],
  }
}
