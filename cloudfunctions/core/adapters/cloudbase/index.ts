/**
 * CloudBase adapter: the store ports over the CloudBase document database (@cloudbase/node-sdk v3).
 * The only place besides entry-cloud.ts that loads the SDK; the domain never does.
 *
 * Collections (created lazily on first use when missing, see collections.ts):
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
 * Set every one of them to admin-only in the console (security rule: 仅管理端可读写,
 * `{"read": false, "write": false}`): cloud functions bypass the rules, mini-program clients must
 * never reach this data directly. Index `idempotency.openid` for `forgetCaller`, and
 * `fields.sort` for the list; for the stations: `members` (stationId, stationJoinedAt, _id),
 * `stations` (university, _id) and (status, university, _id), `join_requests` (stationId, status,
 * createdAt, _id) and (openid, createdAt), `audit_log` (at, _id), (actorOpenid, at), (stationId, at).
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
 * Indexes: `activities` (status, startAt, _id), (status, signUpCloseAt), (status, remindedAt,
 * startAt), (status, absenceMarkedAt, endAt), (status, endAt, reconciledAt); `registrations`
 * (activityId, status, waitlistSeq, _id), (activityId, createdAt, _id), (activityId, openid),
 * (activityId, holdsPlace), (activityId, claimedAt), (openid, createdAt, _id),
 * (openid, hasAnswers, createdAt); `message_log` (openid, at, _id); `subscriptions` (openid).
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

export function openCloudBaseStore(options: CloudBaseOptions = {}): CloudBaseStore {
  const app =
    'app' in options
      ? options.app
      : init({
          env: options.env ?? SYMBOL_CURRENT_ENV,
          ...(options.secretId && options.secretKey ? { secretId: options.secretId, secretKey: options.secretKey } : {}),
        })
  // The SDK's Db satisfies the slice the stores use; the assignment is where the compiler checks it.
  const db: DocumentDatabase = app.database()
  return createCloudBaseStore(db)
}
