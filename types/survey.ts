import * as z from 'zod'
import { COUNTY_IDS } from './taxonomy'
import { noticeAudienceInput, type NoticeAudience } from './notice'
import { CONSIDER_RETURN_IDS, REASON_IDS } from './pipeline'
import { pageInput } from './station'
import { isCalendarDate, findHostile } from './text'
import { id, optionalText, text } from './validation'

/**
 * Surveys (问卷): the definition a staff member builds, the answers a member gives, and ONE pure
 * function (`surveyPath`) that says which pages and questions are visible for some answers. The
 * answer page and `survey.submit` both call it, so "required" means the same on both sides: the
 * server re-checks required-ness of the visible questions only, and drops answers to hidden ones.
 */

export const QUESTION_KINDS = ['single', 'multiple', 'text', 'rating', 'nps', 'matrix', 'ranking', 'date', 'county', 'university', 'field'] as const
export type QuestionKind = (typeof QUESTION_KINDS)[number]

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  single: '单选',
  multiple: '多选',
  text: '填空',
  rating: '评分',
  nps: '推荐度（NPS）',
  matrix: '矩阵单选',
  ranking: '排序',
  date: '日期',
  county: '家乡县区',
  university: '学校',
  field: '产业领域',
}

/** 实名: answers linked to the member; 匿名可催办: who submitted kept apart from what; 完全匿名: nothing kept per person. */
export const IDENTITY_MODES = ['named', 'anonymous_tracked', 'anonymous'] as const
export type IdentityMode = (typeof IDENTITY_MODES)[number]

export const IDENTITY_MODE_LABELS: Record<IdentityMode, string> = {
  named: '实名',
  anonymous_tracked: '匿名可催办',
  anonymous: '完全匿名',
}

/** What the first screen of the answer page says, in plain words. */
export const IDENTITY_MODE_STATEMENTS: Record<IdentityMode, string> = {
  named: '这是一份实名问卷：你的回答会和你的姓名、资料一起保存，团市委工作人员可以看到是你填写的。',
  anonymous_tracked:
    '这是一份匿名问卷：工作人员只能知道你是否已提交（用于提醒未填写的同学），看不到你填了什么；你的答卷不记录姓名，只记录提交日期。',
  anonymous: '这是一份完全匿名问卷：不记录谁填写了、谁没有填写，答卷不记录姓名，只记录提交日期。',
}

/**
 * 公开链接: anyone with the link answers, member or not. Identity as in 匿名可催办 (the only mode it
 * takes): the answers carry no member id or WeChat identity, only the day; apart from them the
 * service keeps which WeChat account has submitted (one answer per account), never joined to them.
 */
export const PUBLIC_LINK_LABEL = '公开链接（匿名）'
export const PUBLIC_LINK_STATEMENT =
  '这是一份公开链接问卷，不是联盟成员也可以填写。答卷不记录你的姓名和微信身份，只记录提交日期；系统另外记下这个微信账号已提交过（每个账号只能提交一次），但无法把它和你的回答对应起来。'
/** What the builder says about a public link. */
export const PUBLIC_LINK_BUILDER_NOTE =
  '公开链接问卷：拿到链接的人都能填写（不必是成员），只能用匿名可催办模式（不提供实名）；每个微信账号只能提交一次；没有固定的发送对象，所以没有未填写名单，也不能提醒。'

const CODE = /^[A-Za-z0-9_-]{1,16}$/
const code = (label: string) => z.string({ error: `${label}编号格式不正确` }).regex(CODE, `${label}编号应为1到16位字母、数字、下划线或短横线`)

/** Show-if logic over option ids (腾讯问卷's semantics): chosen / and / or / not. */
export type Condition =
  | { op: 'chosen'; questionId: string; optionId: string }
  | { op: 'and'; of: Condition[] }
  | { op: 'or'; of: Condition[] }
  | { op: 'not'; of: Condition }

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion(
    'op',
    [
      z.object({ op: z.literal('chosen'), questionId: code('题目'), optionId: code('选项') }),
      z.object({ op: z.literal('and'), of: z.array(conditionSchema).min(1, '条件不能为空').max(10, '最多10个条件') }),
      z.object({ op: z.literal('or'), of: z.array(conditionSchema).min(1, '条件不能为空').max(10, '最多10个条件') }),
      z.object({ op: z.literal('not'), of: conditionSchema }),
    ],
    { error: '显示条件格式不正确' },
  ),
)

