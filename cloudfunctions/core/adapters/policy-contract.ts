import { randomBytes } from 'node:crypto'
import type { Interest, ShareableField } from '../../../types'
import { LEAGUE_CONTACT } from '../../../types'
import { toIsoString } from '../shared/clock'
import type { DemandQuery, DemandRecord, MatchProfile, PolicyQuery, PolicyRecord } from '../policy/ports'
import type { Store } from '../shared/store'
import { aroundSuite, everyPage } from './contract-support'

/** What a run wrote, so an adapter-specific cleanup can remove what the ports cannot. */
export interface PolicyWrittenKeys {
  openids: string[]
  policyIds: string[]
  demandIds: string[]
}

export type PolicyContractCleanup = (store: Store, written: PolicyWrittenKeys) => Promise<void>

const T0 = Date.parse('2027-05-01T09:00:00.000+08:00')
/** Successive instants in the product's format (+08:00), so string order is time order. */
const at = (minutes: number) => toIsoString(new Date(T0 + minutes * 60_000))

/**
 * Letters for the run marker: no vowels and none of the Latin words the suite searches for
 * (`ai`, `offer`, `or`, `near`, `5g`…), no digits (`2026`), so the marker never matches them.
 */
const MARKER_LETTERS = 'bcdfhjkmpqstvwxz'

/**
 * The behaviour every adapter of the talent-policy ports (`PolicyStore`, `DemandStore`) must show,
 * through the `Store` ports only. Every policy's body text and every demand's employer carries a
 * random run marker, and every search adds the marker as a word (words are ANDed), so the suite
 * can run against a shared real database; matching and demand fields use run-specific target
 * values for the same reason. Favourites and interests are removed through the ports
 * (`forgetMember`), policies and demands by `cleanup`.
 */
