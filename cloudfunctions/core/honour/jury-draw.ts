import { seededRandom, shuffled, type RandomSource } from './blind'

/**
 * A jury drawn at random BY STRUCTURE (as 团中央 draws 五四奖章 juries from its 评委库): N jurors
 * from the pool such that every tag requirement is met (at least `min` jurors carrying the tag) and
 * no unit sends more than `maxPerUnit`, those with a conflict left out. Pure and deterministic for
 * a seed, so a recorded draw (seed, pool, exclusions, structure) can be replayed by anyone.
 */

export interface TagRequirement {
  tag: string
  min: number
}

export interface DrawStructure {
  size: number
  requirements: readonly TagRequirement[]
  /** At most this many jurors from one unit (school or employer); null = no cap. */
  maxPerUnit: number | null
}

export interface DrawCandidate {
  id: string
  tags: readonly string[]
  /** The juror's unit for the per-unit cap; empty = counted alone. */
  unit: string
}

export type DrawResult<T> =
  | { ok: true; panel: T[]; excluded: { member: T; reason: string }[] }
  | { ok: false; reason: string; excluded: { member: T; reason: string }[] }

/** Search steps before the draw gives up on a structure too tight to meet (pools are tens of jurors). */
export const MAX_DRAW_STEPS = 200_000

/**
 * A tag requirement is met by the tag itself or, for a tag group, by any tag of the group:
 * requirement `学科` is met by `学科:计算机` (or `学科：计算机`); `性别:女` only by itself.
 */
export function carriesTag(tags: readonly string[], requirement: string): boolean {
  return tags.some((t) => t === requirement || t.startsWith(`${requirement}:`) || t.startsWith(`${requirement}：`))
}

/** The seed for a new draw, from the deployment's random source: a 32-bit unsigned integer. */
export function newSeed(random: RandomSource): number {
  return Math.floor(random() * 0x1_0000_0000) >>> 0
}

/**
 * Draws the panel. The pool is put in id order, then shuffled by the seed; the panel is the first
 * combination in that order that meets the structure (members chosen earlier in the order are
 * preferred), together with `fixed` members already sitting (a replacement draw keeps them and
 * fills the seat left). `excluded` names a reason to leave a member out (a conflict), or null.
 */
export function drawByStructure<T extends DrawCandidate>(
  pool: readonly T[],
  structure: DrawStructure,
  seed: number,
  excluded: (member: T) => string | null,
  fixed: readonly T[] = [],
): DrawResult<T> {
  const fixedIds = new Set(fixed.map((m) => m.id))
  const order = shuffled([...pool].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), seededRandom(seed))
  const out: { member: T; reason: string }[] = []
  const candidates: T[] = []
  for (const member of order) {
    if (fixedIds.has(member.id)) continue
    const reason = excluded(member)
    if (reason) out.push({ member, reason })
    else candidates.push(member)
  }
  const fail = (reason: string): DrawResult<T> => ({ ok: false, reason, excluded: out })
  const need = structure.size - fixed.length
  if (need < 0) return fail(`已有评委${fixed.length}人，超过评委人数${structure.size}`)
  if (candidates.length < need) return fail(`符合条件的评委不足${structure.size}人`)
  for (const r of structure.requirements) {
    const have = fixed.filter((m) => carriesTag(m.tags, r.tag)).length + candidates.filter((m) => carriesTag(m.tags, r.tag)).length
    if (have < r.min) return fail(`带“${r.tag}”标签的可选评委不足${r.min}人`)
  }

  const requirements = structure.requirements
  // How many candidates from index i on carry each required tag: a bound that prunes the search.
  const suffix = requirements.map((r) => {
    const counts = new Array<number>(candidates.length + 1).fill(0)
    for (let i = candidates.length - 1; i >= 0; i -= 1) counts[i] = counts[i + 1]! + (carriesTag(candidates[i]!.tags, r.tag) ? 1 : 0)
    return counts
  })
  const perUnit = new Map<string, number>()
  const tagCounts = requirements.map((r) => fixed.filter((m) => carriesTag(m.tags, r.tag)).length)
  for (const m of fixed) if (m.unit) perUnit.set(m.unit, (perUnit.get(m.unit) ?? 0) + 1)
  const chosen: T[] = []
  let steps = 0
  let exhausted = false

  const search = (index: number): boolean => {
    steps += 1
    if (steps > MAX_DRAW_STEPS) {
      exhausted = true
      return false
    }
    const left = need - chosen.length
    if (left === 0) return tagCounts.every((count, r) => count >= requirements[r]!.min)
    if (candidates.length - index < left) return false
    for (let r = 0; r < requirements.length; r += 1) {
      const deficit = requirements[r]!.min - tagCounts[r]!
      if (deficit > left || deficit > suffix[r]![index]!) return false
    }
    const member = candidates[index]!
    const unitCount = member.unit ? (perUnit.get(member.unit) ?? 0) : 0
    if (structure.maxPerUnit === null || !member.unit || unitCount < structure.maxPerUnit) {
      chosen.push(member)
      if (member.unit) perUnit.set(member.unit, unitCount + 1)
      const carried = requirements.map((r) => carriesTag(member.tags, r.tag))
      carried.forEach((c, r) => c && (tagCounts[r] = tagCounts[r]! + 1))
      if (search(index + 1)) return true
      carried.forEach((c, r) => c && (tagCounts[r] = tagCounts[r]! - 1))
      if (member.unit) perUnit.set(member.unit, unitCount)
      chosen.pop()
    }
    return search(index + 1)
  }

  if (search(0)) return { ok: true, panel: chosen, excluded: out }
  return fail(exhausted ? '评委结构要求过于复杂，未能找到符合要求的组合，请放宽要求' : '评委库无法同时满足标签要求和同单位人数上限，请放宽要求或扩充评委库')
}
