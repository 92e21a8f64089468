import type { Page, Policy } from '../../../../types'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import type { MatchProfile, PolicyChanges, PolicyMatch, PolicyQuery, PolicyRecord, PolicyStore } from '../../policy/ports'
import { COLLECTIONS, type Collections } from './collections'
import { checked, documentsOf, isDuplicateWrite, type DbCollection, type DbQuery, type RawDocument } from './database'
import { allOf, getDocument, MAX_READ, propertyNames, SWEEP_MAX_ROUNDS, SWEEP_PAGE_SIZE, text, textOrNull, updateWhere } from './docs'

/**
 * Search on CloudBase has no full-text index: each word is a case-insensitive `db.RegExp` over the
 * escaped word (every regular-expression character escaped: user text is never a pattern) on
 * title, summary and bodyText, the words ANDed (`_.and` of `_.or`s). The matches come newest first
 * (publishedAt desc, _id) and only the first SEARCH_WINDOW of them are ranked, in memory, by how
 * many words are in the title, then in the summary, then by that order; the page is sliced from
 * the ranked window. So for a query matching more than SEARCH_WINDOW policies, an older title hit
 * beyond the window is not found; the use case stops paging at offset 500 with pages of at most
 * 50, which the window covers, so the pages of one query are slices of one ranking.
 */
export const SEARCH_WINDOW = 600
/**
 * Matching reads at most this many published candidates sharing a target with the profile
 * (newest first), then checks every limited dimension in code: a profile whose targets are
 * shared by more than MATCH_WINDOW policies may miss older ones.
 */
export const MATCH_WINDOW = MAX_READ
/** Rounds of a favourites page (favourites of unpublished policies are skipped, not shown). */
export const FAVORITE_ROUNDS = 10

/** Only what ranking needs: the body stays on the server until the page is known. */
const RANKING_FIELDS = { _id: true, title: true, summary: true, publishedAt: true }
const MATCHING_FIELDS = { _id: true, fields: true, degrees: true, counties: true, publishedAt: true }

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [])

export function policyFromDocument(doc: RawDocument): PolicyRecord {
  return {
    id: String(doc._id),
    title: text(doc.title),
    category: doc.category as Policy['category'],
    summary: text(doc.summary),
    body: text(doc.body),
    bodyText: text(doc.bodyText),
    issuer: text(doc.issuer),
    docNumber: text(doc.docNumber),
    fields: list(doc.fields),
    degrees: list(doc.degrees),
    counties: list(doc.counties),
    effectiveFrom: textOrNull(doc.effectiveFrom),
    effectiveUntil: textOrNull(doc.effectiveUntil),
    sourceUrl: textOrNull(doc.sourceUrl),
    tags: list(doc.tags),
    status: doc.status === 'published' ? 'published' : 'draft',
    publishedAt: textOrNull(doc.publishedAt),
    createdAt: text(doc.createdAt),
    updatedAt: text(doc.updatedAt),
  }
}

/** The writable properties (the Record type keeps the list complete). */
const CHANGEABLE_KEYS = propertyNames<keyof PolicyChanges>({
  title: true,
  category: true,
  summary: true,
  body: true,
  bodyText: true,
  issuer: true,
  docNumber: true,
  fields: true,
  degrees: true,
  counties: true,
  effectiveFrom: true,
  effectiveUntil: true,
  sourceUrl: true,
  tags: true,
})

/** How many of fields / degrees / counties the policy limits (0: for everyone). */
export const dimsOf = (p: Pick<PolicyRecord, 'fields' | 'degrees' | 'counties'>): number =>
  [p.fields, p.degrees, p.counties].filter((l) => l.length > 0).length

/** The targets of a policy this profile meets, or null when a limited dimension is not met (or none is limited). */
export function metTargets(doc: RawDocument, profile: MatchProfile): string[] | null {
  const met: string[] = []
  let limited = 0
  const mine = new Set(profile.fields)
  const dimensions: [string, string[], (v: string) => boolean][] = [
    ['field', list(doc.fields), (v) => mine.has(v)],
    ['degree', list(doc.degrees), (v) => v === profile.degree],
    ['county', list(doc.counties), (v) => v === profile.county],
  ]
  for (const [dim, values, fits] of dimensions) {
    if (values.length === 0) continue
    limited += 1
    const hits = values.filter(fits)
    if (hits.length === 0) return null
    met.push(...hits.map((v) => `${dim}:${v}`))
  }
  return limited > 0 ? met : null
}

export const favoriteId = (openid: string, policyId: string) => `${openid}:${policyId}`

/**
 * Policies in CloudBase: `policies`, `_id` = policy id, the record's camelCase properties (the
 * target arrays `fields` / `degrees` / `counties` among them) plus `dims`, how many of them the
 * policy limits. Favourites: `policy_favorites`, `_id` = `${openid}:${policyId}`, {openid,
 * policyId, at}. Search and matching: see SEARCH_WINDOW and MATCH_WINDOW.
 *
 * Indexes: `policies` (status, publishedAt, _id), (fields), (degrees), (counties), (category);
 * `policy_favorites` (openid, at, policyId).
 */
