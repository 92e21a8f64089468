import type {
  ActionPayload,
  Competition,
  ResultNotice,
  ResultNoticeEntry,
  ResultObjection,
  ResultObjectionLine,
  Team,
} from '../../../types'
import type { Caller } from '../access/access'
import { recordAudit } from '../audit/audit'
import { workingDayPeriod } from '../honour/working-days'
import { toIsoString } from '../shared/clock'
import type { Deps } from '../shared/context'
import { conflict, forbidden, invalidInput, notFound } from '../shared/errors'
import { newId } from '../shared/ids'
import { checkObjectionFiler } from '../shared/objection'
import { requireWithinLimit } from '../shared/rate-limit'
import { notifyPerson, notifyTeamOutcome } from './notify'
import { maskPhone } from './rules'

/**
 * 科创赛事公示: staff publish a competition's results (shortlist and awards) once, for a period
 * (5 working days by default, the honours holiday calendar); anyone reads them on the 公示 page
 * beside the honours; a signed-in person may object in their real name or in a unit's name with
 * its seal (honours' objection form); staff resolve each objection privately, once — upheld
 * withdraws the team's award and shortlist with a public reason. The objector is told the outcome
 * in their inbox, and the team too when its result is withdrawn.
 * Only publishable facts go out: team, project, unit and result — never scores or judges.
 */

const NOTICE_DAYS = 5
const MAX_TEAMS = 2000
const MAX_NOTICES = 100
const MAX_OBJECTIONS = 1000
/** Objections per signed-in person per hour, as for honours. */
const OBJECTIONS_PER_HOUR = 10

const nowIso = (deps: Deps) => toIsoString(deps.clock.now())
const today = (deps: Deps) => nowIso(deps).slice(0, 10)

async function competitionOf(deps: Deps, id: string): Promise<Competition> {
  const c = await deps.store.competitions.getCompetition(id)
  if (!c) throw notFound('没有找到这个赛事')
  return c
}

/** The result a team shows in 公示: its award, else 晋级; null when it has neither (not published). */
function resultOf(team: Team): string | null {
  if (team.withdrawnAt) return null
  if (team.award) return team.shortlistedAt ? `${team.award}（晋级）` : team.award
  return team.shortlistedAt ? '晋级' : null
}

function entryOf(team: Team, result: string): ResultNoticeEntry {
  const leader = team.members.find((m) => m.openid === team.leaderOpenid)
  return {
    teamId: team.id,
    teamName: team.name,
    projectTitle: team.projectTitle,
    university: team.declaringUnit || leader?.university || '',
    result,
    withdrawn: null,
  }
}

/** The 公示 lines of the teams with a result (award or 晋级), in the order given. */
export function resultEntries(teams: readonly Team[]): ResultNoticeEntry[] {
  return teams.flatMap((t) => {
    const result = resultOf(t)
    return result ? [entryOf(t, result)] : []
  })
}

export async function publishResults(deps: Deps, caller: Caller, input: ActionPayload<'competition.publishResults'>): Promise<ResultNotice> {
  const c = await competitionOf(deps, input.id)
  const existing = await deps.store.competitions.getNotice(c.id)
  if (existing) return existing
  const entries = resultEntries(await deps.store.competitions.listTeams(c.id, MAX_TEAMS))
  if (entries.length === 0) throw conflict('还没有晋级或获奖的团队，无法公示')
  const start = input.start ?? today(deps)
  const end = input.end ?? workingDayPeriod(start, NOTICE_DAYS).end
  if (end < today(deps)) throw invalidInput('end', '公示结束日期不能早于今天')
  const stored = await deps.store.competitions.publishNotice({
    competitionId: c.id,
    competitionTitle: c.title,
    start,
    end,
    entries,
    publishedAt: nowIso(deps),
    byOpenid: caller.openid ?? '',
  })
  if (stored.publishedAt === nowIso(deps) && stored.byOpenid === (caller.openid ?? '')) {
    await recordAudit(deps, caller, { action: 'competition.publishResults', summary: `“${c.title}”结果公示 ${start} 至 ${end}，${entries.length}个团队` })
  }
  return stored
}

/** The result notices running today, for anyone: latest end first. */
export async function resultNotices(deps: Deps): Promise<ResultNotice[]> {
  return deps.store.competitions.runningNotices(today(deps), MAX_NOTICES)
}

