import type { Condition, CreateSurveyInput, IdentityMode, PipelineFeed, PrefillSource, QuestionKind, QuotaFullMode, Survey, SurveyDefinitionInput, SurveyJump, SurveyTemplate } from '../../../types'

/**
 * The builder's form state: a flat list of questions (a question may start a new page), each with
 * its options, a show-if rule (several "question X has / has not option Y" joined by 且 or 或) and
 * option quotas. Deeper conditions and page jumps from a template or an earlier save are kept as they are.
 */
/** One condition of a show-if rule: the earlier question's option chosen, or (negate) not chosen. */
export interface RuleItem {
  questionId: string
  optionId: string
  negate: boolean
}

/** A show-if rule the builder edits: its conditions, all (且) or any (或) of them. */
export interface ShowRule {
  join: 'and' | 'or'
  items: RuleItem[]
}

const itemOf = (c: Condition): RuleItem | null =>
  c.op === 'chosen' ? { questionId: c.questionId, optionId: c.optionId, negate: false } : c.op === 'not' && c.of.op === 'chosen' ? { questionId: c.of.questionId, optionId: c.of.optionId, negate: true } : null

/** The rule of a condition the builder can show (flat: chosen / not chosen, joined by and / or), or null. */
export function ruleOf(c: Condition): ShowRule | null {
  const single = itemOf(c)
  if (single) return { join: 'and', items: [single] }
  if (c.op !== 'and' && c.op !== 'or') return null
  const items = c.of.map(itemOf)
  return items.every((x): x is RuleItem => x !== null) ? { join: c.op, items } : null
}

/** The condition a rule stands for (one condition alone, else and / or of them). */
export function conditionOf(rule: ShowRule): Condition {
  const parts = rule.items.map((i): Condition => {
    const chosen: Condition = { op: 'chosen', questionId: i.questionId, optionId: i.optionId }
    return i.negate ? { op: 'not', of: chosen } : chosen
  })
  return parts.length === 1 ? parts[0]! : { op: rule.join, of: parts }
}

export interface OptionDraft {
  id: string
  label: string
  /** Typed text: '' = no quota. */
  quota: string
  exclusive: boolean
}

export interface PageMeta {
  id: string
  title: string
  showIf?: Condition
  jumps: SurveyJump[]
}

export interface QuestionDraft {
  id: string
  kind: QuestionKind
  title: string
  required: boolean
  options: OptionDraft[]
  rows: { id: string; label: string }[]
  long: boolean
  format: 'plain' | 'phone' | 'number'
  scale: number
  min: string
  max: string
  /** Single / multiple with quotas: hide a full option, or end whoever chooses it (with this message; '' = the default). */
  whenFull: QuotaFullMode
  fullMessage: string
  /** Prefilled from this profile value (null: not prefilled). */
  prefill: PrefillSource | null
  /** Feeds the pipeline (from the 回驻意愿 template; kept as it is). */
  feeds?: PipelineFeed
  /** The rule the builder edits; `rawShowIf` holds a deeper one kept as it is. */
  showIf: ShowRule | null
  rawShowIf?: Condition
  /** Set when this question starts a page (always for the first). */
  page: PageMeta | null
}

export interface SurveyDraft {
  title: string
  intro: string
  identityMode: IdentityMode
  /** 'link': a public link instead of an audience (staff only; 匿名可催办 only). */
  audienceKind: 'all' | 'county' | 'link'
  countyIds: string[]
  responseCap: string
  closeAt: string
  questions: QuestionDraft[]
}

export const CHOICE_KINDS: readonly QuestionKind[] = ['single', 'multiple', 'matrix', 'ranking']

let seq = 0
export const freshId = (prefix: string, taken: readonly string[]) => {
  do seq += 1
  while (taken.includes(`${prefix}${seq}`))
  return `${prefix}${seq}`
}

export function newQuestion(kind: QuestionKind, taken: readonly string[], first: boolean): QuestionDraft {
  const choice = CHOICE_KINDS.includes(kind)
  return {
    id: freshId('q', taken),
    kind,
    title: '',
    required: true,
    options: choice ? [{ id: 'o1', label: '', quota: '', exclusive: false }, { id: 'o2', label: '', quota: '', exclusive: false }] : [],
    rows: kind === 'matrix' ? [{ id: 'r1', label: '' }] : [],
    long: false,
    format: 'plain',
    scale: 5,
    min: '',
    max: '',
    whenFull: 'hide',
    fullMessage: '',
    prefill: null,
    showIf: null,
    page: first ? { id: 'p1', title: '', jumps: [] } : null,
  }
}

export const emptySurveyDraft = (): SurveyDraft => ({
  title: '',
  intro: '',
  identityMode: 'anonymous_tracked',
  audienceKind: 'county',
  countyIds: [],
  responseCap: '',
  closeAt: '',
  questions: [],
})

