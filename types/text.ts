import * as z from 'zod'

/**
 * Safe text: what any text a person types may hold. Checked once, at the contract boundary, by
 * every text schema (`text`, `optionalText`, form answers), so nothing stored can break an XML
 * export or spoof a roster (a right-to-left override turning `exe.png` into `png.exe`).
 */

/** Why a code point is refused, or null when it is fine in stored text. */
export function hostileCharacter(codePoint: number): string | null {
  // Tab, line feed and carriage return are ordinary in multi-line text.
  if (codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d) return null
  if (codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f)) return '控制字符'
  if ((codePoint >= 0x202a && codePoint <= 0x202e) || (codePoint >= 0x2066 && codePoint <= 0x2069)) return '文字方向控制符'
  if (codePoint === 0x061c || codePoint === 0x200e || codePoint === 0x200f) return '文字方向控制符'
  if ((codePoint >= 0x200b && codePoint <= 0x200d) || (codePoint >= 0x2060 && codePoint <= 0x2064) || codePoint === 0xfeff) {
    return '不可见字符'
  }
  // Noncharacters: U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF…).
  if ((codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) === 0xfffe) return '非法字符'
  // A lone surrogate (JS strings can hold one; UTF-8 and XML cannot).
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return '非法字符'
  return null
}

/** The first refused character's kind, or null when the text is safe. */
export function findHostile(value: string): string | null {
  for (const char of value) {
    const kind = hostileCharacter(char.codePointAt(0) ?? 0)
    if (kind) return kind
  }
  return null
}

export const isSafeText = (value: string): boolean => findHostile(value) === null

/**
 * Removes what an XML document cannot hold, for writers of files (exports). Anything stored before
 * this boundary existed, or arriving by another path, still cannot break the file.
 */
export function stripForXml(value: string): string {
  let out = ''
  for (const char of value) {
    const cp = char.codePointAt(0) ?? 0
    const kind = hostileCharacter(cp)
    // Bidi and zero-width characters are legal XML; dropped anyway so exports cannot spoof.
    if (kind === null) out += char
  }
  return out
}

/** A zod check for any string schema: refuses hostile characters, naming the field. */
export function safeText<T extends z.ZodType<string>>(label: string, schema: T) {
  return schema.superRefine((value, ctx) => {
    const kind = findHostile(value)
    if (kind) ctx.addIssue({ code: 'custom', message: `${label}含有${kind}，请删除后再提交`, input: value })
  })
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

/** `YYYY-MM-DD` naming a day that exists: `2026-02-30` and `2026-13-01` are refused. */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (month < 1 || month > 12 || day < 1) return false
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day <= days
}

/** A calendar day `YYYY-MM-DD`; the message names the field. */
export function calendarDate(label: string) {
  return z
    .string({ error: `${label}格式不正确` })
    .regex(DATE_PATTERN, `${label}应为 YYYY-MM-DD`)
    .refine(isCalendarDate, `${label}不是有效的日期`)
}
