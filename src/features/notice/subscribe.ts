import Taro from '@tarojs/taro'
import type { TaxonomyList } from '../../../types'
import { recordNoticeSubscription } from './api'

/** The notice template travels in `taxonomy.list` beside the activity ones (null: not set up). */
export function noticeTemplateOf(templates: TaxonomyList['subscribeTemplates'] | undefined): string | null {
  return templates?.notice ?? null
}

/**
 * Asks WeChat, on the tap itself (it refuses after an await), for one notice reminder, and records
 * it when accepted. The browser build has no WeChat: local mode records it straight away, so its
 * outbox shows what would have been pushed. Resolves whether a reminder is now due.
 */
export async function subscribeToNotices(templateId: string): Promise<boolean> {
  if (process.env.TARO_ENV === 'weapp') {
    let accepted = false
    try {
      const result: Record<string, unknown> = { ...(await Taro.requestSubscribeMessage({ tmplIds: [templateId], entityIds: [] })) }
      accepted = result[templateId] === 'accept'
    } catch {
      accepted = false
    }
    if (!accepted) return false
  }
  await recordNoticeSubscription()
  return true
}
