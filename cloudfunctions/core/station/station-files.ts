import type { ActionPayload, ExportFile, ImportReport, Invite } from '../../../types'
import { COUNTIES, DEGREES, createStationInput, importHeader, nameOf } from '../../../types'
import { recordAudit } from '../audit/audit'
import { toIsoString } from '../shared/clock'
import type { Deps } from '../shared/context'
import { AppError, conflict } from '../shared/errors'
import type { Caller } from '../access/access'
import { importRows, parseOrThrow } from '../files/spreadsheet-import'
import { createStation, toRosterLine } from './stations'
import { allFields } from '../taxonomy/taxonomy'

/** An export is one file a person opens; beyond this, filter first. */
export const MAX_EXPORT_ROWS = 5000
const EXPORT_PAGE = 500

/**
 * Bulk creation from a spreadsheet whose header names the columns (学校, 所在城市, 驿站名称, 驿站简介).
 * Each row is created on its own (atomically), so good rows land and bad rows are reported by
 * the row number the spreadsheet shows.
 */
export async function importStations(deps: Deps, caller: Caller, input: ActionPayload<'station.import'>): Promise<ImportReport> {
  const report = await importRows(deps, input, { ...importHeader('station'), maxRows: 500 }, async (cell) => {
    const station = parseOrThrow(
      createStationInput.safeParse({
        university: cell('学校'),
        city: cell('所在城市'),
        name: cell('驿站名称'),
        intro: cell('驿站简介'),
      }),
    )
    await createStation(deps, caller, station)
  })
  await recordAudit(deps, caller, {
    action: 'station.import',
    summary: `从 ${input.filename} 导入驿站：成功${report.imported}行，失败${report.errors.length}行`,
  })
  return report
}

const ROSTER_HEADER = ['姓名', '手机号', '学校', '学院', '专业', '学历', '入学年份', '毕业年份', '家乡县区', '重点产业领域', '站内身份', '入站时间']
const ROLE_NAMES = { head: '站长', deputy: '副站长', member: '成员' } as const

/**
 * The roster as .xlsx. Heads get masked phones (the minimum they need); staff get full phones,
 * and either way the export is audited.
 */
export async function exportStationMembers(
  deps: Deps,
  caller: Caller,
  input: ActionPayload<'station.exportMembers'>,
): Promise<ExportFile> {
  const station = await deps.store.stations.get(input.stationId)
  if (!station) throw new AppError('NOT_FOUND', '没有找到这个驿站')
  const { stationId, ...filters } = input
  const fieldNames = new Map((await allFields(deps)).map((f) => [f.id, f.name]))
  const rows: (string | number)[][] = []
  let cursor: string | null = null
  do {
    const page = await deps.store.membership.roster(stationId, filters, cursor, EXPORT_PAGE)
    for (const member of page.items) {
      if (rows.length >= MAX_EXPORT_ROWS) throw conflict(`名单超过${MAX_EXPORT_ROWS}人，请先筛选再导出`)
      const line = toRosterLine(member, station)
      rows.push([
        line.name,
        caller.isStaff ? member.phone : line.phoneMasked,
        line.university,
        line.college,
        line.major,
        nameOf(DEGREES, line.degree),
        line.enrollmentYear,
        line.graduationYear,
        nameOf(COUNTIES, line.hometownCounty),
        line.fields.map((f) => fieldNames.get(f) ?? f).join('、'),
        ROLE_NAMES[line.role],
        line.joinedStationAt ? line.joinedStationAt.slice(0, 10) : '',
      ])
    }
    cursor = page.nextCursor
  } while (cursor)
  const content = await deps.files.spreadsheets.writeXlsx('成员名单', ROSTER_HEADER, rows)
  const date = toIsoString(deps.clock.now()).slice(0, 10)
  await recordAudit(deps, caller, {
    action: 'station.exportMembers',
    stationId: station.id,
    summary: `导出「${station.name}」成员名单${rows.length}人（${caller.isStaff ? '完整手机号' : '手机号打码'}）`,
  })
  return { filename: `${station.name}-成员名单-${date}.xlsx`, contentBase64: content.toString('base64'), rows: rows.length }
}

export const STATION_PAGE = 'pages/station/index'

/** The scene carries the station id: `s=<id>` fits WeChat's 32-character limit. */
export const inviteScene = (stationId: string) => `s=${stationId}`

export async function stationInvite(deps: Deps, input: ActionPayload<'station.invite'>): Promise<Invite> {
  const station = await deps.store.stations.get(input.id)
  if (!station) throw new AppError('NOT_FOUND', '没有找到这个驿站')
  if (station.status !== 'open') throw conflict('驿站已关闭，不能邀请新成员')
  const scene = inviteScene(station.id)
  let image = await deps.store.stations.getInvite(station.id)
  if (!image) {
    // Made once and kept: WeChat's code API is rate-limited and a station's code never changes.
    image = await deps.files.invites.image(scene, STATION_PAGE)
    await deps.store.stations.saveInvite(station.id, image)
  }
  return {
    stationId: station.id,
    path: `${STATION_PAGE}?scene=${encodeURIComponent(scene)}`,
    url: deps.files.invites.link(scene, STATION_PAGE),
    image,
    scene,
  }
}
