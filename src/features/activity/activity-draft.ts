import dayjs from 'dayjs'
import type { Activity, ActivityTypeId, FormFieldKind } from '../../../types'

/** One question of the custom sign-up form while staff edit it (`key` is local, for React). */
export interface FormFieldDraft {
  key: string
  id: string
  label: string
  kind: FormFieldKind
  required: boolean
  options: string[]
}

/** The activity form as typed: times as ISO ('' = not chosen), capacity as text. */
export interface ActivityDraft {
  type: ActivityTypeId | ''
  title: string
  description: string
  hostOrg: string
  place: string
  startAt: string
  endAt: string
  signUpOpenAt: string
  signUpCloseAt: string
  capacity: string
  waitlist: boolean
  degrees: string[]
  counties: string[]
  fields: string[]
  stationIds: string[]
  form: FormFieldDraft[]
  coverImage: string | null
  /** The innovation platform it belongs to (issue 19), or none. */
  platformId: string | null
  /** 面向公众/青少年: non-members may sign up too (issue 19). */
  openToPublic: boolean
}

let keySeq = 0
export const newKey = () => `k${Date.now().toString(36)}${(keySeq++).toString(36)}`

export function emptyActivityDraft(): ActivityDraft {
  const nine = (days: number, hour: number) => dayjs().add(days, 'day').hour(hour).minute(0).second(0).millisecond(0).format()
  return {
    type: '',
    title: '',
    description: '',
    hostOrg: '共青团驻马店市委',
    place: '',
    startAt: nine(14, 9),
    endAt: nine(14, 17),
    signUpOpenAt: dayjs().second(0).millisecond(0).format(),
    signUpCloseAt: nine(10, 18),
    capacity: '30',
    waitlist: true,
    degrees: [],
    counties: [],
    fields: [],
    stationIds: [],
    form: [],
    coverImage: null,
    platformId: null,
    openToPublic: false,
  }
}

export function draftFromActivity(a: Activity): ActivityDraft {
  return {
    type: a.type,
    title: a.title,
    description: a.description,
    hostOrg: a.hostOrg,
    place: a.place,
    startAt: a.startAt,
    endAt: a.endAt,
    signUpOpenAt: a.signUpOpenAt,
    signUpCloseAt: a.signUpCloseAt,
    capacity: String(a.capacity),
    waitlist: a.waitlist,
    degrees: [...a.eligibility.degrees],
    counties: [...a.eligibility.counties],
    fields: [...a.eligibility.fields],
    stationIds: a.stationId ? [] : [...a.eligibility.stationIds],
    form: a.form.map((f) => ({ key: newKey(), id: f.id, label: f.label, kind: f.kind, required: f.required, options: f.options ?? [] })),
    coverImage: a.coverImage,
    platformId: a.platformId,
    openToPublic: a.openToPublic,
  }
}

/** A fresh id for a new question: `q1`, `q2`… not used by another question of the form. */
export function nextFieldId(form: FormFieldDraft[]): string {
  const used = new Set(form.map((f) => f.id))
  let n = form.length + 1
  while (used.has(`q${n}`)) n += 1
  return `q${n}`
}

const blank = (s: string) => (s.trim() === '' ? undefined : s)

/**
 * The draft shaped as `createActivityInput`'s input; loose on purpose, so the shared schema (not
 * this function) says what is wrong, in the words the server would use.
 */
export function draftToCandidate(d: ActivityDraft): Record<string, unknown> {
  const capacity = d.capacity.trim()
  return {
    type: d.type || undefined,
    title: blank(d.title),
    description: blank(d.description),
    hostOrg: blank(d.hostOrg),
    place: blank(d.place),
    startAt: d.startAt || undefined,
    endAt: d.endAt || undefined,
    signUpOpenAt: d.signUpOpenAt || undefined,
    signUpCloseAt: d.signUpCloseAt || undefined,
    capacity: capacity === '' ? undefined : /^\d+$/.test(capacity) ? Number(capacity) : capacity,
    waitlist: d.waitlist,
    eligibility: { degrees: d.degrees, counties: d.counties, fields: d.fields, stationIds: d.stationIds },
    form: d.form.map((f) => ({
      id: f.id,
      label: f.label,
      kind: f.kind,
      required: f.required,
      ...(f.kind === 'single' || f.kind === 'multiple' ? { options: f.options.map((o) => o.trim()).filter(Boolean) } : {}),
    })),
    coverImage: d.coverImage,
    platformId: d.platformId,
    openToPublic: d.openToPublic,
  }
}

/**
 * Error paths → where they show: `title`, `eligibility.fields.1` → `eligibility`, `form.2.label` →
 * `form.2`, `form` for the form as a whole.
 */
export function errorsByInput(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [path, message] of Object.entries(fields)) {
    const parts = path.split('.')
    const key = parts[0] === 'form' && parts[1] !== undefined ? `form.${parts[1]}` : parts[0] || '_'
    if (!(key in out)) out[key] = message
  }
  return out
}
