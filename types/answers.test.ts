import type { FormField } from './activity'
import { answersSchema } from './answers'

const form: FormField[] = [
  { id: 'why', label: '报名理由', kind: 'textarea', required: true },
  { id: 'nick', label: '称呼', kind: 'text', required: false },
  { id: 'year', label: '年级', kind: 'single', required: true, options: ['大一', '大二'] },
  { id: 'skills', label: '特长', kind: 'multiple', required: false, options: ['摄影', '写作', '主持'] },
  { id: 'age', label: '年龄', kind: 'number', required: false },
  { id: 'day', label: '到达日期', kind: 'date', required: false },
]

const errorsOf = (raw: unknown) => {
  const result = answersSchema(form).safeParse(raw)
  if (result.success) throw new Error('expected errors')
  return Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]))
}

describe('answersSchema(form)', () => {
  it('keeps trimmed answers, numbers as numbers, choices once, and drops blanks and unknown keys', () => {
    expect(
      answersSchema(form).parse({ why: '  想回家乡  ', nick: '', year: '大一', skills: ['摄影', '摄影', '写作'], age: ' 20 ', day: '2026-07-01', extra: 'x' }),
    ).toEqual({ why: '想回家乡', year: '大一', skills: ['摄影', '写作'], age: 20, day: '2026-07-01' })
  })

  it('asks for a missing required answer: 填写 for text, 选择 for a choice', () => {
    expect(errorsOf({ why: '   ', skills: [] })).toEqual({ why: '请填写“报名理由”', year: '请选择“年级”' })
  })

  it('refuses text over its length: 100 for a line, 1000 for a paragraph', () => {
    expect(errorsOf({ why: '好'.repeat(1001), year: '大一', nick: '好'.repeat(101) })).toEqual({
      why: '“报名理由”最多1000个字',
      nick: '“称呼”最多100个字',
    })
    expect(answersSchema(form).safeParse({ why: '好'.repeat(1000), year: '大一', nick: '好'.repeat(100) }).success).toBe(true)
  })

  it('refuses choices that are not among the options', () => {
    expect(errorsOf({ why: '想', year: '研一', skills: ['摄影', '跳舞'] })).toEqual({
      year: '请从选项中选择“年级”',
      skills: '请从选项中选择“特长”',
    })
  })

  it('refuses a number that is not one and a date that is not YYYY-MM-DD', () => {
    expect(errorsOf({ why: '想', year: '大一', age: '二十', day: '7月1日' })).toEqual({ age: '“年龄”应为数字', day: '“到达日期”应为日期' })
  })

  it('a form without fields takes no answers', () => {
    expect(answersSchema([]).parse({ anything: 'x' })).toEqual({})
  })
})
