import {
  allQuestions,
  COUNTIES,
  CROSS_DIMENSIONS,
  DEGREES,
  IDENTITY_MODE_LABELS,
  nameOf,
  SMALL_CELL,
  SMALL_CELL_MIN,
  type ActionPayload,
  type CrossDimension,
  type ExportFile,
  type QuestionResult,
  type Survey,
  type SurveyAnswer,
  type SurveyQuestion,
  type SurveyResults,
} from '../../../types'
import type { Caller } from '../access/access'
import { recordAudit } from '../audit/audit'
import { memberCards } from '../member/cards'
import type { MemberCard } from '../member/ports'
import type { Cell } from '../files/ports'
import type { Deps } from '../shared/context'
import { invalidInput } from '../shared/errors'
import { allFields } from '../taxonomy/taxonomy'
import type { ResponseRecord } from './ports'
import { managed } from './surveys'
import { ALL, ANSWERED, dimOf, SUM, valuesOf, type TotalCount } from './totals'

const READ_PAGE = 1000

/** Every response of the survey, page by page. */
async function allResponses(deps: Deps, surveyId: string): Promise<ResponseRecord[]> {
  const out: ResponseRecord[] = []
  let cursor: string | null = null
  do {
    const page = await deps.store.surveys.responses(surveyId, cursor, READ_PAGE)
    out.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return out
}

type Labels = { county: (id: string) => string; field: (id: string) => string }

function categories(q: SurveyQuestion, labels: Labels, seen: Set<string>): { id: string; label: string }[] {
  switch (q.kind) {
    case 'single':
    case 'multiple':
    case 'ranking':
      return q.options.map((o) => ({ id: o.id, label: q.kind === 'ranking' ? `${o.label}（排第一）` : o.label }))
    case 'matrix':
      return q.rows.flatMap((r) => q.options.map((o) => ({ id: `${r.id}:${o.id}`, label: `${r.label}·${o.label}` })))
    case 'rating':
      return Array.from({ length: q.scale }, (_, i) => ({ id: String(i + 1), label: `${i + 1}分` }))
    case 'nps':
      return Array.from({ length: 11 }, (_, i) => ({ id: String(i), label: `${i}分` }))
    case 'county':
      return COUNTIES.map((c) => ({ id: c.id, label: c.name }))
    case 'field':
      return [...seen].sort().map((id) => ({ id, label: labels.field(id) }))
    default:
      return []
  }
}

/**
 * Small cells of anonymous surveys: 1–4 become "<5"; and while fewer than 5 have answered at all,
 * every cell does (zeros too), or "everyone else chose 0" would tell what the few chose.
 */
const suppressor = (anonymous: boolean, total: number) => (n: number): number | string =>
  anonymous && (total < SMALL_CELL_MIN || (n > 0 && n < SMALL_CELL_MIN)) ? SMALL_CELL : n

/** How a response is grouped for a cross-tab: a profile dimension (实名) or the answer to a question. */
function grouper(survey: Survey, by: string | undefined, labels: Labels): ((r: ResponseRecord) => string | null) & { label: (v: string) => string } {
  const dims = CROSS_DIMENSIONS as readonly string[]
  if (by && dims.includes(by)) {
    if (survey.identityMode !== 'named') throw invalidInput('by', '匿名问卷不保存成员资料，不能按成员资料交叉分析；请按问卷中的县区或单选题交叉分析')
    const dim = by as CrossDimension
    const label = (v: string) => (dim === 'county' ? labels.county(v) : dim === 'degree' ? nameOf(DEGREES, v) : `${v}届`)
    return Object.assign((r: ResponseRecord) => r.profile?.[dim] ?? null, { label })
  }
  const q = allQuestions(survey.definition).find((x) => x.id === by)
  if (!q || !['single', 'county', 'field'].includes(q.kind)) throw invalidInput('by', '交叉分析维度应为县区、学历、毕业年份，或问卷中的单选、县区、领域题')
  const label = (v: string) =>
    q.kind === 'single' ? (q.options.find((o) => o.id === v)?.label ?? v) : q.kind === 'county' ? labels.county(v) : labels.field(v)
  return Object.assign((r: ResponseRecord) => (typeof r.answers[q.id] === 'string' ? (r.answers[q.id] as string) : null), { label })
}

async function labelsOf(deps: Deps): Promise<Labels> {
  const fields = await allFields(deps)
  return { county: (id) => nameOf(COUNTIES, id), field: (id) => fields.find((f) => f.id === id)?.name ?? id }
}

/** One question's figures before labels: counts per value, per group and value, answered, sum. */
interface Tally {
  counts: Map<string, number>
  cross: Map<string, Map<string, number>>
  answered: number
  sum: number
}

const emptyTallies = (n: number): Tally[] => Array.from({ length: n }, () => ({ counts: new Map(), cross: new Map(), answered: 0, sum: 0 }))

/** From the running totals kept at submit time: a few thousand counters, whatever the number of answers. */
function tallyFromTotals(all: SurveyQuestion[], rows: TotalCount[], dim: string | null): Tally[] {
  const tallies = emptyTallies(all.length)
  const index = new Map(all.map((q, i) => [q.id, tallies[i]!]))
  for (const r of rows) {
    const t = index.get(r.questionId)
    if (!t) continue
    if (r.dim === ALL) {
      if (r.value === ANSWERED) t.answered += r.n
      else if (r.value === SUM) t.sum += r.n
      else t.counts.set(r.value, (t.counts.get(r.value) ?? 0) + r.n)
    } else if (r.dim === dim) {
      const row = t.cross.get(r.group) ?? new Map<string, number>()
      row.set(r.value, (row.get(r.value) ?? 0) + r.n)
      t.cross.set(r.group, row)
    }
  }
  return tallies
}

/** Counted again from every response (surveys published before running totals existed). */
function tallyFromResponses(all: SurveyQuestion[], responses: ResponseRecord[], group: ((r: ResponseRecord) => string | null) | null): Tally[] {
  const tallies = emptyTallies(all.length)
  // One pass over the responses (each read once, its group worked out once), a tally per question.
  for (const r of responses) {
    const g = group ? group(r) : null
    for (let i = 0; i < all.length; i += 1) {
      const q = all[i]!
      const v = r.answers[q.id]
      if (v === undefined) continue
      const t = tallies[i]!
      t.answered += 1
      if (typeof v === 'number') t.sum += v
      for (const value of valuesOf(q, v)) {
        t.counts.set(value, (t.counts.get(value) ?? 0) + 1)
        if (g !== null) {
          const row = t.cross.get(g) ?? new Map<string, number>()
          row.set(value, (row.get(value) ?? 0) + 1)
          t.cross.set(g, row)
        }
      }
    }
  }
  return tallies
}

/**
 * Figures per question, and by one dimension when asked; small cells "<5" in anonymous surveys.
 * Read from the running totals (survey.tallied), or counted from the responses for older surveys.
 */
export async function surveyResults(deps: Deps, caller: Caller, input: ActionPayload<'survey.results'>): Promise<SurveyResults> {
  const survey = await managed(deps, caller, input.id)
  const labels = await labelsOf(deps)
  const group = input.by ? grouper(survey, input.by, labels) : null
  const all = allQuestions(survey.definition)
  const dim = input.by ? dimOf(input.by) : null
  const tallies = survey.tallied
    ? tallyFromTotals(all, await deps.store.surveys.totals(survey.id, dim ? [ALL, dim] : [ALL]), dim)
    : tallyFromResponses(all, await allResponses(deps, survey.id), group)
  const anonymous = survey.identityMode !== 'named'
  const suppress = suppressor(anonymous, survey.responses)
  const questions: QuestionResult[] = all.map((q, i) => {
    const { counts, cross: crossCounts, answered, sum } = tallies[i]!
    const cats = categories(q, labels, new Set(counts.keys()))
    const numeric = q.kind === 'rating' || q.kind === 'nps'
    const hideMean = anonymous && answered < SMALL_CELL_MIN
    return {
      questionId: q.id,
      title: q.title,
      kind: q.kind,
      answered: suppress(answered),
      counts: cats.map((c) => ({ id: c.id, label: c.label, count: suppress(counts.get(c.id) ?? 0) })),
      mean: numeric && answered > 0 && !hideMean ? Math.round((sum / answered) * 100) / 100 : null,
      cross:
        group && cats.length
          ? [...crossCounts.entries()]
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([value, row]) => ({
                value,
                label: group.label(value),
                counts: Object.fromEntries(cats.map((c) => [c.id, suppress(row.get(c.id) ?? 0)])),
              }))
          : null,
    }
  })
  return {
    survey: { id: survey.id, title: survey.title, identityMode: survey.identityMode, recipients: survey.recipients, responses: survey.responses, status: survey.status, publicLink: Boolean(survey.publicLink) },
    by: input.by ?? null,
    questions,
  }
}

