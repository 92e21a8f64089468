import { useCallback, useEffect, useSyncExternalStore } from 'react'
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
