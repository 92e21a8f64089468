import type { NoticeAudience, NoticeLink } from '../../../types'
import type { Caller } from '../access/access'
import { toIsoString } from '../shared/clock'
import type { Deps } from '../shared/context'
import { newTimeOrderedId } from '../shared/ids'

/** A system notice to a fixed list of members (a team, a nominee, a survey's non-respondents). */
export interface DirectNotice {
  /**
   * What the notice is about (a team, a nomination, a survey): its frozen audience is filed under
   * it, as an activity notice's is under the activity. Default: the notice's own id.
   */
  key?: string
  title: string
  body: string
  link?: NoticeLink | null
  recipients: string[]
  /** Who the inbox shows as the sender (a system notice has no person behind it). */
  senderLabel: string
  /** False: inbox only, no `notice` push (the caller sends its own message). Default true. */
  push?: boolean
}

const frozenAudience = (key: string): NoticeAudience => ({
  all: false,
  stationIds: [],
  countyIds: [],
  fieldIds: [],
  degreeIds: [],
  graduationYears: [],
  activityId: key,
  activityStatus: null,
})

/**
 * One inbox notice to the named members, sent now: its recipients are frozen (as an activity
 * notice freezes its registrants), each listed member gets one inbox item whoever they are now.
 * Nobody listed: nothing is written (null). Idempotency is the caller's: call once per event
 * (after the conditional write that makes the event happen once). Returns the notice's id.
 */
export async function sendDirectNotice(deps: Deps, caller: Caller, message: DirectNotice): Promise<string | null> {
  const recipients = [...new Set(message.recipients)]
  if (recipients.length === 0) return null
  const now = deps.clock.now()
  const at = toIsoString(now)
  const id = newTimeOrderedId('nt', now)
  await deps.store.notices.create(
    {
      id,
      title: message.title.slice(0, 40),
      body: message.body,
      link: message.link ?? null,
      audience: frozenAudience(message.key ?? id),
      origin: 'activity',
      senderOpenid: caller.openid ?? '',
      // A system notice of the area that sends it, whoever's action caused it.
      senderRole: 'staff',
      senderLabel: message.senderLabel,
      stationId: null,
      sendAt: at,
      createdAt: at,
      recipients: recipients.length,
      withdrawnAt: null,
    },
    recipients,
    { push: message.push ?? true },
  )
  return id
}
