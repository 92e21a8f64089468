/**
 * Poster layout, pure: from a story and a text-measuring function to a list of drawing operations
 * in CSS pixels, plus the scale to draw them at. Both renderers (weapp canvas 2d, H5 `<canvas>`)
 * draw exactly these operations, so what is tested here is what people get.
 *
 * What it guards against (research §4.2): lost line breaks (`\n` starts a new line, blank lines
 * kept), text measured differently from layout (we wrap by the canvas's own measure and draw each
 * line ourselves at an explicit line height), canvases over 8,192 px that come out blank on devices
 * (the height × scale stays below it), blurry output (drawn at the device pixel ratio).
 */

export interface Font {
  size: number
  weight: 'normal' | 'bold'
}

/** The canvas's own text measure (`ctx.measureText(text).width` with `fontOf(font)` set). */
export type Measure = (text: string, font: Font) => number

export type DrawOp =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; color: string; radius: number }
  | { kind: 'text'; x: number; y: number; text: string; font: Font; color: string; lineHeight: number }
  | { kind: 'image'; source: 'photo' | 'code'; x: number; y: number; w: number; h: number }

export interface PosterLayout {
  /** CSS pixels. */
  width: number
  height: number
  /** Canvas pixels per CSS pixel: the device pixel ratio, lowered only to stay under the limit. */
  scale: number
  ops: DrawOp[]
}

export interface StoryPosterInput {
  title: string
  body: string
  /** `李明 · 遂平县 · 郑州大学` */
  personLine: string
  tags: string[]
  /** The photo's natural size, when there is one. */
  photo: { width: number; height: number } | null
  pixelRatio: number
}

/** Devices refuse (or draw blank) canvases 8,192 px or more on a side (wxml2canvas-2d #26). */
export const MAX_CANVAS_PX = 8191
export const POSTER_WIDTH = 375
/** The font stack both renderers set; multi-word names quoted (Painter PR #257). */
export const FONT_FAMILY = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif'
export const fontOf = (font: Font) => `${font.weight === 'bold' ? 'bold ' : ''}${font.size}px ${FONT_FAMILY}`

const PAD = 24
const INNER = POSTER_WIDTH - PAD * 2
const RED = '#C8161D'
const TEXT = '#1F1F1F'
const GREY = '#666666'
const CODE = 96
/** A poster is a teaser: the rest of a long story is read through the code. */
const MAX_BODY_LINES = 24

/** Characters that may not begin a line (Chinese line-breaking rules, 行首禁则): they hang at the end instead. */
const NO_LINE_START = new Set([...'，。、；：！？）》」』”’…—,.;:!?)]}%'])

/** Units that wrap as one: a run of Latin letters and digits, or any single other character. */
function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9@#&._%+-]+|[\s\S]/gu) ?? []
}

/**
 * Lines of `text` no wider than `maxWidth` as measured, every `\n` starting a new line (an empty
 * paragraph stays an empty line). A token wider than a line is cut by character.
 */
export function wrapText(text: string, font: Font, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = []
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = ''
    for (const token of tokens(paragraph)) {
      const next = line + token
      if (measure(next, font) <= maxWidth || line === '' || NO_LINE_START.has(token)) {
        if (line === '' && measure(token, font) > maxWidth && token.length > 1) {
          // A very long word: character by character.
          for (const ch of [...token]) {
            if (line !== '' && measure(line + ch, font) > maxWidth) {
              lines.push(line)
              line = ch
            } else line += ch
          }
        } else line = next
      } else {
        lines.push(line.replace(/\s+$/u, ''))
        line = token.trim() === '' ? '' : token
      }
    }
    lines.push(line)
  }
  return lines
}

interface Cursor {
  y: number
  ops: DrawOp[]
}

function textBlock(c: Cursor, lines: string[], font: Font, color: string, lineHeight: number, x = PAD) {
  for (const text of lines) {
    if (text !== '') c.ops.push({ kind: 'text', x, y: c.y, text, font, color, lineHeight })
    c.y += lineHeight
  }
}

