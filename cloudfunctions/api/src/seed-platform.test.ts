import { seedDemoData } from './seed'
import { DEMO_KEY_LAB_ID, DEMO_LAB_VISIT_ID, DEMO_OUTREACH_ID, DEMO_PLATFORM_CONTACT } from './seed-platform'
import { data, makeTestApi } from './test-support'

/** The platform demo data (seed-platform.ts) through the router, on SQLite as local mode runs it. */
let t: ReturnType<typeof makeTestApi>
const clock = { now: () => new Date('2026-07-01T09:00:00+08:00') }
beforeEach(() => {
  t = makeTestApi({ staff: ['demo-staff'], clock })
})
afterEach(() => t.close())

describe('the demo data', () => {
  it('has a dozen platforms; the 生物医药 key laboratory in 驿城区 has an upcoming visit, a past one with attendance, and a job', async () => {
    await seedDemoData({ store: t.store, clock })
    const all = data(await t.call('demo-student-1', 'platform.list', { limit: 50 })).items
    expect(all.length).toBeGreaterThanOrEqual(12)
    expect(new Set(all.map((p) => p.kind)).size).toBeGreaterThanOrEqual(10)
    const found = data(await t.call('demo-student-1', 'platform.list', { field: 'biomed', county: 'yicheng', kind: 'provincial_key_lab' })).items
    expect(found.map((p) => p.id)).toEqual([DEMO_KEY_LAB_ID])
    const lab = data(await t.call('demo-student-1', 'platform.get', { id: DEMO_KEY_LAB_ID }))
    expect(lab.upcoming.map((a) => a.id)).toEqual([DEMO_LAB_VISIT_ID])
    expect(lab.past).toEqual([expect.objectContaining({ registeredCount: 4, attended: 3 })])
    expect(lab.openDemands).toHaveLength(1)
    expect(data(await t.call(DEMO_PLATFORM_CONTACT, 'platform.mine', {})).platforms.map((p) => p.platform.id)).toEqual([DEMO_KEY_LAB_ID])
    expect(data(await t.call('demo-student-1', 'activity.signUp', { activityId: DEMO_LAB_VISIT_ID })).status).toBe('registered')
  })

  it('has a 科普 day at the national key laboratory open to the public: a parent signs up a child without joining', async () => {
    await seedDemoData({ store: t.store, clock })
    const outreach = data(await t.call('demo-staff', 'activity.get', { id: DEMO_OUTREACH_ID }))
    expect(outreach).toMatchObject({ openToPublic: true, type: 'science_outreach', platformId: 'pf-demo-national-lab', status: 'published' })
    expect(data(await t.call('demo-student-1', 'platform.get', { id: 'pf-demo-national-lab' })).upcoming.map((a) => a.id)).toContain(DEMO_OUTREACH_ID)
    const signed = data(
      await t.call('a-parent', 'platform.publicSignUp', {
        activityId: DEMO_OUTREACH_ID,
        name: '王小明',
        age: 12,
        guardian: { name: '王建国', relation: 'father', phone: '13700002222', consent: true },
      }),
    )
    expect(signed.status).toBe('registered')
  })
})
