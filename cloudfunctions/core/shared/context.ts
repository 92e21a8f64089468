import type { Clock } from './clock'
import type { FileServices } from '../files/ports'
import type { PushConfig } from '../messaging/ports'
import type { Store } from './store'
import type { ContentSecurity } from '../story/ports'

/** What a use case may touch: the store, the clock and file services. Nothing else reaches the domain. */
export interface Deps {
  store: Store
  clock: Clock
  files: FileServices
  push: PushConfig
  /** Derives check-in codes; from configuration (CHECKIN_SECRET), never from the repository. */
  checkInSecret: string
  /** Random numbers in [0, 1) for jury draws; tests pass a seeded one (core/honour/blind.ts). */
  random?: () => number
  /** WeChat content security (msgSecCheck, mediaCheckAsync), or the local word-list stand-in. */
  contentSecurity: ContentSecurity
}
