import * as z from 'zod'
import type { AnswerValue, FormField } from './activity'

/**
 * The answers to one activity's custom sign-up form, as one schema that the sign-up page checks
 * before sending and `activity.signUp` enforces: required fields present, text within its length,
 * choices from the options, numbers numeric, dates `YYYY-MM-DD`. Blank answers are left out, so
 * are keys the form does not have. Issues are keyed by field id.
 */
export function answersSchema(form: readonly FormField[]) {
  const shape: Record<string, z.ZodType<AnswerValue | undefined, unknown>> = {}
  // Optional ones marked so: zod 4 refuses an absent key whose schema does not say it may be absent.
  for (const field of form) shape[field.id] = field.required ? answerSchema(field) : answerSchema(field).optional()
  return z.object(shape).transform((parsed) => {
    const answers: Record<string, AnswerValue> = {}
    for (const [key, value] of Object.entries(parsed)) if (value !== undefined) answers[key] = value
    return answers
  })
}

/** Longest text answer, by kind. */
export const ANSWER_MAX_LENGTH = { text: 100, textarea: 1000 } as const

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0)
}

function answerSchema(field: FormField): z.ZodType<AnswerValue | undefined, unknown> {
  const choice = field.kind === 'single' || field.kind === 'multiple'
  return z.unknown().transform((value, ctx): AnswerValue | undefined => {
    const fail = (message: string) => {
      ctx.issues.push({ code: 'custom', message, input: value })
      return z.NEVER
    }
    if (isBlank(value)) return field.required ? fail(`请${choice ? '选择' : '填写'}“${field.label}”`) : undefined
    switch (field.kind) {
      case 'text':
      case 'textarea': {
        const max = ANSWER_MAX_LENGTH[field.kind]
        if (typeof value !== 'string') return fail(`“${field.label}”应为文字`)
        if (value.trim().length > max) return fail(`“${field.label}”最多${max}个字`)
        return value.trim()
      }
      case 'single':
        if (typeof value !== 'string' || !field.options?.includes(value)) return fail(`请从选项中选择“${field.label}”`)
        return value
      case 'multiple':
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !field.options?.includes(v))) {
          return fail(`请从选项中选择“${field.label}”`)
        }
        return [...new Set(value as string[])]
      case 'number': {
        const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN
        if (!Number.isFinite(n)) return fail(`“${field.label}”应为数字`)
        return n
      }
      case 'date':
        if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return fail(`“${field.label}”应为日期`)
        return value.trim()
    }
  })
}
