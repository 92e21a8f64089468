import type { ActionName, SendNoticeInput } from '../../../types'
import { COLLECTIONS } from '../../core/adapters/cloudbase/collections'
import type { CloudBaseStandIn, LoggedRequest } from '../../core/adapters/cloudbase/testing/stand-in'
import type { Deps } from '../../core/shared/context'
import type { MessageSender } from '../../core/messaging/ports'
import { runNoticePushes } from '../../core/notice/notice-push'
import { sampleMember } from '../../core/adapters/store-contract'
import { activityDraft, data, makeTestApi, profile, testServices } from './test-support'

/**
 * Database requests per action on CloudBase, counted on the wire-level stand-in (the real SDK
 * builds every request): for the budget tests (cloudbase-costs.test.ts) and `npm run bench`.
 * Each figure is one warm call (the same kind of call made once before), so one-off work such as
 * creating a collection never counts.
 */
export interface Cost {
  label: string
  /** Requests of the whole action: the router's caller read and idempotency pair included. */
  requests: number
  /** The most requests of this call in flight at once. */
  peak: number
  /** Requests of the store call that the budget is about (see `budget`), when measured apart. */
  store?: number
  /** Whether every read of the measured part asked for some fields only. */
  projected?: boolean
}

const STAFF = 'staff-1'
const T0 = new Date('2026-07-01T10:00:00.000+08:00')

export interface CostOptions {
  /** Stations listed (the station list page is 20 of them). */
  stations: number
  /** Members who authorised the notice push, for the push run. */
  noticeAudience: number
}

