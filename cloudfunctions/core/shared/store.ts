import type { ActivityStore, RegistrationStore } from '../activity/ports'
import type { AuditStore } from '../audit/ports'
import type { MemberStore } from '../member/ports'
import type { PrivacyStore } from '../member/privacy-ports'
import type { MessageStore } from '../messaging/ports'
import type { NoticeStore } from '../notice/ports'
import type { DemandStore, PolicyStore } from '../policy/ports'
import type { MembershipStore, StationStore } from '../station/ports'
import type { FieldStore } from '../taxonomy/ports'
import type { IdempotencyStore, RateLimiter } from './ports'
import type { PipelineStore } from '../pipeline/ports'
import type { HonourStore } from '../honour/ports'
import type { StoryStore } from '../story/ports'
import type { PlatformStore, PublicRegistrationStore } from '../platform/ports'
import type { SurveyStore } from '../survey/ports'
import type { CompetitionStore } from '../competition/ports'

/**
 * All store ports, one per aggregate. Use cases depend on these only; the SQLite and CloudBase
 * adapters implement them and pass the same contract suites (adapters/*-contract.ts).
 */
export interface Store {
  members: MemberStore
  fields: FieldStore
  idempotency: IdempotencyStore
  stations: StationStore
  membership: MembershipStore
  audit: AuditStore
  activities: ActivityStore
  registrations: RegistrationStore
  messages: MessageStore
  rateLimits: RateLimiter
  policies: PolicyStore
  demands: DemandStore
  notices: NoticeStore
  privacy: PrivacyStore
  pipeline: PipelineStore
  honours: HonourStore
  stories: StoryStore
  platforms: PlatformStore
  publicRegistrations: PublicRegistrationStore
  surveys: SurveyStore
  competitions: CompetitionStore
  close(): Promise<void>
}
