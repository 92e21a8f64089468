import { useEffect, useState, useSyncExternalStore } from 'react'
import { getDemoSession, subscribeDemoSession, type DemoSession } from '../../../services/demo-session'
import { fetchDemoAccounts } from '../api'

export interface UseDemo {
  /** null while unknown; false in the mini-program and when the server has demo off. */
  enabled: boolean | null
  session: DemoSession | null
}

export function useDemo(): UseDemo {
  const [enabled, setEnabled] = useState<boolean | null>(process.env.TARO_ENV === 'h5' ? null : false)
  const session = useSyncExternalStore(subscribeDemoSession, getDemoSession, getDemoSession)

  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return
    let alive = true
    fetchDemoAccounts()
      .then((accounts) => alive && setEnabled(accounts !== null))
      .catch(() => alive && setEnabled(false))
    return () => {
      alive = false
    }
  }, [])
  return { enabled, session }
}
