import type { ActionPayload, ActionResult } from '../../../types'
import type { Caller } from '../access/access'
import type { Deps } from '../shared/context'
import { pageSize } from '../shared/cursor'

/** `message.outbox`: the subscribe messages sent to me, newest first (local mode shows them under 我的消息). */
export async function myOutbox(deps: Deps, caller: Caller, input: ActionPayload<'message.outbox'>): Promise<ActionResult<'message.outbox'>> {
  const page = await deps.store.messages.sentTo(caller.openid ?? '', input.cursor ?? null, pageSize(input.limit))
  return { items: page.items.map(({ openid: _openid, ...message }) => message), nextCursor: page.nextCursor }
}
