import { allQuestions, CROSS_DIMENSIONS, type CrossDimension, type SurveyAnswer, type SurveyAnswers, type SurveyDefinition, type SurveyQuestion } from '../../../types'

/**
 * Running totals of a survey's answers, kept at submit time in the same store call as the answer,
 * so results read a few thousand counters instead of every response. One total counts, for a
 * question, one value (an option id, a score, `row:option` of a matrix, a ranking's first place),
 * overall (`dim` = `group` = ALL) or within a cross-tab group: a profile dimension's value (实名
 * only, as the response's profile) or the answer to a single-choice / county / field question
 * (`dim` = `q:<questionId>`). Overall, `#` counts those who answered the question and `+` sums
 * their numbers (ratings, NPS). Free text is never counted (as in results).
 */
export interface TotalCount {
  dim: string
  group: string
  questionId: string
  value: string
  n: number
}

export const ALL = '_'
export const ANSWERED = '#'
export const SUM = '+'

/** Free text (and dates, and school names typed in) is never counted into a summary. */
const FREE: ReadonlySet<SurveyQuestion['kind']> = new Set(['text', 'date', 'university'])
/** Questions whose answer can group a cross-tab. */
export const GROUPING_KINDS: ReadonlySet<SurveyQuestion['kind']> = new Set(['single', 'county', 'field'])

/** The values an answer counts under: option ids, scores, `row:option` for a matrix, the first place of a ranking. */
export function valuesOf(q: SurveyQuestion, v: SurveyAnswer | undefined): string[] {
  if (v === undefined || FREE.has(q.kind)) return []
  if (q.kind === 'matrix' && typeof v === 'object' && !Array.isArray(v)) return Object.entries(v).map(([r, o]) => `${r}:${o}`)
  if (q.kind === 'ranking' && Array.isArray(v)) return v.slice(0, 1)
  if (Array.isArray(v)) return v
  return [String(v)]
}

/** The totals' dimension of a `survey.results` `by`: a profile dimension, or a question (`q:<id>`). */
export const dimOf = (by: string): string => ((CROSS_DIMENSIONS as readonly string[]).includes(by) ? by : `q:${by}`)

/** What one response adds to the totals (each n is 1, but a `+` sum, which adds the number). */
export function totalsOf(def: SurveyDefinition, answers: SurveyAnswers, profile: Record<CrossDimension, string> | null): TotalCount[] {
  const questions = allQuestions(def)
  const groups: [string, string][] = []
  if (profile) for (const d of CROSS_DIMENSIONS) if (profile[d]) groups.push([d, profile[d]])
  for (const q of questions) {
    const v = answers[q.id]
    if (GROUPING_KINDS.has(q.kind) && typeof v === 'string' && v) groups.push([dimOf(q.id), v])
  }
  const out: TotalCount[] = []
  for (const q of questions) {
    const v = answers[q.id]
    if (v === undefined) continue
    out.push({ dim: ALL, group: ALL, questionId: q.id, value: ANSWERED, n: 1 })
    if (typeof v === 'number') out.push({ dim: ALL, group: ALL, questionId: q.id, value: SUM, n: v })
    for (const value of valuesOf(q, v)) {
      out.push({ dim: ALL, group: ALL, questionId: q.id, value, n: 1 })
      for (const [dim, group] of groups) out.push({ dim, group, questionId: q.id, value, n: 1 })
    }
  }
  return out
}