function cellsOf(q: SurveyQuestion, v: SurveyAnswer | undefined, labels: Labels): Cell[] {
  if (v === undefined) return q.kind === 'matrix' ? q.rows.map(() => null) : [null, null]
  const optionLabel = (id: string) => ('options' in q ? (q.options.find((o) => o.id === id)?.label ?? id) : id)
  switch (q.kind) {
    case 'matrix': {
      const m = typeof v === 'object' && !Array.isArray(v) ? v : {}
      return q.rows.map((r) => (m[r.id] ? `${m[r.id]} ${optionLabel(m[r.id]!)}` : null))
    }
    case 'single':
    case 'multiple':
    case 'ranking': {
      const ids = Array.isArray(v) ? v : [String(v)]
      return [ids.join(','), ids.map(optionLabel).join(q.kind === 'ranking' ? ' > ' : '、')]
    }
    case 'county':
      return [String(v), labels.county(String(v))]
    case 'field':
      return [String(v), labels.field(String(v))]
    case 'rating':
    case 'nps':
      return [typeof v === 'number' ? v : null, typeof v === 'number' ? `${v}分` : null]
    default:
      return [null, typeof v === 'string' ? v : null]
  }
}

function headerOf(q: SurveyQuestion): string[] {
  if (q.kind === 'matrix') return q.rows.map((r) => `${q.id} ${q.title}·${r.label}`)
  return [`${q.id} 编码`, `${q.id} ${q.title}`]
}

