import { HONOUR_ROLES, NOMINATION_ACTIONS, NOMINATION_STATES, type HonourRole, type NominationAction, type NominationState } from '../../../types'
import { isFinal, transition } from './transitions'

/**
 * The specification, written out independently of the table: `state action → next: roles`.
 * Every state × action × role is then checked against it: a listed triple moves to the listed
 * state, every other one is refused with a stable code.
 */
const SPEC = `
draft confirm → draft: nominee
draft submit → submitted: nominator
submitted return → returned: unit staff
submitted start_publicity → unit_publicity: unit staff
returned revise → draft: nominator
unit_publicity unit_approve → unit_approved: unit staff
unit_publicity unit_reject → unit_rejected: unit staff
unit_approved recommend → screening: unit staff
screening screen_pass → jury_review: staff
screening screen_reject → screening_rejected: staff
jury_review shortlist → shortlisted: staff
jury_review not_shortlist → not_shortlisted: staff
shortlisted publish_notice → public_notice: staff
public_notice object → objection_check: public
public_notice close_notice → approved: staff
objection_check object → objection_check: public
objection_check dismiss_objections → approved: staff
objection_check uphold_objection → disqualified: staff
approved award → awarded: staff
awarded revoke → revoked: staff
`

/** Withdrawn from any live state before the award, by the nominee, the nominator or staff. */
const WITHDRAWABLE: NominationState[] = [
  'draft',
  'submitted',
  'returned',
  'unit_publicity',
  'unit_approved',
  'screening',
  'jury_review',
  'shortlisted',
  'public_notice',
  'objection_check',
  'approved',
]

interface Allowed {
  to: NominationState
  roles: HonourRole[]
}
const allowed = new Map<string, Allowed>()
for (const line of SPEC.trim().split('\n')) {
  const match = /^(\w+) (\w+) → (\w+): (.+)$/.exec(line.trim())
  if (!match) throw new Error(`bad spec line: ${line}`)
  allowed.set(`${match[1]} ${match[2]}`, { to: match[3] as NominationState, roles: match[4].split(' ') as HonourRole[] })
}
for (const state of WITHDRAWABLE) allowed.set(`${state} withdraw`, { to: 'withdrawn', roles: ['nominee', 'nominator', 'staff'] })

describe('the nomination state machine', () => {
  const cases: [NominationState, NominationAction, HonourRole][] = []
  for (const state of NOMINATION_STATES) for (const action of NOMINATION_ACTIONS) for (const role of HONOUR_ROLES) cases.push([state, action, role])

  it('covers every state × action × role (18 × 20 × 5)', () => {
    expect(cases).toHaveLength(NOMINATION_STATES.length * NOMINATION_ACTIONS.length * HONOUR_ROLES.length)
    expect(cases).toHaveLength(1800)
  })

  it.each(NOMINATION_STATES)('from %s: allows exactly the specified moves and refuses every other with a stable code', (state) => {
    for (const action of NOMINATION_ACTIONS) {
      const spec = allowed.get(`${state} ${action}`)
      for (const role of HONOUR_ROLES) {
        const outcome = transition(state, action, [role])
        if (spec && spec.roles.includes(role)) expect([action, role, outcome]).toEqual([action, role, { ok: true, to: spec.to }])
        else if (spec) expect([action, role, outcome]).toEqual([action, role, { ok: false, code: 'HONOUR_ROLE_FORBIDDEN' }])
        else expect([action, role, outcome]).toEqual([action, role, { ok: false, code: 'HONOUR_BAD_TRANSITION' }])
      }
    }
  })

  it('lets a caller with several roles act on any one of them, and refuses one with none', () => {
    expect(transition('draft', 'submit', ['nominee', 'nominator'])).toEqual({ ok: true, to: 'submitted' })
    expect(transition('draft', 'submit', [])).toEqual({ ok: false, code: 'HONOUR_ROLE_FORBIDDEN' })
  })

  it('ends in final states only where the process ends, and never withdraws an award', () => {
    const finals = NOMINATION_STATES.filter(isFinal)
    expect(finals.sort()).toEqual(['disqualified', 'not_shortlisted', 'revoked', 'screening_rejected', 'unit_rejected', 'withdrawn'])
    expect(transition('awarded', 'withdraw', ['staff'])).toEqual({ ok: false, code: 'HONOUR_BAD_TRANSITION' })
  })
})
