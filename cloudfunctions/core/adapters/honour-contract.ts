import { randomBytes } from 'node:crypto'
import type { Award, Juror, JuryAssignment, JuryDraw, Nomination, NominationEvent, Objection } from '../../../types'
import type { Store } from '../shared/store'

/** A nomination in the shape the use cases store it, with this run's ids. */
export function sampleNomination(id: string, awardId: string, overrides: Partial<Nomination> = {}): Nomination {
  return {
    id,
    awardId,
    awardName: '驻马店青年五四奖章',
    kind: 'individual',
    nomineeOpenid: `${id}-nominee`,
    nomineeName: '王小明',
    stationId: null,
    university: '郑州大学',
    county: 'suiping',
    degree: 'bachelor',
    nominatorOpenid: `${id}-nominee`,
    nominatorKind: 'self',
    confirmedAt: '2026-11-01T10:00:00.000+08:00',
    materials: {
      birthDate: '2001-03-04',
      deeds: '事迹',
      summary: '简介',
      photos: ['cloud://photo-1'],
      files: [],
      priorHonour: '',
      priorHonourDate: null,
      memberCount: null,
      youthCount: null,
      collectiveName: '',
    },
    state: 'draft',
    version: 1,
    rank: null,
    publicity: null,
    notice: null,
    screening: null,
    jury: null,
    revokedNote: '',
    createdAt: '2026-11-01T10:00:00.000+08:00',
    updatedAt: '2026-11-01T10:00:00.000+08:00',
    isDemo: false,
    ...overrides,
  }
}

const event = (id: string, nominationId: string, at: string, overrides: Partial<NominationEvent> = {}): NominationEvent => ({
  id,
  nominationId,
  at,
  action: 'create',
  from: 'draft',
  to: 'draft',
  actorOpenid: 'someone',
  note: '',
  ...overrides,
})

