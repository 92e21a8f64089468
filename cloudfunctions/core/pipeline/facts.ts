import type { Deps } from '../shared/context'
import type { GainedFacts } from './ports'

/**
 * Keeping the pipeline's per-member facts current on the write that changes them. CloudBase keeps
 * them in `pipeline_facts` (it cannot join collections in one aggregate); SQLite derives them on
 * every read and does nothing here. Best effort: the write itself has succeeded by then, and the
 * scheduler's nightly sweep (refreshFacts(null)) repairs a row a failed update left behind, so a
 * failure here never turns a done check-in or profile edit into an error for the member.
 */

/** The members' rows again, from the collections: for changes that can turn a flag off or move a member. */
export async function memberFactsChanged(deps: Deps, ...openids: string[]): Promise<void> {
  await deps.store.pipeline.refreshFacts(openids).catch(() => undefined)
}

/** Flags that can only have turned on (a sign-up, a check-in, an interest): one request on CloudBase. */
export async function memberFactsGained(deps: Deps, openid: string, gained: GainedFacts): Promise<void> {
  await deps.store.pipeline.gainFacts(openid, gained).catch(() => undefined)
}
