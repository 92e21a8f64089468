import type { HtmlSanitizer } from '../../files/ports'

/** sanitize-html, loaded on first use (only staff writing a policy pay for it). */
export const htmlSanitizer: HtmlSanitizer = {
  async sanitize(html, allow) {
    const sanitize = (await import('sanitize-html')).default
    return sanitize(html, {
      allowedTags: allow.tags,
      allowedAttributes: allow.attributes,
      allowedSchemes: allow.schemes,
      allowProtocolRelative: false,
      disallowedTagsMode: 'discard',
      // Dropped with their content: their text is code or chrome, never part of the body.
      nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed'],
    })
  },
}
