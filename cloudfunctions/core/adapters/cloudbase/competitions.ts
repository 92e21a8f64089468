import type { Competition, Judge, ResultNotice, ResultObjection, Score, Team } from '../../../../types'
import type { CodeKind, CompetitionStore, PersonEntry, TeamUpdate } from '../../competition/ports'
import { COLLECTIONS, type CollectionName, type Collections } from './collections'
import { checked, documentsOf, isDuplicateWrite, updatedCount, type RawDocument } from './database'
import { getDocument, MAX_READ, mapBounded } from './docs'

/**
 * Competitions over CloudBase. Each competition, team, judge and score is one document written
 * whole with `set` (the record's properties; `_id` = its id). `changeTeam` is one node-sdk
 * transaction over the team and the people it names (`competition_people`), so two joins racing
 * for the same person's last place cannot both commit: the loser's transaction conflicts and
 * runs again on what is there. Requests: a change of a team with k people = 2 + 2k inside the
 * transaction; a join is 6.
 */

const C = COLLECTIONS
const personId = (competitionId: string, openid: string) => `${competitionId}:${openid}`

/** The stored document back as the record: `_id` becomes `id`. Only the functions write these. */
function recordOf<T>(doc: RawDocument): T {
  const { _id, ...rest } = doc
  return { ...rest, id: String(_id) } as unknown as T
}

function bodyOf<T extends { id: string }>(record: T): Omit<T, 'id'> {
  const { id: _ignored, ...rest } = record
  return rest
}

function personOf(doc: RawDocument | undefined, competitionId: string, openid: string): PersonEntry {
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : [])
  return { competitionId, openid, teamIds: list(doc?.teamIds), leadTeamIds: list(doc?.leadTeamIds) }
}

const scoreOf = (doc: RawDocument): Score => {
  const { _id: _ignored, ...rest } = doc
  return rest as unknown as Score
}

export class CloudBaseCompetitionStore implements CompetitionStore {
  constructor(private readonly collections: Collections) {}

  /** Every match, paged by `_id` (the SDK caps one read at 1000), at most `max`. */
  private async readAll(name: CollectionName, where: object, max: number): Promise<RawDocument[]> {
    const _ = this.collections.command
    const out: RawDocument[] = []
    let after: string | null = null
    while (out.length < max) {
      const condition: object = after === null ? where : { ...where, _id: _.gt(after) }
      const docs = documentsOf(
        await this.collections.run(name, (c) => checked(c.where(condition).orderBy('_id', 'asc').limit(Math.min(MAX_READ, max - out.length)).get())),
      )
      out.push(...docs)
      if (docs.length < Math.min(MAX_READ, max - out.length + docs.length)) break
      after = String(docs[docs.length - 1]!._id)
    }
    return out
  }

  async saveCompetition(c: Competition): Promise<void> {
    await this.collections.run(C.competitions, (col) => checked(col.doc(c.id).set(bodyOf(c))))
  }

  async getCompetition(id: string): Promise<Competition | null> {
    const doc = await getDocument(this.collections, C.competitions, id)
    return doc ? recordOf<Competition>(doc) : null
  }

  async listCompetitions(limit: number): Promise<Competition[]> {
    const result = await this.collections.run(C.competitions, (c) =>
      checked(c.where({}).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(Math.min(limit, MAX_READ)).get()),
    )
    return documentsOf(result).map((d) => recordOf<Competition>(d))
  }

  async reserveCode(code: string, kind: CodeKind, targetId: string): Promise<boolean> {
    try {
      await this.collections.run(C.competitionCodes, (c) => checked(c.add({ _id: code, kind, targetId })))
      return true
    } catch (error) {
      if (isDuplicateWrite(error)) return false
      throw error
    }
  }

  async resolveCode(code: string): Promise<{ kind: CodeKind; targetId: string } | null> {
    const doc = await getDocument(this.collections, C.competitionCodes, code)
    return doc ? { kind: doc.kind === 'judge' ? 'judge' : 'team', targetId: String(doc.targetId) } : null
  }

  async changeTeam(competitionId: string, teamId: string, openids: readonly string[], update: TeamUpdate): Promise<Team> {
    return this.collections.transaction([C.competitionTeams, C.competitionPeople], async (tx) => {
      const teamDoc = documentsOf(await checked(tx.collection(C.competitionTeams).doc(teamId).get()))[0]
      const people: PersonEntry[] = []
      for (const openid of openids) {
        const doc = documentsOf(await checked(tx.collection(C.competitionPeople).doc(personId(competitionId, openid)).get()))[0]
        people.push(personOf(doc, competitionId, openid))
      }
      const decided = update(teamDoc ? recordOf<Team>(teamDoc) : null, people)
      await checked(tx.collection(C.competitionTeams).doc(decided.team.id).set(bodyOf(decided.team)))
      for (const p of decided.people) {
        await checked(tx.collection(C.competitionPeople).doc(personId(p.competitionId, p.openid)).set({ ...p }))
      }
      return decided.team
    })
  }

  async getTeam(id: string): Promise<Team | null> {
    const doc = await getDocument(this.collections, C.competitionTeams, id)
    return doc ? recordOf<Team>(doc) : null
  }

  async listTeams(competitionId: string, limit: number): Promise<Team[]> {
    const teams = (await this.readAll(C.competitionTeams, { competitionId }, limit)).map((d) => recordOf<Team>(d))
    return teams.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
  }

