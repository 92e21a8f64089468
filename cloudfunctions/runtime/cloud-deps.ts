import { init, SYMBOL_CURRENT_ENV, type CloudBase } from '@cloudbase/node-sdk'
import { openCloudBaseStore, type CloudBaseStore } from '../core/adapters/cloudbase'
import { wxSubscribeSender } from '../core/adapters/cloudbase/subscribe-sender'
import { wxacodeInvites } from '../core/adapters/cloudbase/wxacode-invites'
import { qrCodes } from '../core/adapters/files/qr-codes'
import { excelSpreadsheets } from '../core/adapters/files/spreadsheets'
import { htmlSanitizer } from '../core/adapters/html/sanitizer'
import type { FileServices } from '../core/files/ports'
import type { PushConfig } from '../core/messaging/ports'
import { loadConfig, type ApiConfig } from './config'

/** What both cloud functions (`api`, `scheduler`) run on: one SDK client, the stores, the services. */
export interface CloudDeps {
  config: ApiConfig
  store: CloudBaseStore
  files: FileServices
  push: PushConfig
  /** Without a configured secret, check-in answers that it is not set up (see README). */
  checkInSecret: string
}

/**
 * Reads the configuration (in the cloud, demo sign-in and demo staff stay off unless NODE_ENV or
 * DEMO says otherwise) and opens one SDK client for the database, the open API (mini-program
 * codes, subscribe messages) and storage. Throws on bad configuration.
 */
export function buildCloudDeps(
  env: NodeJS.ProcessEnv = process.env,
  app: CloudBase = init({ env: SYMBOL_CURRENT_ENV }),
): CloudDeps {
  const config = loadConfig({ ...env, NODE_ENV: env.NODE_ENV || 'production' })
  return {
    config,
    store: openCloudBaseStore({ app }),
    files: { spreadsheets: excelSpreadsheets, invites: wxacodeInvites(app), covers: cloudCovers(env.TCB_ENV || env.SCF_NAMESPACE || null), qrCodes, html: htmlSanitizer },
    push: { sender: wxSubscribeSender(app), templates: config.templates },
    checkInSecret: config.checkInSecret ?? '',
  }
}

/**
 * A cover uploaded by the mini-program (`activity-covers/` in this environment's storage, see
 * src/services/upload.ts): the environment id starts the file id, `cloud://<env>.<bucket>/…`.
 */
export function cloudCovers(envId: string | null) {
  return {
    isOurs: async (cover: string) =>
      /^cloud:\/\/[\w.-]+\/activity-covers\/[\w.-]+$/.test(cover) && (envId === null || cover.startsWith(`cloud://${envId}.`)),
  }
}
