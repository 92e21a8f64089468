import { measureCloudBaseCosts, type Cost } from './cloudbase-costs'

/**
 * Budgets of database requests per action on CloudBase (issue 10), measured on the wire-level
 * stand-in, so a change that adds requests to these paths fails here, not on the plan's quota.
 */
jest.setTimeout(120_000)

let costs: Cost[]
beforeAll(async () => {
  costs = await measureCloudBaseCosts({ stations: 60, noticeAudience: 250 })
})
const cost = (label: string) => {
  const found = costs.find((c) => c.label.startsWith(label))
  if (!found) throw new Error(`no measurement for ${label}`)
  return found
}

describe('requests per action on CloudBase', () => {
  it('a sign-up with a place free: at most 5 requests of its own (activity read, insert, gate, flip, and the pipeline fact flag)', () => {
    // The fifth is one conditional update of the member's 报名 flag in pipeline_facts (issue 14),
    // written only when it is not set yet, so the dashboard's 报名 step is right at once.
    expect(cost('`activity.signUp`').store).toBeLessThanOrEqual(5)
  })

  it('a write pays at most 3 requests to the router: the caller read and one idempotency claim filled in', () => {
    const signUp = cost('`activity.signUp`')
    expect(signUp.requests - signUp.store!).toBeLessThanOrEqual(3)
  })

  it('a station list page: at most 4 store requests whatever the page and the number of stations', () => {
    expect(cost('`station.list`').store).toBeLessThanOrEqual(4)
  })

  it('the unread count: at most 2 requests for the whole action, every read projected', () => {
    const unread = cost('`notice.unreadCount`')
    expect(unread.requests).toBeLessThanOrEqual(2)
    expect(unread.projected).toBe(true)
  })

  it('no call has more than 10 requests in flight at once', () => {
    expect(Math.max(...costs.map((c) => c.peak))).toBeLessThanOrEqual(10)
  })

  it('pushes a notice to every authorised member exactly once, in runs of bounded size', () => {
    expect(cost('scheduler push runs').label).toContain('250 pushed')
  })

  it('a push costs about 4 requests per member (mark sending, use the authorisation, log, record); claims go in one insert per round', () => {
    // Plus a few per run and per round: pending pushes, the notice, a page of subscribers and their members, the cursor.
    expect(cost('scheduler push runs').requests).toBeLessThanOrEqual(4 * 250 + 80)
  })
})
