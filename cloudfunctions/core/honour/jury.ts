import type { ActionPayload, Award, Juror, JuryAssignment, JuryDraw, JuryDrawCandidate, JuryDrawStructure, JuryDrawView, Nomination } from '../../../types'
import type { Caller } from '../access/access'
import { recordAudit } from '../audit/audit'
import type { Deps } from '../shared/context'
import { conflict, invalidInput } from '../shared/errors'
import { newTimeOrderedId } from '../shared/ids'
import { automaticConflict } from './blind'
import { assignment, nowIso, requireAssignment, requireAward, requireJuror, requireNomination } from './honours'
import { carriesTag, drawByStructure, newSeed, type DrawResult } from './jury-draw'

/**
 * The jury of a round: drawn at random by structure from the pool (jury-draw.ts), automatic
 * conflicts left out, every draw recorded with its seed and replayable, a declared conflict
 * replaced by a draw that keeps the sitting jurors and the structure.
 */

const affiliationOf = (j: Juror) => ({ stationId: j.stationId || null, university: j.university, county: j.county })
/** The unit a juror counts against for the per-unit cap: their school or employer, else their station. */
const candidateOf = (j: Juror): JuryDrawCandidate => ({ id: j.id, tags: j.tags, unit: j.university.trim() || (j.stationId ? `驿站:${j.stationId}` : '') })
const SITTING: readonly JuryAssignment['status'][] = ['invited', 'declared', 'scored']

type StructureInput = Pick<ActionPayload<'honour.drawRound'>, 'tags' | 'requirements' | 'maxPerUnit'>

function structureOf(award: Award, input: StructureInput): JuryDrawStructure {
  for (const r of input.requirements) {
    if (r.min > award.jurySize) throw invalidInput('requirements', `“${r.tag}”的最少人数不能超过评委人数${award.jurySize}`)
  }
  return { size: award.jurySize, tags: input.tags, requirements: input.requirements, maxPerUnit: input.maxPerUnit }
}

/** The pool a structure draws from: everyone, or those carrying any of its tags. */
const inPool = (structure: JuryDrawStructure) => (j: Juror) => structure.tags.length === 0 || structure.tags.some((tag) => carriesTag(j.tags, tag))

/** The conflict of a juror with any nominee of the round (the first found), or null. */
const conflictWithAny = (nominations: readonly Nomination[]) => (j: Juror) => {
  for (const n of nominations) {
    const reason = automaticConflict(affiliationOf(j), n)
    if (reason) return reason
  }
  return null
}

function run(pool: readonly Juror[], structure: JuryDrawStructure, seed: number, excluded: (j: Juror) => string | null, fixed: readonly Juror[] = []): DrawResult<JuryDrawCandidate> {
  const byId = new Map(pool.map((j) => [j.id, j]))
  return drawByStructure(pool.map(candidateOf), structure, seed, (c) => excluded(byId.get(c.id)!), fixed.map(candidateOf))
}

function record(
  deps: Deps,
  caller: Caller,
  fields: Pick<JuryDraw, 'awardId' | 'kind' | 'nominationIds' | 'seed' | 'structure' | 'note'>,
  pool: readonly Juror[],
  fixed: readonly Juror[],
  result: DrawResult<JuryDrawCandidate>,
): JuryDraw {
  return {
    id: newTimeOrderedId('jd', deps.clock.now()),
    ...fields,
    pool: pool.map(candidateOf),
    fixed: fixed.map(candidateOf),
    excluded: result.excluded.map((e) => ({ jurorId: e.member.id, reason: e.reason })),
    panelIds: result.ok ? result.panel.map((m) => m.id) : [],
    at: nowIso(deps),
    byOpenid: caller.openid ?? '',
  }
}

