import { randomBytes } from 'node:crypto'

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'

/**
 * A short random id with a type prefix (`st…`, `jr…`). Short because a station id travels inside
 * a mini-program code's scene, which holds at most 32 characters.
 */
export function newId(prefix: string, length = 10): string {
  const bytes = randomBytes(length)
  let id = prefix
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length]
  return id
}

let lastMs = 0
let sequence = 0

/**
 * An id that sorts by creation time (then by creation order within this process), for logs
 * listed newest first where many entries share a millisecond.
 */
export function newTimeOrderedId(prefix: string, at: Date): string {
  const ms = at.getTime()
  sequence = ms === lastMs ? sequence + 1 : 0
  lastMs = ms
  return `${prefix}${ms.toString(36).padStart(9, '0')}${sequence.toString(36).padStart(3, '0')}${newId('', 6)}`
}
