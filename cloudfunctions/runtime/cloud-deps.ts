import { init, SYMBOL_CURRENT_ENV, type CloudBase } from '@cloudbase/node-sdk'
import { openCloudBaseStore, type CloudBaseStore } from '../core/adapters/cloudbase'
import { wxSubscribeSender } from '../core/adapters/cloudbase/subscribe-sender'
import type { KeywordMap } from '../core/adapters/cloudbase/subscribe-keywords'
import { wxacodeInvites } from '../core/adapters/cloudbase/wxacode-invites'
import { wxContentSecurity } from '../core/adapters/cloudbase/content-security'
import type { ContentSecurity } from '../core/story/ports'
import { qrCodes } from '../core/adapters/files/qr-codes'
import { excelSpreadsheets } from '../core/adapters/files/spreadsheets'
import { htmlSanitizer } from '../core/adapters/html/sanitizer'
import type { FileServices, MaterialStorage } from '../core/files/ports'
import type { PushConfig } from '../core/messaging/ports'
import { loadConfig, type ApiConfig } from './config'

/** getUnlimited's `env_version` and subscribeMessage.send's `miniprogram_state` name the same versions differently. */
const MINIPROGRAM_STATE = { release: 'formal', trial: 'trial', develop: 'developer' } as const

/** What both cloud functions (`api`, `scheduler`) run on: one SDK client, the stores, the services. */
export interface CloudDeps {
  config: ApiConfig
  store: CloudBaseStore
  files: FileServices
  push: PushConfig
  /** Without a configured secret, check-in answers that it is not set up (see README). */
  checkInSecret: string
  /** msgSecCheck v2 and mediaCheckAsync through the same open-API door as the codes. */
  contentSecurity: ContentSecurity
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
  const keywords = new Map<string, KeywordMap>()
  for (const name of ['reminder', 'result', 'notice'] as const) {
    const id = config.templates[name]
    const map = config.templateKeywords[name]
    if (id && map) keywords.set(id, map)
  }
  return {
    config,
    store: openCloudBaseStore({ app }),
    files: {
      spreadsheets: excelSpreadsheets,
      invites: wxacodeInvites(app, config.miniProgramVersion),
      covers: cloudCovers(env.TCB_ENV || env.SCF_NAMESPACE || null),
      materials: cloudMaterials(app, env.TCB_ENV || env.SCF_NAMESPACE || null),
      qrCodes,
      html: htmlSanitizer,
    },
    push: {
      sender: wxSubscribeSender(app, { keywords, miniprogramState: MINIPROGRAM_STATE[config.miniProgramVersion] }),
      templates: config.templates,
    },
    checkInSecret: config.checkInSecret ?? '',
    contentSecurity: wxContentSecurity(app),
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

/**
 * Honour materials the mini-program uploaded (`honour-materials/` in this environment's storage,
 * see src/features/honour/material-upload.ts). Sizes are checked on the phone and declared in the
 * payload; asking storage for each size would cost a request per file, so `size` is null here.
 */
export function cloudMaterials(app: Pick<CloudBase, 'deleteFile'>, envId: string | null): MaterialStorage {
  const ours = (fileId: string) => /^cloud:\/\/[\w.-]+\/honour-materials\/[\w.-]+$/.test(fileId) && (envId === null || fileId.startsWith(`cloud://${envId}.`))
  return {
    inspect: async (fileId) => (ours(fileId) ? { size: null } : null),
    remove: async (fileIds) => {
      const list = fileIds.filter(ours)
      // deleteFile takes at most 50 ids a call.
      for (let i = 0; i < list.length; i += 50) await app.deleteFile({ fileList: list.slice(i, i + 50) })
    },
  }
}
