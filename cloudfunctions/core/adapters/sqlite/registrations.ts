import type { Database } from 'better-sqlite3'
import type { Activity, AnswerValue, Page, Registration, RegistrationStatus } from '../../../../types'
import type { MoveOutcome, NewRegistration, RegistrationFilters, RegistrationStore, RegistrationWithMember, SignUpOutcome } from '../../activity/ports'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import { activityFromRow, type ActivityRow } from './activities'
import { containsPattern, LIKE_ESCAPE } from './like'
import { GroupCommit } from './group-commit'
import { statementCache, type Sql } from './statements'

interface RegistrationRow {
  id: string
  activity_id: string
  openid: string
  status: RegistrationStatus
  waitlist_seq: number | null
  answers: string
  created_at: string
  updated_at: string
  checked_in_at: string | null
}

/** Statuses that hold one of the activity's places. */
const HOLDS_PLACE: RegistrationStatus[] = ['registered', 'checked_in', 'absent']

/** Deterministic: one registration per (activity, member), whatever the retries. */
export const registrationId = (activityId: string, openid: string) => `${activityId}:${openid}`

export class SqliteRegistrationStore implements RegistrationStore {
  private readonly sql: Sql
  private readonly writes: GroupCommit

  constructor(private readonly db: Database) {
    this.sql = statementCache(db)
    this.writes = new GroupCommit(db)
  }

  private row(activityId: string, openid: string): RegistrationRow | undefined {
    return this.sql<[string, string], RegistrationRow>('SELECT * FROM registrations WHERE activity_id = ? AND openid = ?').get(
      activityId,
      openid,
    )
  }

  private position(r: RegistrationRow): number | null {
    if (r.status !== 'waitlisted' || r.waitlist_seq === null) return null
    return this.sql<[string, number], { n: number }>(
      "SELECT count(*) AS n FROM registrations WHERE activity_id = ? AND status = 'waitlisted' AND waitlist_seq <= ?",
    ).get(r.activity_id, r.waitlist_seq)!.n
  }

  private toRegistration(r: RegistrationRow): Registration {
    return {
      id: r.id,
      activityId: r.activity_id,
      openid: r.openid,
      status: r.status,
      position: this.position(r),
      answers: JSON.parse(r.answers) as Record<string, AnswerValue>,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      checkedInAt: r.checked_in_at,
    }
  }

  private activityRow(id: string) {
    return this.sql<[string], Pick<ActivityRow, 'status' | 'capacity' | 'waitlist' | 'registered_count' | 'waitlist_count'>>(
      'SELECT status, capacity, waitlist, registered_count, waitlist_count FROM activities WHERE id = ?',
    ).get(id)
  }

  private nextSeq(activityId: string): number {
    return this.sql<[string], { seq: number | null }>('SELECT max(waitlist_seq) AS seq FROM registrations WHERE activity_id = ?').get(
      activityId,
    )!.seq ?? 0
  }

  private setStatus(id: string, status: RegistrationStatus, seq: number | null, at: string) {
    this.sql('UPDATE registrations SET status = ?, waitlist_seq = ?, updated_at = ? WHERE id = ?').run(status, seq, at, id)
  }

  /** The first on the waitlist takes a freed place. */
  private promoteFirst(activityId: string, at: string): RegistrationRow | null {
    const activity = this.activityRow(activityId)
    if (!activity || activity.registered_count >= activity.capacity) return null
    const first = this.sql<[string], RegistrationRow>(
      "SELECT * FROM registrations WHERE activity_id = ? AND status = 'waitlisted' ORDER BY waitlist_seq LIMIT 1",
    ).get(activityId)
    if (!first) return null
    this.setStatus(first.id, 'registered', null, at)
    return this.row(activityId, first.openid) ?? null
  }

  async signUp(input: NewRegistration): Promise<SignUpOutcome> {
    // One transaction (shared with concurrent sign-ups, each in its own savepoint): the place
    // count, the existing registration and the insert agree.
    return this.writes.run((): SignUpOutcome => {
      const activity = this.activityRow(input.activityId)
      if (!activity || activity.status !== 'published') return { outcome: 'not_open' }
      const existing = this.row(input.activityId, input.openid)
      if (existing && existing.status !== 'cancelled') {
        const registration = this.toRegistration(existing)
        return { outcome: registration.status === 'waitlisted' ? 'waitlisted' : 'registered', registration, fresh: false }
      }
      // Those waiting come first: a free place goes to the queue before anyone new (promoteFirst).
      while (activity.waitlist_count > 0 && activity.registered_count < activity.capacity && this.promoteFirst(input.activityId, input.at)) {
        const now = this.activityRow(input.activityId)!
        activity.registered_count = now.registered_count
        activity.waitlist_count = now.waitlist_count
      }
      const hasPlace = activity.registered_count < activity.capacity
      if (!hasPlace && activity.waitlist !== 1) return { outcome: 'full' }
      const status: RegistrationStatus = hasPlace ? 'registered' : 'waitlisted'
      const seq = hasPlace ? null : this.nextSeq(input.activityId) + 1
      const id = registrationId(input.activityId, input.openid)
      this.sql(
        `INSERT INTO registrations (id, activity_id, openid, status, waitlist_seq, answers, created_at, updated_at, checked_in_at)
         VALUES (@id, @activityId, @openid, @status, @seq, @answers, @at, @at, NULL)
         ON CONFLICT (activity_id, openid) DO UPDATE SET status = excluded.status, waitlist_seq = excluded.waitlist_seq,
           answers = excluded.answers, created_at = excluded.created_at, updated_at = excluded.updated_at, checked_in_at = NULL`,
      ).run({ id, activityId: input.activityId, openid: input.openid, status, seq, answers: JSON.stringify(input.answers), at: input.at })
      const registration = this.toRegistration(this.row(input.activityId, input.openid)!)
      return { outcome: status, registration, fresh: true }
    })
  }

