import type { Database } from 'better-sqlite3'
import type { NoticeAudience, NoticeLink, Page } from '../../../../types'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import type { InboxRecord, NoticeListQuery, NoticeReader, NoticeRecord, NoticeStore, PushOutcome } from '../../notice/ports'
import { anchorKeys, pushStateOf, readerKeys } from '../../notice/audience'
import { ReadCache, statementCache, tableVersions, type Sql } from './statements'
import { containsPattern, LIKE_ESCAPE } from './like'

/** Everything an inbox answer reads. */
const INBOX_TABLES = ['notices', 'notice_keys', 'notice_reads', 'notice_recipients', 'station_memberships', 'members']

interface NoticeRow {
  id: string
  title: string
  body: string
  link: string | null
  origin: NoticeRecord['origin']
  sender_openid: string
  sender_role: NoticeRecord['senderRole']
  sender_label: string
  station_id: string | null
  send_at: string
  created_at: string
  recipients: number
  withdrawn_at: string | null
  aud_all: number
  aud_stations: string
  aud_counties: string
  aud_fields: string
  aud_degrees: string
  aud_years: string
  aud_activity: string | null
  aud_activity_status: NoticeAudience['activityStatus']
}

function fromRow(r: NoticeRow): NoticeRecord {
  return {
    id: r.id,
    title: r.title,
    body: r.body,
    link: r.link ? (JSON.parse(r.link) as NoticeLink) : null,
    audience: {
      all: r.aud_all === 1,
      stationIds: JSON.parse(r.aud_stations) as string[],
      countyIds: JSON.parse(r.aud_counties) as NoticeAudience['countyIds'],
      fieldIds: JSON.parse(r.aud_fields) as string[],
      degreeIds: JSON.parse(r.aud_degrees) as NoticeAudience['degreeIds'],
      graduationYears: JSON.parse(r.aud_years) as number[],
      activityId: r.aud_activity,
      activityStatus: r.aud_activity_status,
    },
    origin: r.origin,
    senderOpenid: r.sender_openid,
    senderRole: r.sender_role,
    senderLabel: r.sender_label,
    stationId: r.station_id,
    sendAt: r.send_at,
    createdAt: r.created_at,
    recipients: r.recipients,
    withdrawnAt: r.withdrawn_at,
  }
}

/** In station S at T: joined by T and not left by then. */
const IN_STATION_AT = (openid: string, stations: string, at: string) =>
  `EXISTS (SELECT 1 FROM station_memberships h WHERE h.openid = ${openid}
     AND h.station_id IN (SELECT value FROM json_each(${stations}))
     AND h.joined_at <= ${at} AND (h.left_at IS NULL OR h.left_at > ${at}))`

/**
 * The reader's candidate notices (filed under one of their keys, or frozen with them in it),
 * then the whole audience checked on each: notice side, for the inbox and the unread count.
 */
const INBOX_FROM = `
  WITH cand(id) AS (
    SELECT notice_id FROM notice_keys
      WHERE key IN (SELECT value FROM json_each(@keys)) AND send_at >= @joinedAt AND send_at <= @now
    UNION
    SELECT k.notice_id FROM notice_keys k
      JOIN (SELECT DISTINCT station_id FROM station_memberships WHERE openid = @openid) s ON k.key = 's:' || s.station_id
      WHERE k.send_at >= @joinedAt AND k.send_at <= @now
    UNION
    SELECT notice_id FROM notice_recipients WHERE openid = @openid
  )
  SELECT n.id, n.send_at, EXISTS (SELECT 1 FROM notice_reads r WHERE r.notice_id = n.id AND r.openid = @openid) AS read
  FROM cand JOIN notices n ON n.id = cand.id
  WHERE n.withdrawn_at IS NULL AND n.send_at <= @now
    AND (n.aud_activity IS NOT NULL OR n.send_at >= @joinedAt)
    AND (n.aud_activity IS NULL OR EXISTS (SELECT 1 FROM notice_recipients r WHERE r.openid = @openid AND r.notice_id = n.id))
    AND (n.aud_counties = '[]' OR EXISTS (SELECT 1 FROM json_each(n.aud_counties) WHERE value = @county))
    AND (n.aud_degrees = '[]' OR EXISTS (SELECT 1 FROM json_each(n.aud_degrees) WHERE value = @degree))
    AND (n.aud_years = '[]' OR EXISTS (SELECT 1 FROM json_each(n.aud_years) WHERE value = @year))
    AND (n.aud_fields = '[]' OR EXISTS (SELECT 1 FROM json_each(n.aud_fields) f WHERE f.value IN (SELECT value FROM json_each(@fields))))
    AND (n.aud_stations = '[]' OR ${IN_STATION_AT('@openid', 'n.aud_stations', 'n.send_at')})`

