import { stripForXml } from '../../../../types'
import type { Cell, ReadLimits, Spreadsheets } from '../../files/ports'
import { BadFileError } from '../../files/ports'

/** Columns an import may use: every import has fewer than 20; a cell at column XFD is an attack. */
export const MAX_IMPORT_COLUMNS = 64
/** Uncompressed bytes of all the XML inside an .xlsx: a 1 MB zip cannot unpack to gigabytes. */
export const MAX_UNPACKED_BYTES = 16 * 1024 * 1024

/** Text a cell, header or sheet name may hold: nothing stored can make the file malformed. */
const safeCell = (cell: Cell): string | number => (typeof cell === 'string' ? stripForXml(cell) : (cell ?? ''))
/** Sheet names: at most 31 characters, none of `[]:*?/\`. */
const safeSheetName = (name: string) => stripForXml(name).replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet'

/** exceljs for .xlsx, csv-parse for CSV; all required on first use only (cold starts stay light). */
export const excelSpreadsheets: Spreadsheets = {
  async readRows(filename, content, limits) {
    return /\.csv$/i.test(filename) ? readCsv(content, limits) : readXlsx(content, limits)
  },

  async writeXlsx(sheetName, header, rows) {
    return writeSheets([{ name: sheetName, header, rows }])
  },

  async writeWorkbook(sheets) {
    return writeSheets(sheets)
  },
}

/**
 * Written with exceljs's streaming writer: each row is serialised as it is added, with inline
 * strings (no shared-string table), which takes about 40 % less time than building the whole
 * workbook in memory first (a 10,000-row pipeline export, BENCHMARKS.md).
 */
async function writeSheets(sheets: { name: string; header: string[]; rows: Cell[][] }[]): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default
  const { PassThrough } = await import('node:stream')
  const stream = new PassThrough()
  const chunks: Buffer[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise((resolve) => stream.once('end', resolve))
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false })
  workbook.creator = '翼展联盟'
  for (const { name, header, rows } of sheets) {
    const sheet = workbook.addWorksheet(safeSheetName(name))
    const width = Math.max(header.length, ...rows.slice(0, 1).map((row) => row.length))
    sheet.columns = Array.from({ length: width }, () => ({ width: 16 }))
    const head = sheet.addRow(header.map(safeCell))
    head.font = { bold: true }
    head.commit()
    for (const row of rows) sheet.addRow(row.map(safeCell)).commit()
    sheet.commit()
  }
  await workbook.commit()
  await ended
  return Buffer.concat(chunks)
}

const tooManyRows = (limits: ReadLimits) => new BadFileError(`一次最多导入${limits.maxRows}行，请分批导入`)

async function readCsv(content: Buffer, limits?: ReadLimits): Promise<string[][]> {
  const { parse } = await import('csv-parse/sync')
  let records: string[][]
  try {
    records = parse(content, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      // Stops reading at the first record past the limit: nothing more is built.
      ...(limits ? { to: limits.maxRows + 2 } : {}),
    }) as string[][]
  } catch (error) {
    throw new BadFileError(`CSV 文件无法读取：${error instanceof Error ? error.message : String(error)}`)
  }
  if (limits && records.length > limits.maxRows + 1) throw tooManyRows(limits)
  if (records.some((row) => row.length > MAX_IMPORT_COLUMNS)) throw new BadFileError(`表格最多${MAX_IMPORT_COLUMNS}列，请删除多余的列后再试`)
  return records.map((row) => row.map((cell) => String(cell ?? '').trim()))
}

/** `A` → 1, `XFD` → 16384. */
function columnNumber(letters: string): number {
  let n = 0
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n
}

interface SheetExtent {
  rows: number
  columns: number
}

/**
 * Reads the worksheets' XML as a stream, before anything is built from it: the highest row and
 * column any cell names (`r="XFD1048576"`), the number of rows, and the unpacked size. A sparse
 * file (one cell at row 1,048,576) is a few KB but makes exceljs build a million rows; this scan
 * costs a pass over bytes held 64 KB at a time.
 */
async function measureXlsx(content: Buffer): Promise<SheetExtent> {
  const JSZip = (await import('jszip')).default
  let zip: InstanceType<typeof JSZip>
  try {
    zip = await JSZip.loadAsync(content)
  } catch {
    throw new BadFileError('xlsx 文件无法读取，请用 Excel 或 WPS 另存为 .xlsx 后再试')
  }
  const extent: SheetExtent = { rows: 0, columns: 0 }
  let unpacked = 0
  const entries = Object.values(zip.files).filter((f) => !f.dir && /\.xml$|\.rels$/i.test(f.name))
  for (const entry of entries) {
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)
    await new Promise<void>((resolve, reject) => {
      const stream = entry.nodeStream('nodebuffer')
      let tail = ''
      let failed = false
      const fail = (error: BadFileError) => {
        if (failed) return
        failed = true
        stream.pause()
        stream.removeAllListeners('data')
        reject(error)
      }
      stream.on('data', (chunk: Buffer) => {
        unpacked += chunk.length
        if (unpacked > MAX_UNPACKED_BYTES) return fail(new BadFileError('文件解压后过大，请删除多余的内容后再试'))
        if (!isSheet) return
        // latin1 keeps one character per byte: the ASCII markup is found whatever the text around it.
        const text = tail + chunk.toString('latin1')
        for (const match of text.matchAll(/<c\b[^>]*?\sr="([A-Z]{1,3})(\d{1,7})"/g)) {
          extent.columns = Math.max(extent.columns, columnNumber(match[1]!))
          extent.rows = Math.max(extent.rows, Number(match[2]))
        }
        for (const match of text.matchAll(/<row\b[^>]*?\sr="(\d{1,7})"/g)) extent.rows = Math.max(extent.rows, Number(match[1]))
        tail = text.slice(-256)
        if (extent.columns > MAX_IMPORT_COLUMNS) return fail(new BadFileError(`表格最多${MAX_IMPORT_COLUMNS}列，请删除多余的列后再试`))
      })
      stream.on('end', () => {
        if (!failed) resolve()
      })
      stream.on('error', () => fail(new BadFileError('xlsx 文件无法读取，请用 Excel 或 WPS 另存为 .xlsx 后再试')))
    })
  }
  return extent
}

async function readXlsx(content: Buffer, limits?: ReadLimits): Promise<string[][]> {
  const extent = await measureXlsx(content)
  if (limits && extent.rows > limits.maxRows + 1) throw tooManyRows(limits)
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
  if (limits && sheet.rowCount > limits.maxRows + 1) throw tooManyRows(limits)
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r)
    const cells: string[] = []
    for (let c = 1; c <= Math.min(Math.max(row.cellCount, 1), MAX_IMPORT_COLUMNS); c += 1) cells.push(row.getCell(c).text.trim())
    rows.push(cells)
  }
  return rows
}
