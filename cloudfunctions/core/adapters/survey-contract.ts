import { randomBytes } from 'node:crypto'
import { surveyDefinitionSchema, type NoticeAudience } from '../../../types'
import type { Store } from '../shared/store'
import type { SurveyRecord } from '../survey/ports'
import { ALL, ANSWERED, type TotalCount } from '../survey/totals'
import { aroundSuite, everyItem } from './contract-support'
import { sampleMember } from './store-contract'

const T0 = Date.parse('2026-11-01T10:00:00.000+08:00')
const at = (minutes: number) => {
  const d = new Date(T0 + minutes * 60_000 + 8 * 3_600_000)
  return `${d.toISOString().slice(0, 23)}+08:00`
}

const definition = surveyDefinitionSchema.parse({
  pages: [{ id: 'p1', questions: [{ id: 'q', kind: 'single', title: '问题', options: [{ id: 'a', label: 'A', quota: 3 }, { id: 'b', label: 'B' }] }] }],
})

/**
 * The behaviour every adapter of `SurveyStore` must show, through the `Store` ports only. Each run
 * targets a field id and a station id of its own, so it holds on a shared real database too.
 */
/** What one answer to `q` adds: overall, and in a county group whose name holds a dot, a dollar and a tilde. */
const totalsFor = (option: string): TotalCount[] => [
  { dim: ALL, group: ALL, questionId: 'q', value: ANSWERED, n: 1 },
  { dim: ALL, group: ALL, questionId: 'q', value: option, n: 1 },
  { dim: 'county', group: '驿城区.a$b~', questionId: 'q', value: option, n: 1 },
]

