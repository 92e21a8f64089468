import type {
  DemandDraft,
  Page,
  Platform,
  PlatformActivityLine,
  PlatformContactPerson,
  PlatformDemandLine,
  PlatformInvite,
  PlatformParticipant,
} from '../../../../types'
import { encodeCursor } from '../../shared/cursor'
import type { MemberCandidate, PlatformChanges, PlatformListQuery, PlatformStore } from '../../platform/ports'
import { activityFromDocument, ANYONE } from './activities'
import { COLLECTIONS, type Collections } from './collections'
import { checked, deletedCount, documentsOf, isDuplicateWrite, totalOf, type RawDocument } from './database'
import { allOf, getDocument, keysetPage, mapBounded, num, propertyNames, text, textOrNull, updateWhere } from './docs'

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [])

export function platformFromDocument(doc: RawDocument): Platform {
  const contact = doc.contact as Platform['contact'] | undefined
  return {
    id: String(doc._id),
    kind: doc.kind as Platform['kind'],
    name: text(doc.name),
    county: doc.county as Platform['county'],
    fields: list(doc.fields),
    degrees: list(doc.degrees) as Platform['degrees'],
    intro: text(doc.intro),
    hostOrg: text(doc.hostOrg),
    partnerUniversities: list(doc.partnerUniversities),
    contact: contact && typeof contact === 'object' ? { name: text(contact.name), phone: text(contact.phone), note: text(contact.note) } : null,
    photos: list(doc.photos),
    offers: list(doc.offers) as Platform['offers'],
    status: doc.status === 'archived' ? 'archived' : 'active',
    createdAt: text(doc.createdAt),
    updatedAt: text(doc.updatedAt),
    isDemo: doc.isDemo === true,
  }
}

const CHANGEABLE_KEYS = propertyNames<keyof PlatformChanges>({
  kind: true,
  name: true,
  county: true,
  fields: true,
  degrees: true,
  intro: true,
  hostOrg: true,
  partnerUniversities: true,
  contact: true,
  photos: true,
  offers: true,
})

/** `degreeMatch`: the degrees, or `['*']` for a platform open to every degree (see ANYONE). */
const degreeMatch = (degrees: readonly string[]) => (degrees.length ? [...degrees] : [ANYONE])

/**
 * Platforms in CloudBase: `platforms`, `_id` = platform id, the record's camelCase properties and
 * `degreeMatch` (so 与我相关 is one `_.in([mine, '*'])`). Activities and demands carry `platformId`.
 * A directory page is one keyset read (createdAt, _id); a platform page is two activity reads,
 * one demand read, a `count()` per past activity (at most 10) and, for staff, one registration
 * read and one member read.
 *
 * Indexes: (status, createdAt, _id), (status, county, createdAt), (status, kind, createdAt),
 * (fields), (name, status); activities (platformId, status, startAt); demands (platformId, status, deadline).
 */
export class CloudBasePlatformStore implements PlatformStore {
  constructor(private readonly collections: Collections) {}

  private get _() {
    return this.collections.command
  }

  async create(p: Platform): Promise<void> {
    const { id, ...rest } = p
    await this.collections.run(COLLECTIONS.platforms, (c) => checked(c.add({ _id: id, ...rest, degreeMatch: degreeMatch(p.degrees) })))
  }

  async get(id: string): Promise<Platform | null> {
    const doc = await getDocument(this.collections, COLLECTIONS.platforms, id)
    return doc ? platformFromDocument(doc) : null
  }

  async findActiveByName(name: string): Promise<Platform | null> {
    const docs = documentsOf(
      await this.collections.run(COLLECTIONS.platforms, (c) => checked(c.where({ name, status: 'active' }).limit(1).get())),
    )
    return docs[0] ? platformFromDocument(docs[0]) : null
  }

  async update(id: string, changes: PlatformChanges, at: string): Promise<Platform | null> {
    const current = await this.get(id)
    if (!current) return null
    const next: Platform = { ...current, updatedAt: at }
    for (const key of CHANGEABLE_KEYS) if (changes[key] !== undefined) Object.assign(next, { [key]: changes[key] })
    const { id: _id, ...rest } = next
    // The whole document with `set`: `update` would merge the contact object instead of replacing it.
    await this.collections.run(COLLECTIONS.platforms, (c) => checked(c.doc(id).set({ ...rest, degreeMatch: degreeMatch(next.degrees) })))
    return next
  }

  async archive(id: string, at: string): Promise<boolean> {
    return (await updateWhere(this.collections, COLLECTIONS.platforms, { _id: id, status: 'active' }, { status: 'archived', updatedAt: at })) === 1
  }

