import { layoutCertificatePoster, MAX_CANVAS_PX, type DrawOp, type Measure } from '../../features/story/poster/layout'
import { chineseDate, honourCertificate } from './certificate'

/** A measure like a CJK font's: Chinese characters a full em, everything else half. */
const measure: Measure = (text, font) => [...text].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) < 0x100 ? font.size / 2 : font.size), 0)
const texts = (ops: DrawOp[]) => ops.filter((op): op is Extract<DrawOp, { kind: 'text' }> => op.kind === 'text')
const award = { holder: '王小明', awardName: '驻马店青年五四奖章', levelName: '市级', awardedOn: '2027-05-04T10:00:00.000+08:00' }

describe('an honour certificate', () => {
  it('names the member, the award and its level, the issuer and the date, and has no code to scan', () => {
    const layout = layoutCertificatePoster({ ...honourCertificate(award), pixelRatio: 2 }, measure, { code: false })
    const lines = texts(layout.ops).map((t) => t.text)
    expect(lines[0]).toBe('荣誉证书')
    expect(lines).toContain('王小明')
    expect(lines).toContain('市级“驻马店青年五四奖章”')
    expect(lines.join('')).toContain('被授予市级“驻马店青年五四奖章”荣誉称号。')
    expect(lines.slice(-2)).toEqual(['共青团驻马店市委', '2027年5月4日'])
    expect(layout.ops.some((op) => op.kind === 'image')).toBe(false)
    expect(lines.join('')).not.toContain('小程序码')
  })

  it('keeps a long award name inside the frame, under the canvas limit', () => {
    const long = { ...award, awardName: '驻马店市青少年科技创新奖（优秀科技辅导员与青少年科技创新成果）' }
    const layout = layoutCertificatePoster({ ...honourCertificate(long), pixelRatio: 3 }, measure, { code: false })
    for (const t of texts(layout.ops)) {
      expect(t.x).toBeGreaterThanOrEqual(10)
      expect(t.x + measure(t.text, t.font)).toBeLessThanOrEqual(375 - 10)
      expect(t.y + t.lineHeight).toBeLessThanOrEqual(layout.height - 10)
    }
    expect(layout.height * layout.scale).toBeLessThan(MAX_CANVAS_PX)
  })

  it('writes dates the Chinese way', () => {
    expect(chineseDate('2026-12-07T10:00:00.000+08:00')).toBe('2026年12月7日')
  })
})
