import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ActionName, ActionResult, ApiError, CreateActivityInput, Envelope, RegisterMemberInput } from '../../../types'
import { PRIVACY_VERSION } from '../../../types'
import { qrInvites } from '../../core/adapters/files/qr-invites'
import { qrCodes } from '../../core/adapters/files/qr-codes'
import { excelSpreadsheets } from '../../core/adapters/files/spreadsheets'
import { htmlSanitizer } from '../../core/adapters/html/sanitizer'
import { openSqliteStore } from '../../core/adapters/sqlite'
import { ALL_COLLECTIONS, COLLECTIONS } from '../../core/adapters/cloudbase/collections'
import { createCloudBaseStore } from '../../core/adapters/cloudbase/store'
import { CloudBaseStandIn } from '../../core/adapters/cloudbase/testing/stand-in'
import type { Store } from '../../core/shared/store'
import type { Clock } from '../../core/shared/clock'
import type { CoverStorage, FileServices } from '../../core/files/ports'
import type { PushConfig } from '../../core/messaging/ports'
import { localSender } from '../../core/adapters/messaging/local-sender'
import { localContentSecurity } from '../../core/adapters/files/local-content-security'
import { silentLogger, type Logger } from '../../runtime/logger'
import { createApi, type Api } from './router'

/** The real file adapters (exceljs, csv-parse, qrcode), with a fixed public address. */
export const testFiles: FileServices = {
  spreadsheets: excelSpreadsheets,
  invites: qrInvites(() => 'http://127.0.0.1:10086'),
  qrCodes,
  html: htmlSanitizer,
}

/** Everything an api needs besides its store: the real local adapters and a fixed secret. */
export const testServices = {
  files: testFiles,
  push: { sender: localSender, templates: { reminder: 'tpl-reminder', result: 'tpl-result', notice: 'tpl-notice' } },
  checkInSecret: 'test-check-in-secret-0123456789',
  /** Photo verdicts held until a test delivers them (makeTestApi gives each api its own). */
  contentSecurity: localContentSecurity({ hold: true }),
}

/**
 * Which adapter `makeTestApi` puts under the router. The router suites run over both: as they
 * are (SQLite), and through a `*.cloudbase.test.ts` twin that calls `useCloudBaseForRouterTests()`
 * and then loads the same suite (CloudBase adapter, real SDK, the wire-level stand-in).
 */
export type TestAdapter = 'sqlite' | 'cloudbase'
let routerTestAdapter: TestAdapter = 'sqlite'

/** Makes every `makeTestApi` of this test file use the CloudBase adapter on the stand-in. */
export function useCloudBaseForRouterTests(): void {
  routerTestAdapter = 'cloudbase'
}

export const testAdapter = (): TestAdapter => routerTestAdapter

function openTestStore(adapter: TestAdapter, dir: string) {
  if (adapter === 'cloudbase') {
    const standIn = new CloudBaseStandIn({ autoCreateCollections: true })
    // Provisioned as the set-up step does in a real environment (see collections.ts).
    standIn.provision(ALL_COLLECTIONS)
    const store: Store = createCloudBaseStore(standIn.database())
    const peek: StoragePeek = {
      idempotencyResults: async () => standIn.documents(COLLECTIONS.idempotency).map((d) => JSON.stringify(d.result)),
      registrationStatuses: async (activityId) =>
        standIn
          .documents(COLLECTIONS.registrations)
          .filter((d) => d.activityId === activityId)
          .map((d) => String(d.status)),
      memberStored: async (openid) => standIn.documents(COLLECTIONS.members).some((d) => d._id === openid),
    }
    return { store, peek, standIn, sqlite: null }
  }
  const sqlite = openSqliteStore({ file: path.join(dir, 'test.sqlite') })
  const peek: StoragePeek = {
    idempotencyResults: async () => (sqlite.db.prepare('SELECT result FROM idempotency').all() as { result: string }[]).map((r) => r.result),
    registrationStatuses: async (activityId) =>
      (sqlite.db.prepare('SELECT status FROM registrations WHERE activity_id = ?').all(activityId) as { status: string }[]).map((r) => r.status),
    memberStored: async (openid) => sqlite.db.prepare('SELECT 1 FROM members WHERE openid = ?').get(openid) !== undefined,
  }
  return { store: sqlite as Store, peek, standIn: null, sqlite }
}

