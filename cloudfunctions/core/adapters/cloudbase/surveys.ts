import type { NoticeAudience, Page, RecipientStatus, Survey, SurveyAnswers, SurveyStatus } from '../../../../types'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import type { TotalCount } from '../../survey/totals'
import type { RecipientRecord, ResponseRecord, SubmitInput, SubmitOutcome, SurveyListQuery, SurveyRecord, SurveyStore, TakeOutcome } from '../../survey/ports'
import { COLLECTIONS, type Collections } from './collections'
import { checked, documentsOf, isDuplicateWrite, type RawDocument } from './database'
import { allOf, getDocument, keysetPage, mapBounded, MAX_READ, num, text, textOrNull, updateWhere } from './docs'
import { audienceConditions } from './notices'

/**
 * Surveys in CloudBase:
 *   surveys            `_id` = survey id; {stationId, status, createdAt, publishedAt, closeMs (the
 *                      close time in epoch ms, or null), data (the record as JSON)}.
 *   survey_counters    `_id` = `${surveyId}|${key}`; {surveyId, key, used, cap}: `*` counts responses
 *                      (cap = the response cap or null), `questionId:optionId` an option's quota. Taken
 *                      only by `where({_id, used: _.lt(cap)}).update({used: _.inc(1)})` answering
 *                      `updated: 1`, so the service decides each in one request and never oversells; a
 *                      submission that finds one full gives back what it took (quotas are taken
 *                      before the response counter, so a quota race does not hold response places;
 *                      while the last places are contested one may be refused that a moment later
 *                      would have fitted: under-selling briefly is the price of never overselling).
 *                      The `*` counter also holds the running totals (core/survey/totals.ts) as
 *                      `totals.<dim>.<group>.<questionId>.<value>` numbers (segments escaped by
 *                      `segment`), added by the same conditional increment that takes the response's
 *                      place: no request more per submission, and taken back with it.
 *   survey_recipients  `_id` = `${surveyId}:${openid}`; {surveyId, openid, status, reminders,
 *                      lastRemindedAt, publishedAt}: no time of submission.
 *   survey_drafts      `_id` = `${surveyId}:${openid}`; {surveyId, openid, pageId, answers (JSON), savedAt}.
 *   survey_responses   `_id` = a random response id; {surveyId, openid (实名 only, else null), day,
 *                      answers (JSON), profile (JSON, 实名 only)}.
 */
const RESPONSES = '*'
/** Members listed per read when freezing an audience, and at most this many in all. */
const MAX_RECIPIENTS = 100_000

const counterId = (surveyId: string, key: string) => `${surveyId}|${key}`
/** The counter reads that need no totals (the `*` document may hold thousands). */
const COUNTER_FIELDS = { surveyId: true, key: true, used: true, cap: true }

