import type { ImportReport } from '../../../types'
import { toFieldErrors } from '../../../types'
import type { Deps } from '../shared/context'
import { AppError, invalidInput } from '../shared/errors'
import { BadFileError } from './ports'

export interface ImportFile {
  filename: string
  contentBase64: string
}

export interface ImportColumns {
  /** Header names that must be present. */
  required: readonly string[]
  /** Every column the file may have, named in the error when a required one is missing. */
  known?: readonly string[]
  maxRows: number
}

/**
 * A spreadsheet whose first row names the columns: each other row is handed to `create` (which
 * writes it atomically or throws an AppError), so good rows land and each bad row is reported by
 * the number the spreadsheet shows (the header is row 1). Blank rows are skipped.
 */
export async function importRows(
  deps: Deps,
  input: ImportFile,
  columns: ImportColumns,
  create: (cell: (name: string) => string) => Promise<void>,
): Promise<ImportReport> {
  let rows: string[][]
  try {
    rows = await deps.files.spreadsheets.readRows(input.filename, Buffer.from(input.contentBase64, 'base64'), { maxRows: columns.maxRows })
  } catch (error) {
    if (error instanceof BadFileError) throw invalidInput('contentBase64', error.message)
    throw error
  }
  const [header = [], ...body] = rows
  const columnOf = new Map(header.map((name, index) => [name.replace(/^\uFEFF/, '').trim(), index]))
  const missing = columns.required.filter((c) => !columnOf.has(c))
  if (missing.length > 0) {
    const known = columns.known ? `（可用列：${columns.known.join('、')}）` : ''
    throw invalidInput('contentBase64', `第1行应为表头，缺少列：${missing.join('、')}${known}`)
  }
  if (body.length > columns.maxRows) throw invalidInput('contentBase64', `一次最多导入${columns.maxRows}行，请分批导入`)
  const report: ImportReport = { imported: 0, errors: [] }
  for (const [index, row] of body.entries()) {
    if (row.every((c) => c === '')) continue
    try {
      await create((name) => row[columnOf.get(name) ?? -1] ?? '')
      report.imported += 1
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      report.errors.push({ row: index + 2, message: error.message })
    }
  }
  return report
}

/** A schema's parse result as data, or the INVALID_INPUT error a row is reported with. */
export function parseOrThrow<T>(
  result: { success: true; data: T } | { success: false; error: Parameters<typeof toFieldErrors>[0] },
): T {
  if (result.success) return result.data
  const { message, fields } = toFieldErrors(result.error)
  throw new AppError('INVALID_INPUT', message, fields)
}