/** The definition and fields as the builder holds them (a template, or a saved survey being edited). */
export function draftOf(source: Pick<SurveyTemplate, 'title' | 'intro' | 'identityMode' | 'definition'> & Partial<Pick<Survey, 'audience' | 'responseCap' | 'closeAt' | 'publicLink'>>): SurveyDraft {
  const questions: QuestionDraft[] = []
  for (const page of source.definition.pages) {
    page.questions.forEach((q, i) => {
      const rule = q.showIf ? ruleOf(q.showIf as Condition) : null
      questions.push({
        id: q.id,
        kind: q.kind,
        title: q.title,
        required: q.required ?? false,
        options: 'options' in q ? q.options.map((o) => ({ id: o.id, label: o.label, quota: 'quota' in o && o.quota ? String(o.quota) : '', exclusive: Boolean('exclusive' in o && o.exclusive) })) : [],
        rows: 'rows' in q ? q.rows.map((r) => ({ ...r })) : [],
        long: 'long' in q ? Boolean(q.long) : false,
        format: 'format' in q && q.format ? q.format : 'plain',
        scale: 'scale' in q && q.scale ? q.scale : 5,
        min: 'min' in q && q.min ? String(q.min) : '',
        max: 'max' in q && q.max ? String(q.max) : '',
        whenFull: 'whenFull' in q && q.whenFull === 'end' ? 'end' : 'hide',
        fullMessage: 'fullMessage' in q && q.fullMessage ? q.fullMessage : '',
        prefill: q.prefill ?? null,
        ...(q.feeds ? { feeds: q.feeds } : {}),
        showIf: rule,
        rawShowIf: rule ? undefined : (q.showIf as Condition | undefined),
        page: i === 0 ? { id: page.id, title: page.title ?? '', showIf: page.showIf as Condition | undefined, jumps: (page.jumps ?? []) as SurveyJump[] } : null,
      })
    })
  }
  const audience = source.audience
  return {
    title: source.title,
    intro: source.intro,
    identityMode: source.identityMode,
    audienceKind: source.publicLink ? 'link' : audience?.all ? 'all' : 'county',
    countyIds: audience ? [...audience.countyIds] : [],
    responseCap: source.responseCap ? String(source.responseCap) : '',
    closeAt: source.closeAt ?? '',
    questions,
  }
}

const int = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()))

/** The payload of `survey.create` / `survey.update` (the schema in types/ checks it, on both sides). */
export function draftToInput(d: SurveyDraft, isHead: boolean): CreateSurveyInput {
  const pages: SurveyDefinitionInput['pages'] = []
  let pageNo = 0
  for (const [i, q] of d.questions.entries()) {
    if (i === 0 || q.page) {
      pageNo += 1
      const meta = q.page ?? { id: `p${pageNo}`, title: '', jumps: [] }
      pages.push({ id: meta.id, title: meta.title, questions: [], ...(meta.showIf ? { showIf: meta.showIf } : {}), jumps: meta.jumps })
    }
    const showIf: Condition | undefined = q.showIf ? conditionOf(q.showIf) : q.rawShowIf
    const base = { id: q.id, title: q.title, required: q.required, ...(showIf ? { showIf } : {}), ...(q.prefill && d.identityMode !== 'anonymous' ? { prefill: q.prefill } : {}), ...(q.feeds ? { feeds: q.feeds } : {}) }
    const options = q.options.map((o) => ({
      id: o.id,
      label: o.label,
      ...(int(o.quota) !== undefined ? { quota: int(o.quota) } : {}),
      ...(o.exclusive ? { exclusive: true } : {}),
    }))
    const quotaRule = options.some((o) => o.quota !== undefined) && q.whenFull === 'end' ? { whenFull: q.whenFull, ...(q.fullMessage.trim() ? { fullMessage: q.fullMessage } : {}) } : {}
    const question = (() => {
      switch (q.kind) {
        case 'single':
          return { ...base, kind: q.kind, options, ...quotaRule }
        case 'multiple':
          return { ...base, kind: q.kind, options, ...quotaRule, ...(int(q.min) ? { min: int(q.min) } : {}), ...(int(q.max) ? { max: int(q.max) } : {}) }
        case 'matrix':
          return { ...base, kind: q.kind, options, rows: q.rows }
        case 'ranking':
          return { ...base, kind: q.kind, options }
        case 'text':
          return { ...base, kind: q.kind, long: q.long, format: q.format }
        case 'rating':
          return { ...base, kind: q.kind, scale: q.scale }
        default:
          return { ...base, kind: q.kind }
      }
    })()
    pages[pages.length - 1]!.questions.push(question)
  }
  return {
    title: d.title,
    intro: d.intro,
    identityMode: d.identityMode,
    definition: { pages },
    publicLink: !isHead && d.audienceKind === 'link',
    audience: isHead || d.audienceKind !== 'county' ? { all: true } : { countyIds: d.countyIds as CreateSurveyInput['audience']['countyIds'] },
    responseCap: int(d.responseCap) ?? null,
    closeAt: d.closeAt || null,
  }
}