export async function measureCloudBaseCosts(options: CostOptions): Promise<Cost[]> {
  let now = new Date(T0)
  const clock = { now: () => now }
  const later = (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000)
  }
  const t = makeTestApi({ staff: [STAFF], clock, adapter: 'cloudbase' })
  const standIn = t.standIn as CloudBaseStandIn
  let seq = 0
  const call = <A extends ActionName>(openid: string, action: A, payload: unknown, write = false) => {
    seq += 1
    return t.call(openid, action, payload, write ? `req-cost-${String(seq).padStart(6, '0')}` : undefined)
  }

  /** Runs `fn` as one call and counts its requests. */
  async function measure(label: string, fn: () => Promise<unknown>, storeOf?: (requests: LoggedRequest[]) => LoggedRequest[]): Promise<Cost> {
    const tag = `cost:${label}`
    standIn.resetStats()
    const result = await standIn.tagged(tag, fn)
    if (typeof result === 'object' && result !== null && 'ok' in result && result.ok === false) {
      throw new Error(`${label}: ${JSON.stringify(result)}`)
    }
    const requests = standIn.requestsOf(tag)
    const store = storeOf?.(requests)
    const reads = (store ?? requests).filter((r) => r.kind === 'get' || r.kind === 'query')
    return {
      label,
      requests: requests.length,
      peak: standIn.stats(tag).peakInFlight,
      ...(store ? { store: store.length } : {}),
      projected: reads.every((r) => r.projected),
    }
  }
  /** The router's own requests: the caller's member read and, for writes, the idempotency pair. */
  const withoutRouter = (requests: LoggedRequest[]) =>
    requests.filter((r, i) => !(i === 0 && r.collection === COLLECTIONS.members) && r.collection !== COLLECTIONS.idempotency)

  const costs: Cost[] = []
  try {
    // Members, a station each for most of them, the activity, policies.
    const people = Array.from({ length: 60 }, (_, i) => `m${String(i).padStart(3, '0')}`)
    for (const openid of people) data(await call(openid, 'member.register', profile({ name: openid }), true))
    const stationIds: string[] = []
    for (let i = 0; i < options.stations; i += 1) {
      stationIds.push(data(await call(STAFF, 'station.create', { university: `测试大学${String(i).padStart(3, '0')}`, city: '郑州市' }, true)).id)
    }
    for (const [i, openid] of people.slice(0, 40).entries()) {
      const request = data(await call(openid, 'station.requestJoin', { stationId: stationIds[i % 2]! }, true))
      data(await call(STAFF, 'station.reviewRequest', { id: request.id, decision: 'approve' }, true))
    }
    data(await call(STAFF, 'station.appointHead', { stationId: stationIds[0]!, openid: people[0]!, as: 'head' }, true))
    const activity = data(await call(STAFF, 'activity.create', activityDraft({ capacity: 30 }), true))
    data(await call(STAFF, 'activity.publish', { id: activity.id }, true))
    for (let i = 0; i < 10; i += 1) {
      const policy = data(
        await call(
          STAFF,
          'policy.create',
          { title: `驻马店市创业补贴办法${i}`, category: 'measure', summary: '创业补贴与安家费。', body: '创业补贴', issuer: '驻马店市人社局' },
          true,
        ),
      )
      data(await call(STAFF, 'policy.publish', { id: policy.id }, true))
    }
    const notice = (audience: SendNoticeInput['audience']): SendNoticeInput => ({ title: '暑期实践报名开始', body: '请按时报名。', audience })
    for (let i = 0; i < 5; i += 1) {
      data(await call(STAFF, 'notice.send', notice({ all: true }), true))
      later(1)
    }

    // Sign-up and cancel (each after a warm-up call of its kind by someone else).
    data(await call(people[10]!, 'activity.signUp', { activityId: activity.id }, true))
    costs.push(
      await measure('`activity.signUp`, a place free', () => call(people[11]!, 'activity.signUp', { activityId: activity.id }, true), (requests) =>
        // The sign-up's own requests: the activity read (shared by the rules and the store) and the store's writes.
        withoutRouter(requests),
      ),
    )
    for (const openid of people.slice(12, 30)) data(await call(openid, 'activity.signUp', { activityId: activity.id }, true))
    data(await call(people[30]!, 'activity.signUp', { activityId: activity.id }, true))
    data(await call(people[31]!, 'activity.signUp', { activityId: activity.id }, true))
    data(await call(people[10]!, 'activity.cancelSignUp', { activityId: activity.id }, true))
    costs.push(await measure('`activity.cancelSignUp`, promoting the first waiting', () => call(people[11]!, 'activity.cancelSignUp', { activityId: activity.id }, true)))

    // Lists.
    const list = () => call(people[45]!, 'station.list', { limit: 20 })
    data(await list())
    const listCost = await measure(`\`station.list\`, a page of 20 (${options.stations} stations)`, list)
    // The store's page alone (the action also reads the caller and suggests their university's station).
    const page = await measure('page', () => t.store.stations.list({ q: '', includeClosed: false, cursor: null, limit: 20 }))
    const widest = await measure('widest page', () => t.store.stations.list({ q: '', includeClosed: false, cursor: null, limit: 50 }))
    costs.push({ ...listCost, store: Math.max(page.requests, widest.requests), peak: Math.max(listCost.peak, widest.peak) })
    const roster = () => call(people[0]!, 'station.members', { stationId: stationIds[0]! })
    data(await roster())
    costs.push(await measure('`station.members`, first page', roster))
    const inbox = () => call(people[5]!, 'notice.inbox', {})
    data(await inbox())
    costs.push(await measure('`notice.inbox`, first page', inbox))
    const unread = () => call(people[5]!, 'notice.unreadCount', {})
    data(await unread())
    costs.push(await measure('`notice.unreadCount`', unread, withoutRouter))
    data(await call(STAFF, 'notice.send', notice({ all: true }), true))
    later(1)
    costs.push(await measure('`notice.unreadCount` after a new notice', unread, withoutRouter))
    const search = () => call(people[5]!, 'policy.search', { q: '创业补贴' })
    data(await search())
    costs.push(await measure('`policy.search` "创业补贴"', search))

    // A notice to everyone, and the push runs that reach those who authorised it.
    const audience = options.noticeAudience
    standIn.seed(
      COLLECTIONS.members,
      Array.from({ length: audience }, (_, i) => {
        const { openid, ...member } = sampleMember(`p${String(i).padStart(6, '0')}`)
        return { _id: openid, openid, ...member, joinedAt: '2026-06-01T10:00:00.000+08:00' }
      }),
    )
    standIn.seed(
      COLLECTIONS.subscriptions,
      Array.from({ length: audience }, (_, i) => {
        const openid = `p${String(i).padStart(6, '0')}`
        return { _id: `${openid}:notice`, openid, template: 'notice', remaining: 1, grantedAt: '2026-06-01T10:00:00.000+08:00' }
      }),
    )
    costs.push(await measure(`\`notice.send\` to everyone (${audience.toLocaleString('en')} authorised)`, () => call(STAFF, 'notice.send', notice({ all: true }), true)))
    later(1)
    const sender: MessageSender = { send: async () => ({ errcode: 0 }) }
    const deps: Deps = { store: t.store, clock, ...testServices, push: { sender, templates: { reminder: null, result: null, notice: 'tpl-notice' } } }
    let runs = 0
    let requests = 0
    let peak = 0
    let pushed = 0
    for (;;) {
      const tag = `push-run-${runs}`
      standIn.resetStats()
      const run = await standIn.tagged(tag, () => runNoticePushes(deps))
      runs += 1
      requests += standIn.requestsOf(tag).length
      peak = Math.max(peak, standIn.stats(tag).peakInFlight)
      pushed += run.pushed
      if (run.pushed === 0) break
    }
    costs.push({ label: `scheduler push runs for it (${runs}, ${pushed.toLocaleString('en')} pushed)`, requests, peak })
  } finally {
    await t.close()
  }
  return costs
}
