import type { Caller } from '../access/access'
import type { Deps } from '../shared/context'
import { sendDirectNotice } from '../notice/direct'

/** One inbox notice to the named members of a team (nobody: nothing is written). */
export async function notifyTeamMembers(
  deps: Deps,
  caller: Caller,
  message: { teamId: string; title: string; body: string; recipients: string[] },
): Promise<void> {
  await sendDirectNotice(deps, caller, {
    key: message.teamId,
    title: message.title,
    body: message.body,
    recipients: message.recipients,
    senderLabel: '翼展联盟·科创赛事',
  })
}