/** The members side: who an audience held at `@at`, as conditions on `m` (and their parameters). */
export function memberConditions(a: NoticeAudience, params: Record<string, unknown>, withStations: boolean): string[] {
  const where = ['m.joined_at <= @at']
  if (a.countyIds.length) {
    where.push('m.hometown_county IN (SELECT value FROM json_each(@counties))')
    params.counties = JSON.stringify(a.countyIds)
  }
  if (a.degreeIds.length) {
    where.push('m.degree IN (SELECT value FROM json_each(@degrees))')
    params.degrees = JSON.stringify(a.degreeIds)
  }
  if (a.graduationYears.length) {
    where.push('m.graduation_year IN (SELECT value FROM json_each(@years))')
    params.years = JSON.stringify(a.graduationYears)
  }
  if (a.fieldIds.length) {
    where.push('EXISTS (SELECT 1 FROM json_each(m.fields) f WHERE f.value IN (SELECT value FROM json_each(@fieldIds)))')
    params.fieldIds = JSON.stringify(a.fieldIds)
  }
  if (a.stationIds.length) {
    params.stations = JSON.stringify(a.stationIds)
    if (withStations) where.push(IN_STATION_AT('m.openid', '@stations', '@at'))
  }
  return where
}

const PAGE_CAP = 100

/**
 * Notices in SQLite: one row per notice with its audience, filed under the keys of one of its
 * dimensions (notice_keys); read state and push records per (notice, member) only once they
 * happen. Station history comes from `station_memberships`, kept by triggers on `members`.
 */
export class SqliteNoticeStore implements NoticeStore {
  private readonly sql: Sql

  /** A reader's inbox pages and unread count: asked on every page show, changed rarely. */
  private readonly reads: ReadCache

  constructor(private readonly db: Database) {
    this.sql = statementCache(db)
    this.reads = new ReadCache(tableVersions(db), 2000)
  }

  private freeze(noticeId: string, openids: string[]) {
    const insert = this.sql('INSERT OR IGNORE INTO notice_recipients (openid, notice_id) VALUES (?, ?)')
    for (const openid of openids) insert.run(openid, noticeId)
  }

  async create(n: NoticeRecord, frozen: string[] | null, options?: { push: boolean }): Promise<void> {
    const a = n.audience
    this.db.transaction(() => {
      this.sql(
        `INSERT INTO notices (id, title, body, link, origin, sender_openid, sender_role, sender_label, station_id, send_at, created_at,
           recipients, withdrawn_at, aud_all, aud_stations, aud_counties, aud_fields, aud_degrees, aud_years, aud_activity,
           aud_activity_status, push_state)
         VALUES (@id, @title, @body, @link, @origin, @senderOpenid, @senderRole, @senderLabel, @stationId, @sendAt, @createdAt,
           @recipients, NULL, @all, @stations, @counties, @fields, @degrees, @years, @activity, @activityStatus, @pushState)`,
      ).run({
        ...n,
        link: n.link ? JSON.stringify(n.link) : null,
        all: a.all ? 1 : 0,
        stations: JSON.stringify(a.stationIds),
        counties: JSON.stringify(a.countyIds),
        fields: JSON.stringify(a.fieldIds),
        degrees: JSON.stringify(a.degreeIds),
        years: JSON.stringify(a.graduationYears),
        activity: a.activityId,
        activityStatus: a.activityStatus,
        pushState: pushStateOf(n, options),
      })
      const file = this.sql('INSERT INTO notice_keys (key, send_at, notice_id) VALUES (?, ?, ?)')
      for (const key of anchorKeys(a)) file.run(key, n.sendAt, n.id)
      if (frozen) this.freeze(n.id, frozen)
    })()
  }

