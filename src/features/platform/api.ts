import type { ActionInput } from '../../../types'
import { call } from '../../services/api'

/** The innovation-platform area's operations, one line each (writes carry a requestId). */
export const listPlatforms = (input: ActionInput<'platform.list'>) => call('platform.list', input)
export const getPlatform = (id: string) => call('platform.get', { id })
export const createPlatform = (input: ActionInput<'platform.create'>, requestId: string) => call('platform.create', input, { requestId })
export const updatePlatform = (input: ActionInput<'platform.update'>, requestId: string) => call('platform.update', input, { requestId })
export const archivePlatform = (id: string) => call('platform.archive', { id })
export const importPlatforms = (filename: string, contentBase64: string) => call('platform.import', { filename, contentBase64 })
/** Signs up for a platform's visit from its page (an activity without a form; otherwise its page). */
export const signUpFromPlatform = (activityId: string, requestId: string) => call('activity.signUp', { activityId }, { requestId })
