import type { Notice } from '../../../types'

/**
 * Notices the manage list has shown, by id, so the figures page can name the notice without an
 * action of its own; opened directly, it reads the list's first page instead.
 */
const seen = new Map<string, Notice>()

export function rememberNotices(items: readonly Notice[]): void {
  for (const n of items) seen.set(n.id, n)
}

export function rememberedNotice(id: string): Notice | null {
  return seen.get(id) ?? null
}
