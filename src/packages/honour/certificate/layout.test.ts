import { MAX_CANVAS_PX, type DrawOp, type Measure } from '../../../features/story/poster/layout'
import { CERTIFICATE_WIDTH, chineseDate, ISSUER, layoutCertificate } from './layout'

/** A measure like a CJK font's: Chinese characters a full em, everything else half. */
const measure: Measure = (text, font) => [...text].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) < 0x100 ? font.size / 2 : font.size), 0)
const texts = (ops: DrawOp[]) => ops.filter((op): op is Extract<DrawOp, { kind: 'text' }> => op.kind === 'text')
const input = { name: '王小明', awardName: '驻马店青年五四奖章', levelName: '市级', awardedOn: '2027-05-04', pixelRatio: 2 }

describe('layoutCertificate', () => {
  it('names the member, the award, its level, the issuer and the date', () => {
    const lines = texts(layoutCertificate(input, measure).ops).map((t) => t.text)
    expect(lines[0]).toBe('荣誉证书')
    expect(lines).toContain('王小明同志：')
    expect(lines.join('')).toContain('被授予市级“驻马店青年五四奖章”荣誉称号。')
    expect(lines.slice(-2)).toEqual([ISSUER, '2027年5月4日'])
  })

  it('keeps every line inside the border, wrapped by the measure', () => {
    const layout = layoutCertificate({ ...input, awardName: '驻马店市青少年科技创新奖（优秀科技辅导员与青少年科技创新成果）' }, measure)
    for (const t of texts(layout.ops)) {
      expect(t.x).toBeGreaterThanOrEqual(20)
      expect(t.x + measure(t.text, t.font)).toBeLessThanOrEqual(CERTIFICATE_WIDTH - 20)
      expect(t.y + t.lineHeight).toBeLessThanOrEqual(layout.height - 20)
    }
    // The background covers the whole certificate; the border's four bars sit on it.
    expect(layout.ops[0]).toEqual({ kind: 'rect', x: 0, y: 0, w: CERTIFICATE_WIDTH, h: layout.height, color: '#FFF8F0', radius: 0 })
    expect(layout.ops.filter((op) => op.kind === 'rect')).toHaveLength(5)
  })

  it('draws at the pixel ratio, under the canvas limit', () => {
    const layout = layoutCertificate({ ...input, pixelRatio: 3 }, measure)
    expect(layout.scale).toBe(3)
    expect(layout.height * layout.scale).toBeLessThan(MAX_CANVAS_PX)
  })

  it('writes dates the Chinese way', () => {
    expect(chineseDate('2026-12-07T10:00:00.000+08:00')).toBe('2026年12月7日')
  })
})