const optionSchema = z.object({
  id: code('选项'),
  label: text('选项文字', { max: 60 }),
  /** "以上都没有": chosen alone (multiple choice). */
  exclusive: z.boolean({ error: '互斥选项应为是或否' }).optional(),
  /** At most this many submitted answers may choose it (single / multiple). */
  quota: z.int({ error: '选项名额应为整数' }).min(1, '选项名额至少为1').max(100_000, '选项名额最多100000').optional(),
})
export type SurveyOption = z.output<typeof optionSchema>

const options = z.array(optionSchema, { error: '选项应为列表' }).min(2, '至少需要2个选项').max(30, '最多30个选项')

/** When an option's quota is used up: hide it from those still answering, or end politely whoever chooses it. */
export const QUOTA_FULL_MODES = ['hide', 'end'] as const
export type QuotaFullMode = (typeof QUOTA_FULL_MODES)[number]
export const QUOTA_FULL_LABELS: Record<QuotaFullMode, string> = { hide: '名额满后隐藏该选项', end: '名额满后结束作答（礼貌告知）' }
export const DEFAULT_QUOTA_END_MESSAGE = '感谢你的参与！这一类同学的名额已经满了，本次问卷到此结束。'

/** Single and multiple choice: what happens when a quota fills (absent: hide), and the end message. */
const quotaFields = {
  whenFull: z.enum(QUOTA_FULL_MODES, { error: '请选择名额满后的处理方式' }).optional(),
  fullMessage: optionalText('名额已满提示', 100),
}

/** Profile values a question may be prefilled from (the member sees and can change them); never in 完全匿名. */
export const PREFILL_SOURCES = ['university', 'county', 'graduationYear', 'field'] as const
export type PrefillSource = (typeof PREFILL_SOURCES)[number]
export const PREFILL_LABELS: Record<PrefillSource, string> = { university: '学校', county: '家乡县区', graduationYear: '毕业年份', field: '重点产业领域' }
/** The question kinds each profile value fits. */
export const PREFILL_KINDS: Record<PrefillSource, readonly QuestionKind[]> = {
  university: ['university', 'text'],
  county: ['county'],
  graduationYear: ['text'],
  field: ['field'],
}

/**
 * 回驻意愿 questions that feed the pipeline (issue 14): in a 实名 survey the member's answer is
 * written where the pipeline reads 是否考虑回驻 and 未回驻马店的原因 (their latest 去向登记);
 * never from an anonymous survey or a public link. Option ids are the pipeline's.
 */
export const PIPELINE_FEEDS = ['considerReturn', 'reasons'] as const
export type PipelineFeed = (typeof PIPELINE_FEEDS)[number]
export const PIPELINE_FEED_NOTE =
  '本问卷含“回驻意愿与原因”题：实名时，已登记去向且尚未回驻的成员，其“是否考虑回驻”和“未回驻原因”会更新到去向登记，用于人才回流统计；匿名可催办、完全匿名和公开链接问卷不会写入。'
const FEED_RULES: Record<PipelineFeed, { kind: QuestionKind; ids: readonly string[]; label: string }> = {
  considerReturn: { kind: 'single', ids: CONSIDER_RETURN_IDS, label: '是否考虑回驻' },
  reasons: { kind: 'multiple', ids: REASON_IDS, label: '未回驻马店的原因' },
}

const base = {
  id: code('题目'),
  title: text('题目', { max: 100 }),
  description: optionalText('题目说明', 200),
  required: z.boolean({ error: '是否必答应为是或否' }).default(false),
  showIf: conditionSchema.optional(),
  /** Prefilled from the member's profile (the author ticks it per question). */
  prefill: z.enum(PREFILL_SOURCES, { error: '请选择预填的资料项' }).optional(),
  /** Feeds the pipeline's 回驻 intention or reasons (实名 only; see PIPELINE_FEEDS). */
  feeds: z.enum(PIPELINE_FEEDS, { error: '请选择写入去向登记的项目' }).optional(),
}