/**
 * What a test may read of the storage underneath the ports, the same way for both adapters:
 * checks that no port answers (nothing left behind, no registration beyond capacity).
 */
export interface StoragePeek {
  /** Every remembered idempotent result, as stored text. */
  idempotencyResults(): Promise<string[]>
  /** The stored status of every registration of the activity, `pending` ones included. */
  registrationStatuses(activityId: string): Promise<string[]>
  memberStored(openid: string): Promise<boolean>
}

/** A fresh api over a fresh store (see `TestAdapter`), and a typed way to call it as someone. */
export function makeTestApi(
  options: { staff?: string[]; clock?: Clock; logger?: Logger; push?: PushConfig; adapter?: TestAdapter; random?: () => number; covers?: CoverStorage } = {},
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-test-'))
  const adapter = options.adapter ?? routerTestAdapter
  const { store, peek, standIn, sqlite } = openTestStore(adapter, dir)
  const security = localContentSecurity({ hold: true })
  const api: Api = createApi({
    store,
    ...testServices,
    contentSecurity: security,
    ...(options.push ? { push: options.push } : {}),
    ...(options.covers ? { files: { ...testFiles, covers: options.covers } } : {}),
    config: { staffOpenids: new Set(options.staff ?? ['staff-1']) },
    clock: options.clock,
    random: options.random,
    logger: options.logger ?? silentLogger,
  })
  const call = <A extends ActionName>(openid: string | null, action: A, payload?: unknown, requestId?: string) =>
    api.handle({ action, payload, requestId }, { openid }) as Promise<Envelope<ActionResult<A>>>
  security.connect(async (event) => {
    await call(null, 'story.mediaCheckEvent', event)
  })
  const close = async () => {
    await store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return { api, store, call, close, dir, adapter, peek, standIn, sqlite, security }
}

/** The error of a failed envelope, failing the test when the call succeeded. */
export function errorOf(envelope: Envelope<unknown>): ApiError {
  if (envelope.ok) throw new Error(`expected a failure, got ok: ${JSON.stringify(envelope.data).slice(0, 200)}`)
  return envelope.error
}

/** The error code of an envelope, or 'OK'. */
export const codeOf = (envelope: Envelope<unknown>): string => (envelope.ok ? 'OK' : envelope.error.code)

/** Unwraps a successful envelope, failing the test with the error otherwise. */
export function data<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`)
  return envelope.data
}

export function profile(overrides: Partial<RegisterMemberInput> = {}): RegisterMemberInput {
  return {
    name: '李明',
    phone: '13812341234',
    university: '郑州大学',
    college: '信息工程学院',
    major: '软件工程',
    degree: 'bachelor',
    enrollmentYear: 2022,
    graduationYear: 2026,
    hometownCounty: 'suiping',
    fields: ['electronics', 'equipment'],
    consentVersion: PRIVACY_VERSION,
    ...overrides,
  }
}

/**
 * An activity draft for the router suites: a summer practice in July 2026 with two places and a
 * waitlist. Each suite passes what its clock and its cases need (times, capacity, texts) as overrides,
 * so the draft it creates is spelled out next to its tests rather than hidden here.
 */
export function activityDraft(overrides: Partial<CreateActivityInput> = {}): CreateActivityInput {
  return {
    type: 'summer_practice',
    title: '翼展计划·暑期社会实践',
    description: '走进驻马店的重点实验室和产业园区。',
    hostOrg: '共青团驻马店市委',
    place: '驻马店市科技馆',
    startAt: '2026-07-20T09:00:00+08:00',
    endAt: '2026-07-20T17:00:00+08:00',
    signUpOpenAt: '2026-07-01T00:00:00+08:00',
    signUpCloseAt: '2026-07-15T23:59:00+08:00',
    capacity: 2,
    waitlist: true,
    ...overrides,
  }
}

/** Creates the `activityDraft(overrides)` as `staff` and publishes it; answers the published activity. */
export async function publishActivity(t: Pick<ReturnType<typeof makeTestApi>, 'call'>, staff: string, overrides: Partial<CreateActivityInput> = {}) {
  const created = data(await t.call(staff, 'activity.create', activityDraft(overrides)))
  return data(await t.call(staff, 'activity.publish', { id: created.id }))
}
