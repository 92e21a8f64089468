import type { Database } from 'better-sqlite3'
import type { NoticeAudience, Page, RecipientStatus, Survey, SurveyAnswers, SurveyStatus } from '../../../../types'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import type { TotalCount } from '../../survey/totals'
import type { RecipientRecord, ResponseRecord, SubmitInput, SubmitOutcome, SurveyListQuery, SurveyRecord, SurveyStore, TakeOutcome } from '../../survey/ports'
import { GroupCommit } from './group-commit'
import { memberConditions } from './notices'
import { ReadCache, statementCache, tableVersions, type Sql } from './statements'

interface RecipientRow {
  survey_id: string
  openid: string
  status: RecipientStatus
  reminders: number
  last_reminded_at: string | null
}

const recipientOf = (r: RecipientRow): RecipientRecord => ({
  surveyId: r.survey_id,
  openid: r.openid,
  status: r.status,
  reminders: r.reminders,
  lastRemindedAt: r.last_reminded_at,
})

const PAGE_CAP = 1000
/** The response counter's key; its `cap` is the response cap (null: none). */
const RESPONSES = '*'

/** Thrown inside a submission's savepoint to roll it back: this counter is full. */
class CounterFull extends Error {
  constructor(readonly key: string) {
    super('full')
  }
}

/** Surveys in SQLite (see the migration): every write that must not oversell is one transaction. */
export class SqliteSurveyStore implements SurveyStore {
  private readonly sql: Sql
  /** Submissions arriving together share one commit (each in its own savepoint). */
  private readonly writes: GroupCommit
  /** Parsed survey records, until the surveys table is written (submissions never write it). */
  private readonly reads: ReadCache

  constructor(private readonly db: Database) {
    this.sql = statementCache(db)
    this.writes = new GroupCommit(db)
    this.reads = new ReadCache(tableVersions(db), 200)
  }

  private recordNow(id: string): SurveyRecord | null {
    return this.reads.get(`survey:${id}`, ['surveys'], () => {
      const row = this.sql<[string], { data: string }>('SELECT data FROM surveys WHERE id = ?').get(id)
      return row ? (JSON.parse(row.data) as SurveyRecord) : null
    })
  }

  private withCounters(record: SurveyRecord): Survey {
    const rows = this.sql<[string], { key: string; used: number }>('SELECT key, used FROM survey_counters WHERE survey_id = ?').all(record.id)
    const quotaUsed: Record<string, number> = {}
    let responses = 0
    for (const r of rows) {
      if (r.key === RESPONSES) responses = r.used
      else quotaUsed[r.key] = r.used
    }
    return { ...record, responses, quotaUsed }
  }

  async create(s: SurveyRecord): Promise<void> {
    this.sql('INSERT INTO surveys (id, station_id, status, created_at, published_at, data) VALUES (?, ?, ?, ?, ?, ?)').run(
      s.id,
      s.stationId,
      s.status,
      s.createdAt,
      s.publishedAt,
      JSON.stringify(s),
    )
  }

  async get(id: string): Promise<Survey | null> {
    const record = this.recordNow(id)
    return record ? this.withCounters(record) : null
  }

  async record(id: string): Promise<SurveyRecord | null> {
    return this.recordNow(id)
  }

  private replaceNow(s: SurveyRecord, from: SurveyStatus[]): boolean {
    return (
      this.sql(
        `UPDATE surveys SET status = ?, station_id = ?, published_at = ?, data = ?
         WHERE id = ? AND status IN (SELECT value FROM json_each(?))`,
      ).run(s.status, s.stationId, s.publishedAt, JSON.stringify(s), s.id, JSON.stringify(from)).changes === 1
    )
  }

  async replace(s: SurveyRecord, from: SurveyStatus[]): Promise<boolean> {
    return this.replaceNow(s, from)
  }

