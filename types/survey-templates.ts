import type { IdentityMode, SurveyDefinitionInput } from './survey'

/** Ready-made surveys staff start from (问卷模板): data, filled into the builder, edited, approved as usual. */
export interface SurveyTemplate {
  id: 'policy_needs' | 'activity_feedback' | 'return_intent'
  name: string
  title: string
  intro: string
  identityMode: IdentityMode
  definition: SurveyDefinitionInput
}

const yesNo = [
  { id: 'yes', label: '是' },
  { id: 'no', label: '否' },
]

export const SURVEY_TEMPLATES: readonly SurveyTemplate[] = [
  {
    id: 'policy_needs',
    name: '政策需求调研',
    title: '青年人才政策需求调研',
    intro: '了解你对驻马店人才政策的需求，结果用于改进政策（汇总统计，不公开个人回答）。',
    identityMode: 'anonymous_tracked',
    definition: {
      pages: [
        {
          id: 'p1',
          title: '基本情况',
          questions: [
            { id: 'county', kind: 'county', title: '你的家乡县区', required: true },
            { id: 'field', kind: 'field', title: '你所学或从事的产业领域' },
            {
              id: 'known',
              kind: 'single',
              title: '你了解驻马店的人才政策吗',
              required: true,
              options: [
                { id: 'well', label: '比较了解' },
                { id: 'some', label: '听说过一些' },
                { id: 'none', label: '不了解' },
              ],
            },
          ],
        },
        {
          id: 'p2',
          title: '政策需求',
          questions: [
            {
              id: 'needs',
              kind: 'multiple',
              title: '你最需要哪些支持（最多3项）',
              required: true,
              max: 3,
              options: [
                { id: 'housing', label: '人才公寓或租房补贴' },
                { id: 'jobs', label: '岗位推荐' },
                { id: 'startup', label: '创业扶持' },
                { id: 'training', label: '技能培训' },
                { id: 'family', label: '子女入学、家属就业' },
                { id: 'nothing', label: '以上都没有', exclusive: true },
              ],
            },
            { id: 'rank', kind: 'ranking', title: '请为以下因素的重要性排序', options: [{ id: 'pay', label: '收入' }, { id: 'growth', label: '发展空间' }, { id: 'home', label: '离家近' }] },
            { id: 'satisfaction', kind: 'rating', title: '你对现有人才政策的满意度', required: true, scale: 5 },
            { id: 'advice', kind: 'text', title: '你对人才政策还有什么建议', long: true },
          ],
        },
      ],
    },
  },
  {
    id: 'activity_feedback',
    name: '活动反馈',
    title: '活动反馈问卷',
    intro: '感谢参加活动！你的反馈会帮助我们把下一次办得更好。',
    identityMode: 'named',
    definition: {
      pages: [
        {
          id: 'p1',
          questions: [
            { id: 'nps', kind: 'nps', title: '你有多大可能向同学推荐这类活动', required: true },
            {
              id: 'parts',
              kind: 'matrix',
              title: '请评价活动的各个方面',
              required: true,
              rows: [
                { id: 'content', label: '内容' },
                { id: 'organise', label: '组织' },
                { id: 'place', label: '场地' },
              ],
              options: [
                { id: 'good', label: '满意' },
                { id: 'ok', label: '一般' },
                { id: 'bad', label: '不满意' },
              ],
            },
            { id: 'again', kind: 'single', title: '你还愿意参加类似活动吗', required: true, options: yesNo },
            { id: 'gain', kind: 'text', title: '这次活动你最大的收获', long: true },
          ],
        },
      ],
    },
  },
  {
    id: 'return_intent',
    name: '回驻意愿与原因',
    title: '毕业后回驻马店的意愿',
    intro: '了解你毕业后的打算和顾虑，帮助家乡做好人才服务。',
    identityMode: 'anonymous_tracked',
    definition: {
      pages: [
        {
          id: 'p1',
          questions: [
            {
              id: 'intent',
              kind: 'single',
              title: '毕业后你考虑回驻马店工作或创业吗',
              required: true,
              feeds: 'considerReturn',
              options: [
                { id: 'yes', label: '会' },
                { id: 'maybe', label: '看机会' },
                { id: 'no', label: '暂不考虑' },
              ],
            },
            {
              id: 'reasons',
              kind: 'multiple',
              title: '暂不考虑的主要原因',
              required: true,
              max: 3,
              showIf: { op: 'chosen', questionId: 'intent', optionId: 'no' },
              feeds: 'reasons',
              // The pipeline's reason ids (types/pipeline.ts NOT_RETURNING_REASONS), so 实名 answers join its figures.
              options: [
                { id: 'jobs', label: '对口岗位少' },
                { id: 'pay', label: '薪资待遇偏低' },
                { id: 'growth', label: '发展空间有限' },
                { id: 'family', label: '家庭或伴侣原因' },
                { id: 'other', label: '其他' },
              ],
            },
            { id: 'when', kind: 'date', title: '你预计的毕业日期' },
            { id: 'phone', kind: 'text', title: '愿意接收岗位推荐的话，留下手机号', format: 'phone' },
          ],
          jumps: [{ when: { op: 'chosen', questionId: 'intent', optionId: 'no' }, to: 'end' }],
        },
        {
          id: 'p2',
          questions: [{ id: 'fields', kind: 'field', title: '你希望从事的产业领域', required: true }],
        },
      ],
    },
  },
]
