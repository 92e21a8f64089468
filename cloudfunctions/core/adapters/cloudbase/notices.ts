import { createHash } from 'node:crypto'
import type { NoticeAudience, NoticeLink, Page } from '../../../../types'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import { anchorKeys, audienceHeld, pushStateOf, readerKeys, type StationPeriod } from '../../notice/audience'
import type { InboxRecord, NoticeListQuery, NoticeReader, NoticeRecord, NoticeStore, PushOutcome } from '../../notice/ports'
import type { MemberRecord } from '../../member/ports'
import { COLLECTIONS, type Collections } from './collections'
import { checked, documentsOf, isDuplicateWrite, totalOf, type DbCommand, type RawDocument } from './database'
import { allOf, getDocument, mapBounded, MAX_READ, newRev, num, textOrNull, updateWhere } from './docs'

/** Candidate notices read per inbox call at most (bounded loops, never an unbounded scan). */
const MAX_SCAN_ROUNDS = 5
const CHUNK = 500
/** What counting needs of a notice: whose it is and when it went out. */
const COUNT_PROJECTION = { audience: true, sendAt: true, withdrawnAt: true }

const pushId = (noticeId: string, openid: string) => `${noticeId}:${openid}`
const readId = pushId

/**
 * The unread badge is asked on every page show, so its answer is kept, per reader, in
 * `notice_reads` next to a global version of the notices (`_id` starting with `~`, never a
 * notice id): one projected request reads both, and the answer stands while the version, the
 * reader's profile and the reader's reads are unchanged and no scheduled notice has come due.
 */
const VERSION_ID = '~version'
const unreadId = (openid: string) => `~unread:${openid}`
const profileOf = (r: NoticeReader) =>
  createHash('sha256')
    .update(JSON.stringify([r.openid, r.joinedAt, r.hometownCounty, r.degree, r.graduationYear, r.fields, r.stationId, r.stationJoinedAt]))
    .digest('hex')

function noticeFromDocument(d: RawDocument): NoticeRecord {
  const list = <T>(v: unknown) => (Array.isArray(v) ? (v as T[]) : [])
  const a = (d.audience ?? {}) as Partial<NoticeAudience>
  return {
    id: String(d._id),
    title: String(d.title),
    body: String(d.body),
    link: (d.link as NoticeLink | null) ?? null,
    audience: {
      all: a.all === true,
      stationIds: list(a.stationIds),
      countyIds: list(a.countyIds),
      fieldIds: list(a.fieldIds),
      degreeIds: list(a.degreeIds),
      graduationYears: list(a.graduationYears),
      activityId: a.activityId ?? null,
      activityStatus: a.activityStatus ?? null,
    },
    origin: d.origin === 'activity' ? 'activity' : 'manual',
    senderOpenid: String(d.senderOpenid),
    senderRole: d.senderRole === 'staff' ? 'staff' : 'station_head',
    senderLabel: String(d.senderLabel),
    stationId: typeof d.stationId === 'string' ? d.stationId : null,
    sendAt: String(d.sendAt),
    createdAt: String(d.createdAt),
    recipients: typeof d.recipients === 'number' ? d.recipients : 0,
    withdrawnAt: typeof d.withdrawnAt === 'string' ? d.withdrawnAt : null,
  }
}

/**
 * Notices in CloudBase. Documents:
 *   notices            `_id` = notice id; the record, `keys` (the anchor keys, notice-audience.ts),
 *                      `pushState` (waiting | pushing | done), `pushAfter` (last subscriber scanned).
 *   notice_recipients  `_id` = `<notice>:<chunk>`; {noticeId, sendAt, openids ≤ 500}: an activity
 *                      audience frozen at the send time.
 *   notice_reads       `_id` = `<notice>:<openid>`; written only when read.
 *   notice_pushes      `_id` = `<notice>:<openid>`; {state, attempts, errcode, updatedAt}.
 *   station_memberships {openid, stationId, joinedAt, leftAt}: station history, read here.
 * Indexes: indexes.ts.
 */
export class CloudBaseNoticeStore implements NoticeStore {
  constructor(private readonly collections: Collections) {}

  private get _() {
    return this.collections.command
  }