  async list(q: PlatformListQuery): Promise<Page<Platform>> {
    const _ = this._
    const where: object[] = [q.includeArchived ? { status: _.in(['active', 'archived']) } : { status: 'active' }]
    if (q.kind) where.push({ kind: q.kind })
    if (q.county) where.push({ county: q.county })
    if (q.field) where.push({ fields: q.field })
    if (q.relevantTo) {
      where.push({ fields: _.in(q.relevantTo.fields.length ? q.relevantTo.fields : ['']) })
      where.push({ degreeMatch: _.in([q.relevantTo.degree, ANYONE]) })
    }
    for (const word of q.q.split(/\s+/).filter(Boolean)) {
      const pattern = this.collections.contains(word)
      where.push(_.or([{ name: pattern }, { intro: pattern }, { hostOrg: pattern }]) as object)
    }
    const { docs, more } = await keysetPage(this.collections, COLLECTIONS.platforms, {
      where,
      orderBy: ['createdAt', '_id'],
      direction: 'desc',
      cursor: q.cursor,
      limit: q.limit,
    })
    const items = docs.map(platformFromDocument)
    const last = items[items.length - 1]
    return { items, nextCursor: more && last ? encodeCursor([last.createdAt, last.id]) : null }
  }

  async activities(platformId: string, which: 'upcoming' | 'past' | 'drafts', now: string, limit: number, createdBy?: string): Promise<PlatformActivityLine[]> {
    const _ = this._
    const upcoming = which !== 'past'
    const where =
      which === 'drafts'
        ? { platformId, status: 'draft', ...(createdBy ? { createdBy } : {}) }
        : { platformId, status: _.in(['published', 'closed']), endAt: upcoming ? _.gt(now) : _.lte(now) }
    const docs = documentsOf(
      await this.collections.run(COLLECTIONS.activities, (c) =>
        checked(
          c
            .where(where)
            .orderBy('startAt', upcoming ? 'asc' : 'desc')
            .orderBy('_id', 'asc')
            .limit(limit)
            .get(),
        ),
      ),
    )
    const activities = docs.map(activityFromDocument)
    // Members who checked in, and the public's anonymous count (kept after their sign-ups are deleted).
    const attended = which !== 'past' ? activities.map(() => 0) : await mapBounded(activities, (a) => this.checkedIn(a.id))
    const publicAttended = docs.map((d) => num(d.publicAttended))
    return activities.map((a, i) => ({
      id: a.id,
      title: a.title,
      type: a.type,
      startAt: a.startAt,
      endAt: a.endAt,
      place: a.place,
      status: a.status,
      capacity: a.capacity,
      registeredCount: a.registeredCount,
      attended: (attended[i] ?? 0) + (which === 'past' ? (publicAttended[i] ?? 0) : 0),
    }))
  }

  private async checkedIn(activityId: string): Promise<number> {
    return totalOf(await this.collections.run(COLLECTIONS.registrations, (c) => checked(c.where({ activityId, status: 'checked_in' }).count())))
  }

  async openDemands(platformId: string, today: string, limit: number): Promise<PlatformDemandLine[]> {
    const docs = documentsOf(
      await this.collections.run(COLLECTIONS.demands, (c) =>
        checked(
          c
            .where({ platformId, status: 'open', deadline: this._.gte(today) })
            .orderBy('deadline', 'asc')
            .orderBy('_id', 'asc')
            .limit(limit)
            .get(),
        ),
      ),
    )
    return docs.map((d) => ({
      id: String(d._id),
      position: text(d.position),
      employer: text(d.employer),
      deadline: text(d.deadline),
      headcount: typeof d.headcount === 'number' ? d.headcount : 0,
    }))
  }

  async participants(activities: { id: string; title: string }[], limit: number): Promise<PlatformParticipant[]> {
    if (activities.length === 0) return []
    const _ = this._
    const titles = new Map(activities.map((a) => [a.id, a.title]))
    const registrations = documentsOf(
      await this.collections.run(COLLECTIONS.registrations, (c) =>
        checked(
          c
            .where(allOf(this.collections, [{ activityId: _.in([...titles.keys()]) }, { status: 'checked_in' }]))
            .orderBy('checkedInAt', 'desc')
            .orderBy('_id', 'asc')
            .limit(limit)
            .get(),
        ),
      ),
    )
    if (registrations.length === 0) return []
    const openids = [...new Set(registrations.map((r) => text(r.openid)))]
    const members = documentsOf(
      await this.collections.run(COLLECTIONS.members, (c) => checked(c.where({ _id: _.in(openids) }).limit(openids.length).get())),
    )
    const byOpenid = new Map(members.map((m) => [String(m._id), m]))
    return registrations.flatMap((r) => {
      const member = byOpenid.get(text(r.openid))
      return member
        ? [{ openid: text(r.openid), name: text(member.name), university: text(member.university), activityTitle: titles.get(text(r.activityId)) ?? '' }]
        : []
    })
  }

  // ——— contacts ———

  async addContact(c: PlatformContactPerson): Promise<boolean> {
    try {
      await this.collections.run(COLLECTIONS.platformContacts, (col) => checked(col.add({ _id: `${c.platformId}:${c.openid}`, ...c })))
      return true
    } catch (error) {
      if (isDuplicateWrite(error)) return false
      throw error
    }
  }

  async removeContact(platformId: string, openid: string): Promise<boolean> {
    const result = await this.collections.run(COLLECTIONS.platformContacts, (c) => checked(c.where({ _id: `${platformId}:${openid}` }).remove()))
    return deletedCount(result) === 1
  }

