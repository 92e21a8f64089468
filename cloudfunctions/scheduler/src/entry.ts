// Before anything formats a date: CloudBase runs functions in UTC, the product lives in China.
process.env.TZ ??= 'Asia/Shanghai'

import { buildCloudDeps } from '../../runtime/cloud-deps'
import { consoleLogger, type Logger } from '../../runtime/logger'
import { systemClock, toIsoString } from '../../core/shared/clock'
import type { Deps } from '../../core/shared/context'
import { runScheduledJobs, type ScheduledRun } from '../../core/scheduler/scheduler'

/**
 * The `scheduler` cloud function, fired by its timer trigger (config.json, every 5 minutes):
 * the same jobs that local mode runs on an interval (core/scheduler/scheduler.ts), then the adapter's own
 * upkeep (CloudBase: recount the place counters of activities still running, see
 * registrations.ts `reconcile`). Bundled by scripts/build-functions.mjs into
 * cloudfunctions/scheduler/index.js. Safe to run at any interval, twice at once, or again.
 */
export interface SchedulerRun extends ScheduledRun {
  /** Activities whose counters were checked, and how many needed a correction. */
  reconciled: number
  repaired: number
}

export interface SchedulerDeps {
  deps: Deps
  logger: Logger
  /** Adapter upkeep after the jobs; absent for stores that need none (SQLite). */
  reconcile?: (at: string) => Promise<{ checked: number; repaired: number }>
}

export type SchedulerHandler = (event: unknown, context: unknown) => Promise<SchedulerRun>

/** Activities whose counters are checked per run (round robin over the running ones). */
export const RECONCILE_PER_RUN = 20

export function createSchedulerHandler({ deps, logger, reconcile }: SchedulerDeps): SchedulerHandler {
  return async () => {
    const started = Date.now()
    try {
      const jobs = await runScheduledJobs(deps)
      const upkeep = reconcile ? await reconcile(toIsoString(deps.clock.now())) : { checked: 0, repaired: 0 }
      const run: SchedulerRun = { ...jobs, reconciled: upkeep.checked, repaired: upkeep.repaired }
      logger.info('scheduler.run', { ...run, ms: Date.now() - started })
      return run
    } catch (error) {
      logger.error('scheduler.failed', {
        error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
        ms: Date.now() - started,
      })
      // The platform records the failed invocation; the next tick tries again.
      throw error
    }
  }
}

function startHandler(): SchedulerHandler {
  const { store, files, push, checkInSecret, contentSecurity } = buildCloudDeps()
  return createSchedulerHandler({
    deps: { store, clock: systemClock, files, push, checkInSecret, contentSecurity },
    logger: consoleLogger,
    reconcile: async (at) => {
      const results = await store.registrations.reconcileDue(at, RECONCILE_PER_RUN)
      const repaired = results.filter(
        (r) => r.cleared > 0 || r.registeredCount.from !== r.registeredCount.to || r.waitlistCount.from !== r.waitlistCount.to,
      ).length
      return { checked: results.length, repaired }
    },
  })
}

/** Built once per warm instance; bad configuration is logged and retried on the next tick. */
let handler: SchedulerHandler | undefined

export async function main(event: unknown, context: unknown): Promise<SchedulerRun> {
  try {
    handler ??= startHandler()
  } catch (error) {
    consoleLogger.error('scheduler.startup', {
      error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
    })
    throw error
  }
  return handler(event, context)
}