/** The scale for a height: the pixel ratio, lowered so that height × scale stays below the limit. */
export function scaleFor(height: number, pixelRatio: number): number {
  const ratio = Math.max(1, Math.min(pixelRatio, 3))
  return Math.min(ratio, Math.floor((MAX_CANVAS_PX / height) * 100) / 100)
}

/** The story card: header, photo, title, person, tags, body (first lines), the code to read on. */
export function layoutStoryPoster(input: StoryPosterInput, measure: Measure): PosterLayout {
  const c: Cursor = { y: 0, ops: [] }
  c.ops.push({ kind: 'rect', x: 0, y: 0, w: POSTER_WIDTH, h: 0, color: '#FFFFFF', radius: 0 })
  c.ops.push({ kind: 'rect', x: 0, y: 0, w: POSTER_WIDTH, h: 72, color: RED, radius: 0 })
  c.y = 18
  textBlock(c, ['青年人才故事'], { size: 20, weight: 'bold' }, '#FFFFFF', 26)
  textBlock(c, ['共青团驻马店市委 · 翼展联盟'], { size: 12, weight: 'normal' }, '#FFE9E9', 18)
  c.y = 72 + PAD

  if (input.photo && input.photo.width > 0 && input.photo.height > 0) {
    // The photo's own proportions, kept between 2:1 and 4:5 (the renderer crops to fill).
    const h = Math.round(INNER * Math.min(1.25, Math.max(0.5, input.photo.height / input.photo.width)))
    c.ops.push({ kind: 'image', source: 'photo', x: PAD, y: c.y, w: INNER, h })
    c.y += h + 20
  }

  const titleFont: Font = { size: 22, weight: 'bold' }
  textBlock(c, wrapText(input.title, titleFont, INNER, measure), titleFont, TEXT, 32)
  c.y += 6
  const small: Font = { size: 14, weight: 'normal' }
  textBlock(c, wrapText(input.personLine, small, INNER, measure), small, GREY, 22)
  if (input.tags.length > 0) textBlock(c, wrapText(input.tags.map((t) => `#${t}`).join('  '), small, INNER, measure), small, RED, 22)
  c.y += 14

  const bodyFont: Font = { size: 16, weight: 'normal' }
  let body = wrapText(input.body, bodyFont, INNER, measure)
  if (body.length > MAX_BODY_LINES) body = [...body.slice(0, MAX_BODY_LINES - 1), '……（扫码阅读全文）']
  textBlock(c, body, bodyFont, TEXT, 28)
  c.y += 20

  c.ops.push({ kind: 'rect', x: PAD, y: c.y, w: INNER, h: 1, color: '#EEEEEE', radius: 0 })
  c.y += 20
  c.ops.push({ kind: 'image', source: 'code', x: POSTER_WIDTH - PAD - CODE, y: c.y, w: CODE, h: CODE })
  const footer: Cursor = { y: c.y + 24, ops: c.ops }
  textBlock(footer, ['长按识别小程序码', '阅读完整故事'], small, GREY, 22)
  c.y += CODE + PAD

  const height = Math.min(Math.ceil(c.y), MAX_CANVAS_PX)
  // The background covers the whole poster, now that its height is known.
  c.ops[0] = { kind: 'rect', x: 0, y: 0, w: POSTER_WIDTH, h: height, color: '#FFFFFF', radius: 0 }
  return { width: POSTER_WIDTH, height, scale: scaleFor(height, input.pixelRatio), ops: c.ops }
}

