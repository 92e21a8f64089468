import { useEffect, useState, type ComponentType } from 'react'
import Taro from '@tarojs/taro'
import { PageMeta } from '@tarojs/components'
import { isCareMode, TEXT_SCALE_EVENT } from '@/services/care-mode'
import { readerTextScale, rootFontSize, type ReaderTextSetting } from '@/utils/text-scale'

/** The page root font size for this phone now: its width, the reader's WeChat text size, 关怀模式. */
function currentRootFontSize(): string {
  let width = 375
  let setting: ReaderTextSetting = {}
  try {
    width = Taro.getWindowInfo().windowWidth
    // WeChat reports fontSizeSetting and fontSizeScaleFactor here; Taro's typings do not list them yet.
    const { fontSizeScaleFactor, fontSizeSetting } = Taro.getAppBaseInfo() as Taro.getAppBaseInfo.Result & ReaderTextSetting
    setting = { fontSizeScaleFactor, fontSizeSetting }
  } catch {
    // Base libraries before 2.20.1 lack both: the older combined call has width and fontSizeSetting.
    const info = Taro.getSystemInfoSync()
    width = info.windowWidth
    setting = { fontSizeSetting: info.fontSizeSetting }
  }
  return `${rootFontSize(width, readerTextScale(setting), isCareMode())}px`
}

/**
 * Every page of the mini-program is wrapped in this at build time (config/weapp-text-scale.js): WXSS
 * `rem` is measured against `page-meta`'s root-font-size, and the styles compile to rem, so text and
 * touch targets follow the reader's text size and 关怀模式 as they do in the browser. Statics that
 * Taro reads from the page component (share switches, behaviours) are carried over.
 */
export function withTextScale<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  function TextScaledPage(props: P) {
    const [root, setRoot] = useState(currentRootFontSize)
    useEffect(() => {
      const update = () => setRoot(currentRootFontSize())
      Taro.eventCenter.on(TEXT_SCALE_EVENT, update)
      return () => {
        Taro.eventCenter.off(TEXT_SCALE_EVENT, update)
      }
    }, [])
    return (
      <>
        <PageMeta rootFontSize={root} />
        <Page {...props} />
      </>
    )
  }
  Object.assign(TextScaledPage, Page)
  return TextScaledPage
}
