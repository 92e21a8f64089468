import { randomBytes } from 'node:crypto'
import type { Activity, FieldItem } from '../../../types'
import type { MemberRecord } from '../member/ports'
import type { Store } from '../shared/store'
import { aroundSuite } from './contract-support'

/** What a run wrote, so an adapter-specific cleanup can remove what the ports cannot (fields). */
export interface WrittenKeys {
  openids: string[]
  fieldIds: string[]
}

export type ContractCleanup = (store: Store, written: WrittenKeys) => Promise<void>

/**
 * The behaviour every `Store` adapter must show, tested through the ports only. Every key carries
 * a random run id, so the suite can run against a shared real database next to other runs, and
 * it removes what it wrote (members and idempotency keys through the ports; fields, which the
 * ports cannot delete, through `cleanup`).
 */
export function describeStoreContract(name: string, open: () => Promise<Store>, cleanup?: ContractCleanup): void {
  describe(`${name} store contract`, () => {
    const runId = `ct${randomBytes(5).toString('hex')}`
    const openids = new Set<string>()
    const fieldIds = new Set<string>()
    let store: Store

    const openidFor = (label: string): string => {
      const openid = `${runId}-${label}`
      openids.add(openid)
      return openid
    }
    const fieldIdFor = (label: string): string => {
      const id = `${runId}-${label}`
      fieldIds.add(id)
      return id
    }
    const ourFields = async (): Promise<FieldItem[]> =>
      (await store.fields.list()).filter((f) => f.id.startsWith(`${runId}-`))

    aroundSuite(
      open,
      (opened) => {
        store = opened
      },
      {
        written: { openids, fieldIds },
        forgetMember: async (store, openid) => {
          await store.members.remove(openid)
          await store.idempotency.forgetCaller(openid)
        },
        cleanup,
      },
    )

    describe('members', () => {
      it('creates a member and reads it back as stored', async () => {
        const record = sampleMember(openidFor('create'))
        expect(await store.members.create(record)).toBe(true)
        expect(await store.members.get(record.openid)).toEqual(record)
      })

      it('reads the names of many members together, leaving out those who are not members', async () => {
        const a = openidFor('names-a')
        const b = openidFor('names-b')
        await store.members.create({ ...sampleMember(a), name: '王甲' })
        await store.members.create({ ...sampleMember(b), name: '李乙' })
        const cards = await store.members.cards([a, b, a, openidFor('names-nobody')])
        expect(Object.fromEntries([...cards].map(([openid, card]) => [openid, card.name]))).toEqual({ [a]: '王甲', [b]: '李乙' })
        expect(cards.get(a)?.university).toBe(sampleMember(a).university)
        expect((await store.members.cards([])).size).toBe(0)
      })

      it('refuses a second create for the same openid and keeps the original', async () => {
        const original = sampleMember(openidFor('duplicate'))
        expect(await store.members.create(original)).toBe(true)
        const imposter = { ...sampleMember(original.openid), name: '冒名者', phone: '13900000000', fields: ['food'] }
        expect(await store.members.create(imposter)).toBe(false)
        expect(await store.members.get(original.openid)).toEqual(original)
      })

      it('answers null for an unknown openid', async () => {
        expect(await store.members.get(openidFor('nobody'))).toBeNull()
      })

      it('applies partial changes, replaces the fields array and sets updatedAt', async () => {
        const record = sampleMember(openidFor('update'))
        await store.members.create(record)
        const updatedAt = '2026-12-01T09:30:00.000+08:00'
        const updated = await store.members.update(
          record.openid,
          { name: '李四', graduationYear: 2029, fields: ['energy'] },
          updatedAt,
        )
        const expected: MemberRecord = { ...record, name: '李四', graduationYear: 2029, fields: ['energy'], updatedAt }
        expect(updated).toEqual(expected)
        expect(await store.members.get(record.openid)).toEqual(expected)
      })

      it('leaves fields that the changes do not name untouched', async () => {
        const record = sampleMember(openidFor('untouched'))
        await store.members.create(record)
        const updated = await store.members.update(record.openid, { college: '' }, '2026-12-02T08:00:00.000+08:00')
        expect(updated).toEqual({ ...record, college: '', updatedAt: '2026-12-02T08:00:00.000+08:00' })
      })

      it('answers null when updating an unknown openid, and creates nothing', async () => {
        const openid = openidFor('update-nobody')
        expect(await store.members.update(openid, { name: '王五' }, '2026-12-01T09:30:00.000+08:00')).toBeNull()
        expect(await store.members.get(openid)).toBeNull()
      })

      it('removes a member once: true, then false', async () => {
        const record = sampleMember(openidFor('remove'))
        await store.members.create(record)
        expect(await store.members.remove(record.openid)).toBe(true)
        expect(await store.members.get(record.openid)).toBeNull()
        expect(await store.members.remove(record.openid)).toBe(false)
      })
    })

    describe('fields', () => {
      it('inserts a field and lists it', async () => {
        const field: FieldItem = { id: fieldIdFor('insert'), name: `${runId}-新领域`, active: true, sort: 1 }
        expect(await store.fields.save(field)).toEqual(field)
        expect(await ourFields()).toContainEqual(field)
      })

      it('replaces name, active and sort when saving an existing id', async () => {
        const id = fieldIdFor('upsert')
        await store.fields.save({ id, name: `${runId}-旧名`, active: true, sort: 3 })
        const replacement: FieldItem = { id, name: `${runId}-新名`, active: false, sort: 9 }
        expect(await store.fields.save(replacement)).toEqual(replacement)
        expect((await ourFields()).filter((f) => f.id === id)).toEqual([replacement])
      })

      it('lists by sort then id, retired fields included', async () => {
        const c: FieldItem = { id: fieldIdFor('order-c'), name: `${runId}-丙`, active: true, sort: 100 }
        const a: FieldItem = { id: fieldIdFor('order-a'), name: `${runId}-甲`, active: true, sort: 200 }
        const b: FieldItem = { id: fieldIdFor('order-b'), name: `${runId}-乙`, active: true, sort: 100 }
        const d: FieldItem = { id: fieldIdFor('order-d'), name: `${runId}-丁`, active: false, sort: 50 }
        for (const field of [c, a, b, d]) await store.fields.save(field)
        const listed = (await ourFields()).filter((f) => f.id.startsWith(`${runId}-order-`))
        expect(listed).toEqual([d, b, c, a])
      })
    })

    describe('idempotency', () => {
      it('finds nothing for a key never remembered', async () => {
        expect(await store.idempotency.find(openidFor('idem-none'), 'req-00000001')).toBeNull()
      })

      it('remembers a result under (caller, requestId)', async () => {
        const openid = openidFor('idem-remember')
        await store.idempotency.remember(openid, 'req-00000001', '{"ok":true,"data":1}', '2026-12-01T09:30:00.000+08:00')
        expect(await store.idempotency.find(openid, 'req-00000001')).toBe('{"ok":true,"data":1}')
        expect(await store.idempotency.find(openid, 'req-00000002')).toBeNull()
      })

      it('keeps the first result when the same key is remembered twice', async () => {
        const openid = openidFor('idem-first')
        await store.idempotency.remember(openid, 'req-00000001', 'first', '2026-12-01T09:30:00.000+08:00')
        await store.idempotency.remember(openid, 'req-00000001', 'second', '2026-12-01T09:31:00.000+08:00')
        expect(await store.idempotency.find(openid, 'req-00000001')).toBe('first')
      })

      it('lets exactly one of concurrent claims of a key run; a result or a live claim refuses more (m-7)', async () => {
        const openid = openidFor('idem-claim')
        const claims = await Promise.all(
          Array.from({ length: 10 }, () => store.idempotency.claim(openid, 'req-claim001', '2026-12-01T09:30:00.000+08:00', '2026-12-01T09:29:00.000+08:00')),
        )
        expect(claims.filter((c) => c.held)).toHaveLength(1)
        // The others learn that a run holds it, with no answer yet: a claim is not an answer.
        expect(claims.filter((c) => !c.held)).toEqual(Array.from({ length: 9 }, () => ({ held: false, result: null })))
        expect(await store.idempotency.find(openid, 'req-claim001')).toBeNull()
        await store.idempotency.remember(openid, 'req-claim001', 'done', '2026-12-01T09:30:01.000+08:00')
        expect(await store.idempotency.find(openid, 'req-claim001')).toBe('done')
        // Even long after, a key with a result is never claimed again, and the claim hands the answer back.
        expect(await store.idempotency.claim(openid, 'req-claim001', '2026-12-01T09:40:00.000+08:00', '2026-12-01T09:39:00.000+08:00')).toEqual({ held: false, result: 'done' })
        // Filling the claim in keeps the first answer.
        await store.idempotency.remember(openid, 'req-claim001', 'again', '2026-12-01T09:40:01.000+08:00')
        expect(await store.idempotency.find(openid, 'req-claim001')).toBe('done')
      })

      it('hands a stale claim over, and a released one to the next caller', async () => {
        const openid = openidFor('idem-stale')
        const held = { held: true }
        expect(await store.idempotency.claim(openid, 'req-stale001', '2026-12-01T09:30:00.000+08:00', '2026-12-01T09:29:00.000+08:00')).toEqual(held)
        expect(await store.idempotency.claim(openid, 'req-stale001', '2026-12-01T09:30:30.000+08:00', '2026-12-01T09:29:30.000+08:00')).toEqual({ held: false, result: null })
        expect(await store.idempotency.claim(openid, 'req-stale001', '2026-12-01T09:32:00.000+08:00', '2026-12-01T09:31:00.000+08:00')).toEqual(held)
        await store.idempotency.release(openid, 'req-stale001')
        expect(await store.idempotency.claim(openid, 'req-stale001', '2026-12-01T09:32:10.000+08:00', '2026-12-01T09:31:10.000+08:00')).toEqual(held)
        // Releasing a key with an answer forgets nothing.
        await store.idempotency.remember(openid, 'req-stale001', 'kept', '2026-12-01T09:32:11.000+08:00')
        await store.idempotency.release(openid, 'req-stale001')
        expect(await store.idempotency.find(openid, 'req-stale001')).toBe('kept')
      })

      it('keeps keys of different callers apart', async () => {
        const alice = openidFor('idem-alice')
        const bob = openidFor('idem-bob')
        await store.idempotency.remember(alice, 'req-shared01', 'alice', '2026-12-01T09:30:00.000+08:00')
        await store.idempotency.remember(bob, 'req-shared01', 'bob', '2026-12-01T09:30:00.000+08:00')
        expect(await store.idempotency.find(alice, 'req-shared01')).toBe('alice')
        expect(await store.idempotency.find(bob, 'req-shared01')).toBe('bob')
      })

      it("forgets every key of one caller and only that caller's", async () => {
        const leaving = openidFor('idem-leaving')
        const staying = openidFor('idem-staying')
        const requestIds = Array.from({ length: 5 }, (_, i) => `req-leave-${i}`)
        for (const requestId of requestIds) {
          await store.idempotency.remember(leaving, requestId, `r-${requestId}`, '2026-12-01T09:30:00.000+08:00')
        }
        await store.idempotency.remember(staying, 'req-leave-0', 'kept', '2026-12-01T09:30:00.000+08:00')

        await store.idempotency.forgetCaller(leaving)

        for (const requestId of requestIds) expect(await store.idempotency.find(leaving, requestId)).toBeNull()
        expect(await store.idempotency.find(staying, 'req-leave-0')).toBe('kept')
        // Forgetting a caller with nothing left is not an error.
        await expect(store.idempotency.forgetCaller(leaving)).resolves.toBeUndefined()
      })
    })
  })
}

