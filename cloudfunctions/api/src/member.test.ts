import type { Member } from '../../../types'
import { MAX_PAYLOAD_BYTES } from './router'
import { data, errorOf, makeTestApi, profile } from './test-support'

let t: ReturnType<typeof makeTestApi>
beforeEach(() => {
  t = makeTestApi({ staff: ['staff-1'] })
})
afterEach(() => t.close())


describe('member.register', () => {
  it('joins a new WeChat user as a student without a station', async () => {
    expect(data(await t.call('u1', 'member.me'))).toBeNull()
    const member = data(await t.call('u1', 'member.register', profile()))
    expect(member).toMatchObject({
      openid: 'u1',
      role: 'student',
      stationId: null,
      name: '李明',
      phone: '13812341234',
      hometownCounty: 'suiping',
      fields: ['electronics', 'equipment'],
      isDemo: false,
    })
    expect(member.joinedAt).toMatch(/\+08:00$/)
    expect(data(await t.call('u1', 'member.me'))).toEqual(member)
  })

  it('takes the identity from the platform, never from the payload', async () => {
    const member = data(await t.call('u1', 'member.register', { ...profile(), openid: 'someone-else', role: 'staff' }))
    expect(member.openid).toBe('u1')
    expect(member.role).toBe('student')
    expect(data(await t.call('someone-else', 'member.me'))).toBeNull()
  })

  it('shows configured staff as staff', async () => {
    expect(data(await t.call('staff-1', 'member.register', profile())).role).toBe('staff')
  })

  it('needs a signed-in caller', async () => {
    expect(errorOf(await t.call(null, 'member.register', profile())).code).toBe('UNAUTHENTICATED')
  })

  it('answers a second registration with CONFLICT and leaves the member unchanged', async () => {
    const first = data(await t.call('u1', 'member.register', profile()))
    const error = errorOf(await t.call('u1', 'member.register', profile({ name: '王五', major: '哲学' })))
    expect(error.code).toBe('CONFLICT')
    expect(data(await t.call('u1', 'member.me'))).toEqual(first)
  })

  it('returns the first result again for a retried requestId', async () => {
    const first = await t.call('u1', 'member.register', profile(), 'req-register-0001')
    const retry = await t.call('u1', 'member.register', profile(), 'req-register-0001')
    expect(first.ok).toBe(true)
    expect(retry).toEqual(first)
  })

  it('refuses a requestId reused with another payload or action, and does not answer with the first result (m-7)', async () => {
    data(await t.call('u1', 'member.register', profile(), 'req-register-0002'))
    const otherPayload = await t.call('u1', 'member.update', { major: '第一次' }, 'req-update-00001')
    expect(data(otherPayload).major).toBe('第一次')
    const reused = await t.call('u1', 'member.update', { major: '第二次' }, 'req-update-00001')
    expect(reused.ok ? 'ok' : reused.error.code).toBe('CONFLICT')
    const otherAction = await t.call('u1', 'station.leave', {}, 'req-update-00001')
    expect(otherAction.ok ? 'ok' : otherAction.error.code).toBe('CONFLICT')
    expect(data(await t.call('u1', 'member.me'))?.major).toBe('第一次')
  })

  it('lets exactly one of 20 parallel registrations of one person through', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => t.call('u1', 'member.register', profile())))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => errorOf(r).code)).toEqual(Array(19).fill('CONFLICT'))
  })

  it('refuses a stale privacy consent', async () => {
    const error = errorOf(await t.call('u1', 'member.register', profile({ consentVersion: '2020-01-v0' })))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.fields).toHaveProperty('consentVersion')
  })

  const badInputs: [string, Record<string, unknown>, string, RegExp][] = [
    ['a phone of 10 digits', { phone: '1381234123' }, 'phone', /手机号/],
    ['a phone with letters', { phone: '1381234abcd' }, 'phone', /手机号/],
    ['no name', { name: undefined }, 'name', /请填写姓名/],
    ['a blank name', { name: '   ' }, 'name', /请填写姓名/],
    ['a name over 20 characters', { name: '名'.repeat(21) }, 'name', /姓名最多20个字/],
    ['an object where a string belongs', { name: { $gt: '' } }, 'name', /姓名/],
    ['an operator object as university', { university: { $ne: null } }, 'university', /学校/],
    ['a county outside Zhumadian', { hometownCounty: 'zhengzhou' }, 'hometownCounty', /家乡县区/],
    ['an unknown degree', { degree: 'phd' }, 'degree', /学历/],
    ['a year as text', { enrollmentYear: '2022' }, 'enrollmentYear', /入学年份/],
    ['a fractional year', { graduationYear: 2026.5 }, 'graduationYear', /毕业年份/],
    ['graduation before enrollment', { enrollmentYear: 2024, graduationYear: 2020 }, 'graduationYear', /不能早于入学年份/],
    ['no field', { fields: [] }, 'fields', /至少选择1个/],
    ['four fields', { fields: ['food', 'energy', 'tourism', 'biomed'] }, 'fields', /最多选3个/],
    ['a repeated field', { fields: ['food', 'food'] }, 'fields', /不能重复/],
    ['a field not in the list', { fields: ['astrology'] }, 'fields.0', /重点产业领域/],
    ['fields as a string', { fields: 'food' }, 'fields', /重点产业领域/],
  ]

  it.each(badInputs)('refuses %s with the field named, and writes nothing', async (_label, change, field, message) => {
    const error = errorOf(await t.call('u1', 'member.register', { ...profile(), ...change }))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.fields?.[field]).toMatch(message)
    expect(error.message).toMatch(message)
    expect(data(await t.call('u1', 'member.me'))).toBeNull()
  })

  it('refuses a payload that is not an object', async () => {
    for (const payload of ['hello', 42, [profile()]]) {
      expect(errorOf(await t.call('u1', 'member.register', payload)).code).toBe('INVALID_INPUT')
    }
  })

  it('refuses an oversized payload before doing any work', async () => {
    const error = errorOf(await t.call('u1', 'member.register', { ...profile(), major: 'x'.repeat(MAX_PAYLOAD_BYTES) }))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.fields).toHaveProperty('payload')
    expect(data(await t.call('u1', 'member.me'))).toBeNull()
  })

  it('keeps an optional college empty when left out', async () => {
    const member = data(await t.call('u1', 'member.register', profile({ college: undefined })))
    expect(member.college).toBe('')
  })
})

