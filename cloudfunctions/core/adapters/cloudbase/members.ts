import { MAX_CARDS, type MemberCard, type MemberRecord, type MemberStore, type ProfileChanges } from '../../member/ports'
import { COLLECTIONS, type Collections } from './collections'
import { checked, deletedCount, documentsOf, isDuplicateWrite, type RawDocument } from './database'
import { propertyNames } from './docs'

/** Every property of a stored member: the Record type makes the compiler keep the list complete. */
const MEMBER_KEYS = propertyNames<keyof MemberRecord>({
  openid: true,
  role: true,
  stationId: true,
  stationJoinedAt: true,
  status: true,
  name: true,
  phone: true,
  university: true,
  college: true,
  major: true,
  degree: true,
  enrollmentYear: true,
  graduationYear: true,
  hometownCounty: true,
  fields: true,
  consentVersion: true,
  consentAt: true,
  consentWithdrawnAt: true,
  joinedAt: true,
  updatedAt: true,
  isDemo: true,
})

/** What a member may change about themself; anything else in `changes` is never written. */
const PROFILE_KEYS = propertyNames<keyof ProfileChanges>({
  name: true,
  phone: true,
  university: true,
  college: true,
  major: true,
  degree: true,
  enrollmentYear: true,
  graduationYear: true,
  hometownCounty: true,
  fields: true,
})

/**
 * The record as a document: the same camelCase properties (so the two adapters agree), keyed by
 * `_id` = openid. Only the server writes this collection, so it trusts what it reads back; the
 * picking drops `_id`, `_openid` and anything else the record does not have.
 */
export function memberFromDocument(doc: RawDocument): MemberRecord {
  const record: Record<string, unknown> = {}
  for (const key of MEMBER_KEYS) record[key] = doc[key]
  // Members stored before consent could be withdrawn have no such property: consent stands.
  record.consentWithdrawnAt = typeof doc.consentWithdrawnAt === 'string' ? doc.consentWithdrawnAt : null
  return record as MemberRecord
}

export class CloudBaseMemberStore implements MemberStore {
  constructor(private readonly collections: Collections) {}

  async get(openid: string): Promise<MemberRecord | null> {
    const result = await this.collections.run(COLLECTIONS.members, (c) => checked(c.doc(openid).get()))
    const [doc] = documentsOf(result)
    return doc ? memberFromDocument(doc) : null
  }

  /** One projected read for the lot. */
  async cards(openids: string[]): Promise<Map<string, MemberCard>> {
    const ids = [...new Set(openids)].slice(0, MAX_CARDS)
    if (ids.length === 0) return new Map()
    const _ = this.collections.command
    const result = await this.collections.run(COLLECTIONS.members, (c) =>
      checked(c.where({ _id: _.in(ids) }).field({ name: true, university: true }).limit(ids.length).get()),
    )
    return new Map(documentsOf(result).map((d) => [String(d._id), { name: String(d.name ?? ''), university: String(d.university ?? '') }]))
  }

  /**
   * An insert with `_id` = openid: the unique `_id` makes a second create fail on the server
   * (DATABASE_DUPLICATE_WRITE), so two racing creates cannot both win and nothing is overwritten.
   */
  async create(record: MemberRecord): Promise<boolean> {
    const document = { _id: record.openid, ...memberFromDocument(record) }
    try {
      await this.collections.run(COLLECTIONS.members, (c) => checked(c.add(document)))
      return true
    } catch (error) {
      if (isDuplicateWrite(error)) return false
      throw error
    }
  }

  /** `doc.update` never inserts; the answer is re-read, as the update result has no document. */
  async update(openid: string, changes: ProfileChanges, updatedAt: string): Promise<MemberRecord | null> {
    const data: Record<string, unknown> = { updatedAt }
    for (const key of PROFILE_KEYS) if (changes[key] !== undefined) data[key] = changes[key]
    await this.collections.run(COLLECTIONS.members, (c) => checked(c.doc(openid).update(data)))
    return this.get(openid)
  }

  async remove(openid: string): Promise<boolean> {
    const result = await this.collections.run(COLLECTIONS.members, (c) => checked(c.doc(openid).remove()))
    return deletedCount(result) === 1
  }
}
