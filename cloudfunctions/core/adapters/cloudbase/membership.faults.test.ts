import type { NoticeAudience } from '../../../../types'
import { toIsoString } from '../../shared/clock'
import type { Deps } from '../../shared/context'
import type { MessageSender } from '../../messaging/ports'
import { runNoticePushes } from '../../notice/notice-push'
import type { StationRecord } from '../../station/ports'
import { sampleMember } from '../store-contract'
import { qrCodes } from '../files/qr-codes'
import { qrInvites } from '../files/qr-invites'
import { htmlSanitizer } from '../html/sanitizer'
import { excelSpreadsheets } from '../files/spreadsheets'
import { COLLECTIONS } from './collections'
import { createCloudBaseStore } from './store'
import { CloudBaseStandIn } from './testing/stand-in'
import { localContentSecurity } from '../files/local-content-security'


// A sweep replays the call once per request it makes: generous, so a busy machine does not fail it.
jest.setTimeout(90_000)
/**
 * The crash windows of approving a join request, appointing a station head, and pushing a
 * notice in batches, on the real SDK and the stand-in: a fault at any one request of the call
 * (refused, applied then lost, or the call dying there), with a concurrent call of the same
 * kind; then the repair (a retry, the next scheduler runs). Nobody is both in and out, no
 * leader lacks the role, and no push goes out twice.
 */
const T = '2026-11-01T10:00:00.000+08:00'
type Fault = 'throttled' | 'timed-out' | 'killed'
const FAULTS: Fault[] = ['throttled', 'timed-out', 'killed']

function inject(standIn: CloudBaseStandIn, fault: Fault, index: number) {
  if (fault === 'throttled') standIn.failAt(index, 'before', { tag: 'victim' })
  else if (fault === 'timed-out') standIn.failAt(index, 'after', { tag: 'victim' })
  else standIn.killAfter(index, { tag: 'victim' })
}

const stationRecord = (id: string, overrides: Partial<StationRecord> = {}): StationRecord => ({
  id,
  name: `${id}驿站`,
  university: `${id}大学`,
  city: '郑州市',
  intro: '',
  status: 'open',
  headOpenid: null,
  deputyOpenids: [],
  createdAt: T,
  updatedAt: T,
  closedAt: null,
  isDemo: false,
  ...overrides,
})

async function stationWorld() {
  const standIn = new CloudBaseStandIn({ autoCreateCollections: true })
  const store = createCloudBaseStore(standIn.database())
  await store.stations.create(stationRecord('s1'))
  const join = async (openid: string, requestId: string) => {
    await store.members.create(sampleMember(openid))
    await store.membership.createRequest({ id: requestId, stationId: 's1', openid, note: '', status: 'pending', reason: '', createdAt: T, decidedAt: null, decidedBy: null })
  }
  return { standIn, store, join }
}

/** Whatever happened, a member is in the station exactly when their request is approved and a stay is open. */
function expectMembershipConsistent(standIn: CloudBaseStandIn) {
  const members = standIn.documents(COLLECTIONS.members)
  const stays = standIn.documents(COLLECTIONS.stationMemberships).filter((s) => s.leftAt === null)
  for (const request of standIn.documents(COLLECTIONS.joinRequests)) {
    const member = members.find((m) => m._id === request.openid)!
    const open = stays.filter((s) => s.openid === request.openid && s.stationId === request.stationId)
    if (request.status === 'approved') {
      expect({ request: request._id, stationId: member.stationId, stays: open.length }).toEqual({ request: request._id, stationId: request.stationId, stays: 1 })
    } else {
      expect({ request: request._id, stationId: member.stationId, stays: open.length }).toEqual({ request: request._id, stationId: null, stays: 0 })
    }
  }
}

/** Every leader the station names holds the role, and every role-holder of the station is named. */
function expectLeadersConsistent(standIn: CloudBaseStandIn) {
  const station = standIn.documents(COLLECTIONS.stations).find((s) => s._id === 's1')!
  const named = [station.headOpenid, ...(station.deputyOpenids as string[])].filter((o): o is string => typeof o === 'string').sort()
  const holders = standIn
    .documents(COLLECTIONS.members)
    .filter((m) => m.stationId === 's1' && m.role === 'station_head')
    .map((m) => String(m._id))
    .sort()
  expect(holders).toEqual(named)
}

describe.each(FAULTS)('approving a join request, %s at any one of its requests', (fault) => {
  it('leaves the member in the station exactly when the request is approved; a retry finishes it', async () => {
    const prepare = async () => {
      const w = await stationWorld()
      await w.join('m1', 'r1')
      await w.join('m2', 'r2')
      return w
    }
    let total = 0
    {
      const w = await prepare()
      w.standIn.resetStats()
      await w.standIn.tagged('victim', () => w.store.membership.approveRequest('r1', 'head', T))
      total = w.standIn.stats('victim').requests
    }
    expect(total).toBeGreaterThanOrEqual(5)
    for (let index = 1; index <= total; index += 1) {
      const w = await prepare()
      inject(w.standIn, fault, index)
      await Promise.allSettled([
        w.standIn.tagged('victim', () => w.store.membership.approveRequest('r1', 'head', T)),
        // Another head decides the same request, and another one, at the same moment.
        w.store.membership.approveRequest('r1', 'other-head', T),
        w.store.membership.approveRequest('r2', 'other-head', T),
      ])
      w.standIn.clearFaults()
      expectMembershipConsistent(w.standIn)
      expect(['approved', 'not_pending']).toContain(await w.store.membership.approveRequest('r1', 'head', T))
      expectMembershipConsistent(w.standIn)
      expect((await w.store.members.get('m1'))?.stationId).toBe('s1')
    }
  })
})

