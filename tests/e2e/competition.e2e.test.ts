import { PRIVACY_VERSION, type BlindProject, type Competition, type Envelope, type Judge, type TeamView } from '../../types'
import { competitionDraft } from '../../cloudfunctions/api/src/seed-competition'
import { currentPage, eventually, startHarness, type Harness } from './support'

/**
 * Competitions in the browser (issue 18): a leader forms a team of four with one advisor, one
 * member confirms late, a PhD member cannot be made leader, the team submits two versions before
 * the deadline and is refused after it (time moved on through the server's clock); three judges
 * (one skipped by an automatic conflict, one by a declared one) score; normalised and raw results
 * differ as the data says; the winner is shortlisted and shows in the 翼展档案. Then a leader
 * withdraws (the member told), the members of a team whose leader deleted their account hand it
 * on, and a 公示 objection is resolved by staff with the objector told in their inbox.
 */
const HOUR = 60 * 60 * 1000
let offset = 0
const clock = { now: () => new Date(Date.now() + offset) }
const iso = (ms: number) => new Date(ms).toISOString()
const STAFF = 'demo-staff'

describe('competitions in the browser', () => {
  let h: Harness

  beforeAll(async () => {
    h = await startHarness({ clock })
  })

  afterAll(async () => {
    await h?.close()
  })

  const visible = () => currentPage(h.page)

  async function ok<T>(reply: Promise<Envelope<T>>): Promise<T> {
    const r = await reply
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
    return r.data
  }

  async function as(openid: string, path: string) {
    await h.page.evaluate((o) => {
      window.localStorage.setItem('yz.demo.openid', o)
      window.localStorage.setItem('yz.demo.label', o)
    }, openid)
    await h.page.goto(`${h.baseUrl}/#${path}`)
    await h.page.reload()
  }

  const register = (openid: string, name: string, university: string, degree = 'bachelor') =>
    ok(
      h.api('member.register', {
        name,
        phone: '13812341234',
        university,
        college: '信息工程学院',
        major: '软件工程',
        degree,
        enrollmentYear: 2022,
        graduationYear: 2026,
        hometownCounty: 'suiping',
        fields: ['electronics'],
        consentVersion: PRIVACY_VERSION,
      }, openid),
    )

  test('staff create a competition in the form and publish it; a student sees it', async () => {
    try {
      await staffCreate()
    } catch (error) {
      await h.screenshot('competition-create-failure').catch(() => undefined)
      throw error
    }
  }, 60_000)

  async function staffCreate() {
    const title = '“振兴杯”驻马店市青年职业技能大赛（表单）'
    const local = (ms: number) => {
      const d = new Date(ms)
      const pad = (n: number) => String(n).padStart(2, '0')
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
    }
    await h.page.goto(h.baseUrl)
    await as(STAFF, '/packages/competition/pages/staff/index')
    await visible().locator('#competition-new').click()
    await visible().locator('#competition-edit').waitFor()
    // Saved empty-handed: the shared schema names each field in Chinese, nothing is sent.
    await visible().locator('#cp-save').click()
    await visible().locator('#error-kind').getByText('请填写赛事类型').waitFor()
    await visible().locator('#error-title').getByText('请填写赛事名称').waitFor()
    await visible().locator('#error-submissionClosesAt').getByText('请选择作品提交截止时间').waitFor()
    await visible().locator('#cp-kind-zhenxingbei').click()
    await visible().locator('#cp-title-input input').fill(title)
    const now = Date.now()
    await visible().locator('#field-registrationOpensAt input').fill(local(now - 24 * HOUR))
    await visible().locator('#field-registrationClosesAt input').fill(local(now + 10 * 24 * HOUR))
    await visible().locator('#field-submissionClosesAt input').fill(local(now + 20 * 24 * HOUR))
    // A rule that contradicts another is named too.
    await visible().locator('#cp-membersMin-input input').fill('12')
    await visible().locator('#cp-save').click()
    await visible().locator('#error-membersMin').getByText('最少人数不能大于最多人数').waitFor()
    await h.screenshot('competition-edit-errors')
    await visible().locator('#cp-membersMin-input input').fill('2')
    await visible().locator('#cp-status-open').click()
    await visible().locator('#cp-save').click()
    // Back on the staff page, the new competition is listed as open.
    await visible().locator('#competition-staff').getByText(`${title}（报名中）`).waitFor()
    const saved = (await ok<Competition[]>(h.api('competition.list', {}, STAFF))).find((c) => c.title === title)!
    expect(saved).toMatchObject({ kind: 'zhenxingbei', status: 'open', rules: { membersMin: 2, membersMax: 10, phdMaxShare: 0.3 } })
    expect(saved.judging.rubric.map((r) => r.levels.length)).toEqual([3, 3])

    // A student sees it and opens it.
    await register('cp-form-student', '赵同学', '驻马店职业技术学院', 'associate')
    await as('cp-form-student', '/packages/competition/pages/list/index')
    await visible().locator(`#competition-${saved.id}`).getByText(title).waitFor()
    await h.screenshot('competition-published-student')
    await visible().locator(`#competition-${saved.id}`).click()
    await visible().locator('#competition-rules').getByText('团队2–10人（含负责人），指导老师最多3位').waitFor()
  }

  test('form, confirm, submit before and after the deadline, blind judging, results, shortlist, 翼展档案', async () => {
    try {
      await journey()
    } catch (error) {
      await h.screenshot('competition-failure').catch(() => undefined)
      throw error
    }
  }, 90_000)

  async function journey() {
    const { page } = h
    await page.goto(h.baseUrl)
    const start = Date.now()
    const competition = await ok<Competition>(
      h.api('competition.save', competitionDraft({
        title: '“挑战杯”创业计划竞赛驻马店市赛（旅程）',
        registrationOpensAt: iso(start - 24 * HOUR),
        registrationClosesAt: iso(start + HOUR),
        submissionClosesAt: iso(start + 2 * HOUR),
      }), STAFF),
    )
    await register('cp-lead', '林一', '黄淮学院')
    await register('cp-m2', '林二', '黄淮学院')
    await register('cp-phd', '林博', '黄淮学院', 'doctor')
    await register('cp-m4', '林四', '黄淮学院')

    // The leader forms the team in the app.
    await as('cp-lead', `/packages/competition/pages/detail/index?id=${competition.id}`)
    await visible().locator('#competition-rules').waitFor()
    await visible().locator('#team-name-input input').fill('星火队')
    await visible().locator('#team-project-input input').fill('星火队的智慧农机调度')
    await visible().locator('#create-team-button').click()
    await visible().locator('#team-invite-code').waitFor()
    const code = (await visible().locator('#team-invite-code').innerText()).trim()
    expect(code).toMatch(/^\d{6}$/)
    const teamId = new URL(page.url().replace('#/', '')).searchParams.get('id') ?? ''
    // Three join by the code (set-up the UI need not show); two confirm at once, 林四 later.
    for (const m of ['cp-m2', 'cp-phd', 'cp-m4']) await ok(h.api('competition.joinTeam', { code }, m))
    for (const m of ['cp-m2', 'cp-phd']) await ok(h.api('competition.confirm', { teamId }, m))

    await page.reload()
    await visible().locator('#member-3').waitFor()
    // One external advisor.
    await visible().locator('#advisor-name-input input').fill('周老师')
    await visible().locator('#advisor-unit-input input').fill('驻马店市农科院')
    await visible().locator('#advisor-phone-input input').fill('13900001111')
    await visible().locator('#advisor-add').click()
    await visible().locator('#team-advisors').getByText('周老师').waitFor()
    // The PhD member cannot be made leader: the reason is shown.
    await visible().locator('#member-lead-2').click()
    await visible().locator('#team-message').getByText('博士研究生只能作为团队成员，不能担任负责人').waitFor()
    await visible().locator('#team-sign').click()
    await visible().locator('#team-blockers').getByText('还有1位成员未确认：林四').waitFor()
    await h.screenshot('competition-team-waiting')

    // 林四 confirms late, in the app.
    await as('cp-m4', `/packages/competition/pages/team/index?id=${teamId}`)
    await visible().locator('#team-confirm').click()
    await visible().locator('#team-blockers').getByText('团队已满足提交条件').waitFor()

    // Eight other teams (郑州大学) submit through the api before the deadline.
    for (let i = 0; i < 8; i += 1) {
      const lead = `cp-o${i}`
      await register(lead, `郑${i}`, '郑州大学')
      const team = await ok<TeamView>(h.api('competition.createTeam', { competitionId: competition.id, trackId: 'tech', name: `郑队${i}`, projectTitle: '项目' }, lead))
      for (const suffix of ['a', 'b']) {
        await register(`${lead}${suffix}`, `郑${i}${suffix}`, '郑州大学')
        await ok(h.api('competition.joinTeam', { code: team.inviteCode }, `${lead}${suffix}`))
        await ok(h.api('competition.confirm', { teamId: team.id }, `${lead}${suffix}`))
      }
      await ok(h.api('competition.sign', { teamId: team.id, agreed: true }, lead))
      await ok(h.api('competition.submit', { teamId: team.id, abstract: '项目简介', files: [{ name: '计划书.pdf', fileId: '/uploads/x.pdf' }] }, lead))
    }

    // The leader submits two versions, each with a file chosen in the browser.
    await as('cp-lead', `/packages/competition/pages/team/index?id=${teamId}`)
    for (const version of [1, 2]) {
      await visible().locator('#submission-abstract-input textarea').fill(`我们黄淮学院星火队第${version}版：农机调度。`)
      const chooser = page.waitForEvent('filechooser')
      await visible().locator('#submission-pick').click()
      await (await chooser).setFiles({ name: `计划书v${version}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%%EOF') })
      await visible().locator('#team-submissions').getByText(`计划书v${version}.pdf`).waitFor()
      await visible().locator('#submission-submit').click()
      await visible().locator(`#version-${version}`).waitFor()
    }
    await h.screenshot('competition-two-versions')

    // The deadline passes (the server's clock); a third version is refused with the reason.
    offset = 2 * HOUR + 1000
    await visible().locator('#submission-abstract-input textarea').fill('迟到的第三版')
    const chooser = page.waitForEvent('filechooser')
    await visible().locator('#submission-pick').click()
    await (await chooser).setFiles({ name: '计划书v3.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%%EOF') })
    await visible().locator('#team-submissions').getByText('计划书v3.pdf').waitFor()
    await visible().locator('#submission-submit').click()
    await visible().locator('#team-message').getByText(/作品提交已截止/).waitFor()
    expect(await visible().locator('#version-3').count()).toBe(0)
    await h.screenshot('competition-refused-after-deadline')

    // Judges: the harsh one, one who declared a conflict with 星火队, one from 黄淮学院 (automatic).
    const harsh = await ok<Judge>(h.api('competition.addJudge', { competitionId: competition.id, name: '严评委', unit: '市科技局' }, STAFF))
    const declared = await ok<Judge>(h.api('competition.addJudge', { competitionId: competition.id, name: '宽评委', unit: '市工信局', declaredConflictTeamIds: [teamId] }, STAFF))
    const sameUni = await ok<Judge>(h.api('competition.addJudge', { competitionId: competition.id, name: '黄评委', unit: '黄淮学院', university: '黄淮学院' }, STAFF))
    await ok(h.api('competition.redeemJudge', { code: declared.inviteCode }, 'cp-judge-1'))
    await ok(h.api('competition.redeemJudge', { code: sameUni.inviteCode }, 'cp-judge-2'))

    // Staff assign in the app: conflicts are skipped.
    await as(STAFF, '/packages/competition/pages/staff/index')
    await visible().locator(`#staff-competition-${competition.id}`).click()
    await visible().locator('#judge-assign').click()
    await visible().locator('#staff-message').getByText(/已分配评委，自动回避\d+次/).waitFor()

    // The harsh judge opens the invite link staff sent (the code filled in) and scores the blind 星火队 project there.
    await as('cp-judge-0', `/packages/competition/pages/judge/index?code=${harsh.inviteCode}`)
    expect(await visible().locator('#judge-code-input input').inputValue()).toBe(harsh.inviteCode)
    await visible().locator('#judge-redeem-button').click()
    await visible().locator('#judge-page').waitFor()
    const seen = await ok<{ projects: BlindProject[] }>(h.api('competition.judgeProjects', { judgeId: harsh.id }, 'cp-judge-0'))
    const star = seen.projects.find((p) => p.teamId === teamId)!
    expect(star.abstract).toBe('我们■■■■第2版：农机调度。')
    const card = visible().locator(`#project-${star.code}`)
    expect(await card.innerText()).not.toMatch(/黄淮|星火/)
    await card.locator(`#level-${star.code}-innovation-3`).click()
    await card.locator(`#level-${star.code}-feasibility-3`).click()
    await card.locator(`#score-${star.code}`).click()
    await card.getByText('已保存评分').waitFor()
    await h.screenshot('competition-judge-blind')
    // The harsh judge gives everything else 2; the others 10 to all but their last (8).
    const scoreAll = async (judge: Judge, openid: string, pick: (teamId: string, k: number, n: number) => { innovation: number; feasibility: number }) => {
      const mine = (await ok<{ projects: BlindProject[] }>(h.api('competition.judgeProjects', { judgeId: judge.id }, openid))).projects.map((p) => p.teamId).sort()
      for (const [k, id] of mine.entries()) await ok(h.api('competition.score', { judgeId: judge.id, teamId: id, levels: pick(id, k, mine.length), comment: '' }, openid))
      return mine
    }
    await scoreAll(harsh, 'cp-judge-0', (id) => (id === teamId ? { innovation: 3, feasibility: 3 } : { innovation: 1, feasibility: 1 }))
    const generous = (_id: string, k: number, n: number) => (k < n - 1 ? { innovation: 5, feasibility: 5 } : { innovation: 5, feasibility: 3 })
    expect(await scoreAll(declared, 'cp-judge-1', generous)).not.toContain(teamId)
    expect(await scoreAll(sameUni, 'cp-judge-2', generous)).not.toContain(teamId)

    // Staff see raw and normalised results differ, and shortlist by the normalised ranking.
    await as(STAFF, '/packages/competition/pages/staff/index')
    await visible().locator(`#staff-competition-${competition.id}`).click()
    await visible().locator(`#result-normalised-${teamId}`).getByText('（第1）').waitFor()
    expect(await visible().locator(`#result-raw-${teamId}`).innerText()).not.toContain('（第1）')
    await h.screenshot('competition-results')
    await visible().locator('#shortlist-normalised').click()
    await visible().locator(`#result-${teamId}`).getByText('（晋级）').waitFor()

    // The winner's member finds it in the 翼展档案.
    await as('cp-m2', '/pages/growth/index')
    await visible().locator(`#growth-competition-${teamId}`).getByText(/晋级上一级比赛/).waitFor()
    await eventually(async () => (await visible().locator('#growth-competitions').innerText()).includes('星火队'), true)
    await h.screenshot('competition-growth-record')

    // …and draws the 荣誉证书 on the team page: the certificate card with the competition's code.
    await as('cp-m2', `/packages/competition/pages/team/index?id=${teamId}`)
    await visible().locator('#team-certificate').getByText('晋级上一级比赛', { exact: false }).waitFor()
    await visible().locator('#team-certificate #poster-make').click()
    await visible().locator('#team-certificate #poster-image img').waitFor()
    await h.screenshot('competition-certificate')

    // …and the whole 翼展档案 as one poster page, the placement on it.
    await as('cp-m2', '/pages/growth/index')
    await visible().locator('#growth-poster').click()
    await visible().locator('#archive-poster').getByText(/竞赛 · .*晋级上一级比赛/).waitFor()
    await visible().locator('#archive-poster #poster-make').click()
    await visible().locator('#archive-poster #poster-image img').waitFor()
    await h.screenshot('growth-archive-poster')
  }
  test('a leader withdraws, the members hand on a team whose leader left, a 公示 objection is resolved and the objector told', async () => {
    try {
      await afterwards()
    } catch (error) {
      await h.screenshot('competition-afterwards-failure').catch(() => undefined)
      throw error
    }
  }, 90_000)

  async function afterwards() {
    const { page } = h
    offset = 0
    await page.goto(h.baseUrl)
    const start = Date.now()
    const competition = await ok<Competition>(
      h.api('competition.save', competitionDraft({
        title: '“创青春”驻马店市创新创业大赛（旅程）',
        kind: 'chuangqingchun',
        rules: { ...competitionDraft().rules, membersMin: 1 },
        registrationOpensAt: iso(start - 24 * HOUR),
        registrationClosesAt: iso(start + HOUR),
        submissionClosesAt: iso(start + 2 * HOUR),
      }), STAFF),
    )
    const teamOf = async (lead: string, name: string, members: string[]) => {
      await register(lead, `${name}长`, '黄淮学院')
      const team = await ok<TeamView>(h.api('competition.createTeam', { competitionId: competition.id, trackId: 'tech', name, projectTitle: `${name}的项目` }, lead))
      for (const [i, m] of members.entries()) {
        await register(m, `${name}员${i + 1}`, '黄淮学院')
        await ok(h.api('competition.joinTeam', { code: team.inviteCode }, m))
        await ok(h.api('competition.confirm', { teamId: team.id }, m))
      }
      await ok(h.api('competition.sign', { teamId: team.id, agreed: true }, lead))
      return team
    }
    const leaving = await teamOf('cp-w-lead', '退赛队', ['cp-w-m'])
    const orphan = await teamOf('cp-h-lead', '接力队', ['cp-h-a', 'cp-h-b'])
    const placed = await teamOf('cp-p-lead', '获奖队', [])
    await ok(h.api('competition.submit', { teamId: placed.id, abstract: '简介', files: [{ name: '计划书.pdf', fileId: '/uploads/x.pdf' }] }, 'cp-p-lead'))
    // Staff record the award on the team's row; the leader is told in the inbox.
    await as(STAFF, '/packages/competition/pages/staff/index')
    await visible().locator(`#staff-competition-${competition.id}`).click()
    await visible().locator(`#team-outcome-${placed.id}`).click()
    await visible().locator(`#award-${placed.id} input`).fill('市赛二等奖')
    await visible().locator(`#award-save-${placed.id}`).click()
    await eventually(async () => (await ok<TeamView>(h.api('competition.team', { teamId: placed.id }, 'cp-p-lead'))).award, '市赛二等奖')
    await ok(h.api('competition.publishResults', { id: competition.id }, STAFF))

    // The leader withdraws the entry before the deadline; the member is told in the inbox.
    await as('cp-w-lead', `/packages/competition/pages/team/index?id=${leaving.id}`)
    await visible().locator('#team-withdraw').click()
    await page.locator('.taro__modal .taro-model__confirm', { hasText: '撤销参赛' }).click()
    await visible().locator('#team-withdrawn').waitFor()
    await visible().locator('#team-state').getByText('已撤销').waitFor()
    await h.screenshot('competition-withdrawn')
    await as('cp-w-m', '/pages/inbox/index')
    await visible().locator('#inbox-list').getByText('“退赛队”已撤销参赛').waitFor()

    // The leader of 接力队 deletes their account: the two members confirm a new leader in the app.
    await ok(h.api('member.deleteMine', {}, 'cp-h-lead'))
    await as('cp-h-a', `/packages/competition/pages/team/index?id=${orphan.id}`)
    await visible().locator('#handover-1').getByText('确认接力队员2担任负责人').click()
    await visible().locator('#team-handover-progress').getByText('接力队员2：已有1/2位成员确认').waitFor()
    await h.screenshot('competition-handover-waiting')
    await as('cp-h-b', `/packages/competition/pages/team/index?id=${orphan.id}`)
    await visible().locator('#handover-1').click()
    await visible().locator('#team-withdraw').waitFor()
    expect(await visible().locator('#team-handover').count()).toBe(0)
    expect((await ok<TeamView>(h.api('competition.team', { teamId: orphan.id }, 'cp-h-a'))).leaderOpenid).toBe('cp-h-b')
    await as('cp-h-a', '/pages/inbox/index')
    await visible().locator('#inbox-list').getByText('“接力队”有了新负责人').waitFor()

    // Anyone objects to the published result on the 公示 page, in their real name.
    await register('cp-objector', '郑实', '郑州大学')
    await as('cp-objector', '/packages/honour/pages/notice/index')
    await visible().locator(`#object-result-${placed.id}`).click()
    await visible().locator('#result-objection-reason textarea').fill('获奖项目与往届作品雷同')
    await visible().locator('#result-objection-submit').click()
    await visible().locator('#result-objection-form').getByText('不受理匿名异议：请选择以个人或单位名义提出').waitFor()
    await visible().locator('#result-objection-kind-personal').click()
    await visible().locator('#result-objection-name input').fill('郑实')
    await visible().locator('#result-objection-phone input').fill('13700001234')
    await visible().locator('#result-objection-submit').click()
    await page.locator('.taro__modal :visible', { hasText: '已收到你的异议' }).first().waitFor()
    await page.locator('.taro__modal .taro-model__confirm:visible').click()
    await h.screenshot('competition-result-objection')

    // Staff resolve it privately on the competition staff page; the objector is told the outcome.
    const [filed] = (await ok<{ objections: { id: string }[] }>(h.api('competition.resultObjections', { id: competition.id }, STAFF))).objections
    await as(STAFF, '/packages/competition/pages/staff/index')
    await visible().locator(`#staff-competition-${competition.id}`).click()
    await visible().locator(`#result-objection-${filed!.id}`).getByText('郑实 137****1234').waitFor()
    await visible().locator(`#result-objection-note-${filed!.id} input`).fill('经核查，项目为原创')
    await visible().locator(`#result-objection-reject-${filed!.id}`).click()
    await visible().locator(`#result-objection-${filed!.id}`).getByText('异议不成立，维持：经核查，项目为原创').waitFor()
    await as('cp-objector', '/pages/inbox/index')
    await visible().locator('#inbox-list').getByText('你提出的公示异议已处理').waitFor()
    await h.screenshot('competition-objection-told')

    // Staff tighten the rules: the teams they would break are listed before saving; saved on confirmation.
    await as(STAFF, `/packages/competition/pages/edit/index?id=${competition.id}`)
    await visible().locator('#cp-membersMax-input input').fill('2')
    await visible().locator('#cp-save').click()
    await visible().locator('#cp-breaks').getByText('团队人数应在1到2人之间（含负责人），现在3人').waitFor()
    await h.screenshot('competition-rule-breaks')
    await visible().locator('#cp-save-confirm').click()
    await eventually(async () => (await ok<Competition>(h.api('competition.get', { id: competition.id }, STAFF))).rules.membersMax, 2)
    await as('cp-h-b', '/pages/inbox/index')
    await visible().locator('#inbox-list').getByText(`${competition.title}规则已调整`).waitFor()
  }
})
