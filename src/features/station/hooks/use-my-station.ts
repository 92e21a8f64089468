import { useDidShow } from '@tarojs/taro'
import type { JoinRequest, Member, StationView } from '../../../../types'
import { getStation, myJoinRequest } from '../api'
import { useLoad } from '@/hooks/use-load'

export type MyStation = { kind: 'member'; station: StationView } | { kind: 'request'; request: JoinRequest | null }

/** 我的 → 我的驿站: the station I am in, or where my latest request stands. */
export function useMyStation(member: Member | null) {
  const stationId = member?.stationId ?? null
  const load = member
    ? async (): Promise<MyStation> =>
        stationId ? { kind: 'member', station: await getStation(stationId) } : { kind: 'request', request: await myJoinRequest() }
    : null
  const state = useLoad<MyStation>(load, `${member?.openid ?? ''}:${stationId ?? ''}:${member?.role ?? ''}`)
  useDidShow(() => {
    if (member) void state.reload(true)
  })
  return state
}
