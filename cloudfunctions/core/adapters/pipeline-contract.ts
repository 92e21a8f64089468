import { randomBytes } from 'node:crypto'
import type { DestinationRecord, MetricId } from '../../../types'
import { METRIC_IDS } from '../../../types'
import { classifyDestination } from '../pipeline/rules'
import type { Store } from '../shared/store'
import { sampleMember } from './store-contract'
import { aroundSuite, everyPage } from './contract-support'

/** What a run wrote, so an adapter-specific cleanup can remove what the ports cannot. */
export interface PipelineWrittenKeys {
  openids: string[]
  snapshotMonths: string[]
}

export type PipelineContractCleanup = (store: Store, written: PipelineWrittenKeys) => Promise<void>

const T0 = Date.parse('2026-11-01T10:00:00.000+08:00')
/** Successive instants in the stores' own format (`+08:00`), so string order is time order. */
const at = (minutes: number) => {
  const d = new Date(T0 + minutes * 60_000 + 8 * 3_600_000)
  return `${d.toISOString().slice(0, 23)}+08:00`
}

/**
 * The behaviour every adapter of `PipelineStore` must show, through the `Store` ports only: 去向
 * history and verification, the per-member facts every figure counts (after `refreshFacts`, which
 * a store deriving them on read may ignore), count == rows with paging, frozen snapshots of the
 * whole alliance and per station, and forgetting a member. Each run puts its members in a station
 * and a cohort of its own and its snapshots in a month of its own, so counts hold on a shared database.
 */
