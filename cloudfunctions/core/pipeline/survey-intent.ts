import type { ConsiderReturn, DestinationRecord, NotReturningReason } from '../../../types'
import { toIsoString } from '../shared/clock'
import type { Deps } from '../shared/context'
import { newTimeOrderedId } from '../shared/ids'
import { classifyDestination, keepsReasons } from './rules'

/** What a 实名 回驻意愿 survey answer tells the pipeline (issue 15's template 回驻意愿与原因). */
export interface ReturnIntent {
  considerReturn: ConsiderReturn | null
  reasons: NotReturningReason[]
}

/**
 * Writes a member's answered 回驻 intention and reasons where the pipeline reads them: a new 去向登记
 * that repeats their latest one (status, place, employer, field and its verification: the
 * destination itself did not change) with the survey's 是否考虑回驻 and 未回驻原因. Only when the latest
 * one is not 回驻 (reasons only go with a destination that is not, as reportDestination keeps them);
 * a member with no 去向登记 has no place in those figures, so nothing is written. Returns whether
 * a record was added. Called by survey.submit for 实名 surveys only.
 */
export async function recordReturnIntent(deps: Deps, openid: string, intent: ReturnIntent): Promise<boolean> {
  const [latest] = await deps.store.pipeline.destinationsOf(openid, 1)
  if (!latest || !keepsReasons(latest)) return false
  const sameReasons = latest.reasons.length === intent.reasons.length && latest.reasons.every((r) => intent.reasons.includes(r))
  const considerReturn = intent.considerReturn ?? latest.considerReturn
  if (sameReasons && considerReturn === latest.considerReturn) return false
  const now = deps.clock.now()
  const record: DestinationRecord = {
    ...latest,
    id: newTimeOrderedId('de', now),
    reasons: intent.reasons,
    reasonText: intent.reasons.includes('other') ? latest.reasonText : '',
    considerReturn,
    reportedAt: toIsoString(now),
  }
  await deps.store.pipeline.addDestination(classifyDestination(record))
  await deps.store.pipeline.refreshFacts([openid])
  return true
}