/** A complete, valid member; tests override what they care about. */
export function sampleMember(openid: string): MemberRecord {
  return {
    openid,
    role: 'student',
    stationId: null,
    stationJoinedAt: null,
    status: 'active',
    name: '张三',
    phone: '13812341234',
    university: '郑州大学',
    college: '计算机学院',
    major: '软件工程',
    degree: 'bachelor',
    enrollmentYear: 2023,
    graduationYear: 2027,
    hometownCounty: 'queshan',
    fields: ['electronics', 'materials'],
    consentVersion: '2026-11',
    consentAt: '2026-11-27T10:00:00.000+08:00',
    consentWithdrawnAt: null,
    joinedAt: '2026-11-27T10:00:00.000+08:00',
    updatedAt: '2026-11-27T10:00:00.000+08:00',
    isDemo: false,
  }
}

/**
 * A published lab visit open to everyone; tests give its id, its times and what else they care
 * about. Updated and published at its creation time unless overridden.
 */
export function sampleActivity(
  fields: Pick<Activity, 'id' | 'startAt' | 'endAt' | 'signUpOpenAt' | 'signUpCloseAt' | 'createdAt'> & Partial<Activity>,
): Activity {
  return {
    type: 'lab_visit',
    title: '走进重点实验室',
    description: '',
    hostOrg: '驻马店市科技局',
    place: '驻马店市驿城区',
    capacity: 5,
    waitlist: true,
    eligibility: { degrees: [], counties: [], fields: [], stationIds: [] },
    form: [],
    coverImage: null,
    checkInHelpers: [],
    status: 'published',
    cancelReason: '',
    stationId: null,
    platformId: null,
    openToPublic: false,
    publicCount: 0,
    createdBy: 'staff-1',
    registeredCount: 0,
    waitlistCount: 0,
    updatedAt: fields.createdAt,
    publishedAt: fields.createdAt,
    ...fields,
  }
}