  async contactsOf(platformId: string, limit: number): Promise<PlatformContactPerson[]> {
    const docs = documentsOf(
      await this.collections.run(COLLECTIONS.platformContacts, (c) =>
        checked(c.where({ platformId }).orderBy('addedAt', 'asc').orderBy('openid', 'asc').limit(limit).get()),
      ),
    )
    return docs.map(contactFromDocument)
  }

  async isContact(platformId: string, openid: string): Promise<boolean> {
    return (await getDocument(this.collections, COLLECTIONS.platformContacts, `${platformId}:${openid}`)) !== null
  }

  async platformsOfContact(openid: string, limit: number): Promise<string[]> {
    const docs = documentsOf(
      await this.collections.run(COLLECTIONS.platformContacts, (c) => checked(c.where({ openid }).orderBy('addedAt', 'asc').limit(limit).get())),
    )
    return docs.map((d) => text(d.platformId))
  }

  /** One read of `members`: an escaped, case-insensitive regexp on name or university. */
  async searchMembers(q: string, limit: number): Promise<MemberCandidate[]> {
    const _ = this.collections.command
    const pattern = this.collections.contains(q)
    const docs = documentsOf(
      await this.collections.run(COLLECTIONS.members, (c) =>
        checked(
          c
            .where(_.or([{ name: pattern }, { university: pattern }]) as object)
            .field({ name: true, university: true, phone: true })
            .orderBy('name', 'asc')
            .orderBy('_id', 'asc')
            .limit(limit)
            .get(),
        ),
      ),
    )
    return docs.map((d) => ({ openid: String(d._id), name: text(d.name), university: text(d.university), phone: text(d.phone) }))
  }

  async forgetContact(openid: string): Promise<void> {
    // A person is the contact of a handful of platforms at most: one bounded removal.
    await this.collections.run(COLLECTIONS.platformContacts, (c) => checked(c.where({ openid }).remove()))
  }

  async saveInvite(invite: PlatformInvite, at: string): Promise<void> {
    const { code, ...rest } = invite
    await this.collections.run(COLLECTIONS.platformInvites, (c) => checked(c.add({ _id: code, code, ...rest, createdAt: at, usedAt: null })))
  }

  async takeInvite(code: string, at: string): Promise<PlatformInvite | null> {
    // One conditional update: of two people redeeming at once, only one changes the document.
    const taken = await updateWhere(this.collections, COLLECTIONS.platformInvites, { _id: code, usedAt: null, expiresAt: this._.gt(at) }, { usedAt: at })
    if (taken !== 1) return null
    const doc = await getDocument(this.collections, COLLECTIONS.platformInvites, code)
    return doc ? { code, platformId: text(doc.platformId), name: text(doc.name), expiresAt: text(doc.expiresAt) } : null
  }

  // ——— demand drafts ———

  async saveDemandDraft(d: DemandDraft): Promise<void> {
    const { id, ...rest } = d
    await this.collections.run(COLLECTIONS.platformDemandDrafts, (c) => checked(c.add({ _id: id, ...rest })))
  }

  async getDemandDraft(id: string): Promise<DemandDraft | null> {
    const doc = await getDocument(this.collections, COLLECTIONS.platformDemandDrafts, id)
    return doc ? demandDraftFromDocument(doc) : null
  }

  async decideDemandDraft(id: string, d: { status: 'approved' | 'rejected'; reason: string; demandId: string | null; at: string }): Promise<boolean> {
    const changed = await updateWhere(
      this.collections,
      COLLECTIONS.platformDemandDrafts,
      { _id: id, status: 'pending' },
      { status: d.status, reason: d.reason, demandId: d.demandId, decidedAt: d.at },
    )
    return changed === 1
  }

  async demandDrafts(platformId: string, filter: { status?: 'pending'; submittedBy?: string }, limit: number): Promise<DemandDraft[]> {
    const where = { platformId, ...(filter.status ? { status: filter.status } : {}), ...(filter.submittedBy ? { submittedBy: filter.submittedBy } : {}) }
    const docs = documentsOf(
      await this.collections.run(COLLECTIONS.platformDemandDrafts, (c) =>
        checked(c.where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(limit).get()),
      ),
    )
    return docs.map(demandDraftFromDocument)
  }
}

const contactFromDocument = (d: RawDocument): PlatformContactPerson => ({
  platformId: text(d.platformId),
  openid: text(d.openid),
  name: text(d.name),
  via: d.via === 'invite' ? 'invite' : 'member',
  addedAt: text(d.addedAt),
})

function demandDraftFromDocument(d: RawDocument): DemandDraft {
  const status = d.status === 'approved' || d.status === 'rejected' ? d.status : 'pending'
  return {
    id: String(d._id),
    platformId: text(d.platformId),
    submittedBy: text(d.submittedBy),
    demand: d.demand as DemandDraft['demand'],
    status,
    reason: text(d.reason),
    demandId: textOrNull(d.demandId),
    createdAt: text(d.createdAt),
    decidedAt: textOrNull(d.decidedAt),
  }
}
