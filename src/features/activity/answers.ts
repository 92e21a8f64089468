import { answersSchema, toFieldErrors, type AnswerValue, type FormField, type Member } from '../../../types'

/** What a sign-up form holds while a person fills it: text as typed, choices as option labels. */
export type AnswerDraft = Record<string, string | string[]>

/** Form labels that the profile already answers (so nobody types their school twice). */
const FROM_PROFILE: Record<string, (m: Member) => string> = {
  姓名: (m) => m.name,
  手机号: (m) => m.phone,
  联系电话: (m) => m.phone,
  学校: (m) => m.university,
  就读学校: (m) => m.university,
  学院: (m) => m.college,
  专业: (m) => m.major,
}

/** Pre-fill: my last answer to a question with the same label, else my profile, else blank. */
export function prefillAnswers(form: FormField[], lastAnswers: Record<string, AnswerValue>, member: Member | null): AnswerDraft {
  const draft: AnswerDraft = {}
  for (const field of form) {
    const last = lastAnswers[field.label]
    if (field.kind === 'multiple') {
      draft[field.id] = Array.isArray(last) ? last.filter((v) => field.options?.includes(v)) : []
    } else if (field.kind === 'single') {
      draft[field.id] = typeof last === 'string' && field.options?.includes(last) ? last : ''
    } else if (last !== undefined && !Array.isArray(last)) {
      draft[field.id] = String(last)
    } else {
      const fromProfile = member ? FROM_PROFILE[field.label]?.(member) : undefined
      draft[field.id] = fromProfile ?? ''
    }
  }
  return draft
}

/**
 * The draft as `activity.signUp` answers, plus the errors the person can fix before sending:
 * the contract's `answersSchema(form)`, the same check the server makes.
 */
export function draftToAnswers(form: FormField[], draft: AnswerDraft): { answers: Record<string, AnswerValue>; errors: Record<string, string> } {
  const result = answersSchema(form).safeParse(draft)
  return result.success ? { answers: result.data, errors: {} } : { answers: {}, errors: toFieldErrors(result.error).fields }
}

/** Server errors `answers.<id>` → by field id. */
export function answerErrors(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [path, message] of Object.entries(fields)) {
    const m = path.match(/^answers\.([^.]+)/)
    if (m) out[m[1]] = message
  }
  return out
}

export function answerText(value: AnswerValue | undefined): string {
  if (value === undefined) return ''
  return Array.isArray(value) ? value.join('、') : String(value)
}
