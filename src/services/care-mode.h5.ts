/**
 * 关怀模式 in the browser: the root font size script in `src/index.html` reads the same localStorage key
 * and multiplies the root (so every rem length, text and touch targets alike) by 1.25. Plain
 * localStorage, not Taro's storage, because that script runs before Taro and reads the raw value.
 */
const KEY = 'yz.care'

export function isCareMode(): boolean {
  try {
    return window.localStorage.getItem(KEY) === '1'
  } catch {
    return false
  }
}

export function setCareMode(on: boolean): void {
  try {
    window.localStorage.setItem(KEY, on ? '1' : '0')
  } catch {
    // Private mode without storage: the switch still applies to this visit.
  }
  if (on) document.documentElement.classList.add('care')
  window.dispatchEvent(new Event('yz-text-scale'))
}
