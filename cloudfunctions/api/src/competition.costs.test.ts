import type { CloudBaseStandIn } from '../../core/adapters/cloudbase/testing/stand-in'
import { competitionDraft } from './seed-competition'
import { data, makeTestApi, profile } from './test-support'

/**
 * Database requests of the hot competition calls on CloudBase, counted on the wire-level stand-in
 * (the real SDK builds each request): joining by code and submitting a version, the two that
 * crowd in before a deadline. The router's caller read and idempotency pair are included.
 */
const clock = { now: () => new Date('2026-11-20T10:00:00.000+08:00') }

it('joining by code and submitting a version stay within their request budgets', async () => {
  const t = makeTestApi({ clock, adapter: 'cloudbase' })
  const standIn = t.standIn as CloudBaseStandIn
  const count = async (label: string, fn: () => Promise<unknown>) => {
    const result = await standIn.tagged(`cost:${label}`, fn)
    expect(result).toMatchObject({ ok: true })
    return standIn.requestsOf(`cost:${label}`).length
  }
  try {
    const id = data(await t.call('staff-1', 'competition.save', competitionDraft({ rules: { ...competitionDraft().rules, membersMin: 2 }, checklist: [] }))).id
    for (const o of ['lead', 'm2']) data(await t.call(o, 'member.register', profile({ name: o })))
    const team = data(await t.call('lead', 'competition.createTeam', { competitionId: id, trackId: 'tech', name: '队', projectTitle: '项目' }))
    const join = await count('join', () => t.call('m2', 'competition.joinTeam', { code: team.inviteCode }, 'req-join'))
    data(await t.call('m2', 'competition.confirm', { teamId: team.id }))
    const submit = await count('submit', () =>
      t.call('lead', 'competition.submit', { teamId: team.id, abstract: '简介', files: [{ name: 'a.pdf', fileId: 'x' }] }, 'req-submit'),
    )
    // join (14): the router's 5 (caller; idempotency read, claim, read, answer), the code, the team,
    // the competition, then one transaction: start, team and person reads, their two writes, commit.
    expect(join).toBeLessThanOrEqual(14)
    // submit (12): the router's 5, the team, the competition, a transaction over the team alone.
    expect(submit).toBeLessThanOrEqual(12)
  } finally {
    await t.close()
  }
})
