import type { Competition, CompetitionKindId, CompetitionStatus, DegreeId, SaveCompetitionInput } from '../../../types'

/**
 * The staff form's draft of a competition: numbers as typed (strings), tracks and the checklist
 * one a line, each rubric criterion with its levels one a line (`5 明显突破`). `draftToCandidate`
 * turns it into the `competition.save` input, which the shared zod schema checks, here and on the
 * server alike; its field paths (`rules.membersMin`, `judging.rubric.0.levels`) name the rows.
 */
export interface CriterionDraft {
  /** Kept from the stored competition so scores keep their criterion; '' for a new one. */
  id: string
  name: string
  levels: string
}

export interface CompetitionDraft {
  kind: CompetitionKindId | ''
  title: string
  description: string
  tracks: string
  membersMin: string
  membersMax: string
  advisorsMax: string
  leaderDegrees: DegreeId[]
  phdLimited: boolean
  phdMaxPercent: string
  maxTeamsPerPerson: string
  maxLeadPerPerson: string
  registrationOpensAt: string
  registrationClosesAt: string
  submissionClosesAt: string
  checklist: string
  judgesPerProject: string
  minScoredForNormalising: string
  rubric: CriterionDraft[]
  shortlistQuota: string
  status: CompetitionStatus
  /** Kept as stored: not edited in the form. */
  trackIds: { id: string; name: string }[]
  calibrationTeamId: string | null
}

export const emptyCompetitionDraft: CompetitionDraft = {
  kind: '',
  title: '',
  description: '',
  tracks: '科技创新\n社会公益',
  membersMin: '3',
  membersMax: '10',
  advisorsMax: '3',
  leaderDegrees: ['associate', 'bachelor', 'master'],
  phdLimited: true,
  phdMaxPercent: '30',
  maxTeamsPerPerson: '3',
  maxLeadPerPerson: '1',
  registrationOpensAt: '',
  registrationClosesAt: '',
  submissionClosesAt: '',
  checklist: '团队成员均为在校学生\n作品为团队原创，未侵犯他人知识产权',
  judgesPerProject: '3',
  minScoredForNormalising: '5',
  rubric: [
    { id: '', name: '创新性', levels: '1 简单重复已有做法\n3 有明显改进\n5 有突破性创新' },
    { id: '', name: '可行性', levels: '1 缺少实施条件\n3 已初步验证\n5 已有用户或订单' },
  ],
  shortlistQuota: '3',
  status: 'draft',
  trackIds: [],
  calibrationTeamId: null,
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')

/** '' stays '' (the schema then says the number is missing); anything else as a number. */
const num = (v: string): number => (v.trim() === '' ? Number.NaN : Number(v.trim()))

export function draftFromCompetition(c: Competition): CompetitionDraft {
  return {
    kind: c.kind,
    title: c.title,
    description: c.description,
    tracks: c.tracks.map((t) => t.name).join('\n'),
    membersMin: String(c.rules.membersMin),
    membersMax: String(c.rules.membersMax),
    advisorsMax: String(c.rules.advisorsMax),
    leaderDegrees: c.rules.leaderDegrees,
    phdLimited: c.rules.phdMaxShare !== null,
    phdMaxPercent: c.rules.phdMaxShare === null ? '30' : String(Math.round(c.rules.phdMaxShare * 100)),
    maxTeamsPerPerson: String(c.rules.maxTeamsPerPerson),
    maxLeadPerPerson: String(c.rules.maxLeadPerPerson),
    registrationOpensAt: c.registrationOpensAt,
    registrationClosesAt: c.registrationClosesAt,
    submissionClosesAt: c.submissionClosesAt,
    checklist: c.checklist.join('\n'),
    judgesPerProject: String(c.judging.judgesPerProject),
    minScoredForNormalising: String(c.judging.minScoredForNormalising),
    rubric: c.judging.rubric.map((r) => ({ id: r.id, name: r.name, levels: r.levels.map((l) => `${l.score} ${l.description}`).join('\n') })),
    shortlistQuota: String(c.shortlistQuota),
    status: c.status,
    trackIds: c.tracks,
    calibrationTeamId: c.judging.calibrationTeamId,
  }
}

/** A fresh id `<prefix><n>` not among `taken`. */
function freshId(prefix: string, taken: Set<string>): string {
  let n = 1
  while (taken.has(`${prefix}${n}`)) n += 1
  taken.add(`${prefix}${n}`)
  return `${prefix}${n}`
}

/** A track keeps its stored id while its name is unchanged (teams refer to it); new names get new ids. */
function tracksOf(d: CompetitionDraft): { id: string; name: string }[] {
  const taken = new Set(d.trackIds.map((t) => t.id))
  return lines(d.tracks).map((name) => ({ id: d.trackIds.find((t) => t.name === name)?.id ?? freshId('track', taken), name }))
}

/** `5 明显突破` → a level; a line without a leading number keeps NaN, which the schema names. */
function levelsOf(text: string): { score: number; description: string }[] {
  return lines(text).map((line) => {
    const m = /^(\d+)\s*[分:：、.\s]?\s*(.*)$/.exec(line)
    return m ? { score: Number(m[1]), description: m[2]!.trim() } : { score: Number.NaN, description: line }
  })
}

export function draftToCandidate(d: CompetitionDraft, id: string | undefined): SaveCompetitionInput {
  const taken = new Set(d.rubric.map((r) => r.id).filter((x) => x !== ''))
  return {
    ...(id ? { id } : {}),
    kind: d.kind as CompetitionKindId,
    title: d.title,
    description: d.description,
    tracks: tracksOf(d),
    rules: {
      membersMin: num(d.membersMin),
      membersMax: num(d.membersMax),
      advisorsMax: num(d.advisorsMax),
      leaderDegrees: d.leaderDegrees,
      phdMaxShare: d.phdLimited ? num(d.phdMaxPercent) / 100 : null,
      maxTeamsPerPerson: num(d.maxTeamsPerPerson),
      maxLeadPerPerson: num(d.maxLeadPerPerson),
    },
    registrationOpensAt: d.registrationOpensAt,
    registrationClosesAt: d.registrationClosesAt,
    submissionClosesAt: d.submissionClosesAt,
    checklist: lines(d.checklist),
    judging: {
      judgesPerProject: num(d.judgesPerProject),
      minScoredForNormalising: num(d.minScoredForNormalising),
      rubric: d.rubric.map((r) => ({ id: r.id || freshId('c', taken), name: r.name, levels: levelsOf(r.levels) })),
      calibrationTeamId: d.calibrationTeamId,
    },
    shortlistQuota: num(d.shortlistQuota),
    status: d.status,
  }
}

/** The form row a field path belongs to: `rules.membersMin` → `membersMin`, `judging.rubric.1.levels.0.score` → `rubric-1`. */
export function rowOfPath(path: string): string {
  const rubric = /^judging\.rubric\.(\d+)/.exec(path)
  if (rubric) return `rubric-${rubric[1]}`
  if (path.startsWith('judging.rubric')) return 'rubric'
  if (path.startsWith('tracks')) return 'tracks'
  if (path.startsWith('checklist')) return 'checklist'
  const parts = path.split('.')
  return parts[0] === 'rules' || parts[0] === 'judging' ? (parts[1] ?? parts[0]!) : parts[0]!
}

/** Field errors by form row; the first message of each row is kept. */
export function errorsByRow(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [path, message] of Object.entries(fields)) {
    const row = rowOfPath(path)
    if (!(row in out)) out[row] = message
  }
  return out
}