  async list(q: SurveyListQuery): Promise<Page<Survey>> {
    const after = decodeCursor(q.cursor, 2)
    const where: string[] = []
    if (q.stationId !== null) where.push('station_id = @station')
    if (after) where.push('(created_at, id) < (@afterAt, @afterId)')
    const limit = Math.min(q.limit, PAGE_CAP)
    const rows = this.sql<Record<string, unknown>, { data: string }>(
      `SELECT data FROM surveys ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT @limit`,
    ).all({ station: q.stationId, afterAt: after?.[0], afterId: after?.[1], limit: limit + 1 })
    const items = rows.slice(0, limit).map((r) => this.withCounters(JSON.parse(r.data) as SurveyRecord))
    const last = items[items.length - 1]
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null }
  }

  async dueToClose(now: string, limit: number): Promise<SurveyRecord[]> {
    return this.sql<[string, number], { data: string }>(
      "SELECT data FROM surveys WHERE status = 'published' AND json_extract(data, '$.closeAt') IS NOT NULL AND julianday(json_extract(data, '$.closeAt')) <= julianday(?) LIMIT ?",
    )
      .all(now, limit)
      .map((r) => JSON.parse(r.data) as SurveyRecord)
  }

  async audienceOpenids(a: NoticeAudience, at: string): Promise<string[]> {
    const params: Record<string, unknown> = { at }
    const where = memberConditions(a, params, true)
    if (a.all) where.push('1 = 1')
    return this.sql<Record<string, unknown>, { openid: string }>(`SELECT m.openid FROM members m WHERE ${where.join(' AND ')} ORDER BY m.openid`)
      .all(params)
      .map((r) => r.openid)
  }

  async publish(s: SurveyRecord, openids: string[], quotas: Record<string, number>): Promise<boolean> {
    return this.db.transaction(() => {
      if (!this.replaceNow(s, ['approved'])) return false
      const recipient = this.sql("INSERT OR IGNORE INTO survey_recipients (survey_id, openid, status) VALUES (?, ?, 'unread')")
      for (const openid of openids) recipient.run(s.id, openid)
      const counter = this.sql('INSERT OR IGNORE INTO survey_counters (survey_id, key, used, cap) VALUES (?, ?, 0, ?)')
      counter.run(s.id, RESPONSES, s.responseCap)
      for (const [key, cap] of Object.entries(quotas)) counter.run(s.id, key, cap)
      return true
    })()
  }

  async recipient(surveyId: string, openid: string): Promise<RecipientRecord | null> {
    const row = this.sql<[string, string], RecipientRow>('SELECT * FROM survey_recipients WHERE survey_id = ? AND openid = ?').get(surveyId, openid)
    return row ? recipientOf(row) : null
  }

  async advance(surveyId: string, openid: string, from: RecipientStatus[], to: RecipientStatus): Promise<boolean> {
    return (
      this.sql('UPDATE survey_recipients SET status = ? WHERE survey_id = ? AND openid = ? AND status IN (SELECT value FROM json_each(?))').run(
        to,
        surveyId,
        openid,
        JSON.stringify(from),
      ).changes === 1
    )
  }

  async pending(surveyId: string, cursor: string | null, limit: number): Promise<Page<RecipientRecord>> {
    const after = decodeCursor(cursor, 1)
    const n = Math.min(limit, PAGE_CAP)
    const rows = this.sql<[string, string, number], RecipientRow>(
      "SELECT * FROM survey_recipients WHERE survey_id = ? AND status != 'submitted' AND openid > ? ORDER BY openid LIMIT ?",
    ).all(surveyId, after ? String(after[0]) : '', n + 1)
    const items = rows.slice(0, n).map(recipientOf)
    const last = items[items.length - 1]
    return { items, nextCursor: rows.length > n && last ? encodeCursor([last.openid]) : null }
  }

  async mine(openid: string, cursor: string | null, limit: number): Promise<Page<{ survey: Survey; recipient: RecipientRecord }>> {
    const after = decodeCursor(cursor, 2)
    const n = Math.min(limit, PAGE_CAP)
    const rows = this.sql<Record<string, unknown>, RecipientRow & { data: string; published_at: string }>(
      `SELECT r.*, s.data, s.published_at FROM survey_recipients r JOIN surveys s ON s.id = r.survey_id
       WHERE r.openid = @openid ${after ? 'AND (s.published_at, s.id) < (@afterAt, @afterId)' : ''}
       ORDER BY s.published_at DESC, s.id DESC LIMIT @limit`,
    ).all({ openid, afterAt: after?.[0], afterId: after?.[1], limit: n + 1 })
    const items = rows.slice(0, n).map((r) => ({ survey: this.withCounters(JSON.parse(r.data) as SurveyRecord), recipient: recipientOf(r) }))
    const last = items[items.length - 1]
    return { items, nextCursor: rows.length > n && last ? encodeCursor([last.survey.publishedAt ?? '', last.survey.id]) : null }
  }

  async answeredFeedback(openid: string, limit: number): Promise<SurveyRecord[]> {
    return this.sql<[string, number], { data: string }>(
      `SELECT s.data FROM survey_recipients r JOIN surveys s ON s.id = r.survey_id
       WHERE r.openid = ? AND r.status = 'submitted' AND json_extract(s.data, '$.audience.activityId') IS NOT NULL
       ORDER BY s.published_at DESC, s.id DESC LIMIT ?`,
    )
      .all(openid, Math.min(limit, PAGE_CAP))
      .map((r) => JSON.parse(r.data) as SurveyRecord)
  }

  async remind(surveyId: string, openid: string, at: string, max: number, notAfter: string): Promise<boolean> {
    return (
      this.sql(
        `UPDATE survey_recipients SET reminders = reminders + 1, last_reminded_at = ?
         WHERE survey_id = ? AND openid = ? AND status != 'submitted' AND reminders < ? AND (last_reminded_at IS NULL OR last_reminded_at <= ?)`,
      ).run(at, surveyId, openid, max, notAfter).changes === 1
    )
  }

  async saveDraft(surveyId: string, openid: string, pageId: string, answers: SurveyAnswers, at: string): Promise<void> {
    this.sql(
      `INSERT INTO survey_drafts (survey_id, openid, page_id, answers, saved_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (survey_id, openid) DO UPDATE SET page_id = excluded.page_id, answers = excluded.answers, saved_at = excluded.saved_at`,
    ).run(surveyId, openid, pageId, JSON.stringify(answers), at)
  }

  async draft(surveyId: string, openid: string): Promise<{ pageId: string; answers: SurveyAnswers } | null> {
    const row = this.sql<[string, string], { page_id: string; answers: string }>('SELECT page_id, answers FROM survey_drafts WHERE survey_id = ? AND openid = ?').get(
      surveyId,
      openid,
    )
    return row ? { pageId: row.page_id, answers: JSON.parse(row.answers) as SurveyAnswers } : null
  }

  async deleteDraft(surveyId: string, openid: string): Promise<void> {
    this.sql('DELETE FROM survey_drafts WHERE survey_id = ? AND openid = ?').run(surveyId, openid)
  }

  async take(surveyId: string, keys: string[]): Promise<TakeOutcome> {
    const inc = this.sql('UPDATE survey_counters SET used = used + 1 WHERE survey_id = ? AND key = ? AND (cap IS NULL OR used < cap)')
    const fail = new Error('full')
    let full = RESPONSES
    try {
      this.db.transaction(() => {
        for (const key of [...keys, RESPONSES]) {
          full = key
          if (inc.run(surveyId, key).changes !== 1) throw fail
        }
      })()
      return { ok: true }
    } catch (error) {
      if (error !== fail) throw error
      return { ok: false, full }
    }
  }

  async release(surveyId: string, keys: string[]): Promise<void> {
    const dec = this.sql('UPDATE survey_counters SET used = used - 1 WHERE survey_id = ? AND key = ? AND used > 0')
    this.db.transaction(() => {
      for (const key of [RESPONSES, ...keys]) dec.run(surveyId, key)
    })()
  }

  async addResponse(r: ResponseRecord): Promise<void> {
    this.insertResponse(r)
  }

  private insertResponse(r: ResponseRecord): void {
    this.sql('INSERT INTO survey_responses (survey_id, id, openid, day, answers, profile) VALUES (?, ?, ?, ?, ?, ?)').run(
      r.surveyId,
      r.id,
      r.openid,
      r.day,
      JSON.stringify(r.answers),
      r.profile ? JSON.stringify(r.profile) : null,
    )
  }

  async submit(input: SubmitInput): Promise<SubmitOutcome> {
    const { response: r, openid } = input
    try {
      return await this.writes.run((): SubmitOutcome => {
        const who = input.recipient
        const marked =
          who === null ||
          ('claim' in who
            ? this.sql("INSERT OR IGNORE INTO survey_recipients (survey_id, openid, status) VALUES (?, ?, 'submitted')").run(r.surveyId, openid).changes === 1
            : this.sql("UPDATE survey_recipients SET status = 'submitted' WHERE survey_id = ? AND openid = ? AND status IN (SELECT value FROM json_each(?))").run(
                r.surveyId,
                openid,
                JSON.stringify(who.from),
              ).changes === 1)
        if (!marked) return { ok: false, already: true }
        const inc = this.sql('UPDATE survey_counters SET used = used + 1 WHERE survey_id = ? AND key = ? AND (cap IS NULL OR used < cap)')
        for (const { key } of input.counters) if (inc.run(r.surveyId, key).changes !== 1) throw new CounterFull(key)
        this.insertResponse(r)
        const add = this.sql('INSERT INTO survey_totals (survey_id, dim, grp, question_id, value, n) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n')
        for (const x of input.totals) add.run(r.surveyId, x.dim, x.group, x.questionId, x.value, x.n)
        if (input.dropDraft) this.sql('DELETE FROM survey_drafts WHERE survey_id = ? AND openid = ?').run(r.surveyId, openid)
        return { ok: true }
      })
    } catch (error) {
      // The savepoint rolled back: the status and any counter taken are as before.
      if (error instanceof CounterFull) return { ok: false, full: error.key }
      throw error
    }
  }

  async totals(surveyId: string, dims: string[]): Promise<TotalCount[]> {
    return this.sql<[string, string], TotalCount>(
      'SELECT dim, grp AS "group", question_id AS questionId, value, n FROM survey_totals WHERE survey_id = ? AND dim IN (SELECT value FROM json_each(?))',
    ).all(surveyId, JSON.stringify(dims))
  }

  async responses(surveyId: string, cursor: string | null, limit: number): Promise<Page<ResponseRecord>> {
    const after = decodeCursor(cursor, 1)
    const n = Math.min(limit, PAGE_CAP)
    // Raw rows of the columns needed: results read every response, so each object saved counts.
    const rows = this.sql<[string, string, number], [string, string | null, string, string, string | null]>(
      'SELECT id, openid, day, answers, profile FROM survey_responses WHERE survey_id = ? AND id > ? ORDER BY id LIMIT ?',
    )
      .raw(true)
      .all(surveyId, after ? String(after[0]) : '', n + 1)
    const items: ResponseRecord[] = []
    for (let i = 0; i < rows.length && i < n; i += 1) {
      const [id, openid, day, answers, profile] = rows[i]!
      items.push({
        id,
        surveyId,
        openid,
        day,
        answers: JSON.parse(answers) as SurveyAnswers,
        profile: profile ? (JSON.parse(profile) as ResponseRecord['profile']) : null,
      })
    }
    const last = items[items.length - 1]
    return { items, nextCursor: rows.length > n && last ? encodeCursor([last.id]) : null }
  }

  async answersOf(openid: string, limit: number): Promise<ResponseRecord[]> {
    return this.sql<[string, number], { survey_id: string; id: string; openid: string | null; day: string; answers: string; profile: string | null }>(
      'SELECT * FROM survey_responses WHERE openid = ? ORDER BY day DESC, id LIMIT ?',
    )
      .all(openid, limit)
      .map((r) => ({ id: r.id, surveyId: r.survey_id, openid: r.openid, day: r.day, answers: JSON.parse(r.answers) as SurveyAnswers, profile: r.profile ? (JSON.parse(r.profile) as ResponseRecord['profile']) : null }))
  }

  async forgetMember(openid: string): Promise<void> {
    this.db.transaction(() => {
      this.sql('DELETE FROM survey_drafts WHERE openid = ?').run(openid)
      this.sql('DELETE FROM survey_recipients WHERE openid = ?').run(openid)
      this.sql('UPDATE survey_responses SET openid = NULL, profile = NULL WHERE openid = ?').run(openid)
    })()
  }
}
