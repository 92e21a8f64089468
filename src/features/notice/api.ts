import type { ActionInput } from '../../../types'
import { call } from '../../services/api'

/**
 * The notice area's operations, one line each. Writes carry a requestId (the compose form passes
 * the same one again when the person retries the same send, so a lost reply never sends twice).
 */
export const previewNotice = (audience: ActionInput<'notice.preview'>['audience']) => call('notice.preview', { audience })
export const sendNotice = (input: ActionInput<'notice.send'>, requestId: string) => call('notice.send', input, { requestId })
export const withdrawNotice = (id: string) => call('notice.withdraw', { id })
export const listNotices = (input: ActionInput<'notice.list'>) => call('notice.list', input)
export const fetchNoticeStats = (id: string) => call('notice.stats', { id })

export const fetchInbox = (cursor?: string) => call('notice.inbox', { cursor, limit: 20 })
export const readNotice = (id: string) => call('notice.read', { id })
export const readAllNotices = () => call('notice.readAll', {})
export const fetchUnreadCount = () => call('notice.unreadCount', {})
export const recordNoticeSubscription = () => call('notice.subscribe', {})
