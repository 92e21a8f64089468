/** A user's text as a LIKE pattern that matches it as a substring, wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}
export const LIKE_ESCAPE = "ESCAPE '\\'"
