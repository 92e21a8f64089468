import type { ActionInput, ActionResult } from '../../../types'
import { call } from '../../services/api'

/**
 * The activity area's operations. Writes carry a requestId (services/api adds one; a caller that
 * may retry the same submit passes its own, from useRequestId), so a retry changes nothing.
 */

export const listActivities = (input: ActionInput<'activity.list'>) => call('activity.list', input)
export const getActivity = (id: string) => call('activity.get', { id })
export const createActivity = (input: ActionInput<'activity.create'>, requestId?: string) => call('activity.create', input, { requestId })
export const updateActivity = (input: ActionInput<'activity.update'>, requestId?: string) => call('activity.update', input, { requestId })
export const publishActivity = (id: string) => call('activity.publish', { id })
export const closeActivitySignUp = (id: string) => call('activity.closeSignUp', { id })
export const cancelActivity = (id: string, reason: string) => call('activity.cancel', { id, reason })
export const copyActivity = (id: string) => call('activity.copy', { id })

export const signUpForActivity = (input: ActionInput<'activity.signUp'>, requestId?: string) =>
  call('activity.signUp', input, { requestId })
export const cancelMySignUp = (activityId: string) => call('activity.cancelSignUp', { activityId })
export const listMyRegistrations = (cursor?: string) => call('activity.myRegistrations', { cursor, limit: 20 })
export const fetchGrowthRecord = () => call('activity.growthRecord', {})
export const fetchOutbox = (cursor?: string) => call('message.outbox', { cursor, limit: 20 })

export const listRegistrations = (input: ActionInput<'activity.registrations'>) => call('activity.registrations', input)
export const exportRegistrations = (input: ActionInput<'activity.exportRegistrations'>) => call('activity.exportRegistrations', input)
export const markAttendance = (input: ActionInput<'activity.markAttendance'>) => call('activity.markAttendance', input)

export const fetchCheckInCode = (activityId: string) => call('activity.checkInCode', { activityId })
export const checkIn = (input: ActionInput<'activity.checkIn'>) => call('activity.checkIn', input)
export const fetchMyCheckInCode = (): Promise<ActionResult<'activity.myCheckInCode'>> => call('activity.myCheckInCode', {})
