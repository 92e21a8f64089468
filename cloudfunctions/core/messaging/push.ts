import type { Deps } from '../shared/context'
import { toIsoString } from '../shared/clock'
import { newTimeOrderedId } from '../shared/ids'
import type { TemplateKey } from './ports'

/**
 * Pushes a subscribe message where the member authorised one: each authorisation is used up by
 * one message; no authorisation or no configured template, no push (and no error).
 */
export async function pushMessage(
  deps: Deps,
  openid: string,
  template: TemplateKey,
  page: string,
  data: Record<string, string>,
): Promise<boolean> {
  const templateId = deps.push.templates[template]
  if (!templateId) return false
  if (!(await deps.store.messages.consume(openid, template))) return false
  const now = deps.clock.now()
  let errcode: number
  try {
    errcode = (await deps.push.sender.send({ openid, templateId, page, data })).errcode
  } catch {
    errcode = -1
  }
  await deps.store.messages.log({ id: newTimeOrderedId('msg', now), openid, template, page, data, at: toIsoString(now), errcode })
  return errcode === 0
}