export const TEXT_FORMATS = ['plain', 'phone', 'number'] as const

export const questionSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ ...base, kind: z.literal('single'), options, ...quotaFields }),
    z.object({
      ...base,
      kind: z.literal('multiple'),
      options,
      ...quotaFields,
      min: z.int({ error: '最少选择数应为整数' }).min(1).max(30).optional(),
      max: z.int({ error: '最多选择数应为整数' }).min(1).max(30).optional(),
    }),
    z.object({
      ...base,
      kind: z.literal('text'),
      long: z.boolean({ error: '是否多行应为是或否' }).default(false),
      format: z.enum(TEXT_FORMATS, { error: '请选择填空格式' }).default('plain'),
    }),
    z.object({ ...base, kind: z.literal('rating'), scale: z.int({ error: '评分等级应为整数' }).min(3, '评分至少3级').max(10, '评分最多10级').default(5) }),
    z.object({ ...base, kind: z.literal('nps') }),
    z.object({
      ...base,
      kind: z.literal('matrix'),
      rows: z.array(z.object({ id: code('矩阵行'), label: text('矩阵行文字', { max: 60 }) }), { error: '矩阵行应为列表' }).min(1, '至少需要1行').max(20, '最多20行'),
      options,
    }),
    z.object({ ...base, kind: z.literal('ranking'), options: options.max(10, '排序题最多10个选项') }),
    z.object({ ...base, kind: z.literal('date') }),
    z.object({ ...base, kind: z.literal('county') }),
    z.object({ ...base, kind: z.literal('university') }),
    z.object({ ...base, kind: z.literal('field') }),
  ],
  { error: '请选择题型' },
)
export type SurveyQuestion = z.output<typeof questionSchema>

const jumpSchema = z.object({ when: conditionSchema, to: z.union([code('页面'), z.literal('end')], { error: '跳转目标格式不正确' }) })
export type SurveyJump = z.output<typeof jumpSchema>

const pageSchema = z.object({
  id: code('页面'),
  title: optionalText('页面标题', 40),
  questions: z.array(questionSchema, { error: '题目应为列表' }).min(1, '每页至少1道题').max(30, '每页最多30道题'),
  showIf: conditionSchema.optional(),
  /** After this page: the first rule that holds decides the next page (or the end); none: the next page. */
  jumps: z.array(jumpSchema, { error: '跳转规则应为列表' }).max(10, '每页最多10条跳转规则').default([]),
})
export type SurveyPage = z.output<typeof pageSchema>

/** The option and question ids a condition reads. */
function referencesOf(c: Condition): { questionId: string; optionId: string }[] {
  if (c.op === 'chosen') return [{ questionId: c.questionId, optionId: c.optionId }]
  if (c.op === 'not') return referencesOf(c.of)
  return c.of.flatMap(referencesOf)
}

const CHOICE_KINDS: ReadonlySet<QuestionKind> = new Set(['single', 'multiple'])

/**
 * The definition: pages of questions. Checked as a whole: ids unique, every condition reads a
 * single or multiple choice question asked EARLIER (so there are no cycles) and an option it has,
 * jumps go forward, multiple-choice min ≤ max ≤ options, at most 100 questions.
 */
