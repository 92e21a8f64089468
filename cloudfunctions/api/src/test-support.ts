import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ActionName, ActionResult, Envelope, RegisterMemberInput } from '../../../types'
import { PRIVACY_VERSION } from '../../../types'
import { qrInvites } from '../../core/adapters/files/qr-invites'
import { qrCodes } from '../../core/adapters/files/qr-codes'
import { excelSpreadsheets } from '../../core/adapters/files/spreadsheets'
import { htmlSanitizer } from '../../core/adapters/html/sanitizer'
import { openSqliteStore } from '../../core/adapters/sqlite'
import type { Clock } from '../../core/shared/clock'
import type { FileServices } from '../../core/files/ports'
import type { PushConfig } from '../../core/messaging/ports'
import { localSender } from '../../core/adapters/files/local-sender'
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
}

/** A fresh api over a real SQLite file in a temp dir, and a typed way to call it as someone. */
export function makeTestApi(options: { staff?: string[]; clock?: Clock; logger?: Logger; push?: PushConfig } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-test-'))
  const store = openSqliteStore({ file: path.join(dir, 'test.sqlite') })
  const api: Api = createApi({
    store,
    ...testServices,
    ...(options.push ? { push: options.push } : {}),
    config: { staffOpenids: new Set(options.staff ?? ['staff-1']) },
    clock: options.clock,
    logger: options.logger ?? silentLogger,
  })
  const call = <A extends ActionName>(openid: string | null, action: A, payload?: unknown, requestId?: string) =>
    api.handle({ action, payload, requestId }, { openid }) as Promise<Envelope<ActionResult<A>>>
  const close = async () => {
    await store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return { api, store, call, close, dir }
}

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