describe('member.update', () => {
  let joined: Member
  beforeEach(async () => {
    joined = data(await t.call('u1', 'member.register', profile()))
  })

  it('changes only what was sent', async () => {
    const updated = data(await t.call('u1', 'member.update', { major: '人工智能', fields: ['biomed'] }))
    expect(updated).toMatchObject({ ...joined, major: '人工智能', fields: ['biomed'], updatedAt: expect.any(String) })
    expect(data(await t.call('u1', 'member.me'))).toEqual(updated)
  })

  it('is only for members', async () => {
    expect(errorOf(await t.call('u2', 'member.update', { major: '哲学' })).code).toBe('FORBIDDEN')
    expect(errorOf(await t.call(null, 'member.update', { major: '哲学' })).code).toBe('UNAUTHENTICATED')
  })

  it('refuses bad input and writes nothing', async () => {
    for (const [payload, field] of [
      [{ phone: '123' }, 'phone'],
      [{}, '_'],
      [{ graduationYear: 2010 }, 'graduationYear'],
      [{ hometownCounty: 'beijing' }, 'hometownCounty'],
      [{ major: ['a'] }, 'major'],
    ] as const) {
      const error = errorOf(await t.call('u1', 'member.update', payload))
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.fields).toHaveProperty([field])
    }
    expect(data(await t.call('u1', 'member.me'))).toEqual(joined)
  })

  it('cannot change role, station or identity through the payload', async () => {
    const updated = data(await t.call('u1', 'member.update', { major: '法学', role: 'staff', stationId: 's1', openid: 'u9' }))
    expect(updated).toMatchObject({ openid: 'u1', role: 'student', stationId: null, major: '法学' })
  })
})

