import type { Nomination } from '../../../types'
import type { Caller } from '../access/access'
import { toIsoString } from '../shared/clock'
import type { Deps } from '../shared/context'
import { newTimeOrderedId } from '../shared/ids'
import { draftStoryFromHonour } from '../story/stories'

const LEAGUE_NAME = '共青团驻马店市委'

/**
 * After an award: the 翼展档案 shows it (read from the awarded nominations, `honoursOf`), the member
 * gets an inbox notice addressed to them alone (a notice with a frozen one-person recipient list,
 * as activity notices freeze their registrants), and a story draft about them waits for staff to finish.
 */
export async function honourAwarded(deps: Deps, caller: Caller, nomination: Nomination): Promise<void> {
  const now = deps.clock.now()
  const at = toIsoString(now)
  await deps.store.notices.create(
    {
      id: newTimeOrderedId('nt', now),
      title: `恭喜你获得${nomination.awardName}`.slice(0, 40),
      body: `你已被授予“${nomination.awardName}”，荣誉已记入你的翼展档案。`,
      link: null,
      audience: {
        all: false,
        stationIds: [],
        countyIds: [],
        fieldIds: [],
        degreeIds: [],
        graduationYears: [],
        activityId: nomination.id,
        activityStatus: null,
      },
      origin: 'activity',
      senderOpenid: caller.openid ?? '',
      senderRole: 'staff',
      senderLabel: LEAGUE_NAME,
      stationId: null,
      sendAt: at,
      createdAt: at,
      recipients: 1,
      withdrawnAt: null,
    },
    [nomination.nomineeOpenid],
  )
  await draftStoryFromHonour(deps, caller, {
    openid: nomination.nomineeOpenid,
    awardName: nomination.awardName,
    name: nomination.nomineeName,
    summary: nomination.materials.summary,
  })
}
