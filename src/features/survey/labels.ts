import type { RecipientStatus, SurveyStatus } from '../../../types'

export const SURVEY_STATUS_TONES: Record<SurveyStatus, string> = { draft: 'wait', approved: 'done', published: 'ok', closed: 'off' }
export const RECIPIENT_STATUS_TONES: Record<RecipientStatus, string> = { unread: 'bad', opened: 'wait', started: 'wait', submitted: 'ok' }
