import { useRouter } from '@tarojs/taro'
import { useMe } from '@/hooks/use-me'
import { stationIdFromParams } from '../scene'

export interface ManagedStation {
  /** null while unknown, '' when there is none to manage. */
  stationId: string | null
  /** The page may be shown (the caller's role does not decide it: the api answers FORBIDDEN). */
  ready: boolean
}

/**
 * Which station a head page works on: the `?id=` it was opened with (staff come from a station),
 * or else the head's own station.
 */
export function useManagedStation(): ManagedStation {
  const { params } = useRouter()
  const me = useMe()
  const fromParams = stationIdFromParams(params)
  if (fromParams) return { stationId: fromParams, ready: true }
  if (me.loading) return { stationId: null, ready: false }
  return { stationId: me.member?.stationId ?? '', ready: true }
}
