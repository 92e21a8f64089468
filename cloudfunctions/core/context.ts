import type { Clock } from './clock'
import type { Store } from './ports'

/** What a use case may touch: the store and the clock. Nothing else reaches the domain. */
export interface Deps {
  store: Store
  clock: Clock
}
