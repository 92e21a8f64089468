import type { Member, ProfileInput } from '../../../types'

/** What the form holds while a person types: text as typed, choices as ids ('' = none yet). */
export interface ProfileDraft {
  name: string
  phone: string
  university: string
  college: string
  major: string
  degree: string
  enrollmentYear: string
  graduationYear: string
  hometownCounty: string
  fields: string[]
}

export const emptyDraft: ProfileDraft = {
  name: '',
  phone: '',
  university: '',
  college: '',
  major: '',
  degree: '',
  enrollmentYear: '',
  graduationYear: '',
  hometownCounty: '',
  fields: [],
}

export function draftFromMember(m: Member): ProfileDraft {
  return {
    name: m.name,
    phone: m.phone,
    university: m.university,
    college: m.college,
    major: m.major,
    degree: m.degree,
    enrollmentYear: String(m.enrollmentYear),
    graduationYear: String(m.graduationYear),
    hometownCounty: m.hometownCounty,
    fields: [...m.fields],
  }
}

/**
 * A typed year becomes a number; anything else goes to the schema as typed so its message
 * (应为4位年份) reaches the person; blank is "missing".
 */
function yearValue(text: string): number | string | undefined {
  const t = text.trim()
  if (t === '') return undefined
  return /^\d+$/.test(t) ? Number(t) : t
}

const blankToUndefined = (text: string) => (text.trim() === '' ? undefined : text)

/**
 * The draft shaped as the shared schema's input. Values are deliberately loose (`unknown` for a
 * choice not made yet): the schema, not this function, decides what is wrong.
 */
export type ProfileCandidate = { [K in keyof ProfileInput]?: unknown }

export function draftToCandidate(d: ProfileDraft): ProfileCandidate {
  return {
    name: blankToUndefined(d.name),
    phone: blankToUndefined(d.phone),
    university: blankToUndefined(d.university),
    college: d.college.trim() === '' ? undefined : d.college,
    major: blankToUndefined(d.major),
    degree: blankToUndefined(d.degree),
    enrollmentYear: yearValue(d.enrollmentYear),
    graduationYear: yearValue(d.graduationYear),
    hometownCounty: blankToUndefined(d.hometownCounty),
    fields: d.fields,
  }
}

/** Only what changed, for `member.update`. */
export function changedFields(before: ProfileDraft, after: ProfileDraft): ProfileCandidate {
  const next = draftToCandidate(after)
  const prev = draftToCandidate(before)
  const out: ProfileCandidate = {}
  for (const key of Object.keys(next) as (keyof ProfileCandidate)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(prev[key])) {
      // Clearing the optional college is a change to '' (the schema's "not given").
      out[key] = key === 'college' && next[key] === undefined ? '' : next[key]
    }
  }
  return out
}

/** `fields.1` → `fields`: errors show under the input they belong to. */
export function errorsByInput(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [path, message] of Object.entries(fields)) {
    const key = path.split('.')[0] || '_'
    if (!(key in out)) out[key] = message
  }
  return out
}
