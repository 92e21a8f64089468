import * as z from 'zod'
import { findHostile } from './text'
// Always `import * as z`: the namespace import lets esbuild and webpack drop the parts of zod we
// don't use (e.g. its 40 locales); `import { z }` pulls in all of it (450 KB instead of 90 KB).

/**
 * Schema builders whose every message is Chinese and names the field, so the same text works
 * under a form input and in the envelope's top-level message.
 */

type IssueInput = { input?: unknown }
const missingOr = (label: string, wrongType: string) => (issue: IssueInput) =>
  issue.input === undefined || issue.input === null || issue.input === '' ? `请填写${label}` : wrongType

/** Hostile characters (see text.ts) are refused with a message naming the field. */
const refuseHostile = (label: string) => (value: string) => {
  const kind = findHostile(value)
  return kind ? `${label}含有${kind}，请删除后再提交` : undefined
}

export function text(label: string, { min = 1, max }: { min?: number; max: number }) {
  const schema = z.string({ error: missingOr(label, `${label}应为文字`) }).trim()
  const hostile = refuseHostile(label)
  return (min > 0 ? schema.min(min, `请填写${label}`) : schema)
    .max(max, `${label}最多${max}个字`)
    .refine((v) => !hostile(v), { error: (issue) => hostile(String(issue.input)) ?? `${label}格式不正确` })
}

/** An optional text: absent, null and blank all mean "not given" and become `''`. */
export function optionalText(label: string, max: number) {
  return z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}最多${max}个字`)
    .refine((v) => !refuseHostile(label)(v), { error: (issue) => refuseHostile(label)(String(issue.input)) ?? `${label}格式不正确` })
    .nullish()
    .transform((v) => v ?? '')
}

export function choice<T extends string>(label: string, ids: readonly [T, ...T[]]) {
  return z.enum(ids as [T, ...T[]], { error: missingOr(label, `请从列表中选择${label}`) })
}

export function year(label: string, min: number, max: number) {
  return z
    .int({ error: missingOr(label, `${label}应为4位年份`) })
    .min(min, `${label}不能早于${min}年`)
    .max(max, `${label}不能晚于${max}年`)
}

export function id(label: string) {
  return z
    .string({ error: missingOr(label, `${label}格式不正确`) })
    .trim()
    .min(1, `请填写${label}`)
    .max(64, `${label}格式不正确`)
}

export const emptyInput = z.object({})

export interface FieldErrors {
  message: string
  fields: Record<string, string>
}

/** Turns zod issues into `{message, fields}`: the first message per field path. */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '_'
    if (!(path in fields)) fields[path] = issue.message
  }
  const messages = Object.values(fields)
  const message = messages.length > 0 ? messages.slice(0, 3).join('；') : '提交的内容不正确'
  return { message, fields }
}
