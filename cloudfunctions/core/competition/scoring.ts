/**
 * Results of judging, pure. Three views of the same scores:
 *  - raw: the mean of a project's scores;
 *  - normalised: each judge's scores as z-scores (their own mean and standard deviation), mapped
 *    back onto the scale of all scores (global mean + z × global sd), then averaged per project.
 *    A judge who drew strong projects no longer drags them down. Shown ONLY when every judge scored
 *    at least the stated minimum: z over two points means nothing;
 *  - robust: the same with median and MAD (× 1.4826) instead of mean and sd, and the project's
 *    median, so one extreme score does not compress everybody else.
 * Missing scores (assigned, not scored) are counted per project and never treated as zero.
 * The calibration project is excluded from everything. Ties are broken by TIE_BREAK_RULE.
 */

export interface ScoreEntry {
  judgeId: string
  teamId: string
  total: number
}

export interface ScoringInput {
  teamIds: readonly string[]
  /** teamId → the judges assigned to it. */
  assignments: Readonly<Record<string, readonly string[]>>
  scores: readonly ScoreEntry[]
  minScoredForNormalising: number
  calibrationTeamId: string | null
  /** teamId → when its last version came in (ISO), for the last tie-break. */
  submittedAt: Readonly<Record<string, string>>
  /** judgeId → a name for the withheld message. */
  judgeNames: Readonly<Record<string, string>>
}

export interface TeamScore {
  teamId: string
  scores: number
  missing: number
  rawMean: number | null
  rawMedian: number | null
  normalised: number | null
  robust: number | null
  rawRank: number | null
  normalisedRank: number | null
  robustRank: number | null
}

export interface ScoringOutput {
  rows: TeamScore[]
  normalisedWithheld: string | null
}

export const TIE_BREAK_RULE = '同分时依次比较：缺评更少者在前；原始分中位数更高者在前；最后一版提交更早者在前'

const MAD_SCALE = 1.4826

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

function sd(xs: readonly number[], m: number): number {
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / xs.length)
}

const mad = (xs: readonly number[], m: number) => MAD_SCALE * median(xs.map((x) => Math.abs(x - m)))

interface Scale {
  centre: number
  spread: number
}

/** Maps x from a judge's scale onto the global one; a judge with no spread maps to the centre. */
const mapOnto = (x: number, judge: Scale, global: Scale) =>
  judge.spread > 0 ? global.centre + ((x - judge.centre) / judge.spread) * global.spread : global.centre

const round = (x: number) => Math.round(x * 1000) / 1000

