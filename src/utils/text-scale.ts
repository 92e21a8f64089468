/**
 * The root font size every length of the app is measured in. Styles are written in design px (750
 * wide) and compiled to rem on both platforms (1 rem = 40 design px), so the root decides the size of
 * text and touch targets together: the screen width gives the base (as rpx did), the reader's own
 * text size multiplies it, and 关怀模式 multiplies it once more. The browser computes the same in
 * `src/index.html`'s inline script (it runs before the app); the mini-program uses this module.
 */

/** 关怀模式 enlarges everything by a quarter: 15 px body text becomes ≥ 18 px, 48 px buttons ≥ 60 px. */
export const CARE_SCALE = 1.25

/** What WeChat reports about the reader's text size (`getAppBaseInfo()`). */
export interface ReaderTextSetting {
  /** The WeChat text-size setting as a factor (1 at 标准); newer base libraries only. */
  fontSizeScaleFactor?: number
  /** The same setting in px (16 on Android and 17 on iOS at 标准); older base libraries. */
  fontSizeSetting?: number
}

/** The reader's text-size factor, never below 1 (a smaller setting does not shrink touch targets). */
export function readerTextScale(setting: ReaderTextSetting): number {
  const factor = setting.fontSizeScaleFactor
  if (typeof factor === 'number' && Number.isFinite(factor) && factor > 0) return Math.max(1, factor)
  const px = setting.fontSizeSetting
  // Only the px figure is known: 标准 is 16 or 17 depending on the phone, so anything up to 17 is 1.
  if (typeof px === 'number' && Number.isFinite(px) && px > 17) return px / 17
  return 1
}

/** Root font size in px: 40 design px per rem at the screen's width (20–40 px), times text size and care. */
export function rootFontSize(windowWidth: number, textScale: number, care: boolean): number {
  const base = Math.min(40, Math.max(20, (40 * windowWidth) / 750))
  const size = base * Math.max(1, textScale) * (care ? CARE_SCALE : 1)
  return Math.round(size * 100) / 100
}