export const surveyDefinitionSchema = z
  .object({ pages: z.array(pageSchema, { error: '页面应为列表' }).min(1, '至少需要1页').max(20, '最多20页') })
  .superRefine((def, ctx) => {
    const seen = new Map<string, SurveyQuestion>()
    const pageIds = def.pages.map((p) => p.id)
    if (new Set(pageIds).size !== pageIds.length) ctx.addIssue({ code: 'custom', message: '页面编号重复', path: ['pages'] })
    const total = def.pages.reduce((n, p) => n + p.questions.length, 0)
    if (total > 100) ctx.addIssue({ code: 'custom', message: '一份问卷最多100道题', path: ['pages'] })
    const checkCondition = (c: Condition | undefined, path: (string | number)[]) => {
      if (!c) return
      for (const ref of referencesOf(c)) {
        const q = seen.get(ref.questionId)
        if (!q || !CHOICE_KINDS.has(q.kind)) {
          ctx.addIssue({ code: 'custom', message: `条件引用的题目（${ref.questionId}）须是前面的单选或多选题`, path })
        } else if ('options' in q && !q.options.some((o) => o.id === ref.optionId)) {
          ctx.addIssue({ code: 'custom', message: `条件引用的选项（${ref.optionId}）不存在`, path })
        }
      }
    }
    def.pages.forEach((page, pi) => {
      checkCondition(page.showIf, ['pages', pi, 'showIf'])
      page.questions.forEach((q, qi) => {
        const path = ['pages', pi, 'questions', qi]
        if (seen.has(q.id)) ctx.addIssue({ code: 'custom', message: `题目编号重复（${q.id}）`, path: [...path, 'id'] })
        checkCondition(q.showIf, [...path, 'showIf'])
        if (q.prefill && !PREFILL_KINDS[q.prefill].includes(q.kind)) {
          ctx.addIssue({ code: 'custom', message: `「${q.title}」不能用${PREFILL_LABELS[q.prefill]}预填`, path: [...path, 'prefill'] })
        }
        if (q.feeds) {
          const rule = FEED_RULES[q.feeds]
          if (q.kind !== rule.kind || ('options' in q && q.options.some((o) => !rule.ids.includes(o.id)))) {
            ctx.addIssue({ code: 'custom', message: `「${q.title}」不能写入去向登记的“${rule.label}”：题型或选项编号与去向登记不一致`, path: [...path, 'feeds'] })
          }
        }
        if ('options' in q) {
          const ids = q.options.map((o) => o.id)
          if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: `「${q.title}」的选项编号重复`, path: [...path, 'options'] })
          if (q.kind !== 'single' && q.kind !== 'multiple' && q.options.some((o) => o.quota !== undefined || o.exclusive)) {
            ctx.addIssue({ code: 'custom', message: `「${q.title}」不能设置名额或互斥选项`, path: [...path, 'options'] })
          }
          if (q.kind === 'single' && q.options.some((o) => o.exclusive)) {
            ctx.addIssue({ code: 'custom', message: `单选题「${q.title}」不需要互斥选项`, path: [...path, 'options'] })
          }
        }
        if (q.kind === 'multiple') {
          const max = q.max ?? q.options.length
          if (max > q.options.length) ctx.addIssue({ code: 'custom', message: `「${q.title}」最多选择数不能超过选项数`, path: [...path, 'max'] })
          if ((q.min ?? 1) > max) ctx.addIssue({ code: 'custom', message: `「${q.title}」最少选择数不能大于最多选择数`, path: [...path, 'min'] })
        }
        seen.set(q.id, q)
      })
      // Conditions of jumps may read this page's own questions (they run after it).
      page.jumps.forEach((jump, ji) => {
        checkCondition(jump.when, ['pages', pi, 'jumps', ji, 'when'])
        if (jump.to !== 'end' && pageIds.indexOf(jump.to) <= pi) {
          ctx.addIssue({ code: 'custom', message: '只能跳转到后面的页面或结束', path: ['pages', pi, 'jumps', ji, 'to'] })
        }
      })
    })
  })
export type SurveyDefinition = z.output<typeof surveyDefinitionSchema>
export type SurveyDefinitionInput = z.input<typeof surveyDefinitionSchema>

/** One answer: an option id (single, county, field), ids (multiple, ranking), text, a number, or matrix row → option id. */
export type SurveyAnswer = string | number | string[] | Record<string, string>
export type SurveyAnswers = Record<string, SurveyAnswer>

const answerValue = z.union(
  [
    z.string().max(1000, '回答最多1000个字'),
    z.number(),
    z.array(z.string().max(64)).max(30),
    z.record(z.string().max(16), z.string().max(16)),
  ],
  { error: '回答格式不正确' },
)
export const surveyAnswersSchema = z
  .record(z.string().regex(CODE, '题目编号格式不正确'), answerValue, { error: '回答应为对象' })
  .refine((a) => Object.keys(a).length <= 100, '回答过多')
  .refine((a) => Object.values(a).every((v) => typeof v !== 'string' || findHostile(v) === null), '回答含有不可见或控制字符，请删除后再提交')

