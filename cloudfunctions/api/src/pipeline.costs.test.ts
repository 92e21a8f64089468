import type { CloudBaseStandIn } from '../../core/adapters/cloudbase/testing/stand-in'
import { data, makeTestApi, profile } from './test-support'

/**
 * Database requests of a head's drill-down on CloudBase (issue 14), counted on the wire-level
 * stand-in (the real SDK builds each request). Checking that the figure is one their dashboard
 * prints computes the table that holds it, not the whole dashboard (~30 requests before).
 */
const clock = { now: () => new Date('2026-07-10T10:00:00.000+08:00') }
const inQueshan = { status: 'contract', workProvince: 'henan', workCity: '驻马店市', workCounty: 'queshan' }

it('a head opens the rows behind one figure with one count, the table it stands in, and one page', async () => {
  const t = makeTestApi({ staff: ['staff-1'], clock, adapter: 'cloudbase' })
  const standIn = t.standIn as CloudBaseStandIn
  const measure = async (label: string, fn: () => Promise<unknown>) => {
    const result = await standIn.tagged(`cost:${label}`, fn)
    expect(result).toMatchObject({ ok: true })
    return standIn.requestsOf(`cost:${label}`)
  }
  try {
    const station = data(await t.call('staff-1', 'station.create', { university: '郑州大学', city: '郑州市' }))
    for (const openid of ['head', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6']) {
      data(await t.call(openid, 'member.register', profile({ name: openid, graduationYear: 2026, hometownCounty: 'queshan' })))
      const request = data(await t.call(openid, 'station.requestJoin', { stationId: station.id }))
      data(await t.call('staff-1', 'station.reviewRequest', { id: request.id, decision: 'approve' }))
    }
    data(await t.call('staff-1', 'station.appointHead', { stationId: station.id, openid: 'head', as: 'head' }))
    for (const openid of ['m1', 'm2', 'm3', 'm4', 'm5']) data(await t.call(openid, 'destination.report', inQueshan))

    const whole = await measure('overview', () => t.call('head', 'dashboard.overview', {}))
    const drill = await measure('returned', () => t.call('head', 'pipeline.members', { metric: 'returned', cohort: 2026, limit: 20 }))
    const headline = await measure('joined', () => t.call('head', 'pipeline.members', { metric: 'joined', limit: 20 }))
    for (const requests of [drill, headline]) {
      // The caller's read; the figure's count and the funnel's two aggregates; one page; the audit
      // entry: 6 (the whole dashboard is 22 here, and the check used to compute it and the funnel).
      expect(requests.filter((r) => r.kind === 'aggregate')).toHaveLength(3)
      expect(requests.filter((r) => r.collection === 'pipeline_facts' && r.kind === 'query')).toHaveLength(1)
      expect(requests.length).toBeLessThanOrEqual(6)
      expect(requests.length * 3).toBeLessThan(whole.length)
    }
  } finally {
    await t.close()
  }
})
