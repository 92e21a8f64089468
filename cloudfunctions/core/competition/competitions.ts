import { randomInt } from 'node:crypto'
import type {
  ActionPayload,
  Advisor,
  BlindProject,
  Competition,
  CompetitionCertificate,
  CompetitionResults,
  ExportedCompetitionTeam,
  Judge,
  RuleBreak,
  MyCompetitionEntry,
  Score,
  TalentLead,
  Team,
  TeamMember,
  TeamView,
} from '../../../types'
import type { Caller } from '../access/access'
import { recordAudit } from '../audit/audit'
import { toIsoString } from '../shared/clock'
import type { Deps } from '../shared/context'
import { AppError, conflict, forbidden, invalidInput, notFound } from '../shared/errors'
import { newId } from '../shared/ids'
import type { PersonEntry } from './ports'
import { draftStoryFromCompetition } from '../story/stories'
import { notifyTeamMembers, notifyTeamOutcome } from './notify'
import { redact } from './redaction'
import {
  changeAllowedAfterClose,
  judgedVersion,
  maskPhone,
  mayLead,
  mayWithdraw,
  notFrozen,
  notWithdrawn,
  personMayJoin,
  registrationOpen,
  roomForAdvisor,
  roomForMember,
  ruleBreaks,
  sameMembers,
  submissionOpen,
  submitBlockers,
  teamStateOf,
  trackExists,
  type Reason,
} from './rules'
import { assignJudges, computeResults, TIE_BREAK_RULE } from './scoring'

/** Teams read per competition at most (a municipal round has hundreds). */
const MAX_TEAMS = 2000
const MAX_VERSIONS = 20

const now = (deps: Deps) => toIsoString(deps.clock.now())
/** A refused rule: the reason as it is. */
const refuse = (reason: Reason): void => {
  if (reason) throw conflict(reason)
}

async function competitionOf(deps: Deps, id: string): Promise<Competition> {
  const c = await deps.store.competitions.getCompetition(id)
  if (!c) throw notFound('没有找到这个赛事')
  return c
}

async function teamOf(deps: Deps, id: string): Promise<{ team: Team; competition: Competition }> {
  const team = await deps.store.competitions.getTeam(id)
  if (!team) throw notFound('没有找到这个团队')
  return { team, competition: await competitionOf(deps, team.competitionId) }
}

function openidOf(caller: Caller): string {
  if (!caller.openid) throw forbidden('请先登录')
  return caller.openid
}

/** A 6-digit code nobody holds yet. */
async function newCode(deps: Deps, kind: 'team' | 'judge', targetId: string): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const code = String(randomInt(100000, 1000000))
    if (await deps.store.competitions.reserveCode(code, kind, targetId)) return code
  }
  throw conflict('邀请码生成失败，请重试')
}

export function viewTeam(c: Competition, { inviteImage: _cache, shortlistTold: _told, ...team }: Team, full: boolean): TeamView {
  const advisors: Advisor[] = full ? team.advisors : team.advisors.map((a) => ({ ...a, phone: maskPhone(a.phone) }))
  return {
    ...team,
    advisors,
    inviteCode: full ? team.inviteCode : '',
    state: teamStateOf(c, team),
    blockers: submitBlockers(c, team),
    leaderGone: team.members.some((m) => m.openid === team.leaderOpenid && isGone(m)),
  }
}

/** A member who deleted their account: `forgetCompetitionsOf` left a pseudonym (`deleted-…`) in their place. */
export const isGone = (m: Pick<TeamMember, 'openid' | 'name'>): boolean => m.name === GONE_MEMBER && m.openid.startsWith('deleted-')

const loadOf = (p: PersonEntry) => ({ teams: p.teamIds.length, leads: p.leadTeamIds.length })
const memberOf = (caller: Caller, at: string, confirmed: boolean): TeamMember => {
  const m = caller.member
  if (!m) throw forbidden('请先加入翼展联盟')
  return { openid: m.openid, name: m.name, university: m.university, degree: m.degree, stationId: m.stationId, confirmedAt: confirmed ? at : null, joinedAt: at }
}

/** Runs `change` on the team atomically with the named people; the team's `updatedAt` is set. */
async function change(
  deps: Deps,
  team: Team,
  openids: string[],
  decide: (team: Team, people: PersonEntry[], at: string) => { team: Team; people?: PersonEntry[] },
): Promise<Team> {
  const at = now(deps)
  return deps.store.competitions.changeTeam(team.competitionId, team.id, openids, (stored, people) => {
    if (!stored) throw notFound('没有找到这个团队')
    const out = decide(stored, people, at)
    return { team: { ...out.team, updatedAt: at }, people: out.people ?? [] }
  })
}

function requireLeader(team: Team, caller: Caller): void {
  if (team.leaderOpenid !== caller.openid) throw forbidden('只有团队负责人可以进行此操作')
}

// ---------- competitions ----------

/**
 * Creates or edits a competition. An edit is checked against the teams formed: a track in use or a
 * calibration team of another competition is refused; rules that would break teams (`ruleBreaks`)
 * are refused, listing them, unless staff confirm — then saved and each team broken is told why.
 */
