import type { Store } from '../../shared/store'
import { Collections } from './collections'
import type { DocumentDatabase } from './database'
import { CloudBaseFieldStore } from './fields'
import { CloudBaseIdempotencyStore } from './idempotency'
import { CloudBaseMemberStore } from './members'
import { CloudBaseAuditStore } from './audit'
import { CloudBaseMembershipStore } from './membership'
import { CloudBaseStationStore } from './stations'
import { CloudBaseActivityStore } from './activities'
import { CloudBaseMessageStore } from './messages'
import { CloudBaseRateLimiter } from './rate-limits'
import { CloudBaseRegistrationStore } from './registrations'
import { CloudBasePolicyStore } from './policies'
import { CloudBaseDemandStore } from './demands'
import { CloudBaseNoticeStore } from './notices'
import { CloudBasePrivacyStore } from './member-export'
import { CloudBasePipelineStore } from './pipeline'
import { CloudBaseHonourStore } from './honours'
import { CloudBaseStoryStore } from './stories'
import { CloudBasePlatformStore } from './platforms'
import { CloudBasePublicRegistrationStore } from './public-registrations'
import { CloudBaseSurveyStore } from './surveys'
import { CloudBaseCompetitionStore } from './competitions'

/** The stores over any object shaped like the SDK's database: the real one, or a test double. */
export function createCloudBaseStore(db: DocumentDatabase): Store & { registrations: CloudBaseRegistrationStore } {
  const collections = new Collections(db)
  return {
    members: new CloudBaseMemberStore(collections),
    fields: new CloudBaseFieldStore(collections),
    idempotency: new CloudBaseIdempotencyStore(collections),
    stations: new CloudBaseStationStore(collections),
    membership: new CloudBaseMembershipStore(collections),
    audit: new CloudBaseAuditStore(collections),
    activities: new CloudBaseActivityStore(collections),
    registrations: new CloudBaseRegistrationStore(collections),
    messages: new CloudBaseMessageStore(collections),
    rateLimits: new CloudBaseRateLimiter(collections),
    policies: new CloudBasePolicyStore(collections),
    demands: new CloudBaseDemandStore(collections),
    notices: new CloudBaseNoticeStore(collections),
    privacy: new CloudBasePrivacyStore(collections),
    pipeline: new CloudBasePipelineStore(collections),
    honours: new CloudBaseHonourStore(collections),
    stories: new CloudBaseStoryStore(collections),
    platforms: new CloudBasePlatformStore(collections),
    publicRegistrations: new CloudBasePublicRegistrationStore(collections),
    surveys: new CloudBaseSurveyStore(collections),
    competitions: new CloudBaseCompetitionStore(collections),
    // The SDK keeps no connection open: HTTP requests per call, nothing to release.
    close: async () => {},
  }
}
