import type { Member, TaxonomyList } from '../../types'
import { ApiCallError, call, errorMessage } from './api'

// Read here through the transport, not a feature's api: every feature reads this state.
const fetchMe = (): Promise<Member | null> => call('member.me', {})
const fetchTaxonomy = (): Promise<TaxonomyList> => call('taxonomy.list', {})

/**
 * The signed-in person's membership, shared by every page: tab pages stay mounted, so a join on
 * one page must show on the other without a reload.
 */
export interface MeState {
  status: 'idle' | 'loading' | 'ready' | 'error'
  member: Member | null
  error: string | null
}

type Listener = () => void

function createStore<S>(initial: S) {
  let state = initial
  const listeners = new Set<Listener>()
  return {
    get: () => state,
    set(next: S) {
      state = next
      listeners.forEach((l) => l())
    },
    subscribe(listener: Listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}

export const meStore = createStore<MeState>({ status: 'idle', member: null, error: null })
let meInFlight: Promise<void> | null = null
let meGeneration = 0

/** Loads `member.me`; a caller without identity (no demo sign-in yet) is a visitor. */
export function refreshMe(): Promise<void> {
  if (meInFlight) return meInFlight
  const generation = meGeneration
  const current = meStore.get()
  // Keep showing what we have while refreshing; only a first load shows a spinner.
  if (current.status !== 'ready') meStore.set({ ...current, status: 'loading', error: null })
  meInFlight = fetchMe()
    .then((member) => {
      if (generation === meGeneration) meStore.set({ status: 'ready', member, error: null })
    })
    .catch((error: unknown) => {
      if (generation !== meGeneration) return
      if (error instanceof ApiCallError && error.code === 'UNAUTHENTICATED') {
        meStore.set({ status: 'ready', member: null, error: null })
      } else {
        meStore.set({ status: 'error', member: meStore.get().member, error: errorMessage(error) })
      }
    })
    .finally(() => {
      meInFlight = null
    })
  return meInFlight
}

export function setMe(member: Member | null): void {
  meGeneration += 1
  meInFlight = null
  meStore.set({ status: 'ready', member, error: null })
}

/** Forget who we were (another demo account was chosen); the next page shown loads again. */
export function resetMe(): void {
  meGeneration += 1
  meInFlight = null
  meStore.set({ status: 'idle', member: null, error: null })
}

export interface TaxonomyState {
  status: 'idle' | 'loading' | 'ready' | 'error'
  data: TaxonomyList | null
  error: string | null
}

export const taxonomyStore = createStore<TaxonomyState>({ status: 'idle', data: null, error: null })

export function loadTaxonomy(force = false): void {
  const current = taxonomyStore.get()
  if (!force && (current.status === 'loading' || current.status === 'ready')) return
  taxonomyStore.set({ ...current, status: 'loading', error: null })
  fetchTaxonomy()
    .then((data) => taxonomyStore.set({ status: 'ready', data, error: null }))
    .catch((error: unknown) => taxonomyStore.set({ status: 'error', data: current.data, error: errorMessage(error) }))
}
