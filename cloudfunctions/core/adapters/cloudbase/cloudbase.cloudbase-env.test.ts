import { init } from '@cloudbase/node-sdk'
import { describeStoreContract } from '../store-contract'
import { COLLECTIONS, openCloudBaseStore } from '.'

/**
 * The store contract against a real CloudBase environment. jest.config.js only picks this file up
 * when TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY are all set; use a test environment, not
 * production: the suite writes (run-id-prefixed) documents and removes them afterwards.
 */
const env = process.env.TCB_ENV ?? ''
const app = init({ env, secretId: process.env.TCB_SECRET_ID, secretKey: process.env.TCB_SECRET_KEY })

jest.setTimeout(60_000)

describeStoreContract(
  `cloudbase (${env})`,
  async () => openCloudBaseStore({ app }),
  // Fields cannot be deleted through the ports; remove this run's ones directly.
  async (_store, { fieldIds }) => {
    const fields = app.database().collection(COLLECTIONS.fields)
    for (const id of fieldIds) await fields.doc(id).remove()
  },
)
