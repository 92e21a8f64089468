import { randomBytes } from 'node:crypto'
import type { Platform } from '../../../types'
import type { Store } from '../shared/store'
import { toIsoString } from '../shared/clock'
import { sampleActivity, sampleMember } from './store-contract'
import { aroundSuite, everyItem } from './contract-support'

/** What a run wrote, so an adapter-specific cleanup can remove what the ports cannot. */
export interface PlatformWrittenKeys {
  openids: string[]
  platformIds: string[]
  activityIds: string[]
  demandIds: string[]
}

export type PlatformContractCleanup = (store: Store, written: PlatformWrittenKeys) => Promise<void>

const T0 = Date.parse('2027-06-01T09:00:00.000+08:00')
const at = (minutes: number) => toIsoString(new Date(T0 + minutes * 60_000))
const DAY = 24 * 60

/**
 * The behaviour every adapter of `PlatformStore` must show, through the `Store` ports only. Names
 * carry a random run marker and every list is searched by it, so runs can share a real database.
 */
export function describePlatformStoreContract(name: string, open: () => Promise<Store>, cleanup?: PlatformContractCleanup): void {
  describe(`${name} platforms contract`, () => {
    const marker = `pfrun${randomBytes(4).toString('hex')}`
    const written = { openids: new Set<string>(), platformIds: new Set<string>(), activityIds: new Set<string>(), demandIds: new Set<string>() }
    let store: Store
    let counter = 0

    aroundSuite(
      open,
      (opened) => {
        store = opened
      },
      {
        written,
        forgetMember: async (store, openid) => {
          await store.registrations.forgetMember(openid, at(0))
          await store.members.remove(openid)
        },
        cleanup,
      },
    )

    function platformRecord(overrides: Partial<Platform> = {}): Platform {
      counter += 1
      const id = `${marker}-p${String(counter).padStart(3, '0')}`
      written.platformIds.add(id)
      return {
        id,
        kind: 'provincial_key_lab',
        name: `${marker} 平台${counter}`,
        county: 'yicheng',
        fields: ['biomed'],
        degrees: [],
        intro: '面向生物医药的省级重点实验室。',
        hostOrg: '驻马店某生物科技公司',
        partnerUniversities: ['郑州大学'],
        contact: { name: '王老师', phone: '0396-1234567', note: '' },
        photos: [],
        offers: ['visit', 'internship'],
        status: 'active',
        createdAt: at(counter),
        updatedAt: at(counter),
        isDemo: false,
        ...overrides,
      }
    }

    async function platform(overrides: Partial<Platform> = {}): Promise<Platform> {
      const record = platformRecord(overrides)
      await store.platforms.create(record)
      return record
    }

    const query = (overrides: Partial<Parameters<Store['platforms']['list']>[0]> = {}) => ({
      q: marker,
      kind: null,
      county: null,
      field: null,
      relevantTo: null,
      includeArchived: false,
      cursor: null,
      limit: 50,
      ...overrides,
    })
    const ids = async (overrides: Partial<Parameters<Store['platforms']['list']>[0]> = {}) =>
      (await everyItem((cursor) => store.platforms.list(query({ ...overrides, cursor }))))
        .map((p) => p.id)
        .sort()

    it('creates and reads a platform back as it was written; finds an active one by name', async () => {
      const record = await platform({ degrees: ['master'], photos: ['/uploads/0123456789abcdef01234567.png'] })
      expect(await store.platforms.get(record.id)).toEqual(record)
      expect(await store.platforms.get(`${marker}-missing`)).toBeNull()
      expect((await store.platforms.findActiveByName(record.name))?.id).toBe(record.id)
      expect(await store.platforms.findActiveByName(`${marker} 没有`)).toBeNull()
    })

    it('updates the given properties, replaces the contact whole, and archives once', async () => {
      const record = await platform()
      const updated = await store.platforms.update(record.id, { name: `${marker} 新名字`, contact: { name: '李老师', phone: '13800000000', note: '周一到周五' } }, at(100))
      expect(updated).toEqual({ ...record, name: `${marker} 新名字`, contact: { name: '李老师', phone: '13800000000', note: '周一到周五' }, updatedAt: at(100) })
      const cleared = await store.platforms.update(record.id, { contact: null, degrees: [] }, at(101))
      expect(cleared?.contact).toBeNull()
      expect(await store.platforms.get(record.id)).toEqual(cleared)
      expect(await store.platforms.update(`${marker}-missing`, { name: 'x' }, at(102))).toBeNull()
      expect(await store.platforms.archive(record.id, at(103))).toBe(true)
      expect(await store.platforms.archive(record.id, at(104))).toBe(false)
      expect(await store.platforms.get(record.id)).toMatchObject({ status: 'archived', updatedAt: at(103) })
      expect(await store.platforms.findActiveByName(`${marker} 新名字`)).toBeNull()
    })

    describe('list', () => {
      let lab: Platform, centre: Platform, studio: Platform, forMasters: Platform, archived: Platform
      beforeAll(async () => {
        lab = await platform({ name: `${marker} 生物医药重点实验室`, fields: ['biomed'], county: 'yicheng' })
        centre = await platform({ kind: 'tech_innovation_center', name: `${marker} 装备技术创新中心`, fields: ['equipment', 'materials'], county: 'suiping' })
        studio = await platform({ kind: 'co_built_studio', name: `${marker} 校地工作室`, fields: ['electronics'], county: 'yicheng', hostOrg: '共青团驿城区委' })
        forMasters = await platform({ name: `${marker} 硕博工作站`, fields: ['biomed', 'food'], county: 'xiping', degrees: ['master', 'doctor'] })
        archived = await platform({ name: `${marker} 已归档`, fields: ['biomed'], status: 'archived' })
      })

      it('filters by kind, county and field, active only unless archived are asked for', async () => {
        expect(await ids({ kind: 'tech_innovation_center' })).toEqual([centre.id])
        expect(await ids({ county: 'yicheng', field: 'biomed' })).toEqual(expect.arrayContaining([lab.id]))
        expect(await ids({ county: 'yicheng', field: 'biomed' })).not.toContain(studio.id)
        expect(await ids({ field: 'materials' })).toEqual([centre.id])
        expect(await ids()).not.toContain(archived.id)
        expect(await ids({ includeArchived: true })).toContain(archived.id)
      })

      it('matches words in the name, introduction or host organisation', async () => {
        expect(await ids({ q: `${marker} 驿城区委` })).toEqual([studio.id])
        expect(await ids({ q: `${marker} 装备` })).toEqual([centre.id])
      })

      it('与我相关: a shared field, and a degree the platform is for (none listed: every degree)', async () => {
        const bachelorBiomed = await ids({ relevantTo: { fields: ['biomed'], degree: 'bachelor' } })
        expect(bachelorBiomed).toContain(lab.id)
        expect(bachelorBiomed).not.toContain(forMasters.id)
        expect(bachelorBiomed).not.toContain(centre.id)
        expect(await ids({ relevantTo: { fields: ['food'], degree: 'doctor' } })).toEqual([forMasters.id])
        expect(await ids({ relevantTo: { fields: [], degree: 'doctor' } })).toEqual([])
      })

      it('pages newest first without repeats', async () => {
        const pages = await everyItem((cursor) => store.platforms.list(query({ cursor, limit: 2 })))
        const all = pages.map((p) => p.id)
        expect(new Set(all).size).toBe(all.length)
        expect(all.indexOf(forMasters.id)).toBeLessThan(all.indexOf(lab.id))
      })
    })

    describe("a platform's page", () => {
      it('lists upcoming and past published activities with attendance, open demands and who took part', async () => {
        const host = await platform()
        const other = await platform()
        const now = at(30 * DAY)
        const activity = async (label: string, startDay: number, overrides: Parameters<typeof sampleActivity>[0] extends infer F ? Partial<F> : never = {}) => {
          const id = `${marker}-a-${label}`
          written.activityIds.add(id)
          const record = sampleActivity({
            id,
            title: `${marker} ${label}`,
            startAt: at(startDay * DAY),
            endAt: at(startDay * DAY + 120),
            signUpOpenAt: at(0),
            signUpCloseAt: at(startDay * DAY - 60),
            createdAt: at(0),
            platformId: host.id,
            ...overrides,
          })
          await store.activities.create(record)
          return record
        }
        const soon = await activity('soon', 35)
        const later = await activity('later', 40)
        await activity('draft', 36, { status: 'draft', publishedAt: null })
        await activity('elsewhere', 37, { platformId: other.id })
        const past = await activity('past', 10)
        const earlier = await activity('earlier', 5)

        const openids = ['m1', 'm2', 'm3'].map((label) => {
          const openid = `${marker}-${label}`
          written.openids.add(openid)
          return openid
        })
        for (const openid of openids) expect(await store.members.create({ ...sampleMember(openid), name: `成员${openid.slice(-2)}` })).toBe(true)
        for (const openid of openids) await store.registrations.signUp({ activityId: past.id, openid, answers: {}, at: at(DAY) })
        await store.registrations.checkIn(past.id, openids[0]!, at(10 * DAY + 10))
        await store.registrations.checkIn(past.id, openids[1]!, at(10 * DAY + 11))

        const upcoming = await store.platforms.activities(host.id, 'upcoming', now, 10)
        expect(upcoming.map((a) => a.id)).toEqual([soon.id, later.id])
        const done = await store.platforms.activities(host.id, 'past', now, 10)
        expect(done.map((a) => a.id)).toEqual([past.id, earlier.id])
        expect(done[0]).toMatchObject({ title: past.title, registeredCount: 3, attended: 2, capacity: past.capacity })
        expect(done[1]).toMatchObject({ attended: 0 })
        expect(await store.platforms.activities(host.id, 'upcoming', now, 1)).toHaveLength(1)

        const people = await store.platforms.participants(done, 10)
        expect(people.map((p) => p.openid).sort()).toEqual([openids[0], openids[1]].sort())
        expect(people[0]).toMatchObject({ activityTitle: past.title, university: sampleMember('x').university })
        expect(await store.platforms.participants([], 10)).toEqual([])

        const demand = (label: string, overrides: { platformId?: string | null; status?: 'open' | 'closed'; deadline?: string } = {}) => {
          const id = `${marker}-d-${label}`
          written.demandIds.add(id)
          return store.demands.create({
            id,
            employer: host.name,
            position: label,
            field: 'biomed',
            degree: 'master',
            headcount: 2,
            place: '驿城区',
            salaryMin: null,
            salaryMax: null,
            deadline: '2027-08-01',
            description: '',
            status: 'open',
            platformId: host.id,
            createdAt: at(0),
            updatedAt: at(0),
            ...overrides,
          })
        }
        await demand('研发助理')
        await demand('已截止', { deadline: '2027-06-15' })
        await demand('别家', { platformId: other.id })
        await demand('质检员', { deadline: '2027-07-10' })
        const demands = await store.platforms.openDemands(host.id, now.slice(0, 10), 10)
        expect(demands.map((d) => d.position)).toEqual(['质检员', '研发助理'])
        expect(demands[0]).toMatchObject({ employer: host.name, headcount: 2, deadline: '2027-07-10' })
      })
    })

    describe('contacts, invites and demand drafts', () => {
      it('adds a contact once, lists and finds them, removes them', async () => {
        const a = await platform()
        const b = await platform()
        const openid = `${marker}-contact`
        const contact = { platformId: a.id, openid, name: '张联系人', via: 'member' as const, addedAt: at(1) }
        expect(await store.platforms.addContact(contact)).toBe(true)
        expect(await store.platforms.addContact({ ...contact, addedAt: at(2) })).toBe(false)
        expect(await store.platforms.addContact({ ...contact, platformId: b.id, via: 'invite', addedAt: at(3) })).toBe(true)
        expect(await store.platforms.contactsOf(a.id, 10)).toEqual([contact])
        expect(await store.platforms.isContact(a.id, openid)).toBe(true)
        expect(await store.platforms.isContact(a.id, `${marker}-nobody`)).toBe(false)
        expect(await store.platforms.platformsOfContact(openid, 10)).toEqual([a.id, b.id])
        expect(await store.platforms.removeContact(a.id, openid)).toBe(true)
        expect(await store.platforms.removeContact(a.id, openid)).toBe(false)
        expect(await store.platforms.isContact(a.id, openid)).toBe(false)
        await store.platforms.forgetContact(openid)
        expect(await store.platforms.platformsOfContact(openid, 10)).toEqual([])
      })

      it('finds members by a part of their name or university, case-insensitive and literally, by name', async () => {
        const people = [
          { openid: `${marker}-q1`, name: `乙${marker}`, university: '郑州大学' },
          { openid: `${marker}-q2`, name: '甲同学', university: `${marker}理工大学` },
          { openid: `${marker}-q3`, name: '丙同学', university: '河南大学' },
        ]
        for (const p of people) {
          written.openids.add(p.openid)
          expect(await store.members.create({ ...sampleMember(p.openid), name: p.name, university: p.university })).toBe(true)
        }
        const found = await store.platforms.searchMembers(marker.toUpperCase(), 10)
        expect(found.map((m) => m.openid).sort()).toEqual([`${marker}-q1`, `${marker}-q2`])
        expect(found.find((m) => m.openid === `${marker}-q1`)).toEqual({ openid: `${marker}-q1`, name: `乙${marker}`, university: '郑州大学', phone: '13812341234' })
        expect(await store.platforms.searchMembers(`${marker}理工`, 10)).toEqual([expect.objectContaining({ openid: `${marker}-q2` })])
        expect(await store.platforms.searchMembers(`${marker}%`, 10)).toEqual([])
        expect(await store.platforms.searchMembers(`${marker}.*`, 10)).toEqual([])
        expect(await store.platforms.searchMembers(marker, 1)).toHaveLength(1)
      })

      it('uses an invite once, and never after it expired', async () => {
        const a = await platform()
        const code = `${marker.slice(-4).toUpperCase()}CODE`
        await store.platforms.saveInvite({ platformId: a.id, code, name: '李老师', expiresAt: at(60) }, at(0))
        const expired = `${marker.slice(-4).toUpperCase()}OLD1`
        await store.platforms.saveInvite({ platformId: a.id, code: expired, name: '过期', expiresAt: at(5) }, at(0))
        expect(await store.platforms.takeInvite(expired, at(10))).toBeNull()
        const [first, second] = await Promise.all([store.platforms.takeInvite(code, at(10)), store.platforms.takeInvite(code, at(10))])
        expect([first, second].filter(Boolean)).toEqual([{ platformId: a.id, code, name: '李老师', expiresAt: at(60) }])
        expect(await store.platforms.takeInvite(`${marker}-none`, at(10))).toBeNull()
      })

      it('keeps demand drafts, decides each once, and lists them by status or author', async () => {
        const a = await platform()
        const draft = (id: string, submittedBy: string, minute: number) => ({
          id: `${marker}-${id}`,
          platformId: a.id,
          submittedBy,
          demand: {
            employer: a.name,
            position: id,
            field: 'biomed',
            degree: 'master' as const,
            headcount: 1,
            place: '驿城区',
            salaryMin: null,
            salaryMax: 8000,
            deadline: '2027-09-01',
            description: '',
          },
          status: 'pending' as const,
          reason: '',
          demandId: null,
          createdAt: at(minute),
          decidedAt: null,
        })
        const one = draft('dd1', 'c1', 1)
        const two = draft('dd2', 'c2', 2)
        await store.platforms.saveDemandDraft(one)
        await store.platforms.saveDemandDraft(two)
        expect(await store.platforms.getDemandDraft(one.id)).toEqual(one)
        expect(await store.platforms.getDemandDraft(`${marker}-none`)).toBeNull()
        expect((await store.platforms.demandDrafts(a.id, { status: 'pending' }, 10)).map((d) => d.id)).toEqual([two.id, one.id])
        const decision = { status: 'approved' as const, reason: '', demandId: 'dm-x', at: at(5) }
        expect(await store.platforms.decideDemandDraft(one.id, decision)).toBe(true)
        expect(await store.platforms.decideDemandDraft(one.id, { ...decision, status: 'rejected', reason: '不要' })).toBe(false)
        expect(await store.platforms.getDemandDraft(one.id)).toEqual({ ...one, status: 'approved', demandId: 'dm-x', decidedAt: at(5) })
        expect((await store.platforms.demandDrafts(a.id, { status: 'pending' }, 10)).map((d) => d.id)).toEqual([two.id])
        expect((await store.platforms.demandDrafts(a.id, { submittedBy: 'c1' }, 10)).map((d) => d.id)).toEqual([one.id])
      })

      it("lists a platform's draft activities, all or one author's", async () => {
        const a = await platform()
        const draft = async (label: string, createdBy: string) => {
          const id = `${marker}-draft-${label}`
          written.activityIds.add(id)
          await store.activities.create(
            sampleActivity({ id, startAt: at(40 * DAY), endAt: at(40 * DAY + 60), signUpOpenAt: at(0), signUpCloseAt: at(39 * DAY), createdAt: at(0), status: 'draft', publishedAt: null, platformId: a.id, createdBy }),
          )
          return id
        }
        const mine = await draft('mine', 'c1')
        const theirs = await draft('theirs', 'c2')
        expect((await store.platforms.activities(a.id, 'drafts', at(0), 10)).map((l) => l.id).sort()).toEqual([mine, theirs].sort())
        expect((await store.platforms.activities(a.id, 'drafts', at(0), 10, 'c1')).map((l) => l.id)).toEqual([mine])
        expect(await store.platforms.activities(a.id, 'upcoming', at(0), 10)).toEqual([])
      })
    })
  })
}
