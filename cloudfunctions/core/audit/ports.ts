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
}