// ——— the one pure function of visibility and validation ———

function chosen(answer: SurveyAnswer | undefined, optionId: string): boolean {
  if (typeof answer === 'string') return answer === optionId
  if (Array.isArray(answer)) return answer.includes(optionId)
  return false
}

export function holds(c: Condition, answers: SurveyAnswers): boolean {
  switch (c.op) {
    case 'chosen':
      return chosen(answers[c.questionId], c.optionId)
    case 'and':
      return c.of.every((x) => holds(x, answers))
    case 'or':
      return c.of.some((x) => holds(x, answers))
    case 'not':
      return !holds(c.of, answers)
  }
}

export interface SurveyPath {
  /** Pages the respondent goes through, in order. */
  pages: SurveyPage[]
  /** Visible questions per visible page id. */
  questions: Record<string, SurveyQuestion[]>
  /** The answers with those to hidden questions dropped. */
  answers: SurveyAnswers
}

/**
 * Walks the survey with these answers: a page shows when its condition holds, a question when
 * its condition holds over the answers to VISIBLE earlier questions (an answer to a hidden
 * question counts as not given), and after each page the first jump rule that holds decides
 * where to go next. Pure: the answer page and the server call it alike.
 */
export function surveyPath(def: SurveyDefinition, given: SurveyAnswers): SurveyPath {
  const answers: SurveyAnswers = {}
  const pages: SurveyPage[] = []
  const questions: Record<string, SurveyQuestion[]> = {}
  let index = 0
  while (index < def.pages.length) {
    const page = def.pages[index]!
    if (page.showIf && !holds(page.showIf, answers)) {
      index += 1
      continue
    }
    const visible = page.questions.filter((q) => {
      if (q.showIf && !holds(q.showIf, answers)) return false
      const value = given[q.id]
      if (value !== undefined) answers[q.id] = value
      return true
    })
    pages.push(page)
    questions[page.id] = visible
    const jump = page.jumps.find((j) => holds(j.when, answers))
    if (!jump) index += 1
    else if (jump.to === 'end') break
    else index = def.pages.findIndex((p) => p.id === jump.to)
  }
  return { pages, questions, answers }
}

const isBlank = (v: SurveyAnswer | undefined) =>
  v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)

const PHONE = /^1\d{10}$/
const NUMBER = /^-?\d+(\.\d+)?$/

/** Why one given answer is wrong for its question, or null. `known` checks taxonomy ids (fields). */
export function answerProblem(q: SurveyQuestion, v: SurveyAnswer, known: { fieldIds?: readonly string[] } = {}): string | null {
  const t = `「${q.title}」`
  const optionIds = 'options' in q ? q.options.map((o) => o.id) : []
  switch (q.kind) {
    case 'single':
      return typeof v === 'string' && optionIds.includes(v) ? null : `请从选项中选择${t}`
    case 'multiple': {
      if (!Array.isArray(v) || v.some((x) => !optionIds.includes(x)) || new Set(v).size !== v.length) return `请从选项中选择${t}`
      const exclusive = q.options.filter((o) => o.exclusive).map((o) => o.id)
      if (v.length > 1 && v.some((x) => exclusive.includes(x))) {
        return `${t}的「${q.options.find((o) => exclusive.includes(o.id) && v.includes(o.id))?.label}」不能与其他选项同时选择`
      }
      const onlyExclusive = v.length === 1 && exclusive.includes(v[0]!)
      if (!onlyExclusive && q.min !== undefined && v.length < q.min) return `${t}至少选择${q.min}项`
      if (q.max !== undefined && v.length > q.max) return `${t}最多选择${q.max}项`
      return null
    }
    case 'text': {
      if (typeof v !== 'string') return `${t}应为文字`
      const s = v.trim()
      const max = q.long ? 1000 : 100
      if (s.length > max) return `${t}最多${max}个字`
      if (q.format === 'phone' && !PHONE.test(s)) return `${t}应为11位手机号`
      if (q.format === 'number' && !NUMBER.test(s)) return `${t}应为数字`
      return null
    }
    case 'rating':
      return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= q.scale ? null : `${t}请选择1到${q.scale}分`
    case 'nps':
      return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10 ? null : `${t}请选择0到10分`
    case 'matrix': {
      if (typeof v !== 'object' || Array.isArray(v)) return `${t}格式不正确`
      const rowIds = q.rows.map((r) => r.id)
      if (Object.entries(v).some(([row, option]) => !rowIds.includes(row) || !optionIds.includes(option))) return `请从选项中选择${t}`
      if (q.required && rowIds.some((r) => !(r in v))) return `${t}每一行都要选择`
      return null
    }
    case 'ranking':
      return Array.isArray(v) && v.length === optionIds.length && new Set(v).size === v.length && v.every((x) => optionIds.includes(x))
        ? null
        : `${t}请为全部选项排序`
    case 'date':
      return typeof v === 'string' && isCalendarDate(v) ? null : `${t}应为有效日期（YYYY-MM-DD）`
    case 'county':
      return typeof v === 'string' && (COUNTY_IDS as readonly string[]).includes(v) ? null : `请从列表中选择${t}`
    case 'university':
      return typeof v === 'string' && v.trim().length > 0 && v.trim().length <= 40 ? null : `${t}应为1到40个字的学校名称`
    case 'field':
      return typeof v === 'string' && (known.fieldIds === undefined || known.fieldIds.includes(v)) ? null : `请从列表中选择${t}`
  }
}

