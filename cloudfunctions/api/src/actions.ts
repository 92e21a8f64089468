import type { ActionName, ActionPayload, ActionResult } from '../../../types'
import { toIsoString } from '../../core/clock'
import type { Deps } from '../../core/context'
import { deleteMyAccount, exportMyData, registerMember, updateMember } from '../../core/members'
import { isAnyone, isMember, isSignedIn, isStaff, type Caller, type Policy } from '../../core/policies'
import { listTaxonomy, saveField } from '../../core/taxonomy'

export interface ActionDef<A extends ActionName> {
  /** Checked before the use case runs, on the server-resolved caller. */
  policy: Policy<ActionPayload<A>>
  /** A write that a retry could repeat: a `requestId` makes it return its first result. */
  write?: boolean
  run(deps: Deps, caller: Caller, input: ActionPayload<A>): Promise<ActionResult<A>>
}

type ActionTable = { [A in ActionName]: ActionDef<A> }

/** Every action of the `api` function: its policy and its use case. Schemas live in `types/`. */
export const actionTable: ActionTable = {
  'system.ping': {
    policy: isAnyone,
    run: async (deps) => ({ pong: true, time: toIsoString(deps.clock.now()) }),
  },
  'taxonomy.list': {
    policy: isAnyone,
    run: (deps) => listTaxonomy(deps),
  },
  'taxonomy.saveField': {
    policy: isStaff,
    write: true,
    run: (deps, _caller, input) => saveField(deps, input),
  },
  'member.register': {
    policy: isSignedIn,
    write: true,
    run: registerMember,
  },
  'member.me': {
    policy: isSignedIn,
    run: async (_deps, caller) => caller.member,
  },
  'member.update': {
    policy: isMember,
    write: true,
    run: updateMember,
  },
  'member.exportMine': {
    policy: isMember,
    run: exportMyData,
  },
  'member.deleteMine': {
    policy: isMember,
    write: true,
    run: deleteMyAccount,
  },
}
