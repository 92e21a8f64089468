import type { Deps } from '../shared/context'
import { toIsoString } from '../shared/clock'
import { ACTIVITY_PAGE } from '../activity/activities'
import { runNoticePushes, type NoticePushRun } from '../notice/notice-push'
import { pushMessage } from '../messaging/push'
import { takeMonthlySnapshot, takeStationSnapshots } from '../pipeline/pipeline'
import { expireMediaWaits } from '../story/stories'
import { closeDueSurveys } from '../survey/surveys'
import { closeDueCompetitions } from '../competition/competitions'
import { purgeExpiredPublicSignUps } from '../platform/outreach'
import { closeEndedNotices } from '../honour/honours'

const DAY = 24 * 60 * 60 * 1000
const BATCH = 50

export interface ScheduledRun {
  closedSignUps: number
  reminded: number
  markedAbsent: number
  notices: NoticePushRun
  /** The month whose pipeline snapshot this run took, if any. */
  pipelineSnapshot?: string | null
  /** Stations whose monthly snapshot this run took (a batch per run until all are taken). */
  pipelineStationSnapshots?: number
  /** Stories whose photo check went unanswered for 30 minutes, sent to a human. */
  storiesToReview?: number
  /** Surveys past their close time, closed by this run. */
  closedSurveys?: number
  /** Competitions whose submission window this run closed (open → judging). */
  closedCompetitions?: number
  /** 面向公众 sign-ups deleted by the retention rule (platform/outreach.ts). */
  purgedPublicSignUps?: number
  /** Honours 公示 that ended without objection, closed as 审定通过 (honour/honours.ts). */
  closedHonourNotices?: number
}

/**
 * The timer's work, safe to run at any interval and to repeat: close sign-ups past their
 * deadline, remind registrants a day before the start (each activity once), and mark no-shows
 * absent after the end, and push notices in batches (notice-push.ts). Runs in the `scheduler` function (cloud) or on an interval (local).
 */
export async function runScheduledJobs(deps: Deps): Promise<ScheduledRun> {
  const now = deps.clock.now()
  const nowIso = toIsoString(now)
  const run: ScheduledRun = { closedSignUps: 0, reminded: 0, markedAbsent: 0, notices: { activated: 0, pushed: 0, failed: 0, retrying: 0 } }

  for (const activity of await deps.store.activities.dueToCloseSignUp(nowIso, BATCH)) {
    if (await deps.store.activities.transition(activity.id, ['published'], 'closed', nowIso)) run.closedSignUps += 1
  }

  for (const activity of await deps.store.activities.takeDueForReminder(nowIso, toIsoString(new Date(now.getTime() + DAY)), BATCH)) {
    let cursor: string | null = null
    do {
      const page = await deps.store.registrations.openidsOf(activity.id, ['registered'], cursor, 200)
      for (const openid of page.items) {
        const pushed = await pushMessage(deps, openid, 'reminder', `${ACTIVITY_PAGE}?id=${activity.id}`, {
          title: activity.title,
          time: activity.startAt.slice(0, 16).replace('T', ' '),
          place: activity.place,
        })
        if (pushed) run.reminded += 1
      }
      cursor = page.nextCursor
    } while (cursor)
  }

  for (const activity of await deps.store.activities.takeEndedForAbsence(nowIso, BATCH)) {
    run.markedAbsent += await deps.store.registrations.markAbsent(activity.id, nowIso)
  }
  run.notices = await runNoticePushes(deps)
  run.closedSurveys = await closeDueSurveys(deps, BATCH)
  if (isPipelineRefreshTime(now)) await deps.store.pipeline.refreshFacts(null)
  // The first run of a month freezes the dashboard's figures (one read on every other run).
  run.pipelineSnapshot = await takeMonthlySnapshot(deps)
  run.pipelineStationSnapshots = await takeStationSnapshots(deps)
  run.storiesToReview = await expireMediaWaits(deps)
  run.closedCompetitions = await closeDueCompetitions(deps)
  run.purgedPublicSignUps = await purgeExpiredPublicSignUps(deps)
  run.closedHonourNotices = await closeEndedNotices(deps)
  return run
}

/**
 * Stores that keep derived pipeline facts (CloudBase) bring every member's up to date at night
 * (03:00–03:09 Shanghai), catching check-ins, interests and profile edits since; reports and
 * verifications refresh their member at once. SQLite derives them on read and does nothing.
 */
export function isPipelineRefreshTime(now: Date): boolean {
  const shanghai = new Date(now.getTime() + 8 * 60 * 60 * 1000)
  return shanghai.getUTCHours() === 3 && shanghai.getUTCMinutes() < 10
}
