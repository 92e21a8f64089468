import type { Database } from 'better-sqlite3'
import type { Competition, Judge, ResultNotice, ResultObjection, Score, Team } from '../../../../types'
import type { CodeKind, CompetitionStore, PersonEntry, TeamUpdate } from '../../competition/ports'
import { statementCache, type Sql } from './statements'

interface DataRow {
  data: string
}

interface PersonRow {
  competition_id: string
  openid: string
  team_ids: string
  lead_team_ids: string
}

const parse = <T>(row: DataRow): T => JSON.parse(row.data) as T

/** Competitions over SQLite: JSON documents; `changeTeam` runs in one synchronous transaction. */
export class SqliteCompetitionStore implements CompetitionStore {
  private readonly sql: Sql

  constructor(private readonly db: Database) {
    this.sql = statementCache(db)
  }

  async saveCompetition(c: Competition): Promise<void> {
    this.sql('INSERT INTO competitions (id, created_at, data) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data').run(
      c.id,
      c.createdAt,
      JSON.stringify(c),
    )
  }

  async getCompetition(id: string): Promise<Competition | null> {
    const row = this.sql<[string], DataRow>('SELECT data FROM competitions WHERE id = ?').get(id)
    return row ? parse<Competition>(row) : null
  }

  async listCompetitions(limit: number): Promise<Competition[]> {
    return this.sql<[number], DataRow>('SELECT data FROM competitions ORDER BY created_at DESC, id DESC LIMIT ?').all(limit).map(parse<Competition>)
  }

  async reserveCode(code: string, kind: CodeKind, targetId: string): Promise<boolean> {
    return this.sql('INSERT OR IGNORE INTO competition_codes (code, kind, target_id) VALUES (?, ?, ?)').run(code, kind, targetId).changes === 1
  }

  async resolveCode(code: string): Promise<{ kind: CodeKind; targetId: string } | null> {
    const row = this.sql<[string], { kind: CodeKind; target_id: string }>('SELECT kind, target_id FROM competition_codes WHERE code = ?').get(code)
    return row ? { kind: row.kind, targetId: row.target_id } : null
  }

  async changeTeam(competitionId: string, teamId: string, openids: readonly string[], update: TeamUpdate): Promise<Team> {
    const run = this.db.transaction(() => {
      const row = this.sql<[string], DataRow>('SELECT data FROM competition_teams WHERE id = ?').get(teamId)
      const people = openids.map((openid): PersonEntry => {
        const p = this.sql<[string, string], PersonRow>('SELECT * FROM competition_people WHERE competition_id = ? AND openid = ?').get(competitionId, openid)
        return p
          ? { competitionId, openid, teamIds: JSON.parse(p.team_ids) as string[], leadTeamIds: JSON.parse(p.lead_team_ids) as string[] }
          : { competitionId, openid, teamIds: [], leadTeamIds: [] }
      })
      const decided = update(row ? parse<Team>(row) : null, people)
      this.sql(
        `INSERT INTO competition_teams (id, competition_id, created_at, data) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET data = excluded.data`,
      ).run(decided.team.id, decided.team.competitionId, decided.team.createdAt, JSON.stringify(decided.team))
      for (const p of decided.people) {
        this.sql(
          `INSERT INTO competition_people (competition_id, openid, team_ids, lead_team_ids) VALUES (?, ?, ?, ?)
           ON CONFLICT (competition_id, openid) DO UPDATE SET team_ids = excluded.team_ids, lead_team_ids = excluded.lead_team_ids`,
        ).run(p.competitionId, p.openid, JSON.stringify(p.teamIds), JSON.stringify(p.leadTeamIds))
      }
      return decided.team
    })
    return run.immediate()
  }

  async getTeam(id: string): Promise<Team | null> {
    const row = this.sql<[string], DataRow>('SELECT data FROM competition_teams WHERE id = ?').get(id)
    return row ? parse<Team>(row) : null
  }

  async listTeams(competitionId: string, limit: number): Promise<Team[]> {
    return this.sql<[string, number], DataRow>('SELECT data FROM competition_teams WHERE competition_id = ? ORDER BY created_at, id LIMIT ?')
      .all(competitionId, limit)
      .map(parse<Team>)
  }

