import { getDemoAccounts, type DemoAccount } from '../../services/api'

export type { DemoAccount }

let cached: Promise<DemoAccount[] | null> | null = null

/** Demo accounts of local mode; null when the server has demo sign-in off. Asked once per load. */
export function fetchDemoAccounts(): Promise<DemoAccount[] | null> {
  if (process.env.TARO_ENV !== 'h5') return Promise.resolve(null)
  if (!cached) {
    cached = getDemoAccounts().catch((error: unknown) => {
      cached = null
      throw error
    })
  }
  return cached
}