/**
 * The answers as `.xlsx`: codes and labels side by side, a code sheet, and the member's name only
 * in 实名 surveys. Rows follow the responses' random ids, so their order tells nothing. Audited.
 */
export async function exportSurvey(deps: Deps, caller: Caller, input: ActionPayload<'survey.export'>): Promise<ExportFile> {
  const survey = await managed(deps, caller, input.id)
  const labels = await labelsOf(deps)
  const questions = allQuestions(survey.definition)
  const responses = await allResponses(deps, survey.id)
  const named = survey.identityMode === 'named'
  // Read in batches: an export may hold thousands of answers.
  const members = named ? await memberCards(deps, responses.flatMap((r) => (r.openid ? [r.openid] : []))) : new Map<string, MemberCard>()
  const header = ['答卷编号', ...(named ? ['姓名', '学校'] : []), '提交日期', ...questions.flatMap(headerOf)]
  const rows: Cell[][] = responses.map((r) => [
    r.id,
    ...(named ? [members.get(r.openid ?? '')?.name ?? '（已注销）', members.get(r.openid ?? '')?.university ?? ''] : []),
    r.day,
    ...questions.flatMap((q) => cellsOf(q, r.answers[q.id], labels)),
  ])
  const codes: Cell[][] = questions.flatMap((q) =>
    'options' in q ? q.options.map((o): Cell[] => [q.id, q.title, o.id, o.label]) : [[q.id, q.title, '', q.kind === 'text' ? '文字' : '']],
  )
  const buffer = await deps.files.spreadsheets.writeWorkbook([
    { name: '答卷', header, rows },
    { name: '编码表', header: ['题目编号', '题目', '选项编码', '选项'], rows: codes },
    { name: '说明', header: ['项目', '内容'], rows: [['问卷', survey.title], ['身份模式', IDENTITY_MODE_LABELS[survey.identityMode]], ['答卷数', responses.length]] },
  ])
  await recordAudit(deps, caller, {
    action: 'survey.export',
    stationId: survey.stationId,
    summary: `导出问卷「${survey.title}」的${responses.length}份答卷（${IDENTITY_MODE_LABELS[survey.identityMode]}）`,
  })
  return { filename: `问卷-${survey.title}.xlsx`, contentBase64: buffer.toString('base64'), rows: responses.length }
}