  async cancel(activityId: string, openid: string, at: string) {
    return this.writes.run(() => {
      const current = this.row(activityId, openid)
      if (!current || (current.status !== 'registered' && current.status !== 'waitlisted')) {
        return { cancelled: null, promoted: null }
      }
      this.setStatus(current.id, 'cancelled', null, at)
      const promoted = current.status === 'registered' ? this.promoteFirst(activityId, at) : null
      return {
        cancelled: this.toRegistration(this.row(activityId, openid)!),
        promoted: promoted ? this.toRegistration(promoted) : null,
      }
    })
  }

  async promoteWaitlist(activityId: string, at: string, max: number): Promise<Registration[]> {
    return this.writes.run(() => {
      const promoted: Registration[] = []
      while (promoted.length < max) {
        const next = this.promoteFirst(activityId, at)
        if (!next) break
        promoted.push(this.toRegistration(next))
      }
      return promoted
    })
  }

  async endWaitlist(activityId: string, at: string, max: number): Promise<Registration[]> {
    return this.writes.run(() => {
      const waiting = this.sql<[string, number], RegistrationRow>(
        "SELECT * FROM registrations WHERE activity_id = ? AND status = 'waitlisted' ORDER BY waitlist_seq LIMIT ?",
      ).all(activityId, max)
      for (const r of waiting) this.setStatus(r.id, 'cancelled', null, at)
      return waiting.map((r) => this.toRegistration(this.row(activityId, r.openid)!))
    })
  }

  async get(activityId: string, openid: string): Promise<Registration | null> {
    const row = this.row(activityId, openid)
    return row ? this.toRegistration(row) : null
  }

  async move(activityId: string, openid: string, to: RegistrationStatus, at: string) {
    return this.db.transaction((): { outcome: MoveOutcome; promoted: Registration | null } => {
      const current = this.row(activityId, openid)
      const activity = this.activityRow(activityId)
      if (!current || !activity || current.status === 'cancelled') return { outcome: 'not_found', promoted: null }
      if (current.status === to) return { outcome: 'unchanged', promoted: null }
      const gainsPlace = HOLDS_PLACE.includes(to) && !HOLDS_PLACE.includes(current.status)
      if (gainsPlace && activity.registered_count >= activity.capacity) return { outcome: 'full', promoted: null }
      if (to === 'waitlisted') {
        // Back of the queue; the freed place goes to the first one waiting.
        this.setStatus(current.id, 'waitlisted', this.nextSeq(activityId) + 1, at)
        const promoted = this.promoteFirst(activityId, at)
        return { outcome: 'ok', promoted: promoted && promoted.openid !== openid ? this.toRegistration(promoted) : null }
      }
      this.setStatus(current.id, to, null, at)
      if (to === 'checked_in') this.sql('UPDATE registrations SET checked_in_at = ? WHERE id = ?').run(at, current.id)
      return { outcome: 'ok', promoted: null }
    }).immediate()
  }

  async checkIn(activityId: string, openid: string, at: string): Promise<'ok' | 'already' | 'not_registered'> {
    const current = this.row(activityId, openid)
    if (current?.status === 'checked_in') return 'already'
    const result = this.sql(
      "UPDATE registrations SET status = 'checked_in', checked_in_at = ?, updated_at = ? WHERE activity_id = ? AND openid = ? AND status IN ('registered', 'absent')",
    ).run(at, at, activityId, openid)
    return result.changes === 1 ? 'ok' : 'not_registered'
  }

  async markAbsent(activityId: string, at: string): Promise<number> {
    return this.sql("UPDATE registrations SET status = 'absent', updated_at = ? WHERE activity_id = ? AND status = 'registered'").run(
      at,
      activityId,
    ).changes
  }

