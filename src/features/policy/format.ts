import { POLICY_CATEGORIES, type Demand, type Policy, type PolicyCategoryId } from '../../../types'

export const categoryName = (id: PolicyCategoryId) => POLICY_CATEGORIES.find((c) => c.id === id)?.name ?? id

/** `2026-03-01` → `2026年3月1日` (dates without a time carry no zone to convert). */
export function dayText(day: string | null): string {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})/.exec(day) : null
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : ''
}

/** The Beijing date today as `YYYY-MM-DD`, whatever zone the phone is in. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

export function effectiveText(p: Pick<Policy, 'effectiveFrom' | 'effectiveUntil'>): string {
  if (p.effectiveFrom && p.effectiveUntil) return `${dayText(p.effectiveFrom)} 至 ${dayText(p.effectiveUntil)}`
  if (p.effectiveFrom) return `${dayText(p.effectiveFrom)} 起长期有效`
  if (p.effectiveUntil) return `有效期至 ${dayText(p.effectiveUntil)}`
  return '长期有效'
}

export const isExpired = (until: string | null, today = todayInChina()) => until !== null && until < today

/** Monthly pay as students read it: `8000–12000 元/月`, `面议` when not given. */
export function salaryText(d: Pick<Demand, 'salaryMin' | 'salaryMax'>): string {
  const { salaryMin: lo, salaryMax: hi } = d
  if (lo != null && hi != null) return lo === hi ? `${lo} 元/月` : `${lo}–${hi} 元/月`
  if (lo != null) return `${lo} 元/月起`
  if (hi != null) return `最高 ${hi} 元/月`
  return '面议'
}

/** Names of a targeting list in words; `all` when the policy names none (it applies to everyone). */
export function namesOrAll(ids: readonly string[], name: (id: string) => string, all: string): string {
  return ids.length === 0 ? all : ids.map(name).join('、')
}