export async function objectResult(deps: Deps, caller: Caller, input: ActionPayload<'competition.objectResult'>): Promise<{ received: true; id: string }> {
  const filer = await checkObjectionFiler(deps, input)
  const team = await deps.store.competitions.getTeam(input.teamId)
  if (!team) throw notFound('没有找到这个团队')
  const notice = await deps.store.competitions.getNotice(team.competitionId)
  const entry = notice?.entries.find((e) => e.teamId === team.id)
  if (!notice || !entry) throw conflict('这个团队的结果不在公示中')
  const day = today(deps)
  if (day < notice.start) throw conflict(`公示将于${notice.start}开始`)
  if (day > notice.end) throw conflict(`公示已于${notice.end}结束`)
  if (entry.withdrawn) throw conflict('该结果已撤销')
  await requireWithinLimit(deps, `competition.objectResult:${caller.openid ?? ''}`, OBJECTIONS_PER_HOUR, 60 * 60_000, '提交过于频繁，请稍后再试')
  const objection: ResultObjection = {
    id: newId('co'),
    competitionId: team.competitionId,
    teamId: team.id,
    teamName: team.name,
    ...filer,
    reason: input.reason,
    filerOpenid: caller.openid ?? '',
    createdAt: nowIso(deps),
    outcome: null,
  }
  await deps.store.competitions.saveObjection(objection)
  return { received: true, id: objection.id }
}

const lineOf = ({ phone, filerOpenid: _filer, ...rest }: ResultObjection): ResultObjectionLine => ({ ...rest, phoneMasked: phone ? maskPhone(phone) : '' })

/** Staff: the competition's notice (if any) and the objections filed, oldest first, phones masked. */
export async function resultObjections(
  deps: Deps,
  input: ActionPayload<'competition.resultObjections'>,
): Promise<{ notice: ResultNotice | null; objections: ResultObjectionLine[] }> {
  const c = await competitionOf(deps, input.id)
  const [notice, objections] = await Promise.all([deps.store.competitions.getNotice(c.id), deps.store.competitions.objectionsOf(c.id, MAX_OBJECTIONS)])
  return { notice, objections: objections.map(lineOf) }
}

/**
 * Resolves one objection once. Upheld: the team's award and shortlist are withdrawn and the 公示
 * entry says so with the note as the public reason. Rejected: the result stays. A second resolution
 * (or one racing it) changes nothing and answers the objection as resolved the first time.
 */
export async function resolveResultObjection(
  deps: Deps,
  caller: Caller,
  input: ActionPayload<'competition.resolveResultObjection'>,
): Promise<ResultObjectionLine> {
  const objection = await deps.store.competitions.getObjection(input.id)
  if (!objection) throw notFound('没有找到这条异议')
  if (!caller.openid) throw forbidden('请先登录')
  const at = nowIso(deps)
  const won = await deps.store.competitions.resolveObjection(objection.id, { decision: input.decision, note: input.note, at, byOpenid: caller.openid })
  if (!won) return lineOf((await deps.store.competitions.getObjection(objection.id))!)
  const c = await deps.store.competitions.getCompetition(objection.competitionId)
  const title = c?.title ?? '科创赛事'
  if (input.decision === 'upheld') {
    let hadResult = false
    const team = await deps.store.competitions.changeTeam(objection.competitionId, objection.teamId, [], (stored) => {
      if (!stored) throw notFound('没有找到这个团队')
      hadResult = stored.award !== null || stored.shortlistedAt !== null
      return { team: { ...stored, award: null, shortlistedAt: null, updatedAt: at }, people: [] }
    })
    const notice = await deps.store.competitions.getNotice(objection.competitionId)
    if (notice) {
      const entries = notice.entries.map((e) => (e.teamId === objection.teamId && !e.withdrawn ? { ...e, withdrawn: { reason: input.note, at } } : e))
      await deps.store.competitions.saveNotice({ ...notice, entries })
    }
    // A second objection upheld against the same result withdraws nothing more: the team was told.
    if (hadResult) {
      await notifyTeamOutcome(deps, caller, team, {
        title: `“${team.name}”的公示结果已撤销`,
        body: `${title}结果公示期间收到异议，经核查异议成立，团队“${team.name}”的获奖/晋级结果已撤销。说明：${input.note}`,
      })
    }
  }
  const verb = input.decision === 'upheld' ? '异议成立，撤销其获奖/晋级' : '异议不成立，结果维持'
  await recordAudit(deps, caller, { action: 'competition.resolveResultObjection', summary: `团队“${objection.teamName}”${verb}：${input.note}` })
  await notifyPerson(deps, caller, {
    key: objection.id,
    openid: objection.filerOpenid,
    title: '你提出的公示异议已处理',
    body: `你对${title}公示中团队“${objection.teamName}”的异议已核查处理：${input.decision === 'upheld' ? '异议成立，该结果已撤销' : '异议不成立，结果维持'}。处理说明：${input.note}`,
  })
  return lineOf((await deps.store.competitions.getObjection(objection.id))!)
}
