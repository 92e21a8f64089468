import { useCallback, useEffect, useRef, useState } from 'react'
import type { Page } from '../../../../types'
import { errorMessage } from '../../../services/api'

export interface PagedList<T> {
  items: T[]
  /** First page: loading / error; later pages keep what is shown and set `more`. */
  status: 'loading' | 'ready' | 'error'
  error: string | null
  more: 'idle' | 'loading' | 'error' | 'end'
  loadMore: () => void
  reload: () => Promise<void>
  /** Replace one item in place (after an action on it). */
  update: (match: (item: T) => boolean, next: T) => void
}

/**
 * A cursor-paginated list: the first page on mount and whenever `key` changes (a filter), the
 * next page on demand (onReachBottom). A stale reply (filters changed meanwhile) is dropped.
 */
export function usePagedList<T>(key: string, fetchPage: (cursor?: string) => Promise<Page<T>>, enabled = true): PagedList<T> {
  const [items, setItems] = useState<T[]>([])
  const [status, setStatus] = useState<PagedList<T>['status']>('loading')
  const [error, setError] = useState<string | null>(null)
  const [more, setMore] = useState<PagedList<T>['more']>('idle')
  const cursor = useRef<string | null>(null)
  const generation = useRef(0)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  const busy = useRef(false)

  const reload = useCallback(async () => {
    const mine = ++generation.current
    busy.current = true
    setError(null)
    setStatus((s) => (s === 'ready' ? s : 'loading'))
    try {
      const page = await fetchRef.current(undefined)
      if (mine !== generation.current) return
      setItems(page.items)
      cursor.current = page.nextCursor
      setMore(page.nextCursor ? 'idle' : 'end')
      setStatus('ready')
    } catch (e) {
      if (mine !== generation.current) return
      setError(errorMessage(e))
      setStatus('error')
    } finally {
      if (mine === generation.current) busy.current = false
    }
  }, [])

  useEffect(() => {
    if (!enabled) return
    setStatus('loading')
    setItems([])
    void reload()
  }, [key, enabled, reload])

  const loadMore = useCallback(() => {
    if (busy.current || !cursor.current) return
    const mine = generation.current
    busy.current = true
    setMore('loading')
    fetchRef
      .current(cursor.current)
      .then((page) => {
        if (mine !== generation.current) return
        setItems((prev) => [...prev, ...page.items])
        cursor.current = page.nextCursor
        setMore(page.nextCursor ? 'idle' : 'end')
      })
      .catch(() => {
        if (mine === generation.current) setMore('error')
      })
      .finally(() => {
        if (mine === generation.current) busy.current = false
      })
  }, [])

  const update = useCallback((match: (item: T) => boolean, next: T) => {
    setItems((prev) => prev.map((item) => (match(item) ? next : item)))
  }, [])

  return { items, status, error, more, loadMore, reload, update }
}
