/**
 * The blind copy judges see: every given term (team name, member names, universities, declaring
 * unit) masked wherever it appears in a text, longest terms first so that a university's full name
 * is masked before a shorter part of it. Matching ignores case and spaces inside the term.
 */

export const MASK = '■■'

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The terms worth masking: trimmed, at least two characters, each once, longest first. */
export function blindTerms(values: readonly string[]): string[] {
  const terms = new Set(values.map((v) => v.trim()).filter((v) => [...v].length >= 2))
  return [...terms].sort((a, b) => b.length - a.length)
}

/** Masks every term in the text; answers the text and how many places were masked. */
export function redact(text: string, terms: readonly string[]): { text: string; masked: number } {
  let masked = 0
  let out = text
  for (const term of blindTerms(terms)) {
    const pattern = new RegExp([...term.replace(/\s+/g, '')].map(escape).join('\\s*'), 'gi')
    out = out.replace(pattern, () => {
      masked += 1
      return MASK
    })
  }
  return { text: out, masked }
}
