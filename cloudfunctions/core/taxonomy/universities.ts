import type { UniversityOption } from '../../../types'
import { UNIVERSITY_ROWS, type UniversityRow } from './universities-data'

/**
 * Finding a university the way students type it: the full name, a 简称 (郑大 → 郑州大学, 华科 →
 * 华中科技大学, 北理工 → 北京理工大学) or pinyin initials (zzdx). A 简称 is the name's characters
 * in order with some left out; most start with the name's first character and rank before the same
 * text found inside another name (人大, 川大 do not start there, and rank after both). Ties go to Henan first (where most of our members study), then
 * the shorter name, then 本科 before 专科.
 */
interface Entry {
  option: UniversityOption
  initials: string
  henan: boolean
}

const ENTRIES: readonly Entry[] = UNIVERSITY_ROWS.map((row: UniversityRow) => ({
  option: { name: row[0], province: row[2], city: row[3], level: row[4] },
  initials: row[5],
  henan: row[2] === '河南省',
}))

const BY_NAME = new Map(ENTRIES.map((e) => [e.option.name, e.option]))

/** True when every character of `q` appears in `name` in order. */
function isSubsequence(q: string, name: string): boolean {
  let at = 0
  for (const ch of name) {
    if (ch === q[at]) at += 1
    if (at === q.length) return true
  }
  return at === q.length
}

/** Lower is better; null when it does not match at all. */
function rank(q: string, ascii: string | null, e: Entry): number | null {
  const name = e.option.name
  if (name === q) return 0
  if (name.startsWith(q)) return 1
  if (ascii !== null) return e.initials.startsWith(ascii) ? 2 : e.initials.includes(ascii) ? 5 : null
  // A 简称 from the first character beats the same text inside another name (北理工: 北京理工大学, not 湖北理工学院).
  if (q.length >= 2 && name[0] === q[0] && isSubsequence(q, name)) return 3
  if (name.includes(q)) return 4
  if (q.length >= 2 && isSubsequence(q, name)) return 6
  return null
}

export function searchUniversities(query: string, limit = 10): UniversityOption[] {
  const q = query.replace(/\s+/g, '')
  if (!q) return []
  const ascii = /^[a-z]+$/i.test(q) ? q.toLowerCase() : null
  const found: { e: Entry; r: number }[] = []
  for (const e of ENTRIES) {
    const r = rank(q, ascii, e)
    if (r !== null) found.push({ e, r })
  }
  found.sort(
    (a, b) =>
      a.r - b.r ||
      Number(b.e.henan) - Number(a.e.henan) ||
      a.e.option.name.length - b.e.option.name.length ||
      (a.e.option.level === b.e.option.level ? 0 : a.e.option.level === 'bachelor' ? -1 : 1) ||
      a.e.option.name.localeCompare(b.e.option.name, 'zh'),
  )
  return found.slice(0, limit).map((f) => f.e.option)
}

/** The listed university of exactly this name, if it is on the list. */
export function listedUniversity(name: string): UniversityOption | null {
  return BY_NAME.get(name.trim()) ?? null
}
