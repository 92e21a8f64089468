import type { Database } from 'better-sqlite3'
import type { Award, Juror, JuryAssignment, JuryDraw, Nomination, NominationEvent, Objection } from '../../../../types'
import { MAX_NOMINATIONS, type HonourStore, type NominationFilter } from '../../honour/ports'
import { Conditions } from './conditions'
import { statementCache, type Sql } from './statements'

const parse = <T>(rows: { doc: string }[]): T[] => rows.map((r) => JSON.parse(r.doc) as T)

/** Honours over SQLite: each record a JSON document beside the columns its queries filter on. */
export class SqliteHonourStore implements HonourStore {
  private readonly sql: Sql

  constructor(private readonly db: Database) {
    this.sql = statementCache(db)
  }

  async saveAward(award: Award): Promise<void> {
    this.sql('INSERT INTO honour_awards (id, created_at, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc').run(
      award.id,
      award.createdAt,
      JSON.stringify(award),
    )
  }

  async getAward(id: string): Promise<Award | null> {
    return parse<Award>(this.sql<[string], { doc: string }>('SELECT doc FROM honour_awards WHERE id = ?').all(id))[0] ?? null
  }

  async listAwards(): Promise<Award[]> {
    return parse<Award>(this.sql<[], { doc: string }>('SELECT doc FROM honour_awards ORDER BY created_at DESC, id DESC').all())
  }

