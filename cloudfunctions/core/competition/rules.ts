import { DEGREES, type Competition, type DegreeId, type RuleBreak, type SubmissionVersion, type Team, type TeamMember, type TeamRules, type TeamState } from '../../../types'

/**
 * The team rules as pure functions. Each answers null (allowed) or the reason in Chinese, which
 * the use cases pass on as it is. Times are ISO strings compared as instants.
 */

export type Reason = string | null

const PHD_DEGREES: readonly DegreeId[] = ['doctor', 'postdoc']
const degreeName = (d: DegreeId) => DEGREES.find((x) => x.id === d)?.name ?? d
const ms = (iso: string) => Date.parse(iso)
const shown = (iso: string) => iso.slice(0, 16).replace('T', ' ')

export const isPhd = (degree: DegreeId): boolean => PHD_DEGREES.includes(degree)

/** Registration (forming, joining, adding) only inside the window. */
export function registrationOpen(c: Competition, now: string): Reason {
  if (ms(now) < ms(c.registrationOpensAt)) return `报名尚未开始（${shown(c.registrationOpensAt)}开始）`
  if (ms(now) >= ms(c.registrationClosesAt)) return `报名已截止（${shown(c.registrationClosesAt)}），截止后只能移除成员`
  return null
}

/** After registration closes only removals: no additions and no reordering. */
export function changeAllowedAfterClose(c: Competition, now: string, change: 'add' | 'reorder' | 'remove'): Reason {
  if (change === 'remove' || ms(now) < ms(c.registrationClosesAt)) return null
  return '报名截止后只能移除成员，不能新增成员或调整作者顺序'
}

/** After the team was reported upward, the title, authors and advisors are frozen. */
export function notFrozen(team: Team): Reason {
  return team.frozenAt ? '已向上级报送，项目名称、作者和指导老师不能再修改' : null
}

/** A withdrawn entry takes no more changes (joins, hand-overs, versions). */
export function notWithdrawn(team: Team): Reason {
  return team.withdrawnAt ? '团队已撤销参赛' : null
}

/** The leader withdraws the entry only before the submission deadline, and not once reported upward. */
export function mayWithdraw(c: Competition, team: Team, now: string): Reason {
  if (ms(now) >= ms(c.submissionClosesAt)) return `作品提交已截止（${shown(c.submissionClosesAt)}），不能再撤销参赛`
  return notFrozen(team)
}

export function mayLead(rules: TeamRules, degree: DegreeId): Reason {
  if (rules.phdMaxShare !== null && isPhd(degree)) return '博士研究生只能作为团队成员，不能担任负责人'
  if (!rules.leaderDegrees.includes(degree)) {
    return `${degreeName(degree)}学历不能担任负责人：本赛事负责人须为${rules.leaderDegrees.map(degreeName).join('、')}`
  }
  return null
}

export function roomForMember(rules: TeamRules, team: Team, openid: string): Reason {
  if (team.members.some((m) => m.openid === openid)) return '你已在这个团队中'
  if (team.members.length >= rules.membersMax) return `团队已满：最多${rules.membersMax}人（含负责人）`
  return null
}

export function roomForAdvisor(rules: TeamRules, team: Team): Reason {
  if (rules.advisorsMax === 0) return '本赛事不设指导老师'
  return team.advisors.length >= rules.advisorsMax ? `指导老师最多${rules.advisorsMax}位` : null
}

/** How many teams a person is in, and leads, within one competition. */
export interface PersonLoad {
  teams: number
  leads: number
}

export function personMayJoin(rules: TeamRules, load: PersonLoad, asLeader: boolean): Reason {
  if (load.teams >= rules.maxTeamsPerPerson) return `每人最多参加${rules.maxTeamsPerPerson}个团队，你已参加${load.teams}个`
  if (asLeader && load.leads >= rules.maxLeadPerPerson) return `每人最多担任${rules.maxLeadPerPerson}个团队的负责人，你已担任${load.leads}个`
  return null
}

export function phdShare(rules: TeamRules, members: readonly Pick<TeamMember, 'degree'>[]): Reason {
  if (rules.phdMaxShare === null || members.length === 0) return null
  const phds = members.filter((m) => isPhd(m.degree)).length
  if (phds / members.length <= rules.phdMaxShare + 1e-9) return null
  return `博士研究生不能超过团队人数的${Math.round(rules.phdMaxShare * 100)}%（现有${members.length}人中${phds}位博士）`
}

export function teamSize(rules: TeamRules, count: number): Reason {
  if (count < rules.membersMin || count > rules.membersMax) {
    return `团队人数应在${rules.membersMin}到${rules.membersMax}人之间（含负责人），现在${count}人`
  }
  return null
}

export function allConfirmed(team: Team): Reason {
  const waiting = team.members.filter((m) => !m.confirmedAt)
  return waiting.length === 0 ? null : `还有${waiting.length}位成员未确认：${waiting.map((m) => m.name).join('、')}`
}

export function checklistSigned(c: Competition, team: Team): Reason {
  return c.checklist.length > 0 && !team.checklistSignedAt ? '负责人须先确认参赛资格承诺' : null
}

/**
 * A team whose members come from more than one university names its declaring unit. A member who
 * deleted their account has no university any more and does not count.
 */
