import type { HonourRole, NominationAction, NominationState } from '../../../types'

/**
 * The nomination state machine as ONE plain table: for each state, the actions that may be taken
 * there, the state each leads to, and which roles (in relation to the nomination) may take it.
 * Anything not in the table is refused. Pure: the use cases (honours.ts) decide the role and
 * the guards that need data (publicity over, quota, eligibility), the table decides the move.
 */
export interface Transition {
  to: NominationState
  roles: readonly HonourRole[]
}

type Row = Partial<Record<NominationAction, Transition>>

const WITHDRAWERS: readonly HonourRole[] = ['nominee', 'nominator', 'staff']
const UNIT: readonly HonourRole[] = ['unit', 'staff']
const STAFF: readonly HonourRole[] = ['staff']
const withdraw: Row = { withdraw: { to: 'withdrawn', roles: WITHDRAWERS } }

export const TRANSITIONS: Readonly<Record<NominationState, Row>> = {
  draft: {
    confirm: { to: 'draft', roles: ['nominee'] },
    submit: { to: 'submitted', roles: ['nominator'] },
    ...withdraw,
  },
  submitted: {
    return: { to: 'returned', roles: UNIT },
    start_publicity: { to: 'unit_publicity', roles: UNIT },
    ...withdraw,
  },
  returned: { revise: { to: 'draft', roles: ['nominator'] }, ...withdraw },
  unit_publicity: {
    unit_approve: { to: 'unit_approved', roles: UNIT },
    unit_reject: { to: 'unit_rejected', roles: UNIT },
    ...withdraw,
  },
  unit_approved: { recommend: { to: 'screening', roles: UNIT }, ...withdraw },
  unit_rejected: {},
  screening: {
    screen_pass: { to: 'jury_review', roles: STAFF },
    screen_reject: { to: 'screening_rejected', roles: STAFF },
    ...withdraw,
  },
  screening_rejected: {},
  jury_review: {
    shortlist: { to: 'shortlisted', roles: STAFF },
    not_shortlist: { to: 'not_shortlisted', roles: STAFF },
    ...withdraw,
  },
  shortlisted: { publish_notice: { to: 'public_notice', roles: STAFF }, ...withdraw },
  not_shortlisted: {},
  public_notice: {
    object: { to: 'objection_check', roles: ['public'] },
    close_notice: { to: 'approved', roles: STAFF },
    ...withdraw,
  },
  objection_check: {
    // Further objections during the check are recorded too; the state stays.
    object: { to: 'objection_check', roles: ['public'] },
    dismiss_objections: { to: 'approved', roles: STAFF },
    uphold_objection: { to: 'disqualified', roles: STAFF },
    ...withdraw,
  },
  disqualified: {},
  approved: { award: { to: 'awarded', roles: STAFF }, ...withdraw },
  awarded: { revoke: { to: 'revoked', roles: STAFF } },
  revoked: {},
  withdrawn: {},
}

/** Stable refusal codes: the action does not exist in this state, or not for these roles. */
export type TransitionRefusal = 'HONOUR_BAD_TRANSITION' | 'HONOUR_ROLE_FORBIDDEN'

export type TransitionOutcome = { ok: true; to: NominationState } | { ok: false; code: TransitionRefusal }

/** The move `action` makes from `state` for a caller holding `roles`, or why it is refused. */
export function transition(state: NominationState, action: NominationAction, roles: readonly HonourRole[]): TransitionOutcome {
  const row = TRANSITIONS[state][action]
  if (!row) return { ok: false, code: 'HONOUR_BAD_TRANSITION' }
  return row.roles.some((role) => roles.includes(role)) ? { ok: true, to: row.to } : { ok: false, code: 'HONOUR_ROLE_FORBIDDEN' }
}

/** States from which nothing moves on (terminal): the table's empty rows. */
export const isFinal = (state: NominationState): boolean => Object.keys(TRANSITIONS[state]).length === 0
