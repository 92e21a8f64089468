import * as z from 'zod'
import { MAX_IMPORT_BASE64_CHARS, MAX_IMPORT_FILE_BYTES } from './limits'

/**
 * Bulk imports from a spreadsheet (`station.import`, `policy.import`, `demand.import`): the file
 * contract, and per kind the header row the server reads and the staff page lists.
 */
export const IMPORT_KINDS = ['station', 'policy', 'demand', 'platform'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

export interface ImportColumn {
  /** The header as staff write it in row 1. */
  name: string
  required: boolean
}

const columns = (required: string[], optional: string[], order: string[]): readonly ImportColumn[] =>
  order.map((name) => {
    if (!required.includes(name) && !optional.includes(name)) throw new Error(`import column ${name} is neither required nor optional`)
    return { name, required: required.includes(name) }
  })

export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  station: columns(['学校', '所在城市'], ['驿站名称', '驿站简介'], ['学校', '所在城市', '驿站名称', '驿站简介']),
  policy: columns(
    ['标题', '类别', '摘要', '正文'],
    ['发文单位', '文号', '领域', '学历', '县区', '生效日期', '失效日期', '来源链接', '标签'],
    ['标题', '类别', '摘要', '正文', '发文单位', '文号', '领域', '学历', '县区', '生效日期', '失效日期', '来源链接', '标签'],
  ),
  demand: columns(
    ['用人单位', '岗位', '领域', '学历要求', '招聘人数', '工作地点', '截止日期'],
    ['最低月薪', '最高月薪', '岗位说明'],
    ['用人单位', '岗位', '领域', '学历要求', '招聘人数', '工作地点', '最低月薪', '最高月薪', '截止日期', '岗位说明'],
  ),
  platform: columns(
    ['平台名称', '平台类型', '所在县区', '重点产业领域', '依托单位', '平台简介'],
    ['合作高校', '提供机会', '面向学历', '联系人', '联系电话'],
    ['平台名称', '平台类型', '所在县区', '重点产业领域', '依托单位', '平台简介', '合作高校', '提供机会', '面向学历', '联系人', '联系电话'],
  ),
}

/** The header names of a kind: all of them, and those a file must have. */
export function importHeader(kind: ImportKind): { known: string[]; required: string[] } {
  const all = IMPORT_COLUMNS[kind]
  return { known: all.map((c) => c.name), required: all.filter((c) => c.required).map((c) => c.name) }
}

/** The file's bytes as base64, at most ~1 MB of spreadsheet (.xlsx or UTF-8 CSV). */
const spreadsheetUpload = () =>
  z.object({
    filename: z
      .string({ error: '请上传文件' })
      .trim()
      .max(100, '文件名过长')
      .regex(/\.(xlsx|csv)$/i, '只支持 .xlsx 或 .csv 文件'),
    contentBase64: z
      .string({ error: '请上传文件' })
      .min(1, '文件是空的')
      .max(MAX_IMPORT_BASE64_CHARS, `文件不能超过${MAX_IMPORT_FILE_BYTES / 1024 / 1024}MB`)
      .regex(/^[A-Za-z0-9+/]+=*$/, '文件内容格式不正确'),
  })

export const importStationsInput = spreadsheetUpload()
export const importPoliciesInput = spreadsheetUpload()
export const importDemandsInput = spreadsheetUpload()
export const importPlatformsInput = spreadsheetUpload()