  async insertNomination(n: Nomination, event: NominationEvent): Promise<void> {
    this.db.transaction(() => {
      this.sql(
        `INSERT INTO honour_nominations (id, award_id, state, nominee_openid, nominator_openid, station_id, version, created_at, doc)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(n.id, n.awardId, n.state, n.nomineeOpenid, n.nominatorOpenid, n.stationId, n.version, n.createdAt, JSON.stringify(n))
      this.appendEvent(event)
    })()
  }

  private appendEvent(event: NominationEvent): void {
    this.sql('INSERT INTO honour_events (id, nomination_id, at, doc) VALUES (?, ?, ?, ?)').run(event.id, event.nominationId, event.at, JSON.stringify(event))
  }

  async getNomination(id: string): Promise<Nomination | null> {
    return parse<Nomination>(this.sql<[string], { doc: string }>('SELECT doc FROM honour_nominations WHERE id = ?').all(id))[0] ?? null
  }

  async listNominations(filter: NominationFilter): Promise<Nomination[]> {
    const c = new Conditions({ limit: MAX_NOMINATIONS })
      .when('awardId', filter.awardId, 'award_id = @awardId')
      .when('state', filter.state, 'state = @state')
      .when('nominee', filter.nomineeOpenid, 'nominee_openid = @nominee')
      .when('nominator', filter.nominatorOpenid, 'nominator_openid = @nominator')
      .when('stationId', filter.stationId, 'station_id = @stationId')
    return parse<Nomination>(
      this.sql<object, { doc: string }>(`SELECT doc FROM honour_nominations ${c.clause} ORDER BY created_at, id LIMIT @limit`).all(c.params),
    )
  }

  async updateNomination(next: Nomination, expectedVersion: number, event: NominationEvent): Promise<boolean> {
    return this.db.transaction(() => {
      const changed = this.sql(
        `UPDATE honour_nominations SET state = ?, station_id = ?, nominee_openid = ?, nominator_openid = ?, version = ?, doc = ?
         WHERE id = ? AND version = ?`,
      ).run(next.state, next.stationId, next.nomineeOpenid, next.nominatorOpenid, next.version, JSON.stringify(next), next.id, expectedVersion).changes
      if (changed !== 1) return false
      this.appendEvent(event)
      return true
    })()
  }

  async eventsOf(nominationId: string): Promise<NominationEvent[]> {
    return parse<NominationEvent>(this.sql<[string], { doc: string }>('SELECT doc FROM honour_events WHERE nomination_id = ? ORDER BY at, id').all(nominationId))
  }

  /** The database refuses any other change to a history line (migration: honour_events_no_update). */
  async forgetEventsBy(openid: string, pseudonym: string): Promise<void> {
    this.sql(
      `UPDATE honour_events SET doc = json_set(doc, '$.actorOpenid', @pseudonym, '$.note', '')
       WHERE json_extract(doc, '$.actorOpenid') = @openid`,
    ).run({ openid, pseudonym })
  }

  async saveJuror(juror: Juror): Promise<void> {
    this.sql(
      `INSERT INTO honour_jurors (id, openid, invite_code, created_at, doc) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET openid = excluded.openid, invite_code = excluded.invite_code, doc = excluded.doc`,
    ).run(juror.id, juror.openid, juror.inviteCode, juror.createdAt, JSON.stringify(juror))
  }

  async getJuror(id: string): Promise<Juror | null> {
    return parse<Juror>(this.sql<[string], { doc: string }>('SELECT doc FROM honour_jurors WHERE id = ?').all(id))[0] ?? null
  }

  async listJurors(): Promise<Juror[]> {
    return parse<Juror>(this.sql<[], { doc: string }>('SELECT doc FROM honour_jurors ORDER BY created_at, id').all())
  }

  async jurorByOpenid(openid: string): Promise<Juror | null> {
    return parse<Juror>(this.sql<[string], { doc: string }>('SELECT doc FROM honour_jurors WHERE openid = ?').all(openid))[0] ?? null
  }

  async jurorByCode(code: string): Promise<Juror | null> {
    return parse<Juror>(this.sql<[string], { doc: string }>('SELECT doc FROM honour_jurors WHERE invite_code = ?').all(code))[0] ?? null
  }

  async bindJuror(id: string, openid: string): Promise<boolean> {
    return this.db.transaction(() => {
      const juror = parse<Juror>(this.sql<[string], { doc: string }>('SELECT doc FROM honour_jurors WHERE id = ? AND openid IS NULL').all(id))[0]
      if (!juror || this.sql<[string], { id: string }>('SELECT id FROM honour_jurors WHERE openid = ?').get(openid)) return false
      this.sql('UPDATE honour_jurors SET openid = ?, doc = ? WHERE id = ? AND openid IS NULL').run(openid, JSON.stringify({ ...juror, openid }), id)
      return true
    })()
  }

  async saveAssignment(a: JuryAssignment): Promise<void> {
    this.sql(
      `INSERT INTO honour_assignments (nomination_id, juror_id, draw_order, doc) VALUES (?, ?, ?, ?)
       ON CONFLICT (nomination_id, juror_id) DO UPDATE SET doc = excluded.doc`,
    ).run(a.nominationId, a.jurorId, a.drawOrder, JSON.stringify(a))
  }

  async assignmentsOf(nominationId: string): Promise<JuryAssignment[]> {
    return parse<JuryAssignment>(
      this.sql<[string], { doc: string }>('SELECT doc FROM honour_assignments WHERE nomination_id = ? ORDER BY draw_order').all(nominationId),
    )
  }

  async assignmentsOfJuror(jurorId: string): Promise<JuryAssignment[]> {
    return parse<JuryAssignment>(
      this.sql<[string], { doc: string }>('SELECT doc FROM honour_assignments WHERE juror_id = ? ORDER BY nomination_id').all(jurorId),
    )
  }

  async saveDraw(draw: JuryDraw): Promise<void> {
    this.sql('INSERT INTO honour_draws (id, award_id, at, doc) VALUES (?, ?, ?, ?)').run(draw.id, draw.awardId, draw.at, JSON.stringify(draw))
  }

  async drawsOf(awardId: string): Promise<JuryDraw[]> {
    return parse<JuryDraw>(
      this.sql<[string, number], { doc: string }>('SELECT doc FROM honour_draws WHERE award_id = ? ORDER BY at, id LIMIT ?').all(awardId, MAX_NOMINATIONS),
    )
  }

  async saveObjection(o: Objection): Promise<void> {
    this.sql(
      `INSERT INTO honour_objections (id, nomination_id, created_at, doc) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`,
    ).run(o.id, o.nominationId, o.createdAt, JSON.stringify(o))
  }

  async objectionsOf(nominationId: string): Promise<Objection[]> {
    return parse<Objection>(
      this.sql<[string], { doc: string }>('SELECT doc FROM honour_objections WHERE nomination_id = ? ORDER BY created_at, id').all(nominationId),
    )
  }

  async objectionsBy(filerOpenid: string): Promise<Objection[]> {
    return parse<Objection>(
      this.sql<[string, number], { doc: string }>(
        `SELECT doc FROM honour_objections WHERE json_extract(doc, '$.filerOpenid') = ? ORDER BY created_at, id LIMIT ?`,
      ).all(filerOpenid, MAX_NOMINATIONS),
    )
  }
}
