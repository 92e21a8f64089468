// First: on weapp it registers the ARIA attributes with Taro's runtime before anything renders.
import { installA11yShims } from './services/a11y'
import { type PropsWithChildren } from 'react'
import Taro, { useDidShow, useLaunch } from '@tarojs/taro'
import { refreshUnread } from './features/notice/unread'

import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installA11yShims()
    if (process.env.TARO_ENV === 'weapp') {
      // Production builds refuse to start without TARO_APP_CLOUD_ENV (config/index.ts); only a
      // development build may leave it empty and use DevTools' default environment.
      Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true })
    }
  })
  // Back from the background: new notices may have arrived (the tab badge on 我的 says how many).
  useDidShow(() => {
    void refreshUnread(true)
  })
  return children
}

export default App
