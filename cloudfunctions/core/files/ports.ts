/**
 * Ports for files the use cases read or make: spreadsheets (import and export) and invite codes.
 * Their adapters load heavy libraries lazily, inside the call, so a cold start never pays for them.
 */
export type Cell = string | number | null

/** How much an import may hold; a file over it fails before its cells are built. */
export interface ReadLimits {
  /** Data rows, not counting the header. */
  maxRows: number
}

export interface Spreadsheets {
  /**
   * The first sheet's rows as trimmed text, header first. Throws `BadFileError` for unreadable
   * files and for files over the limits (checked from the file's own structure, before reading).
   */
  readRows(filename: string, content: Buffer, limits?: ReadLimits): Promise<string[][]>
  /** One sheet with a bold header row; Chinese opens correctly in Excel and WPS (xlsx is UTF-8 inside). */
  writeXlsx(sheetName: string, header: string[], rows: Cell[][]): Promise<Buffer>
  /** Several such sheets in one workbook, in order (a member's data export). */
  writeWorkbook(sheets: { name: string; header: string[]; rows: Cell[][] }[]): Promise<Buffer>
}

export class BadFileError extends Error {}

export interface InviteCodes {
  /** A link that opens `page` with `scene` (H5), or null where only the code opens it (weapp). */
  link(scene: string, page: string): string | null
  /** Makes the image that opens `page` with `scene` (≤ 32 characters): a PNG data URL or a cloud file id. */
  image(scene: string, page: string): Promise<string>
}

/** Where activity covers are stored: whether a cover path is one of this deployment's uploads. */
export interface CoverStorage {
  isOurs(path: string): Promise<boolean>
}

export interface FileServices {
  spreadsheets: Spreadsheets
  invites: InviteCodes
  /** Absent: only the schema's shape check applies (tests without storage). */
  covers?: CoverStorage
}

