import type { Page } from '../../../../types'
import type { MessageStore, SentMessage, TemplateKey } from '../../messaging/ports'
import { encodeCursor } from '../../shared/cursor'
import { COLLECTIONS, type Collections } from './collections'
import { checked, documentsOf, isDuplicateWrite, type RawDocument } from './database'
import { keysetPage, SWEEP_MAX_ROUNDS, SWEEP_PAGE_SIZE, updateWhere } from './docs'

/** `_id` of a member's authorisations for one template. */
export const subscriptionId = (openid: string, template: TemplateKey) => `${openid}:${template}`

function messageFromDocument(doc: RawDocument): SentMessage {
  return {
    id: String(doc._id),
    openid: String(doc.openid),
    template: doc.template as TemplateKey,
    page: String(doc.page ?? ''),
    data: (doc.data ?? {}) as Record<string, string>,
    at: String(doc.at),
    errcode: typeof doc.errcode === 'number' ? doc.errcode : 0,
  }
}

/**
 * Subscribe-message authorisations and the log of pushes in CloudBase. `subscriptions`: `_id` =
 * `${openid}:${template}`, {openid, template, remaining}; a grant inserts with remaining 1 or, when
 * the document exists, increments; a consume is `where({_id, remaining: _.gt(0)})
 * .update({remaining: _.inc(-1)})`, so two pushes at once never use one authorisation twice.
 * `message_log`: `_id` = message id, the message's properties. Index (openid, at, _id).
 */
export class CloudBaseMessageStore implements MessageStore {
  constructor(private readonly collections: Collections) {}

  private get _() {
    return this.collections.command
  }

  async grant(openid: string, template: TemplateKey, at: string): Promise<void> {
    const _id = subscriptionId(openid, template)
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const incremented = await updateWhere(this.collections, COLLECTIONS.subscriptions, { _id }, {
        remaining: this._.inc(1),
        grantedAt: at,
      })
      if (incremented === 1) return
      try {
        await this.collections.run(COLLECTIONS.subscriptions, (c) =>
          checked(c.add({ _id, openid, template, remaining: 1, grantedAt: at })),
        )
        return
      } catch (error) {
        // Another grant created it meanwhile: increment that one.
        if (!isDuplicateWrite(error)) throw error
      }
    }
    throw new Error(`grant ${_id}: could not record the authorisation, try again`)
  }

  async consume(openid: string, template: TemplateKey): Promise<boolean> {
    const updated = await updateWhere(
      this.collections,
      COLLECTIONS.subscriptions,
      { _id: subscriptionId(openid, template), remaining: this._.gt(0) },
      { remaining: this._.inc(-1) },
    )
    return updated === 1
  }

  async log(message: SentMessage): Promise<void> {
    const { id, ...rest } = message
    await this.collections.run(COLLECTIONS.messageLog, (c) => checked(c.add({ _id: id, ...rest })))
  }

  /** Newest first by (at, _id), keyset cursor. */
  async sentTo(openid: string, cursor: string | null, limit: number): Promise<Page<SentMessage>> {
    const { docs, more } = await keysetPage(this.collections, COLLECTIONS.messageLog, {
      where: [{ openid }],
      orderBy: ['at', '_id'],
      direction: 'desc',
      cursor,
      limit,
    })
    const items = docs.map(messageFromDocument)
    const last = items[items.length - 1]
    return { items, nextCursor: more && last ? encodeCursor([last.at, last.id]) : null }
  }

  /** The authorisation documents, then the log a bounded page at a time. */
  async forgetMember(openid: string): Promise<void> {
    const _ = this._
    // One document per template: a handful at most.
    await this.collections.run(COLLECTIONS.subscriptions, (c) => checked(c.where({ openid }).remove()))
    for (let round = 0; round < SWEEP_MAX_ROUNDS; round += 1) {
      const ids = documentsOf(
        await this.collections.run(COLLECTIONS.messageLog, (c) =>
          checked(c.where({ openid }).field({ _id: true }).limit(SWEEP_PAGE_SIZE).get()),
        ),
      ).map((d) => d._id)
      if (ids.length === 0) return
      await this.collections.run(COLLECTIONS.messageLog, (c) => checked(c.where({ openid, _id: _.in(ids) }).remove()))
      if (ids.length < SWEEP_PAGE_SIZE) return
    }
    throw new Error(`forgetMember: messages still left after ${SWEEP_MAX_ROUNDS} rounds`)
  }
}
