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
