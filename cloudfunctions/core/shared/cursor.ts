import { invalidInput } from './errors'

/** Keyset pagination: the cursor is the sort key of the last item, opaque to clients. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url')
}

export function decodeCursor(cursor: string | null | undefined, arity: number): (string | number)[] | null {
  if (!cursor) return null
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string' || typeof k === 'number')) {
      return key as (string | number)[]
    }
  } catch {
    // fall through to the error below
  }
  throw invalidInput('cursor', '分页位置已失效，请刷新后重试')
}

export const DEFAULT_PAGE_SIZE = 20
export const pageSize = (limit: number | undefined) => limit ?? DEFAULT_PAGE_SIZE