/** The behaviour every adapter of `HonourStore` must show, with ids of its own run. */
export function describeHonourStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`${name} honours contract`, () => {
    const run = `h${randomBytes(5).toString('hex')}`
    let store: Store
    beforeAll(async () => {
      store = await open()
    })
    afterAll(async () => {
      await store.close()
    })

    const award: Award = {
      id: `${run}-aw`,
      name: '驻马店青年五四奖章',
      level: 'city',
      kind: 'individual',
      description: '',
      eligibility: {
        minAge: 14,
        maxAge: 35,
        cutoffDate: '2027-05-04',
        priorHonour: '',
        priorHonourYears: 0,
        minActivityHours: 0,
        degrees: [],
        minYouthSharePercent: 60,
      },
      quotaScope: 'station',
      quotaPerUnit: 2,
      requiredMaterials: ['deeds'],
      unitPublicityDays: 5,
      noticeDays: 7,
      jurySize: 3,
      juryMajorityPercent: 50,
      status: 'open',
      createdAt: '2026-11-01T10:00:00.000+08:00',
      updatedAt: '2026-11-01T10:00:00.000+08:00',
      isDemo: false,
    }

    it('stores award definitions whole, nested rules included, and replaces them on save', async () => {
      await store.honours.saveAward(award)
      expect(await store.honours.getAward(award.id)).toEqual(award)
      const renamed = { ...award, name: '驻马店青年五四奖章（2027）', eligibility: { ...award.eligibility, maxAge: 40 } }
      await store.honours.saveAward(renamed)
      expect(await store.honours.getAward(award.id)).toEqual(renamed)
      expect((await store.honours.listAwards()).some((a) => a.id === award.id)).toBe(true)
      expect(await store.honours.getAward(`${run}-missing`)).toBeNull()
    })

    it('moves a nomination only from the version read, appending history each time', async () => {
      const n = sampleNomination(`${run}-n1`, award.id)
      await store.honours.insertNomination(n, event(`${run}-e1`, n.id, '2026-11-01T10:00:00.000+08:00'))
      expect(await store.honours.getNomination(n.id)).toEqual(n)
      const submitted = { ...n, state: 'submitted' as const, version: 2, publicity: { start: '2026-11-02', end: '2026-11-06' } }
      const moved = event(`${run}-e2`, n.id, '2026-11-01T11:00:00.000+08:00', { action: 'submit', to: 'submitted' })
      expect(await store.honours.updateNomination(submitted, 1, moved)).toBe(true)
      // A second writer that read version 1 loses, and leaves no history line.
      const stale = event(`${run}-e3`, n.id, '2026-11-01T11:00:01.000+08:00', { action: 'withdraw', to: 'withdrawn' })
      expect(await store.honours.updateNomination({ ...n, state: 'withdrawn', version: 2 }, 1, stale)).toBe(false)
      expect(await store.honours.getNomination(n.id)).toEqual(submitted)
      expect((await store.honours.eventsOf(n.id)).map((e) => e.id)).toEqual([`${run}-e1`, `${run}-e2`])
      expect(await store.honours.eventsOf(n.id)).toContainEqual(moved)
    })

    it('lets exactly one of two concurrent moves from the same version land', async () => {
      const n = sampleNomination(`${run}-n2`, award.id)
      await store.honours.insertNomination(n, event(`${run}-e4`, n.id, '2026-11-01T10:00:00.000+08:00'))
      const outcomes = await Promise.all(
        ['a', 'b'].map((k) =>
          store.honours.updateNomination({ ...n, version: 2, revokedNote: k }, 1, event(`${run}-e5${k}`, n.id, '2026-11-01T12:00:00.000+08:00')),
        ),
      )
      expect(outcomes.filter(Boolean)).toHaveLength(1)
      expect(await store.honours.eventsOf(n.id)).toHaveLength(2)
    })

    it('filters nominations by award, state, nominee, nominator and station', async () => {
      const other = sampleNomination(`${run}-n3`, award.id, { state: 'screening', stationId: `${run}-st`, nominatorOpenid: `${run}-head`, createdAt: '2026-11-02T10:00:00.000+08:00' })
      await store.honours.insertNomination(other, event(`${run}-e6`, other.id, '2026-11-02T10:00:00.000+08:00'))
      const ids = (ns: Nomination[]) => ns.map((x) => x.id)
      expect(ids(await store.honours.listNominations({ awardId: award.id }))).toEqual([`${run}-n1`, `${run}-n2`, `${run}-n3`])
      expect(ids(await store.honours.listNominations({ awardId: award.id, state: 'screening' }))).toEqual([`${run}-n3`])
      expect(ids(await store.honours.listNominations({ nomineeOpenid: `${run}-n1-nominee` }))).toEqual([`${run}-n1`])
      expect(ids(await store.honours.listNominations({ nominatorOpenid: `${run}-head` }))).toEqual([`${run}-n3`])
      expect(ids(await store.honours.listNominations({ stationId: `${run}-st` }))).toEqual([`${run}-n3`])
    })

    it('binds a juror to the first openid that redeems the invite, once', async () => {
      const juror: Juror = { id: `${run}-jr`, name: '张评委', tags: ['科技'], university: '黄淮学院', stationId: '', county: '', openid: null, inviteCode: `${run}code`, createdAt: '2026-11-01T10:00:00.000+08:00' }
      await store.honours.saveJuror(juror)
      expect(await store.honours.jurorByCode(`${run}code`)).toEqual(juror)
      const binds = await Promise.all([store.honours.bindJuror(juror.id, `${run}-o1`), store.honours.bindJuror(juror.id, `${run}-o2`)])
      expect(binds.filter(Boolean)).toHaveLength(1)
      const bound = await store.honours.getJuror(juror.id)
      expect(bound?.openid).toMatch(new RegExp(`^${run}-o[12]$`))
      expect((await store.honours.jurorByOpenid(bound?.openid ?? ''))?.id).toBe(juror.id)
      expect((await store.honours.listJurors()).some((j) => j.id === juror.id)).toBe(true)
    })

    it('keeps one assignment per (nomination, juror), in draw order, and objections per nomination', async () => {
      const a = (jurorId: string, drawOrder: number): JuryAssignment => ({
        nominationId: `${run}-n1`,
        jurorId,
        drawOrder,
        status: 'invited',
        conflictReason: '',
        declaredAt: null,
        score: null,
        approve: null,
        comment: '',
        scoredAt: null,
      })
      await store.honours.saveAssignment(a(`${run}-j2`, 2))
      await store.honours.saveAssignment(a(`${run}-j1`, 1))
      await store.honours.saveAssignment({ ...a(`${run}-j1`, 1), status: 'scored', score: 90, approve: true })
      expect((await store.honours.assignmentsOf(`${run}-n1`)).map((x) => [x.jurorId, x.status])).toEqual([
        [`${run}-j1`, 'scored'],
        [`${run}-j2`, 'invited'],
      ])
      expect(await store.honours.assignmentsOfJuror(`${run}-j1`)).toEqual([{ ...a(`${run}-j1`, 1), status: 'scored', score: 90, approve: true }])

      const o: Objection = { id: `${run}-ob`, nominationId: `${run}-n1`, kind: 'personal', realName: '赵六', phone: '13800001111', unitName: '', sealFileId: '', reason: '事迹不实', filerOpenid: `${run}-o3`, createdAt: '2026-11-03T10:00:00.000+08:00', outcome: null }
      await store.honours.saveObjection(o)
      const resolved = { ...o, outcome: { decision: 'dismissed' as const, note: '经核查属实', at: '2026-11-04T10:00:00.000+08:00', byOpenid: 'staff' } }
      await store.honours.saveObjection(resolved)
      expect(await store.honours.objectionsOf(`${run}-n1`)).toEqual([resolved])
    })

    it('de-names the history lines one person acted in, and only those, changing nothing else of them', async () => {
      const n = sampleNomination(`${run}-n4`, award.id)
      const mine = event(`${run}-e7`, n.id, '2026-11-05T10:00:00.000+08:00', { actorOpenid: `${run}-gone`, note: '我自己的说明' })
      const staff = event(`${run}-e8`, n.id, '2026-11-05T11:00:00.000+08:00', { action: 'return', to: 'returned', actorOpenid: `${run}-staff`, note: '请补充材料' })
      await store.honours.insertNomination(n, mine)
      expect(await store.honours.updateNomination({ ...n, state: 'returned', version: 2 }, 1, staff)).toBe(true)
      await store.honours.forgetEventsBy(`${run}-gone`, `deleted-${run}`)
      expect(await store.honours.eventsOf(n.id)).toEqual([{ ...mine, actorOpenid: `deleted-${run}`, note: '' }, staff])
      // A nomination re-keyed to a pseudonym is found by it, and no longer by the openid it had.
      const forget = event(`${run}-e9`, n.id, '2026-11-05T12:00:00.000+08:00', { action: 'forget', from: 'returned', to: 'returned', actorOpenid: `deleted-${run}` })
      const denamed = { ...n, state: 'returned' as const, version: 3, nomineeOpenid: `deleted-${run}`, nominatorOpenid: `deleted-${run}` }
      expect(await store.honours.updateNomination(denamed, 2, forget)).toBe(true)
      expect(await store.honours.listNominations({ nomineeOpenid: n.nomineeOpenid })).toEqual([])
      expect(await store.honours.listNominations({ nominatorOpenid: n.nominatorOpenid })).toEqual([])
      expect(await store.honours.listNominations({ nomineeOpenid: `deleted-${run}` })).toEqual([denamed])
      // Again: nothing of theirs is left to find.
      await store.honours.forgetEventsBy(`${run}-gone`, `deleted-${run}x`)
      expect((await store.honours.eventsOf(n.id)).map((e) => e.actorOpenid)).toEqual([`deleted-${run}`, `${run}-staff`, `deleted-${run}`])
    })

    it('finds objections by who filed them, and re-keys a juror seat with a new invite code', async () => {
      const o: Objection = { id: `${run}-ob2`, nominationId: `${run}-n2`, kind: 'personal', realName: '钱七', phone: '13800002222', unitName: '', sealFileId: '', reason: '存疑', filerOpenid: `${run}-filer`, createdAt: '2026-11-06T10:00:00.000+08:00', outcome: null }
      await store.honours.saveObjection(o)
      expect(await store.honours.objectionsBy(`${run}-filer`)).toEqual([o])
      const forgotten = { ...o, realName: '已注销成员', phone: '', filerOpenid: `deleted-${run}` }
      await store.honours.saveObjection(forgotten)
      expect(await store.honours.objectionsBy(`${run}-filer`)).toEqual([])
      expect(await store.honours.objectionsOf(`${run}-n2`)).toEqual([forgotten])

      const juror = (await store.honours.getJuror(`${run}-jr`))!
      await store.honours.saveJuror({ ...juror, openid: null, inviteCode: `${run}new` })
      expect(await store.honours.jurorByCode(`${run}code`)).toBeNull()
      expect(await store.honours.jurorByCode(`${run}new`)).toEqual({ ...juror, openid: null, inviteCode: `${run}new` })
      expect(await store.honours.jurorByOpenid(juror.openid ?? '')).toBeNull()
    })

    it('records jury draws whole (pool, structure, exclusions) and lists them per award, oldest first', async () => {
      const draw = (id: string, at: string, kind: JuryDraw['kind']): JuryDraw => ({
        id: `${run}-${id}`,
        awardId: award.id,
        kind,
        nominationIds: [`${run}-n1`],
        seed: 4_294_967_295,
        structure: { size: 3, tags: [], requirements: [{ tag: '学科', min: 1 }], maxPerUnit: null },
        pool: [{ id: 'j1', tags: ['学科:农学'], unit: '河南大学' }, { id: 'j2', tags: [], unit: '' }],
        fixed: kind === 'replacement' ? [{ id: 'j3', tags: [], unit: '黄淮学院' }] : [],
        excluded: [{ jurorId: 'j2', reason: '与被提名人同一县区' }],
        panelIds: ['j1'],
        note: '',
        at,
        byOpenid: `${run}-staff`,
      })
      const later = draw('d2', '2026-11-06T10:00:00.000+08:00', 'replacement')
      const first = draw('d1', '2026-11-05T10:00:00.000+08:00', 'round')
      await store.honours.saveDraw(later)
      await store.honours.saveDraw(first)
      await store.honours.saveDraw({ ...first, id: `${run}-other`, awardId: `${run}-aw-other` })
      expect(await store.honours.drawsOf(award.id)).toEqual([first, later])
      expect(await store.honours.drawsOf(`${run}-missing`)).toEqual([])
    })
  })
}
