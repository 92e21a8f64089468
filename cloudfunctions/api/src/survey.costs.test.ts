import type { CloudBaseStandIn } from '../../core/adapters/cloudbase/testing/stand-in'
import { data, makeTestApi, profile } from './test-support'

/**
 * Database requests of `survey.submit` on CloudBase, counted on the wire-level stand-in (the real
 * SDK builds each request): the call a whole audience makes in the days after a survey goes out.
 * The router's caller read and idempotency requests are included.
 */
const clock = { now: () => new Date('2026-10-08T10:00:00.000+08:00') }

it('a submission stays within its request budget', async () => {
  const t = makeTestApi({ staff: ['staff-1', 'staff-2'], clock, adapter: 'cloudbase' })
  const standIn = t.standIn as CloudBaseStandIn
  const count = async (label: string, fn: () => Promise<unknown>) => {
    const result = await standIn.tagged(`cost:${label}`, fn)
    expect(result).toMatchObject({ ok: true })
    return standIn.requestsOf(`cost:${label}`).length
  }
  try {
    for (const o of ['m1', 'm2']) data(await t.call(o, 'member.register', profile({ name: o, hometownCounty: 'suiping' })))
    const created = data(
      await t.call('staff-1', 'survey.create', {
        title: '活动满意度',
        intro: '',
        identityMode: 'anonymous_tracked',
        audience: { countyIds: ['suiping'] },
        definition: {
          pages: [{ id: 'p1', questions: [{ id: 'q', kind: 'single', title: '选一个', required: true, options: [{ id: 'a', label: 'A', quota: 5 }, { id: 'b', label: 'B' }] }] }],
        },
      }),
    )
    data(await t.call('staff-2', 'survey.approve', { id: created.id }))
    data(await t.call('staff-1', 'survey.publish', { id: created.id }))
    // Straight from the list: no draft was saved.
    const plain = await count('submit', () => t.call('m1', 'survey.submit', { id: created.id, answers: { q: 'a' } }, 'req-submit-1'))
    // After saving a draft: one more, the draft's removal.
    data(await t.call('m2', 'survey.saveDraft', { id: created.id, pageId: 'p1', answers: { q: 'a' } }))
    const afterDraft = await count('submit-draft', () => t.call('m2', 'survey.submit', { id: created.id, answers: { q: 'a' } }, 'req-submit-2'))
    // submit (9): the router's 3 (caller; idempotency claim and answer), the survey (no counter
    // read) and the recipient, the status flip, the option's quota and the response counter
    // (conditional increments whose caps come from the definition), the response. Before: 12.
    expect(plain).toBeLessThanOrEqual(9)
    expect(afterDraft).toBeLessThanOrEqual(plain + 1)
  } finally {
    await t.close()
  }
})
