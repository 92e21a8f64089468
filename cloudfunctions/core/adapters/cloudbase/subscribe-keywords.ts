/**
 * Subscribe-message keywords (audit D2). A template's `data` keys are the keywords the platform
 * gave that template (`thing1`, `time2`, `phrase3`, …); any other key fails the send with 47003
 * after the member's authorisation is used up. The domain names its values by meaning (`title`,
 * `time`, …); configuration maps each meaning to the template's keyword, and the keyword's type
 * decides how the value is written (WeChat's rules per type).
 */

/** The values each message carries, by meaning (core/scheduler.ts, activities.ts, notice-push.ts). */
export const MESSAGE_FIELDS = {
  reminder: ['title', 'time', 'place'],
  result: ['title', 'status', 'note'],
  notice: ['title', 'sender', 'time'],
} as const

/** Meaning → the template's keyword, e.g. `{title: 'thing1', time: 'time2'}`. */
export type KeywordMap = Readonly<Record<string, string>>

const KEYWORD = /^(thing|number|letter|symbol|character_string|time|date|amount|phone_number|car_number|name|phrase)(\d{1,2})$/

/**
 * Parses `title:thing1,time:time2,place:thing3`. Every field of the message must be mapped, to a
 * keyword of a known type, no keyword twice. Answers the map, or a Chinese description of what is
 * wrong (for the configuration error).
 */
export function parseKeywordMap(text: string, fields: readonly string[]): KeywordMap | string {
  const map: Record<string, string> = {}
  const used = new Set<string>()
  for (const pair of text.split(/[\s,，]+/).filter(Boolean)) {
    const [field, keyword, extra] = pair.split(':')
    if (!field || !keyword || extra !== undefined) return `"${pair}" 应写成 字段:关键词，如 title:thing1`
    if (!fields.includes(field)) return `没有字段 ${field}（可用：${fields.join('、')}）`
    if (!KEYWORD.test(keyword)) return `${keyword} 不是订阅消息关键词（如 thing1、time2、phrase3）`
    if (field in map) return `字段 ${field} 出现了两次`
    if (used.has(keyword)) return `关键词 ${keyword} 出现了两次`
    map[field] = keyword
    used.add(keyword)
  }
  const missing = fields.filter((f) => !(f in map))
  if (missing.length) return `缺少字段 ${missing.join('、')} 的关键词`
  return map
}

const cut = (value: string, max: number) => [...value].slice(0, max).join('')

/** `2026-07-20 09:00` from an ISO time or that form itself; null when it is neither. */
function dateTimeOf(value: string): { date: string; time: string } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(value)
  return m ? { date: `${m[1]}-${m[2]}-${m[3]}`, time: `${m[4]}:${m[5]}` } : null
}

/**
 * The value as the keyword's type accepts it: thing ≤ 20 characters, phrase ≤ 5 Chinese
 * characters, name ≤ 10, character_string / letter / number ≤ 32, time `YYYY-MM-DD HH:mm`, date
 * `YYYY-MM-DD`. Empty values are refused by WeChat, so they become "—".
 */
export function formatKeywordValue(keyword: string, value: string): string {
  const type = KEYWORD.exec(keyword)?.[1] ?? 'thing'
  const text = value.trim()
  let out: string
  switch (type) {
    case 'phrase':
      out = cut(text.replace(/[^\u4e00-\u9fff]/g, ''), 5)
      break
    case 'name':
      out = cut(text, 10)
      break
    case 'time': {
      const at = dateTimeOf(text)
      out = at ? `${at.date} ${at.time}` : cut(text, 20)
      break
    }
    case 'date': {
      const at = dateTimeOf(text)
      out = at ? at.date : cut(text, 20)
      break
    }
    case 'character_string':
    case 'letter':
    case 'number':
    case 'symbol':
      out = cut(text, 32)
      break
    default:
      out = cut(text, 20)
  }
  return out === '' ? '—' : out
}

/** The message's values under the template's keywords, each written as its type wants. */
export function toTemplateData(data: Record<string, string>, keywords: KeywordMap): Record<string, { value: string }> {
  const out: Record<string, { value: string }> = {}
  for (const [field, keyword] of Object.entries(keywords)) out[keyword] = { value: formatKeywordValue(keyword, data[field] ?? '') }
  return out
}
