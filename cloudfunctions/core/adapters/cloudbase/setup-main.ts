import { openCloudBaseStoreDatabase } from './index'
import { consoleChecklist, createAllCollections } from './setup'

/**
 * `npm run cloudbase:setup`: creates every collection in the environment named by TCB_ENV (with
 * TCB_SECRET_ID / TCB_SECRET_KEY), then prints the rules and indexes to set in the console.
 */
async function main(): Promise<void> {
  const env = process.env.TCB_ENV
  if (!env || !process.env.TCB_SECRET_ID || !process.env.TCB_SECRET_KEY) {
    console.error('TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY must be set')
    process.exit(2)
  }
  const db = openCloudBaseStoreDatabase({ env, secretId: process.env.TCB_SECRET_ID, secretKey: process.env.TCB_SECRET_KEY })
  const created = await createAllCollections(db)
  console.log(created.length ? `created: ${created.join(', ')}` : 'every collection exists already')
  console.log(consoleChecklist())
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
