/**
 * Policy bodies are typed by staff as plain text with a light Markdown subset, never as HTML:
 *
 *   ## 标题 / ### 小标题 / #### 小小标题   a heading line
 *   - 一项 (or `* 一项`)                   a bullet list (consecutive lines)
 *   1. 一项                                a numbered list (consecutive lines)
 *   **加粗**                               bold
 *   [文字](https://…)                      a link (http/https only; anything else stays as typed text)
 *   a blank line                            a new paragraph (a single line break stays a line break)
 *
 * `markupToHtml` turns it into the policy HTML subset (core/policy/rich-text.ts); everything staff type is
 * escaped first, so HTML typed into the box shows as text. `htmlToMarkup` goes back, so the editor can open a
 * stored body (including ones saved as HTML before the markup existed) as markup. Both are pure: shared by the
 * server (conversion on save) and the editor (opening a body).
 */

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const LINK = /\[([^\]\n]+)\]\(([^()\s]+)\)/g
const SAFE_URL = /^https?:\/\/[^\s"'<>]+$/i

/** Inline markup of one already-split line: links then bold, on escaped text. */
function inline(line: string): string {
  const parts: string[] = []
  let last = 0
  for (const m of line.matchAll(LINK)) {
    const [whole, label = '', url = ''] = m
    const at = m.index ?? 0
    parts.push(bold(escapeHtml(line.slice(last, at))))
    parts.push(SAFE_URL.test(url) ? `<a href="${escapeHtml(url)}">${bold(escapeHtml(label))}</a>` : bold(escapeHtml(whole)))
    last = at + whole.length
  }
  parts.push(bold(escapeHtml(line.slice(last))))
  return parts.join('')
}

const bold = (escaped: string) => escaped.replace(/\*\*([^*\n]+?)\*\*/g, '<strong>$1</strong>')

const HEADING = /^(#{2,4})\s+(.+)$/
const BULLET = /^[-*]\s+(.+)$/
const NUMBERED = /^\d{1,3}[.、]\s*(.+)$/

type Block = { kind: 'p' | 'ul' | 'ol'; lines: string[] }

/** Markup → the policy HTML subset (h2–h4, p, ul/ol/li, strong, a, br), written as the sanitizer writes it. */
export function markupToHtml(markup: string): string {
  const out: string[] = []
  let block: Block | null = null
  const flush = () => {
    if (!block) return
    if (block.kind === 'p') out.push(`<p>${block.lines.map(inline).join('<br />')}</p>`)
    else out.push(`<${block.kind}>${block.lines.map((l) => `<li>${inline(l)}</li>`).join('')}</${block.kind}>`)
    block = null
  }
  const add = (kind: Block['kind'], line: string) => {
    if (block?.kind !== kind) flush()
    if (!block) block = { kind, lines: [] }
    block.lines.push(line)
  }
  for (const raw of markup.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim()
    if (!line) {
      flush()
      continue
    }
    const heading = HEADING.exec(line)
    const bullet = BULLET.exec(line)
    const numbered = NUMBERED.exec(line)
    if (heading) {
      flush()
      const level = heading[1]!.length
      out.push(`<h${level}>${inline(heading[2]!.trim())}</h${level}>`)
    } else if (bullet) add('ul', bullet[1]!.trim())
    else if (numbered) add('ol', numbered[1]!.trim())
    else add('p', line)
  }
  flush()
  return out.join('')
}

const decode = (s: string) =>
  s
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')

/** Inline HTML of the subset → markup: links, bold; other tags dropped, their text kept. */
const inlineMarkup = (html: string) =>
  html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<a\s+href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_m, href: string, label: string) => `[${label}](${href})`)
    .replace(/<\/?(strong|b)>/gi, '**')
    .replace(/<[^>]+>/g, '')

/** Stored (sanitised) policy HTML → markup, for editing. Tags outside the subset keep only their text. */
export function htmlToMarkup(html: string): string {
  const blocks = html
    .replace(/<h([2-4])[^>]*>([\s\S]*?)<\/h\1>/gi, (_m, level: string, inner: string) => `\n\n${'#'.repeat(Number(level))} ${inlineMarkup(inner).replace(/\n/g, ' ')}\n\n`)
    .replace(/<(ul|ol)[^>]*>([\s\S]*?)<\/\1>/gi, (_m, kind: string, inner: string) => {
      let n = 0
      const items = [...inner.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/gi)].map((li) => {
        n += 1
        return `${kind.toLowerCase() === 'ol' ? `${n}.` : '-'} ${inlineMarkup(li[1] ?? '').replace(/\n/g, ' ').trim()}`
      })
      return `\n\n${items.join('\n')}\n\n`
    })
    .replace(/<p[^>]*>([\s\S]*?)<\/p>/gi, (_m, inner: string) => `\n\n${inlineMarkup(inner)}\n\n`)
  return decode(inlineMarkup(blocks))
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

export type MarkupTool = 'heading' | 'list' | 'bold' | 'link'

/** What each toolbar button puts in, and the part left selected-ish (the cursor goes after it). */
const SNIPPETS: Record<MarkupTool, { block: boolean; text: string }> = {
  heading: { block: true, text: '## 小标题' },
  list: { block: true, text: '- 列表项' },
  bold: { block: false, text: '**加粗文字**' },
  link: { block: false, text: '[链接文字](https://)' },
}

/**
 * Inserts a tool's markup at the cursor (or at the end when the cursor is unknown). Headings and list
 * items start on a line of their own. Returns the new text and where the cursor goes.
 */
export function insertMarkup(text: string, cursor: number | null | undefined, tool: MarkupTool): { text: string; cursor: number } {
  const at = cursor == null || cursor < 0 || cursor > text.length ? text.length : cursor
  const before = text.slice(0, at)
  const after = text.slice(at)
  const { block, text: snippet } = SNIPPETS[tool]
  let prefix = ''
  let suffix = ''
  if (block) {
    // A heading follows a blank line (a new block); a list item may continue the list above it.
    const needs = tool === 'heading' ? '\n\n' : '\n'
    if (before && !before.endsWith(needs)) prefix = before.endsWith('\n') ? needs.slice(1) : needs
    if (after && !after.startsWith('\n')) suffix = '\n'
  }
  const inserted = `${prefix}${snippet}${suffix}`
  return { text: before + inserted + after, cursor: before.length + prefix.length + snippet.length }
}
