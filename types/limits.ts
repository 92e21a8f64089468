/**
 * Size limits shared by the forms, the schemas and the transports, so that each promise is one
 * number: a file the schema accepts is never refused by the router or the HTTP server.
 */

/** The largest spreadsheet an import accepts. */
export const MAX_IMPORT_FILE_BYTES = 1024 * 1024
/** The same file as base64 (4 characters per 3 bytes). */
export const MAX_IMPORT_BASE64_CHARS = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4
/** The largest payload of an ordinary action, as JSON. */
export const MAX_PAYLOAD_BYTES = 64 * 1024
/** Actions that carry a file: their payload may hold a whole import file. */
export const FILE_ACTIONS: ReadonlySet<string> = new Set(['station.import', 'policy.import', 'demand.import', 'platform.import'])
/** An import payload: the file as base64, its name and the JSON around them. */
export const MAX_FILE_PAYLOAD_BYTES = MAX_IMPORT_BASE64_CHARS + 4096

export const payloadLimitOf = (action: string): number => (FILE_ACTIONS.has(action) ? MAX_FILE_PAYLOAD_BYTES : MAX_PAYLOAD_BYTES)
