import { randomBytes } from 'node:crypto'
import type { ResultNotice, ResultObjection, Team } from '../../../types'
import { conflict } from '../shared/errors'
import { personMayJoin } from '../competition/rules'
import type { PersonEntry } from '../competition/ports'
import { sampleCompetition, sampleTeam, sampleTeamMember } from '../competition/samples'
import type { Store } from '../shared/store'

/**
 * The behaviour every adapter of `CompetitionStore` must show. Ids carry a run prefix, so a run on
 * a shared database does not meet another's documents.
 */
export function describeCompetitionStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`${name} competitions contract`, () => {
    const run = `c${randomBytes(4).toString('hex')}`
    const competition = sampleCompetition({ id: `${run}cp` })
    let store: Store

    beforeAll(async () => {
      store = await open()
      await store.competitions.saveCompetition(competition)
    })
    afterAll(async () => {
      await store.close()
    })

    /** Creates a team led by `leader`, counting them in, as the use case does. */
    const create = (id: string, leader: string) =>
      store.competitions.changeTeam(competition.id, id, [leader], (existing, [person]) => {
        if (existing) throw conflict('团队已存在')
        const team: Team = sampleTeam({ id, competitionId: competition.id, leaderOpenid: leader, members: [sampleTeamMember(leader)] })
        return { team, people: [{ ...person!, teamIds: [...person!.teamIds, id], leadTeamIds: [...person!.leadTeamIds, id] }] }
      })

    const join = (teamId: string, openid: string) =>
      store.competitions.changeTeam(competition.id, teamId, [openid], (existing, [person]) => {
        if (!existing) throw conflict('没有这个团队')
        const reason = personMayJoin(competition.rules, { teams: person!.teamIds.length, leads: person!.leadTeamIds.length }, false)
        if (reason) throw conflict(reason)
        const entry: PersonEntry = { ...person!, teamIds: [...person!.teamIds, teamId] }
        return { team: { ...existing, members: [...existing.members, sampleTeamMember(openid)] }, people: [entry] }
      })

    it('stores a competition whole and lists it', async () => {
      expect(await store.competitions.getCompetition(competition.id)).toEqual(competition)
      expect((await store.competitions.listCompetitions(50)).map((c) => c.id)).toContain(competition.id)
      const changed = { ...competition, title: '改名', judging: { ...competition.judging, calibrationTeamId: 'x' } }
      await store.competitions.saveCompetition(changed)
      expect(await store.competitions.getCompetition(competition.id)).toEqual(changed)
      await store.competitions.saveCompetition(competition)
      expect(await store.competitions.getCompetition(`${run}none`)).toBeNull()
    })

    it('reserves each code once', async () => {
      const code = String(100000 + (parseInt(run.slice(1, 6), 16) % 800000))
      expect(await store.competitions.reserveCode(code, 'team', 'tA')).toBe(true)
      expect(await store.competitions.reserveCode(code, 'judge', 'jB')).toBe(false)
      expect(await store.competitions.resolveCode(code)).toEqual({ kind: 'team', targetId: 'tA' })
    })

    it('creates, changes and lists teams; a refused change writes nothing', async () => {
      const team = await create(`${run}t1`, `${run}lead`)
      expect(await store.competitions.getTeam(team.id)).toEqual(team)
      await expect(create(`${run}t1`, `${run}other`)).rejects.toThrow('团队已存在')
      const joined = await join(team.id, `${run}m2`)
      expect(joined.members.map((m) => m.openid)).toEqual([`${run}lead`, `${run}m2`])
      expect(await store.competitions.getTeam(team.id)).toEqual(joined)
      expect((await store.competitions.listTeams(competition.id, 100)).map((t) => t.id)).toEqual([team.id])
      expect((await store.competitions.teamsOf(`${run}m2`, 10)).map((t) => t.id)).toEqual([team.id])
      expect(await store.competitions.teamsOf(`${run}other`, 10)).toEqual([])
    })

    it('holds the per-person limit under concurrent joins', async () => {
      const ids = [1, 2, 3, 4, 5].map((i) => `${run}p${i}`)
      for (const [i, id] of ids.entries()) await create(id, `${run}leader${i}`)
      const outcomes = await Promise.allSettled(ids.map((id) => join(id, `${run}busy`)))
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3)
      const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')
      expect(refused.map((o) => (o.reason as Error).message)).toEqual(['每人最多参加3个团队，你已参加3个', '每人最多参加3个团队，你已参加3个'])
      expect(await store.competitions.teamsOf(`${run}busy`, 10)).toHaveLength(3)
    })

    it('binds a judge seat to the first openid that claims it', async () => {
      const judge = {
        id: `${run}j1`,
        competitionId: competition.id,
        name: '王评委',
        unit: '驻马店市科技局',
        university: '',
        stationId: null,
        inviteCode: '654321',
        openid: null,
        declaredConflictTeamIds: [`${run}t1`],
        createdAt: competition.createdAt,
      }
      await store.competitions.saveJudge(judge)
      expect(await store.competitions.getJudge(judge.id)).toEqual(judge)
      expect(await store.competitions.claimJudge(judge.id, `${run}jo`)).toBe(true)
      expect(await store.competitions.claimJudge(judge.id, `${run}jo`)).toBe(true)
      expect(await store.competitions.claimJudge(judge.id, `${run}x`)).toBe(false)
      expect((await store.competitions.judgesOf(`${run}jo`)).map((j) => j.id)).toEqual([judge.id])
      expect(await store.competitions.listJudges(competition.id)).toEqual([{ ...judge, openid: `${run}jo` }])
    })

    it('keeps one score per judge and team, and the assignments', async () => {
      const score = { competitionId: competition.id, judgeId: `${run}j1`, teamId: `${run}t1`, levels: { innovation: 3 }, total: 3, comment: '', at: competition.createdAt }
      await store.competitions.saveScore(score)
      await store.competitions.saveScore({ ...score, levels: { innovation: 5 }, total: 5 })
      expect(await store.competitions.listScores(competition.id)).toEqual([{ ...score, levels: { innovation: 5 }, total: 5 }])
      expect(await store.competitions.getAssignments(competition.id)).toEqual({})
      await store.competitions.saveAssignments(competition.id, { [`${run}t1`]: [`${run}j1`] })
      expect(await store.competitions.getAssignments(competition.id)).toEqual({ [`${run}t1`]: [`${run}j1`] })
    })

    it('publishes a result notice once, lists it while running, and replaces it whole', async () => {
      const notice: ResultNotice = {
        competitionId: competition.id,
        competitionTitle: competition.title,
        start: '2090-03-02',
        end: '2090-03-06',
        entries: [{ teamId: `${run}t1`, teamName: '甲队', projectTitle: '项目', university: '郑州大学', result: '一等奖', withdrawn: null }],
        publishedAt: '2090-03-02T01:00:00.000Z',
        byOpenid: `${run}staff`,
      }
      expect(await store.competitions.getNotice(competition.id)).toBeNull()
      const [a, b] = await Promise.all([store.competitions.publishNotice(notice), store.competitions.publishNotice({ ...notice, end: '2090-03-20', byOpenid: 'other' })])
      expect(a).toEqual(b)
      expect(await store.competitions.getNotice(competition.id)).toEqual(a)
      expect((await store.competitions.runningNotices('2090-03-04', 50)).map((n) => n.competitionId)).toContain(competition.id)
      expect((await store.competitions.runningNotices('2090-03-01', 50)).map((n) => n.competitionId)).not.toContain(competition.id)
      expect((await store.competitions.runningNotices('2090-04-01', 50)).map((n) => n.competitionId)).not.toContain(competition.id)
      const withdrawn = { ...a, entries: a.entries.map((e) => ({ ...e, withdrawn: { reason: '查实', at: '2090-03-03T00:00:00.000Z' } })) }
      await store.competitions.saveNotice(withdrawn)
      expect(await store.competitions.getNotice(competition.id)).toEqual(withdrawn)
    })

    it('keeps objections and resolves each once, even when resolutions race', async () => {
      const objection: ResultObjection = {
        id: `${run}ob1`,
        competitionId: competition.id,
        teamId: `${run}t1`,
        teamName: '甲队',
        kind: 'personal',
        realName: '张三',
        phone: '13800000000',
        unitName: '',
        sealFileId: '',
        reason: '作品并非原创',
        filerOpenid: `${run}f`,
        createdAt: '2090-03-03T00:00:00.000Z',
        outcome: null,
      }
      await store.competitions.saveObjection(objection)
      await store.competitions.saveObjection({ ...objection, id: `${run}ob2`, createdAt: '2090-03-03T00:00:01.000Z' })
      expect(await store.competitions.getObjection(objection.id)).toEqual(objection)
      expect((await store.competitions.objectionsOf(competition.id, 50)).map((o) => o.id)).toEqual([`${run}ob1`, `${run}ob2`])
      const outcome = (decision: 'upheld' | 'rejected') => ({ decision, note: '核查', at: '2090-03-04T00:00:00.000Z', byOpenid: `${run}staff` })
      const results = await Promise.all([store.competitions.resolveObjection(objection.id, outcome('upheld')), store.competitions.resolveObjection(objection.id, outcome('rejected'))])
      expect(results.filter(Boolean)).toHaveLength(1)
      expect((await store.competitions.getObjection(objection.id))!.outcome).not.toBeNull()
      expect(await store.competitions.resolveObjection(`${run}none`, outcome('upheld'))).toBe(false)
      expect((await store.competitions.objectionsBy(`${run}f`, 50)).map((o) => o.id)).toEqual([`${run}ob1`, `${run}ob2`])
      expect(await store.competitions.objectionsBy(`${run}nobody`, 50)).toEqual([])
    })
  })
}
