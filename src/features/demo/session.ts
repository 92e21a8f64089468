import Taro from '@tarojs/taro'
import { setDemoSession } from '../../services/demo-session'
import { resetMe } from '@/services/app-store'

export const DEMO_LOGIN_URL = '/pages/demo-login/index'

/** Acts as another person from now on: everything known about the previous one is dropped. */
export function signInAs(openid: string, label: string): void {
  setDemoSession({ openid, label })
  resetMe()
}

export function newVisitorOpenid(): string {
  return `visitor-${Math.random().toString(36).slice(2, 10)}`
}

export function openDemoLogin(): void {
  void Taro.navigateTo({ url: DEMO_LOGIN_URL })
}