export function describePolicyStoreContract(name: string, open: () => Promise<Store>, cleanup?: PolicyContractCleanup): void {
  describe(`${name} policies contract`, () => {
    const bytes = randomBytes(10)
    const runId = `pz${[...bytes].map((b) => MARKER_LETTERS[b % MARKER_LETTERS.length]).join('')}`
    const written = { openids: new Set<string>(), policyIds: new Set<string>(), demandIds: new Set<string>() }
    let store: Store
    let counter = 0

    const openidFor = (label: string) => {
      const openid = `${runId}-${label}`
      written.openids.add(openid)
      return openid
    }
    /** A run-specific target value (field, degree or county), so matching sees only this run. */
    const own = (label: string) => `${runId}-${label}`

    function policyRecord(overrides: Partial<PolicyRecord> = {}): PolicyRecord {
      counter += 1
      const id = `${runId}-p${String(counter).padStart(3, '0')}`
      written.policyIds.add(id)
      const { bodyText = '正文内容', ...rest } = overrides
      return {
        id,
        title: `示例政策第${counter}号`,
        category: 'measure',
        summary: '摘要内容',
        body: `<p>${bodyText}</p>`,
        issuer: '驻马店市人才工作领导小组',
        docNumber: '',
        fields: [],
        degrees: [],
        counties: [],
        effectiveFrom: null,
        effectiveUntil: null,
        sourceUrl: null,
        tags: [],
        status: 'published',
        publishedAt: at(counter),
        createdAt: at(0),
        updatedAt: at(0),
        ...rest,
        // The marker is in every body (body hits rank last): a search for it finds this run only.
        bodyText: `${bodyText} ${runId}`,
      }
    }

    async function policy(overrides: Partial<PolicyRecord> = {}): Promise<PolicyRecord> {
      const record = policyRecord(overrides)
      await store.policies.create(record)
      return record
    }

    const query = (words: string[], overrides: Partial<PolicyQuery> = {}): PolicyQuery => ({
      words: [runId, ...words],
      category: null,
      field: null,
      degree: null,
      county: null,
      inEffectOn: null,
      includeDrafts: false,
      offset: 0,
      limit: 50,
      ...overrides,
    })
    const found = async (words: string[], overrides: Partial<PolicyQuery> = {}) =>
      (await store.policies.search(query(words, overrides))).items.map((p) => p.id)

    function demandRecord(overrides: Partial<DemandRecord> = {}): DemandRecord {
      counter += 1
      const id = `${runId}-d${String(counter).padStart(3, '0')}`
      written.demandIds.add(id)
      return {
        id,
        employer: `驻马店天中实业 ${runId}`,
        position: '技术员',
        field: own('f1'),
        degree: 'bachelor',
        headcount: 3,
        place: '驿城区',
        salaryMin: 5000,
        salaryMax: 8000,
        deadline: '2027-06-30',
        description: '',
        status: 'open',
        platformId: null,
        createdAt: at(0),
        updatedAt: at(0),
        ...overrides,
      }
    }

    async function demand(overrides: Partial<DemandRecord> = {}): Promise<DemandRecord> {
      const record = demandRecord(overrides)
      await store.demands.create(record)
      return record
    }

    const view = (d: DemandRecord, interestCount = 0) => ({ ...d, contact: LEAGUE_CONTACT, interestCount })

    aroundSuite(
      open,
      (opened) => {
        store = opened
      },
      {
        written,
        forgetMember: async (store, openid) => {
          await store.policies.forgetMember(openid)
          await store.demands.forgetMember(openid)
        },
        cleanup,
      },
    )

    describe('policies', () => {
      it('creates and reads a policy back as it was written', async () => {
        const record = await policy({
          title: '示例政策读写测试',
          category: 'standard',
          issuer: '驻马店市人社局',
          docNumber: '驻人社〔2027〕1号',
          fields: [own('rw-biomed'), own('rw-energy')],
          degrees: [own('rw-doctor')],
          counties: [own('rw-queshan')],
          effectiveFrom: '2027-01-01',
          effectiveUntil: '2029-12-31',
          sourceUrl: 'https://www.zhumadian.gov.cn/p/1',
          tags: ['读写', '测试'],
        })
        expect(await store.policies.get(record.id)).toEqual(record)
        expect(await store.policies.get(`${runId}-missing`)).toBeNull()
      })

      it('updates the given properties and the time; undefined ones are left alone; null for an unknown id', async () => {
        const record = await policy({ summary: '旧摘要' })
        const updated = await store.policies.update(
          record.id,
          { title: '新标题', bodyText: `新正文 ${runId}`, tags: ['新'], summary: undefined, effectiveUntil: '2030-01-01' },
          at(500),
        )
        expect(updated).toEqual({
          ...record,
          title: '新标题',
          bodyText: `新正文 ${runId}`,
          tags: ['新'],
          effectiveUntil: '2030-01-01',
          updatedAt: at(500),
        })
        expect(await store.policies.get(record.id)).toEqual(updated)
        expect(await found(['新标题'])).toEqual([record.id])
        expect(await store.policies.update(`${runId}-missing`, { title: 'x' }, at(500))).toBeNull()
      })

      it('changes status only when it differs: draft ↔ published, stamping publishedAt', async () => {
        const record = await policy({ status: 'draft', publishedAt: null, title: '状态切换测试' })
        expect(await store.policies.setStatus(record.id, 'draft', at(600))).toBe(false)
        expect(await store.policies.setStatus(record.id, 'published', at(601))).toBe(true)
        expect(await store.policies.setStatus(record.id, 'published', at(602))).toBe(false)
        expect(await store.policies.get(record.id)).toMatchObject({ status: 'published', publishedAt: at(601), updatedAt: at(601) })
        expect(await found(['状态切换'])).toEqual([record.id])
        expect(await store.policies.setStatus(record.id, 'draft', at(603))).toBe(true)
        expect(await store.policies.get(record.id)).toMatchObject({ status: 'draft', updatedAt: at(603) })
        expect(await found(['状态切换'])).toEqual([])
        expect(await store.policies.setStatus(`${runId}-missing`, 'published', at(604))).toBe(false)
      })

      it('keeps the targets in step with updates (search filters and matching)', async () => {
        const d = own('upd-degree')
        const record = await policy({ title: '目标更新测试', degrees: [d] })
        const profile = (overrides: Partial<MatchProfile>): MatchProfile => ({ degree: own('none'), county: own('none'), fields: [], ...overrides })
        expect((await store.policies.match(profile({ degree: d }), 10)).map((m) => m.policy.id)).toEqual([record.id])
        expect(await found(['目标更新'], { degree: d })).toEqual([record.id])
        await store.policies.update(record.id, { degrees: [], fields: [own('upd-field')] }, at(700))
        expect(await store.policies.match(profile({ degree: d }), 10)).toEqual([])
        expect(await found(['目标更新'], { degree: d })).toEqual([])
        const [matched] = await store.policies.match(profile({ fields: [own('upd-field')] }), 10)
        expect(matched).toEqual({ policy: { ...record, degrees: [], fields: [own('upd-field')], updatedAt: at(700) }, met: [`field:${own('upd-field')}`] })
        expect(await found(['目标更新'], { field: own('upd-field') })).toEqual([record.id])
        await store.policies.update(record.id, { fields: [] }, at(701))
        expect(await store.policies.match(profile({ fields: [own('upd-field')] }), 10)).toEqual([])
      })
    })

    describe('search', () => {
      let settle: PolicyRecord
      let station: PolicyRecord
      let catalogue: PolicyRecord
      let special: PolicyRecord
      let draft: PolicyRecord
      let queshan: PolicyRecord
      let masters: PolicyRecord

      beforeAll(async () => {
        // The searchable texts, published a minute apart in this order.
        const text = (minute: number, fields: Pick<PolicyRecord, 'title' | 'category' | 'summary' | 'bodyText'>) =>
          policy({ ...fields, publishedAt: at(minute) })
        settle = await text(101, { title: '驻马店市高层次人才安家补贴办法', category: 'measure', summary: '博士研究生来驻工作，给予安家费和生活补贴。', bodyText: '全职引进的博士给予安家费20万元，硕士5万元。生物医药领域优先' })
        station = await text(102, { title: '青年人才驿站免费住宿', category: 'standard', summary: '来驻求职的高校毕业生可免费入住人才驿站7天。', bodyText: '持 offer 或面试通知，可申请AI与5G企业实习岗位。' })
        catalogue = await text(103, { title: '重点产业紧缺人才需求目录（2026）', category: 'demand', summary: '生物医药、电子信息等九大领域的岗位需求。', bodyText: '博士后科研工作站招收博士后10名。' })
        special = await text(104, { title: '符号说明', category: 'measure', summary: '符号测试', bodyText: '比例100% 编号A_1 路径C:\\dir 引号"见附件" 星号*备注 NEAR 与 OR 计划(试行)[暂定] 记号^$+?|.' })
        draft = await policy({ title: '安家费草案', status: 'draft', publishedAt: null })
        queshan = await policy({
          title: '确山县博士就业补助',
          category: 'measure',
          degrees: ['doctor'],
          counties: ['queshan'],
          fields: ['biomed'],
          effectiveFrom: '2026-01-01',
          effectiveUntil: '2026-12-31',
          publishedAt: at(105),
        })
        masters = await policy({
          title: '硕士就业补助',
          category: 'measure',
          degrees: ['master'],
          fields: ['biomed'],
          effectiveUntil: '2025-12-31',
          publishedAt: at(106),
        })
      })

      it('finds Chinese substrings of 1, 2 and 3+ characters in title, summary or body', async () => {
        expect(await found(['驿'])).toEqual([station.id])
        expect(await found(['安家'])).toEqual([settle.id])
        expect(await found(['安家费'])).toEqual([settle.id])
        expect(await found(['高层次人才安家'])).toEqual([settle.id])
        expect(await found(['九大领域'])).toEqual([catalogue.id])
        expect(await found(['科研工作站'])).toEqual([catalogue.id])
        expect(await found(['面试'])).toEqual([station.id])
        expect(await found(['后'])).toEqual([catalogue.id])
      })

      it('ANDs several words, ranking title hits before summary hits before body hits', async () => {
        expect(await found(['博士', '补贴'])).toEqual([settle.id])
        expect(await found(['博士', '驿站'])).toEqual([])
        // title: catalogue (summary too) — body only: settle
        expect(await found(['生物医药'])).toEqual([catalogue.id, settle.id])
        // all three in the title; station also in the summary; then newest first
        expect(await found(['人才'])).toEqual([station.id, catalogue.id, settle.id])
      })

      it('matches mixed Chinese, Latin and digits, Latin case-insensitively', async () => {
        expect(await found(['5G'])).toEqual([station.id])
        expect(await found(['5g企业'])).toEqual([station.id])
        expect(await found(['G企'])).toEqual([station.id])
        expect(await found(['ai'])).toEqual([station.id])
        expect(await found(['AI与5G'])).toEqual([station.id])
        expect(await found(['OFFER'])).toEqual([station.id])
        expect(await found(['2026'])).toEqual([catalogue.id])
        expect(await found(['（2026）'])).toEqual([catalogue.id])
        expect(await found(['20万元'])).toEqual([settle.id])
      })

      it('takes FTS syntax, LIKE wildcards and regular-expression characters as plain text', async () => {
        for (const word of ['%', '_', '\\', '"', '*', '.', '(', ')', '[', ']', '^', '$', '+', '?', '|', 'NEAR', 'OR', 'near']) {
          expect([word, await found([word])]).toEqual([word, [special.id]])
        }
        for (const word of ['100%', 'A_1', 'C:\\dir', '"见附件"', '星号*', '(试行)', '[暂定]', '^$+?|.', 'NEAR 与 OR']) {
          expect([word, await found(word.split(' '))]).toEqual([word, [special.id]])
        }
      })

      it('never reads the query as syntax and never fails on it', async () => {
        const none = [
          ['安家', 'OR', '驿站'],
          ['NEAR(安家', '补贴)'],
          ['安家*'],
          ['"安家费'],
          ['"))'],
          ["';", 'DROP', 'TABLE', 'policies;--'],
          ['安_'],
          ['驿%'],
          ['%人才%'],
          ['驿.'],
          ['人才.*'],
          ['安家|驿站'],
          ['[驿安]'],
          ['^驻马店'],
          ['\\w'],
          ['人才+'],
          ['(?i)offer'],
          ['{2}'],
        ]
        for (const words of none) expect([words, await found(words)]).toEqual([words, []])
      })

      it('leaves drafts out unless asked for them', async () => {
        expect(await found(['草案'])).toEqual([])
        expect(await found(['草案'], { includeDrafts: true })).toEqual([draft.id])
        // the draft has it in the title, the published one in the summary
        expect(await found(['安家费'], { includeDrafts: true })).toEqual([draft.id, settle.id])
      })

      it('narrows to one status for staff (草稿 / 已发布); a draft filter without drafts finds nothing', async () => {
        expect(await found(['安家费'], { includeDrafts: true, status: 'draft' })).toEqual([draft.id])
        expect(await found(['安家费'], { includeDrafts: true, status: 'published' })).toEqual([settle.id])
        expect(await found(['安家费'], { status: 'draft' })).toEqual([])
      })

      it('filters by category, field, degree, county and the day in effect', async () => {
        expect(await found(['人才'], { category: 'demand' })).toEqual([catalogue.id])
        expect(await found(['人才'], { category: 'standard' })).toEqual([station.id])
        expect(await found([], { degree: 'doctor' })).toEqual([queshan.id])
        expect(await found([], { field: 'biomed' })).toEqual([masters.id, queshan.id])
        expect(await found([], { county: 'queshan', field: 'biomed' })).toEqual([queshan.id])
        expect(await found(['就业'], { county: 'queshan', degree: 'master' })).toEqual([])
        expect(await found(['就业'], { inEffectOn: '2026-06-01' })).toEqual([queshan.id])
        expect(await found(['就业'], { inEffectOn: '2026-01-01' })).toEqual([queshan.id])
        expect(await found(['就业'], { inEffectOn: '2026-12-31' })).toEqual([queshan.id])
        expect(await found(['就业'], { inEffectOn: '2027-01-01' })).toEqual([])
        expect(await found(['就业'], { inEffectOn: '2025-12-31' })).toEqual([masters.id])
        const all = await found([], { inEffectOn: '2026-06-01' })
        expect(all).toEqual(expect.arrayContaining([settle.id, station.id, catalogue.id, special.id, queshan.id]))
        expect(all).not.toContain(masters.id)
        expect(await found(['补助'], { category: 'measure', field: 'biomed', degree: 'doctor', county: 'queshan', inEffectOn: '2026-03-01' })).toEqual([
          queshan.id,
        ])
      })

      it('filters by a tag the policy carries, exactly', async () => {
        const tag = `标签${runId.slice(-6)}`
        const tagged = await policy({ title: '带标签的政策', tags: ['安家', tag], publishedAt: at(200) })
        await policy({ title: '另一个标签', tags: [`${tag}外`], publishedAt: at(201) })
        expect(await found([], { tag })).toEqual([tagged.id])
        expect(await found(['带标签'], { tag })).toEqual([tagged.id])
        expect(await found(['另一个'], { tag })).toEqual([])
      })

      it('searches without words too (by filters alone), newest first', async () => {
        const f = own('browse')
        const older = await policy({ title: '浏览一', fields: [f], publishedAt: at(120) })
        const newer = await policy({ title: '浏览二', fields: [f], publishedAt: at(121) })
        await policy({ title: '浏览草稿', fields: [f], status: 'draft', publishedAt: null })
        const browse = (overrides: Partial<PolicyQuery> = {}) => store.policies.search({ ...query([], { field: f, ...overrides }), words: [] })
        expect((await browse()).items.map((p) => p.id)).toEqual([newer.id, older.id])
        expect(await browse({ limit: 1 })).toEqual({ items: [newer], more: true })
        expect(await browse({ limit: 1, offset: 1 })).toEqual({ items: [older], more: false })
        expect((await browse({ includeDrafts: true })).items).toHaveLength(3)
      })
    })

    describe('search ranking and paging', () => {
      const ids: Record<string, string> = {}

      beforeAll(async () => {
        const make = async (key: string, overrides: Partial<PolicyRecord>) => {
          ids[key] = (await policy(overrides)).id
        }
        await make('titleOld', { title: '青年英才引进', publishedAt: at(210) })
        await make('summary', { summary: '面向青年英才', publishedAt: at(211) })
        await make('body', { bodyText: '正文提到英才', publishedAt: at(212) })
        await make('titleNew', { title: '英才服务', publishedAt: at(213) })
        await make('titleAndSummary', { title: '英才之家', summary: '英才驿站', publishedAt: at(209) })
        await make('bothInTitle', { title: '英才基金', publishedAt: at(208) })
        await make('oneInTitle', { title: '英才项目', summary: '设立基金', publishedAt: at(214) })
        await make('bothInSummary', { summary: '英才基金说明', publishedAt: at(215) })
        await make('bothInBody', { bodyText: '英才与基金', publishedAt: at(216) })
      })

      it('ranks title hits first, then summary hits, then newest', async () => {
        expect(await found(['英才', '基金'])).toEqual([ids.bothInTitle, ids.oneInTitle, ids.bothInSummary, ids.bothInBody])
        const ranked = await found(['英才'])
        expect(ranked).toEqual([
          ids.titleAndSummary,
          ids.oneInTitle,
          ids.titleNew,
          ids.titleOld,
          ids.bothInTitle,
          ids.bothInSummary,
          ids.summary,
          ids.bothInBody,
          ids.body,
        ])
      })

      it('pages by offset in the ranked order, with more while there is more', async () => {
        const full = await found(['英才'])
        const pages: string[][] = []
        const mores: boolean[] = []
        for (let offset = 0; offset < full.length; offset += 4) {
          const page = await store.policies.search(query(['英才'], { offset, limit: 4 }))
          pages.push(page.items.map((p) => p.id))
          mores.push(page.more)
        }
        expect(pages.flat()).toEqual(full)
        expect(mores).toEqual([true, true, false])
        expect(await store.policies.search(query(['英才'], { offset: 9, limit: 4 }))).toEqual({ items: [], more: false })
        const exact = await store.policies.search(query(['英才'], { offset: 0, limit: 9 }))
        expect(exact.more).toBe(false)
        expect(exact.items.map((p) => p.id)).toEqual(full)
      })

      it('answers full records', async () => {
        const [first] = (await store.policies.search(query(['英才', '基金'], { limit: 1 }))).items
        expect(first).toEqual(await store.policies.get(ids.bothInTitle!))
      })
    })

    describe('match', () => {
      const D = own('doctor')
      const C = own('queshan')
      const F1 = own('biomed')
      const F2 = own('textile')
      const FX = own('energy')
      const profile: MatchProfile = { degree: D, county: C, fields: [F1, F2] }
      const matched: Record<string, PolicyRecord> = {}

      beforeAll(async () => {
        await policy({ title: '面向所有人', publishedAt: at(300) })
        matched.degree = await policy({ degrees: [D], publishedAt: at(301) })
        matched.all = await policy({ degrees: [D, own('master')], counties: [C], fields: [F1, FX], publishedAt: at(299) })
        await policy({ degrees: [own('master')], publishedAt: at(302) })
        await policy({ degrees: [D], counties: [own('xincai')], publishedAt: at(303) })
        matched.fields = await policy({ fields: [F1, F2], publishedAt: at(304) })
        await policy({ degrees: [D], status: 'draft', publishedAt: null })
        matched.two = await policy({ counties: [C], degrees: [D], publishedAt: at(298) })
        await policy({ fields: [FX], publishedAt: at(305) })
        await policy({ fields: [FX], degrees: [D], publishedAt: at(306) })
      })

      const sorted = (list: string[]) => [...list].sort()

      it('finds published policies whose every limited dimension is met, more dimensions first, then newest', async () => {
        const result = await store.policies.match(profile, 20)
        expect(result.map((m) => m.policy.id)).toEqual([matched.all!.id, matched.two!.id, matched.fields!.id, matched.degree!.id])
        expect(result.map((m) => sorted(m.met))).toEqual([
          sorted([`degree:${D}`, `county:${C}`, `field:${F1}`]),
          sorted([`degree:${D}`, `county:${C}`]),
          sorted([`field:${F1}`, `field:${F2}`]),
          [`degree:${D}`],
        ])
        expect(result[0]!.policy).toEqual(matched.all)
      })

      it('respects the limit and finds nothing for a profile that meets no target', async () => {
        expect((await store.policies.match(profile, 2)).map((m) => m.policy.id)).toEqual([matched.all!.id, matched.two!.id])
        expect(await store.policies.match({ degree: own('none'), county: own('none'), fields: [] }, 20)).toEqual([])
        // one of the policy's fields is enough for the field dimension
        expect((await store.policies.match({ degree: own('none'), county: own('none'), fields: [F2] }, 20)).map((m) => m.policy.id)).toEqual([
          matched.fields!.id,
        ])
      })
    })

    describe('favourites', () => {
      it('sets, unsets, lists published favourites newest first by page, and forgets a member', async () => {
        const me = openidFor('fav-me')
        const other = openidFor('fav-other')
        const [p1, p2, p3] = [await policy(), await policy(), await policy()]
        const hidden = await policy({ status: 'draft', publishedAt: null })
        await store.policies.setFavorite(me, p1!.id, true, at(401))
        await store.policies.setFavorite(me, p2!.id, true, at(402))
        await store.policies.setFavorite(me, hidden.id, true, at(403))
        await store.policies.setFavorite(me, p3!.id, true, at(404))
        await store.policies.setFavorite(me, p1!.id, true, at(405))
        await store.policies.setFavorite(other, p2!.id, true, at(406))
        expect(await store.policies.isFavorite(me, p1!.id)).toBe(true)
        expect(await store.policies.isFavorite(me, `${runId}-missing`)).toBe(false)
        expect(await store.policies.isFavorite(other, p1!.id)).toBe(false)

        const pages = await everyPage((cursor) => store.policies.favorites(me, cursor, 2))
        expect(pages.flat()).toEqual([p3, p2, p1])
        expect(pages[0]).toEqual([p3, p2])

        await store.policies.setFavorite(me, p2!.id, false, at(407))
        await store.policies.setFavorite(me, p2!.id, false, at(408))
        expect(await store.policies.isFavorite(me, p2!.id)).toBe(false)
        expect((await store.policies.favorites(me, null, 10)).items.map((p) => p.id)).toEqual([p3!.id, p1!.id])

        await store.policies.setStatus(hidden.id, 'published', at(409))
        expect((await store.policies.favorites(me, null, 10)).items.map((p) => p.id)).toEqual([p3!.id, hidden.id, p1!.id])

        await store.policies.forgetMember(me)
        expect(await store.policies.favorites(me, null, 10)).toEqual({ items: [], nextCursor: null })
        expect(await store.policies.isFavorite(me, p1!.id)).toBe(false)
        expect((await store.policies.favorites(other, null, 10)).items.map((p) => p.id)).toEqual([p2!.id])
      })
    })

    describe('demands', () => {
      it('creates and reads a demand back with the league contact and no interest yet', async () => {
        const record = await demand({ description: '负责生产线调试', salaryMin: null, salaryMax: null })
        expect(await store.demands.get(record.id)).toEqual(view(record))
        expect(await store.demands.get(`${runId}-missing`)).toBeNull()
      })

      it('updates the given properties and the time; null for an unknown id', async () => {
        const record = await demand()
        const updated = await store.demands.update(record.id, { position: '研发工程师', salaryMin: null, headcount: undefined }, at(500))
        expect(updated).toEqual(view({ ...record, position: '研发工程师', salaryMin: null, updatedAt: at(500) }))
        expect(await store.demands.get(record.id)).toEqual(updated)
        expect(await store.demands.update(`${runId}-missing`, { position: 'x' }, at(500))).toBeNull()
      })

      it('closes an open demand once', async () => {
        const record = await demand()
        expect(await store.demands.close(record.id, at(510))).toBe(true)
        expect(await store.demands.close(record.id, at(511))).toBe(false)
        expect(await store.demands.get(record.id)).toEqual(view({ ...record, status: 'closed', updatedAt: at(510) }))
        expect(await store.demands.close(`${runId}-missing`, at(512))).toBe(false)
      })

      describe('lists', () => {
        const FL = own('list-field')
        const FO = own('other-field')
        const r: Record<string, DemandRecord> = {}
        const listQuery = (overrides: Partial<DemandQuery> = {}): DemandQuery => ({
          words: [runId, '列表'],
          field: null,
          degree: null,
          includeClosed: false,
          cursor: null,
          limit: 50,
          ...overrides,
        })
        const listed = async (overrides: Partial<DemandQuery> = {}) => (await store.demands.list(listQuery(overrides))).items.map((d) => d.id)

        beforeAll(async () => {
          r.late = await demand({ position: '列表 质检员', field: FL, deadline: '2027-09-30' })
          r.early = await demand({ position: '列表 研发工程师', field: FL, degree: 'master', deadline: '2027-07-01' })
          r.mid = await demand({ position: '列表 销售', field: FO, deadline: '2027-08-15', description: '负责冷链物流客户' })
          r.tieB = await demand({ employer: `黄淮制药 ${runId}`, position: '列表 技术员', field: FO, deadline: '2027-08-01' })
          r.tieA = await demand({ position: '列表 技术员', field: FL, deadline: '2027-08-01' })
          r.closed = await demand({ position: '列表 已关闭', field: FL, deadline: '2027-07-15' })
          await store.demands.close(r.closed.id, at(520))
        })

        it('lists open demands by deadline, soonest first, ties by id', async () => {
          const tie = [r.tieB!.id, r.tieA!.id].sort()
          expect(await listed()).toEqual([r.early!.id, ...tie, r.mid!.id, r.late!.id])
          expect(await listed({ includeClosed: true })).toEqual([r.early!.id, r.closed!.id, ...tie, r.mid!.id, r.late!.id])
        })

        it('ANDs words over employer, position and description, as plain text', async () => {
          expect(await listed({ words: [runId, '列表', '研发'] })).toEqual([r.early!.id])
          expect(await listed({ words: [runId, '冷链', '列表'] })).toEqual([r.mid!.id])
          expect(await listed({ words: [runId, '黄淮'] })).toEqual([r.tieB!.id])
          expect(await listed({ words: [runId, '黄淮', '研发'] })).toEqual([])
          expect(await listed({ words: [runId, '列表', '工程师', '研发'] })).toEqual([r.early!.id])
          for (const word of ['%', '_', '.', '.*', '*', '"', '\\', '(', '[', '^', '$', '|', '+', '?']) {
            expect([word, await listed({ words: [runId, word] })]).toEqual([word, []])
          }
        })

        it('filters by field and degree', async () => {
          expect(await listed({ field: FL })).toEqual([r.early!.id, r.tieA!.id, r.late!.id])
          expect(await listed({ field: FL, degree: 'master' })).toEqual([r.early!.id])
          expect(await listed({ degree: 'doctor' })).toEqual([])
        })

        it('pages by deadline with a cursor', async () => {
          const all = await listed({ includeClosed: true })
          const pages = await everyPage((cursor) => store.demands.list(listQuery({ includeClosed: true, cursor, limit: 2 })))
          expect(pages.map((p) => p.length)).toEqual([2, 2, 2])
          expect(pages.flat().map((d) => d.id)).toEqual(all)
        })

        it('finds open demands in any of the given fields, by deadline, up to the limit', async () => {
          // (the port does not order ties: compare ids as sets and deadlines in order)
          const open = await store.demands.openInFields([FL, FO], 10)
          expect(open.map((d) => d.id).sort()).toEqual((await listed()).sort())
          expect(open.map((d) => d.deadline)).toEqual(['2027-07-01', '2027-08-01', '2027-08-01', '2027-08-15', '2027-09-30'])
          expect((await store.demands.openInFields([FO], 10)).map((d) => d.id)).toEqual([r.tieB!.id, r.mid!.id])
          const two = await store.demands.openInFields([FL, FO], 2)
          expect(two.map((d) => d.deadline)).toEqual(['2027-07-01', '2027-08-01'])
          expect(await store.demands.openInFields([own('no-field')], 10)).toEqual([])
          const [first] = await store.demands.openInFields([FL], 1)
          expect(first).toEqual(view(r.early!))
        })
      })

      it('registers interest once per member, withdraws it, pages the interests and counts them', async () => {
        const record = await demand()
        const second = await demand()
        const [u1, u2, u3] = [openidFor('int-1'), openidFor('int-2'), openidFor('int-3')]
        const interest = (openid: string, minutes: number, share: ShareableField[] = ['name', 'major']) => ({
          demandId: record.id,
          openid,
          at: at(minutes),
          shared: Object.fromEntries(share.map((k) => [k, k === 'name' ? `名${openid.slice(-1)}` : '软件工程'])) as Interest['shared'],
          share,
        })
        const withoutShare = ({ share: _share, ...rest }: ReturnType<typeof interest>): Interest => rest
        const i1 = interest(u1, 1)
        const i3 = interest(u3, 2, ['name'])
        const i2 = interest(u2, 2)
        expect(await store.demands.registerInterest(i1)).toBe(true)
        expect(await store.demands.registerInterest(i3)).toBe(true)
        expect(await store.demands.registerInterest(i2)).toBe(true)
        expect(await store.demands.registerInterest(interest(u1, 9, ['name']))).toBe(false)
        expect(await store.demands.registerInterest({ ...interest(u1, 3), demandId: second.id })).toBe(true)

        expect(await store.demands.interestOf(record.id, u1)).toEqual({ share: ['name', 'major'], at: at(1) })
        expect(await store.demands.interestOf(record.id, openidFor('int-none'))).toBeNull()
        expect((await store.demands.get(record.id))?.interestCount).toBe(3)
        expect((await store.demands.get(second.id))?.interestCount).toBe(1)

        const pages = await everyPage((cursor) => store.demands.interests(record.id, cursor, 2))
        expect(pages.map((p) => p.length)).toEqual([2, 1])
        const byTime = [withoutShare(i1), ...[withoutShare(i2), withoutShare(i3)].sort((a, b) => (a.openid < b.openid ? -1 : 1))]
        expect(pages.flat()).toEqual(byTime)

        expect(await store.demands.withdrawInterest(record.id, u2)).toBe(true)
        expect(await store.demands.withdrawInterest(record.id, u2)).toBe(false)
        expect(await store.demands.interestOf(record.id, u2)).toBeNull()
        expect((await store.demands.get(record.id))?.interestCount).toBe(2)
        expect(await store.demands.registerInterest(interest(u2, 5))).toBe(true)
        expect((await store.demands.get(record.id))?.interestCount).toBe(3)

        const listedCount = async () =>
          (await store.demands.list({ words: [runId], field: null, degree: null, includeClosed: true, cursor: null, limit: 50 })).items.find(
            (d) => d.id === record.id,
          )?.interestCount
        expect(await listedCount()).toBe(3)
        expect((await store.demands.openInFields([record.field], 50)).find((d) => d.id === record.id)?.interestCount).toBe(3)

        await store.demands.forgetMember(u1)
        expect(await store.demands.interestOf(record.id, u1)).toBeNull()
        expect((await store.demands.get(second.id))?.interestCount).toBe(0)
        expect((await store.demands.interests(record.id, null, 10)).items.map((i) => i.openid).sort()).toEqual([u2, u3].sort())
        expect(await listedCount()).toBe(2)
      })
    })
  })
}
