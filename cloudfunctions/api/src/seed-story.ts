import type { StoryPerson } from '../../../types'
import { toIsoString } from '../../core/shared/clock'
import type { Deps } from '../../core/shared/context'
import type { StoryRecord } from '../../core/story/ports'
import { feedKeyOf } from '../../core/story/stories'
import { DEMO_STAFF_OPENID } from '../../runtime/config'

/**
 * Demo stories (示例): three published by staff (one featured) and one a head wrote about a member
 * of the station, checked by the machine (review: 广告) and waiting for a human. Stable ids.
 */
interface DemoStory {
  id: string
  title: string
  body: string
  tags: string[]
  person: StoryPerson
  daysAgo: number
  featured?: boolean
}

const PUBLISHED: DemoStory[] = [
  {
    id: 'sy-demo-1',
    title: '把实验室搬回家乡的博士',
    body: '2019年，他从华中科技大学博士毕业，放弃了武汉的工作机会，回到驻马店参与组建重点实验室。\n“家乡的产业需要技术，我们这些走出去的人，应该带着本事回来。”\n如今，实验室已经为十多家本地企业解决了技术难题。（示例）',
    tags: ['返乡创业', '科研'],
    person: { name: '张明远', county: 'yicheng', university: '华中科技大学' },
    daysAgo: 12,
    featured: true,
  },
  {
    id: 'sy-demo-2',
    title: '在遂平做电商的90后',
    body: '大学毕业后，她回到遂平县，用直播把家乡的农产品卖到了全国。\n她说：“翼展驿站让我认识了很多同样想回家的老乡。”（示例）',
    tags: ['电商', '乡村振兴'],
    person: { name: '李欣然', county: 'suiping', university: '郑州大学' },
    daysAgo: 6,
  },
  {
    id: 'sy-demo-3',
    title: '挑战杯赛场上的驻马店学子',
    body: '他带领团队的新材料项目获得“挑战杯”省赛一等奖，项目已与西平县一家企业签约转化。（示例）',
    tags: ['挑战杯', '新材料'],
    person: { name: '王浩然', county: 'xiping', university: '西安交通大学' },
    daysAgo: 2,
  },
]

const daysBefore = (now: Date, days: number) => toIsoString(new Date(now.getTime() - days * 86_400_000))

function record(base: Omit<StoryRecord, 'feedKey'>): StoryRecord {
  return { ...base, feedKey: feedKeyOf(base) }
}

export async function seedDemoStories(deps: Pick<Deps, 'store' | 'clock'>): Promise<void> {
  const now = deps.clock.now()
  for (const [i, s] of PUBLISHED.entries()) {
    const at = daysBefore(now, s.daysAgo)
    await deps.store.stories.insert(
      record({
        id: s.id,
        status: 'published',
        title: s.title,
        body: s.body,
        summary: '',
        photo: null,
        tags: s.tags,
        person: s.person,
        authorOpenid: DEMO_STAFF_OPENID,
        authorRole: 'staff',
        subjectOpenid: null,
        subjectConsent: 'given',
        returnReason: null,
        textCheck: { suggest: 'pass', label: 100, traceIds: [`demo-trace-${i + 1}`] },
        mediaCheck: null,
        mediaTimedOut: false,
        featured: s.featured === true,
        order: s.featured ? 1 : 0,
        createdAt: at,
        updatedAt: at,
        submittedAt: at,
        publishedAt: at,
        codeImage: null,
        rev: 1,
      }),
    )
  }
  const at = daysBefore(now, 1)
  const subject = await deps.store.members.get('demo-student-9')
  if (!subject) return
  await deps.store.stories.insert(
    record({
      id: 'sy-demo-review',
      status: 'human_review',
      title: '我们驿站的“接站志愿者”',
      body: `${subject.name}连续三年在开学季组织新生接站。\n想参加的同学可以加群联系驿站。（示例）`,
      summary: '',
      photo: null,
      tags: ['志愿服务'],
      person: { name: subject.name, county: subject.hometownCounty, university: subject.university },
      authorOpenid: 'demo-head-1',
      authorRole: 'station_head',
      subjectOpenid: subject.openid,
      subjectConsent: 'given',
      returnReason: null,
      textCheck: { suggest: 'review', label: 10001, traceIds: ['demo-trace-review'] },
      mediaCheck: null,
      mediaTimedOut: false,
      featured: false,
      order: 0,
      createdAt: at,
      updatedAt: at,
      submittedAt: at,
      publishedAt: null,
      codeImage: null,
      rev: 1,
    }),
  )
}
