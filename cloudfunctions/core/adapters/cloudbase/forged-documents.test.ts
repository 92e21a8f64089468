import { toIsoString } from '../../shared/clock'
import { sampleMember } from '../store-contract'
import { COLLECTIONS } from './collections'
import { createCloudBaseStore } from './store'
import { CloudBaseStandIn } from './testing/stand-in'

/**
 * Audit D1: a collection left at its default permission lets a mini-program client `add`
 * documents, with an `_id` of its choosing. The service stamps those with `_openid`; the adapter
 * never writes one, so it refuses to serve any document carrying it.
 */
const now = toIsoString(new Date('2027-03-01T09:00:00+08:00'))
const none = { all: false, stationIds: [], countyIds: [], fieldIds: [], degreeIds: [], graduationYears: [], activityId: null, activityStatus: null }

function world() {
  const standIn = new CloudBaseStandIn({ autoCreateCollections: true })
  return { standIn, store: createCloudBaseStore(standIn.database()) }
}

describe('documents written by a mini-program client', () => {
  it('a forged official notice to everyone reaches no inbox', async () => {
    const { standIn, store } = world()
    const reader = sampleMember('o-reader')
    await store.members.create(reader)
    standIn.insertAsClient(
      COLLECTIONS.notices,
      {
        _id: 'forged',
        title: '紧急通知：请点击链接领取补贴',
        body: '…',
        link: null,
        audience: { ...none, all: true },
        keys: ['*'],
        origin: 'manual',
        senderOpenid: 'staff-1',
        senderRole: 'staff',
        senderLabel: '共青团驻马店市委',
        stationId: null,
        sendAt: reader.joinedAt,
        createdAt: reader.joinedAt,
        recipients: 0,
        withdrawnAt: null,
        pushState: 'done',
        pushAfter: '',
      },
      'o-attacker',
    )
    expect(await store.notices.get('forged')).toBeNull()
    expect((await store.notices.inbox(reader, now, null, 20)).items).toEqual([])
    expect(await store.notices.unreadCount(reader, now)).toBe(0)
  })

  it('a forged registration holds no place and is not listed', async () => {
    const { standIn, store } = world()
    await store.members.create(sampleMember('o-attacker'))
    standIn.insertAsClient(
      COLLECTIONS.registrations,
      { _id: 'a1:o-attacker', activityId: 'a1', openid: 'o-attacker', status: 'registered', holdsPlace: true, answers: {}, hasAnswers: false, createdAt: now, updatedAt: now },
      'o-attacker',
    )
    expect(await store.registrations.get('a1', 'o-attacker')).toBeNull()
    expect((await store.registrations.listForMember('o-attacker', null, 20)).items).toEqual([])
  })

  it('a forged member record is not a member', async () => {
    const { standIn, store } = world()
    standIn.insertAsClient(COLLECTIONS.members, { ...sampleMember('o-attacker'), _id: 'o-attacker', role: 'staff' }, 'o-attacker')
    expect(await store.members.get('o-attacker')).toBeNull()
  })
})
