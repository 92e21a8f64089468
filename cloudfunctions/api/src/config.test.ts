import { loadConfig } from '../../runtime/config'
import { seedDemoData } from './seed'
import { makeTestApi } from './test-support'
import { systemClock } from '../../core/shared/clock'

describe('configuration from the environment', () => {
  it('reads staff openids from STAFF_OPENIDS, comma or space separated', () => {
    const config = loadConfig({ NODE_ENV: 'production', STAFF_OPENIDS: 'oA1, oB2  oC3' })
    expect([...config.staffOpenids]).toEqual(['oA1', 'oB2', 'oC3'])
    expect(config.demo).toBe(false)
  })

  it('turns demo mode on outside production, and DEMO=0 / DEMO=1 overrides it', () => {
    expect(loadConfig({}).demo).toBe(true)
    expect(loadConfig({}).staffOpenids.has('demo-staff')).toBe(true)
    expect(loadConfig({ DEMO: '0' }).demo).toBe(false)
    expect(loadConfig({ DEMO: '0' }).staffOpenids.has('demo-staff')).toBe(false)
    expect(loadConfig({ NODE_ENV: 'production', DEMO: '1' }).demo).toBe(true)
  })

  it('defaults to port 10086 and ./.data, and names a bad variable', () => {
    expect(loadConfig({})).toMatchObject({ port: 10086, dataDir: './.data', host: '127.0.0.1' })
    expect(loadConfig({ PORT: '8080', DATA_DIR: '/tmp/x' })).toMatchObject({ port: 8080, dataDir: '/tmp/x' })
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => loadConfig({ DEMO: 'maybe' })).toThrow(/DEMO/)
  })
})

describe('demo seed', () => {
  it('creates the demo accounts once; running again changes nothing', async () => {
    const t = makeTestApi()
    const deps = { store: t.store, clock: systemClock }
    expect((await seedDemoData(deps)).created).toBe(23)
    const before = await t.store.members.get('demo-student-1')
    expect((await seedDemoData(deps)).created).toBe(0)
    expect(await t.store.members.get('demo-student-1')).toEqual(before)
    await t.close()
  })
})
