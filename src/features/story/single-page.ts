import Taro from '@tarojs/taro'

/** Opened from 朋友圈 (WeChat's single-page mode, scene 1154): no login, no saving, many APIs refused. */
export function inSinglePageMode(): boolean {
  try {
    return Taro.getLaunchOptionsSync().scene === 1154
  } catch {
    return false
  }
}
