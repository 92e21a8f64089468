import { assignJudges, computeResults, TIE_BREAK_RULE, type ScoreEntry, type ScoringInput } from './scoring'

/** J1 is harsh and drew one strong project (A); J2 is generous and drew three close ones. */
const designed: ScoreEntry[] = [
  { judgeId: 'J1', teamId: 'A', total: 70 },
  { judgeId: 'J1', teamId: 'C', total: 45 },
  { judgeId: 'J1', teamId: 'E', total: 40 },
  { judgeId: 'J2', teamId: 'B', total: 85 },
  { judgeId: 'J2', teamId: 'D', total: 80 },
  { judgeId: 'J2', teamId: 'F', total: 84 },
]

function input(overrides: Partial<ScoringInput> = {}): ScoringInput {
  return {
    teamIds: ['A', 'B', 'C', 'D', 'E', 'F'],
    assignments: { A: ['J1'], C: ['J1'], E: ['J1'], B: ['J2'], D: ['J2'], F: ['J2'] },
    scores: designed,
    minScoredForNormalising: 3,
    calibrationTeamId: null,
    submittedAt: {},
    judgeNames: { J1: '甲评委', J2: '乙评委', J3: '丙评委' },
    ...overrides,
  }
}

const row = (out: ReturnType<typeof computeResults>, id: string) => out.rows.find((r) => r.teamId === id)!

describe('competition scoring', () => {
  it('normalised and raw rankings differ on designed data: the harsh judge no longer drags A down', () => {
    const out = computeResults(input())
    expect(out.normalisedWithheld).toBeNull()
    expect(row(out, 'B').rawRank).toBe(1)
    expect(row(out, 'A').rawRank).toBe(4)
    expect(row(out, 'A').normalisedRank).toBe(1)
    expect(row(out, 'A').robustRank).toBe(1)
    expect(row(out, 'A').rawMean).toBe(70)
    expect(row(out, 'A').normalised!).toBeGreaterThan(row(out, 'B').normalised!)
  })

  it('withholds normalised and robust results while a judge scored fewer than the minimum, naming them', () => {
    const out = computeResults(input({ minScoredForNormalising: 4 }))
    expect(out.normalisedWithheld).toBe('评委甲评委（3个）、乙评委（3个）评分少于标准化所需的4个，只给出原始平均分')
    expect(out.rows.every((r) => r.normalised === null && r.robust === null && r.normalisedRank === null)).toBe(true)
    expect(row(out, 'B').rawRank).toBe(1)
  })

  it('an assigned judge who scored nothing counts against the minimum and as missing, never as zero', () => {
    const out = computeResults(input({ assignments: { ...input().assignments, A: ['J1', 'J3'] } }))
    expect(out.normalisedWithheld).toBe('评委丙评委（0个）评分少于标准化所需的3个，只给出原始平均分')
    expect(row(out, 'A')).toMatchObject({ scores: 1, missing: 1, rawMean: 70 })
  })

  it('a project with no score has no mean and no rank', () => {
    const out = computeResults(input({ teamIds: [...input().teamIds, 'G'], assignments: { ...input().assignments, G: ['J1'] }, minScoredForNormalising: 2 }))
    expect(row(out, 'G')).toMatchObject({ scores: 0, missing: 1, rawMean: null, rawRank: null })
  })

  it('excludes the calibration project from every figure', () => {
    const scores = [...designed, { judgeId: 'J1', teamId: 'K', total: 100 }, { judgeId: 'J2', teamId: 'K', total: 100 }]
    const out = computeResults(input({ teamIds: [...input().teamIds, 'K'], scores, calibrationTeamId: 'K' }))
    expect(out.rows.some((r) => r.teamId === 'K')).toBe(false)
    expect(out).toEqual(computeResults(input()))
  })

  it('breaks ties by the stated rule: fewer missing, higher median, earlier last version', () => {
    expect(TIE_BREAK_RULE).toBe('同分时依次比较：缺评更少者在前；原始分中位数更高者在前；最后一版提交更早者在前')
    const scores: ScoreEntry[] = [
      { judgeId: 'J1', teamId: 'X', total: 80 },
      { judgeId: 'J1', teamId: 'Y', total: 80 },
      { judgeId: 'J1', teamId: 'Z', total: 80 },
      { judgeId: 'J2', teamId: 'Y', total: 80 },
      { judgeId: 'J2', teamId: 'Z', total: 80 },
    ]
    const out = computeResults({
      teamIds: ['X', 'Y', 'Z'],
      assignments: { X: ['J1', 'J2'], Y: ['J1', 'J2'], Z: ['J1', 'J2'] },
      scores,
      minScoredForNormalising: 2,
      calibrationTeamId: null,
      submittedAt: { Y: '2026-12-19T10:00:00.000+08:00', Z: '2026-12-18T10:00:00.000+08:00' },
      judgeNames: {},
    })
    expect(['Z', 'Y', 'X'].map((id) => row(out, id).rawRank)).toEqual([1, 2, 3])
  })

  it('assigns N judges per project, least loaded first, skipping conflicts; calibration to all', () => {
    const conflicts = (j: string, t: string) => j === 'J1' && t === 'A'
    const { assignments, short } = assignJudges(['A', 'B', 'K'], ['J1', 'J2', 'J3'], 2, conflicts, 'K')
    expect(assignments.A).toEqual(['J2', 'J3'])
    expect(assignments.B).toEqual(['J1', 'J2'])
    expect(assignments.K).toEqual(['J1', 'J2', 'J3'])
    expect(short).toEqual([])
    expect(assignJudges(['A'], ['J1', 'J2'], 2, conflicts, null).short).toEqual(['A'])
  })

  it('scores 500 projects × 5 judges well within a second', () => {
    const teamIds = Array.from({ length: 500 }, (_, i) => `t${i}`)
    const judges = Array.from({ length: 50 }, (_, i) => `j${i}`)
    const { assignments } = assignJudges(teamIds, judges, 5, () => false, null)
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const scores = teamIds.flatMap((t) => assignments[t]!.map((j) => ({ judgeId: j, teamId: t, total: Math.round(40 + next() * 60) })))
    expect(scores).toHaveLength(2500)
    const started = performance.now()
    const out = computeResults({ teamIds, assignments, scores, minScoredForNormalising: 5, calibrationTeamId: null, submittedAt: {}, judgeNames: {} })
    const elapsed = performance.now() - started
    expect(out.normalisedWithheld).toBeNull()
    expect(out.rows.filter((r) => r.normalisedRank !== null)).toHaveLength(500)
    expect(elapsed).toBeLessThan(1000)
  })
})