export interface SurveyCheck {
  /** Problems by question id; empty when the answers may be submitted. */
  errors: Record<string, string>
  /** The visible answers, normalised (text trimmed); hidden ones dropped. */
  answers: SurveyAnswers
  path: SurveyPath
}

/**
 * Checks answers against the definition: every visible required question answered, every given
 * visible answer well formed. `pageIds` limits the required check to those pages (the answer
 * page checks one page before going on); the server checks them all on submit.
 */
export function checkSurveyAnswers(def: SurveyDefinition, given: SurveyAnswers, opts: { pageIds?: readonly string[]; fieldIds?: readonly string[] } = {}): SurveyCheck {
  const path = surveyPath(def, given)
  const errors: Record<string, string> = {}
  const answers: SurveyAnswers = {}
  for (const page of path.pages) {
    const checkRequired = !opts.pageIds || opts.pageIds.includes(page.id)
    for (const q of path.questions[page.id] ?? []) {
      const v = path.answers[q.id]
      if (isBlank(v)) {
        if (q.required && checkRequired) errors[q.id] = `请回答「${q.title}」`
        continue
      }
      const problem = answerProblem(q, v!, { fieldIds: opts.fieldIds })
      if (problem) errors[q.id] = problem
      else answers[q.id] = typeof v === 'string' ? v.trim() : v!
    }
  }
  return { errors, answers, path }
}

/** Every question of the definition, in order (for results and exports). */
export const allQuestions = (def: SurveyDefinition): SurveyQuestion[] => def.pages.flatMap((p) => p.questions)

/** The `questionId:optionId` keys of the options with a quota, and their quotas. */
export function quotasOf(def: SurveyDefinition): Record<string, number> {
  const out: Record<string, number> = {}
  for (const q of allQuestions(def)) {
    if (q.kind !== 'single' && q.kind !== 'multiple') continue
    for (const o of q.options) if (o.quota !== undefined) out[`${q.id}:${o.id}`] = o.quota
  }
  return out
}

/** How a full quota key (`questionId:optionId`) is handled, and the end message when it ends the survey. */
export function quotaFullRule(def: SurveyDefinition, key: string): { mode: QuotaFullMode; message: string } {
  const qid = key.split(':')[0]
  const q = allQuestions(def).find((x) => x.id === qid)
  const choice = q && (q.kind === 'single' || q.kind === 'multiple') ? q : null
  return { mode: choice?.whenFull ?? 'hide', message: choice?.fullMessage || DEFAULT_QUOTA_END_MESSAGE }
}

/** The quota keys these (checked) answers use. */
export function quotaKeysUsed(def: SurveyDefinition, answers: SurveyAnswers): string[] {
  const quotas = quotasOf(def)
  const keys: string[] = []
  for (const [qid, v] of Object.entries(answers)) {
    const ids = typeof v === 'string' ? [v] : Array.isArray(v) ? v : []
    for (const oid of ids) if (`${qid}:${oid}` in quotas) keys.push(`${qid}:${oid}`)
  }
  return keys.sort()
}