export class CloudBasePolicyStore implements PolicyStore {
  constructor(private readonly collections: Collections) {}

  private get _() {
    return this.collections.command
  }

  async create(p: PolicyRecord): Promise<void> {
    const { id, ...rest } = p
    await this.collections.run(COLLECTIONS.policies, (c) => checked(c.add({ _id: id, ...rest, dims: dimsOf(p) })))
  }

  async get(id: string): Promise<PolicyRecord | null> {
    const doc = await getDocument(this.collections, COLLECTIONS.policies, id)
    return doc ? policyFromDocument(doc) : null
  }

  /** Reads first, so that `dims` follows the merged targets; `doc.update` never inserts. */
  async update(id: string, changes: PolicyChanges, at: string): Promise<PolicyRecord | null> {
    const current = await this.get(id)
    if (!current) return null
    const data: Record<string, unknown> = { updatedAt: at }
    for (const key of CHANGEABLE_KEYS) if (changes[key] !== undefined) data[key] = changes[key]
    data.dims = dimsOf({ ...current, ...(data as Partial<PolicyRecord>) })
    await this.collections.run(COLLECTIONS.policies, (c) => checked(c.doc(id).update(data)))
    return this.get(id)
  }

  /** One conditional write (`status: _.neq(status)`): false when it already was. */
  async setStatus(id: string, status: Policy['status'], at: string): Promise<boolean> {
    const data: Record<string, unknown> = { status, updatedAt: at }
    if (status === 'published') data.publishedAt = at
    return (await updateWhere(this.collections, COLLECTIONS.policies, { _id: id, status: this._.neq(status) }, data)) === 1
  }

  /** The escaped-regexp condition of one word: it is in the title, the summary or the body text. */
  private wordCondition(word: string, properties: string[]): object {
    const pattern = () => this.collections.contains(word)
    return this._.or(properties.map((p) => ({ [p]: pattern() }))) as object
  }

  async search(q: PolicyQuery): Promise<{ items: PolicyRecord[]; more: boolean }> {
    const _ = this._
    const conditions: object[] = []
    if (!q.includeDrafts) conditions.push({ status: 'published' })
    if (q.status) conditions.push({ status: q.status })
    for (const word of q.words) conditions.push(this.wordCondition(word, ['title', 'summary', 'bodyText']))
    if (q.category) conditions.push({ category: q.category })
    // An array property equals a value when one of its elements does.
    if (q.field) conditions.push({ fields: q.field })
    if (q.degree) conditions.push({ degrees: q.degree })
    if (q.county) conditions.push({ counties: q.county })
    if (q.tag) conditions.push({ tags: q.tag })
    if (q.inEffectOn) {
      const day = q.inEffectOn
      conditions.push(
        _.or([{ effectiveFrom: null }, { effectiveFrom: _.lte(day) }]) as object,
        _.or([{ effectiveUntil: null }, { effectiveUntil: _.gte(day) }]) as object,
      )
    }
    const end = q.offset + q.limit
    // Without words the order is the database's own: read just past the page.
    const window = Math.min(MAX_READ, q.words.length > 0 ? Math.max(SEARCH_WINDOW, end + 1) : end + 1)
    const candidates = documentsOf(
      await this.collections.run(COLLECTIONS.policies, (c) =>
        checked(
          this.where(c, conditions)
            .field(RANKING_FIELDS)
            .orderBy('publishedAt', 'desc')
            .orderBy('_id', 'asc')
            .limit(window)
            .get(),
        ),
      ),
    )
    const words = q.words.map((w) => w.toLowerCase())
    const hits = (value: unknown) => {
      const t = text(value).toLowerCase()
      return words.filter((w) => t.includes(w)).length
    }
    const ranked =
      words.length === 0
        ? candidates
        : candidates
            .map((doc, index) => ({ doc, index, title: hits(doc.title), summary: hits(doc.summary) }))
            .sort((a, b) => b.title - a.title || b.summary - a.summary || a.index - b.index)
            .map((r) => r.doc)
    const page = ranked.slice(q.offset, end).map((doc) => String(doc._id))
    return { items: await this.byIds(page), more: ranked.length > end }
  }

  async match(profile: MatchProfile, limit: number): Promise<PolicyMatch[]> {
    const _ = this._
    const any: object[] = [{ degrees: profile.degree }, { counties: profile.county }]
    if (profile.fields.length > 0) any.unshift({ fields: _.in(profile.fields) })
    const candidates = documentsOf(
      await this.collections.run(COLLECTIONS.policies, (c) =>
        checked(
          c
            .where(_.and([{ status: 'published' }, _.or(any) as object]) as object)
            .field(MATCHING_FIELDS)
            .orderBy('publishedAt', 'desc')
            .orderBy('_id', 'asc')
            .limit(MATCH_WINDOW)
            .get(),
        ),
      ),
    )
    const matches = candidates
      .map((doc, index) => ({ id: String(doc._id), index, met: metTargets(doc, profile) }))
      .filter((m): m is { id: string; index: number; met: string[] } => m.met !== null)
      .map((m) => ({ ...m, dims: new Set(m.met.map((t) => t.split(':')[0])).size }))
      .sort((a, b) => b.dims - a.dims || a.index - b.index)
      .slice(0, Math.max(0, limit))
    const policies = new Map((await this.byIds(matches.map((m) => m.id))).map((p) => [p.id, p]))
    return matches.flatMap((m) => {
      const policy = policies.get(m.id)
      return policy && policy.status === 'published' ? [{ policy, met: m.met }] : []
    })
  }

