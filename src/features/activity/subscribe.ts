import Taro from '@tarojs/taro'
import type { TaxonomyList } from '../../../types'

export type TemplateKey = 'reminder' | 'result'

/**
 * Asks, on the sign-up tap, to send the reminder and result messages (one authorisation = one
 * message). Must be the first thing the tap does: WeChat refuses it after an await. Resolves to
 * the templates the person accepted; a refusal or an error is no reason to stop the sign-up.
 */
export async function askForSubscriptions(templates: TaxonomyList['subscribeTemplates']): Promise<TemplateKey[]> {
  if (process.env.TARO_ENV !== 'weapp') return []
  const wanted = (Object.entries(templates) as [TemplateKey, string | null][]).filter((entry): entry is [TemplateKey, string] => Boolean(entry[1]))
  if (wanted.length === 0) return []
  try {
    const result: Record<string, unknown> = { ...(await Taro.requestSubscribeMessage({ tmplIds: wanted.map(([, id]) => id), entityIds: [] })) }
    return wanted.filter(([, id]) => result[id] === 'accept').map(([key]) => key)
  } catch {
    return []
  }
}
