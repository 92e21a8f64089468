import { useEffect, useState } from 'react'
import type { TaxonomyItem } from '../../../../types'
import { call, errorMessage } from '../../../services/api'

export type LinkChoices = { status: 'idle' | 'loading' } | { status: 'error'; message: string } | { status: 'ready'; items: TaxonomyItem[] }

/**
 * What a notice can point at or be sent about: the caller's activities (drafts excluded: no
 * student can open one) or published policies. The first page only, newest first. Read through
 * the transport, not the activity and policy features' api: features never import each other.
 */
export function useLinkChoices(kind: 'activity' | 'policy', needed: boolean): LinkChoices {
  const [state, setState] = useState<LinkChoices>({ status: 'idle' })
  useEffect(() => {
    if (!needed || state.status === 'ready' || state.status === 'loading') return
    setState({ status: 'loading' })
    const load =
      kind === 'activity'
        ? call('activity.list', { manage: true, limit: 30 }).then((page) => page.items.filter((a) => a.status !== 'draft').map((a) => ({ id: a.id, name: a.title })))
        : call('policy.search', { limit: 30 }).then((page) => page.items.map((p) => ({ id: p.id, name: p.title })))
    load.then(
      (items) => setState({ status: 'ready', items }),
      (error: unknown) => setState({ status: 'error', message: errorMessage(error) }),
    )
  }, [kind, needed, state.status])
  return state
}
