import { checkSurveyAnswers, quotaKeysUsed, surveyDefinitionSchema, surveyPath, type SurveyDefinitionInput } from './survey'

const def = (input: SurveyDefinitionInput) => surveyDefinitionSchema.parse(input)

const opts = (...ids: string[]) => ids.map((id) => ({ id, label: `选项${id}` }))

const survey = def({
  pages: [
    {
      id: 'p1',
      questions: [
        { id: 'q1', kind: 'single', title: '你目前在哪里', required: true, options: opts('home', 'away') },
        {
          id: 'q2',
          kind: 'multiple',
          title: '需要哪些政策',
          required: true,
          min: 2,
          max: 3,
          options: [...opts('house', 'job', 'loan', 'kid'), { id: 'none', label: '以上都没有', exclusive: true }],
        },
        { id: 'q3', kind: 'text', title: '为什么不在家乡', required: true, showIf: { op: 'chosen', questionId: 'q1', optionId: 'away' } },
      ],
      jumps: [{ when: { op: 'chosen', questionId: 'q2', optionId: 'none' }, to: 'end' }],
    },
    {
      id: 'p2',
      showIf: { op: 'not', of: { op: 'chosen', questionId: 'q1', optionId: 'home' } },
      questions: [{ id: 'q4', kind: 'rating', title: '满意度', required: true }],
    },
    {
      id: 'p3',
      questions: [
        { id: 'q5', kind: 'text', title: '手机号', format: 'phone' },
        { id: 'q6', kind: 'nps', title: '推荐度', required: true, showIf: { op: 'and', of: [{ op: 'chosen', questionId: 'q2', optionId: 'job' }, { op: 'or', of: [{ op: 'chosen', questionId: 'q1', optionId: 'home' }, { op: 'chosen', questionId: 'q2', optionId: 'loan' }] }] } },
        { id: 'q7', kind: 'matrix', title: '评价', required: true, rows: [{ id: 'r1', label: '住房' }, { id: 'r2', label: '就业' }], options: opts('good', 'bad') },
        { id: 'q8', kind: 'ranking', title: '排序', options: opts('a', 'b', 'c') },
        { id: 'q9', kind: 'date', title: '日期' },
        { id: 'q10', kind: 'county', title: '县区' },
      ],
    },
  ],
})

describe('surveyPath: one pure function of visibility', () => {
  it('shows a question only when its condition holds', () => {
    const home = surveyPath(survey, { q1: 'home', q2: ['house', 'job'] })
    expect(home.questions.p1!.map((q) => q.id)).toEqual(['q1', 'q2'])
    const away = surveyPath(survey, { q1: 'away', q2: ['house', 'job'] })
    expect(away.questions.p1!.map((q) => q.id)).toEqual(['q1', 'q2', 'q3'])
  })

  it('skips a page whose condition fails, and jumps to the end', () => {
    expect(surveyPath(survey, { q1: 'home', q2: ['house', 'job'] }).pages.map((p) => p.id)).toEqual(['p1', 'p3'])
    expect(surveyPath(survey, { q1: 'away', q2: ['house', 'job'] }).pages.map((p) => p.id)).toEqual(['p1', 'p2', 'p3'])
    expect(surveyPath(survey, { q1: 'away', q2: ['none'] }).pages.map((p) => p.id)).toEqual(['p1'])
  })

  it('evaluates and / or / not, and drops answers to hidden questions', () => {
    const a = surveyPath(survey, { q1: 'home', q2: ['job', 'house'], q3: '不该出现' })
    expect(a.questions.p3!.map((q) => q.id)).toContain('q6')
    expect(a.answers.q3).toBeUndefined()
    expect(surveyPath(survey, { q1: 'away', q2: ['job', 'house'] }).questions.p3!.map((q) => q.id)).not.toContain('q6')
    expect(surveyPath(survey, { q1: 'away', q2: ['job', 'loan'] }).questions.p3!.map((q) => q.id)).toContain('q6')
  })
})

