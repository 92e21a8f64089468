import { layoutCertificatePoster, layoutStoryPoster, MAX_CANVAS_PX, scaleFor, wrapText, type DrawOp, type Measure } from './layout'

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

describe('layoutCertificatePoster', () => {
  const certificate = {
    heading: '荣誉证书',
    holder: '林一',
    entries: ['“挑战杯”驻马店市赛 · 一等奖'],
    note: '所在团队“星火队”，项目“智慧农机调度”。\n特发此证，以资鼓励。',
    issuer: '共青团驻马店市委',
    date: '2026年12月20日',
    pixelRatio: 2,
  }

  it('draws the heading centred, the holder, each entry, each note line, issuer and date right-aligned, and the code', () => {
    const layout = layoutCertificatePoster(certificate, measure)
    const lines = texts(layout.ops)
    expect(lines.map((op) => op.text)).toEqual([
      '荣誉证书',
      '林一',
      '同学：',
      '“挑战杯”驻马店市赛 · 一等奖',
      '所在团队“星火队”，项目“智慧农机调度”。',
      '特发此证，以资鼓励。',
      '共青团驻马店市委',
      '2026年12月20日',
      '长按识别小程序码',
      '在翼展联盟查看与核验',
    ])
    const heading = lines[0]!
    expect(heading.x).toBe(Math.round((375 - measure('荣誉证书', heading.font)) / 2))
    const date = lines.find((op) => op.text === '2026年12月20日')!
    expect(date.x + measure(date.text, date.font)).toBe(375 - 24)
    expect(layout.ops.filter((op) => op.kind === 'image').map((op) => op.kind === 'image' && op.source)).toEqual(['code'])
    // The frame covers the whole card; everything sits inside it.
    expect(layout.ops[0]).toMatchObject({ kind: 'rect', h: layout.height })
    expect(layout.ops[1]).toMatchObject({ kind: 'rect', y: 10, h: layout.height - 20 })
    for (const op of layout.ops.slice(2)) {
      expect(op.y).toBeGreaterThanOrEqual(10)
      expect(op.y).toBeLessThan(layout.height - 10)
    }
  })

  it('a long 翼展档案 keeps its entries to a page and says how many there are', () => {
    const entries = Array.from({ length: 30 }, (_, i) => `第${i + 1}项荣誉`)
    const layout = layoutCertificatePoster({ ...certificate, heading: '翼展档案', entries }, measure)
    const lines = texts(layout.ops).map((op) => op.text)
    expect(lines).toContain('第11项荣誉')
    expect(lines).not.toContain('第12项荣誉')
    expect(lines).toContain('……共30项（扫码查看全部）')
    expect(layout.height * layout.scale).toBeLessThan(MAX_CANVAS_PX)
  })
})