  async listForActivity(
    activityId: string,
    filters: RegistrationFilters,
    cursor: string | null,
    limit: number,
  ): Promise<Page<RegistrationWithMember>> {
    const after = decodeCursor(cursor, 2)
    const where = ['r.activity_id = @activityId']
    const params: Record<string, unknown> = { activityId, limit: limit + 1 }
    if (filters.status) {
      where.push('r.status = @status')
      params.status = filters.status
    }
    if (filters.q) {
      where.push(`m.name LIKE @q ${LIKE_ESCAPE}`)
      params.q = containsPattern(filters.q)
    }
    if (after) {
      where.push('(r.created_at, r.id) > (@afterAt, @afterId)')
      params.afterAt = after[0]
      params.afterId = after[1]
    }
    const rows = this.sql<
      Record<string, unknown>,
      RegistrationRow & { name: string; phone: string; university: string; degree: string; hometown_county: string }
    >(
      `SELECT r.*, m.name, m.phone, m.university, m.degree, m.hometown_county
       FROM registrations r JOIN members m ON m.openid = r.openid
       WHERE ${where.join(' AND ')} ORDER BY r.created_at, r.id LIMIT @limit`,
    ).all(params)
    const items = rows.slice(0, limit).map((r) => ({
      ...this.toRegistration(r),
      name: r.name,
      phone: r.phone,
      university: r.university,
      degree: r.degree,
      hometownCounty: r.hometown_county,
    }))
    const last = items[items.length - 1]
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null }
  }

  async openidsOf(activityId: string, statuses: RegistrationStatus[], cursor: string | null, limit: number): Promise<Page<string>> {
    const rows = this.sql<[string, string, string, number], { openid: string }>(
      `SELECT openid FROM registrations WHERE activity_id = ? AND status IN (SELECT value FROM json_each(?))
         AND openid > ? ORDER BY openid LIMIT ?`,
    ).all(activityId, JSON.stringify(statuses), cursor ?? '', limit + 1)
    const items = rows.slice(0, limit).map((r) => r.openid)
    return { items, nextCursor: rows.length > limit ? items[items.length - 1] : null }
  }

  private withActivities(rows: (RegistrationRow & { activity_json: string })[]) {
    return rows.map((r) => ({
      activity: activityFromRow(JSON.parse(r.activity_json) as ActivityRow) as Activity,
      registration: this.toRegistration(r),
    }))
  }

  private static readonly ACTIVITY_JSON = `json_object(${[
    'id', 'type', 'title', 'description', 'host_org', 'place', 'start_at', 'end_at', 'sign_up_open_at', 'sign_up_close_at',
    'capacity', 'waitlist', 'eligibility', 'form', 'cover_image', 'check_in_helpers', 'status', 'cancel_reason', 'station_id',
    'created_by', 'registered_count', 'waitlist_count', 'created_at', 'updated_at', 'published_at', 'open_to_public', 'public_count',
  ]
    .map((c) => `'${c}', a.${c}`)
    .join(', ')}) AS activity_json`

  async listForMember(openid: string, cursor: string | null, limit: number) {
    const after = decodeCursor(cursor, 2)
    const rows = this.sql<Record<string, unknown>, RegistrationRow & { activity_json: string }>(
      `SELECT r.*, ${SqliteRegistrationStore.ACTIVITY_JSON} FROM registrations r JOIN activities a ON a.id = r.activity_id
       WHERE r.openid = @openid ${after ? 'AND (r.created_at, r.id) < (@afterAt, @afterId)' : ''}
       ORDER BY r.created_at DESC, r.id DESC LIMIT @limit`,
    ).all({ openid, limit: limit + 1, afterAt: after?.[0], afterId: after?.[1] })
    const items = this.withActivities(rows.slice(0, limit))
    const last = items[items.length - 1]
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor([last.registration.createdAt, last.registration.id]) : null,
    }
  }

  async historyOf(openid: string, max: number) {
    const rows = this.sql<[string, number], RegistrationRow & { activity_json: string }>(
      `SELECT r.*, ${SqliteRegistrationStore.ACTIVITY_JSON} FROM registrations r JOIN activities a ON a.id = r.activity_id
       WHERE r.openid = ? ORDER BY a.start_at DESC LIMIT ?`,
    ).all(openid, max)
    return this.withActivities(rows)
  }

  async lastAnswers(openid: string): Promise<Record<string, AnswerValue>> {
    const rows = this.sql<[string], { answers: string; form: string }>(
      `SELECT r.answers, a.form FROM registrations r JOIN activities a ON a.id = r.activity_id
       WHERE r.openid = ? AND r.answers != '{}' ORDER BY r.created_at DESC LIMIT 10`,
    ).all(openid)
    // Newest first: an answer given more recently to the same question wins.
    const byLabel: Record<string, AnswerValue> = {}
    for (const row of rows) {
      const answers = JSON.parse(row.answers) as Record<string, AnswerValue>
      for (const field of JSON.parse(row.form) as { id: string; label: string }[]) {
        if (answers[field.id] !== undefined && !(field.label in byLabel)) byLabel[field.label] = answers[field.id]
      }
    }
    return byLabel
  }

  async forgetMember(openid: string, at: string): Promise<void> {
    const held = this.sql<[string], { activity_id: string; status: RegistrationStatus }>(
      "SELECT activity_id, status FROM registrations WHERE openid = ? AND status IN ('registered', 'waitlisted')",
    ).all(openid)
    for (const { activity_id } of held) await this.cancel(activity_id, openid, at)
    this.sql('DELETE FROM registrations WHERE openid = ?').run(openid)
  }
}
