import type { Logger } from '../../runtime/logger'
import { data, errorOf, makeTestApi, profile } from './test-support'

let t: ReturnType<typeof makeTestApi>
beforeEach(() => {
  t = makeTestApi({ staff: ['staff-1'] })
})
afterEach(() => t.close())


describe('router basics', () => {
  it('answers system.ping to anyone, with a Shanghai-offset time', async () => {
    const pong = data(await t.call(null, 'system.ping'))
    expect(pong.pong).toBe(true)
    expect(pong.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/)
  })

  it('answers an unknown action with NOT_FOUND, never undefined', async () => {
    const error = errorOf(await t.api.handle({ action: 'member.hack' }, { openid: 'u1' }))
    expect(error.code).toBe('NOT_FOUND')
    expect(error.message).toContain('member.hack')
  })

  it('refuses a request without an action, naming the field', async () => {
    for (const request of [null, 'member.me', { payload: {} }, { action: 42 }, { action: { $gt: '' } }]) {
      const error = errorOf(await t.api.handle(request, { openid: 'u1' }))
      expect(error.code).toBe('INVALID_INPUT')
    }
    const error = errorOf(await t.api.handle({ payload: {} }, { openid: 'u1' }))
    expect(error.fields).toHaveProperty('action')
  })

  it('refuses a malformed requestId', async () => {
    const error = errorOf(await t.api.handle({ action: 'system.ping', requestId: 'x' }, { openid: 'u1' }))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.fields).toHaveProperty('requestId')
  })

  it('turns an unexpected exception into INTERNAL without leaking the stack, and logs it', async () => {
    const logged: unknown[] = []
    const logger: Logger = { info: () => {}, error: (event, fields) => logged.push({ event, fields }) }
    const broken = makeTestApi({ logger })
    broken.store.members.get = async () => {
      throw new Error('disk on fire at /secret/path')
    }
    const error = errorOf(await broken.call('u1', 'member.me'))
    expect(error).toEqual({ code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试' })
    expect(JSON.stringify(error)).not.toContain('secret')
    expect(JSON.stringify(logged)).toContain('disk on fire')
    await broken.close()
  })
})

describe('taxonomy', () => {
  it('lists the 10 counties, 5 degrees, the 9 seeded fields and the privacy version', async () => {
    const list = data(await t.call(null, 'taxonomy.list'))
    expect(list.counties.map((c) => c.name)).toEqual([
      '驿城区', '确山县', '泌阳县', '遂平县', '西平县', '上蔡县', '汝南县', '平舆县', '新蔡县', '正阳县',
    ])
    expect(list.degrees.map((d) => d.name)).toEqual(['专科', '本科', '硕士', '博士', '博士后'])
    expect(list.fields.map((f) => f.name)).toEqual([
      '纺织服装', '食品加工', '装备制造', '电子信息', '新材料', '生物医药', '新能源', '文化旅游', '现代物流',
    ])
    expect(list.privacyVersion).toMatch(/\S/)
  })

  it('lets staff add, rename and retire a field; members then choose from the live list', async () => {
    const added = data(await t.call('staff-1', 'taxonomy.saveField', { name: '人工智能' }))
    expect(added.active).toBe(true)
    data(await t.call('staff-1', 'taxonomy.saveField', { id: 'textile', name: '纺织服装', active: false }))
    const names = data(await t.call(null, 'taxonomy.list')).fields.map((f) => f.name)
    expect(names).toContain('人工智能')
    expect(names).not.toContain('纺织服装')

    const retired = errorOf(await t.call('u1', 'member.register', profile({ fields: ['textile'] })))
    expect(retired.code).toBe('INVALID_INPUT')
    expect(retired.fields).toHaveProperty(['fields.0'])
    data(await t.call('u1', 'member.register', profile({ fields: [added.id] })))
  })

  it('lists every field, retired ones included, to staff only', async () => {
    data(await t.call('staff-1', 'taxonomy.saveField', { id: 'textile', name: '纺织服装', active: false }))
    const all = data(await t.call('staff-1', 'taxonomy.fields'))
    expect(all).toHaveLength(9)
    expect(all.find((f) => f.id === 'textile')).toMatchObject({ active: false })
    expect(errorOf(await t.call('u1', 'taxonomy.fields')).code).toBe('FORBIDDEN')
  })

  it('refuses field edits from students and visitors, and a duplicate name', async () => {
    expect(errorOf(await t.call('u1', 'taxonomy.saveField', { name: '人工智能' })).code).toBe('FORBIDDEN')
    expect(errorOf(await t.call(null, 'taxonomy.saveField', { name: '人工智能' })).code).toBe('UNAUTHENTICATED')
    expect(errorOf(await t.call('staff-1', 'taxonomy.saveField', { name: '新能源' })).code).toBe('CONFLICT')
  })

  it('refuses bad field input with the field named and writes nothing', async () => {
    const before = data(await t.call(null, 'taxonomy.list')).fields
    for (const payload of [{}, { name: '' }, { name: '很长很长很长很长很长很长的名字' }, { name: { $gt: '' } }, { name: 'AI', id: 'BAD ID' }]) {
      const error = errorOf(await t.call('staff-1', 'taxonomy.saveField', payload))
      expect(error.code).toBe('INVALID_INPUT')
      expect(Object.keys(error.fields ?? {})).toEqual(expect.arrayContaining([expect.stringMatching(/^(name|id)$/)]))
    }
    expect(data(await t.call(null, 'taxonomy.list')).fields).toEqual(before)
  })
})