  async teamsOf(openid: string, limit: number): Promise<Team[]> {
    const entries = await this.readAll(C.competitionPeople, { openid }, 200)
    const ids = entries.flatMap((e) => personOf(e, '', openid).teamIds)
    const teams = (await mapBounded(ids, (id) => this.getTeam(id))).filter((t): t is Team => t !== null)
    return teams.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit)
  }

  async forgetPerson(openid: string): Promise<void> {
    await this.collections.run(C.competitionPeople, (c) => checked(c.where({ openid }).remove()))
  }

  async saveJudge(judge: Judge): Promise<void> {
    await this.collections.run(C.competitionJudges, (c) => checked(c.doc(judge.id).set(bodyOf(judge))))
  }

  async getJudge(id: string): Promise<Judge | null> {
    const doc = await getDocument(this.collections, C.competitionJudges, id)
    return doc ? recordOf<Judge>(doc) : null
  }

  async listJudges(competitionId: string): Promise<Judge[]> {
    return (await this.readAll(C.competitionJudges, { competitionId }, 500)).map((d) => recordOf<Judge>(d))
  }

  async judgesOf(openid: string): Promise<Judge[]> {
    return (await this.readAll(C.competitionJudges, { openid }, 100)).map((d) => recordOf<Judge>(d))
  }

  /** Conditioned on the seat being free; then whether it is this openid's. */
  async claimJudge(id: string, openid: string): Promise<boolean> {
    const updated = updatedCount(await this.collections.run(C.competitionJudges, (c) => checked(c.where({ _id: id, openid: null }).update({ openid }))))
    if (updated === 1) return true
    const doc = await getDocument(this.collections, C.competitionJudges, id)
    return doc?.openid === openid
  }

  async saveScore(score: Score): Promise<void> {
    await this.collections.run(C.competitionScores, (c) => checked(c.doc(`${score.judgeId}:${score.teamId}`).set({ ...score })))
  }

  async listScores(competitionId: string): Promise<Score[]> {
    return (await this.readAll(C.competitionScores, { competitionId }, 20_000)).map(scoreOf)
  }

  async saveAssignments(competitionId: string, assignments: Record<string, string[]>): Promise<void> {
    const items = Object.entries(assignments).map(([teamId, judgeIds]) => ({ teamId, judgeIds }))
    await this.collections.run(C.competitionAssignments, (c) => checked(c.doc(competitionId).set({ items })))
  }

  async getAssignments(competitionId: string): Promise<Record<string, string[]>> {
    const doc = await getDocument(this.collections, C.competitionAssignments, competitionId)
    const items = Array.isArray(doc?.items) ? (doc.items as RawDocument[]) : []
    return Object.fromEntries(items.map((i) => [String(i.teamId), Array.isArray(i.judgeIds) ? i.judgeIds.map(String) : []]))
  }

  /** One `add` with `_id` = competition id: a second publication is a duplicate and changes nothing. 1–2 requests. */
  async publishNotice(notice: ResultNotice): Promise<ResultNotice> {
    try {
      await this.collections.run(C.competitionNotices, (c) => checked(c.add({ _id: notice.competitionId, ...notice })))
      return notice
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
      return (await this.getNotice(notice.competitionId))!
    }
  }

  async getNotice(competitionId: string): Promise<ResultNotice | null> {
    const doc = await getDocument(this.collections, C.competitionNotices, competitionId)
    return doc ? noticeOf(doc) : null
  }

  async saveNotice(notice: ResultNotice): Promise<void> {
    await this.collections.run(C.competitionNotices, (c) => checked(c.doc(notice.competitionId).set({ ...notice })))
  }

  async runningNotices(day: string, limit: number): Promise<ResultNotice[]> {
    const _ = this.collections.command
    const result = await this.collections.run(C.competitionNotices, (c) =>
      checked(c.where({ end: _.gte(day), start: _.lte(day) }).orderBy('end', 'desc').orderBy('_id', 'desc').limit(Math.min(limit, MAX_READ)).get()),
    )
    return documentsOf(result).map(noticeOf)
  }

  async saveObjection(o: ResultObjection): Promise<void> {
    await this.collections.run(C.competitionObjections, (c) => checked(c.doc(o.id).set(bodyOf(o))))
  }

  async getObjection(id: string): Promise<ResultObjection | null> {
    const doc = await getDocument(this.collections, C.competitionObjections, id)
    return doc ? recordOf<ResultObjection>(doc) : null
  }

  async objectionsOf(competitionId: string, limit: number): Promise<ResultObjection[]> {
    const list = (await this.readAll(C.competitionObjections, { competitionId }, limit)).map((d) => recordOf<ResultObjection>(d))
    return list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
  }

  async objectionsBy(openid: string, limit: number): Promise<ResultObjection[]> {
    return (await this.readAll(C.competitionObjections, { filerOpenid: openid }, limit)).map((d) => recordOf<ResultObjection>(d))
  }

  /** A transaction: read, and set whole only while no outcome is recorded. 2 requests. */
  async resolveObjection(id: string, outcome: NonNullable<ResultObjection['outcome']>): Promise<boolean> {
    return this.collections.transaction([C.competitionObjections], async (tx) => {
      const doc = documentsOf(await checked(tx.collection(C.competitionObjections).doc(id).get()))[0]
      if (!doc) return false
      const stored = recordOf<ResultObjection>(doc)
      if (stored.outcome) return false
      await checked(tx.collection(C.competitionObjections).doc(id).set(bodyOf({ ...stored, outcome })))
      return true
    })
  }
}

function noticeOf(doc: RawDocument): ResultNotice {
  const { _id: _ignored, ...rest } = doc
  return rest as unknown as ResultNotice
}
