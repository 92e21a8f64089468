import { init } from '@cloudbase/node-sdk'
import { describeNoticeStoreContract } from '../notice-contract'
import { COLLECTIONS, openCloudBaseStore } from '.'
import { pendingLockId } from './station-docs'

/**
 * The notices contract against a real CloudBase environment (only when TCB_ENV, TCB_SECRET_ID
 * and TCB_SECRET_KEY are set; use a test environment). Notices, stations and requests cannot be
 * deleted through the ports: this run's ones are removed directly.
 */
const env = process.env.TCB_ENV ?? ''
const app = init({ env, secretId: process.env.TCB_SECRET_ID, secretKey: process.env.TCB_SECRET_KEY })

jest.setTimeout(120_000)

describeNoticeStoreContract(
  `cloudbase (${env})`,
  async () => openCloudBaseStore({ app }),
  async (_store, written) => {
    const db = app.database()
    const _ = db.command
    for (const id of written.noticeIds) {
      await db.collection(COLLECTIONS.notices).doc(id).remove()
      await db.collection(COLLECTIONS.noticeRecipients).where({ noticeId: id }).remove()
    }
    for (const id of written.requestIds) await db.collection(COLLECTIONS.joinRequests).doc(id).remove()
    for (const id of written.stationIds) await db.collection(COLLECTIONS.stations).doc(id).remove()
    await db.collection(COLLECTIONS.stationMemberships).where({ openid: _.in(written.openids) }).remove()
    await db.collection(COLLECTIONS.subscriptions).where({ openid: _.in(written.openids) }).remove()
    for (const openid of written.openids) await db.collection(COLLECTIONS.stationLocks).doc(pendingLockId(openid)).remove()
  },
)
