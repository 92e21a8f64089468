import { layoutStoryPoster, MAX_CANVAS_PX, scaleFor, wrapText, type DrawOp, type Measure } from './layout'

/** A measure like a CJK font's: Chinese characters a full em, everything else half. */
const measure: Measure = (text, font) => [...text].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) < 0x100 ? font.size / 2 : font.size), 0)
const font = { size: 16, weight: 'normal' as const }

const texts = (ops: DrawOp[]) => ops.filter((op): op is Extract<DrawOp, { kind: 'text' }> => op.kind === 'text')

describe('wrapText', () => {
  it('wraps Chinese by measured width', () => {
    expect(wrapText('一二三四五六七八九十', font, 16 * 4, measure)).toEqual(['一二三四', '五六七八', '九十'])
  })

  it('keeps every \\n, blank lines included', () => {
    expect(wrapText('第一段\n\n第三段', font, 320, measure)).toEqual(['第一段', '', '第三段'])
    expect(wrapText('甲\r\n乙', font, 320, measure)).toEqual(['甲', '乙'])
  })

  it('never starts a line with closing punctuation: it hangs at the end of the line before', () => {
    const lines = wrapText('一二三四，五六', font, 16 * 4, measure)
    expect(lines).toEqual(['一二三四，', '五六'])
    for (const line of lines) expect(line.startsWith('，')).toBe(false)
  })

  it('keeps a Latin word whole when it fits, and cuts one longer than a line', () => {
    expect(wrapText('我在Zhumadian创业', font, 16 * 6, measure)).toEqual(['我在', 'Zhumadian创', '业'])
    const cut = wrapText('a'.repeat(30), font, 16 * 4, measure)
    expect(cut.every((l) => measure(l, font) <= 16 * 4)).toBe(true)
    expect(cut.join('')).toBe('a'.repeat(30))
  })
})

describe('layoutStoryPoster', () => {
  const input = {
    title: '从郑州回到遂平的创业者',
    body: '毕业后他回到家乡。\n第二段：带动乡亲们一起做电商。',
    personLine: '李明 · 遂平县 · 郑州大学',
    tags: ['返乡创业', '电商'],
    photo: { width: 800, height: 600 },
    pixelRatio: 2,
  }

  it('draws title, person, tags, each body paragraph on its own line, the photo and the code', () => {
    const layout = layoutStoryPoster(input, measure)
    const lines = texts(layout.ops).map((op) => op.text)
    expect(lines).toEqual(expect.arrayContaining(['从郑州回到遂平的创业者', '李明 · 遂平县 · 郑州大学', '#返乡创业  #电商', '毕业后他回到家乡。', '第二段：带动乡亲们一起做电商。']))
    expect(layout.ops.filter((op) => op.kind === 'image').map((op) => op.kind === 'image' && op.source)).toEqual(['photo', 'code'])
    expect(layout.scale).toBe(2)
    // Every operation sits inside the poster; lines are an explicit line height apart.
    for (const op of layout.ops) {
      expect(op.y).toBeGreaterThanOrEqual(0)
      expect(op.y).toBeLessThan(layout.height)
    }
    const body = texts(layout.ops).filter((op) => op.font.size === 16)
    expect(body[1]!.y - body[0]!.y).toBe(28)
  })

  it('the photo keeps its proportions within bounds; without a photo there is no image but the code', () => {
    const tall = layoutStoryPoster({ ...input, photo: { width: 100, height: 1000 } }, measure)
    const photo = tall.ops.find((op) => op.kind === 'image' && op.source === 'photo')!
    expect(photo.kind === 'image' && photo.h / photo.w).toBeCloseTo(1.25, 1)
    const none = layoutStoryPoster({ ...input, photo: null }, measure)
    expect(none.ops.filter((op) => op.kind === 'image')).toHaveLength(1)
  })

  it('a very long story stays a poster: the body is cut with a pointer to the code, the canvas under 8,192 px', () => {
    const long = layoutStoryPoster({ ...input, body: '长'.repeat(6000), pixelRatio: 3 }, measure)
    expect(texts(long.ops).some((op) => op.text.includes('扫码阅读全文'))).toBe(true)
    expect(long.height * long.scale).toBeLessThan(MAX_CANVAS_PX + 1)
    expect(long.scale).toBe(3)
  })

  it('lowers the scale, never the content, when height × pixel ratio would pass the limit', () => {
    expect(scaleFor(1000, 3)).toBe(3)
    expect(scaleFor(4000, 3)).toBe(2.04)
    expect(4000 * scaleFor(4000, 3)).toBeLessThan(8192)
    expect(scaleFor(500, 1.5)).toBe(1.5)
  })
})
