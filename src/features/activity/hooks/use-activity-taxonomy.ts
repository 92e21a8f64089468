import { useEffect, useSyncExternalStore } from 'react'
import { ACTIVITY_TYPES, type TaxonomyItem, type TaxonomyList } from '../../../../types'
import { loadTaxonomy, taxonomyStore } from '@/services/app-store'

export interface ActivityTaxonomy {
  activityTypes: readonly TaxonomyItem[]
  /** null until loaded or when the deployment has no templates configured. */
  subscribeTemplates: TaxonomyList['subscribeTemplates']
}

/** Activity types and subscribe templates from `taxonomy.list` (shared with the member area). */
export function useActivityTaxonomy(): ActivityTaxonomy {
  const state = useSyncExternalStore(taxonomyStore.subscribe, taxonomyStore.get, taxonomyStore.get)
  useEffect(() => loadTaxonomy(), [])
  return {
    activityTypes: state.data?.activityTypes?.length ? state.data.activityTypes : ACTIVITY_TYPES,
    subscribeTemplates: state.data?.subscribeTemplates ?? { reminder: null, result: null, notice: null },
  }
}
