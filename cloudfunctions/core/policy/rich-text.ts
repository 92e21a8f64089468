import type { HtmlAllowList, HtmlSanitizer } from '../files/ports'

/**
 * Policy bodies: a small safe subset of HTML survives saving (headings, paragraphs, lists, bold,
 * links to http/https); everything else — scripts, styles, event handlers, `javascript:` links —
 * is stripped, so nothing executable ever reaches a page. The parser is an adapter's
 * (core/adapters/html); what is allowed is decided here.
 */
export const POLICY_HTML: HtmlAllowList = {
  tags: ['h2', 'h3', 'h4', 'p', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'a', 'br'],
  attributes: { a: ['href'] },
  schemes: ['http', 'https'],
}

export async function sanitizePolicyHtml(html: HtmlSanitizer, body: string): Promise<string> {
  return (await html.sanitize(body, POLICY_HTML)).trim()
}

/** Plain text of sanitised HTML, for search and snippets. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/(p|h2|h3|h4|li)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