// ——— actions ———

const isoTime = (label: string) => z.iso.datetime({ offset: true, error: `${label}格式不正确` })

const surveyFields = {
  title: text('问卷标题', { max: 40 }),
  intro: optionalText('问卷说明', 500),
  definition: surveyDefinitionSchema,
  identityMode: z.enum(IDENTITY_MODES, { error: '请选择身份模式' }),
  audience: noticeAudienceInput,
  openAt: isoTime('开始时间').nullish().transform((v) => v ?? null),
  closeAt: isoTime('截止时间').nullish().transform((v) => v ?? null),
  /** At most this many submitted answers; null: no cap. */
  responseCap: z.int({ error: '答卷上限应为整数' }).min(1, '答卷上限至少为1').max(1_000_000, '答卷上限过大').nullish().transform((v) => v ?? null),
  /** A head's survey goes to their station; staff leave it empty. */
  stationId: id('驿站').nullish().transform((v) => v ?? null),
  /** Instead of an audience, a public link (staff only; 匿名可催办 only). */
  publicLink: z.boolean({ error: '是否公开链接应为是或否' }).default(false),
}

const openBeforeClose = (v: { openAt: string | null; closeAt: string | null }) => !v.openAt || !v.closeAt || Date.parse(v.openAt) < Date.parse(v.closeAt)
/** 完全匿名 keeps nothing of the person: no answer starts from their profile. */
const noPrefillWhenAnonymous = (v: { identityMode: IdentityMode; definition: SurveyDefinition }) =>
  v.identityMode !== 'anonymous' || !allQuestions(v.definition).some((q) => q.prefill)
const NO_PREFILL = { message: '完全匿名问卷不能用成员资料预填答案', path: ['definition'] }
/** A public link is answered by people who need not be members: never 实名, and kept as 匿名可催办 keeps it. */
const linkIsAnonymous = (v: { identityMode: IdentityMode; publicLink: boolean }) => !v.publicLink || v.identityMode === 'anonymous_tracked'
const LINK_MODE = { message: '公开链接问卷只能选「匿名可催办」（不提供实名；每个微信账号只能提交一次）', path: ['identityMode'] }

export const createSurveyInput = z
  .object(surveyFields)
  .refine(openBeforeClose, { message: '截止时间应晚于开始时间', path: ['closeAt'] })
  .refine(noPrefillWhenAnonymous, NO_PREFILL)
  .refine(linkIsAnonymous, LINK_MODE)
export type CreateSurveyInput = z.input<typeof createSurveyInput>
export const updateSurveyInput = z
  .object({ id: id('问卷'), ...surveyFields })
  .refine(openBeforeClose, { message: '截止时间应晚于开始时间', path: ['closeAt'] })
  .refine(noPrefillWhenAnonymous, NO_PREFILL)
  .refine(linkIsAnonymous, LINK_MODE)
export const surveyIdInput = z.object({ id: id('问卷') })
export const surveyListInput = z.object({ ...pageInput })
export const saveDraftInput = z.object({ id: id('问卷'), pageId: code('页面'), answers: surveyAnswersSchema })
export const submitSurveyInput = z.object({ id: id('问卷'), answers: surveyAnswersSchema })
const linkToken = z.string({ error: '请使用完整的问卷链接' }).regex(/^lk[A-Za-z0-9]{24}$/, '问卷链接不完整或有误')
export const surveyLinkInput = z.object({ id: id('问卷'), token: linkToken })
export const submitSurveyLinkInput = z.object({ id: id('问卷'), token: linkToken, answers: surveyAnswersSchema })
export const respondentsInput = z.object({ id: id('问卷'), ...pageInput })
export const CROSS_DIMENSIONS = ['county', 'degree', 'graduationYear'] as const
export type CrossDimension = (typeof CROSS_DIMENSIONS)[number]
/** `by`: a profile dimension (实名 only) or the id of a single-choice / county / field question of the survey. */
export const surveyResultsInput = z.object({ id: id('问卷'), by: code('交叉分析维度').optional() })

