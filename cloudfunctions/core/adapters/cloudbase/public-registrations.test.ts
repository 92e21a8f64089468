import { toIsoString } from '../../shared/clock'
import { sampleActivity, sampleMember } from '../store-contract'
import { CLAIM_GRACE_MS } from './registrations'
import { createCloudBaseStore } from './store'
import { CloudBaseStandIn } from './testing/stand-in'

/**
 * The repair pass of registrations.ts (`reconcile`) knows that public sign-ups hold places of the
 * same counter: it neither gives their places away nor keeps a leaked one.
 */
const T0 = Date.parse('2027-03-01T09:00:00.000+08:00')
const at = (minutes: number) => toIsoString(new Date(T0 + minutes * 60_000))

async function world() {
  const db = new CloudBaseStandIn({ autoCreateCollections: true }).database()
  const store = createCloudBaseStore(db)
  await store.activities.create(
    sampleActivity({
      id: 'a1',
      startAt: at(14_400),
      endAt: at(14_520),
      signUpOpenAt: at(0),
      signUpCloseAt: at(12_960),
      createdAt: at(-60),
      capacity: 3,
      waitlist: true,
      openToPublic: true,
    }),
  )
  await store.members.create(sampleMember('m1'))
  await store.members.create(sampleMember('m2'))
  const person = (openid: string) => ({
    id: openid,
    activityId: 'a1',
    openid,
    name: '王小明',
    age: 15,
    school: '',
    grade: '',
    phone: '13700002222',
    guardian: null,
    status: 'registered' as const,
    checkedInAt: null,
    createdAt: at(1),
    updatedAt: at(1),
  })
  return { store, person, db }
}

describe('reconcile with public sign-ups', () => {
  it('counts public holders: the counter stays at members + public', async () => {
    const { store, person } = await world()
    await store.registrations.signUp({ activityId: 'a1', openid: 'm1', answers: {}, at: at(1) })
    await store.publicRegistrations.signUp({ registration: person('p1') })
    await store.publicRegistrations.signUp({ registration: person('p2') })
    expect((await store.registrations.signUp({ activityId: 'a1', openid: 'm2', answers: {}, at: at(2) })).outcome).toBe('waitlisted')
    const result = await store.registrations.reconcile('a1', at(3), Date.now() + CLAIM_GRACE_MS + 1000)
    expect(result.registeredCount).toEqual({ from: 3, to: 3 })
    expect((await store.registrations.get('a1', 'm2'))?.status).toBe('waitlisted')
  })

  it('gives back a place leaked by a public sign-up that died after the gate', async () => {
    const { store, person, db } = await world()
    await store.publicRegistrations.signUp({ registration: person('p1') })
    await store.publicRegistrations.cancel('a1', 'p1', 'a1:p1', at(2))
    await store.publicRegistrations.signUp({ registration: person('p2') })
    // A call that died after its gate increment: the counter one too high.
    await db.collection('activities').doc('a1').update({ registeredCount: 2 })
    const result = await store.registrations.reconcile('a1', at(3), Date.now() + CLAIM_GRACE_MS + 1000)
    expect(result.registeredCount).toEqual({ from: 2, to: 1 })
  })
})
