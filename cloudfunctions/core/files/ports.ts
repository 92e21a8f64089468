/**
 * Ports for files and documents the use cases read or make: spreadsheets (import and export), invite
 * codes, QR images and safe HTML. Their adapters load heavy libraries lazily, inside the call, so a
 * cold start never pays for them, and the domain never imports those libraries.
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

/**
 * Where honour materials (photos, files a member uploads from the phone) are stored: whether a
 * file id is one of this deployment's, its stored size where the storage can tell, and removal
 * (account deletion).
 */
export interface MaterialStorage {
  /** Null when the id is not a material of this deployment; `size` null where storage cannot tell cheaply. */
  inspect(fileId: string): Promise<{ size: number | null } | null>
  /** Removes these files; ids that are not ours are ignored. */
  remove(fileIds: readonly string[]): Promise<void>
}

/** Plain QR codes of a text (check-in codes); the same in every environment. */
export interface QrCodes {
  /** A PNG data URL of a QR code holding `text`. */
  dataUrl(text: string): Promise<string>
}

/** Which HTML survives: the policy is the domain's (core/policy/rich-text.ts), the parser the adapter's. */
export interface HtmlAllowList {
  tags: string[]
  /** Attributes allowed per tag. */
  attributes: Record<string, string[]>
  /** URL schemes allowed in links. */
  schemes: string[]
}

export interface HtmlSanitizer {
  /** Keeps only what `allow` lists; disallowed tags are dropped with the content of script-like ones. */
  sanitize(html: string, allow: HtmlAllowList): Promise<string>
}

export interface FileServices {
  spreadsheets: Spreadsheets
  invites: InviteCodes
  /** Absent: only the schema's shape check applies (tests without storage). */
  covers?: CoverStorage
  /** Absent: only the schema's checks apply (tests without storage). */
  materials?: MaterialStorage
  qrCodes: QrCodes
  html: HtmlSanitizer
}

