import { init } from '@cloudbase/node-sdk'
import { describePolicyStoreContract } from '../policy-contract'
import { COLLECTIONS, openCloudBaseStore } from '.'

/**
 * The talent-policies contract against a real CloudBase environment (only when TCB_ENV,
 * TCB_SECRET_ID and TCB_SECRET_KEY are set; use a test environment). Favourites and interests are
 * removed through the ports; policies and demands cannot be, so this run's ones are removed directly.
 */
const env = process.env.TCB_ENV ?? ''
const app = init({ env, secretId: process.env.TCB_SECRET_ID, secretKey: process.env.TCB_SECRET_KEY })

jest.setTimeout(300_000)

describePolicyStoreContract(
  `cloudbase (${env})`,
  async () => openCloudBaseStore({ app }),
  async (_store, written) => {
    const db = app.database()
    for (const id of written.policyIds) await db.collection(COLLECTIONS.policies).doc(id).remove()
    for (const id of written.demandIds) await db.collection(COLLECTIONS.demands).doc(id).remove()
  },
)