  private async freeze(noticeId: string, sendAt: string, openids: string[]) {
    for (let i = 0; i * CHUNK < openids.length; i += 1) {
      const doc = { noticeId, sendAt, openids: openids.slice(i * CHUNK, (i + 1) * CHUNK) }
      await this.collections.run(COLLECTIONS.noticeRecipients, (c) => checked(c.doc(`${noticeId}:${i}`).set(doc)))
    }
  }

  async create(n: NoticeRecord, frozen: string[] | null, options?: { push: boolean }): Promise<void> {
    const { id, ...rest } = n
    // Recipients first: a notice is never visible with half its frozen list.
    if (frozen) await this.freeze(id, n.sendAt, frozen)
    await this.collections.run(COLLECTIONS.notices, (c) =>
      checked(c.add({ _id: id, ...rest, keys: anchorKeys(n.audience), pushState: pushStateOf(n, options), pushAfter: '' })),
    )
    await this.bumpVersion()
  }

  /** Every kept unread count is stale from here on (a notice was sent, withdrawn or re-addressed). */
  private async bumpVersion(): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      if ((await updateWhere(this.collections, COLLECTIONS.noticeReads, { _id: VERSION_ID }, { version: this._.inc(1) })) === 1) return
      try {
        await this.collections.run(COLLECTIONS.noticeReads, (c) => checked(c.add({ _id: VERSION_ID, version: 1 })))
        return
      } catch (error) {
        if (!isDuplicateWrite(error)) throw error
      }
    }
  }

  /** The reader's kept count is stale (they read something): a fresh `rev` also fails a concurrent keep. */
  private async forgetUnread(openid: string): Promise<void> {
    await this.collections.run(COLLECTIONS.noticeReads, (c) => checked(c.doc(unreadId(openid)).set({ openid, count: null, rev: newRev() })))
  }

  async get(id: string): Promise<NoticeRecord | null> {
    const doc = await getDocument(this.collections, COLLECTIONS.notices, id)
    return doc ? noticeFromDocument(doc) : null
  }

  /** A count on members. At the send time "in the station then" is "in it now, joined by then". */
  async countAudience(a: NoticeAudience, at: string): Promise<number> {
    const where = audienceConditions(this._, a, at)
    const result = await this.collections.run(COLLECTIONS.members, (c) => checked(c.where(allOf(this.collections, where)).count()))
    return totalOf(result)
  }

  async list(q: NoticeListQuery): Promise<Page<NoticeRecord>> {
    const _ = this._
    const after = decodeCursor(q.cursor, 2)
    const where: object[] = []
    if (q.senderOpenid !== null) where.push({ senderOpenid: q.senderOpenid })
    if (q.title) where.push({ title: this.collections.contains(q.title) })
    if (after) where.push(_.or([{ createdAt: _.lt(after[0]) }, { createdAt: after[0], _id: _.lt(after[1]) }]) as object)
    const result = await this.collections.run(COLLECTIONS.notices, (c) => {
      const filtered = where.length ? c.where(allOf(this.collections, where)) : c
      return checked(filtered.orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(Math.min(q.limit + 1, MAX_READ)).get())
    })
    const docs = documentsOf(result)
    const items = docs.slice(0, q.limit).map(noticeFromDocument)
    const last = items[items.length - 1]
    return { items, nextCursor: docs.length > q.limit && last ? encodeCursor([last.createdAt, last.id]) : null }
  }

  async withdraw(id: string, at: string): Promise<boolean> {
    const done = await updateWhere(this.collections, COLLECTIONS.notices, { _id: id, withdrawnAt: null }, { withdrawnAt: at, pushState: 'done' })
    if (done === 0) return false
    await this.collections.run(COLLECTIONS.noticePushes, (c) =>
      checked(c.where({ noticeId: id, state: 'pending' }).update({ state: 'skipped', updatedAt: at })),
    )
    await this.bumpVersion()
    return true
  }

  private async periodsOf(reader: NoticeReader): Promise<StationPeriod[]> {
    const result = await this.collections.run(COLLECTIONS.stationMemberships, (c) => checked(c.where({ openid: reader.openid }).limit(MAX_READ).get()))
    const periods = documentsOf(result).map((d) => ({
      stationId: String(d.stationId),
      joinedAt: String(d.joinedAt),
      leftAt: typeof d.leftAt === 'string' ? d.leftAt : null,
    }))
    if (reader.stationId && !periods.some((p) => p.stationId === reader.stationId && p.leftAt === null)) {
      periods.push({ stationId: reader.stationId, joinedAt: reader.stationJoinedAt ?? reader.joinedAt, leftAt: null })
    }
    return periods
  }

  private async frozenWith(openid: string): Promise<Set<string>> {
    const result = await this.collections.run(COLLECTIONS.noticeRecipients, (c) =>
      checked(c.where({ openids: openid }).field({ noticeId: true }).limit(MAX_READ).get()),
    )
    return new Set(documentsOf(result).map((d) => String(d.noticeId)))
  }

  /** The reader's visible notices after the cursor, newest first, at most `want` (bounded rounds). */
  private async visible(
    reader: NoticeReader,
    now: string,
    after: (string | number)[] | null,
    want: number,
    projection: object | null = null,
  ): Promise<NoticeRecord[]> {
    const _ = this._
    const [periods, frozen] = await Promise.all([this.periodsOf(reader), this.frozenWith(reader.openid)])
    const keys = [...readerKeys(reader), ...new Set(periods.map((p) => `s:${p.stationId}`))]
    const found: NoticeRecord[] = []
    let cursor = after
    for (let round = 0; round < MAX_SCAN_ROUNDS && found.length < want; round += 1) {
      const where: object[] = [
        _.or([{ keys: _.in(keys), sendAt: _.gte(reader.joinedAt) }, { _id: _.in([...frozen]) }]) as object,
        { sendAt: _.lte(now), withdrawnAt: null },
      ]
      if (cursor) where.push(_.or([{ sendAt: _.lt(cursor[0]) }, { sendAt: cursor[0], _id: _.lt(cursor[1]) }]) as object)
      const result = await this.collections.run(COLLECTIONS.notices, (c) =>
        checked(
          (projection ? c.where(allOf(this.collections, where)).field(projection) : c.where(allOf(this.collections, where)))
            .orderBy('sendAt', 'desc')
            .orderBy('_id', 'desc')
            .limit(MAX_READ)
            .get(),
        ),
      )
      const docs = documentsOf(result).map(noticeFromDocument)
      for (const n of docs) {
        const mine = n.audience.activityId ? frozen.has(n.id) : audienceHeld(n.audience, reader, periods, n.sendAt)
        if (mine) found.push(n)
      }
      if (docs.length < MAX_READ) break
      const last = docs[docs.length - 1]!
      cursor = [last.sendAt, last.id]
    }
    return found.slice(0, want)
  }

  private async readIds(openid: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set()
    const result = await this.collections.run(COLLECTIONS.noticeReads, (c) =>
      checked(c.where({ openid, noticeId: this._.in(ids) }).field({ noticeId: true }).limit(MAX_READ).get()),
    )
    return new Set(documentsOf(result).map((d) => String(d.noticeId)))
  }

  async inbox(reader: NoticeReader, now: string, cursor: string | null, limit: number): Promise<Page<InboxRecord>> {
    const found = await this.visible(reader, now, decodeCursor(cursor, 2), limit + 1)
    const page = found.slice(0, limit)
    const read = await this.readIds(reader.openid, page.map((n) => n.id))
    const items = page.map((n) => ({ ...n, read: read.has(n.id) }))
    const last = items[items.length - 1]
    return { items, nextCursor: found.length > limit && last ? encodeCursor([last.sendAt, last.id]) : null }
  }

  async findInInbox(reader: NoticeReader, id: string, now: string): Promise<InboxRecord | null> {
    const n = await this.get(id)
    if (!n || n.withdrawnAt || n.sendAt > now) return null
    const mine = n.audience.activityId
      ? (await this.frozenWith(reader.openid)).has(id)
      : audienceHeld(n.audience, reader, await this.periodsOf(reader), n.sendAt)
    if (!mine) return null
    return { ...n, read: (await this.readIds(reader.openid, [id])).has(id) }
  }

  async markRead(openid: string, id: string, at: string): Promise<void> {
    await this.writeRead(openid, id, at)
    await this.forgetUnread(openid)
  }

  private async writeRead(openid: string, id: string, at: string): Promise<void> {
    await this.collections.run(COLLECTIONS.noticeReads, (c) => checked(c.doc(readId(id, openid)).set({ noticeId: id, openid, readAt: at })))
  }

  async markAllRead(reader: NoticeReader, now: string): Promise<number> {
    const visible = await this.visible(reader, now, null, MAX_READ, COUNT_PROJECTION)
    const read = await this.readIds(reader.openid, visible.map((n) => n.id))
    const unread = visible.filter((n) => !read.has(n.id))
    await mapBounded(unread, (n) => this.writeRead(reader.openid, n.id, now))
    if (unread.length > 0) await this.forgetUnread(reader.openid)
    return unread.length
  }

  /**
   * One projected request while the kept answer stands (see VERSION_ID); otherwise the count is
   * worked out (station history, frozen lists, projected notices, reads, the next scheduled
   * notice) and kept, conditioned on the `rev` read, so a read that raced it is not overwritten.
   */
  async unreadCount(reader: NoticeReader, now: string): Promise<number> {
    const _ = this._
    const profile = profileOf(reader)
    const kept = documentsOf(
      await this.collections.run(COLLECTIONS.noticeReads, (c) =>
        checked(
          c
            .where({ _id: _.in([VERSION_ID, unreadId(reader.openid)]) })
            .field({ version: true, count: true, profile: true, seenVersion: true, computedAt: true, validUntil: true, rev: true })
            .get(),
        ),
      ),
    )
    const version = num(kept.find((d) => d._id === VERSION_ID)?.version)
    const cache = kept.find((d) => d._id === unreadId(reader.openid))
    const validUntil = textOrNull(cache?.validUntil)
    if (
      cache &&
      typeof cache.count === 'number' &&
      cache.profile === profile &&
      cache.seenVersion === version &&
      typeof cache.computedAt === 'string' &&
      cache.computedAt <= now &&
      (validUntil === null || now < validUntil)
    ) {
      return cache.count
    }
    const [visible, next] = await Promise.all([this.visible(reader, now, null, MAX_READ, COUNT_PROJECTION), this.nextScheduled(now)])
    const read = await this.readIds(reader.openid, visible.map((n) => n.id))
    const count = visible.filter((n) => !read.has(n.id)).length
    const keep = { openid: reader.openid, count, profile, seenVersion: version, computedAt: now, validUntil: next, rev: newRev() }
    if (cache) {
      await updateWhere(this.collections, COLLECTIONS.noticeReads, { _id: unreadId(reader.openid), rev: cache.rev ?? null }, keep)
    } else {
      try {
        await this.collections.run(COLLECTIONS.noticeReads, (c) => checked(c.add({ _id: unreadId(reader.openid), ...keep })))
      } catch (error) {
        if (!isDuplicateWrite(error)) throw error
      }
    }
    return count
  }

  /** When the next scheduled notice comes due (a kept unread count holds until then). */
  private async nextScheduled(now: string): Promise<string | null> {
    const result = await this.collections.run(COLLECTIONS.notices, (c) =>
      checked(c.where({ sendAt: this._.gt(now), withdrawnAt: null }).field({ sendAt: true }).orderBy('sendAt', 'asc').limit(1).get()),
    )
    return textOrNull(documentsOf(result)[0]?.sendAt)
  }

  async readCount(id: string): Promise<number> {
    return totalOf(await this.collections.run(COLLECTIONS.noticeReads, (c) => checked(c.where({ noticeId: id }).count())))
  }

  async takeDue(now: string, limit: number): Promise<NoticeRecord[]> {
    const result = await this.collections.run(COLLECTIONS.notices, (c) =>
      checked(c.where({ pushState: 'waiting', sendAt: this._.lte(now), withdrawnAt: null }).orderBy('sendAt', 'asc').limit(limit).get()),
    )
    const taken: NoticeRecord[] = []
    for (const doc of documentsOf(result)) {
      // Conditioned on the state: two overlapping runs never both activate one notice.
      if ((await updateWhere(this.collections, COLLECTIONS.notices, { _id: doc._id, pushState: 'waiting' }, { pushState: 'pushing' })) === 1) {
        taken.push(noticeFromDocument(doc))
      }
    }
    return taken
  }

  async setRecipients(id: string, recipients: number, frozen: string[] | null): Promise<void> {
    const n = await this.get(id)
    if (frozen && n) await this.freeze(id, n.sendAt, frozen)
    await updateWhere(this.collections, COLLECTIONS.notices, { _id: id }, { recipients })
    if (frozen) await this.bumpVersion()
  }

  async pushing(limit: number): Promise<NoticeRecord[]> {
    const result = await this.collections.run(COLLECTIONS.notices, (c) =>
      checked(c.where({ pushState: 'pushing', withdrawnAt: null }).orderBy('sendAt', 'asc').limit(limit).get()),
    )
    return documentsOf(result).map(noticeFromDocument)
  }

  async claimPushes(notice: NoticeRecord, limit: number, at: string, staleBefore: string): Promise<string[]> {
    const _ = this._
    await this.collections.run(COLLECTIONS.noticePushes, (c) =>
      checked(c.where({ noticeId: notice.id, state: 'sending', updatedAt: _.lt(staleBefore) }).update({ state: 'unknown', errcode: -2, updatedAt: at })),
    )
    const pending = await this.collections.run(COLLECTIONS.noticePushes, (c) =>
      checked(c.where({ noticeId: notice.id, state: 'pending' }).orderBy('openid', 'asc').limit(limit).get()),
    )
    const claimed = documentsOf(pending).map((d) => String(d.openid))
    const doc = await getDocument(this.collections, COLLECTIONS.notices, notice.id)
    if (!doc || doc.pushState !== 'pushing') return claimed
    let after = String(doc.pushAfter ?? '')
    let exhausted = false
    const frozen = notice.audience.activityId ? await this.frozenList(notice.id) : null
    for (let round = 0; round < MAX_SCAN_ROUNDS && claimed.length < limit && !exhausted; round += 1) {
      const subs = documentsOf(
        await this.collections.run(COLLECTIONS.subscriptions, (c) =>
          checked(c.where({ template: 'notice', remaining: _.gt(0), openid: _.gt(after) }).orderBy('openid', 'asc').limit(limit - claimed.length).get()),
        ),
      ).map((d) => String(d.openid))
      exhausted = subs.length < limit - claimed.length
      if (subs.length === 0) break
      const members = documentsOf(
        await this.collections.run(COLLECTIONS.members, (c) => checked(c.where({ _id: _.in(subs) }).limit(MAX_READ).get())),
      )
      const ours: string[] = []
      for (const m of members) {
        const member = { ...(m as unknown as MemberRecord), openid: String(m._id) }
        // Station history is read only when the audience names stations (one request per member).
        const periods = notice.audience.stationIds.length ? await this.periodsOf(member) : []
        const mine = frozen ? frozen.has(member.openid) : audienceHeld(notice.audience, member, periods, notice.sendAt)
        if (mine) ours.push(member.openid)
      }
      claimed.push(...(await this.addPushes(notice.id, ours, at)))
      after = subs[subs.length - 1]!
      await updateWhere(this.collections, COLLECTIONS.notices, { _id: notice.id }, { pushAfter: after })
    }
    if (claimed.length === 0 && exhausted) {
      const sending = totalOf(await this.collections.run(COLLECTIONS.noticePushes, (c) => checked(c.where({ noticeId: notice.id, state: 'sending' }).count())))
      if (sending === 0) await updateWhere(this.collections, COLLECTIONS.notices, { _id: notice.id }, { pushState: 'done' })
    }
    return claimed
  }

  /**
   * The round's push documents in one insert. Some may exist already (a run that died before it
   * moved `pushAfter` on): then the insert fails, having written all or part of the batch, and each
   * is added alone, a duplicate meaning "already claimed". Returns those added now.
   */
  private async addPushes(noticeId: string, openids: string[], at: string): Promise<string[]> {
    if (openids.length === 0) return []
    const pushDoc = (openid: string) => ({ _id: pushId(noticeId, openid), noticeId, openid, state: 'pending', attempts: 0, errcode: null, updatedAt: at })
    try {
      await this.collections.run(COLLECTIONS.noticePushes, (c) => checked(c.add(openids.map(pushDoc))))
      return openids
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
    }
    const added: string[] = []
    for (const openid of openids) {
      try {
        await this.collections.run(COLLECTIONS.noticePushes, (c) => checked(c.add(pushDoc(openid))))
        added.push(openid)
      } catch (error) {
        if (!isDuplicateWrite(error)) throw error
      }
    }
    return added
  }

  private async frozenList(noticeId: string): Promise<Set<string>> {
    const result = await this.collections.run(COLLECTIONS.noticeRecipients, (c) => checked(c.where({ noticeId }).limit(MAX_READ).get()))
    return new Set(documentsOf(result).flatMap((d) => (Array.isArray(d.openids) ? d.openids.map(String) : [])))
  }

  async markSending(noticeId: string, openid: string, at: string): Promise<number | null> {
    const id = pushId(noticeId, openid)
    // Most pushes are first attempts: conditioned on that, one request tells both "ours" and the count.
    if ((await updateWhere(this.collections, COLLECTIONS.noticePushes, { _id: id, state: 'pending', attempts: 0 }, { state: 'sending', updatedAt: at })) === 1) {
      return 0
    }
    if ((await updateWhere(this.collections, COLLECTIONS.noticePushes, { _id: id, state: 'pending' }, { state: 'sending', updatedAt: at })) !== 1) return null
    const doc = documentsOf(
      await this.collections.run(COLLECTIONS.noticePushes, (c) => checked(c.where({ _id: id }).field({ attempts: true }).limit(1).get())),
    )[0]
    return typeof doc?.attempts === 'number' ? doc.attempts : 0
  }

  async recordPush(noticeId: string, openid: string, outcome: PushOutcome, at: string): Promise<void> {
    // The count goes up on the server: no read first (one request per push fewer).
    await updateWhere(
      this.collections,
      COLLECTIONS.noticePushes,
      { _id: pushId(noticeId, openid), state: 'sending' },
      { state: outcome.state, errcode: outcome.errcode, attempts: this._.inc(1), updatedAt: at },
    )
  }

  async pushFigures(noticeId: string): Promise<{ pushed: number; failures: { errcode: number; count: number }[] }> {
    const pushed = totalOf(await this.collections.run(COLLECTIONS.noticePushes, (c) => checked(c.where({ noticeId, state: 'sent' }).count())))
    const failed = documentsOf(
      await this.collections.run(COLLECTIONS.noticePushes, (c) =>
        checked(c.where({ noticeId, state: this._.in(['failed', 'unknown']) }).field({ errcode: true }).limit(MAX_READ).get()),
      ),
    )
    const counts = new Map<number, number>()
    for (const d of failed) counts.set(Number(d.errcode), (counts.get(Number(d.errcode)) ?? 0) + 1)
    const failures = [...counts.entries()].map(([errcode, count]) => ({ errcode, count })).sort((a, b) => b.count - a.count || a.errcode - b.errcode)
    return { pushed, failures }
  }

  async forgetMember(openid: string): Promise<void> {
    await this.collections.run(COLLECTIONS.noticeReads, (c) => checked(c.where({ openid }).remove()))
    await this.collections.run(COLLECTIONS.noticePushes, (c) => checked(c.where({ openid }).remove()))
    await this.collections.run(COLLECTIONS.stationMemberships, (c) => checked(c.where({ openid }).remove()))
    const chunks = documentsOf(await this.collections.run(COLLECTIONS.noticeRecipients, (c) => checked(c.where({ openids: openid }).limit(MAX_READ).get())))
    for (const chunk of chunks) {
      const openids = (Array.isArray(chunk.openids) ? chunk.openids : []).filter((o) => o !== openid)
      await this.collections.run(COLLECTIONS.noticeRecipients, (c) => checked(c.doc(String(chunk._id)).update({ openids })))
    }
  }
}

/** Conditions on `members` for who a (non-activity) audience holds at `at` (also used by surveys.ts). */
export function audienceConditions(_: DbCommand, a: NoticeAudience, at: string): object[] {
  const where: object[] = [{ joinedAt: _.lte(at) }]
  if (a.countyIds.length) where.push({ hometownCounty: _.in(a.countyIds) })
  if (a.degreeIds.length) where.push({ degree: _.in(a.degreeIds) })
  if (a.graduationYears.length) where.push({ graduationYear: _.in(a.graduationYears) })
  if (a.fieldIds.length) where.push({ fields: _.in(a.fieldIds) })
  if (a.stationIds.length) where.push({ stationId: _.in(a.stationIds), stationJoinedAt: _.lte(at) })
  return where
}
