import type { ActionInput, SurveyAnswers } from '../../../types'
import { call } from '../../services/api'

/** The survey area's operations, one line each (writes carry a requestId; forms pass theirs). */
export const createSurvey = (input: ActionInput<'survey.create'>, requestId: string) => call('survey.create', input, { requestId })
export const updateSurvey = (input: ActionInput<'survey.update'>, requestId: string) => call('survey.update', input, { requestId })
export const approveSurvey = (id: string) => call('survey.approve', { id })
export const publishSurvey = (id: string) => call('survey.publish', { id })
export const closeSurvey = (id: string) => call('survey.close', { id })
export const listSurveys = (cursor?: string) => call('survey.list', { cursor, limit: 20 })
export const fetchSurvey = (id: string) => call('survey.get', { id })
export const saveSurveyDraft = (id: string, pageId: string, answers: SurveyAnswers) => call('survey.saveDraft', { id, pageId, answers })
export const submitSurvey = (id: string, answers: SurveyAnswers, requestId: string) => call('survey.submit', { id, answers }, { requestId })
export const fetchSurveyLink = (id: string, token: string) => call('survey.linkGet', { id, token })
export const submitSurveyLink = (id: string, token: string, answers: SurveyAnswers, requestId: string) => call('survey.linkSubmit', { id, token, answers }, { requestId })
export const mySurveys = (cursor?: string) => call('survey.mine', { cursor, limit: 20 })
export const myFeedbackRecord = () => call('survey.myFeedback', {})
export const fetchRespondents = (id: string, cursor?: string) => call('survey.respondents', { id, cursor, limit: 50 })
export const remindSurvey = (id: string) => call('survey.remind', { id })
export const fetchSurveyResults = (id: string, by?: string) => call('survey.results', { id, by })
export const exportSurvey = (id: string) => call('survey.export', { id })