  async teamsOf(openid: string, limit: number): Promise<Team[]> {
    const ids = this.sql<[string], PersonRow>('SELECT * FROM competition_people WHERE openid = ?')
      .all(openid)
      .flatMap((p) => JSON.parse(p.team_ids) as string[])
    const teams: Team[] = []
    for (const id of ids) {
      const team = await this.getTeam(id)
      if (team) teams.push(team)
    }
    return teams.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit)
  }

  async forgetPerson(openid: string): Promise<void> {
    this.sql('DELETE FROM competition_people WHERE openid = ?').run(openid)
  }

  async saveJudge(judge: Judge): Promise<void> {
    this.sql(
      `INSERT INTO competition_judges (id, competition_id, openid, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET openid = excluded.openid, data = excluded.data`,
    ).run(judge.id, judge.competitionId, judge.openid, JSON.stringify(judge))
  }

  async getJudge(id: string): Promise<Judge | null> {
    const row = this.sql<[string], DataRow>('SELECT data FROM competition_judges WHERE id = ?').get(id)
    return row ? parse<Judge>(row) : null
  }

  async listJudges(competitionId: string): Promise<Judge[]> {
    return this.sql<[string], DataRow>('SELECT data FROM competition_judges WHERE competition_id = ? ORDER BY id').all(competitionId).map(parse<Judge>)
  }

  async judgesOf(openid: string): Promise<Judge[]> {
    return this.sql<[string], DataRow>('SELECT data FROM competition_judges WHERE openid = ? ORDER BY id').all(openid).map(parse<Judge>)
  }

  async claimJudge(id: string, openid: string): Promise<boolean> {
    return this.db.transaction(() => {
      const row = this.sql<[string], DataRow>('SELECT data FROM competition_judges WHERE id = ?').get(id)
      if (!row) return false
      const judge = parse<Judge>(row)
      if (judge.openid && judge.openid !== openid) return false
      this.sql('UPDATE competition_judges SET openid = ?, data = ? WHERE id = ?').run(openid, JSON.stringify({ ...judge, openid }), id)
      return true
    }).immediate()
  }

  async saveScore(score: Score): Promise<void> {
    this.sql(
      `INSERT INTO competition_scores (competition_id, judge_id, team_id, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (judge_id, team_id) DO UPDATE SET data = excluded.data`,
    ).run(score.competitionId, score.judgeId, score.teamId, JSON.stringify(score))
  }

  async listScores(competitionId: string): Promise<Score[]> {
    return this.sql<[string], DataRow>('SELECT data FROM competition_scores WHERE competition_id = ? ORDER BY team_id, judge_id').all(competitionId).map(parse<Score>)
  }

  async saveAssignments(competitionId: string, assignments: Record<string, string[]>): Promise<void> {
    this.sql('INSERT INTO competition_assignments (competition_id, data) VALUES (?, ?) ON CONFLICT (competition_id) DO UPDATE SET data = excluded.data').run(
      competitionId,
      JSON.stringify(assignments),
    )
  }

  async getAssignments(competitionId: string): Promise<Record<string, string[]>> {
    const row = this.sql<[string], DataRow>('SELECT data FROM competition_assignments WHERE competition_id = ?').get(competitionId)
    return row ? parse<Record<string, string[]>>(row) : {}
  }

  async publishNotice(notice: ResultNotice): Promise<ResultNotice> {
    this.sql('INSERT OR IGNORE INTO competition_notices (competition_id, start, end_day, data) VALUES (?, ?, ?, ?)').run(
      notice.competitionId,
      notice.start,
      notice.end,
      JSON.stringify(notice),
    )
    return (await this.getNotice(notice.competitionId))!
  }

  async getNotice(competitionId: string): Promise<ResultNotice | null> {
    const row = this.sql<[string], DataRow>('SELECT data FROM competition_notices WHERE competition_id = ?').get(competitionId)
    return row ? parse<ResultNotice>(row) : null
  }

  async saveNotice(notice: ResultNotice): Promise<void> {
    this.sql('UPDATE competition_notices SET data = ? WHERE competition_id = ?').run(JSON.stringify(notice), notice.competitionId)
  }

  async runningNotices(day: string, limit: number): Promise<ResultNotice[]> {
    return this.sql<[string, string, number], DataRow>(
      'SELECT data FROM competition_notices WHERE start <= ? AND end_day >= ? ORDER BY end_day DESC, competition_id DESC LIMIT ?',
    )
      .all(day, day, limit)
      .map(parse<ResultNotice>)
  }

  async saveObjection(o: ResultObjection): Promise<void> {
    this.sql(
      'INSERT INTO competition_objections (id, competition_id, created_at, data) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data',
    ).run(o.id, o.competitionId, o.createdAt, JSON.stringify(o))
  }

  async getObjection(id: string): Promise<ResultObjection | null> {
    const row = this.sql<[string], DataRow>('SELECT data FROM competition_objections WHERE id = ?').get(id)
    return row ? parse<ResultObjection>(row) : null
  }

  async objectionsOf(competitionId: string, limit: number): Promise<ResultObjection[]> {
    return this.sql<[string, number], DataRow>('SELECT data FROM competition_objections WHERE competition_id = ? ORDER BY created_at, id LIMIT ?')
      .all(competitionId, limit)
      .map(parse<ResultObjection>)
  }

  async objectionsBy(openid: string, limit: number): Promise<ResultObjection[]> {
    return this.sql<[string, number], DataRow>("SELECT data FROM competition_objections WHERE json_extract(data, '$.filerOpenid') = ? ORDER BY created_at, id LIMIT ?")
      .all(openid, limit)
      .map(parse<ResultObjection>)
  }

  async resolveObjection(id: string, outcome: NonNullable<ResultObjection['outcome']>): Promise<boolean> {
    const run = this.db.transaction(() => {
      const row = this.sql<[string], DataRow>('SELECT data FROM competition_objections WHERE id = ?').get(id)
      if (!row) return false
      const stored = parse<ResultObjection>(row)
      if (stored.outcome) return false
      this.sql('UPDATE competition_objections SET data = ? WHERE id = ?').run(JSON.stringify({ ...stored, outcome }), id)
      return true
    })
    return run()
  }
}