export function computeResults(input: ScoringInput): ScoringOutput {
  const teams = input.teamIds.filter((t) => t !== input.calibrationTeamId)
  const inResults = new Set(teams)
  const scores = input.scores.filter((s) => inResults.has(s.teamId))

  const byJudge = new Map<string, number[]>()
  const byTeam = new Map<string, ScoreEntry[]>()
  for (const s of scores) {
    byJudge.set(s.judgeId, [...(byJudge.get(s.judgeId) ?? []), s.total])
    byTeam.set(s.teamId, [...(byTeam.get(s.teamId) ?? []), s])
  }

  const judges = new Set<string>()
  for (const t of teams) for (const j of input.assignments[t] ?? []) judges.add(j)
  for (const j of byJudge.keys()) judges.add(j)
  const short = [...judges]
    .map((j) => ({ j, n: byJudge.get(j)?.length ?? 0 }))
    .filter((x) => x.n < input.minScoredForNormalising)
  const normalisedWithheld =
    short.length > 0
      ? `评委${short.map((x) => `${input.judgeNames[x.j] ?? x.j}（${x.n}个）`).join('、')}评分少于标准化所需的${input.minScoredForNormalising}个，只给出原始平均分`
      : null

  const all = scores.map((s) => s.total)
  const gMean = all.length > 0 ? mean(all) : 0
  const gMedian = all.length > 0 ? median(all) : 0
  const zGlobal: Scale = { centre: gMean, spread: all.length > 0 ? sd(all, gMean) : 0 }
  const rGlobal: Scale = { centre: gMedian, spread: all.length > 0 ? mad(all, gMedian) : 0 }
  const zScale = new Map<string, Scale>()
  const rScale = new Map<string, Scale>()
  for (const [j, xs] of byJudge) {
    const m = mean(xs)
    const md = median(xs)
    zScale.set(j, { centre: m, spread: sd(xs, m) })
    rScale.set(j, { centre: md, spread: mad(xs, md) })
  }

  const rows: TeamScore[] = teams.map((teamId) => {
    const own = byTeam.get(teamId) ?? []
    const assigned = new Set(input.assignments[teamId] ?? [])
    const missing = [...assigned].filter((j) => !own.some((s) => s.judgeId === j)).length
    if (own.length === 0) {
      return { teamId, scores: 0, missing, rawMean: null, rawMedian: null, normalised: null, robust: null, rawRank: null, normalisedRank: null, robustRank: null }
    }
    const totals = own.map((s) => s.total)
    return {
      teamId,
      scores: own.length,
      missing,
      rawMean: round(mean(totals)),
      rawMedian: median(totals),
      normalised: normalisedWithheld ? null : round(mean(own.map((s) => mapOnto(s.total, zScale.get(s.judgeId)!, zGlobal)))),
      robust: normalisedWithheld ? null : round(median(own.map((s) => mapOnto(s.total, rScale.get(s.judgeId)!, rGlobal)))),
      rawRank: null,
      normalisedRank: null,
      robustRank: null,
    }
  })

  const rank = (key: 'rawMean' | 'normalised' | 'robust', into: 'rawRank' | 'normalisedRank' | 'robustRank') => {
    const ranked = rows.filter((r) => r[key] !== null).sort((a, b) => compare(a, b, key, input.submittedAt))
    ranked.forEach((r, i) => {
      r[into] = i + 1
    })
  }
  rank('rawMean', 'rawRank')
  rank('normalised', 'normalisedRank')
  rank('robust', 'robustRank')
  return { rows, normalisedWithheld }
}

/** Higher metric first, then TIE_BREAK_RULE, then team id (stable). */
function compare(a: TeamScore, b: TeamScore, key: 'rawMean' | 'normalised' | 'robust', submittedAt: Readonly<Record<string, string>>): number {
  const diff = (b[key] ?? 0) - (a[key] ?? 0)
  if (Math.abs(diff) > 1e-9) return diff
  if (a.missing !== b.missing) return a.missing - b.missing
  if ((a.rawMedian ?? 0) !== (b.rawMedian ?? 0)) return (b.rawMedian ?? 0) - (a.rawMedian ?? 0)
  const at = (submittedAt[a.teamId] ?? '').localeCompare(submittedAt[b.teamId] ?? '')
  return at !== 0 ? at : a.teamId.localeCompare(b.teamId)
}

/**
 * Assigns `perProject` judges to every project: the least loaded eligible judges first (ties by
 * id), skipping automatic conflicts (`conflicts(judgeId, teamId)` true) and declared ones. The
 * calibration project goes to every judge. Deterministic for the same inputs.
 */
export function assignJudges(
  teamIds: readonly string[],
  judgeIds: readonly string[],
  perProject: number,
  conflicts: (judgeId: string, teamId: string) => boolean,
  calibrationTeamId: string | null,
): { assignments: Record<string, string[]>; short: string[] } {
  const load = new Map(judgeIds.map((j) => [j, 0]))
  const assignments: Record<string, string[]> = {}
  const short: string[] = []
  for (const teamId of [...teamIds].sort()) {
    if (teamId === calibrationTeamId) {
      assignments[teamId] = [...judgeIds]
      continue
    }
    const eligible = judgeIds
      .filter((j) => !conflicts(j, teamId))
      .sort((a, b) => load.get(a)! - load.get(b)! || a.localeCompare(b))
      .slice(0, perProject)
    for (const j of eligible) load.set(j, load.get(j)! + 1)
    assignments[teamId] = eligible
    if (eligible.length < perProject) short.push(teamId)
  }
  return { assignments, short }
}
