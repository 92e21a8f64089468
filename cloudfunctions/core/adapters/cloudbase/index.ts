/**
 * CloudBase adapter: the store ports over the CloudBase document database (@cloudbase/node-sdk v3).
 * The only place besides entry-cloud.ts that loads the SDK; the domain never does.
 *
 * Collections (a missing one is also created on first use, collections.ts `run`):
 *   members      `_id` = openid; the record's camelCase properties.
 *   fields       `_id` = field id; {name, active, sort}.
 *   idempotency  `_id` = sha256 of (openid, requestId); {openid, requestId, result, createdAt}.
 *   stations       `_id` = station id; the record's properties, `rev` (optimistic writes),
 *                  `inviteImage`, `closeReason` (stations.ts).
 *   join_requests  `_id` = request id; the record's properties (membership.ts).
 *   audit_log      `_id` = entry id; the entry's properties (audit.ts).
 *   station_locks  uniqueness: `_id` = sha256 hex of a university while it has an open station,
 *                  `pending-<openid>` while the member has a pending request (station-docs.ts).
 *
 * Every collection is listed once, in collections.ts (ALL_COLLECTIONS); the set-up step
 * (setup.ts, `npm run cloudbase:setup`) creates them all before the first user arrives and prints
 * the security rule each must get, admin-only (仅管理端可读写, `{"read": false, "write": false}`:
 * cloud functions bypass the rules, mini-program clients must never reach this data), and the
 * indexes of indexes.ts. Documents carrying `_openid` (client-written) are never served.
 *
 * Activities (activities.ts, registrations.ts, messages.ts, rate-limits.ts):
 *   activities     `_id` = activity id; the record's properties, the counters `registeredCount`,
 *                  `waitlistCount`, `waitlistSeqNext`, `countRev`, the eligibility match arrays
 *                  `eligDegrees` / `eligCounties` / `eligFields` / `eligStations` (`'*'` = anyone),
 *                  the scheduler's marks `remindedAt`, `absenceMarkedAt`, `reconciledAt`.
 *   registrations  `_id` = `${activityId}:${openid}`; {activityId, openid, status, waitlistSeq,
 *                  answers, hasAnswers, createdAt, updatedAt, checkedInAt, holdsPlace, claim,
 *                  claimedAt, releasedAt} (the capacity protocol is described in registrations.ts).
 *   subscriptions  `_id` = `${openid}:${template}`; {openid, template, remaining, grantedAt}.
 *   message_log    `_id` = message id; the message's properties.
 *   rate_limits    `_id` = sha256 hex of the key; {key, windowStart, count}.
 *
 * Talent policies and demands (policies.ts, demands.ts):
 *   policies          `_id` = policy id; the record's properties (bodyText included, for search),
 *                     the target arrays `fields` / `degrees` / `counties` and `dims` (how many of
 *                     them the policy limits; 0 = for everyone).
 *   policy_favorites  `_id` = `${openid}:${policyId}`; {openid, policyId, at}.
 *   demands           `_id` = demand id; the record's properties (interestCount is counted, not stored).
 *   demand_interests  `_id` = `${demandId}:${openid}`; {demandId, openid, share, shared, at}.
 * Search is an escaped, case-insensitive `db.RegExp` per word on title / summary / bodyText,
 * ranked in memory over at most SEARCH_WINDOW (600) newest matches; matching reads at most 1000
 * candidates sharing a target with the profile and checks every limited dimension in code.
 */
import { init, SYMBOL_CURRENT_ENV, type CloudBase } from '@cloudbase/node-sdk'
import type { DocumentDatabase } from './database'
import { createCloudBaseStore } from './store'

export { createCloudBaseStore } from './store'
export { COLLECTIONS } from './collections'
export { CloudBaseRegistrationStore, type ReconcileResult } from './registrations'

export type CloudBaseOptions =
  | { app: CloudBase }
  /**
   * `env` defaults to the environment the function runs in. Keys are for running outside
   * CloudBase (contract tests, scripts); inside a function the platform's temporary ones are used.
   */
  | { env?: string; secretId?: string; secretKey?: string }

export type CloudBaseStore = ReturnType<typeof createCloudBaseStore>

/** The SDK's database for the options (the store's, or the set-up step's). */
export function openCloudBaseStoreDatabase(options: CloudBaseOptions = {}): DocumentDatabase {
  const app =
    'app' in options
      ? options.app
      : init({
          env: options.env ?? SYMBOL_CURRENT_ENV,
          ...(options.secretId && options.secretKey ? { secretId: options.secretId, secretKey: options.secretKey } : {}),
        })
  // The SDK's Db satisfies the slice the stores use; the assignment is where the compiler checks it.
  const db: DocumentDatabase = app.database()
  return db
}

export function openCloudBaseStore(options: CloudBaseOptions = {}): CloudBaseStore {
  return createCloudBaseStore(openCloudBaseStoreDatabase(options))
}
