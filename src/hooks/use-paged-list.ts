import { useCallback, useEffect, useRef, useState } from 'react'
import type { Page } from '../../types'
import { ApiCallError, errorMessage, type ClientErrorCode } from '../services/api'

export interface PagedList<T> {
  /** The first page: loading, shown, or failed. A failed later page keeps the list (`more: 'error'`). */
  status: 'loading' | 'ready' | 'error'
  items: T[]
  /** The next page: can be asked for, on its way, failed (offer a retry), or there is none. */
  more: 'idle' | 'loading' | 'error' | 'end'
  error: string | null
  /** The api's code when the first page failed (FORBIDDEN draws a no-permission state). */
  errorCode: ClientErrorCode | null
  /** The first page again (after a search, a filter or a write); `quiet` keeps the list shown. */
  reload: (quiet?: boolean) => Promise<void>
  /** The next page, on 加载更多 or reaching the bottom; ignored while one is on its way. */
  loadMore: () => void
  /** Replaces one item in place, without a round trip (after an action on it). */
  update: (match: (item: T) => boolean, next: T) => void
  /** Drops one item without a round trip (it was approved, removed…). */
  remove: (match: (item: T) => boolean) => void
}

/**
 * The one cursor-paginated list of the app. `fetchPage` null means "not yet" (no member, no
 * permission); `key` names what is listed (search, filters, who asks): when it changes the list
 * starts again. A reply to an older key or reload is dropped, so a slow answer never wins.
 */
export function usePagedList<T>(fetchPage: ((cursor?: string) => Promise<Page<T>>) | null, key: string): PagedList<T> {
  const [items, setItems] = useState<T[]>([])
  const [status, setStatus] = useState<PagedList<T>['status']>('loading')
  const [more, setMore] = useState<PagedList<T>['more']>('idle')
  const [error, setError] = useState<{ message: string; code: ClientErrorCode } | null>(null)
  const cursor = useRef<string | null>(null)
  const generation = useRef(0)
  const busy = useRef(false)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage

  const reload = useCallback(async (quiet = false) => {
    const fetcher = fetchRef.current
    if (!fetcher) return
    const mine = ++generation.current
    busy.current = true
    if (!quiet) setStatus('loading')
    setError(null)
    try {
      const page = await fetcher()
      if (mine !== generation.current) return
      setItems(page.items)
      cursor.current = page.nextCursor
      setMore(page.nextCursor ? 'idle' : 'end')
      setStatus('ready')
    } catch (e) {
      if (mine !== generation.current) return
      setError(failure(e))
      setStatus('error')
    } finally {
      if (mine === generation.current) busy.current = false
    }
  }, [])

  const loadMore = useCallback(() => {
    const fetcher = fetchRef.current
    if (!fetcher || busy.current || !cursor.current) return
    const mine = generation.current
    busy.current = true
    setMore('loading')
    fetcher(cursor.current)
      .then((page) => {
        if (mine !== generation.current) return
        setItems((prev) => [...prev, ...page.items])
        cursor.current = page.nextCursor
        setMore(page.nextCursor ? 'idle' : 'end')
      })
      .catch((e: unknown) => {
        if (mine !== generation.current) return
        setError(failure(e))
        setMore('error')
      })
      .finally(() => {
        if (mine === generation.current) busy.current = false
      })
  }, [])

  const enabled = fetchPage !== null
  useEffect(() => {
    if (!enabled) return
    setItems([])
    void reload()
    // `key` names what is listed; the fetcher itself is read through a ref, so a new closure
    // on every render does not refetch.
  }, [key, enabled, reload])

  const update = useCallback((match: (item: T) => boolean, next: T) => {
    setItems((prev) => prev.map((item) => (match(item) ? next : item)))
  }, [])
  const remove = useCallback((match: (item: T) => boolean) => setItems((prev) => prev.filter((item) => !match(item))), [])

  return { status, items, more, error: error?.message ?? null, errorCode: error?.code ?? null, reload, loadMore, update, remove }
}

function failure(e: unknown): { message: string; code: ClientErrorCode } {
  return { message: errorMessage(e), code: e instanceof ApiCallError ? e.code : 'INTERNAL' }
}
