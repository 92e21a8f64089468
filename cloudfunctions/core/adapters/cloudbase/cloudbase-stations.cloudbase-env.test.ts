import { init } from '@cloudbase/node-sdk'
import { describeStationStoreContract } from '../station-contract'
import { COLLECTIONS, openCloudBaseStore } from '.'
import { pendingLockId, universityLockId } from './station-docs'

/**
 * The stations contract against a real CloudBase environment (only when TCB_ENV, TCB_SECRET_ID
 * and TCB_SECRET_KEY are set; use a test environment). Stations, requests, locks and audit
 * entries cannot be deleted through the ports: this run's ones are removed directly.
 */
const env = process.env.TCB_ENV ?? ''
const app = init({ env, secretId: process.env.TCB_SECRET_ID, secretKey: process.env.TCB_SECRET_KEY })

jest.setTimeout(120_000)

describeStationStoreContract(
  `cloudbase (${env})`,
  async () => openCloudBaseStore({ app }),
  async (_store, written) => {
    const db = app.database()
    const remove = async (collection: string, ids: string[]) => {
      for (const id of ids) await db.collection(collection).doc(id).remove()
    }
    await remove(COLLECTIONS.joinRequests, written.requestIds)
    await remove(COLLECTIONS.stations, written.stationIds)
    await remove(COLLECTIONS.auditLog, written.auditIds)
    await remove(COLLECTIONS.stationLocks, [
      ...written.universities.map(universityLockId),
      ...written.openids.map(pendingLockId),
    ])
  },
)
