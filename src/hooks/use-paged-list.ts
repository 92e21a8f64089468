import { useCallback, useEffect, useRef, useState } from 'react'
import type { Page } from '../../types'
import { ApiCallError, errorMessage, type ClientErrorCode } from '../services/api'

export interface PagedList<T> {
  status: 'loading' | 'ready' | 'error'
  items: T[]
  hasMore: boolean
  loadingMore: boolean
  error: string | null
  errorCode: ClientErrorCode | null
  /** The first page again (after a search, a filter or a write). */
  reload: (quiet?: boolean) => Promise<void>
  loadMore: () => Promise<void>
  /** Drops one item without a round trip (it was approved, removed…). */
  remove: (match: (item: T) => boolean) => void
}

/**
 * A cursor-paginated list: the first page, then more on 加载更多 or reaching the bottom. A newer
 * reload wins over a slower older one. `key` changes (search, filters) start again.
 */
export function usePagedList<T>(fetchPage: ((cursor?: string) => Promise<Page<T>>) | null, key: string): PagedList<T> {
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [status, setStatus] = useState<PagedList<T>['status']>('loading')
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<{ message: string; code: ClientErrorCode } | null>(null)
  const generation = useRef(0)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage

  const fail = (e: unknown) => ({ message: errorMessage(e), code: e instanceof ApiCallError ? e.code : ('INTERNAL' as const) })

  const reload = useCallback(async (quiet = false) => {
    const fetcher = fetchRef.current
    if (!fetcher) return
    generation.current += 1
    const mine = generation.current
    if (!quiet) setStatus('loading')
    setError(null)
    try {
      const page = await fetcher()
      if (mine !== generation.current) return
      setItems(page.items)
      setCursor(page.nextCursor)
      setStatus('ready')
    } catch (e) {
      if (mine !== generation.current) return
      setError(fail(e))
      setStatus('error')
    }
  }, [])

  const loadMore = useCallback(async () => {
    const fetcher = fetchRef.current
    if (!fetcher || !cursor || loadingMore || status !== 'ready') return
    const mine = generation.current
    setLoadingMore(true)
    try {
      const page = await fetcher(cursor)
      if (mine !== generation.current) return
      setItems((prev) => [...prev, ...page.items])
      setCursor(page.nextCursor)
    } catch (e) {
      if (mine === generation.current) setError(fail(e))
    } finally {
      setLoadingMore(false)
    }
  }, [cursor, loadingMore, status])

  useEffect(() => {
    if (fetchPage) void reload()
  }, [key, fetchPage === null])

  const remove = useCallback((match: (item: T) => boolean) => setItems((prev) => prev.filter((item) => !match(item))), [])

  return {
    status,
    items,
    hasMore: cursor !== null,
    loadingMore,
    error: error?.message ?? null,
    errorCode: error?.code ?? null,
    reload,
    loadMore,
    remove,
  }
}
