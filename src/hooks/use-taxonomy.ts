import { useEffect, useSyncExternalStore } from 'react'
import { COUNTIES, DEGREES, SEED_FIELDS, nameOf, type TaxonomyItem } from '../../types'
import { loadTaxonomy, taxonomyStore } from '@/services/app-store'

export interface UseTaxonomy {
  counties: readonly TaxonomyItem[]
  degrees: readonly TaxonomyItem[]
  /** The live, staff-edited list; empty until loaded. */
  fields: readonly TaxonomyItem[]
  loading: boolean
  error: string | null
  retry: () => void
  countyName: (id: string) => string
  degreeName: (id: string) => string
  fieldName: (id: string) => string
}

export function useTaxonomy(): UseTaxonomy {
  const state = useSyncExternalStore(taxonomyStore.subscribe, taxonomyStore.get, taxonomyStore.get)
  useEffect(() => loadTaxonomy(), [])
  const counties = state.data?.counties ?? COUNTIES
  const degrees = state.data?.degrees ?? DEGREES
  const fields = state.data?.fields ?? []
  return {
    counties,
    degrees,
    fields,
    loading: state.status === 'idle' || state.status === 'loading',
    error: state.error,
    retry: () => loadTaxonomy(true),
    countyName: (id) => nameOf(counties, id) || nameOf(COUNTIES, id) || id,
    degreeName: (id) => nameOf(degrees, id) || nameOf(DEGREES, id) || id,
    // A retired field is missing from the live list but still names a member's choice.
    fieldName: (id) => nameOf(fields, id) || nameOf(SEED_FIELDS, id) || id,
  }
}
