import { useRef } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { PagedList } from './use-paged-list'

/**
 * A list page's lifecycle: pull down reloads quietly (with `alsoRefresh`, e.g. the member),
 * reaching the bottom asks for the next page, and with `reloadOnShow` coming back to the page
 * (after an edit page) reloads quietly too.
 */
export function useListPageEvents(
  list: Pick<PagedList<unknown>, 'reload' | 'loadMore'>,
  options: { reloadOnShow?: boolean; alsoRefresh?: () => Promise<void> } = {},
): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (options.reloadOnShow && shown.current) void list.reload(true)
    shown.current = true
  })
  usePullDownRefresh(() => {
    void Promise.all([list.reload(true), options.alsoRefresh?.()]).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => list.loadMore())
}
