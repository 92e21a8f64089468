import { CARE_SCALE, readerTextScale, rootFontSize } from './text-scale'

describe('root font size', () => {
  test('at 100 % it is what rpx gave: 40 design px per rem at the screen width (390 wide → 20.8 px)', () => {
    expect(rootFontSize(390, 1, false)).toBe(20.8)
    expect(rootFontSize(375, 1, false)).toBe(20)
  })

  test('it follows the reader’s text size and 关怀模式 multiplies it once more', () => {
    expect(rootFontSize(390, 1.4, false)).toBe(29.12)
    expect(rootFontSize(390, 2, false)).toBe(41.6)
    expect(rootFontSize(390, 1, true)).toBe(26)
    expect(rootFontSize(390, 2, true)).toBe(52)
    // Body text is 30 design px = 0.75 rem: 15.6 px, and ≥ 18 px in 关怀模式.
    expect(rootFontSize(390, 1, true) * 0.75).toBeGreaterThanOrEqual(18)
    expect(CARE_SCALE).toBe(1.25)
  })

  test('a tablet or a narrow window keeps the base between 20 and 40 px', () => {
    expect(rootFontSize(320, 1, false)).toBe(20)
    expect(rootFontSize(1024, 1, false)).toBe(40)
  })

  test('a smaller text setting does not shrink the app', () => {
    expect(rootFontSize(390, 0.8, false)).toBe(20.8)
  })
})

describe('the reader’s text scale from WeChat', () => {
  test('uses fontSizeScaleFactor when the base library reports it', () => {
    expect(readerTextScale({ fontSizeScaleFactor: 1.4, fontSizeSetting: 22 })).toBe(1.4)
    expect(readerTextScale({ fontSizeScaleFactor: 0.9 })).toBe(1)
  })

  test('falls back to fontSizeSetting: 标准 (16 or 17 px) is 1, larger settings scale', () => {
    expect(readerTextScale({ fontSizeSetting: 16 })).toBe(1)
    expect(readerTextScale({ fontSizeSetting: 17 })).toBe(1)
    expect(readerTextScale({ fontSizeSetting: 34 })).toBe(2)
  })

  test('nothing reported (H5, an old client) is 1', () => {
    expect(readerTextScale({})).toBe(1)
    expect(readerTextScale({ fontSizeScaleFactor: Number.NaN })).toBe(1)
  })
})
