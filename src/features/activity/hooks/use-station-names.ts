import { useEffect, useState } from 'react'
import type { TaxonomyItem } from '../../../../types'
import { call } from '../../../services/api'

let cache: Promise<TaxonomyItem[]> | null = null

/** The station directory (small), read once per launch: for eligibility lines and chips. */
function loadStations(): Promise<TaxonomyItem[]> {
  if (!cache) {
    cache = call('station.list', { limit: 50 })
      .then((page) => page.items.map((s) => ({ id: s.id, name: s.name })))
      .catch(() => {
        cache = null
        return []
      })
  }
  return cache
}

export function useStationList(needed: boolean): TaxonomyItem[] {
  const [items, setItems] = useState<TaxonomyItem[]>([])
  useEffect(() => {
    if (!needed) return
    let alive = true
    void loadStations().then((list) => alive && setItems(list))
    return () => {
      alive = false
    }
  }, [needed])
  return items
}

export function useStationNames(needed: boolean): Map<string, string> {
  const items = useStationList(needed)
  return new Map(items.map((s) => [s.id, s.name]))
}
