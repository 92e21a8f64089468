import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Activity } from '../../../types'
import { localSender } from '../../core/adapters/messaging/local-sender'
import { localContentSecurity } from '../../core/adapters/files/local-content-security'
import { qrInvites } from '../../core/adapters/files/qr-invites'
import { qrCodes } from '../../core/adapters/files/qr-codes'
import { excelSpreadsheets } from '../../core/adapters/files/spreadsheets'
import { htmlSanitizer } from '../../core/adapters/html/sanitizer'
import { openSqliteStore } from '../../core/adapters/sqlite'
import { sampleActivity, sampleMember } from '../../core/adapters/store-contract'
import type { Store } from '../../core/shared/store'
import { createSchedulerHandler } from './entry'

// The local adapters, wired here rather than borrowed from the api function's test support:
// one function's tests never reach into another function's internals.
const testServices = {
  files: { spreadsheets: excelSpreadsheets, invites: qrInvites(() => 'http://127.0.0.1:10086'), qrCodes, html: htmlSanitizer },
  push: { sender: localSender, templates: { reminder: 'tpl-reminder', result: 'tpl-result', notice: 'tpl-notice' } },
  checkInSecret: 'test-check-in-secret-0123456789',
  contentSecurity: localContentSecurity({ hold: true }),
}

const T = (s: string) => `2026-07-${s}+08:00`

function activity(overrides: Partial<Activity> = {}): Activity {
  return sampleActivity({
    id: 'act-1',
    place: '驻马店',
    startAt: T('20T09:00:00.000'),
    endAt: T('20T17:00:00.000'),
    signUpOpenAt: T('01T00:00:00.000'),
    signUpCloseAt: T('15T00:00:00.000'),
    createdAt: T('01T00:00:00.000'),
    ...overrides,
  })
}

function capturingLogger() {
  const lines: string[] = []
  return {
    lines,
    logger: {
      info: (event: string, fields?: Record<string, unknown>) => lines.push(JSON.stringify({ level: 'info', event, ...fields })),
      error: (event: string, fields?: Record<string, unknown>) => lines.push(JSON.stringify({ level: 'error', event, ...fields })),
    },
  }
}

async function seed(store: Store) {
  await store.activities.create(activity())
  for (const openid of ['m0', 'm1']) {
    await store.members.create(sampleMember(openid))
    await store.registrations.signUp({ activityId: 'act-1', openid, answers: {}, at: T('02T10:00:00.000') })
  }
  await store.messages.grant('m0', 'reminder', T('02T10:00:00.000'))
}

describe('the scheduler function over SQLite', () => {
  let dir: string
  let store: Store
  let now: Date
  const clock = { now: () => now }

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-scheduler-'))
    store = openSqliteStore({ file: path.join(dir, 'store.db') })
    await seed(store)
  })

  afterEach(async () => {
    await store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('runs the jobs and logs the counts as one JSON line', async () => {
    const { lines, logger } = capturingLogger()
    const handle = createSchedulerHandler({ deps: { store, clock, ...testServices }, logger })

    now = new Date(T('16T00:00:00.000'))
    expect(await handle({ Type: 'Timer', TriggerName: 'every-5-minutes' }, {})).toMatchObject({
      closedSignUps: 1,
      reminded: 0,
      markedAbsent: 0,
      reconciled: 0,
      repaired: 0,
    })
    now = new Date(T('19T10:00:00.000'))
    expect(await handle({}, {})).toMatchObject({ reminded: 1 })
    expect(await handle({}, {})).toMatchObject({ reminded: 0 })
    now = new Date(T('20T18:00:00.000'))
    expect(await handle({}, {})).toMatchObject({ markedAbsent: 2 })

    expect(lines).toHaveLength(4)
    const first = JSON.parse(lines[0]!) as Record<string, unknown>
    expect(first).toMatchObject({ level: 'info', event: 'scheduler.run', closedSignUps: 1, reminded: 0, markedAbsent: 0 })
    expect(typeof first.ms).toBe('number')
    expect((await store.activities.get('act-1'))?.status).toBe('closed')
  })

  it('runs the adapter upkeep after the jobs and reports it', async () => {
    const { lines, logger } = capturingLogger()
    const calls: string[] = []
    now = new Date(T('10T00:00:00.000'))
    const handle = createSchedulerHandler({
      deps: { store, clock, ...testServices },
      logger,
      reconcile: async (at) => {
        calls.push(at)
        return { checked: 3, repaired: 1 }
      },
    })
    expect(await handle({}, {})).toMatchObject({ closedSignUps: 0, reminded: 0, markedAbsent: 0, reconciled: 3, repaired: 1 })
    expect(calls).toEqual([T('10T00:00:00.000')])
    expect(JSON.parse(lines[0]!)).toMatchObject({ event: 'scheduler.run', reconciled: 3, repaired: 1 })
  })

  it('logs a failure and rethrows it, so the platform records the invocation as failed', async () => {
    const { lines, logger } = capturingLogger()
    now = new Date(T('16T00:00:00.000'))
    await store.close()
    const handle = createSchedulerHandler({ deps: { store, clock, ...testServices }, logger })
    await expect(handle({}, {})).rejects.toThrow()
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error', event: 'scheduler.failed' })
    store = openSqliteStore({ file: path.join(dir, 'store.db') })
  })
})