export async function saveCompetition(deps: Deps, caller: Caller, input: ActionPayload<'competition.save'>): Promise<Competition> {
  const at = now(deps)
  const { confirmBreaking, ...fields } = input
  const existing = fields.id ? await competitionOf(deps, fields.id) : null
  let broken: RuleBreak[] = []
  let teams: Team[] = []
  if (existing) {
    // Teams refer to their track and the calibration to a team: neither may vanish under them.
    teams = await deps.store.competitions.listTeams(existing.id, MAX_TEAMS)
    const used = existing.tracks.find((t) => teams.some((team) => team.trackId === t.id) && !input.tracks.some((x) => x.id === t.id))
    if (used) throw invalidInput('tracks', `赛道“${used.name}”已有团队报名，不能删除或改名`)
    const calibration = input.judging.calibrationTeamId
    if (calibration && !teams.some((team) => team.id === calibration)) throw invalidInput('judging.calibrationTeamId', '校准项目应为本赛事的团队')
    broken = ruleBreaks(existing.rules, input.rules, teams)
    if (broken.length > 0 && !confirmBreaking) throw new AppError('CONFLICT', breaksMessage(broken), { confirmBreaking: breaksMessage(broken) })
  } else if (input.judging.calibrationTeamId) {
    throw invalidInput('judging.calibrationTeamId', '校准项目应为本赛事的团队')
  }
  const c: Competition = {
    ...fields,
    codeImage: existing?.codeImage ?? null,
    id: existing?.id ?? newId('cp'),
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    isDemo: existing?.isDemo ?? false,
  }
  await deps.store.competitions.saveCompetition(c)
  const affected = broken.length > 0 ? `，新规则影响${broken.length}个已报名团队：${broken.map((b) => b.teamName).join('、')}` : ''
  await recordAudit(deps, caller, { action: 'competition.save', summary: `${existing ? '修改' : '创建'}赛事“${c.title}”${affected}` })
  for (const b of broken) {
    const team = teams.find((t) => t.id === b.teamId)!
    await notifyTeamOutcome(deps, caller, team, {
      title: `${c.title}规则已调整`,
      body: `赛事规则已调整，团队“${team.name}”需要按新规则调整后才能提交作品：${b.reasons.join('；')}。`,
    })
  }
  return shown(c)
}

const breaksMessage = (broken: RuleBreak[]) => {
  const listed = broken.slice(0, 5).map((b) => `“${b.teamName}”（${b.reasons.join('；')}）`)
  const more = broken.length > 5 ? `等${broken.length}个团队` : ''
  return `新规则与已报名团队冲突：${listed.join('、')}${more}。确认仍要保存请勾选“仍然保存并通知这些团队”`
}

/** Staff, before saving an edit: the teams the rules as given would break (none for a new competition). */
export async function checkRules(deps: Deps, _caller: Caller, input: ActionPayload<'competition.checkRules'>): Promise<RuleBreak[]> {
  if (!input.id) return []
  const existing = await competitionOf(deps, input.id)
  return ruleBreaks(existing.rules, input.rules, await deps.store.competitions.listTeams(existing.id, MAX_TEAMS))
}

/** A competition as answered: without the cached code image. */
const shown = ({ codeImage: _cache, ...c }: Competition): Competition => c

export async function listCompetitions(deps: Deps, caller: Caller): Promise<Competition[]> {
  const all = (await deps.store.competitions.listCompetitions(100)).map(shown)
  return caller.isStaff ? all : all.filter((c) => c.status !== 'draft')
}

export async function viewCompetition(deps: Deps, caller: Caller, input: { id: string }): Promise<Competition> {
  const c = await competitionOf(deps, input.id)
  if (c.status === 'draft' && !caller.isStaff) throw notFound('没有找到这个赛事')
  return shown(c)
}

/** Where a competition's code (certificates) opens: its page, the id in the scene `i=<id>`. */
export const COMPETITION_DETAIL_PAGE = 'packages/competition/pages/detail/index'

/**
 * The competition's mini-program code, made once and kept on the competition (each wxacode call
 * spends quota; every certificate of the competition carries the same code).
 */
async function competitionCode(deps: Deps, c: Competition): Promise<{ image: string; link: string | null }> {
  const scene = `i=${c.id}`
  let image = c.codeImage ?? null
  if (!image) {
    image = await deps.files.invites.image(scene, COMPETITION_DETAIL_PAGE)
    const latest = await deps.store.competitions.getCompetition(c.id)
    if (latest) await deps.store.competitions.saveCompetition({ ...latest, codeImage: image })
  }
  return { image, link: deps.files.invites.link(scene, COMPETITION_DETAIL_PAGE) }
}

