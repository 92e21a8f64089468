import { data, makeTestApi, profile, publishActivity } from './test-support'

/** Waitlist fairness in every path (M-4), through the router on real SQLite. */
const STAFF = 'staff-1'
let now = new Date('2026-07-01T10:00:00.000+08:00')
const clock = { now: () => now }
let t: ReturnType<typeof makeTestApi>

beforeEach(() => {
  now = new Date('2026-07-01T10:00:00.000+08:00')
  t = makeTestApi({ staff: [STAFF], clock })
})
afterEach(() => t.close())

/** An activity with 2 places held and `waiting` members on the waitlist, each having authorised a result push. */
async function fullActivity(waiting: number) {
  const activity = await publishActivity(t, STAFF, { title: '暑期社会实践', description: '走进驻马店的产业园区。' })
  const people = Array.from({ length: 2 + waiting }, (_, i) => `p${i}`)
  for (const openid of people) {
    data(await t.call(openid, 'member.register', profile({ name: openid })))
    data(await t.call(openid, 'activity.signUp', { activityId: activity.id, subscribed: ['result'] }))
  }
  return { activity, people }
}

const statusOf = async (openid: string, activityId: string) => data(await t.call(openid, 'activity.get', { id: activityId })).myRegistration
const pushedTo = async (openid: string) => data(await t.call(openid, 'message.outbox', {})).items
const inboxTitles = async (openid: string) => data(await t.call(openid, 'notice.inbox', {})).items.map((n) => n.title)

describe('waitlist fairness (M-4)', () => {
  it('raising capacity promotes the waitlist in order before a newcomer gets a place, and tells them', async () => {
    const { activity, people } = await fullActivity(3)
    data(await t.call(STAFF, 'activity.update', { id: activity.id, capacity: 4 }))
    expect((await statusOf('p2', activity.id))?.status).toBe('registered')
    expect((await statusOf('p3', activity.id))?.status).toBe('registered')
    expect(await statusOf('p4', activity.id)).toMatchObject({ status: 'waitlisted', position: 1 })
    expect((await pushedTo('p2')).map((m) => m.data.status)).toEqual(['候补成功，已为你保留名额'])

    data(await t.call('late', 'member.register', profile({ name: '后来的同学' })))
    expect(data(await t.call('late', 'activity.signUp', { activityId: activity.id }))).toMatchObject({ status: 'waitlisted', position: 2 })
    expect(data(await t.call(STAFF, 'activity.get', { id: activity.id }))).toMatchObject({ registeredCount: 4, capacity: 4 })
    expect(people).toHaveLength(5)
  })

  it('turning the waitlist off ends every wait and tells each waiting member', async () => {
    const { activity } = await fullActivity(2)
    data(await t.call(STAFF, 'activity.update', { id: activity.id, waitlist: false }))
    for (const openid of ['p2', 'p3']) {
      expect((await statusOf(openid, activity.id))?.status).toBe('cancelled')
      expect(await inboxTitles(openid)).toEqual([`候补已结束：${activity.title}`])
      expect((await pushedTo(openid)).map((m) => m.data.status)).toEqual(['活动不再设候补，候补已结束'])
    }
    // Those holding a place keep it and hear nothing.
    expect((await statusOf('p0', activity.id))?.status).toBe('registered')
    expect(await inboxTitles('p0')).toEqual([])
    expect(data(await t.call(STAFF, 'activity.get', { id: activity.id })).waitlistCount).toBe(0)
  })

  it('cancelling the activity tells every waiting member and ends their wait', async () => {
    const { activity } = await fullActivity(2)
    data(await t.call(STAFF, 'activity.cancel', { id: activity.id, reason: '场地调整' }))
    for (const openid of ['p2', 'p3']) {
      expect((await statusOf(openid, activity.id))?.status).toBe('cancelled')
      expect(await inboxTitles(openid)).toEqual([`活动取消：${activity.title}`])
      expect((await pushedTo(openid)).length).toBe(1)
    }
    expect((await pushedTo('p0')).map((m) => m.data.status)).toEqual(['活动已取消'])
    expect(data(await t.call(STAFF, 'activity.get', { id: activity.id })).waitlistCount).toBe(0)
  })
})
