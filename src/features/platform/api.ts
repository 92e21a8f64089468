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
// Contacts: staff name them; a contact drafts for their own platform; staff review.
export const addPlatformContact = (platformId: string, openid: string) => call('platform.addContact', { platformId, openid })
export const invitePlatformContact = (platformId: string, name: string) => call('platform.inviteContact', { platformId, name })
export const removePlatformContact = (platformId: string, openid: string) => call('platform.removeContact', { platformId, openid })
export const platformMemberCandidates = (platformId: string, q: string) => call('platform.memberCandidates', { platformId, q })
export const platformContacts = (platformId: string) => call('platform.contacts', { platformId })
export const acceptPlatformInvite = (code: string) => call('platform.acceptInvite', { code })
export const myPlatforms = () => call('platform.mine', {})
export const submitPlatformActivity = (input: ActionInput<'platform.submitActivity'>, requestId: string) => call('platform.submitActivity', input, { requestId })
export const submitPlatformDemand = (input: ActionInput<'platform.submitDemand'>, requestId: string) => call('platform.submitDemand', input, { requestId })
export const pendingDemandDrafts = (platformId: string) => call('platform.demandDrafts', { platformId })
export const reviewDemandDraft = (input: ActionInput<'platform.reviewDemand'>) => call('platform.reviewDemand', input)
/** Staff approve a contact's draft visit by publishing it, or turn it down by cancelling it. */
export const approveActivityDraft = (id: string) => call('activity.publish', { id })
export const rejectActivityDraft = (id: string, reason: string) => call('activity.cancel', { id, reason })
// 面向公众/青少年: sign-ups without joining (a guardian for under-14s); the activity's managers list them.
export const activityForPublic = (id: string) => call('activity.get', { id })
export const myPublicSignUp = (activityId: string) => call('platform.myPublicSignUp', { activityId })
export const publicSignUp = (input: ActionInput<'platform.publicSignUp'>, requestId: string) => call('platform.publicSignUp', input, { requestId })
export const publicCheckIn = (activityId: string, shortCode: string) => call('platform.publicCheckIn', { activityId, shortCode })
export const cancelPublicSignUp = (activityId: string, registrationId: string) => call('platform.cancelPublicSignUp', { activityId, registrationId })
/** What the caller gave in public sign-ups (members or not), and its deletion (PIPL art. 45, 47). */
export const exportMyPublicData = () => call('platform.exportMyPublicData', {})
export const deleteMyPublicData = (requestId: string) => call('platform.deleteMyPublicData', {}, { requestId })
export const publicRegistrations = (activityId: string, cursor?: string) => call('platform.publicRegistrations', { activityId, cursor, limit: 50 })