export function describePipelineStoreContract(name: string, open: () => Promise<Store>, cleanup?: PipelineContractCleanup): void {
  describe(`${name} pipeline contract`, () => {
    const runId = `pl${randomBytes(5).toString('hex')}`
    const stationId = `${runId}-st`
    // A cohort and a snapshot year nobody else uses.
    const cohort = 2200 + (parseInt(runId.slice(2, 6), 16) % 700)
    const year = 3000 + (parseInt(runId.slice(6, 10), 16) % 6000)
    const written = { openids: new Set<string>(), snapshotMonths: new Set<string>() }
    let store: Store
    let counter = 0

    aroundSuite(
      open,
      (opened) => {
        store = opened
      },
      {
        written,
        forgetMember: async (store, openid) => {
          await store.pipeline.forgetMember(openid)
          await store.members.remove(openid)
          await store.pipeline.refreshFacts([openid])
        },
        cleanup,
      },
    )

    async function member(): Promise<string> {
      counter += 1
      const openid = `${runId}-m${String(counter).padStart(2, '0')}`
      written.openids.add(openid)
      expect(await store.members.create({ ...sampleMember(openid), stationId, stationJoinedAt: at(0), graduationYear: cohort })).toBe(true)
      return openid
    }

    let reports = 0
    async function report(openid: string, home: boolean, minutes: number): Promise<DestinationRecord> {
      reports += 1
      const record: DestinationRecord = {
        id: `${runId}-de${String(reports).padStart(3, '0')}`,
        openid,
        status: 'contract',
        workProvince: home ? 'henan' : 'guangdong',
        workCity: home ? '驻马店市' : '深圳市',
        workCounty: home ? 'queshan' : null,
        employer: '',
        field: '',
        reasons: home ? [] : ['pay', 'jobs'],
        reasonText: '',
        considerReturn: home ? null : 'maybe',
        reportedAt: at(minutes),
        verification: null,
        isDemo: false,
      }
      await store.pipeline.addDestination(classifyDestination(record))
      return record
    }

    const count = async (metric: MetricId, extra: { reason?: 'pay' | 'jobs' | 'growth' } = {}) =>
      (await store.pipeline.countFigure({ metric, stationId, cohort, ...extra }, []))[0]?.count ?? 0
    const rows = async (metric: MetricId, limit = 3, extra: { reason?: 'pay' | 'jobs' } = {}) =>
      (await everyPage((cursor) => store.pipeline.listFigure({ metric, stationId, cohort, ...extra }, cursor, limit))).flat().map((r) => r.openid)

    it('keeps every 去向 report as history, newest first, and counts the latest only', async () => {
      const openid = await member()
      const first = await report(openid, false, 10)
      const second = await report(openid, true, 20)
      expect((await store.pipeline.destinationsOf(openid, 10)).map((r) => r.id)).toEqual([second.id, first.id])
      expect(await store.pipeline.destinationsOf(openid, 1)).toEqual([second])
      expect(await store.pipeline.getDestination(first.id)).toEqual(first)
      expect(await store.pipeline.getDestination(`${runId}-missing`)).toBeNull()
      await store.pipeline.refreshFacts([openid])
      expect(await rows('returned', 20)).toContain(openid)
      expect(await rows('notReturned', 20)).not.toContain(openid)
    })

    it('verifies a record once, and 已核实 counts apart from 自报', async () => {
      const openid = await member()
      const record = await report(openid, true, 30)
      await store.pipeline.refreshFacts([openid])
      expect(await rows('returnedVerified', 20)).not.toContain(openid)
      const verification = { at: at(31), byOpenid: 'staff-contract', note: '电话核实' }
      expect(await store.pipeline.verifyDestination(record.id, verification)).toEqual({ ...record, verification })
      expect(await store.pipeline.verifyDestination(record.id, { ...verification, note: '再次' })).toBeNull()
      expect(await store.pipeline.verifyDestination(`${runId}-missing`, verification)).toBeNull()
      await store.pipeline.refreshFacts([openid])
      expect(await rows('returnedVerified', 20)).toContain(openid)
      expect(await rows('returned', 20)).toContain(openid)
    })

    it('counts every metric exactly as it lists, page by page, and in one pass per breakdown', async () => {
      const abroad = [await member(), await member(), await member()]
      const home = [await member(), await member()]
      for (const [i, openid] of abroad.entries()) await report(openid, false, 40 + i)
      for (const [i, openid] of home.entries()) await report(openid, true, 50 + i)
      await member()
      await store.pipeline.refreshFacts([...written.openids])
      const metrics = await store.pipeline.countMetrics({ stationId }, METRIC_IDS, ['cohort'])
      const ours = metrics.find((m) => Number(m.keys.cohort) === cohort)
      for (const metric of METRIC_IDS) {
        const listed = await rows(metric)
        // Paged in threes: no member twice, in openid order, and as many as the count.
        expect([metric, listed.length]).toEqual([metric, new Set(listed).size])
        expect(listed).toEqual([...listed].sort())
        expect([metric, await count(metric)]).toEqual([metric, listed.length])
        expect([metric, ours?.counts[metric] ?? 0]).toEqual([metric, listed.length])
      }
      expect(await count('joined')).toBe(written.openids.size)
      expect(await rows('notReturned', 2, { reason: 'pay' })).toEqual(expect.arrayContaining(abroad))
      expect(await count('notReturned', { reason: 'growth' })).toBe(0)
      const byReason = await store.pipeline.countFigure({ metric: 'notReturned', stationId, cohort }, ['reason'])
      expect(Object.fromEntries(byReason.map((r) => [String(r.keys.reason), r.count]))).toEqual({ pay: await count('notReturned'), jobs: await count('notReturned') })
      const pages = await everyPage((cursor) => store.pipeline.listFigure({ metric: 'joined', stationId, cohort }, cursor, 4))
      expect(pages.slice(0, -1).every((page) => page.length === 4)).toBe(true)
      expect(pages.flat().length).toBe(written.openids.size)
    })

    it('moves a member with a profile edit once the facts are refreshed', async () => {
      const openid = await member()
      await report(openid, true, 60)
      await store.pipeline.refreshFacts([openid])
      expect(await rows('returned', 20)).toContain(openid)
      expect(await store.members.update(openid, { graduationYear: cohort + 1 }, at(61))).not.toBeNull()
      await store.pipeline.refreshFacts([openid])
      expect(await rows('returned', 20)).not.toContain(openid)
      const moved = await store.pipeline.listFigure({ metric: 'returned', stationId, cohort: cohort + 1 }, null, 20)
      expect(moved.items.map((r) => [r.openid, r.cohort, r.workPlace])).toEqual([[openid, cohort + 1, expect.stringContaining('确山县')]])
    })

    it('freezes a month once, for the whole alliance and per station, newest first', async () => {
      const [july, august] = [`${year}-07`, `${year}-08`]
      written.snapshotMonths.add(july).add(august)
      expect(await store.pipeline.saveSnapshot(july, null, at(70), '{"v":1}')).toBe(true)
      expect(await store.pipeline.saveSnapshot(july, null, at(71), '{"v":2}')).toBe(false)
      expect(await store.pipeline.getSnapshot(july, null)).toBe('{"v":1}')
      expect(await store.pipeline.getSnapshot(july, stationId)).toBeNull()
      expect(await store.pipeline.saveSnapshot(july, stationId, at(72), '{"station":1}')).toBe(true)
      expect(await store.pipeline.saveSnapshot(july, stationId, at(73), '{"station":2}')).toBe(false)
      expect(await store.pipeline.saveSnapshot(august, stationId, at(74), '{"station":3}')).toBe(true)
      expect(await store.pipeline.getSnapshot(july, stationId)).toBe('{"station":1}')
      expect(await store.pipeline.snapshotMonths(stationId, 10)).toEqual([august, july])
      expect(await store.pipeline.snapshotMonths(stationId, 1)).toEqual([august])
      expect(await store.pipeline.snapshotMonths(null, 100)).toContain(july)
      expect(await store.pipeline.snapshotMonths(null, 100)).not.toContain(august)
      expect(await store.pipeline.snapshotStations(july)).toEqual([stationId])
      expect(await store.pipeline.snapshotStations(`${year}-09`)).toEqual([])
    })

    it('forgets a member: their reports go, and so do their facts', async () => {
      const openid = await member()
      await report(openid, true, 80)
      await store.pipeline.refreshFacts([openid])
      await store.pipeline.forgetMember(openid)
      await store.members.remove(openid)
      await store.pipeline.refreshFacts([openid])
      written.openids.delete(openid)
      expect(await store.pipeline.destinationsOf(openid, 10)).toEqual([])
      expect(await rows('joined', 50)).not.toContain(openid)
    })
  })
}
