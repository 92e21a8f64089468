import type { Page, Platform, PlatformActivityLine, PlatformDemandLine, PlatformParticipant } from '../../../types'

/**
 * Ports of the innovation-platform directory. A platform page also reads the activities and
 * demands linked to it (their `platformId`) and who attended them: the adapter answers those as
 * intent-named reads, so each store reads its own tables or collections the cheapest way.
 */
export type PlatformChanges = Partial<Omit<Platform, 'id' | 'status' | 'createdAt' | 'updatedAt' | 'isDemo'>>

export interface PlatformListQuery {
  /** Words matched in the name, introduction or host organisation. */
  q: string
  kind: string | null
  county: string | null
  field: string | null
  /** 与我相关: sharing one of these fields, for this degree (an empty `degrees` is for everyone). */
  relevantTo: { fields: string[]; degree: string } | null
  includeArchived: boolean
  cursor: string | null
  limit: number
}

export interface PlatformStore {
  create(platform: Platform): Promise<void>
  get(id: string): Promise<Platform | null>
  /** An active platform of that exact name, if any (imports and creation refuse a second one). */
  findActiveByName(name: string): Promise<Platform | null>
  update(id: string, changes: PlatformChanges, at: string): Promise<Platform | null>
  /** active → archived; false when it was not active. */
  archive(id: string, at: string): Promise<boolean>
  /** Newest first. */
  list(query: PlatformListQuery): Promise<Page<Platform>>
  /**
   * Published or closed activities linked to the platform: `upcoming` (not ended at `now`), soonest
   * first; `past` (ended), latest first, each with how many checked in.
   */
  activities(platformId: string, which: 'upcoming' | 'past', now: string, limit: number): Promise<PlatformActivityLine[]>
  /** Open demands naming the platform as employer, deadline not passed (`today`, YYYY-MM-DD). */
  openDemands(platformId: string, today: string, limit: number): Promise<PlatformDemandLine[]>
  /** Members who checked in to any of these activities, at most `limit` rows. */
  participants(activities: { id: string; title: string }[], limit: number): Promise<PlatformParticipant[]>
}
