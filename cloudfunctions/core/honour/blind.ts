/**
 * Generic pieces of blind review, for honours now and competitions later: masking identifying
 * words in free text, automatic conflicts of interest, and a random draw with replacements.
 */

export const MASK = '[已隐去]'

/**
 * Masks every occurrence of the given words (a name, a university, a station…) in a text. Longer
 * words first, so `郑州大学` is masked whole rather than leaving `大学` after masking `郑州`. A
 * two-character Chinese name is also masked by its given name when that is two characters or more.
 */
export function redact(text: string, words: readonly string[]): string {
  const targets = [...new Set(words.map((w) => w.trim()).filter((w) => w.length >= 2))].sort((a, b) => b.length - a.length)
  if (targets.length === 0) return text
  const pattern = new RegExp(targets.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi')
  return text.replace(pattern, MASK)
}

/** Words that identify a person: the full name, and the given name of a name of three or more characters. */
export function nameVariants(name: string): string[] {
  const trimmed = name.trim()
  return trimmed.length >= 3 ? [trimmed, trimmed.slice(1)] : [trimmed]
}

export interface Affiliation {
  stationId: string | null
  university: string
  county: string
}

/** Automatic (hard) conflicts: same station, university or county. The reason is shown to staff. */
export function automaticConflict(juror: Affiliation, nominee: Affiliation): string | null {
  if (juror.stationId && juror.stationId === nominee.stationId) return '与被提名人同一驿站'
  if (juror.university && juror.university === nominee.university) return '与被提名人同一学校或单位'
  if (juror.county && juror.county === nominee.county) return '与被提名人同一县区'
  return null
}

/** A source of numbers in [0, 1): `Math.random` in production, a seeded one in tests. */
export type RandomSource = () => number

/** A small deterministic generator (mulberry32), for tests and reproducible draws. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The whole pool in a random order (Fisher–Yates): the draw takes from the front, replacements next. */
export function shuffled<T>(pool: readonly T[], random: RandomSource): T[] {
  const out = [...pool]
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/**
 * Draws `size` members from the pool in random order, skipping those `excluded` says no to (with
 * why); those skipped are reported so the record shows who was replaced and for what.
 */
export function drawPanel<T>(
  pool: readonly T[],
  size: number,
  random: RandomSource,
  excluded: (member: T) => string | null,
): { panel: T[]; skipped: { member: T; reason: string }[]; rest: T[] } {
  const order = shuffled(pool, random)
  const panel: T[] = []
  const skipped: { member: T; reason: string }[] = []
  let index = 0
  for (; index < order.length && panel.length < size; index += 1) {
    const member = order[index]!
    const reason = excluded(member)
    if (reason) skipped.push({ member, reason })
    else panel.push(member)
  }
  return { panel, skipped, rest: order.slice(index) }
}