describe('checkSurveyAnswers: required-ness of visible questions only', () => {
  const complete = { q1: 'home', q2: ['house', 'job'], q6: 9, q7: { r1: 'good', r2: 'bad' } }

  it('accepts complete answers, without asking hidden required questions', () => {
    const r = checkSurveyAnswers(survey, complete)
    expect(r.errors).toEqual({})
    expect(Object.keys(r.answers).sort()).toEqual(['q1', 'q2', 'q6', 'q7'])
  })

  it('names each missing visible required question in Chinese', () => {
    const r = checkSurveyAnswers(survey, { q1: 'away', q2: ['house', 'job'] })
    expect(r.errors).toMatchObject({ q3: '请回答「为什么不在家乡」', q4: '请回答「满意度」', q7: '请回答「评价」' })
  })

  it('checks only the given pages when asked (per-page checks on the answer page)', () => {
    expect(checkSurveyAnswers(survey, { q1: 'home', q2: ['house', 'job'] }, { pageIds: ['p1'] }).errors).toEqual({})
  })

  it('enforces min, max and the exclusive option of a multiple choice', () => {
    expect(checkSurveyAnswers(survey, { ...complete, q2: ['house'] }).errors.q2).toBe('「需要哪些政策」至少选择2项')
    expect(checkSurveyAnswers(survey, { ...complete, q2: ['house', 'job', 'loan', 'kid'] }).errors.q2).toBe('「需要哪些政策」最多选择3项')
    expect(checkSurveyAnswers(survey, { ...complete, q2: ['house', 'none'] }).errors.q2).toContain('以上都没有')
    expect(checkSurveyAnswers(survey, { q1: 'home', q2: ['none'] }).errors).toEqual({})
  })

  it('checks formats: phone, rating range, matrix rows, ranking, date, county', () => {
    const bad = checkSurveyAnswers(survey, {
      ...complete,
      q5: '12345',
      q7: { r1: 'good' },
      q8: ['a', 'b'],
      q9: '2026-02-30',
      q10: 'beijing',
    }).errors
    expect(bad).toMatchObject({
      q5: '「手机号」应为11位手机号',
      q7: '「评价」每一行都要选择',
      q8: '「排序」请为全部选项排序',
      q9: '「日期」应为有效日期（YYYY-MM-DD）',
      q10: '请从列表中选择「县区」',
    })
    const good = checkSurveyAnswers(survey, { ...complete, q5: ' 13812345678 ', q8: ['c', 'a', 'b'], q9: '2026-02-28', q10: 'suiping' })
    expect(good.errors).toEqual({})
    expect(good.answers.q5).toBe('13812345678')
    expect(checkSurveyAnswers(survey, { q1: 'away', q2: ['house', 'job'], q3: 'x', q4: 6, q7: { r1: 'good', r2: 'good' } }).errors.q4).toBe('「满意度」请选择1到5分')
  })
})

describe('the definition schema', () => {
  it('refuses a condition on a later question or a missing option, backward jumps and duplicate ids', () => {
    const result = surveyDefinitionSchema.safeParse({
      pages: [
        {
          id: 'p1',
          questions: [
            { id: 'a', kind: 'single', title: 'A', options: opts('x', 'y'), showIf: { op: 'chosen', questionId: 'b', optionId: 'x' } },
            { id: 'b', kind: 'single', title: 'B', options: opts('x', 'y'), showIf: { op: 'chosen', questionId: 'a', optionId: 'z' } },
            { id: 'b', kind: 'date', title: 'C' },
          ],
          jumps: [{ when: { op: 'chosen', questionId: 'a', optionId: 'x' }, to: 'p1' }],
        },
      ],
    })
    expect(result.success).toBe(false)
    const messages = result.error?.issues.map((i) => i.message) ?? []
    expect(messages).toEqual(
      expect.arrayContaining(['条件引用的题目（b）须是前面的单选或多选题', '条件引用的选项（z）不存在', '题目编号重复（b）', '只能跳转到后面的页面或结束']),
    )
  })

  it('lists the quota keys an answer uses', () => {
    const q = def({ pages: [{ id: 'p', questions: [{ id: 's', kind: 'single', title: 'S', options: [{ id: 'a', label: 'A', quota: 2 }, { id: 'b', label: 'B' }] }] }] })
    expect(quotaKeysUsed(q, { s: 'a' })).toEqual(['s:a'])
    expect(quotaKeysUsed(q, { s: 'b' })).toEqual([])
  })
})

describe('the templates', () => {
  it('are valid surveys', async () => {
    const { SURVEY_TEMPLATES } = await import('./survey-templates')
    for (const t of SURVEY_TEMPLATES) expect({ id: t.id, ok: surveyDefinitionSchema.safeParse(t.definition).success }).toEqual({ id: t.id, ok: true })
  })
})

describe('public links and pipeline feeds in the schema', () => {
  it('refuses a public link that is not 匿名可催办, and a feeding question whose options are not the pipeline\'s', async () => {
    const { createSurveyInput } = await import('./survey')
    const base = { title: '调查', intro: '', audience: { all: true }, definition: { pages: [{ id: 'p1', questions: [{ id: 'q', kind: 'date' as const, title: '日期' }] }] } }
    const named = createSurveyInput.safeParse({ ...base, identityMode: 'named', publicLink: true })
    expect(named.success).toBe(false)
    expect(named.error?.issues[0]).toMatchObject({ path: ['identityMode'] })
    expect(createSurveyInput.safeParse({ ...base, identityMode: 'anonymous_tracked', publicLink: true }).success).toBe(true)
    const feeds = (options: string[]) =>
      surveyDefinitionSchema.safeParse({ pages: [{ id: 'p', questions: [{ id: 'i', kind: 'single', title: '回吗', feeds: 'considerReturn', options: opts(...options) }] }] })
    expect(feeds(['yes', 'no']).success).toBe(true)
    expect(feeds(['yes', 'later']).error?.issues[0]?.message).toContain('不能写入去向登记的“是否考虑回驻”')
  })
})
