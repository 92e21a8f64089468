import Taro from '@tarojs/taro'

/** Back to where the person came from; the home tab when this page was opened directly. */
export function leavePage(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.switchTab({ url: '/pages/index/index' })
}

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
