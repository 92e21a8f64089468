import { answersSchema, toFieldErrors, type AnswerValue, type FormField } from '../../../types'
import { AppError, invalidInput } from '../shared/errors'

/**
 * Checks answers against an activity's custom form with the contract's `answersSchema(form)` (the
 * sign-up page checks the same before sending). Errors name the field as `answers.<id>`.
 */
export function validateAnswers(form: FormField[], raw: Record<string, AnswerValue> | undefined): Record<string, AnswerValue> {
  const result = answersSchema(form).safeParse(raw ?? {})
  if (result.success) return result.data
  const { message, fields } = toFieldErrors(result.error)
  const byAnswer = Object.fromEntries(Object.entries(fields).map(([id, text]) => [`answers.${id}`, text]))
  const keys = Object.keys(byAnswer)
  if (keys.length === 1) throw invalidInput(keys[0]!, byAnswer[keys[0]!]!)
  throw new AppError('INVALID_INPUT', message, byAnswer)
}