describe.each(FAULTS)('appointing a station head, %s at any one of its requests', (fault) => {
  it('never leaves a named leader without the role, or a role-holder unnamed; a retry finishes it', async () => {
    const prepare = async () => {
      const w = await stationWorld()
      for (const openid of ['h0', 'h1', 'h2']) {
        await w.join(openid, `r-${openid}`)
        expect(await w.store.membership.approveRequest(`r-${openid}`, 'staff', T)).toBe('approved')
      }
      expect(await w.store.stations.appointLeader('s1', 'h0', 'head', T)).toBe('ok')
      return w
    }
    let total = 0
    {
      const w = await prepare()
      w.standIn.resetStats()
      await w.standIn.tagged('victim', () => w.store.stations.appointLeader('s1', 'h1', 'head', T))
      total = w.standIn.stats('victim').requests
    }
    expect(total).toBeGreaterThanOrEqual(5)
    for (let index = 1; index <= total; index += 1) {
      const w = await prepare()
      inject(w.standIn, fault, index)
      await Promise.allSettled([
        w.standIn.tagged('victim', () => w.store.stations.appointLeader('s1', 'h1', 'head', T)),
        w.store.stations.appointLeader('s1', 'h2', 'deputy', T),
      ])
      w.standIn.clearFaults()
      expectLeadersConsistent(w.standIn)
      expect(await w.store.stations.appointLeader('s1', 'h1', 'head', T)).toBe('ok')
      expectLeadersConsistent(w.standIn)
      expect((await w.store.stations.get('s1'))?.headOpenid).toBe('h1')
    }
  })
})

describe.each(FAULTS)('pushing a notice in batches, %s at any one request of a run', (fault) => {
  const everyone: NoticeAudience = { all: true, stationIds: [], countyIds: [], fieldIds: [], degreeIds: [], graduationYears: [], activityId: null, activityStatus: null }

  async function pushWorld() {
    const standIn = new CloudBaseStandIn({ autoCreateCollections: true })
    const store = createCloudBaseStore(standIn.database())
    let now = new Date('2026-11-01T10:00:00.000+08:00')
    // Three members, batches of two: two claimed batches per run, every step of the loop exercised.
    const openids = Array.from({ length: 3 }, (_, i) => `p${i}`)
    for (const openid of openids) {
      await store.members.create({ ...sampleMember(openid), joinedAt: '2026-10-01T10:00:00.000+08:00' })
      await store.messages.grant(openid, 'notice', T)
    }
    await store.notices.create(
      {
        id: 'n1',
        title: '通知',
        body: '正文',
        link: null,
        audience: everyone,
        origin: 'manual',
        senderOpenid: 'staff-1',
        senderRole: 'staff',
        senderLabel: '共青团驻马店市委',
        stationId: null,
        sendAt: toIsoString(now),
        createdAt: toIsoString(now),
        recipients: openids.length,
        withdrawnAt: null,
      },
      null,
    )
    const sent: string[] = []
    const sender: MessageSender = {
      send: async ({ openid }) => {
        sent.push(openid)
        return { errcode: 0 }
      },
    }
    const deps: Deps = {
      store,
      clock: { now: () => now },
      files: { spreadsheets: excelSpreadsheets, invites: qrInvites(() => 'http://127.0.0.1:10086'), qrCodes, html: htmlSanitizer },
      push: { sender, templates: { reminder: null, result: null, notice: 'tpl-notice' } },
      checkInSecret: 'test-check-in-secret-0123456789',
      contentSecurity: localContentSecurity({ hold: true }),
    }
    const later = (minutes: number) => {
      now = new Date(now.getTime() + minutes * 60_000)
    }
    return { standIn, store, deps, sent, later, openids }
  }

  it('never sends anyone the notice twice, and later runs finish the rest', async () => {
    let total = 0
    {
      const w = await pushWorld()
      w.standIn.resetStats()
      await w.standIn.tagged('victim', () => runNoticePushes(w.deps, { batch: 2 }))
      total = w.standIn.stats('victim').requests
      expect(w.sent.sort()).toEqual(w.openids)
    }
    for (let index = 1; index <= total; index += 1) {
      const w = await pushWorld()
      inject(w.standIn, fault, index)
      // A second scheduler instance runs at the same time.
      await Promise.allSettled([w.standIn.tagged('victim', () => runNoticePushes(w.deps, { batch: 2 })), runNoticePushes(w.deps, { batch: 2 })])
      w.standIn.clearFaults()
      // The next runs, after the stale time: whatever was left `sending` is never sent again.
      w.later(10)
      await runNoticePushes(w.deps, { batch: 2 })
      w.later(10)
      await runNoticePushes(w.deps, { batch: 2 })
      expect(new Set(w.sent).size).toBe(w.sent.length)
      const pushes = w.standIn.documents(COLLECTIONS.noticePushes)
      expect(pushes.filter((p) => p.state === 'pending' || p.state === 'sending')).toEqual([])
      // Every member has a settled record, and every one recorded sent did get it.
      expect(pushes.map((p) => p.openid).sort()).toEqual(w.openids)
      for (const p of pushes.filter((p) => p.state === 'sent')) expect(w.sent).toContain(p.openid)
    }
  })
})