/** `2026-12-20T…+08:00` → `2026年12月20日` (Beijing time). */
const chineseDate = (iso: string) => {
  const d = new Date(Date.parse(iso) + 8 * 60 * 60 * 1000)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

/**
 * 荣誉证书: for a member of an awarded or shortlisted team, what their certificate says (laid out
 * and drawn in the app, src/features/story/poster) and the competition's code, to verify it.
 */
export async function certificate(deps: Deps, caller: Caller, input: { teamId: string }): Promise<CompetitionCertificate> {
  const { team, competition: c } = await teamOf(deps, input.teamId)
  const me = team.members.find((m) => m.openid === caller.openid)
  if (!me) throw forbidden('只有团队成员可以生成荣誉证书')
  if (team.withdrawnAt || (!team.award && !team.shortlistedAt)) throw conflict('获奖或晋级后才能生成荣誉证书')
  return {
    heading: '荣誉证书',
    holder: me.name,
    entries: [`${c.title} · ${team.award ?? '晋级上一级比赛'}`],
    note: `所在团队“${team.name}”，项目“${team.projectTitle}”。\n特发此证，以资鼓励。`,
    issuer: '共青团驻马店市委',
    date: chineseDate(team.shortlistedAt ?? team.updatedAt),
    code: await competitionCode(deps, c),
  }
}

/**
 * The scheduler closes each open competition whose submission deadline has passed (open → judging).
 * Submissions are refused at the deadline by the server's clock anyway; this moves the status on.
 */
export async function closeDueCompetitions(deps: Deps): Promise<number> {
  const at = now(deps)
  let closed = 0
  for (const c of await deps.store.competitions.listCompetitions(100)) {
    if (c.status !== 'open' || Date.parse(at) < Date.parse(c.submissionClosesAt)) continue
    await deps.store.competitions.saveCompetition({ ...c, status: 'judging', updatedAt: at })
    closed += 1
  }
  return closed
}

// ---------- teams ----------

export async function createTeam(deps: Deps, caller: Caller, input: ActionPayload<'competition.createTeam'>): Promise<TeamView> {
  const c = await viewCompetition(deps, caller, { id: input.competitionId })
  const at = now(deps)
  refuse(registrationOpen(c, at))
  const trackReason = trackExists(c, input.trackId)
  if (trackReason) throw invalidInput('trackId', trackReason)
  const leader = memberOf(caller, at, true)
  refuse(mayLead(c.rules, leader.degree))
  const id = newId('tm')
  const inviteCode = await newCode(deps, 'team', id)
  const team = await deps.store.competitions.changeTeam(c.id, id, [leader.openid], (stored, [person]) => {
    if (stored) throw conflict('团队已存在')
    refuse(personMayJoin(c.rules, loadOf(person!), true))
    const created: Team = {
      id,
      competitionId: c.id,
      trackId: input.trackId,
      name: input.name,
      projectTitle: input.projectTitle,
      leaderOpenid: leader.openid,
      members: [leader],
      advisors: [],
      declaringUnit: input.declaringUnit,
      inviteCode,
      checklistSignedAt: null,
      submissions: [],
      frozenAt: null,
      shortlistedAt: null,
      withdrawnAt: null,
      award: null,
      createdAt: at,
      updatedAt: at,
      isDemo: false,
    }
    return { team: created, people: [{ ...person!, teamIds: [...person!.teamIds, id], leadTeamIds: [...person!.leadTeamIds, id] }] }
  })
  return viewTeam(c, team, true)
}

/** What someone holding the code sees before joining: no phones, no code. */
export async function previewByCode(deps: Deps, _caller: Caller, input: { code: string }): Promise<TeamView> {
  const target = await deps.store.competitions.resolveCode(input.code)
  if (!target || target.kind !== 'team') throw notFound('邀请码不正确或已失效')
  const { team, competition } = await teamOf(deps, target.targetId)
  return viewTeam(competition, team, false)
}

/** Where a team's mini-program code and share card open: the list page, its code filled in. */
export const COMPETITION_LIST_PAGE = 'packages/competition/pages/list/index'

/** The leader's mini-program code (wxacode) for the team: scene `c=<6-digit code>`. */
export async function teamInviteImage(deps: Deps, caller: Caller, input: { teamId: string }): Promise<{ code: string; path: string; url: string | null; image: string }> {
  const { team } = await teamOf(deps, input.teamId)
  requireLeader(team, caller)
  const scene = `c=${team.inviteCode}`
  return {
    code: team.inviteCode,
    path: `${COMPETITION_LIST_PAGE}?scene=${encodeURIComponent(scene)}`,
    url: deps.files.invites.link(scene, COMPETITION_LIST_PAGE),
    image: team.inviteImage ?? (await cacheInviteImage(deps, team, scene)),
  }
}

/** Each wxacode call spends quota: the team's code is made once and kept on the team. */
async function cacheInviteImage(deps: Deps, team: Team, scene: string): Promise<string> {
  const image = await deps.files.invites.image(scene, COMPETITION_LIST_PAGE)
  await deps.store.competitions.changeTeam(team.competitionId, team.id, [], (stored) => {
    if (!stored) throw notFound('没有找到这个团队')
    return { team: { ...stored, inviteImage: stored.inviteImage ?? image }, people: [] }
  })
  return image
}

/** Joins by code as an unconfirmed member; the member confirms afterwards (competition.confirm). */
export async function joinTeam(deps: Deps, caller: Caller, input: { code: string }): Promise<TeamView> {
  const target = await deps.store.competitions.resolveCode(input.code)
  if (!target || target.kind !== 'team') throw notFound('邀请码不正确或已失效')
  const { team, competition: c } = await teamOf(deps, target.targetId)
  const member = memberOf(caller, now(deps), false)
  const joined = await change(deps, team, [member.openid], (stored, [person], at) => {
    refuse(registrationOpen(c, at))
    refuse(notWithdrawn(stored))
    refuse(notFrozen(stored))
    refuse(roomForMember(c.rules, stored, member.openid))
    refuse(personMayJoin(c.rules, loadOf(person!), false))
    return { team: { ...stored, members: [...stored.members, member] }, people: [{ ...person!, teamIds: [...person!.teamIds, stored.id] }] }
  })
  return viewTeam(c, joined, true)
}

export async function confirmMembership(deps: Deps, caller: Caller, input: { teamId: string }): Promise<TeamView> {
  const { team, competition: c } = await teamOf(deps, input.teamId)
  const openid = openidOf(caller)
  if (!team.members.some((m) => m.openid === openid)) throw forbidden('你不在这个团队中')
  const saved = await change(deps, team, [], (stored, _people, at) => ({
    team: { ...stored, members: stored.members.map((m) => (m.openid === openid && !m.confirmedAt ? { ...m, confirmedAt: at } : m)) },
  }))
  return viewTeam(c, saved, true)
}

/**
 * The leader removes a member, or a member leaves; allowed after registration closes, never once
 * frozen. The person's per-person entry is freed. Idempotent: someone already gone is no change.
 */
export async function removeMember(deps: Deps, caller: Caller, input: { teamId: string; openid: string }): Promise<TeamView> {
  const { team, competition: c } = await teamOf(deps, input.teamId)
  if (caller.openid !== team.leaderOpenid && caller.openid !== input.openid) throw forbidden('只有团队负责人可以移除其他成员')
  if (input.openid === team.leaderOpenid) throw conflict('负责人不能移出团队：请先把负责人交给其他成员')
  const saved = await change(deps, team, [input.openid], (stored, [person]) => {
    if (!stored.members.some((m) => m.openid === input.openid)) {
      if (caller.openid === input.openid) return { team: stored }
      throw notFound('该成员不在团队中')
    }
    refuse(notFrozen(stored))
    return {
      team: { ...stored, members: stored.members.filter((m) => m.openid !== input.openid) },
      people: [{ ...person!, teamIds: person!.teamIds.filter((t) => t !== stored.id) }],
    }
  })
  return viewTeam(c, saved, saved.members.some((m) => m.openid === caller.openid))
}

/**
 * The leader withdraws the team's entry before the submission deadline: the team is kept (withdrawn,
 * out of judging), every member's per-person entry is freed, and the other members are told in
 * their inbox. Idempotent: a second withdrawal (or one racing it) changes nothing and tells nobody.
 */
export async function withdrawTeam(deps: Deps, caller: Caller, input: { teamId: string }): Promise<TeamView> {
  const { team, competition: c } = await teamOf(deps, input.teamId)
  requireLeader(team, caller)
  const named = team.members.filter((m) => !isGone(m)).map((m) => m.openid)
  let withdrew = false
  const saved = await change(deps, team, named, (stored, people, at) => {
    withdrew = false
    if (stored.withdrawnAt) return { team: stored }
    refuse(mayWithdraw(c, stored, at))
    if (stored.members.some((m) => !isGone(m) && !named.includes(m.openid))) throw conflict('团队成员刚刚有变化，请刷新后再撤销')
    withdrew = true
    return {
      team: { ...stored, withdrawnAt: at },
      people: people
        .filter((p) => p.teamIds.includes(stored.id) || p.leadTeamIds.includes(stored.id))
        .map((p) => ({ ...p, teamIds: p.teamIds.filter((t) => t !== stored.id), leadTeamIds: p.leadTeamIds.filter((t) => t !== stored.id) })),
    }
  })
  if (withdrew) {
    await notifyTeamMembers(deps, caller, {
      teamId: saved.id,
      title: `“${saved.name}”已撤销参赛`,
      body: `负责人已撤销团队“${saved.name}”在${c.title}中的参赛报名，项目“${saved.projectTitle}”不再参加评审。你在本赛事的参赛名额已释放，可以加入或组建其他团队。`,
      recipients: named.filter((o) => o !== caller.openid),
    })
    await recordAudit(deps, caller, { action: 'competition.withdraw', summary: `团队“${saved.name}”撤销参赛` })
  }
  return viewTeam(c, saved, true)
}

/**
 * Hands a team whose leader deleted their account on to another member: staff at once; the
 * remaining members by each confirming the same candidate (the last confirmation hands it on).
 * The new leader must be allowed to lead (degree, PhD rule, lead limit).
 */
export async function handOverTeam(deps: Deps, caller: Caller, input: { teamId: string; openid: string }): Promise<TeamView> {
  const { team, competition: c } = await teamOf(deps, input.teamId)
  const openid = openidOf(caller)
  const inTeam = team.members.some((m) => m.openid === openid)
  if (!caller.isStaff && !inTeam) throw forbidden('只有团队成员或工作人员可以转交负责人')
  let handed = false
  const saved = await change(deps, team, [input.openid], (stored, [next]) => {
    handed = false
    refuse(notWithdrawn(stored))
    refuse(notFrozen(stored))
    if (!stored.members.some((m) => m.openid === stored.leaderOpenid && isGone(m))) throw conflict('负责人仍在团队中：请由负责人在团队页转交')
    const member = stored.members.find((m) => m.openid === input.openid && !isGone(m))
    if (!member) throw notFound('该成员不在团队中')
    refuse(mayLead(c.rules, member.degree))
    refuse(personMayJoin(c.rules, { teams: 0, leads: next!.leadTeamIds.length }, true))
    const prior = stored.handover?.candidateOpenid === member.openid ? stored.handover.confirmedBy : []
    const confirmedBy = prior.includes(openid) ? prior : [...prior, openid]
    const remaining = stored.members.filter((m) => !isGone(m)).map((m) => m.openid)
    if (!caller.isStaff && !remaining.every((o) => confirmedBy.includes(o))) {
      return { team: { ...stored, handover: { candidateOpenid: member.openid, confirmedBy } } }
    }
    handed = true
    return { team: { ...stored, leaderOpenid: member.openid, handover: null }, people: [{ ...next!, leadTeamIds: [...next!.leadTeamIds, stored.id] }] }
  })
  if (handed) {
    const leader = saved.members.find((m) => m.openid === saved.leaderOpenid)!
    await recordAudit(deps, caller, { action: 'competition.handOver', summary: `团队“${saved.name}”的负责人转交给${leader.name}` })
    await notifyTeamMembers(deps, caller, {
      teamId: saved.id,
      title: `“${saved.name}”有了新负责人`,
      body: `原负责人已注销账号，团队“${saved.name}”的负责人已转交给${leader.name}。`,
      recipients: saved.members.filter((m) => !isGone(m) && m.openid !== openid).map((m) => m.openid),
    })
  }
  return viewTeam(c, saved, inTeam)
}

export async function reorderMembers(deps: Deps, caller: Caller, input: { teamId: string; openids: string[] }): Promise<TeamView> {
  const { team, competition: c } = await teamOf(deps, input.teamId)
  requireLeader(team, caller)
  const saved = await change(deps, team, [], (stored, _people, at) => {
    refuse(changeAllowedAfterClose(c, at, 'reorder'))
    refuse(notFrozen(stored))
    const reason = sameMembers(stored, input.openids)
    if (reason) throw invalidInput('openids', reason)
    return { team: { ...stored, members: input.openids.map((o) => stored.members.find((m) => m.openid === o)!) } }
  })
  return viewTeam(c, saved, true)
}

export async function setLeader(deps: Deps, caller: Caller, input: { teamId: string; openid: string }): Promise<TeamView> {
  const { team, competition: c } = await teamOf(deps, input.teamId)
  requireLeader(team, caller)
  const saved = await change(deps, team, [team.leaderOpenid, input.openid], (stored, [oldLeader, next]) => {
    refuse(notWithdrawn(stored))
    refuse(notFrozen(stored))
    const member = stored.members.find((m) => m.openid === input.openid)
    if (!member) throw notFound('该成员不在团队中')
    if (member.openid === stored.leaderOpenid) return { team: stored }
    refuse(mayLead(c.rules, member.degree))
    refuse(personMayJoin(c.rules, { teams: 0, leads: next!.leadTeamIds.length }, true))
    return {
      team: { ...stored, leaderOpenid: member.openid },
      people: [
        { ...oldLeader!, leadTeamIds: oldLeader!.leadTeamIds.filter((t) => t !== stored.id) },
        { ...next!, leadTeamIds: [...next!.leadTeamIds, stored.id] },
      ],
    }
  })
  return viewTeam(c, saved, true)
}

export async function addAdvisor(deps: Deps, caller: Caller, input: ActionPayload<'competition.addAdvisor'>): Promise<TeamView> {
  const { team, competition: c } = await teamOf(deps, input.teamId)
  requireLeader(team, caller)
  const saved = await change(deps, team, [], (stored) => {
    refuse(notFrozen(stored))
    refuse(roomForAdvisor(c.rules, stored))
    return { team: { ...stored, advisors: [...stored.advisors, { id: newId('ad', 6), name: input.name, unit: input.unit, phone: input.phone }] } }
  })
  return viewTeam(c, saved, true)
}

export async function removeAdvisor(deps: Deps, caller: Caller, input: { teamId: string; advisorId: string }): Promise<TeamView> {
  const { team, competition: c } = await teamOf(deps, input.teamId)
  requireLeader(team, caller)
  const saved = await change(deps, team, [], (stored) => {
    refuse(notFrozen(stored))
    return { team: { ...stored, advisors: stored.advisors.filter((a) => a.id !== input.advisorId) } }
  })
  return viewTeam(c, saved, true)
}

export async function updateTeam(deps: Deps, caller: Caller, input: ActionPayload<'competition.updateTeam'>): Promise<TeamView> {
  const { team, competition: c } = await teamOf(deps, input.teamId)
  requireLeader(team, caller)
  const saved = await change(deps, team, [], (stored) => {
    if (input.projectTitle !== undefined && input.projectTitle !== stored.projectTitle) refuse(notFrozen(stored))
    return {
      team: {
        ...stored,
        name: input.name ?? stored.name,
        projectTitle: input.projectTitle ?? stored.projectTitle,
        declaringUnit: input.declaringUnit ?? stored.declaringUnit,
      },
    }
  })
  return viewTeam(c, saved, true)
}

export async function signChecklist(deps: Deps, caller: Caller, input: { teamId: string }): Promise<TeamView> {
  const { team, competition: c } = await teamOf(deps, input.teamId)
  requireLeader(team, caller)
  const saved = await change(deps, team, [], (stored, _people, at) => ({ team: { ...stored, checklistSignedAt: stored.checklistSignedAt ?? at } }))
  return viewTeam(c, saved, true)
}

/** A new version, accepted strictly before the deadline by the server's clock at the write. */
export async function submitVersion(deps: Deps, caller: Caller, input: ActionPayload<'competition.submit'>): Promise<TeamView> {
  const { team, competition: c } = await teamOf(deps, input.teamId)
  requireLeader(team, caller)
  const saved = await change(deps, team, [], (stored, _people, at) => {
    refuse(submissionOpen(c, at))
    const blockers = submitBlockers(c, stored)
    if (blockers.length > 0) throw conflict(blockers.join('；'))
    if (stored.submissions.length >= MAX_VERSIONS) throw conflict(`每个团队最多保存${MAX_VERSIONS}个版本`)
    const version = { version: stored.submissions.length + 1, abstract: input.abstract, files: input.files, submittedAt: at, byOpenid: openidOf(caller) }
    return { team: { ...stored, submissions: [...stored.submissions, version] } }
  })
  return viewTeam(c, saved, true)
}

/**
 * Staff refuse the team's latest version in the formal check (形式审查): it is not judged; before
 * the deadline the team may submit a new one. The leader and confirmed members are told the reason.
 * Idempotent: the same version refused again changes nothing and tells nobody.
 */
export async function refuseSubmission(deps: Deps, caller: Caller, input: ActionPayload<'competition.refuseSubmission'>): Promise<TeamView> {
  const { team, competition: c } = await teamOf(deps, input.teamId)
  let refusedVersion = 0
  const saved = await change(deps, team, [], (stored, _people, at) => {
    refusedVersion = 0
    refuse(notWithdrawn(stored))
    const latest = stored.submissions[stored.submissions.length - 1]
    if (!latest) throw conflict('团队还没有提交作品')
    if (latest.refused) return { team: stored }
    refusedVersion = latest.version
    const refused = { reason: input.reason, at, byOpenid: openidOf(caller) }
    return { team: { ...stored, submissions: stored.submissions.map((v) => (v.version === latest.version ? { ...v, refused } : v)) } }
  })
  if (refusedVersion > 0) {
    const open = submissionOpen(c, now(deps)) === null
    await recordAudit(deps, caller, { action: 'competition.refuseSubmission', summary: `退回团队“${saved.name}”第${refusedVersion}版作品：${input.reason}` })
    await notifyTeamOutcome(deps, caller, saved, {
      title: `“${saved.name}”的作品被退回`,
      body: `团队“${saved.name}”提交的第${refusedVersion}版作品未通过形式审查：${input.reason}。${open ? '请在提交截止前修改后重新提交。' : '提交已截止，该作品不进入评审。'}`,
    })
  }
  return viewTeam(c, saved, false)
}

export async function myTeams(deps: Deps, caller: Caller): Promise<TeamView[]> {
  const teams = await deps.store.competitions.teamsOf(openidOf(caller), 50)
  const out: TeamView[] = []
  for (const team of teams) {
    const c = await deps.store.competitions.getCompetition(team.competitionId)
    if (c) out.push(viewTeam(c, team, true))
  }
  return out
}

export async function getTeam(deps: Deps, caller: Caller, input: { teamId: string }): Promise<TeamView> {
  const { team, competition } = await teamOf(deps, input.teamId)
  const inTeam = team.members.some((m) => m.openid === caller.openid)
  if (!inTeam && !caller.isStaff) throw forbidden('只有团队成员可以查看团队详情')
  return viewTeam(competition, team, inTeam)
}

export async function listTeams(deps: Deps, _caller: Caller, input: ActionPayload<'competition.teams'>): Promise<TeamView[]> {
  const c = await competitionOf(deps, input.id)
  const teams = (await deps.store.competitions.listTeams(c.id, MAX_TEAMS)).map((t) => viewTeam(c, t, false))
  return input.state ? teams.filter((t) => t.state === input.state) : teams
}

/** Staff report the team upward: title, authors and advisors are frozen from now on. */
export async function freezeTeam(deps: Deps, caller: Caller, input: { teamId: string }): Promise<TeamView> {
  const { team, competition: c } = await teamOf(deps, input.teamId)
  const saved = await change(deps, team, [], (stored, _people, at) => ({ team: { ...stored, frozenAt: stored.frozenAt ?? at } }))
  await recordAudit(deps, caller, { action: 'competition.freeze', summary: `报送团队“${team.name}”，关键信息已锁定` })
  return viewTeam(c, saved, false)
}

// ---------- judges and scores ----------

export async function addJudge(deps: Deps, caller: Caller, input: ActionPayload<'competition.addJudge'>): Promise<Judge> {
  const c = await competitionOf(deps, input.competitionId)
  const id = newId('jd')
  const judge: Judge = { ...input, id, competitionId: c.id, inviteCode: await newCode(deps, 'judge', id), openid: null, createdAt: now(deps) }
  await deps.store.competitions.saveJudge(judge)
  await recordAudit(deps, caller, { action: 'competition.addJudge', summary: `为“${c.title}”邀请评委${judge.name}` })
  return judge
}

export async function listJudges(deps: Deps, _caller: Caller, input: { id: string }): Promise<Judge[]> {
  return deps.store.competitions.listJudges((await competitionOf(deps, input.id)).id)
}

/** Same university (a member's or the declaring unit) or same station; or declared. */
export function conflictOf(judge: Judge, team: Team): boolean {
  if (judge.declaredConflictTeamIds.includes(team.id)) return true
  const uni = judge.university.trim()
  if (uni && (team.members.some((m) => m.university === uni) || team.declaringUnit === uni)) return true
  return judge.stationId !== null && team.members.some((m) => m.stationId === judge.stationId)
}

/** Teams in judging: a version not refused in the formal check, not withdrawn. */
const judgedTeams = (teams: Team[]) => teams.filter((t) => judgedVersion(t) !== null && !t.withdrawnAt)

export async function assign(deps: Deps, caller: Caller, input: { id: string }): Promise<{ assignments: Record<string, string[]>; short: string[]; skipped: number }> {
  const c = await competitionOf(deps, input.id)
  const teams = judgedTeams(await deps.store.competitions.listTeams(c.id, MAX_TEAMS))
  const judges = await deps.store.competitions.listJudges(c.id)
  const byId = new Map(judges.map((j) => [j.id, j]))
  const teamById = new Map(teams.map((t) => [t.id, t]))
  let skipped = 0
  const conflicts = (j: string, t: string) => {
    const hit = conflictOf(byId.get(j)!, teamById.get(t)!)
    if (hit) skipped += 1
    return hit
  }
  const out = assignJudges(
    teams.map((t) => t.id),
    judges.map((j) => j.id),
    c.judging.judgesPerProject,
    conflicts,
    c.judging.calibrationTeamId,
  )
  await deps.store.competitions.saveAssignments(c.id, out.assignments)
  await recordAudit(deps, caller, { action: 'competition.assign', summary: `为“${c.title}”分配评委：${teams.length}个项目` })
  return { ...out, skipped }
}

export async function redeemJudge(deps: Deps, caller: Caller, input: { code: string }): Promise<Judge> {
  const target = await deps.store.competitions.resolveCode(input.code)
  if (!target || target.kind !== 'judge') throw notFound('评委邀请码不正确或已失效')
  if (!(await deps.store.competitions.claimJudge(target.targetId, openidOf(caller)))) throw conflict('这个评委邀请码已被其他微信号使用')
  const judge = await deps.store.competitions.getJudge(target.targetId)
  if (!judge) throw notFound('评委邀请码不正确或已失效')
  return { ...judge, inviteCode: '' }
}

async function judgeOf(deps: Deps, caller: Caller, judgeId: string): Promise<Judge> {
  const judge = await deps.store.competitions.getJudge(judgeId)
  if (!judge || judge.openid !== caller.openid) throw forbidden('你不是这个赛事的评委')
  return judge
}

/** The blind copy: names, members, universities and units masked in every text a judge sees. */
export function blindTermsOf(team: Team): string[] {
  return [team.name, team.declaringUnit, ...team.members.flatMap((m) => [m.name, m.university]), ...team.advisors.flatMap((a) => [a.name, a.unit])]
}

export async function judgeProjects(deps: Deps, caller: Caller, input: { judgeId: string }): Promise<{ competition: Competition; projects: BlindProject[] }> {
  const judge = await judgeOf(deps, caller, input.judgeId)
  const c = await competitionOf(deps, judge.competitionId)
  const assignments = await deps.store.competitions.getAssignments(c.id)
  const mine = Object.entries(assignments)
    .filter(([, judges]) => judges.includes(judge.id))
    .map(([teamId]) => teamId)
    .sort((a, b) => (a === c.judging.calibrationTeamId ? -1 : b === c.judging.calibrationTeamId ? 1 : a.localeCompare(b)))
  const scores = (await deps.store.competitions.listScores(c.id)).filter((s) => s.judgeId === judge.id)
  const projects: BlindProject[] = []
  for (const [i, teamId] of mine.entries()) {
    const team = await deps.store.competitions.getTeam(teamId)
    const latest = team ? judgedVersion(team) : null
    if (!team || !latest) continue
    const terms = blindTermsOf(team)
    projects.push({
      teamId,
      code: `P${String(i + 1).padStart(3, '0')}`,
      trackId: team.trackId,
      projectTitle: redact(team.projectTitle, terms).text,
      abstract: redact(latest.abstract, terms).text,
      files: latest.files.map((f) => ({ ...f, name: redact(f.name, terms).text })),
      calibration: teamId === c.judging.calibrationTeamId,
      myScore: scores.find((s) => s.teamId === teamId) ?? null,
    })
  }
  return { competition: shown(c), projects }
}

export async function scoreProject(deps: Deps, caller: Caller, input: ActionPayload<'competition.score'>): Promise<Score> {
  const judge = await judgeOf(deps, caller, input.judgeId)
  const c = await competitionOf(deps, judge.competitionId)
  const at = now(deps)
  if (Date.parse(at) < Date.parse(c.submissionClosesAt)) throw conflict('作品提交截止后才能开始评分')
  const assignments = await deps.store.competitions.getAssignments(c.id)
  if (!(assignments[input.teamId] ?? []).includes(judge.id)) throw forbidden('这个项目没有分配给你')
  const calibration = c.judging.calibrationTeamId
  if (calibration && input.teamId !== calibration && (assignments[calibration] ?? []).includes(judge.id)) {
    const done = (await deps.store.competitions.listScores(c.id)).some((s) => s.judgeId === judge.id && s.teamId === calibration)
    if (!done) throw conflict('请先为校准项目评分（不计入结果）')
  }
  let total = 0
  const levels: Record<string, number> = {}
  for (const criterion of c.judging.rubric) {
    const chosen = input.levels[criterion.id]
    if (chosen === undefined || !criterion.levels.some((l) => l.score === chosen)) {
      throw invalidInput(`levels.${criterion.id}`, `请为“${criterion.name}”选择一个档位`)
    }
    levels[criterion.id] = chosen
    total += chosen
  }
  const unknown = Object.keys(input.levels).find((k) => !c.judging.rubric.some((r) => r.id === k))
  if (unknown) throw invalidInput(`levels.${unknown}`, '评分维度不属于本赛事')
  const score: Score = { competitionId: c.id, judgeId: judge.id, teamId: input.teamId, levels, total, comment: input.comment, at }
  await deps.store.competitions.saveScore(score)
  return score
}

// ---------- results ----------

export async function results(deps: Deps, _caller: Caller, input: { id: string }): Promise<CompetitionResults> {
  const c = await competitionOf(deps, input.id)
  const teams = judgedTeams(await deps.store.competitions.listTeams(c.id, MAX_TEAMS))
  const [assignments, scores, judges] = await Promise.all([
    deps.store.competitions.getAssignments(c.id),
    deps.store.competitions.listScores(c.id),
    deps.store.competitions.listJudges(c.id),
  ])
  const out = computeResults({
    teamIds: teams.map((t) => t.id),
    assignments,
    scores,
    minScoredForNormalising: c.judging.minScoredForNormalising,
    calibrationTeamId: c.judging.calibrationTeamId,
    submittedAt: Object.fromEntries(teams.map((t) => [t.id, judgedVersion(t)!.submittedAt])),
    judgeNames: Object.fromEntries(judges.map((j) => [j.id, j.name])),
  })
  const byId = new Map(teams.map((t) => [t.id, t]))
  const rows = out.rows
    .map((r) => ({
      teamId: r.teamId,
      teamName: byId.get(r.teamId)!.name,
      scores: r.scores,
      missing: r.missing,
      rawMean: r.rawMean,
      normalised: r.normalised,
      robust: r.robust,
      rawRank: r.rawRank,
      normalisedRank: r.normalisedRank,
      robustRank: r.robustRank,
      shortlisted: byId.get(r.teamId)!.shortlistedAt !== null,
    }))
    .sort((a, b) => (a.rawRank ?? Infinity) - (b.rawRank ?? Infinity))
  return { rows, normalisedWithheld: out.normalisedWithheld, tieBreak: TIE_BREAK_RULE, calibrationTeamId: c.judging.calibrationTeamId }
}

/** The top `shortlistQuota` by the chosen ranking go on to the next level; the others do not. */
export async function shortlist(deps: Deps, caller: Caller, input: ActionPayload<'competition.shortlist'>): Promise<CompetitionResults> {
  const c = await competitionOf(deps, input.id)
  const current = await results(deps, caller, input)
  const key = input.method === 'raw' ? 'rawRank' : input.method === 'normalised' ? 'normalisedRank' : 'robustRank'
  if (input.method !== 'raw' && current.normalisedWithheld) throw conflict(current.normalisedWithheld)
  const chosen = new Set(current.rows.filter((r) => r[key] !== null && r[key]! <= c.shortlistQuota).map((r) => r.teamId))
  for (const row of current.rows) {
    const team = await deps.store.competitions.getTeam(row.teamId)
    const decision = chosen.has(row.teamId) ? 'in' : 'out'
    if (!team || ((team.shortlistedAt !== null) === chosen.has(row.teamId) && team.shortlistTold === decision)) continue
    // The decision and "told" are written together: of two shortlists racing, one tells the team.
    let tell = false
    const saved = await change(deps, team, [], (stored, _people, at) => {
      tell = stored.shortlistTold !== decision
      const shortlistedAt = decision === 'in' ? (stored.shortlistedAt ?? at) : null
      return { team: { ...stored, shortlistedAt, shortlistTold: decision } }
    })
    if (tell) await notifyTeamOutcome(deps, caller, saved, shortlistMessage(c, saved, decision))
  }
  await recordAudit(deps, caller, { action: 'competition.shortlist', summary: `“${c.title}”按${input.method}排名确定晋级${chosen.size}个团队` })
  return results(deps, caller, input)
}

const shortlistMessage = (c: Competition, team: Team, decision: 'in' | 'out') =>
  decision === 'in'
    ? { title: `“${team.name}”已晋级`, body: `祝贺！团队“${team.name}”的项目“${team.projectTitle}”在${c.title}评审中晋级上一级比赛，请留意后续报送安排。` }
    : { title: `“${team.name}”评审结果`, body: `${c.title}评审已完成，团队“${team.name}”的项目“${team.projectTitle}”本次未晋级上一级比赛。感谢参与，欢迎继续打磨项目。` }

/**
 * An award (a placement) for the team. When it is new or changed, each member still in the team
 * gets a story draft about them (as honours do), in the awarding staff member's name; the member
 * consents as for any story about them; the leader and confirmed members are told in their inbox
 * (a higher-level award recorded later too). The same award again drafts and tells nothing.
 */
export async function giveAward(deps: Deps, caller: Caller, input: { teamId: string; award: string }): Promise<TeamView> {
  const { team, competition: c } = await teamOf(deps, input.teamId)
  let changed = false
  const saved = await change(deps, team, [], (stored) => {
    refuse(notWithdrawn(stored))
    changed = stored.award !== input.award
    return { team: { ...stored, award: input.award } }
  })
  if (changed) {
    await recordAudit(deps, caller, { action: 'competition.award', summary: `团队“${team.name}”获${input.award}` })
    await notifyTeamOutcome(deps, caller, saved, {
      title: `“${saved.name}”获得${input.award}`,
      body: `团队“${saved.name}”的项目“${saved.projectTitle}”获得${c.title}${input.award}，已记入成员的翼展档案。`,
    })
    for (const m of saved.members.filter((x) => !isGone(x))) {
      await draftStoryFromCompetition(deps, caller, {
        openid: m.openid,
        name: m.name,
        competitionTitle: c.title,
        teamName: saved.name,
        projectTitle: saved.projectTitle,
        award: input.award,
      })
    }
  }
  return viewTeam(c, saved, false)
}

/** The member's competition entries for the 翼展档案: submitted, shortlisted or awarded teams. */
export async function myRecord(deps: Deps, caller: Caller): Promise<MyCompetitionEntry[]> {
  const openid = openidOf(caller)
  const out: MyCompetitionEntry[] = []
  for (const team of await deps.store.competitions.teamsOf(openid, 50)) {
    const judged = judgedVersion(team)
    if (!judged || team.withdrawnAt) continue
    const c = await deps.store.competitions.getCompetition(team.competitionId)
    if (!c) continue
    out.push({
      competitionId: c.id,
      competitionTitle: c.title,
      teamId: team.id,
      teamName: team.name,
      projectTitle: team.projectTitle,
      role: team.leaderOpenid === openid ? 'leader' : 'member',
      result: team.award ?? (team.shortlistedAt ? '晋级上一级比赛' : '已提交作品'),
      at: team.shortlistedAt ?? judged.submittedAt,
    })
  }
  return out
}

/** `member.exportMine`: every team the member is in, with their own place in it. */
/** Shown in a team's author list in place of a member who deleted their account. */
export const GONE_MEMBER = '已注销成员'

/**
 * Account deletion: in every team the member was in they become a pseudonym named 已注销成员 (the
 * team keeps its author order, size and versions; their school and station go), their per-person
 * entries are removed, judge seats they redeemed are unbound, and objections they filed lose their
 * name and phone. Safe to run again.
 */
export async function forgetCompetitionsOf(deps: Deps, openid: string, pseudonym: string): Promise<void> {
  const store = deps.store.competitions
  const deName = (id: string) => (id === openid ? pseudonym : id)
  for (const team of await store.teamsOf(openid, MAX_TEAMS)) {
    await store.changeTeam(team.competitionId, team.id, [], (current) => {
      if (!current) throw notFound('没有找到这个团队')
      return {
        team: {
          ...current,
          leaderOpenid: deName(current.leaderOpenid),
          members: current.members.map((m) => (m.openid === openid ? { ...m, openid: pseudonym, name: GONE_MEMBER, university: '', stationId: null } : m)),
          submissions: current.submissions.map((v) => ({ ...v, byOpenid: deName(v.byOpenid) })),
        },
        people: [],
      }
    })
  }
  await store.forgetPerson(openid)
  for (const judge of await store.judgesOf(openid)) await store.saveJudge({ ...judge, openid: null })
  // Objections they filed to a result in 公示: the text stays (the record), name, phone and openid go.
  for (const o of await store.objectionsBy(openid, MAX_TEAMS)) await store.saveObjection({ ...o, realName: GONE_MEMBER, phone: '', filerOpenid: pseudonym })
}

export async function competitionTeamsOf(deps: Deps, openid: string): Promise<ExportedCompetitionTeam[]> {
  const out: ExportedCompetitionTeam[] = []
  for (const team of await deps.store.competitions.teamsOf(openid, 200)) {
    const c = await deps.store.competitions.getCompetition(team.competitionId)
    const index = team.members.findIndex((m) => m.openid === openid)
    out.push({
      competitionTitle: c?.title ?? '',
      teamName: team.name,
      projectTitle: team.projectTitle,
      role: team.leaderOpenid === openid ? 'leader' : 'member',
      authorPosition: index + 1,
      confirmedAt: team.members[index]?.confirmedAt ?? null,
      versions: team.submissions.length,
      result: team.award ?? (team.shortlistedAt ? '晋级上一级比赛' : c ? TEAM_STATE_LABELS[teamStateOf(c, team)] : ''),
    })
  }
  return out
}

const TEAM_STATE_LABELS = { forming: '组队中', ready: '可提交', submitted: '已提交', shortlisted: '已晋级', withdrawn: '已撤销' } as const

/** 以赛引才: members of shortlisted or awarded teams, each beside the open demands in their fields. */
export async function talentLeads(deps: Deps, _caller: Caller, input: { id: string }): Promise<TalentLead[]> {
  const c = await competitionOf(deps, input.id)
  const winners = (await deps.store.competitions.listTeams(c.id, MAX_TEAMS)).filter((t) => t.shortlistedAt || t.award)
  const out: TalentLead[] = []
  for (const team of winners) {
    for (const m of team.members) {
      const member = await deps.store.members.get(m.openid)
      const fields = member?.fields ?? []
      const demands = fields.length > 0 ? await deps.store.demands.openInFields(fields, 5) : []
      out.push({
        openid: m.openid,
        name: m.name,
        university: m.university,
        teamName: team.name,
        award: team.award ?? '晋级上一级比赛',
        fields,
        demands: demands.map((d) => ({ id: d.id, position: d.position, employer: d.employer, field: d.field })),
      })
    }
  }
  return out
}