  async get(id: string): Promise<NoticeRecord | null> {
    const row = this.sql<[string], NoticeRow>('SELECT * FROM notices WHERE id = ?').get(id)
    return row ? fromRow(row) : null
  }

  async countAudience(a: NoticeAudience, at: string): Promise<number> {
    const params: Record<string, unknown> = { at }
    if (a.stationIds.length) {
      // Driven from the station history: a station's members are few among all members.
      const where = memberConditions(a, params, false)
      return this.sql<Record<string, unknown>, { n: number }>(
        `SELECT count(DISTINCT h.openid) AS n FROM station_memberships h JOIN members m ON m.openid = h.openid
         WHERE h.station_id IN (SELECT value FROM json_each(@stations)) AND h.joined_at <= @at
           AND (h.left_at IS NULL OR h.left_at > @at) AND ${where.join(' AND ')}`,
      ).get(params)!.n
    }
    const where = memberConditions(a, params, true)
    return this.sql<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM members m WHERE ${where.join(' AND ')}`).get(params)!.n
  }

  async list(q: NoticeListQuery): Promise<Page<NoticeRecord>> {
    const after = decodeCursor(q.cursor, 2)
    const where: string[] = []
    if (q.senderOpenid !== null) where.push('sender_openid = @sender')
    if (q.title) where.push(`title LIKE @title ${LIKE_ESCAPE}`)
    if (after) where.push('(created_at, id) < (@afterAt, @afterId)')
    const limit = Math.min(q.limit, PAGE_CAP)
    const rows = this.sql<Record<string, unknown>, NoticeRow>(
      `SELECT * FROM notices ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT @limit`,
    ).all({ sender: q.senderOpenid, title: q.title ? containsPattern(q.title) : null, afterAt: after?.[0], afterId: after?.[1], limit: limit + 1 })
    const items = rows.slice(0, limit).map(fromRow)
    const last = items[items.length - 1]
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null }
  }

  async withdraw(id: string, at: string): Promise<boolean> {
    return this.db.transaction(() => {
      const changed = this.sql("UPDATE notices SET withdrawn_at = ?, push_state = 'done' WHERE id = ? AND withdrawn_at IS NULL").run(at, id)
      if (changed.changes === 0) return false
      this.sql("UPDATE notice_pushes SET state = 'skipped', updated_at = ? WHERE notice_id = ? AND state = 'pending'").run(at, id)
      return true
    })()
  }

  private readerParams(reader: NoticeReader, now: string): Record<string, unknown> {
    return {
      openid: reader.openid,
      joinedAt: reader.joinedAt,
      now,
      keys: JSON.stringify(readerKeys(reader)),
      county: reader.hometownCounty,
      degree: reader.degree,
      year: reader.graduationYear,
      fields: JSON.stringify(reader.fields),
    }
  }

  /** Until when an inbox answer computed now holds: the next scheduled notice's send time. */
  private nextSendAfter(now: string): string | null {
    return (
      this.sql<[string], { at: string | null }>('SELECT min(send_at) AS at FROM notices WHERE send_at > ? AND withdrawn_at IS NULL').get(now)
        ?.at ?? null
    )
  }

  private readerKey(reader: NoticeReader): string {
    const { now: _now, ...params } = this.readerParams(reader, '')
    return JSON.stringify(params)
  }

  async inbox(reader: NoticeReader, now: string, cursor: string | null, limit: number): Promise<Page<InboxRecord>> {
    return this.reads.getUntil(`inbox:${this.readerKey(reader)}:${cursor}:${limit}`, INBOX_TABLES, now, () => ({
      value: this.inboxNow(reader, now, cursor, limit),
      until: this.nextSendAfter(now),
    }))
  }

  private inboxNow(reader: NoticeReader, now: string, cursor: string | null, limit: number): Page<InboxRecord> {
    const after = decodeCursor(cursor, 2)
    const capped = Math.min(limit, PAGE_CAP)
    // Only ids and times are sorted; the columns are read for the page alone.
    const rows = this.sql<Record<string, unknown>, NoticeRow & { read: number }>(
      `SELECT n.*, page.read FROM (
         ${INBOX_FROM} ${after ? 'AND (n.send_at, n.id) < (@afterAt, @afterId)' : ''}
         ORDER BY n.send_at DESC, n.id DESC LIMIT @limit
       ) page JOIN notices n ON n.id = page.id ORDER BY n.send_at DESC, n.id DESC`,
    ).all({ ...this.readerParams(reader, now), afterAt: after?.[0], afterId: after?.[1], limit: capped + 1 })
    const items = rows.slice(0, capped).map((r) => ({ ...fromRow(r), read: r.read === 1 }))
    const last = items[items.length - 1]
    return { items, nextCursor: rows.length > capped && last ? encodeCursor([last.sendAt, last.id]) : null }
  }

  async findInInbox(reader: NoticeReader, id: string, now: string): Promise<InboxRecord | null> {
    const row = this.sql<Record<string, unknown>, NoticeRow & { read: number }>(
      `SELECT n.*, found.read FROM (${INBOX_FROM} AND n.id = @id) found JOIN notices n ON n.id = found.id`,
    ).get({
      ...this.readerParams(reader, now),
      id,
    })
    return row ? { ...fromRow(row), read: row.read === 1 } : null
  }

  async markRead(openid: string, id: string, at: string): Promise<void> {
    this.sql('INSERT OR IGNORE INTO notice_reads (notice_id, openid, read_at) VALUES (?, ?, ?)').run(id, openid, at)
  }

  async markAllRead(reader: NoticeReader, now: string): Promise<number> {
    return this.sql<Record<string, unknown>>(
      `INSERT OR IGNORE INTO notice_reads (notice_id, openid, read_at)
       SELECT id, @openid, @now FROM (${INBOX_FROM}) WHERE read = 0`,
    ).run(this.readerParams(reader, now)).changes
  }

  async unreadCount(reader: NoticeReader, now: string): Promise<number> {
    return this.reads.getUntil(`unread:${this.readerKey(reader)}`, INBOX_TABLES, now, () => ({
      value: this.sql<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM (${INBOX_FROM}) WHERE read = 0`).get(
        this.readerParams(reader, now),
      )!.n,
      until: this.nextSendAfter(now),
    }))
  }

  async readCount(id: string): Promise<number> {
    return this.sql<[string], { n: number }>('SELECT count(*) AS n FROM notice_reads WHERE notice_id = ?').get(id)!.n
  }

  async takeDue(now: string, limit: number): Promise<NoticeRecord[]> {
    return this.sql<[string, number], NoticeRow>(
      `UPDATE notices SET push_state = 'pushing'
       WHERE id IN (SELECT id FROM notices WHERE push_state = 'waiting' AND send_at <= ? AND withdrawn_at IS NULL
                    ORDER BY send_at LIMIT ?)
       RETURNING *`,
    )
      .all(now, limit)
      .map(fromRow)
  }

  async setRecipients(id: string, recipients: number, frozen: string[] | null): Promise<void> {
    this.db.transaction(() => {
      this.sql('UPDATE notices SET recipients = ? WHERE id = ?').run(recipients, id)
      if (frozen) this.freeze(id, frozen)
    })()
  }

  async pushing(limit: number): Promise<NoticeRecord[]> {
    return this.sql<[number], NoticeRow>(
      "SELECT * FROM notices WHERE push_state = 'pushing' AND withdrawn_at IS NULL ORDER BY send_at LIMIT ?",
    )
      .all(limit)
      .map(fromRow)
  }

  async claimPushes(notice: NoticeRecord, limit: number, at: string, staleBefore: string): Promise<string[]> {
    return this.db.transaction(() => {
      const id = notice.id
      this.sql(
        `UPDATE notice_pushes SET state = 'unknown', errcode = -2, updated_at = ?
         WHERE notice_id = ? AND state = 'sending' AND updated_at < ?`,
      ).run(at, id, staleBefore)
      const claimed = this.sql<[string, number], { openid: string }>(
        "SELECT openid FROM notice_pushes WHERE notice_id = ? AND state = 'pending' ORDER BY openid LIMIT ?",
      )
        .all(id, limit)
        .map((r) => r.openid)
      const row = this.sql<[string], { push_after: string; push_state: string }>('SELECT push_after, push_state FROM notices WHERE id = ?').get(id)
      if (!row || row.push_state !== 'pushing') return claimed
      if (claimed.length < limit) {
        const params: Record<string, unknown> = { at: notice.sendAt, after: row.push_after, noticeId: id, limit: limit - claimed.length }
        const where = memberConditions(notice.audience, params, true)
        if (notice.audience.activityId) where.push('EXISTS (SELECT 1 FROM notice_recipients r WHERE r.openid = m.openid AND r.notice_id = @noticeId)')
        const fresh = this.sql<Record<string, unknown>, { openid: string }>(
          `SELECT s.openid FROM subscriptions s JOIN members m ON m.openid = s.openid
           WHERE s.template = 'notice' AND s.remaining > 0 AND s.openid > @after AND ${where.join(' AND ')}
           ORDER BY s.openid LIMIT @limit`,
        )
          .all(params)
          .map((r) => r.openid)
        const insert = this.sql(
          "INSERT OR IGNORE INTO notice_pushes (notice_id, openid, state, attempts, updated_at) VALUES (?, ?, 'pending', 0, ?)",
        )
        for (const openid of fresh) insert.run(id, openid, at)
        if (fresh.length) this.sql('UPDATE notices SET push_after = ? WHERE id = ?').run(fresh[fresh.length - 1], id)
        claimed.push(...fresh)
      }
      if (claimed.length === 0) {
        const inFlight = this.sql<[string], { n: number }>(
          "SELECT count(*) AS n FROM notice_pushes WHERE notice_id = ? AND state = 'sending'",
        ).get(id)!.n
        if (inFlight === 0) this.sql("UPDATE notices SET push_state = 'done' WHERE id = ?").run(id)
      }
      return claimed
    })()
  }

  async markSending(noticeId: string, openid: string, at: string): Promise<number | null> {
    const row = this.sql<[string, string, string], { attempts: number }>(
      `UPDATE notice_pushes SET state = 'sending', updated_at = ? WHERE notice_id = ? AND openid = ? AND state = 'pending'
       RETURNING attempts`,
    ).get(at, noticeId, openid)
    return row ? row.attempts : null
  }

  async recordPush(noticeId: string, openid: string, outcome: PushOutcome, at: string): Promise<void> {
    this.sql(
      `UPDATE notice_pushes SET state = ?, errcode = ?, attempts = attempts + 1, updated_at = ?
       WHERE notice_id = ? AND openid = ? AND state = 'sending'`,
    ).run(outcome.state, outcome.errcode, at, noticeId, openid)
  }

  async pushFigures(noticeId: string): Promise<{ pushed: number; failures: { errcode: number; count: number }[] }> {
    const pushed = this.sql<[string], { n: number }>("SELECT count(*) AS n FROM notice_pushes WHERE notice_id = ? AND state = 'sent'").get(
      noticeId,
    )!.n
    const failures = this.sql<[string], { errcode: number; count: number }>(
      `SELECT errcode, count(*) AS count FROM notice_pushes WHERE notice_id = ? AND state IN ('failed', 'unknown')
       GROUP BY errcode ORDER BY count DESC, errcode`,
    ).all(noticeId)
    return { pushed, failures }
  }

  async forgetMember(openid: string): Promise<void> {
    this.db.transaction(() => {
      this.sql('DELETE FROM notice_reads WHERE openid = ?').run(openid)
      this.sql('DELETE FROM notice_pushes WHERE openid = ?').run(openid)
      this.sql('DELETE FROM notice_recipients WHERE openid = ?').run(openid)
    })()
  }
}
