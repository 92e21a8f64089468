import type { Eligibility } from '../../../types'

export interface Namers {
  degreeName: (id: string) => string
  countyName: (id: string) => string
  fieldName: (id: string) => string
  stationName: (id: string) => string | undefined
}

/** Who may sign up, in plain words; one line per limit, or one line saying everyone. */
export function eligibilityLines(e: Eligibility, n: Namers, ownStation: boolean): string[] {
  const lines: string[] = []
  if (e.degrees.length) lines.push(`学历：${e.degrees.map(n.degreeName).join('、')}`)
  if (e.counties.length) lines.push(`家乡：${e.counties.map(n.countyName).join('、')}`)
  if (e.fields.length) lines.push(`关注领域：${e.fields.map(n.fieldName).join('、')}（任一即可）`)
  if (e.stationIds.length) {
    const names = e.stationIds.map((id) => n.stationName(id) ?? '指定驿站')
    lines.push(ownStation ? `仅限${names.join('、')}成员` : `驿站：${names.join('、')}的成员`)
  }
  if (lines.length === 0) lines.push('所有翼展联盟成员均可报名')
  return lines
}
