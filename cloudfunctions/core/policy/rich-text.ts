/**
 * Policy bodies: a small safe subset of HTML survives saving (headings, paragraphs, lists, bold,
 * links to http/https); everything else — scripts, styles, event handlers, `javascript:` links —
 * is stripped, so nothing executable ever reaches a page. sanitize-html loads on first use.
 */
export async function sanitizePolicyHtml(html: string): Promise<string> {
  const sanitize = (await import('sanitize-html')).default
  return sanitize(html, {
    allowedTags: ['h2', 'h3', 'h4', 'p', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'a', 'br'],
    allowedAttributes: { a: ['href'] },
    allowedSchemes: ['http', 'https'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // Text outside any block becomes a paragraph's worth of plain text; nothing else is kept.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed'],
  }).trim()
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