/** A field-name segment: anything but letters, digits and `_:#+-` escaped as `~hex~` (no dot, no `$`, never empty). */
const segment = (s: string) => (s === '' ? '~~' : s.replace(/[^A-Za-z0-9_:#+-]/g, (c) => `~${c.codePointAt(0)!.toString(16)}~`))
const unsegment = (s: string) => (s === '~~' ? '' : s.replace(/~([0-9a-f]+)~/g, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16))))
const totalField = (t: TotalCount) => `totals.${segment(t.dim)}.${segment(t.group)}.${segment(t.questionId)}.${segment(t.value)}`
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const pairId = (surveyId: string, openid: string) => `${surveyId}:${openid}`

const recipientOf = (d: RawDocument): RecipientRecord => ({
  surveyId: text(d.surveyId),
  openid: text(d.openid),
  status: text(d.status) as RecipientStatus,
  reminders: num(d.reminders),
  lastRemindedAt: textOrNull(d.lastRemindedAt),
})

export class CloudBaseSurveyStore implements SurveyStore {
  constructor(private readonly collections: Collections) {}

  private get _() {
    return this.collections.command
  }

  private async counters(surveyId: string): Promise<RawDocument[]> {
    return documentsOf(await this.collections.run(COLLECTIONS.surveyCounters, (c) => checked(c.where({ surveyId }).field(COUNTER_FIELDS).limit(MAX_READ).get())))
  }

  private async withCounters(records: SurveyRecord[]): Promise<Survey[]> {
    if (records.length === 0) return []
    const ids = records.map((r) => r.id)
    const docs = documentsOf(
      await this.collections.run(COLLECTIONS.surveyCounters, (c) => checked(c.where({ surveyId: this._.in(ids) }).field(COUNTER_FIELDS).limit(MAX_READ).get())),
    )
    return records.map((r) => {
      const quotaUsed: Record<string, number> = {}
      let responses = 0
      for (const d of docs) {
        if (d.surveyId !== r.id) continue
        if (d.key === RESPONSES) responses = num(d.used)
        else quotaUsed[text(d.key)] = num(d.used)
      }
      return { ...r, responses, quotaUsed }
    })
  }

  private static recordOf(d: RawDocument): SurveyRecord {
    return JSON.parse(text(d.data)) as SurveyRecord
  }

  private static documentOf(s: SurveyRecord) {
    // closeAt as epoch ms: times arrive with any offset, and only numbers compare as instants.
    const closeMs = s.closeAt ? Date.parse(s.closeAt) : null
    return { stationId: s.stationId, status: s.status, createdAt: s.createdAt, publishedAt: s.publishedAt, closeMs, data: JSON.stringify(s) }
  }

  async create(s: SurveyRecord): Promise<void> {
    await this.collections.run(COLLECTIONS.surveys, (c) => checked(c.add({ _id: s.id, ...CloudBaseSurveyStore.documentOf(s) })))
  }

  async get(id: string): Promise<Survey | null> {
    const doc = await getDocument(this.collections, COLLECTIONS.surveys, id)
    return doc ? ((await this.withCounters([CloudBaseSurveyStore.recordOf(doc)]))[0] ?? null) : null
  }

  async record(id: string): Promise<SurveyRecord | null> {
    const doc = await getDocument(this.collections, COLLECTIONS.surveys, id)
    return doc ? CloudBaseSurveyStore.recordOf(doc) : null
  }

  async replace(s: SurveyRecord, from: SurveyStatus[]): Promise<boolean> {
    return (await updateWhere(this.collections, COLLECTIONS.surveys, { _id: s.id, status: this._.in(from) }, CloudBaseSurveyStore.documentOf(s))) === 1
  }

  async list(q: SurveyListQuery): Promise<Page<Survey>> {
    const { docs, more } = await keysetPage(this.collections, COLLECTIONS.surveys, {
      where: q.stationId !== null ? [{ stationId: q.stationId }] : [{ createdAt: this._.gt('') }],
      orderBy: ['createdAt', '_id'],
      direction: 'desc',
      cursor: q.cursor,
      limit: q.limit,
    })
    const items = await this.withCounters(docs.map(CloudBaseSurveyStore.recordOf))
    const last = items[items.length - 1]
    return { items, nextCursor: more && last ? encodeCursor([last.createdAt, last.id]) : null }
  }

  async dueToClose(now: string, limit: number): Promise<SurveyRecord[]> {
    const docs = documentsOf(
      await this.collections.run(COLLECTIONS.surveys, (c) =>
        checked(c.where({ status: 'published', closeMs: this._.lte(Date.parse(now)) }).limit(Math.min(limit, MAX_READ)).get()),
      ),
    )
    return docs.map(CloudBaseSurveyStore.recordOf)
  }

  async audienceOpenids(a: NoticeAudience, at: string): Promise<string[]> {
    const where = audienceConditions(this._, a, at)
    const openids: string[] = []
    let after = ''
    for (;;) {
      const docs = documentsOf(
        await this.collections.run(COLLECTIONS.members, (c) =>
          checked(c.where(allOf(this.collections, [...where, { _id: this._.gt(after) }])).orderBy('_id', 'asc').field({ _id: true }).limit(MAX_READ).get()),
        ),
      )
      openids.push(...docs.map((d) => text(d._id)))
      if (docs.length < MAX_READ || openids.length >= MAX_RECIPIENTS) return openids
      after = text(docs[docs.length - 1]!._id)
    }
  }

  async publish(s: SurveyRecord, openids: string[], quotas: Record<string, number>): Promise<boolean> {
    // Counters first (their ids make a repeat harmless), then the status flip, which only one
    // publisher wins, then the winner's recipients (a crash midway leaves some out: see the README).
    const insert = async (name: typeof COLLECTIONS.surveyRecipients | typeof COLLECTIONS.surveyCounters, doc: RawDocument) => {
      try {
        await this.collections.run(name, (c) => checked(c.add(doc)))
      } catch (error) {
        if (!isDuplicateWrite(error)) throw error
      }
    }
    const counters: RawDocument[] = [
      { _id: counterId(s.id, RESPONSES), surveyId: s.id, key: RESPONSES, used: 0, cap: s.responseCap },
      ...Object.entries(quotas).map(([key, cap]) => ({ _id: counterId(s.id, key), surveyId: s.id, key, used: 0, cap })),
    ]
    await mapBounded(counters, (d) => insert(COLLECTIONS.surveyCounters, d))
    if (!(await this.replace(s, ['approved']))) return false
    await mapBounded(openids, (openid) =>
      insert(COLLECTIONS.surveyRecipients, {
        _id: pairId(s.id, openid),
        surveyId: s.id,
        openid,
        status: 'unread',
        reminders: 0,
        lastRemindedAt: null,
        publishedAt: s.publishedAt,
      }),
    )
    return true
  }

  async recipient(surveyId: string, openid: string): Promise<RecipientRecord | null> {
    const doc = await getDocument(this.collections, COLLECTIONS.surveyRecipients, pairId(surveyId, openid))
    return doc ? recipientOf(doc) : null
  }

  async advance(surveyId: string, openid: string, from: RecipientStatus[], to: RecipientStatus): Promise<boolean> {
    return (await updateWhere(this.collections, COLLECTIONS.surveyRecipients, { _id: pairId(surveyId, openid), status: this._.in(from) }, { status: to })) === 1
  }

  async pending(surveyId: string, cursor: string | null, limit: number): Promise<Page<RecipientRecord>> {
    const { docs, more } = await keysetPage(this.collections, COLLECTIONS.surveyRecipients, {
      where: [{ surveyId, status: this._.neq('submitted') }],
      orderBy: ['openid', '_id'],
      direction: 'asc',
      cursor,
      limit,
    })
    const items = docs.map(recipientOf)
    const last = docs[docs.length - 1]
    return { items, nextCursor: more && last ? encodeCursor([text(last.openid), text(last._id)]) : null }
  }

  async mine(openid: string, cursor: string | null, limit: number): Promise<Page<{ survey: Survey; recipient: RecipientRecord }>> {
    const { docs, more } = await keysetPage(this.collections, COLLECTIONS.surveyRecipients, {
      where: [{ openid }],
      orderBy: ['publishedAt', '_id'],
      direction: 'desc',
      cursor,
      limit,
    })
    if (docs.length === 0) return { items: [], nextCursor: null }
    const ids = docs.map((d) => text(d.surveyId))
    const surveys = documentsOf(
      await this.collections.run(COLLECTIONS.surveys, (c) => checked(c.where({ _id: this._.in(ids) }).limit(MAX_READ).get())),
    ).map(CloudBaseSurveyStore.recordOf)
    const full = await this.withCounters(surveys)
    const items = docs.flatMap((d) => {
      const survey = full.find((s) => s.id === d.surveyId)
      return survey ? [{ survey, recipient: recipientOf(d) }] : []
    })
    const last = docs[docs.length - 1]
    return { items, nextCursor: more && last ? encodeCursor([text(last.publishedAt), text(last._id)]) : null }
  }

  /** Two requests: the member's submitted recipient rows, then their surveys (kept when sent to an activity). */
  async answeredFeedback(openid: string, limit: number): Promise<SurveyRecord[]> {
    const rows = documentsOf(
      await this.collections.run(COLLECTIONS.surveyRecipients, (c) =>
        checked(c.where({ openid, status: 'submitted' }).limit(MAX_READ).get()),
      ),
    )
    if (rows.length === 0) return []
    const ids = rows.map((d) => text(d.surveyId))
    const surveys = documentsOf(
      await this.collections.run(COLLECTIONS.surveys, (c) => checked(c.where({ _id: this._.in(ids) }).limit(MAX_READ).get())),
    ).map(CloudBaseSurveyStore.recordOf)
    return surveys
      .filter((s) => s.audience.activityId)
      .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || b.id.localeCompare(a.id))
      .slice(0, limit)
  }

  async remind(surveyId: string, openid: string, at: string, max: number, notAfter: string): Promise<boolean> {
    const _ = this._
    const where = allOf(this.collections, [
      { _id: pairId(surveyId, openid), status: _.neq('submitted'), reminders: _.lt(max) },
      _.or([{ lastRemindedAt: null }, { lastRemindedAt: _.lte(notAfter) }]) as object,
    ])
    return (await updateWhere(this.collections, COLLECTIONS.surveyRecipients, where, { reminders: _.inc(1), lastRemindedAt: at })) === 1
  }

  async saveDraft(surveyId: string, openid: string, pageId: string, answers: SurveyAnswers, at: string): Promise<void> {
    await this.collections.run(COLLECTIONS.surveyDrafts, (c) =>
      checked(c.doc(pairId(surveyId, openid)).set({ surveyId, openid, pageId, answers: JSON.stringify(answers), savedAt: at })),
    )
  }

  async draft(surveyId: string, openid: string): Promise<{ pageId: string; answers: SurveyAnswers } | null> {
    const doc = await getDocument(this.collections, COLLECTIONS.surveyDrafts, pairId(surveyId, openid))
    return doc ? { pageId: text(doc.pageId), answers: JSON.parse(text(doc.answers) || '{}') as SurveyAnswers } : null
  }

  async deleteDraft(surveyId: string, openid: string): Promise<void> {
    await this.collections.run(COLLECTIONS.surveyDrafts, (c) => checked(c.where({ _id: pairId(surveyId, openid) }).remove()))
  }

  /** One conditional increment; the response counter's also adds the response's totals (`sign` -1 takes them back). */
  private async step(surveyId: string, key: string, cap: number | null, totals: TotalCount[] = []): Promise<boolean> {
    const where = cap === null ? { _id: counterId(surveyId, key) } : { _id: counterId(surveyId, key), used: this._.lt(cap) }
    return (await updateWhere(this.collections, COLLECTIONS.surveyCounters, where, { used: this._.inc(1), ...this.totalsUpdate(totals, 1) })) === 1
  }

  private totalsUpdate(totals: TotalCount[], sign: 1 | -1): Record<string, unknown> {
    const sums = new Map<string, number>()
    for (const t of totals) sums.set(totalField(t), (sums.get(totalField(t)) ?? 0) + t.n)
    return Object.fromEntries([...sums].map(([field, n]) => [field, this._.inc(sign * n)]))
  }

  /** One read: the `*` counter's totals, of these dimensions. */
  async totals(surveyId: string, dims: string[]): Promise<TotalCount[]> {
    const doc = await getDocument(this.collections, COLLECTIONS.surveyCounters, counterId(surveyId, RESPONSES))
    const out: TotalCount[] = []
    const byDim = isObject(doc?.totals) ? doc.totals : {}
    for (const dim of dims) {
      const groups = byDim[segment(dim)]
      if (!isObject(groups)) continue
      for (const [g, questions] of Object.entries(groups)) {
        if (!isObject(questions)) continue
        for (const [q, values] of Object.entries(questions)) {
          if (!isObject(values)) continue
          for (const [v, n] of Object.entries(values)) {
            if (typeof n === 'number' && n !== 0) out.push({ dim, group: unsegment(g), questionId: unsegment(q), value: unsegment(v), n })
          }
        }
      }
    }
    return out
  }

  async take(surveyId: string, keys: string[]): Promise<TakeOutcome> {
    const caps = new Map((await this.counters(surveyId)).map((d) => [text(d.key), typeof d.cap === 'number' ? d.cap : null]))
    const taken: string[] = []
    for (const key of [...keys, RESPONSES]) {
      if (!caps.has(key) || !(await this.step(surveyId, key, caps.get(key) ?? null))) {
        await this.giveBack(surveyId, taken)
        return { ok: false, full: key }
      }
      taken.push(key)
    }
    return { ok: true }
  }

  private async giveBack(surveyId: string, keys: string[], totals: TotalCount[] = []): Promise<void> {
    await mapBounded(keys, (key) =>
      updateWhere(
        this.collections,
        COLLECTIONS.surveyCounters,
        { _id: counterId(surveyId, key), used: this._.gt(0) },
        { used: this._.inc(-1), ...(key === RESPONSES ? this.totalsUpdate(totals, -1) : {}) },
      ),
    )
  }

  async release(surveyId: string, keys: string[]): Promise<void> {
    await this.giveBack(surveyId, [RESPONSES, ...keys])
  }

  async addResponse(r: ResponseRecord): Promise<void> {
    await this.collections.run(COLLECTIONS.surveyResponses, (c) =>
      checked(
        c.add({
          _id: r.id,
          surveyId: r.surveyId,
          openid: r.openid,
          day: r.day,
          answers: JSON.stringify(r.answers),
          profile: r.profile ? JSON.stringify(r.profile) : null,
        }),
      ),
    )
  }

  /** One request: the status flip, or (a public link) the account's 已提交 row, refused when it exists. */
  private async markSubmitted(surveyId: string, openid: string, recipient: NonNullable<SubmitInput['recipient']>): Promise<boolean> {
    if (!('claim' in recipient)) return this.advance(surveyId, openid, recipient.from, 'submitted')
    const doc = { _id: pairId(surveyId, openid), surveyId, openid, status: 'submitted', reminders: 0, lastRemindedAt: null, publishedAt: recipient.publishedAt }
    try {
      await this.collections.run(COLLECTIONS.surveyRecipients, (c) => checked(c.add(doc)))
      return true
    } catch (error) {
      if (isDuplicateWrite(error)) return false
      throw error
    }
  }

  /**
   * Requests: the status flip (tracked modes), one conditional increment per counter (their caps
   * come with the call: no counter read), the response, and the draft's removal when one may
   * exist. A full counter gives back what was taken and puts the status back.
   */
  async submit(input: SubmitInput): Promise<SubmitOutcome> {
    const { response: r, openid, recipient } = input
    if (recipient && !(await this.markSubmitted(r.surveyId, openid, recipient))) return { ok: false, already: true }
    const restore = async () => {
      if (!recipient) return
      if ('claim' in recipient) await this.collections.run(COLLECTIONS.surveyRecipients, (c) => checked(c.where({ _id: pairId(r.surveyId, openid) }).remove()))
      else await this.advance(r.surveyId, openid, ['submitted'], recipient.restore)
    }
    const taken: string[] = []
    let full: string | null = null
    try {
      for (const { key, cap } of input.counters) {
        if (!(await this.step(r.surveyId, key, cap, key === RESPONSES ? input.totals : []))) {
          full = key
          break
        }
        taken.push(key)
      }
      if (full === null) await this.addResponse(r)
    } catch (error) {
      await this.giveBack(r.surveyId, taken, input.totals)
      await restore()
      throw error
    }
    if (full !== null) {
      await this.giveBack(r.surveyId, taken, input.totals)
      await restore()
      return { ok: false, full }
    }
    if (input.dropDraft) await this.deleteDraft(r.surveyId, openid)
    return { ok: true }
  }

  async responses(surveyId: string, cursor: string | null, limit: number): Promise<Page<ResponseRecord>> {
    const after = decodeCursor(cursor, 1)
    const n = Math.min(limit, MAX_READ - 1)
    const docs = documentsOf(
      await this.collections.run(COLLECTIONS.surveyResponses, (c) =>
        checked(
          c
            .where(after ? allOf(this.collections, [{ surveyId }, { _id: this._.gt(String(after[0])) }]) : { surveyId })
            .orderBy('_id', 'asc')
            .limit(n + 1)
            .get(),
        ),
      ),
    )
    const items = docs.slice(0, n).map(
      (d): ResponseRecord => ({
        id: text(d._id),
        surveyId: text(d.surveyId),
        openid: textOrNull(d.openid),
        day: text(d.day),
        answers: JSON.parse(text(d.answers) || '{}') as SurveyAnswers,
        profile: typeof d.profile === 'string' ? (JSON.parse(d.profile) as ResponseRecord['profile']) : null,
      }),
    )
    const last = items[items.length - 1]
    return { items, nextCursor: docs.length > n && last ? encodeCursor([last.id]) : null }
  }

  async answersOf(openid: string, limit: number): Promise<ResponseRecord[]> {
    const docs = documentsOf(
      await this.collections.run(COLLECTIONS.surveyResponses, (c) => checked(c.where({ openid }).limit(Math.min(limit, MAX_READ)).get())),
    )
    return docs.map((d) => ({
      id: text(d._id),
      surveyId: text(d.surveyId),
      openid: textOrNull(d.openid),
      day: text(d.day),
      answers: JSON.parse(text(d.answers) || '{}') as SurveyAnswers,
      profile: typeof d.profile === 'string' ? (JSON.parse(d.profile) as ResponseRecord['profile']) : null,
    }))
  }

  async forgetMember(openid: string): Promise<void> {
    await this.collections.run(COLLECTIONS.surveyDrafts, (c) => checked(c.where({ openid }).remove()))
    await this.collections.run(COLLECTIONS.surveyRecipients, (c) => checked(c.where({ openid }).remove()))
    await updateWhere(this.collections, COLLECTIONS.surveyResponses, { openid }, { openid: null, profile: null })
  }
}
