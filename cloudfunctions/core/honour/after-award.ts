import type { Nomination } from '../../../types'
import type { Caller } from '../access/access'
import { sendDirectNotice } from '../notice/direct'
import type { Deps } from '../shared/context'
import { draftStoryFromHonour } from '../story/stories'

const LEAGUE_NAME = '共青团驻马店市委'

/**
 * The nominee's inbox item for a step of their nomination (core/honour/honours.ts `move`): a notice
 * addressed to them alone (a frozen one-person recipient list, as activity notices freeze their
 * registrants). One per step taken: steps are version-conditioned writes, so a retried or parallel
 * call that loses the race sends nothing.
 */
export async function notifyNominee(deps: Deps, caller: Caller, nomination: Nomination, title: string, body: string): Promise<void> {
  await sendDirectNotice(deps, caller, {
    key: nomination.id,
    title,
    body,
    // Opens the nomination among the member's own (its certificate once awarded, its form once returned).
    link: { kind: 'honour', id: nomination.id },
    recipients: [nomination.nomineeOpenid],
    senderLabel: LEAGUE_NAME,
  })
}

/**
 * After an award: the 翼展档案 shows it (read from the awarded nominations, `honoursOf`), the member
 * got the step notice (step-notices.ts), and a story draft about them waits for staff to finish.
 */
export async function honourAwarded(deps: Deps, caller: Caller, nomination: Nomination): Promise<void> {
  await draftStoryFromHonour(deps, caller, {
    openid: nomination.nomineeOpenid,
    awardName: nomination.awardName,
    name: nomination.nomineeName,
    summary: nomination.materials.summary,
  })
}
