import type { Cell, Spreadsheets } from '../../files/ports'
import { BadFileError } from '../../files/ports'

/** exceljs for .xlsx, csv-parse for CSV; both required on first use only (cold starts stay light). */
export const excelSpreadsheets: Spreadsheets = {
  async readRows(filename, content) {
    return /\.csv$/i.test(filename) ? readCsv(content) : readXlsx(content)
  },

  async writeXlsx(sheetName, header, rows) {
    const ExcelJS = (await import('exceljs')).default
    const workbook = new ExcelJS.Workbook()
    workbook.creator = '翼展联盟'
    const sheet = workbook.addWorksheet(sheetName)
    sheet.addRow(header).font = { bold: true }
    for (const row of rows) sheet.addRow(row.map((c: Cell) => c ?? ''))
    sheet.columns.forEach((column) => {
      column.width = 16
    })
    return Buffer.from(await workbook.xlsx.writeBuffer())
  },
}

async function readCsv(content: Buffer): Promise<string[][]> {
  const { parse } = await import('csv-parse/sync')
  try {
    const records = parse(content, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][]
    return records.map((row) => row.map((cell) => String(cell ?? '').trim()))
  } catch (error) {
    throw new BadFileError(`CSV 文件无法读取：${error instanceof Error ? error.message : String(error)}`)
  }
}

async function readXlsx(content: Buffer): Promise<string[][]> {
  const ExcelJS = (await import('exceljs')).default
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer)
  } catch {
    throw new BadFileError('xlsx 文件无法读取，请用 Excel 或 WPS 另存为 .xlsx 后再试')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) return []
  const rows: string[][] = []
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r)
    const cells: string[] = []
    for (let c = 1; c <= Math.max(row.cellCount, 1); c += 1) cells.push(row.getCell(c).text.trim())
    rows.push(cells)
  }
  return rows
}
