import { toIsoString } from '../shared/clock'
import type { Deps } from '../shared/context'
import { newTimeOrderedId } from '../shared/ids'
import type { NoticeRecord, PushOutcome } from './ports'
import { ACTIVITY_STATUSES, NOTICE_PAGE } from './notices'

/** Members pushed to per claimed batch, and at most per scheduler run (WeChat's rate limits). */
export const PUSH_BATCH = 200
export const PUSH_PER_RUN = 1000
/** Transient failures (WeChat busy, a failed call) are tried this many times in all. */
export const PUSH_ATTEMPTS = 3
/** A push still `sending` after this long belongs to a run that died: its outcome is unknown. */
const STALE_SENDING_MS = 5 * 60 * 1000
/** WeChat's "system busy, try later". */
const TRANSIENT_ERRCODES = new Set([-1])

export interface NoticePushRun {
  activated: number
  pushed: number
  failed: number
  /** Transient failures put back for a later run. */
  retrying: number
}

/** A scheduled notice's time came: freeze an activity audience, count the recipients at that time. */
async function activate(deps: Deps, notice: NoticeRecord): Promise<void> {
  const a = notice.audience
  if (a.activityId) {
    const openids: string[] = []
    let cursor: string | null = null
    do {
      const page = await deps.store.registrations.openidsOf(a.activityId, [...ACTIVITY_STATUSES[a.activityStatus ?? 'all']], cursor, 1000)
      openids.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    await deps.store.notices.setRecipients(notice.id, openids.length, openids)
  } else {
    await deps.store.notices.setRecipients(notice.id, await deps.store.notices.countAudience(a, notice.sendAt), null)
  }
}

/**
 * The scheduler's notice work: activate scheduled notices whose time came, then push the
 * `notice` subscribe message to audience members who authorised one, in claimed batches. Each
 * push is recorded before (`sending`) and after the call, so a run that dies halfway resumes
 * with the rest and never sends anyone the same notice twice. A transient failure gives the
 * authorisation back and stops this notice until the next run (backing off), up to 3 attempts.
 */
export async function runNoticePushes(deps: Deps, { perRun = PUSH_PER_RUN, batch = PUSH_BATCH } = {}): Promise<NoticePushRun> {
  const run: NoticePushRun = { activated: 0, pushed: 0, failed: 0, retrying: 0 }
  const start = deps.clock.now()
  for (const notice of await deps.store.notices.takeDue(toIsoString(start), 50)) {
    await activate(deps, notice)
    run.activated += 1
  }
  const templateId = deps.push.templates.notice
  if (!templateId) return run
  let budget = perRun
  for (const notice of await deps.store.notices.pushing(20)) {
    let backOff = false
    while (budget > 0 && !backOff) {
      const now = deps.clock.now()
      const claimed = await deps.store.notices.claimPushes(
        notice,
        Math.min(batch, budget),
        toIsoString(now),
        toIsoString(new Date(now.getTime() - STALE_SENDING_MS)),
      )
      if (claimed.length === 0) break
      for (const openid of claimed) {
        budget -= 1
        const outcome = await pushOne(deps, notice, openid, templateId)
        if (outcome === 'sent') run.pushed += 1
        if (outcome === 'failed') run.failed += 1
        if (outcome === 'retry') {
          run.retrying += 1
          backOff = true
          break
        }
      }
    }
    if (budget <= 0) break
  }
  return run
}

async function pushOne(deps: Deps, notice: NoticeRecord, openid: string, templateId: string): Promise<'sent' | 'failed' | 'skipped' | 'retry' | 'taken'> {
  const at = () => toIsoString(deps.clock.now())
  const attempts = await deps.store.notices.markSending(notice.id, openid, at())
  if (attempts === null) return 'taken'
  const record = (outcome: PushOutcome) => deps.store.notices.recordPush(notice.id, openid, outcome, at())
  if (!(await deps.store.messages.consume(openid, 'notice'))) {
    await record({ state: 'skipped', errcode: 0 })
    return 'skipped'
  }
  const page = `${NOTICE_PAGE}?id=${notice.id}`
  const data = { title: notice.title, sender: notice.senderLabel, time: notice.sendAt.slice(0, 16).replace('T', ' ') }
  let errcode: number
  try {
    errcode = (await deps.push.sender.send({ openid, templateId, page, data })).errcode
  } catch {
    // The call failed before WeChat answered: nothing was sent.
    errcode = -1
  }
  await deps.store.messages.log({ id: newTimeOrderedId('msg', deps.clock.now()), openid, template: 'notice', page, data, at: at(), errcode })
  if (errcode === 0) {
    await record({ state: 'sent', errcode })
    return 'sent'
  }
  if (TRANSIENT_ERRCODES.has(errcode) && attempts + 1 < PUSH_ATTEMPTS) {
    // Not sent: the authorisation is still the member's.
    await deps.store.messages.grant(openid, 'notice', at())
    await record({ state: 'pending', errcode })
    return 'retry'
  }
  await record({ state: 'failed', errcode })
  return 'failed'
}
