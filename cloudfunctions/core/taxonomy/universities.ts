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

/** The list in tie-break order (Henan, shorter name, 本科, then 拼音 order), sorted on first use, not at start-up. */
let tieOrder: readonly Entry[] | null = null
function inTieOrder(): readonly Entry[] {
  tieOrder ??= [...ENTRIES].sort(
    (a, b) =>
      Number(b.henan) - Number(a.henan) ||
      a.option.name.length - b.option.name.length ||
      (a.option.level === b.option.level ? 0 : a.option.level === 'bachelor' ? -1 : 1) ||
      a.option.name.localeCompare(b.option.name, 'zh'),
  )
  return tieOrder
}

const RANKS = 7

export function searchUniversities(query: string, limit = 10): UniversityOption[] {
  const q = query.replace(/\s+/g, '')
  if (!q) return []
  const ascii = /^[a-z]+$/i.test(q) ? q.toLowerCase() : null
  // One pass in tie-break order into a bucket per rank: the order a sort by (rank, ties) gives, without sorting.
  const buckets: UniversityOption[][] = Array.from({ length: RANKS }, () => [])
  for (const e of inTieOrder()) {
    const r = rank(q, ascii, e)
    if (r !== null && buckets[r]!.length < limit) buckets[r]!.push(e.option)
  }
  return buckets.flat().slice(0, limit)
}

/** The listed university of exactly this name, if it is on the list. */
export function listedUniversity(name: string): UniversityOption | null {
  return BY_NAME.get(name.trim()) ?? null
}

/** Full-width letters, digits and brackets as ASCII, no spaces: how a name typed on a phone varies. */
function normalised(name: string): string {
  return name
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
}

/**
 * The listed university a free-text 学校 most likely means, to be confirmed by the member: the same
 * name once spaces and full-width characters are evened out, or else the first match by full name,
 * 简称 or pinyin initials (郑大, zzdx → 郑州大学). Text found only somewhere inside a name is too weak
 * to propose. Null when the text is already a listed name or nothing fits well enough.
 */
export function matchUniversity(typed: string): UniversityOption | null {
  if (listedUniversity(typed)) return null
  const q = normalised(typed)
  if (q.length < 2) return null
  const exact = listedUniversity(q) ?? listedUniversity(q.replace(/\([^)]*\)$/, ''))
  if (exact) return exact
  const ascii = /^[a-z]+$/i.test(q) ? q.toLowerCase() : null
  let best: { rank: number; option: UniversityOption } | null = null
  for (const e of inTieOrder()) {
    const r = rank(q, ascii, e)
    if (r !== null && r <= 3 && (!best || r < best.rank)) best = { rank: r, option: e.option }
  }
  return best?.option ?? null
}
