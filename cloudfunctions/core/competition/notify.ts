import type { NoticeAudience } from '../../../types'
import type { Caller } from '../access/access'
import { toIsoString } from '../shared/clock'
import type { Deps } from '../shared/context'
import { newTimeOrderedId } from '../shared/ids'

/** A team's notices are addressed to a frozen list of its members (as activity notices are). */
const teamAudience = (teamId: string): NoticeAudience => ({
  all: false,
  stationIds: [],
  countyIds: [],
  fieldIds: [],
  degreeIds: [],
  graduationYears: [],
  activityId: teamId,
  activityStatus: null,
})

/** One inbox notice to the named members of a team (nobody: nothing is written). */
export async function notifyTeamMembers(
  deps: Deps,
  caller: Caller,
  message: { teamId: string; title: string; body: string; recipients: string[] },
): Promise<void> {
  if (message.recipients.length === 0) return
  const now = deps.clock.now()
  const at = toIsoString(now)
  await deps.store.notices.create(
    {
      id: newTimeOrderedId('nt', now),
      title: message.title.slice(0, 40),
      body: message.body,
      link: null,
      audience: teamAudience(message.teamId),
      origin: 'activity',
      senderOpenid: caller.openid ?? '',
      // A system notice of the competition area, whoever's action caused it.
      senderRole: 'staff',
      senderLabel: '翼展联盟·科创赛事',
      stationId: null,
      sendAt: at,
      createdAt: at,
      recipients: message.recipients.length,
      withdrawnAt: null,
    },
    message.recipients,
  )
}
