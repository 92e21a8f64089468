import {
  COUNTY_IDS,
  DEGREE_IDS,
  type CountyId,
  type DegreeId,
  type NoticeActivityStatus,
  type NoticeAudienceInput,
  type SendNoticeInput,
} from '../../../types'

/** The compose form as typed: every field a string or a list, turned into the contract on send. */

const isCounty = (v: string): v is CountyId => (COUNTY_IDS as readonly string[]).includes(v)
const isDegree = (v: string): v is DegreeId => (DEGREE_IDS as readonly string[]).includes(v)

export type AudienceKind = 'all' | 'filter' | 'activity'
export type LinkKind = 'none' | 'activity' | 'policy'

export interface NoticeDraft {
  title: string
  body: string
  linkKind: LinkKind
  linkId: string
  audienceKind: AudienceKind
  stationIds: string[]
  countyIds: string[]
  fieldIds: string[]
  degreeIds: string[]
  graduationYears: string[]
  activityId: string
  activityStatus: '' | NoticeActivityStatus
  scheduled: boolean
  sendAt: string
}

export const emptyNoticeDraft: NoticeDraft = {
  title: '',
  body: '',
  linkKind: 'none',
  linkId: '',
  audienceKind: 'all',
  stationIds: [],
  countyIds: [],
  fieldIds: [],
  degreeIds: [],
  graduationYears: [],
  activityId: '',
  activityStatus: '',
  scheduled: false,
  sendAt: '',
}

/**
 * The audience the form means. A head's is their own station whatever else is chosen (the server
 * enforces it too); the schema judges the rest, so the form and the function agree.
 */
export function audienceOf(d: NoticeDraft, headStationId: string | null): NoticeAudienceInput {
  if (headStationId !== null) return { stationIds: [headStationId] }
  if (d.audienceKind === 'all') return { all: true }
  if (d.audienceKind === 'activity') {
    return { activityId: d.activityId || undefined, activityStatus: d.activityStatus || undefined }
  }
  return {
    stationIds: d.stationIds,
    countyIds: d.countyIds.filter(isCounty),
    fieldIds: d.fieldIds,
    degreeIds: d.degreeIds.filter(isDegree),
    graduationYears: d.graduationYears.map(Number),
  }
}

export function draftToCandidate(d: NoticeDraft, headStationId: string | null): SendNoticeInput {
  return {
    title: d.title,
    body: d.body,
    link: d.linkKind === 'none' ? null : { kind: d.linkKind, id: d.linkId },
    audience: audienceOf(d, headStationId),
    ...(d.scheduled ? { sendAt: d.sendAt } : {}),
  }
}

/** `audience.activityId` → `audience`: the form shows one message per block. */
export function errorsByBlock(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [path, message] of Object.entries(fields)) {
    const block = path.split('.')[0] || '_'
    if (!(block in out)) out[block] = message
  }
  return out
}