export function declaringUnitNamed(team: Team): Reason {
  const universities = new Set(team.members.map((m) => m.university).filter((u) => u !== ''))
  return universities.size > 1 && !team.declaringUnit.trim() ? '跨校团队须填写申报单位（由各校协商确定）' : null
}

export function trackExists(c: Competition, trackId: string): Reason {
  return c.tracks.some((t) => t.id === trackId) ? null : '请选择本赛事的赛道'
}

/** Accepted strictly before the deadline, by the server's clock. */
export function submissionOpen(c: Competition, now: string): Reason {
  return ms(now) < ms(c.submissionClosesAt) ? null : `作品提交已截止（${shown(c.submissionClosesAt)}），不再接受新版本`
}

/** A reorder names exactly the current members, each once. */
export function sameMembers(team: Team, openids: readonly string[]): Reason {
  const current = new Set(team.members.map((m) => m.openid))
  const given = new Set(openids)
  if (given.size !== openids.length || given.size !== current.size || [...given].some((o) => !current.has(o))) {
    return '作者顺序应包含且只包含团队的全部成员'
  }
  return null
}

/** The leader may lead under the rules as they are now (they may have changed since the team formed). */
export function leaderAllowed(rules: TeamRules, team: Team): Reason {
  const leader = team.members.find((m) => m.openid === team.leaderOpenid)
  const reason = leader ? mayLead(rules, leader.degree) : null
  return reason ? `负责人须更换：${reason}` : null
}

/** Advisors within the limit as it is now. */
export function advisorsWithin(rules: TeamRules, team: Team): Reason {
  return team.advisors.length > rules.advisorsMax ? `指导老师最多${rules.advisorsMax}位，现有${team.advisors.length}位` : null
}

/** Every reason the team cannot submit now (empty: it can). */
export function submitBlockers(c: Competition, team: Team): string[] {
  return [
    teamSize(c.rules, team.members.length),
    allConfirmed(team),
    phdShare(c.rules, team.members),
    leaderAllowed(c.rules, team),
    advisorsWithin(c.rules, team),
    checklistSigned(c, team),
    declaringUnitNamed(team),
    team.withdrawnAt ? '团队已撤销' : null,
  ].filter((r): r is string => r !== null)
}

/** The version judges see: the latest, unless staff refused it in the formal check (then none). */
export function judgedVersion(team: Team): SubmissionVersion | null {
  const latest = team.submissions[team.submissions.length - 1]
  return latest && !latest.refused ? latest : null
}

export function teamStateOf(c: Competition, team: Team): TeamState {
  if (team.withdrawnAt) return 'withdrawn'
  if (team.shortlistedAt) return 'shortlisted'
  if (judgedVersion(team)) return 'submitted'
  return submitBlockers(c, team).length === 0 ? 'ready' : 'forming'
}

/** An advisor's phone as lists show it: 138****5678. */
export const maskPhone = (phone: string): string => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****')

/** How many teams each person is in, and leads, among the given teams. */
function loads(teams: readonly Team[]): Map<string, PersonLoad> {
  const out = new Map<string, PersonLoad>()
  for (const team of teams) {
    for (const m of team.members) {
      const load = out.get(m.openid) ?? { teams: 0, leads: 0 }
      out.set(m.openid, { teams: load.teams + 1, leads: load.leads + (m.openid === team.leaderOpenid ? 1 : 0) })
    }
  }
  return out
}

/** The reasons one team fails the rules (each check named once, whichever rules). */
function ruleChecks(rules: TeamRules, team: Team, people: Map<string, PersonLoad>): Map<string, string> {
  const out = new Map<string, string>()
  const add = (check: string, reason: Reason) => {
    if (reason) out.set(check, reason)
  }
  // Too few members only counts once the team was complete: a team still forming is not broken.
  if (team.members.length > rules.membersMax || team.submissions.length > 0 || team.checklistSignedAt) add('size', teamSize(rules, team.members.length))
  add('phd', phdShare(rules, team.members))
  add('leader', leaderAllowed(rules, team))
  add('advisors', advisorsWithin(rules, team))
  for (const m of team.members) {
    const load = people.get(m.openid) ?? { teams: 0, leads: 0 }
    if (load.teams > rules.maxTeamsPerPerson) add(`teams:${m.openid}`, `${m.name}参加了${load.teams}个团队，每人最多${rules.maxTeamsPerPerson}个`)
    if (load.leads > rules.maxLeadPerPerson) add(`leads:${m.openid}`, `${m.name}担任了${load.leads}个团队的负责人，每人最多${rules.maxLeadPerPerson}个`)
  }
  return out
}

/**
 * The teams (not withdrawn) that met a rule under the old rules and would fail it under the new:
 * the reasons as the team would be told. A team already failing a rule before is not listed for it.
 */
export function ruleBreaks(before: TeamRules, after: TeamRules, teams: readonly Team[]): RuleBreak[] {
  const active = teams.filter((t) => !t.withdrawnAt)
  const people = loads(active)
  const out: RuleBreak[] = []
  for (const team of active) {
    const old = ruleChecks(before, team, people)
    const reasons = [...ruleChecks(after, team, people)].filter(([check]) => !old.has(check)).map(([, reason]) => reason)
    if (reasons.length > 0) out.push({ teamId: team.id, teamName: team.name, reasons })
  }
  return out
}
