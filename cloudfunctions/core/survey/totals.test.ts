import { surveyDefinitionSchema } from '../../../types'
import { ALL, ANSWERED, SUM, totalsOf } from './totals'

const survey = surveyDefinitionSchema.parse({
  pages: [
    {
      id: 'p1',
      questions: [
        { id: 'q1', kind: 'single', title: '你目前在哪里', options: [{ id: 'home', label: '驻马店' }, { id: 'away', label: '外地' }] },
        { id: 'q2', kind: 'multiple', title: '需要哪些政策', options: [{ id: 'house', label: '公寓' }, { id: 'job', label: '岗位' }] },
        { id: 'q3', kind: 'text', title: '为什么' },
        { id: 'q4', kind: 'rating', title: '满意度' },
      ],
    },
  ],
})

describe('running totals', () => {
  it('count each value overall and within every cross-tab group, never free text', () => {
    const rows = totalsOf(survey, { q1: 'away', q2: ['house', 'job'], q3: '太远', q4: 4 }, { county: 'suiping', degree: 'bachelor', graduationYear: '2026' })
    const key = (r: { dim: string; group: string; questionId: string; value: string; n: number }) => `${r.dim}|${r.group}|${r.questionId}|${r.value}=${r.n}`
    const keys = rows.map(key)
    expect(keys).toEqual(expect.arrayContaining([`${ALL}|${ALL}|q4|${SUM}=4`, `${ALL}|${ALL}|q3|${ANSWERED}=1`, 'county|suiping|q2|job=1', 'q:q1|away|q4|4=1']))
    // The free-text answer is counted as answered, its words never.
    expect(keys.some((k) => k.includes('太远'))).toBe(false)
    // Without a profile (anonymous), only the question groups.
    expect(totalsOf(survey, { q1: 'home', q4: 2 }, null).some((r) => r.dim === 'county')).toBe(false)
  })
})
