import dayjs from 'dayjs'

/** `2026-11-27T10:00:00+08:00` → `2026年11月27日`; the wire carries the offset, so no TZ guesswork. */
export function formatDate(iso: string): string {
  const d = dayjs(iso)
  return d.isValid() ? d.format('YYYY年M月D日') : ''
}
