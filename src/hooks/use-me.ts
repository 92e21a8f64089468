import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react'
import { useDidShow } from '@tarojs/taro'
import { meStore, refreshMe, type MeState } from '@/services/app-store'

export interface UseMe extends MeState {
  loading: boolean
  refresh: () => Promise<void>
}

/** The caller's membership; reloads quietly whenever the page shows again. */
export function useMe(): UseMe {
  const state = useSyncExternalStore(meStore.subscribe, meStore.get, meStore.get)
  // First use, and after resetMe() (another demo account): load again.
  useEffect(() => {
    if (state.status === 'idle') void refreshMe()
  }, [state.status])
  useDidShow(() => {
    void refreshMe()
  })
  const refresh = useCallback(() => refreshMe(), [])
  return { ...state, loading: state.status === 'idle' || state.status === 'loading', refresh }
}

/**
 * A list key for "who is asking" that does not change when the profile first arrives. The server
 * knows the caller from the platform, not from the profile, so a list can load alongside the
 * profile (one round trip on a slow network, not two); only a later switch of account (demo
 * sign-in, sign-out, deletion) changes the key and reloads the list.
 */
export function useIdentityKey(me: Pick<UseMe, 'loading' | 'member'>): string {
  const first = useRef<string | null>(null)
  const openid = me.member?.openid ?? ''
  if (first.current === null && !me.loading) first.current = openid
  return me.loading || openid === first.current ? 'first' : openid
}