describe('member.exportMine and member.deleteMine', () => {
  it('exports everything stored about the caller, phone included', async () => {
    const member = data(await t.call('u1', 'member.register', profile()))
    const exported = data(await t.call('u1', 'member.exportMine'))
    expect(exported.member).toEqual(member)
    expect(exported.exportedAt).toMatch(/\+08:00$/)
    expect(JSON.stringify(exported)).toContain('13812341234')
  })

  it('exports and deletes only for members', async () => {
    expect(errorOf(await t.call('u2', 'member.exportMine')).code).toBe('FORBIDDEN')
    expect(errorOf(await t.call('u2', 'member.deleteMine')).code).toBe('FORBIDDEN')
    expect(errorOf(await t.call(null, 'member.deleteMine')).code).toBe('UNAUTHENTICATED')
  })

  it('refuses bad input to delete and keeps the member', async () => {
    data(await t.call('u1', 'member.register', profile()))
    expect(errorOf(await t.call('u1', 'member.deleteMine', 'now')).code).toBe('INVALID_INPUT')
    expect(data(await t.call('u1', 'member.me'))).not.toBeNull()
  })

  it('deletes the account: the data is gone, remembered results too, and the person can join again', async () => {
    data(await t.call('u1', 'member.register', profile(), 'req-register-0001'))
    expect(data(await t.call('u1', 'member.deleteMine'))).toEqual({ deleted: true })
    expect(data(await t.call('u1', 'member.me'))).toBeNull()
    expect(await t.peek.memberStored('u1')).toBe(false)
    expect((await t.peek.idempotencyResults()).filter((result) => result.includes('13812341234'))).toEqual([])
    expect(data(await t.call('u1', 'member.register', profile({ name: '新的我' }), 'req-register-0001')).name).toBe('新的我')
  })
})

describe('a free-text 学校 matched to the list and confirmed', () => {
  it('proposes the listed name for a 简称, pinyin initials or a full-width variant, and 是 updates the profile', async () => {
    data(await t.call('u1', 'member.register', profile({ university: '郑大' })))
    expect(data(await t.call('u1', 'member.universityMatch'))).toMatchObject({ typed: '郑大', suggestion: { name: '郑州大学', province: '河南省' } })
    const confirmed = data(await t.call('u1', 'member.confirmUniversity', { university: '郑州大学' }))
    expect(confirmed.university).toBe('郑州大学')
    expect(data(await t.call('u1', 'member.me'))?.university).toBe('郑州大学')
    // Asked once: a listed name has nothing to confirm.
    expect(data(await t.call('u1', 'member.universityMatch'))).toBeNull()
    expect(errorOf(await t.call('u1', 'member.confirmUniversity', { university: '郑州大学' })).code).toBe('CONFLICT')

    data(await t.call('u2', 'member.register', profile({ university: 'zzdx' })))
    expect(data(await t.call('u2', 'member.universityMatch'))?.suggestion.name).toBe('郑州大学')
    data(await t.call('u3', 'member.register', profile({ university: '郑州大学（本部）' })))
    expect(data(await t.call('u3', 'member.universityMatch'))?.suggestion.name).toBe('郑州大学')
    // Only text inside a name (not from its start, no 简称) is too weak to propose.
    data(await t.call('u4', 'member.register', profile({ university: '某某职业培训中心' })))
    expect(data(await t.call('u4', 'member.universityMatch'))).toBeNull()
  })

  it('refuses a visitor, a name other than the one proposed (nothing written), and bad input with the field named', async () => {
    expect(errorOf(await t.call('visitor', 'member.universityMatch')).code).toBe('FORBIDDEN')
    expect(errorOf(await t.call('visitor', 'member.confirmUniversity', { university: '郑州大学' })).code).toBe('FORBIDDEN')
    data(await t.call('u1', 'member.register', profile({ university: '郑大' })))
    const other = errorOf(await t.call('u1', 'member.confirmUniversity', { university: '北京大学' }))
    expect(other.code).toBe('INVALID_INPUT')
    expect(other.fields).toHaveProperty('university')
    expect(other.message).toContain('郑州大学')
    for (const bad of [{}, { university: '' }, { university: 42 }, { university: '很'.repeat(41) }]) {
      const error = errorOf(await t.call('u1', 'member.confirmUniversity', bad))
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.fields).toHaveProperty('university')
      expect(error.message).toMatch(/学校/)
    }
    expect(data(await t.call('u1', 'member.me'))?.university).toBe('郑大')
  })
})