/** Draws one panel for these nominations together (a round), writes their seats and the record. */
async function drawFor(deps: Deps, caller: Caller, award: Award, nominations: Nomination[], input: StructureInput): Promise<JuryAssignment[]> {
  const structure = structureOf(award, input)
  const pool = (await deps.store.honours.listJurors()).filter(inPool(structure))
  const seed = newSeed(deps.random ?? Math.random)
  const result = run(pool, structure, seed, conflictWithAny(nominations))
  if (!result.ok) throw conflict(result.reason)
  const draw = record(deps, caller, { awardId: award.id, kind: 'round', nominationIds: nominations.map((n) => n.id), seed, structure, note: '' }, pool, [], result)
  await deps.store.honours.saveDraw(draw)
  const jurors = new Map(pool.map((j) => [j.id, j]))
  const out: JuryAssignment[] = []
  for (const n of nominations) {
    // The seats shown to staff: those left out for a conflict with THIS nominee, then the panel.
    const own = result.excluded.flatMap((e) => {
      const reason = automaticConflict(affiliationOf(jurors.get(e.member.id)!), n)
      return reason ? [{ jurorId: e.member.id, reason }] : []
    })
    const seats = [
      ...own.map((e, i) => assignment(n.id, e.jurorId, i + 1, 'auto_conflicted', e.reason)),
      ...result.panel.map((m, i) => assignment(n.id, m.id, own.length + i + 1, 'invited', '')),
    ]
    for (const seat of seats) await deps.store.honours.saveAssignment(seat)
    out.push(...seats)
  }
  await recordAudit(deps, caller, {
    action: 'honour.drawJury',
    stationId: nominations.length === 1 ? nominations[0]!.stationId : null,
    subjectOpenid: nominations.length === 1 ? nominations[0]!.nomineeOpenid : null,
    summary: `${award.name}：为${nominations.length}个提名按结构抽取评委${result.panel.length}名（随机种子${seed}${result.excluded.length ? `，自动回避${result.excluded.length}名` : ''}）`,
  })
  return out
}

/** The panel of one nomination in 评审 (a round of one). */
export async function drawJury(deps: Deps, caller: Caller, input: ActionPayload<'honour.drawJury'>): Promise<JuryAssignment[]> {
  const nomination = await requireNomination(deps, input.id)
  if (nomination.state !== 'jury_review') throw conflict('该提名不在评审阶段')
  const award = await requireAward(deps, nomination.awardId)
  if ((await deps.store.honours.assignmentsOf(nomination.id)).length > 0) throw conflict('该提名已抽取评委')
  return drawFor(deps, caller, award, [nomination], input)
}

/** One panel for every nomination of the award in 评审 that has none yet; conflicts with any nominee excluded. */
export async function drawRound(deps: Deps, caller: Caller, input: ActionPayload<'honour.drawRound'>): Promise<JuryAssignment[]> {
  const award = await requireAward(deps, input.awardId)
  const inReview = await deps.store.honours.listNominations({ awardId: award.id, state: 'jury_review' })
  const waiting: Nomination[] = []
  for (const n of inReview) if ((await deps.store.honours.assignmentsOf(n.id)).length === 0) waiting.push(n)
  if (waiting.length === 0) throw conflict('没有待抽取评委的评审中提名')
  return drawFor(deps, caller, award, waiting, input)
}

/**
 * A seat left by a declared conflict, filled by a draw that keeps the sitting jurors and the
 * round's structure; when no juror meets it, the tag and unit requirements are relaxed (and the
 * record says so) rather than leaving the panel short.
 */
