import type { Activity } from '../../../types'
import { GUARDIAN_RELATIONS, maskPhone, nameOf } from '../../../types'
import type { Deps } from '../shared/context'
import { conflict } from '../shared/errors'

/** 面向公众 sign-ups in the activity's registrations export (outreach.ts has the rest of the feature). */

export const relationName = (id: string) => nameOf(GUARDIAN_RELATIONS, id)

export const PUBLIC_EXPORT_HEADER = ['类别', '年龄', '年级', '监护人', '与参加者关系', '监护人手机号']
const PUBLIC_STATUS_NAMES = { registered: '报名成功', cancelled: '已取消' } as const

/**
 * The public sign-ups as rows of the registrations export (activities.ts), in its columns
 * (name, phone, school, degree, county, status, position, signed up, checked in, the form's
 * answers) followed by PUBLIC_EXPORT_HEADER; marked 公众. Phones whole for staff, masked otherwise.
 */
export async function publicExportRows(
  deps: Deps,
  activity: Activity,
  options: { fullPhones: boolean; status: string | null; formColumns: number; max: number },
): Promise<(string | number)[][]> {
  if (options.status && options.status !== 'registered' && options.status !== 'cancelled') return []
  const phone = (value: string) => (options.fullPhones ? value : maskPhone(value))
  const rows: (string | number)[][] = []
  let cursor: string | null = null
  do {
    const page = await deps.store.publicRegistrations.listForActivity(activity.id, cursor, 500)
    for (const r of page.items) {
      if (options.status && r.status !== options.status) continue
      if (rows.length >= options.max) throw conflict('名单超过5000人，请按状态筛选后再导出')
      rows.push([
        r.name,
        phone(r.phone),
        r.school,
        '',
        '',
        PUBLIC_STATUS_NAMES[r.status],
        '',
        r.createdAt.slice(0, 16).replace('T', ' '),
        '',
        ...Array<string>(options.formColumns).fill(''),
        '公众',
        r.age,
        r.grade,
        r.guardian?.name ?? '',
        r.guardian ? relationName(r.guardian.relation) : '',
        r.guardian ? phone(r.guardian.phone) : '',
      ])
    }
    cursor = page.nextCursor
  } while (cursor)
  return rows
}
