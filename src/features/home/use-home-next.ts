import { useRef } from 'react'
import { useDidShow } from '@tarojs/taro'
import type { Page } from '../../../types'
import { useLoad, type UseLoad } from '@/hooks/use-load'
import { useIdentityKey, type UseMe } from '@/hooks/use-me'
import { ApiCallError } from '@/services/api'
import { loadHomeNext, type HomeNextData, type HomeNextSources } from './next'

/** A read only members may make, asked before we know who is asking: a visitor has none. */
export function noneForVisitors<T>(read: () => Promise<Page<T>>): () => Promise<Page<T>> {
  return () =>
    read().catch((error: unknown) => {
      if (error instanceof ApiCallError && (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN')) return { items: [], nextCursor: null }
      throw error
    })
}

/**
 * 首页 → 接下来, loaded ALONGSIDE the profile (`member.me`), not after it: the key does not change when
 * the profile arrives, so on a slow network the home page costs one round trip, not two. Only another
 * account (demo sign-in, joining, deletion) loads it again; coming back to 首页 re-reads it quietly.
 */
export function useHomeNext(me: UseMe, sources: HomeNextSources): UseLoad<HomeNextData> {
  const identity = useIdentityKey(me)
  const next = useLoad(() => loadHomeNext({ ...sources, myRegistrations: noneForVisitors(sources.myRegistrations) }, Date.now()), identity)
  const shown = useRef(false)
  useDidShow(() => {
    // The first show is the load above; later ones (back from signing up) refresh what is shown.
    if (shown.current) void next.reload(true)
    shown.current = true
  })
  return next
}
