import type { ActionInput } from '../../../types'
import { call } from '@/services/api'

/** The story area's operations, one line each. Writes carry a requestId from the form that sends them. */
export const fetchStoryFeed = (cursor?: string, limit = 10) => call('story.feed', { cursor, limit })
export const fetchMyStories = (cursor?: string) => call('story.mine', { cursor, limit: 20 })
export const fetchReviewQueue = (cursor?: string) => call('story.queue', { cursor, limit: 20 })
export const getStory = (id: string) => call('story.get', { id })
export const createStory = (input: ActionInput<'story.create'>, requestId: string) => call('story.create', input, { requestId })
export const updateStory = (input: ActionInput<'story.update'>, requestId: string) => call('story.update', input, { requestId })
export const submitStory = (id: string, requestId: string) => call('story.submit', { id }, { requestId })
export const consentToStory = (id: string, agree: boolean) => call('story.consent', { id, agree })
export const reviewStory = (input: ActionInput<'story.review'>) => call('story.review', input)
export const retractStory = (id: string, reason: string) => call('story.retract', { id, reason })
export const featureStory = (id: string, featured: boolean, order?: number) => call('story.feature', { id, featured, order })
export const fetchPosterCode = (id: string) => call('story.posterCode', { id })
export const fetchSubjects = (stationId: string) => call('station.members', { stationId, limit: 50 })