export type SurveyStatus = 'draft' | 'approved' | 'published' | 'closed'
export const SURVEY_STATUS_LABELS: Record<SurveyStatus, string> = { draft: '待审核', approved: '已审核', published: '进行中', closed: '已结束' }
export type RecipientStatus = 'unread' | 'opened' | 'started' | 'submitted'
export const RECIPIENT_STATUS_LABELS: Record<RecipientStatus, string> = { unread: '未读', opened: '已打开', started: '已开始', submitted: '已提交' }

export interface Survey {
  id: string
  title: string
  intro: string
  definition: SurveyDefinition
  identityMode: IdentityMode
  audience: NoticeAudience
  stationId: string | null
  creatorOpenid: string
  approvedBy: string | null
  status: SurveyStatus
  openAt: string | null
  closeAt: string | null
  responseCap: number | null
  createdAt: string
  updatedAt: string
  publishedAt: string | null
  closedAt: string | null
  /** Answered through a public link instead of an audience (old records: absent = false). */
  publicLink?: boolean
  /** The public link's secret, made at publish (null before, and for audience surveys). */
  linkToken?: string | null
  /** Running totals kept since publish (results read them); absent on surveys published before they existed, counted from the answers. */
  tallied?: boolean
  /** Members frozen at publish. */
  recipients: number
  responses: number
  /** Used per `questionId:optionId` with a quota. */
  quotaUsed: Record<string, number>
}

/** What a member sees of a survey. */
export interface SurveyForMember {
  id: string
  title: string
  intro: string
  definition: SurveyDefinition
  identityMode: IdentityMode
  identityStatement: string
  /** Opened through a public link (answers go by `survey.linkSubmit`, no draft is kept on the server). */
  publicLink: boolean
  closeAt: string | null
  open: boolean
  status: RecipientStatus | null
  /** The saved draft (继续上次填写) and its last page. */
  draft: { answers: SurveyAnswers; pageId: string } | null
  /** Answers taken from the member's profile for questions the author ticked (none in 完全匿名); a draft wins over them. */
  prefill: SurveyAnswers
  /** Options whose quota is used up, as `questionId:optionId`: not shown when their question hides full options. */
  fullOptions: string[]
}

/** What `survey.submit` answers: taken, or ended politely (the member chose an option whose quota is full and the author ends such answers). */
export type SubmitSurveyResult = { submitted: true } | { submitted: false; ended: string }

/** What `survey.get` answers: the manager's view, the recipient's view, or both. */
export interface SurveyView {
  manage: Survey | null
  answer: SurveyForMember | null
}

export interface MySurvey {
  id: string
  title: string
  closeAt: string | null
  identityMode: IdentityMode
  /** null in 完全匿名 (nothing is tracked). */
  status: RecipientStatus | null
  open: boolean
  reminders: number
}

export interface Respondent {
  openid: string
  name: string
  university: string
  status: RecipientStatus
  reminders: number
}

export interface QuestionResult {
  questionId: string
  title: string
  kind: QuestionKind
  answered: number | string
  /** Per option (or value): its count, or "<5" in anonymous modes. */
  counts: { id: string; label: string; count: number | string }[]
  /** Rating / NPS: the mean; null when suppressed or none. */
  mean: number | null
  /** By a profile dimension: value → option → count. */
  cross: { value: string; label: string; counts: Record<string, number | string> }[] | null
}

export interface SurveyResults {
  survey: Pick<Survey, 'id' | 'title' | 'identityMode' | 'recipients' | 'responses' | 'status' | 'publicLink'>
  by: string | null
  questions: QuestionResult[]
}

/** 翼展档案: an activity's feedback survey the member answered (sent to the activity's participants). */
export interface SurveyFeedbackEntry {
  surveyId: string
  title: string
  activityId: string
  activityTitle: string
  /** When the survey went out (no time of submission is kept, by design). */
  at: string
}

/** Small cells are shown as this in anonymous surveys (a county × cohort cell can name one person). */
export const SMALL_CELL = '<5'
export const SMALL_CELL_MIN = 5

/** Reminders: at most this many per recipient, at least this many days apart. */
export const MAX_REMINDERS = 3
export const MIN_DAYS_BETWEEN_REMINDERS = 2
