import Taro from '@tarojs/taro'

/**
 * The sanitised policy body (h2–h4, p, ul/ol/li, strong/b/em, a, br) with inline styles: the
 * mini-program's rich-text does not apply page styles to bare tags, so the look travels inline.
 * The server has already removed every other tag and attribute; this only adds `style`.
 */
const STYLES: Record<string, string> = {
  h2: 'font-size:18px;font-weight:700;margin:18px 0 8px;color:#1f1f1f;',
  h3: 'font-size:16px;font-weight:700;margin:16px 0 6px;color:#1f1f1f;',
  h4: 'font-size:15px;font-weight:600;margin:14px 0 6px;color:#1f1f1f;',
  p: 'margin:0 0 10px;line-height:1.75;',
  ul: 'margin:0 0 10px;padding-left:22px;',
  ol: 'margin:0 0 10px;padding-left:22px;',
  li: 'margin:0 0 4px;line-height:1.7;',
  a: 'color:#c8161d;text-decoration:underline;',
}

export function styledBody(html: string): string {
  return html.replace(/<(h2|h3|h4|p|ul|ol|li|a)(?=[\s>])/gi, (tag, name: string) => `${tag} style="${STYLES[name.toLowerCase()] ?? ''}"`)
}

/** Opened from 朋友圈 (WeChat's single-page mode): no tab bar, no login, many APIs refused. */
export function inSinglePageMode(): boolean {
  if (process.env.TARO_ENV !== 'weapp') return false
  try {
    return Taro.getLaunchOptionsSync().scene === 1154
  } catch {
    return false
  }
}