  /** Inserted once: a second favourite of the same policy keeps the first time. */
  async setFavorite(openid: string, policyId: string, on: boolean, at: string): Promise<void> {
    const id = favoriteId(openid, policyId)
    if (!on) {
      await this.collections.run(COLLECTIONS.policyFavorites, (c) => checked(c.doc(id).remove()))
      return
    }
    try {
      await this.collections.run(COLLECTIONS.policyFavorites, (c) => checked(c.add({ _id: id, openid, policyId, at })))
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
    }
  }

  async isFavorite(openid: string, policyId: string): Promise<boolean> {
    return (await getDocument(this.collections, COLLECTIONS.policyFavorites, favoriteId(openid, policyId))) !== null
  }

  /**
   * By (at, policyId) descending, keyset cursor. Favourites of unpublished policies are skipped,
   * so a page reads favourites in rounds until it has `limit + 1` published ones; after
   * FAVORITE_ROUNDS it answers what it found with a cursor past what it read.
   */
  async favorites(openid: string, cursor: string | null, limit: number): Promise<Page<PolicyRecord>> {
    const _ = this._
    let after = decodeCursor(cursor, 2)
    const found: { at: string; policy: PolicyRecord }[] = []
    const batch = Math.min(limit + 1, MAX_READ)
    let exhausted = false
    for (let round = 0; round < FAVORITE_ROUNDS && found.length <= limit; round += 1) {
      const conditions: object[] = [{ openid }]
      if (after) {
        const [at, policyId] = after
        conditions.push(_.or([{ at: _.lt(at) }, { at, policyId: _.lt(policyId) }]) as object)
      }
      const favorites = documentsOf(
        await this.collections.run(COLLECTIONS.policyFavorites, (c) =>
          checked(c.where(allOf(this.collections, conditions)).orderBy('at', 'desc').orderBy('policyId', 'desc').limit(batch).get()),
        ),
      )
      const policies = new Map((await this.byIds(favorites.map((f) => String(f.policyId)))).map((p) => [p.id, p]))
      for (const favorite of favorites) {
        const at = text(favorite.at)
        after = [at, String(favorite.policyId)]
        const policy = policies.get(String(favorite.policyId))
        if (policy && policy.status === 'published') found.push({ at, policy })
        if (found.length > limit) break
      }
      if (favorites.length < batch) {
        exhausted = found.length <= limit
        break
      }
    }
    const page = found.slice(0, limit)
    const last = page[page.length - 1]
    if (found.length > limit && last) return { items: page.map((f) => f.policy), nextCursor: encodeCursor([last.at, last.policy.id]) }
    return { items: page.map((f) => f.policy), nextCursor: exhausted || !after ? null : encodeCursor(after) }
  }

  async forgetMember(openid: string): Promise<void> {
    const _ = this._
    for (let round = 0; round < SWEEP_MAX_ROUNDS; round += 1) {
      const ids = documentsOf(
        await this.collections.run(COLLECTIONS.policyFavorites, (c) =>
          checked(c.where({ openid }).field({ _id: true }).limit(SWEEP_PAGE_SIZE).get()),
        ),
      ).map((d) => d._id)
      if (ids.length === 0) return
      await this.collections.run(COLLECTIONS.policyFavorites, (c) => checked(c.where({ openid, _id: _.in(ids) }).remove()))
      if (ids.length < SWEEP_PAGE_SIZE) return
    }
    throw new Error(`forgetMember: favourites still left after ${SWEEP_MAX_ROUNDS} rounds`)
  }

  private where(collection: DbCollection, conditions: object[]): DbQuery {
    return conditions.length === 0 ? collection : collection.where(allOf(this.collections, conditions))
  }

  /** Full records of these ids (at most a page), in the order given; missing ones left out. */
  private async byIds(ids: string[]): Promise<PolicyRecord[]> {
    const unique = [...new Set(ids)]
    if (unique.length === 0) return []
    const docs = documentsOf(
      await this.collections.run(COLLECTIONS.policies, (c) =>
        checked(c.where({ _id: this._.in(unique) }).limit(Math.min(unique.length, MAX_READ)).get()),
      ),
    )
    const byId = new Map(docs.map((d) => [String(d._id), policyFromDocument(d)]))
    return ids.flatMap((id) => {
      const p = byId.get(id)
      return p ? [p] : []
    })
  }
}
