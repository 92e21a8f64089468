/**
 * Ports for files the use cases read or make: spreadsheets (import and export) and invite codes.
 * Their adapters load heavy libraries lazily, inside the call, so a cold start never pays for them.
 */
export type Cell = string | number | null

export interface Spreadsheets {
  /** The first sheet's rows as trimmed text, header first. Throws `BadFileError` for unreadable files. */
  readRows(filename: string, content: Buffer): Promise<string[][]>
  /** One sheet with a bold header row; Chinese opens correctly in Excel and WPS (xlsx is UTF-8 inside). */
  writeXlsx(sheetName: string, header: string[], rows: Cell[][]): Promise<Buffer>
}

export class BadFileError extends Error {}

export interface InviteCodes {
  /** A link that opens `page` with `scene` (H5), or null where only the code opens it (weapp). */
  link(scene: string, page: string): string | null
  /** Makes the image that opens `page` with `scene` (≤ 32 characters): a PNG data URL or a cloud file id. */
  image(scene: string, page: string): Promise<string>
}

export interface FileServices {
  spreadsheets: Spreadsheets
  invites: InviteCodes
}

