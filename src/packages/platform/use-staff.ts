import { useMe } from '@/hooks/use-me'

/** Whether the signed-in person is league staff (the api enforces it anyway; this draws the page). */
export function useIsStaff(): { loading: boolean; isStaff: boolean } {
  const me = useMe()
  return { loading: me.loading, isStaff: me.member?.role === 'staff' }
}
