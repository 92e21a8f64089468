import type { Competition, Judge, ResultNotice, ResultObjection, Score, Team } from '../../../types'

/**
 * Ports of competitions. A team is one document (members in author order, advisors, versions);
 * every change to it goes through `changeTeam`, which reads the team and the per-person entries of
 * the people it names, lets a pure function decide, and writes both back atomically (a SQLite
 * transaction; a CloudBase transaction), so per-person limits hold under concurrent joins.
 */

/** One person's teams within one competition: the per-person limits are counted here. */
export interface PersonEntry {
  competitionId: string
  openid: string
  teamIds: string[]
  leadTeamIds: string[]
}

/**
 * Decides a change: the team as stored (null: not yet created) and the entries of the people named
 * (an empty entry for someone in no team yet), in the order named. Answers what to store; throws
 * (an AppError) to refuse, and then nothing is written. Must be synchronous and pure.
 */
export type TeamUpdate = (team: Team | null, people: PersonEntry[]) => { team: Team; people: PersonEntry[] }

export type CodeKind = 'team' | 'judge'

export interface CompetitionStore {
  saveCompetition(competition: Competition): Promise<void>
  getCompetition(id: string): Promise<Competition | null>
  /** Newest first, at most `limit`. */
  listCompetitions(limit: number): Promise<Competition[]>

  /** Reserves a 6-digit code for a team or a judge; false when it is taken. */
  reserveCode(code: string, kind: CodeKind, targetId: string): Promise<boolean>
  resolveCode(code: string): Promise<{ kind: CodeKind; targetId: string } | null>

  /** Reads, decides and writes atomically; answers the team stored. */
  changeTeam(competitionId: string, teamId: string, openids: readonly string[], update: TeamUpdate): Promise<Team>
  getTeam(id: string): Promise<Team | null>
  /** Oldest first, at most `limit`. */
  listTeams(competitionId: string, limit: number): Promise<Team[]>
  /** The teams the person is in, in any competition (newest first, at most `limit`). */
  teamsOf(openid: string, limit: number): Promise<Team[]>
  /** Account deletion: removes the person's per-competition entries (their teams are de-named first). */
  forgetPerson(openid: string): Promise<void>

  /** Inserts or replaces. */
  saveJudge(judge: Judge): Promise<void>
  getJudge(id: string): Promise<Judge | null>
  listJudges(competitionId: string): Promise<Judge[]>
  /** The judge seats this WeChat user redeemed. */
  judgesOf(openid: string): Promise<Judge[]>
  /** Binds the seat to the openid unless someone else holds it; false then. */
  claimJudge(id: string, openid: string): Promise<boolean>

  /** One score per (judge, team): inserts or replaces. */
  saveScore(score: Score): Promise<void>
  listScores(competitionId: string): Promise<Score[]>

  saveAssignments(competitionId: string, assignments: Record<string, string[]>): Promise<void>
  getAssignments(competitionId: string): Promise<Record<string, string[]>>

  /** Publishes once per competition: stores the notice unless one exists; answers the one stored. */
  publishNotice(notice: ResultNotice): Promise<ResultNotice>
  getNotice(competitionId: string): Promise<ResultNotice | null>
  /** Replaces a published notice (an entry withdrawn). */
  saveNotice(notice: ResultNotice): Promise<void>
  /** The notices running on `day` (start ≤ day ≤ end), latest end first, at most `limit`. */
  runningNotices(day: string, limit: number): Promise<ResultNotice[]>

  saveObjection(objection: ResultObjection): Promise<void>
  getObjection(id: string): Promise<ResultObjection | null>
  /** Oldest first, at most `limit`. */
  objectionsOf(competitionId: string, limit: number): Promise<ResultObjection[]>
  /** Records the outcome unless one is recorded; false then (a second resolution changes nothing). */
  resolveObjection(id: string, outcome: NonNullable<ResultObjection['outcome']>): Promise<boolean>
  /** The objections this person filed (account deletion), at most `limit`. */
  objectionsBy(openid: string, limit: number): Promise<ResultObjection[]>
}