/** A certificate (荣誉证书) for an award or placement, or a 翼展档案 page: who, what, for what. */
export interface CertificateInput {
  /** 证书 heading: `荣誉证书`, or `翼展档案` for the record page. */
  heading: string
  /** The person the certificate is for. */
  holder: string
  /** What they achieved, one entry a line: `“挑战杯”驻马店市赛 · 市赛一等奖`. */
  entries: string[]
  /** Under the entries: the team and project, or a closing sentence. */
  note: string
  /** `共青团驻马店市委`. */
  issuer: string
  /** `2026年12月20日`. */
  date: string
  pixelRatio: number
}

/** At most this many entries on a record page; the rest are read in the mini-program. */
const MAX_ENTRIES = 12
const GOLD = '#B8860B'

/**
 * The certificate card: a red frame, the heading, the holder's name large, each entry, the note,
 * the issuer and date right-aligned above the code (when there is one: an honour's certificate has
 * none). Same operations and limits as the story card.
 */
export function layoutCertificatePoster(input: CertificateInput, measure: Measure, options: { code: boolean } = { code: true }): PosterLayout {
  const c: Cursor = { y: 0, ops: [] }
  c.ops.push({ kind: 'rect', x: 0, y: 0, w: POSTER_WIDTH, h: 0, color: RED, radius: 0 })
  c.ops.push({ kind: 'rect', x: 10, y: 10, w: POSTER_WIDTH - 20, h: 0, color: '#FFFDF7', radius: 8 })
  c.y = 10 + PAD + 8
  const headingFont: Font = { size: 30, weight: 'bold' }
  const headingX = Math.max(PAD, Math.round((POSTER_WIDTH - measure(input.heading, headingFont)) / 2))
  textBlock(c, [input.heading], headingFont, RED, 42, headingX)
  c.ops.push({ kind: 'rect', x: PAD * 3, y: c.y + 4, w: POSTER_WIDTH - PAD * 6, h: 2, color: GOLD, radius: 0 })
  c.y += 28

  const small: Font = { size: 14, weight: 'normal' }
  const holderFont: Font = { size: 24, weight: 'bold' }
  textBlock(c, wrapText(input.holder, holderFont, INNER, measure), holderFont, TEXT, 34)
  textBlock(c, ['同学：'], small, GREY, 26)
  c.y += 6

  const entryFont: Font = { size: 17, weight: 'bold' }
  const shown = input.entries.length > MAX_ENTRIES ? [...input.entries.slice(0, MAX_ENTRIES - 1), `……共${input.entries.length}项${options.code ? '（扫码查看全部）' : ''}`] : input.entries
  for (const entry of shown) textBlock(c, wrapText(entry, entryFont, INNER, measure), entryFont, TEXT, 28)
  c.y += 10
  const noteFont: Font = { size: 15, weight: 'normal' }
  textBlock(c, wrapText(input.note, noteFont, INNER, measure), noteFont, TEXT, 26)
  c.y += 24

  for (const [text, font] of [
    [input.issuer, { size: 15, weight: 'bold' }],
    [input.date, small],
  ] as const) {
    textBlock(c, [text], font, TEXT, 24, Math.max(PAD, Math.round(POSTER_WIDTH - PAD - measure(text, font))))
  }
  c.y += 16
  if (options.code) {
    c.ops.push({ kind: 'image', source: 'code', x: PAD, y: c.y, w: CODE, h: CODE })
    const footer: Cursor = { y: c.y + 24, ops: c.ops }
    textBlock(footer, ['长按识别小程序码', '在翼展联盟查看与核验'], small, GREY, 22, PAD + CODE + 16)
    c.y += CODE
  }
  c.y += PAD + 10

  const height = Math.min(Math.ceil(c.y), MAX_CANVAS_PX)
  c.ops[0] = { kind: 'rect', x: 0, y: 0, w: POSTER_WIDTH, h: height, color: RED, radius: 0 }
  c.ops[1] = { kind: 'rect', x: 10, y: 10, w: POSTER_WIDTH - 20, h: height - 20, color: '#FFFDF7', radius: 8 }
  return { width: POSTER_WIDTH, height, scale: scaleFor(height, input.pixelRatio), ops: c.ops }
}
