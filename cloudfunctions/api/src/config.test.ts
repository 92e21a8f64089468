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

  it('never turns demo sign-in on by accident: by default only on a loopback address (M-5)', () => {
    expect(loadConfig({ HOST: '127.0.0.1' }).demo).toBe(true)
    expect(loadConfig({ HOST: 'localhost' }).demo).toBe(true)
    expect(loadConfig({ HOST: '::1' }).demo).toBe(true)
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'example.org', '127.0.0.1.example.org']) {
      const config = loadConfig({ HOST: host })
      expect({ host, demo: config.demo, staff: config.staffOpenids.has('demo-staff') }).toEqual({ host, demo: false, staff: false })
    }
    expect(loadConfig({ HOST: '0.0.0.0', DEMO: '1' }).demo).toBe(true)
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
    expect((await seedDemoData(deps)).created).toBe(24)
    const before = await t.store.members.get('demo-student-1')
    expect((await seedDemoData(deps)).created).toBe(0)
    expect(await t.store.members.get('demo-student-1')).toEqual(before)
    await t.close()
  })
})

describe('cloud covers (m-8)', () => {
  it('accepts only this environment’s activity-covers files', async () => {
    const { cloudCovers } = await import('../../runtime/cloud-deps')
    const covers = cloudCovers('env-1')
    expect(await covers.isOurs('cloud://env-1.7a6b-env-1-123/activity-covers/1700000000000-abc.png')).toBe(true)
    expect(await covers.isOurs('cloud://other-env.bucket/activity-covers/x.png')).toBe(false)
    expect(await covers.isOurs('cloud://env-1.bucket/other-tenant/secret.png')).toBe(false)
  })
})

describe('subscribe-message templates (audit D2, D9)', () => {
  it('takes a keyword map per configured template, and the mini-program version', () => {
    const config = loadConfig({
      SUBSCRIBE_TEMPLATE_NOTICE: 'tpl-n',
      SUBSCRIBE_TEMPLATE_NOTICE_KEYS: 'title:thing1,sender:thing2,time:time3',
      MINIPROGRAM_VERSION: 'trial',
    })
    expect(config.templateKeywords).toEqual({ reminder: null, result: null, notice: { title: 'thing1', sender: 'thing2', time: 'time3' } })
    expect(config.miniProgramVersion).toBe('trial')
    expect(loadConfig({}).miniProgramVersion).toBe('release')
  })

  it('fails at start, naming the variable, when a configured template has no map or a wrong one', () => {
    expect(() => loadConfig({ SUBSCRIBE_TEMPLATE_REMINDER: 'tpl-r' })).toThrow(/SUBSCRIBE_TEMPLATE_REMINDER_KEYS/)
    expect(() => loadConfig({ SUBSCRIBE_TEMPLATE_RESULT: 'tpl-r', SUBSCRIBE_TEMPLATE_RESULT_KEYS: 'title:thing1,status:phrase2' })).toThrow(
      /SUBSCRIBE_TEMPLATE_RESULT_KEYS: 缺少字段 note/,
    )
    expect(() => loadConfig({ MINIPROGRAM_VERSION: 'beta' })).toThrow(/MINIPROGRAM_VERSION/)
  })
})
