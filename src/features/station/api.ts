import type { ActionInput, ActionResult, RosterFilters } from '../../../types'
import { call } from '../../services/api'

/** The station area's operations, one line each: the transport lives in services/api. */
export const listStations = (input: ActionInput<'station.list'>): Promise<ActionResult<'station.list'>> =>
  call('station.list', input)
export const getStation = (id: string) => call('station.get', { id })
export const myJoinRequest = () => call('station.myRequest', {})
export const requestToJoin = (stationId: string, note: string, requestId: string) =>
  call('station.requestJoin', { stationId, note }, { requestId })
export const cancelJoinRequest = (id: string) => call('station.cancelRequest', { id })
export const leaveStation = () => call('station.leave', {})
export const stationInvite = (id: string) => call('station.invite', { id })

// Heads (their own station) and staff.
export const pendingRequests = (stationId: string, cursor?: string) =>
  call('station.pendingRequests', { stationId, cursor, limit: 20 })
export const reviewRequest = (id: string, decision: 'approve' | 'reject', reason?: string) =>
  call('station.reviewRequest', { id, decision, reason })
export const stationMembers = (stationId: string, filters: RosterFilters, cursor?: string) =>
  call('station.members', { stationId, ...filters, cursor, limit: 20 })
export const removeStationMember = (stationId: string, openid: string, reason: string) =>
  call('station.removeMember', { stationId, openid, reason })
export const exportStationMembers = (stationId: string, filters: RosterFilters) =>
  call('station.exportMembers', { stationId, ...filters })

// Staff.
export const createStation = (input: ActionInput<'station.create'>, requestId: string) =>
  call('station.create', input, { requestId })
export const updateStation = (input: ActionInput<'station.update'>, requestId: string) =>
  call('station.update', input, { requestId })
export const closeStation = (id: string, reason: string) => call('station.close', { id, reason })
export const appointLeader = (stationId: string, openid: string, as: 'head' | 'deputy') =>
  call('station.appointHead', { stationId, openid, as })
export const removeLeader = (stationId: string, openid: string) => call('station.removeHead', { stationId, openid })
export const importStations = (filename: string, contentBase64: string) =>
  call('station.import', { filename, contentBase64 })
export const listAudit = (input: ActionInput<'audit.list'>) => call('audit.list', input)
export const listAuditActors = () => call('audit.actors', {})
