import type { Database } from 'better-sqlite3'
import { PUBLIC_PARTICIPANTS_MAX, type Page, type PublicRegistration } from '../../../../types'
import type { NewPublicRegistration, PublicRegistrationStore, PublicSignUpOutcome } from '../../platform/ports'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import { statementCache, type Sql } from './statements'

interface PublicRow {
  id: string
  activity_id: string
  openid: string
  slot: number
  status: PublicRegistration['status']
  checked_in_at: string | null
  name: string
  phone: string
  /** age, school, grade, guardian. */
  data: string
  created_at: string
  updated_at: string
}

type Extra = Pick<PublicRegistration, 'age' | 'school' | 'grade' | 'guardian'>

function fromRow(r: PublicRow): PublicRegistration {
  const extra = JSON.parse(r.data) as Extra
  return {
    id: r.id,
    activityId: r.activity_id,
    openid: r.openid,
    status: r.status,
    name: r.name,
    phone: r.phone,
    age: extra.age,
    school: extra.school,
    grade: extra.grade,
    guardian: extra.guardian,
    checkedInAt: r.checked_in_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

/**
 * Public sign-ups in SQLite: `public_registrations`, one row per (activity, openid, slot), slots
 * 1..PUBLIC_PARTICIPANTS_MAX (a cancelled row's slot is reused). Their
 * triggers move `activities.registered_count` and `public_count`, so the capacity check below and
 * the member sign-up's check read the same counter inside one immediate transaction each (and the
 * counter's CHECK refuses any oversell outright).
 */
export class SqlitePublicRegistrationStore implements PublicRegistrationStore {
  private readonly sql: Sql

  constructor(private readonly db: Database) {
    this.sql = statementCache(db)
  }

  private rows(activityId: string, openid: string): PublicRow[] {
    return this.sql<[string, string], PublicRow>('SELECT * FROM public_registrations WHERE activity_id = ? AND openid = ? ORDER BY slot').all(
      activityId,
      openid,
    )
  }

  async signUp({ registration: r }: NewPublicRegistration): Promise<PublicSignUpOutcome> {
    return this.db
      .transaction((): PublicSignUpOutcome => {
        const activity = this.sql<[string], { status: string; capacity: number; registered_count: number; waitlist_count: number }>(
          'SELECT status, capacity, registered_count, waitlist_count FROM activities WHERE id = ?',
        ).get(r.activityId)
        if (!activity || activity.status !== 'published') return { outcome: 'not_open' }
        const rows = this.rows(r.activityId, r.openid)
        const same = rows.find((row) => row.status === 'registered' && row.name === r.name)
        if (same) return { outcome: 'registered', registration: fromRow(same), fresh: false }
        const taken = new Set(rows.filter((row) => row.status === 'registered').map((row) => row.slot))
        const slot = Array.from({ length: PUBLIC_PARTICIPANTS_MAX }, (_, i) => i + 1).find((k) => !taken.has(k))
        if (slot === undefined) return { outcome: 'too_many' }
        // Members waiting come first; public sign-ups never join the waitlist.
        if (activity.waitlist_count > 0 || activity.registered_count >= activity.capacity) return { outcome: 'full' }
        const data: Extra = { age: r.age, school: r.school, grade: r.grade, guardian: r.guardian }
        const row = this.sql<Record<string, unknown>, PublicRow>(
          `INSERT INTO public_registrations (id, activity_id, openid, slot, status, name, phone, data, created_at, updated_at)
           VALUES (@id, @activityId, @openid, @slot, 'registered', @name, @phone, @data, @at, @at)
           ON CONFLICT (activity_id, openid, slot) DO UPDATE SET status = 'registered', checked_in_at = NULL, name = excluded.name, phone = excluded.phone,
             data = excluded.data, created_at = excluded.created_at, updated_at = excluded.updated_at
           RETURNING *`,
        ).get({ id: r.id, activityId: r.activityId, openid: r.openid, slot, name: r.name, phone: r.phone, data: JSON.stringify(data), at: r.createdAt })!
        return { outcome: 'registered', registration: fromRow(row), fresh: true }
      })
      .immediate()
  }

  async mine(activityId: string, openid: string): Promise<PublicRegistration[]> {
    return this.rows(activityId, openid).map(fromRow)
  }

  async cancel(activityId: string, openid: string, id: string, at: string): Promise<PublicRegistration | null> {
    const row = this.sql<[string, string, string, string], PublicRow>(
      "UPDATE public_registrations SET status = 'cancelled', updated_at = ? WHERE id = ? AND activity_id = ? AND openid = ? AND status = 'registered' RETURNING *",
    ).get(at, id, activityId, openid)
    return row ? fromRow(row) : null
  }

  async checkIn(activityId: string, openid: string, at: string): Promise<PublicRegistration[]> {
    return this.db
      .transaction(() => {
        const stamped = this.sql(
          "UPDATE public_registrations SET checked_in_at = ? WHERE activity_id = ? AND openid = ? AND status = 'registered' AND checked_in_at IS NULL",
        ).run(at, activityId, openid).changes
        if (stamped > 0) this.sql('UPDATE activities SET public_attended = public_attended + ? WHERE id = ?').run(stamped, activityId)
        return this.rows(activityId, openid).map(fromRow)
      })
      .immediate()
  }

  async listForActivity(activityId: string, cursor: string | null, limit: number): Promise<Page<PublicRegistration>> {
    const after = (decodeCursor(cursor, 2) ?? ['', '']).map(String)
    const rows = this.sql<[string, string, string, number], PublicRow>(
      'SELECT * FROM public_registrations WHERE activity_id = ? AND (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?',
    ).all(activityId, after[0], after[1], limit + 1)
    const items = rows.slice(0, limit).map(fromRow)
    const last = items[items.length - 1]
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null }
  }

  async countFor(activityId: string): Promise<number> {
    return this.sql<[string], { n: number }>('SELECT count(*) AS n FROM public_registrations WHERE activity_id = ?').get(activityId)!.n
  }

  async listOf(openid: string, limit: number): Promise<PublicRegistration[]> {
    return this.sql<[string, number], PublicRow>('SELECT * FROM public_registrations WHERE openid = ? ORDER BY created_at DESC, id DESC LIMIT ?')
      .all(openid, limit)
      .map(fromRow)
  }

  async removeAllOf(openid: string): Promise<number> {
    return this.sql('DELETE FROM public_registrations WHERE openid = ?').run(openid).changes
  }

  async purgeEnded(endedBefore: string, limit: number): Promise<{ activities: number; deleted: number }> {
    return this.db
      .transaction(() => {
        const due = this.sql<[string, number], { id: string }>(
          `SELECT a.id FROM activities a WHERE a.end_at < ?
             AND EXISTS (SELECT 1 FROM public_registrations p WHERE p.activity_id = a.id) LIMIT ?`,
        ).all(endedBefore, limit)
        let deleted = 0
        for (const { id } of due) deleted += this.sql('DELETE FROM public_registrations WHERE activity_id = ?').run(id).changes
        return { activities: due.length, deleted }
      })
      .immediate()
  }
}
