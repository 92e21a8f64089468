import type { Snippet } from '../../../types'

/** Splits text into parts marked where any of the words occurs (case-insensitive). */
export function markWords(text: string, words: readonly string[]): Snippet[] {
  const needles = words.filter(Boolean).map((w) => w.toLowerCase())
  if (needles.length === 0) return [{ text, hit: false }]
  const lower = text.toLowerCase()
  const parts: Snippet[] = []
  let at = 0
  while (at < text.length) {
    let next = -1
    let length = 0
    for (const needle of needles) {
      const i = lower.indexOf(needle, at)
      if (i !== -1 && (next === -1 || i < next || (i === next && needle.length > length))) {
        next = i
        length = needle.length
      }
    }
    if (next === -1) break
    if (next > at) parts.push({ text: text.slice(at, next), hit: false })
    parts.push({ text: text.slice(next, next + length), hit: true })
    at = next + length
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false })
  return parts
}

/** A window of about `radius` characters around the first match in the summary, else the body. */
export function snippetAround(summary: string, body: string, words: readonly string[], radius = 40): Snippet[] {
  const needles = words.filter(Boolean).map((w) => w.toLowerCase())
  for (const source of [summary, body]) {
    const lower = source.toLowerCase()
    const first = Math.min(...needles.map((n) => lower.indexOf(n)).filter((i) => i !== -1))
    if (Number.isFinite(first)) {
      const start = Math.max(0, first - radius)
      const end = Math.min(source.length, first + radius * 2)
      const text = `${start > 0 ? '…' : ''}${source.slice(start, end).replace(/\s+/g, ' ')}${end < source.length ? '…' : ''}`
      return markWords(text, words)
    }
  }
  return [{ text: summary.slice(0, radius * 3), hit: false }]
}

/** The words of a query: split on whitespace, at most 5, duplicates dropped. */
export function queryWords(q: string | undefined): string[] {
  return [...new Set((q ?? '').trim().split(/\s+/).filter(Boolean))].slice(0, 5)
}
