import { init } from '@cloudbase/node-sdk'
import { describeActivityStoreContract } from '../activity-contract'
import { COLLECTIONS, openCloudBaseStore } from '.'
import { rateLimitId } from './rate-limits'

/**
 * The activities contract against a real CloudBase environment (only when TCB_ENV, TCB_SECRET_ID
 * and TCB_SECRET_KEY are set; use a test environment). Registrations, messages and members are
 * removed through the ports; activities and rate-limit counters cannot be, so this run's ones
 * are removed directly.
 */
const env = process.env.TCB_ENV ?? ''
const app = init({ env, secretId: process.env.TCB_SECRET_ID, secretKey: process.env.TCB_SECRET_KEY })

jest.setTimeout(300_000)

describeActivityStoreContract(
  `cloudbase (${env})`,
  async () => openCloudBaseStore({ app }),
  async (_store, written) => {
    const db = app.database()
    for (const id of written.activityIds) await db.collection(COLLECTIONS.activities).doc(id).remove()
    for (const key of written.rateLimitKeys) await db.collection(COLLECTIONS.rateLimits).doc(rateLimitId(key)).remove()
  },
)
