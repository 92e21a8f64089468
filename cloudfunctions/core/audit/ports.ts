import type { AuditEntry, Page } from '../../../types'

export interface AuditQuery {
  actor: string
  stationId: string
  from: string | null
  to: string | null
  cursor: string | null
  limit: number
}

export interface AuditStore {
  append(entry: AuditEntry): Promise<void>
  /** Newest first. */
  list(query: AuditQuery): Promise<Page<AuditEntry>>
  /** The distinct actors, most recently active first, at most `limit`. */
  actors(limit: number): Promise<{ openid: string; role: string; lastAt: string }[]>
}
