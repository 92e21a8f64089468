// Seeds the survey bench (issue 15) into a local data folder: `members` recipients of a survey
// with option quotas (to submit to), and a 20-question survey holding `responses` answers.
import path from 'node:path'
import { surveyDefinitionSchema, type NoticeAudience, type SurveyDefinitionInput } from '../../types'
import { openSqliteStore } from '../../cloudfunctions/core/adapters/sqlite'
import type { SurveyRecord } from '../../cloudfunctions/core/survey/ports'
import { totalsOf } from '../../cloudfunctions/core/survey/totals'

const [dataDir, membersArg, responsesArg] = process.argv.slice(2)
const members = Number(membersArg ?? 2000)
const responses = Number(responsesArg ?? 10000)
const at = '2026-10-01T09:00:00.000+08:00'
const store = openSqliteStore({ file: path.join(dataDir!, 'yizhan.sqlite') })

const audience: NoticeAudience = { all: true, stationIds: [], countyIds: [], fieldIds: [], degreeIds: [], graduationYears: [], activityId: null, activityStatus: null }
const options = (n: number, quota?: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i}`, label: `选项${i}`, ...(quota ? { quota } : {}) }))

function record(id: string, definition: SurveyDefinitionInput): SurveyRecord {
  return {
    id, title: `压测问卷 ${id}`, intro: '', definition: surveyDefinitionSchema.parse(definition), identityMode: 'anonymous_tracked', audience,
    stationId: null, creatorOpenid: 'demo-staff', approvedBy: 'demo-staff-2', status: 'approved', openAt: null, closeAt: null,
    responseCap: null, createdAt: at, updatedAt: at, publishedAt: null, closedAt: null, recipients: 0, tallied: true,
  }
}

async function main() {
  const openids: string[] = []
  for (let i = 0; i < members; i += 1) {
    const openid = `bench-sv-${i}`
    openids.push(openid)
    await store.members.create({
      openid, role: 'student', stationId: null, stationJoinedAt: null, status: 'active', name: `压测${i}`, phone: '13800000000',
      university: '郑州大学', college: '', major: '软件工程', degree: 'bachelor', enrollmentYear: 2022, graduationYear: 2026,
      hometownCounty: 'suiping', fields: ['electronics'], consentVersion: '2026-11', consentAt: at, consentWithdrawnAt: null,
      joinedAt: at, updatedAt: at, isDemo: false,
    })
  }
  // Survey A: one single choice, four options with 300 places each (1,200 in all for 2,000 members).
  const quota = record('sv-bench-quota', { pages: [{ id: 'p1', questions: [{ id: 'q', kind: 'single', title: '选一个', required: true, options: options(4, 300) }] }] })
  await store.surveys.create(quota)
  await store.surveys.publish({ ...quota, status: 'published', publishedAt: at, recipients: openids.length }, openids, { 'q:o0': 300, 'q:o1': 300, 'q:o2': 300, 'q:o3': 300 })
  // Survey B: 20 questions (single, multiple, rating, matrix, text) and `responses` answers.
  const kinds = ['single', 'multiple', 'rating', 'matrix', 'text'] as const
  const questions = Array.from({ length: 20 }, (_, i) => {
    const kind = kinds[i % kinds.length]!
    const base = { id: `q${i}`, title: `第${i + 1}题` }
    if (kind === 'single' || kind === 'multiple') return { ...base, kind, options: options(5) }
    if (kind === 'matrix') return { ...base, kind, rows: [{ id: 'r0', label: '行一' }, { id: 'r1', label: '行二' }], options: options(3) }
    if (kind === 'rating') return { ...base, kind }
    return { ...base, kind: 'text' as const }
  })
  const wide = record('sv-bench-results', { pages: [{ id: 'p1', questions }] })
  await store.surveys.create(wide)
  await store.surveys.publish({ ...wide, status: 'published', publishedAt: at }, [], {})
  // Each answer through the store's submit, as survey.submit writes it: the row and its running totals.
  const batch: Promise<unknown>[] = []
  for (let n = 0; n < responses; n += 1) {
    const answers: Record<string, string | number | string[] | Record<string, string>> = {}
    questions.forEach((q, i) => {
      if (q.kind === 'single') answers[q.id] = `o${(n + i) % 5}`
      else if (q.kind === 'multiple') answers[q.id] = [`o${n % 5}`, `o${(n + 2) % 5}`]
      else if (q.kind === 'rating') answers[q.id] = 1 + ((n + i) % 5)
      else if (q.kind === 'matrix') answers[q.id] = { r0: `o${n % 3}`, r1: `o${(n + 1) % 3}` }
      else answers[q.id] = `回答${n}`
    })
    batch.push(
      store.surveys.submit({
        openid: `bench-answer-${n}`,
        response: { id: `sr${String(n).padStart(8, '0')}`, surveyId: wide.id, openid: null, day: '2026-10-02', answers, profile: null },
        recipient: null,
        counters: [{ key: '*', cap: null }],
        dropDraft: false,
        totals: totalsOf(wide.definition, answers, null),
      }),
    )
    if (batch.length === 500) await Promise.all(batch.splice(0))
  }
  await Promise.all(batch)
  await store.close()
}

void main()
