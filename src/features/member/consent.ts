import Taro from '@tarojs/taro'
import { PRIVACY_VERSION } from '../../../types'

/** The privacy statement version this device agreed to; a newer statement asks again. */
const KEY = 'yz.privacy.accepted'

export function hasAcceptedPrivacy(): boolean {
  try {
    return Taro.getStorageSync<string>(KEY) === PRIVACY_VERSION
  } catch {
    return false
  }
}

export function acceptPrivacy(): void {
  Taro.setStorageSync(KEY, PRIVACY_VERSION)
}

export function forgetPrivacyAcceptance(): void {
  Taro.removeStorageSync(KEY)
}
