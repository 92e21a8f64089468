/**
 * Fixed vocabularies (counties, degrees) and the seed of the staff-editable ones (key industry
 * fields). Ids are stable ASCII strings; names are what people read.
 */
export interface TaxonomyItem {
  id: string
  name: string
}

/** The 9 counties and 1 district of Zhumadian. */
export const COUNTIES = [
  { id: 'yicheng', name: '驿城区' },
  { id: 'queshan', name: '确山县' },
  { id: 'biyang', name: '泌阳县' },
  { id: 'suiping', name: '遂平县' },
  { id: 'xiping', name: '西平县' },
  { id: 'shangcai', name: '上蔡县' },
  { id: 'runan', name: '汝南县' },
  { id: 'pingyu', name: '平舆县' },
  { id: 'xincai', name: '新蔡县' },
  { id: 'zhengyang', name: '正阳县' },
] as const satisfies readonly TaxonomyItem[]
export type CountyId = (typeof COUNTIES)[number]['id']
export const COUNTY_IDS = COUNTIES.map((c) => c.id) as [CountyId, ...CountyId[]]

export const DEGREES = [
  { id: 'associate', name: '专科' },
  { id: 'bachelor', name: '本科' },
  { id: 'master', name: '硕士' },
  { id: 'doctor', name: '博士' },
  { id: 'postdoc', name: '博士后' },
] as const satisfies readonly TaxonomyItem[]
export type DegreeId = (typeof DEGREES)[number]['id']
export const DEGREE_IDS = DEGREES.map((d) => d.id) as [DegreeId, ...DegreeId[]]

/** Seed of the key industry fields; staff edit the live list (`taxonomy.saveField`). */
export const SEED_FIELDS: readonly TaxonomyItem[] = [
  { id: 'textile', name: '纺织服装' },
  { id: 'food', name: '食品加工' },
  { id: 'equipment', name: '装备制造' },
  { id: 'electronics', name: '电子信息' },
  { id: 'materials', name: '新材料' },
  { id: 'biomed', name: '生物医药' },
  { id: 'energy', name: '新能源' },
  { id: 'tourism', name: '文化旅游' },
  { id: 'logistics', name: '现代物流' },
]

export const MAX_FIELDS_PER_MEMBER = 3

export function nameOf(list: readonly TaxonomyItem[], id: string | null | undefined): string {
  return list.find((item) => item.id === id)?.name ?? ''
}

export interface FieldItem extends TaxonomyItem {
  /** A retired field stays readable on old profiles but cannot be chosen any more. */
  active: boolean
  sort: number
}

export interface TaxonomyList {
  counties: TaxonomyItem[]
  degrees: TaxonomyItem[]
  /** Active key industry fields, in display order. */
  fields: TaxonomyItem[]
  /** The privacy statement in force; `member.register` must carry it as `consentVersion`. */
  privacyVersion: string
  activityTypes: TaxonomyItem[]
  policyCategories?: TaxonomyItem[]
  /** Subscribe-message template ids (configuration) the app asks to authorise; null: not set up. */
  subscribeTemplates: { reminder: string | null; result: string | null; notice: string | null }
}

/** A university from the Ministry of Education's list (`taxonomy.universities`). */
export interface UniversityOption {
  name: string
  province: string
  city: string
  level: 'bachelor' | 'associate'
}
