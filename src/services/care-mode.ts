import Taro from '@tarojs/taro'

/** 关怀模式 is a per-device choice, like the phone's own text size: kept on the device, not the account. */
const KEY = 'yz.care'

/** Fired when the switch changes, so every open page re-measures its root font size (components/text-scale). */
export const TEXT_SCALE_EVENT = 'yz-text-scale'

export function isCareMode(): boolean {
  return Taro.getStorageSync(KEY) === '1'
}

export function setCareMode(on: boolean): void {
  Taro.setStorageSync(KEY, on ? '1' : '0')
  Taro.eventCenter.trigger(TEXT_SCALE_EVENT)
}
