import type { Page } from '../../../types'
import type { Store } from '../shared/store'

/**
 * Shared by the `*-contract.ts` suites, which each adapter's tests load: how they page through a
 * port and how they open and tidy the store around a run.
 */

/**
 * Every page a cursor-paged read gives, in order, following `nextCursor` until it is null. A read
 * whose cursors never end fails the test after `most` pages instead of hanging it.
 */
export async function everyPage<T>(read: (cursor: string | null) => Promise<Page<T>>, most = 100): Promise<T[][]> {
  const pages: T[][] = []
  let cursor: string | null = null
  for (let i = 0; i < most; i += 1) {
    const page: Page<T> = await read(cursor)
    pages.push(page.items)
    if (!page.nextCursor) return pages
    cursor = page.nextCursor
  }
  throw new Error('pagination did not end')
}

/** The items of `everyPage`, as one list. */
export async function everyItem<T>(read: (cursor: string | null) => Promise<Page<T>>, most = 100): Promise<T[]> {
  return (await everyPage(read, most)).flat()
}

/** The keys a run wrote, by kind; every run writes members. */
type RunKeys = { openids: Iterable<string> } & Record<string, Iterable<string>>

/** What a contract run wrote, kind by kind, and how to remove it again. */
export interface RunTidying<W extends RunKeys> {
  /** Filled while the suite runs; read only after it. */
  written: W
  /** Forgets one member of the run through the ports. */
  forgetMember(store: Store, openid: string): Promise<void>
  /** The adapter's own removal of what the ports cannot remove, given every kind as a list. */
  cleanup?: (store: Store, written: NoInfer<{ [K in keyof W]: string[] }>) => Promise<void>
}

/**
 * Opens the store before the suite (handing it to `opened`) and after it removes what the run
 * wrote: each member through the ports, then the rest through `cleanup`. The store is closed even
 * when tidying fails, and left alone when it never opened, so that a failed open reports itself
 * rather than a second error.
 */
export function aroundSuite<W extends RunKeys>(
  open: () => Promise<Store>,
  opened: (store: Store) => void,
  tidying: RunTidying<W>,
): void {
  let store: Store | undefined
  beforeAll(async () => {
    store = await open()
    opened(store)
  })
  afterAll(async () => {
    if (!store) return
    try {
      const { written, forgetMember, cleanup } = tidying
      for (const openid of written.openids) await forgetMember(store, openid)
      await cleanup?.(store, listsOf(written))
    } finally {
      await store.close()
    }
  })
}

/** Each kind's keys as a list; `fromEntries` cannot know the kinds, so they are restated. */
function listsOf<W extends Record<keyof W, Iterable<string>>>(written: W): { [K in keyof W]: string[] } {
  const entries = Object.entries<Iterable<string>>(written).map(([kind, keys]) => [kind, [...keys]])
  return Object.fromEntries(entries) as { [K in keyof W]: string[] }
}
