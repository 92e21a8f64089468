import { useSyncExternalStore } from 'react'
import Taro from '@tarojs/taro'
import { fetchUnreadCount } from './api'

/**
 * How many notices wait unread, shared by 首页's bell, 我的 and the tab badge. One cheap call
 * (`notice.unreadCount`) on app show and tab page show; a burst of shows within a moment shares it.
 */

/** 我的 in app.config.ts's tab bar (首页, 活动, 政策, 我的). */
const MINE_TAB_INDEX = 3
const FRESH_MS = 1500

let count = 0
let inFlight: Promise<number> | null = null
let fetchedAt = 0
const listeners = new Set<() => void>()

function publish(next: number): void {
  count = next
  listeners.forEach((l) => l())
  showBadge(next)
}

/** The tab badge exists only while a tab page is on top (WeChat refuses it elsewhere): ignore that. */
function showBadge(n: number): void {
  const done = n > 0 ? Taro.setTabBarBadge({ index: MINE_TAB_INDEX, text: n > 99 ? '99+' : String(n) }) : Taro.removeTabBarBadge({ index: MINE_TAB_INDEX })
  void Promise.resolve(done).catch(() => undefined)
}

/** Re-reads the count (a visitor or a failure counts as none). */
export function refreshUnread(force = false): Promise<number> {
  if (inFlight) return inFlight
  if (!force && Date.now() - fetchedAt < FRESH_MS) {
    showBadge(count)
    return Promise.resolve(count)
  }
  inFlight = fetchUnreadCount()
    .then((r) => r.count)
    .catch(() => 0)
    .then((n) => {
      fetchedAt = Date.now()
      publish(n)
      return n
    })
    .finally(() => {
      inFlight = null
    })
  return inFlight
}

/** After reading here: the figure moves at once, and the server's answer follows. */
export function adjustUnread(next: (n: number) => number): void {
  publish(Math.max(0, next(count)))
  void refreshUnread(true)
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export function useUnreadCount(): number {
  return useSyncExternalStore(subscribe, () => count, () => count)
}
