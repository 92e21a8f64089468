import type { Team } from '../../../types'
import type { Caller } from '../access/access'
import type { Deps } from '../shared/context'
import { sendDirectNotice } from '../notice/direct'

const SENDER = '翼展联盟·科创赛事'

/** Left in a team's author list in place of a member who deleted their account (core/competition). */
const gone = (openid: string) => openid.startsWith('deleted-')

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
    senderLabel: SENDER,
  })
}

/**
 * An outcome for the team (shortlist, award, a refused version, a rule change, a result withdrawn):
 * the leader and the confirmed members are told, nobody who deleted their account. The caller sends
 * it once per event, after the atomic write that made the event happen.
 */
export async function notifyTeamOutcome(deps: Deps, caller: Caller, team: Team, message: { title: string; body: string }): Promise<void> {
  const recipients = team.members.filter((m) => !gone(m.openid) && (m.confirmedAt || m.openid === team.leaderOpenid)).map((m) => m.openid)
  await notifyTeamMembers(deps, caller, { teamId: team.id, title: message.title, body: message.body, recipients })
}

/** One inbox notice to one person (an objector told the outcome of their objection); keyed by what it is about. */
export async function notifyPerson(deps: Deps, caller: Caller, message: { key: string; openid: string; title: string; body: string }): Promise<void> {
  if (!message.openid || gone(message.openid)) return
  await sendDirectNotice(deps, caller, { key: message.key, title: message.title, body: message.body, recipients: [message.openid], senderLabel: SENDER })
}
