import { randomBytes } from 'node:crypto'
import type { Activity } from '../../../types'
import type { Store } from '../shared/store'
import { sampleActivity, sampleMember } from './store-contract'
import { aroundSuite } from './contract-support'

const AT = '2027-04-01T09:00:00.000+08:00'
const LATER = '2027-04-01T10:00:00.000+08:00'

/**
 * The behaviour every adapter of the privacy port must show, through the `Store` ports only:
 * consent given and withdrawn (with its history), what an export gathers, and what deletion
 * reaches that the other ports do not. Keys carry a random run id, as in the other suites.
 */
export function describePrivacyStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`${name} privacy contract`, () => {
    const runId = `pv${randomBytes(5).toString('hex')}`
    const openids: string[] = []
    let store: Store

    async function member(label: string): Promise<string> {
      const openid = `${runId}-${label}`
      openids.push(openid)
      expect(await store.members.create({ ...sampleMember(openid), consentVersion: 'v1', consentAt: AT })).toBe(true)
      await store.privacy.recordConsent(openid, { kind: 'given', version: 'v1', at: AT })
      return openid
    }

    function activity(helpers: string[]): Activity {
      return sampleActivity({
        id: `${runId}-act`,
        title: '隐私契约活动',
        hostOrg: '团市委',
        place: '驻马店',
        startAt: LATER,
        endAt: LATER,
        signUpOpenAt: AT,
        signUpCloseAt: LATER,
        waitlist: false,
        checkInHelpers: helpers,
        createdAt: AT,
      })
    }

    aroundSuite(
      open,
      (opened) => {
        store = opened
      },
      {
        written: { openids },
        forgetMember: async (store, openid) => {
          await store.members.remove(openid)
        },
      },
    )

    it('withdraws and gives consent on the record, keeping the history and using up push authorisations', async () => {
      const openid = await member('consent')
      await store.messages.grant(openid, 'notice', AT)
      const withdrawn = await store.privacy.setConsent(openid, { kind: 'withdrawn', version: '', at: LATER })
      expect(withdrawn).toMatchObject({ openid, consentVersion: 'v1', consentWithdrawnAt: LATER })
      expect(await store.messages.consume(openid, 'notice')).toBe(false)
      const given = await store.privacy.setConsent(openid, { kind: 'given', version: 'v2', at: '2027-04-02T09:00:00.000+08:00' })
      expect(given).toMatchObject({ consentVersion: 'v2', consentAt: '2027-04-02T09:00:00.000+08:00', consentWithdrawnAt: null })
      expect((await store.members.get(openid))?.consentWithdrawnAt).toBeNull()
      expect((await store.privacy.gather(openid)).consentHistory.map((e) => [e.kind, e.version])).toEqual([
        ['given', 'v2'],
        ['withdrawn', ''],
        ['given', 'v1'],
      ])
      expect(await store.privacy.setConsent(`${runId}-nobody`, { kind: 'withdrawn', version: '', at: LATER })).toBeNull()
    })

    it('gathers helper roles and audit entries about the member, and deletion takes them away', async () => {
      const openid = await member('leaving')
      const other = await member('staying')
      await store.activities.create(activity([other, openid]))
      await store.audit.append({
        id: `${runId}-au1`,
        at: AT,
        actorOpenid: 'staff-1',
        actorRole: 'staff',
        action: 'station.reviewRequest',
        stationId: null,
        subjectOpenid: openid,
        summary: '拒绝入站申请：理由里有个人信息',
      })
      const gathered = await store.privacy.gather(openid)
      expect(gathered.checkInHelperOf).toEqual([{ activityId: `${runId}-act`, activityTitle: '隐私契约活动' }])
      expect(gathered.auditEntries.map((e) => e.id)).toEqual([`${runId}-au1`])

      await store.privacy.forgetMember(openid, `${runId}-pseudonym`)
      expect((await store.activities.get(`${runId}-act`))?.checkInHelpers).toEqual([other])
      const after = await store.privacy.gather(openid)
      expect(after.checkInHelperOf).toEqual([])
      expect(after.auditEntries).toEqual([])
      expect(after.consentHistory).toEqual([])
      const entry = (await store.privacy.gather(`${runId}-pseudonym`)).auditEntries[0]
      expect(entry).toMatchObject({ subjectOpenid: `${runId}-pseudonym`, action: 'station.reviewRequest' })
      expect(entry?.summary).not.toContain('个人信息')
    })
  })
}
