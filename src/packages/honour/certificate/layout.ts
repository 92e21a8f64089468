import { scaleFor, wrapText, type DrawOp, type Font, type Measure, type PosterLayout } from '../../../features/story/poster/layout'

/**
 * The certificate of an awarded honour (荣誉证书), laid out like the story poster and drawn by the
 * same renderers (features/story/poster/draw.ts): pure, wrapped by the canvas's own measure,
 * under the canvas size limit at the device pixel ratio.
 */
export interface CertificateInput {
  /** The member's name (a collective: its name). */
  name: string
  awardName: string
  /** 市级 / 县级. */
  levelName: string
  /** YYYY-MM-DD of the award. */
  awardedOn: string
  pixelRatio: number
}

export const CERTIFICATE_WIDTH = 375
const PAD = 32
const INNER = CERTIFICATE_WIDTH - PAD * 2
const RED = '#C8161D'
const GOLD = '#B8860B'
const TEXT = '#1F1F1F'
const GREY = '#666666'
export const ISSUER = '共青团驻马店市委'

/** 2027-05-04 → 2027年5月4日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** Centred lines, each at its measured width. */
function centred(ops: DrawOp[], y: number, lines: string[], font: Font, color: string, lineHeight: number, measure: Measure): number {
  for (const text of lines) {
    if (text !== '') ops.push({ kind: 'text', x: Math.round((CERTIFICATE_WIDTH - measure(text, font)) / 2), y, text, font, color, lineHeight })
    y += lineHeight
  }
  return y
}

export function layoutCertificate(input: CertificateInput, measure: Measure): PosterLayout {
  // The background first; its height is set once the text is laid out.
  const ops: DrawOp[] = [{ kind: 'rect', x: 0, y: 0, w: CERTIFICATE_WIDTH, h: 0, color: '#FFF8F0', radius: 0 }]
  let y = 48
  y = centred(ops, y, ['荣誉证书'], { size: 30, weight: 'bold' }, RED, 44, measure)
  y += 28
  const nameFont: Font = { size: 22, weight: 'bold' }
  y = centred(ops, y, wrapText(`${input.name}同志：`, nameFont, INNER, measure), nameFont, TEXT, 34, measure)
  y += 12
  const bodyFont: Font = { size: 16, weight: 'normal' }
  const body = `在驻马店青年人才工作中表现突出，经推荐、评审和公示，被授予${input.levelName}“${input.awardName}”荣誉称号。`
  for (const line of wrapText(body, bodyFont, INNER - 32, measure)) {
    if (line !== '') ops.push({ kind: 'text', x: PAD + 16, y, text: line, font: bodyFont, color: TEXT, lineHeight: 30 })
    y += 30
  }
  y += 16
  const awardFont: Font = { size: 20, weight: 'bold' }
  y = centred(ops, y, wrapText(input.awardName, awardFont, INNER, measure), awardFont, GOLD, 30, measure)
  y += 16
  y = centred(ops, y, ['特发此证，以资鼓励。'], bodyFont, TEXT, 30, measure)
  y += 28
  const small: Font = { size: 14, weight: 'normal' }
  for (const text of [ISSUER, chineseDate(input.awardedOn)]) {
    ops.push({ kind: 'text', x: Math.round(CERTIFICATE_WIDTH - PAD - 16 - measure(text, small)), y, text, font: small, color: GREY, lineHeight: 24 })
    y += 24
  }
  y += 48
  const height = Math.ceil(y)
  // A red border as four bars (the renderers draw filled rectangles), over the background.
  const border = 8
  ops[0] = { kind: 'rect', x: 0, y: 0, w: CERTIFICATE_WIDTH, h: height, color: '#FFF8F0', radius: 0 }
  ops.splice(
    1,
    0,
    { kind: 'rect', x: 12, y: 12, w: CERTIFICATE_WIDTH - 24, h: border, color: RED, radius: 0 },
    { kind: 'rect', x: 12, y: height - 12 - border, w: CERTIFICATE_WIDTH - 24, h: border, color: RED, radius: 0 },
    { kind: 'rect', x: 12, y: 12, w: border, h: height - 24, color: RED, radius: 0 },
    { kind: 'rect', x: CERTIFICATE_WIDTH - 12 - border, y: 12, w: border, h: height - 24, color: RED, radius: 0 },
  )
  return { width: CERTIFICATE_WIDTH, height, scale: scaleFor(height, input.pixelRatio), ops }
}
