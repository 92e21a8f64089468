import { describeActivityStoreContract } from '../activity-contract'
import { describePolicyStoreContract } from '../policy-contract'
import { describeStationStoreContract } from '../station-contract'
import { describeNoticeStoreContract } from '../notice-contract'
import { describeStoreContract } from '../store-contract'
import { describePrivacyStoreContract } from '../privacy-contract'
import { describeHonourStoreContract } from '../honour-contract'
import { describeStoryStoreContract } from '../story-contract'
import { describePlatformStoreContract } from '../platform-contract'
import { describeSurveyStoreContract } from '../survey-contract'
import { describePublicRegistrationStoreContract } from '../public-registration-contract'
import { describeCompetitionStoreContract } from '../competition-contract'
import { describePipelineStoreContract } from '../pipeline-contract'
import { createCloudBaseStore } from './store'
import { CloudBaseStandIn } from './testing/stand-in'

/**
 * The store contract suites on the CloudBase adapter with the real SDK building every request and
 * the wire-level stand-in serving it. Each suite opens a fresh, unprovisioned environment, so the
 * adapter's create-on-first-use of collections runs too.
 */
const open = async () => createCloudBaseStore(new CloudBaseStandIn().database())

describeStoreContract('cloudbase (stand-in)', open)
describeStationStoreContract('cloudbase (stand-in)', open)
describeActivityStoreContract('cloudbase (stand-in)', open)
describePolicyStoreContract('cloudbase (stand-in)', open)
describeNoticeStoreContract('cloudbase (stand-in)', open)
describePrivacyStoreContract('cloudbase (stand-in)', open)
describeHonourStoreContract('cloudbase (stand-in)', open)
describeStoryStoreContract('cloudbase (stand-in)', open)
describePlatformStoreContract('cloudbase (stand-in)', open)
describePublicRegistrationStoreContract('cloudbase (stand-in)', open)
describeSurveyStoreContract('cloudbase (stand-in)', open)
describeCompetitionStoreContract('cloudbase (stand-in)', open)
describePipelineStoreContract('cloudbase (stand-in)', open)
