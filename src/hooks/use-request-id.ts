import { useCallback, useRef } from 'react'
import { newRequestId } from '../services/api'

/**
 * One requestId per distinct submit: pressing the button again with the same content (after a
 * network failure) repeats the id, so the server answers the first result instead of acting twice.
 */
export function useRequestId() {
  const last = useRef<{ key: string; id: string } | null>(null)
  const idFor = useCallback((payload: unknown) => {
    const key = JSON.stringify(payload)
    if (last.current?.key !== key) last.current = { key, id: newRequestId() }
    return last.current.id
  }, [])
  const done = useCallback(() => {
    last.current = null
  }, [])
  return { idFor, done }
}