export function describeSurveyStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`${name} surveys contract`, () => {
    const runId = `sv${randomBytes(5).toString('hex')}`
    const field = `${runId}-field`
    const written = { openids: new Set<string>() }
    let store: Store
    let counter = 0

    aroundSuite(
      open,
      (opened) => {
        store = opened
      },
      {
        written,
        forgetMember: async (s, openid) => {
          await s.surveys.forgetMember(openid)
          await s.members.remove(openid)
        },
      },
    )

    const audience: NoticeAudience = { all: false, stationIds: [], countyIds: [], fieldIds: [field], degreeIds: [], graduationYears: [], activityId: null, activityStatus: null }

    async function member(joinedMinute = 0): Promise<string> {
      counter += 1
      const openid = `${runId}-m${String(counter).padStart(3, '0')}`
      written.openids.add(openid)
      await store.members.create({ ...sampleMember(openid), fields: [field], joinedAt: at(joinedMinute) })
      return openid
    }

    function survey(overrides: Partial<SurveyRecord> = {}): SurveyRecord {
      counter += 1
      return {
        id: `${runId}-s${String(counter).padStart(3, '0')}`,
        title: '问卷',
        intro: '',
        definition,
        identityMode: 'anonymous_tracked',
        audience,
        stationId: `${runId}-st`,
        creatorOpenid: 'staff-1',
        approvedBy: null,
        status: 'draft',
        openAt: null,
        closeAt: null,
        responseCap: null,
        createdAt: at(counter),
        updatedAt: at(counter),
        publishedAt: null,
        closedAt: null,
        recipients: 0,
        ...overrides,
      }
    }

    it('stores a survey, replaces it only from the given statuses, and lists a station newest first', async () => {
      const s = survey()
      await store.surveys.create(s)
      expect(await store.surveys.get(s.id)).toEqual({ ...s, responses: 0, quotaUsed: {} })
      expect(await store.surveys.replace({ ...s, status: 'approved', approvedBy: 'staff-2' }, ['published'])).toBe(false)
      expect(await store.surveys.replace({ ...s, status: 'approved', approvedBy: 'staff-2' }, ['draft'])).toBe(true)
      expect(await store.surveys.get(s.id)).toMatchObject({ status: 'approved', approvedBy: 'staff-2' })
      const later = survey()
      await store.surveys.create(later)
      const pages = await everyItem((cursor) => store.surveys.list({ stationId: `${runId}-st`, cursor, limit: 1 }))
      expect(pages.map((x) => x.id)).toEqual([later.id, s.id])
      expect(await store.surveys.get(`${runId}-missing`)).toBeNull()
    })

    it('lists the audience at a time, publishes once with recipients and counters', async () => {
      const early = await member(0)
      const other = await member(0)
      const late = await member(500)
      expect((await store.surveys.audienceOpenids(audience, at(100))).sort()).toEqual([early, other].sort())
      const s = survey({ status: 'approved', responseCap: 5 })
      await store.surveys.create(s)
      const published = { ...s, status: 'published' as const, publishedAt: at(200), recipients: 2 }
      expect(await store.surveys.publish(published, [early, other], { 'q:a': 3 })).toBe(true)
      expect(await store.surveys.publish(published, [early, other, late], { 'q:a': 3 })).toBe(false)
      expect(await store.surveys.get(s.id)).toMatchObject({ status: 'published', recipients: 2, responses: 0, quotaUsed: { 'q:a': 0 } })
      expect(await store.surveys.recipient(s.id, early)).toEqual({ surveyId: s.id, openid: early, status: 'unread', reminders: 0, lastRemindedAt: null })
      expect(await store.surveys.recipient(s.id, late)).toBeNull()
      expect((await store.surveys.mine(early, null, 10)).items.map((x) => x.survey.id)).toEqual([s.id])
    })

    it('moves a status only from the given ones, lists the pending, and reminds within the limits', async () => {
      const a = await member()
      const b = await member()
      const s = survey({ status: 'approved' })
      await store.surveys.create(s)
      await store.surveys.publish({ ...s, status: 'published', publishedAt: at(10) }, [a, b], {})
      expect(await store.surveys.advance(s.id, a, ['unread'], 'opened')).toBe(true)
      expect(await store.surveys.advance(s.id, a, ['unread'], 'opened')).toBe(false)
      expect(await store.surveys.advance(s.id, a, ['opened', 'started'], 'submitted')).toBe(true)
      expect((await everyItem((cursor) => store.surveys.pending(s.id, cursor, 1))).map((r) => r.openid)).toEqual([b])
      const reminders = await Promise.all([1, 2, 3].map(() => store.surveys.remind(s.id, b, at(20), 2, at(0))))
      expect(reminders.filter(Boolean)).toHaveLength(1)
      expect(await store.surveys.remind(s.id, b, at(30), 2, at(10))).toBe(false)
      expect(await store.surveys.remind(s.id, b, at(40), 2, at(20))).toBe(true)
      expect(await store.surveys.remind(s.id, b, at(90), 2, at(80))).toBe(false)
      expect(await store.surveys.remind(s.id, a, at(90), 2, at(80))).toBe(false)
      expect(await store.surveys.recipient(s.id, b)).toMatchObject({ reminders: 2, lastRemindedAt: at(40) })
    })

    it('keeps one draft per member until it is deleted', async () => {
      const a = await member()
      const s = survey()
      await store.surveys.create(s)
      await store.surveys.saveDraft(s.id, a, 'p1', { q: 'a' }, at(1))
      await store.surveys.saveDraft(s.id, a, 'p1', { q: 'b' }, at(2))
      expect(await store.surveys.draft(s.id, a)).toEqual({ pageId: 'p1', answers: { q: 'b' } })
      await store.surveys.deleteDraft(s.id, a)
      expect(await store.surveys.draft(s.id, a)).toBeNull()
    })

    it('never takes beyond a quota or the cap, even all at once, and gives back on release', async () => {
      const s = survey({ status: 'approved', responseCap: 4 })
      await store.surveys.create(s)
      await store.surveys.publish({ ...s, status: 'published', publishedAt: at(1) }, [], { 'q:a': 3 })
      const quota = await Promise.all(Array.from({ length: 10 }, () => store.surveys.take(s.id, ['q:a'])))
      expect(quota.filter((r) => r.ok)).toHaveLength(3)
      expect(quota.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.full))).toEqual(Array(7).fill('q:a'))
      const cap = await Promise.all(Array.from({ length: 5 }, () => store.surveys.take(s.id, [])))
      expect(cap.filter((r) => r.ok)).toHaveLength(1)
      expect(await store.surveys.get(s.id)).toMatchObject({ responses: 4, quotaUsed: { 'q:a': 3 } })
      await store.surveys.release(s.id, ['q:a'])
      expect(await store.surveys.get(s.id)).toMatchObject({ responses: 3, quotaUsed: { 'q:a': 2 } })
    })

    it('submits as one unit: status, counters, response and draft together, never beyond a quota, even all at once', async () => {
      const members = await Promise.all(Array.from({ length: 6 }, () => member()))
      const s = survey({ status: 'approved', responseCap: 5 })
      await store.surveys.create(s)
      await store.surveys.publish({ ...s, status: 'published', publishedAt: at(1) }, members, { 'q:a': 3 })
      expect(await store.surveys.record(s.id)).toMatchObject({ id: s.id, status: 'published' })
      expect(await store.surveys.record(`${runId}-none`)).toBeNull()
      await store.surveys.saveDraft(s.id, members[0]!, 'p1', { q: 'a' }, at(2))
      await store.surveys.advance(s.id, members[0]!, ['unread'], 'started')
      const submit = (openid: string, option: string) =>
        store.surveys.submit({
          openid,
          response: { id: `${openid}-r`, surveyId: s.id, openid: null, day: '2026-11-01', answers: { q: option }, profile: null },
          recipient: { from: ['unread', 'opened', 'started'], restore: openid === members[0] ? 'started' : 'unread' },
          counters: [...(option === 'a' ? [{ key: 'q:a', cap: 3 }] : []), { key: '*', cap: 5 }],
          dropDraft: true,
          totals: totalsFor(option),
        })
      // Five want the option with three places, all at once.
      const outcomes = await Promise.all(members.slice(0, 5).map((m) => submit(m, 'a')))
      expect(outcomes.filter((o) => o.ok)).toHaveLength(3)
      expect(outcomes.filter((o) => !o.ok && 'full' in o && o.full === 'q:a')).toHaveLength(2)
      expect(await store.surveys.get(s.id)).toMatchObject({ responses: 3, quotaUsed: { 'q:a': 3 } })
      const refused = members.slice(0, 5).filter((_, i) => !outcomes[i]!.ok)
      for (const m of refused) expect(await store.surveys.recipient(s.id, m)).toMatchObject({ status: m === members[0] ? 'started' : 'unread' })
      // A second submission by one who got in changes nothing.
      const accepted = members.slice(0, 5).find((_, i) => outcomes[i]!.ok)!
      expect(await submit(accepted, 'b')).toEqual({ ok: false, already: true })
      // The others take B until the cap of five.
      expect(await submit(refused[0]!, 'b')).toEqual({ ok: true })
      expect(await submit(refused[1]!, 'b')).toEqual({ ok: true })
      expect(await submit(members[5]!, 'b')).toEqual({ ok: false, full: '*' })
      expect(await store.surveys.recipient(s.id, members[5]!)).toMatchObject({ status: 'unread' })
      expect(await store.surveys.get(s.id)).toMatchObject({ responses: 5, quotaUsed: { 'q:a': 3 } })
      expect((await everyItem((cursor) => store.surveys.responses(s.id, cursor, 10))).map((r) => r.id).sort()).toEqual(
        members.slice(0, 5).map((m) => `${m}-r`).sort(),
      )
      // Member 0 had a draft: it went with the submission that was taken (the first or the second).
      expect(await store.surveys.draft(s.id, members[0]!)).toBeNull()
      // The running totals hold exactly the five taken, none of those refused; groups of any text come back as written.
      const sorted = (rows: TotalCount[]) => rows.map((r) => `${r.dim}|${r.group}|${r.questionId}|${r.value}=${r.n}`).sort()
      expect(sorted(await store.surveys.totals(s.id, [ALL]))).toEqual(sorted([
        { dim: ALL, group: ALL, questionId: 'q', value: ANSWERED, n: 5 },
        { dim: ALL, group: ALL, questionId: 'q', value: 'a', n: 3 },
        { dim: ALL, group: ALL, questionId: 'q', value: 'b', n: 2 },
      ]))
      expect(sorted(await store.surveys.totals(s.id, ['county']))).toEqual(sorted([
        { dim: 'county', group: '驿城区.a$b~', questionId: 'q', value: 'a', n: 3 },
        { dim: 'county', group: '驿城区.a$b~', questionId: 'q', value: 'b', n: 2 },
      ]))
      expect(await store.surveys.totals(s.id, ['q:other'])).toEqual([])
    })

    it('claims one 已提交 row per account for a public link, in the same unit (given back when full)', async () => {
      const s = survey({ status: 'approved', responseCap: 1 })
      await store.surveys.create(s)
      await store.surveys.publish({ ...s, status: 'published', publishedAt: at(1) }, [], {})
      const [a, b] = [await member(), await member()]
      const submit = (openid: string, id: string) =>
        store.surveys.submit({
          openid,
          response: { id, surveyId: s.id, openid: null, day: '2026-11-01', answers: { q: 'b' }, profile: null },
          recipient: { claim: true, publishedAt: at(1) },
          counters: [{ key: '*', cap: 1 }],
          dropDraft: false,
          totals: totalsFor('b'),
        })
      expect(await submit(a, `${a}-1`)).toEqual({ ok: true })
      expect(await store.surveys.recipient(s.id, a)).toMatchObject({ status: 'submitted' })
      expect(await submit(a, `${a}-2`)).toEqual({ ok: false, already: true })
      expect(await submit(b, `${b}-1`)).toEqual({ ok: false, full: '*' })
      expect(await store.surveys.recipient(s.id, b)).toBeNull()
      expect((await store.surveys.responses(s.id, null, 10)).items.map((r) => r.id)).toEqual([`${a}-1`])
    })

    it("lists the activity feedback surveys a member submitted, newest first", async () => {
      const a = await member()
      const feedback = survey({ status: 'approved', audience: { ...audience, fieldIds: [], activityId: `${runId}-act` } })
      const later = survey({ status: 'approved', audience: { ...audience, fieldIds: [], activityId: `${runId}-act2` } })
      const plain = survey({ status: 'approved' })
      const unanswered = survey({ status: 'approved', audience: { ...audience, fieldIds: [], activityId: `${runId}-act3` } })
      for (const [s, minute] of [[feedback, 10], [later, 20], [plain, 30], [unanswered, 40]] as const) {
        await store.surveys.create(s)
        await store.surveys.publish({ ...s, status: 'published', publishedAt: at(minute) }, [a], {})
        if (s !== unanswered) await store.surveys.advance(s.id, a, ['unread'], 'submitted')
      }
      expect((await store.surveys.answeredFeedback(a, 10)).map((s) => s.id)).toEqual([later.id, feedback.id])
      expect((await store.surveys.answeredFeedback(a, 1)).map((s) => s.id)).toEqual([later.id])
    })

    it('pages responses by their random id and forgets a member from named ones', async () => {
      const a = await member()
      const s = survey()
      await store.surveys.create(s)
      const ids = ['sr-c', 'sr-a', 'sr-b']
      for (const id of ids) {
        await store.surveys.addResponse({ id, surveyId: s.id, openid: id === 'sr-a' ? a : null, day: '2026-11-01', answers: { q: 'a' }, profile: id === 'sr-a' ? { county: 'queshan', degree: 'bachelor', graduationYear: '2027' } : null })
      }
      const all = await everyItem((cursor) => store.surveys.responses(s.id, cursor, 2))
      expect(all.map((r) => r.id)).toEqual(['sr-a', 'sr-b', 'sr-c'])
      expect(all[0]).toMatchObject({ openid: a, profile: { county: 'queshan' } })
      await store.surveys.forgetMember(a)
      expect((await store.surveys.responses(s.id, null, 10)).items[0]).toMatchObject({ id: 'sr-a', openid: null, profile: null })
    })
  })
}