async function replaceSeat(deps: Deps, caller: Caller, nomination: Nomination, leaving: Juror): Promise<void> {
  const award = await requireAward(deps, nomination.awardId)
  const taken = await deps.store.honours.assignmentsOf(nomination.id)
  const origin = (await deps.store.honours.drawsOf(award.id)).filter((d) => d.nominationIds.includes(nomination.id)).pop()
  const structure: JuryDrawStructure = origin?.structure ?? { size: award.jurySize, tags: [], requirements: [], maxPerUnit: null }
  const all = await deps.store.honours.listJurors()
  const sittingIds = new Set(taken.filter((a) => SITTING.includes(a.status)).map((a) => a.jurorId))
  const left = new Set(taken.filter((a) => !SITTING.includes(a.status)).map((a) => a.jurorId))
  const fixed = all.filter((j) => sittingIds.has(j.id))
  const pool = all.filter((j) => !sittingIds.has(j.id) && inPool(structure)(j))
  const excluded = (j: Juror) => (left.has(j.id) ? '已回避该提名' : automaticConflict(affiliationOf(j), nomination))
  const seed = newSeed(deps.random ?? Math.random)
  let used = structure
  let result = run(pool, used, seed, excluded, fixed)
  let note = ''
  if (!result.ok) {
    const strict = result.reason
    used = { ...structure, requirements: [], maxPerUnit: null }
    result = run(pool, used, seed, excluded, fixed)
    note = result.ok ? `未能满足评委结构（${strict}），已放宽结构要求补抽` : `补抽失败：${result.reason}`
  }
  const draw = record(deps, caller, { awardId: award.id, kind: 'replacement', nominationIds: [nomination.id], seed, structure: used, note: `替换${leaving.name}${note ? `；${note}` : ''}` }, pool, fixed, result)
  await deps.store.honours.saveDraw(draw)
  const order = Math.max(0, ...taken.map((a) => a.drawOrder))
  if (result.ok) for (const [i, m] of result.panel.entries()) await deps.store.honours.saveAssignment(assignment(nomination.id, m.id, order + i + 1, 'invited', ''))
}

/**
 * The conflict-of-interest declaration, before any material is shown. A declared conflict takes
 * the juror off and draws a replacement (recorded like any draw).
 */
export async function declare(deps: Deps, caller: Caller, input: ActionPayload<'honour.declare'>): Promise<JuryAssignment> {
  const juror = await requireJuror(deps, caller)
  const mine = await requireAssignment(deps, juror, input.id)
  if (mine.status !== 'invited') throw conflict('你已声明过')
  const nomination = await requireNomination(deps, input.id)
  const declared: JuryAssignment = { ...mine, status: input.conflict ? 'conflicted' : 'declared', declaredAt: nowIso(deps), conflictReason: input.conflict ? '本人声明存在利益冲突' : '' }
  await deps.store.honours.saveAssignment(declared)
  if (input.conflict) await replaceSeat(deps, caller, nomination, juror)
  await recordAudit(deps, caller, {
    action: 'honour.declare',
    stationId: nomination.stationId,
    subjectOpenid: nomination.nomineeOpenid,
    summary: `评委${juror.name}${input.conflict ? '声明存在利益冲突，已回避并补抽' : '声明无利益冲突'}`,
  })
  return declared
}

/** Replays a recorded draw from its seed: the same panel, or (for a failed draw) no panel again. */
export function replay(draw: JuryDraw): boolean {
  const excluded = new Map(draw.excluded.map((e) => [e.jurorId, e.reason]))
  const result = drawByStructure(draw.pool, draw.structure, draw.seed, (c) => excluded.get(c.id) ?? null, draw.fixed)
  const panel = result.ok ? result.panel.map((m) => m.id) : []
  return panel.length === draw.panelIds.length && panel.every((id, i) => id === draw.panelIds[i])
}

/** The draws of an award for staff: each with juror names and whether its seed gives the same panel. */
export async function listDraws(deps: Deps, input: ActionPayload<'honour.draws'>): Promise<JuryDrawView[]> {
  await requireAward(deps, input.awardId)
  const [draws, jurors] = await Promise.all([deps.store.honours.drawsOf(input.awardId), deps.store.honours.listJurors()])
  const names = new Map(jurors.map((j) => [j.id, j.name]))
  return draws.map((d) => {
    const ids = new Set([...d.pool.map((c) => c.id), ...d.fixed.map((c) => c.id)])
    return { ...d, names: Object.fromEntries([...ids].map((id) => [id, names.get(id) ?? ''])), reproduced: replay(d) }
  })
}
