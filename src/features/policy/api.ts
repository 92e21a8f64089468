import type { ActionInput, CreatePolicyInput, ShareableField } from '../../../types'
import { call } from '../../services/api'

/**
 * The talent-policy area's operations, one line each. Writes carry a requestId (services/api adds one; a
 * form passes the same one again when the person retries the same submit).
 */
export const searchPolicies = (input: ActionInput<'policy.search'>) => call('policy.search', input)
export const getPolicy = (id: string) => call('policy.get', { id })
export const matchMine = () => call('policy.matchMine', {})
export const favoritePolicy = (id: string, favorite: boolean) => call('policy.favorite', { id, favorite })
export const myFavorites = (cursor?: string) => call('policy.myFavorites', { cursor, limit: 20 })
export const createPolicy = (input: CreatePolicyInput, requestId: string) => call('policy.create', input, { requestId })
export const updatePolicy = (input: ActionInput<'policy.update'>, requestId: string) => call('policy.update', input, { requestId })
export const setPolicyPublished = (id: string, published: boolean) =>
  call(published ? 'policy.publish' : 'policy.unpublish', { id })
export const importPolicies = (filename: string, contentBase64: string) => call('policy.import', { filename, contentBase64 })

export const listDemands = (input: ActionInput<'demand.list'>) => call('demand.list', input)
export const getDemand = (id: string) => call('demand.get', { id })
export const createDemand = (input: ActionInput<'demand.create'>, requestId: string) => call('demand.create', input, { requestId })
export const updateDemand = (input: ActionInput<'demand.update'>, requestId: string) => call('demand.update', input, { requestId })
export const closeDemand = (id: string) => call('demand.close', { id })
export const importDemands = (filename: string, contentBase64: string) => call('demand.import', { filename, contentBase64 })
export const registerInterest = (id: string, share: ShareableField[]) => call('demand.registerInterest', { id, share })
export const withdrawInterest = (id: string) => call('demand.withdrawInterest', { id })
export const demandInterests = (id: string, cursor?: string) => call('demand.interests', { id, cursor, limit: 20 })
export const exportInterests = (id: string) => call('demand.exportInterests', { id })
