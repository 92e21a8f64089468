import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiCallError, errorMessage, type ClientErrorCode } from '../services/api'

export interface LoadState<T> {
  status: 'loading' | 'ready' | 'error'
  data: T | null
  error: string | null
  /** The api's code when it failed (FORBIDDEN draws a no-permission state, not an error). */
  errorCode: ClientErrorCode | null
}

export interface UseLoad<T> extends LoadState<T> {
  /** Loads again; `quiet` keeps what is shown instead of a spinner. */
  reload: (quiet?: boolean) => Promise<void>
  setData: (data: T) => void
}

/** One read that a page shows: loading, its data, or why it failed. `key` changes reload it. */
export function useLoad<T>(load: (() => Promise<T>) | null, key: string): UseLoad<T> {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading', data: null, error: null, errorCode: null })
  const generation = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const reload = useCallback(async (quiet = false) => {
    const current = loadRef.current
    if (!current) return
    generation.current += 1
    const mine = generation.current
    if (!quiet) setState((s) => ({ ...s, status: 'loading', error: null, errorCode: null }))
    try {
      const data = await current()
      if (mine === generation.current) setState({ status: 'ready', data, error: null, errorCode: null })
    } catch (error) {
      if (mine !== generation.current) return
      const errorCode = error instanceof ApiCallError ? error.code : 'INTERNAL'
      setState((s) => ({ status: 'error', data: quiet ? s.data : null, error: errorMessage(error), errorCode }))
    }
  }, [])

  const enabled = load !== null
  useEffect(() => {
    if (enabled) void reload()
    // `key` names what is loaded; the loader itself is read through a ref.
  }, [key, enabled, reload])

  const setData = useCallback((data: T) => setState({ status: 'ready', data, error: null, errorCode: null }), [])
  return { ...state, reload, setData }
}
