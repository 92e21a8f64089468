import type { Deps } from '../shared/context'
import { MAX_CARDS, type MemberCard } from './ports'

/** Name and school of any number of members, MAX_CARDS per read and one read at a time. */
export async function memberCards(deps: Deps, openids: readonly string[]): Promise<Map<string, MemberCard>> {
  const ids = [...new Set(openids.filter((id) => id !== ''))]
  const cards = new Map<string, MemberCard>()
  for (let i = 0; i < ids.length; i += MAX_CARDS) {
    for (const [openid, card] of await deps.store.members.cards(ids.slice(i, i + MAX_CARDS))) cards.set(openid, card)
  }
  return cards
}
