import type { Activity, PolicyHit } from '../../types'

/**
 * What an edit page just created, handed to the list it returns to, so the new draft is at the top
 * at once, whatever page of the list it would sort onto (a staff list sorts by date, not by
 * creation). Kept in memory: a list opened later reads the server as usual.
 */
export interface SavedItems {
  activity: Activity
  policy: PolicyHit
}

const saved: Partial<SavedItems> = {}

export function rememberSaved<K extends keyof SavedItems>(kind: K, item: SavedItems[K]): void {
  saved[kind] = item
}

/** The item once: the list pins it, then forgets it (a later visit shows the list as sorted). */
export function takeSaved<K extends keyof SavedItems>(kind: K): SavedItems[K] | null {
  const item = saved[kind]
  delete saved[kind]
  return item ?? null
}
