import type { AnswerValue, FormField } from '../../../types'
import { invalidInput } from '../shared/errors'
import { AppError } from '../shared/errors'

/**
 * Checks answers against an activity's custom form: required fields present, choices from the
 * options, numbers numeric, dates `YYYY-MM-DD`. Unknown keys are dropped. Errors name the field
 * as `answers.<id>` with its label.
 */
export function validateAnswers(form: FormField[], raw: Record<string, AnswerValue> | undefined): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {}
  const fields: Record<string, string> = {}
  for (const field of form) {
    const value = raw?.[field.id]
    const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
    const fail = (message: string) => {
      fields[`answers.${field.id}`] = message
    }
    if (empty) {
      if (field.required) fail(`请填写“${field.label}”`)
      continue
    }
    switch (field.kind) {
      case 'text':
      case 'textarea': {
        const max = field.kind === 'text' ? 100 : 1000
        if (typeof value !== 'string') fail(`“${field.label}”应为文字`)
        else if (value.trim().length > max) fail(`“${field.label}”最多${max}个字`)
        else answers[field.id] = value.trim()
        break
      }
      case 'single':
        if (typeof value !== 'string' || !field.options?.includes(value)) fail(`请从选项中选择“${field.label}”`)
        else answers[field.id] = value
        break
      case 'multiple':
        if (!Array.isArray(value) || value.some((v) => !field.options?.includes(v))) fail(`请从选项中选择“${field.label}”`)
        else answers[field.id] = [...new Set(value)]
        break
      case 'number': {
        const n = typeof value === 'number' ? value : Number(value)
        if (!Number.isFinite(n)) fail(`“${field.label}”应为数字`)
        else answers[field.id] = n
        break
      }
      case 'date':
        if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) fail(`“${field.label}”应为日期`)
        else answers[field.id] = value
        break
    }
  }
  const keys = Object.keys(fields)
  if (keys.length === 1) throw invalidInput(keys[0], fields[keys[0]])
  if (keys.length > 1) throw new AppError('INVALID_INPUT', Object.values(fields).slice(0, 3).join('；'), fields)
  return answers
}
