import type { Demand, Interest, Page, Policy, ShareableField } from '../../../types'

/** A policy as stored: the body also as plain text, for search and snippets. */
export type PolicyRecord = Policy & { bodyText: string }
export type PolicyChanges = Partial<Omit<PolicyRecord, 'id' | 'status' | 'publishedAt' | 'createdAt' | 'updatedAt'>>

export interface PolicyQuery {
  /** Whitespace-separated words of the query; each must match (title, summary or body). */
  words: string[]
  category: string | null
  field: string | null
  degree: string | null
  county: string | null
  /** Only policies carrying this tag. */
  tag?: string | null
  /** `YYYY-MM-DD`: only policies in effect that day. */
  inEffectOn: string | null
  includeDrafts: boolean
  /** Only this status (staff's filter); it narrows, never adds drafts without includeDrafts. */
  status?: 'draft' | 'published' | null
  offset: number
  limit: number
}

export interface MatchProfile {
  degree: string
  county: string
  fields: string[]
}

export interface PolicyMatch {
  policy: PolicyRecord
  /** Which of the policy's targets the profile met: `field:biomed`, `degree:doctor`, `county:queshan`. */
  met: string[]
}

export interface PolicyStore {
  create(policy: PolicyRecord): Promise<void>
  get(id: string): Promise<PolicyRecord | null>
  update(id: string, changes: PolicyChanges, at: string): Promise<PolicyRecord | null>
  /** draft ↔ published; false when it already was. */
  setStatus(id: string, status: Policy['status'], at: string): Promise<boolean>
  /** Ranked: words in the title first, then in the summary, then newest. */
  search(query: PolicyQuery): Promise<{ items: PolicyRecord[]; more: boolean }>
  /**
   * Published policies targeted at this profile: every dimension the policy limits (fields,
   * degrees, counties) is met; those meeting more dimensions first. General policies are left out.
   */
  match(profile: MatchProfile, limit: number): Promise<PolicyMatch[]>
  setFavorite(openid: string, policyId: string, on: boolean, at: string): Promise<void>
  isFavorite(openid: string, policyId: string): Promise<boolean>
  favorites(openid: string, cursor: string | null, limit: number): Promise<Page<PolicyRecord>>
  forgetMember(openid: string): Promise<void>
}

export type DemandRecord = Omit<Demand, 'interestCount' | 'contact'>
export type DemandChanges = Partial<Omit<DemandRecord, 'id' | 'status' | 'createdAt' | 'updatedAt'>>

export interface DemandQuery {
  words: string[]
  field: string | null
  degree: string | null
  includeClosed: boolean
  cursor: string | null
  limit: number
}

export interface DemandStore {
  create(demand: DemandRecord): Promise<void>
  get(id: string): Promise<Demand | null>
  update(id: string, changes: DemandChanges, at: string): Promise<Demand | null>
  close(id: string, at: string): Promise<boolean>
  /** Open ones by deadline (soonest first). */
  list(query: DemandQuery): Promise<Page<Demand>>
  /** Open demands in one of these fields, whatever the degree (the use case ranks and filters). */
  openInFields(fields: string[], limit: number): Promise<Demand[]>
  /** Once per (demand, member): false when already registered. */
  registerInterest(interest: Interest & { share: ShareableField[] }): Promise<boolean>
  withdrawInterest(demandId: string, openid: string): Promise<boolean>
  interestOf(demandId: string, openid: string): Promise<{ share: ShareableField[]; at: string } | null>
  interests(demandId: string, cursor: string | null, limit: number): Promise<Page<Interest>>
  forgetMember(openid: string): Promise<void>
}
