import type { A11yRole, A11yState } from './a11y-props'

export type { A11yRole, A11yState } from './a11y-props'

/** The browser side of a11y-props.ts: HTML's `role`, with the same ARIA states. */
export function a11yProps(role: A11yRole, state: A11yState = {}): Record<string, string | boolean> {
  const props: Record<string, string | boolean> = { role }
  if (state.label) props['aria-label'] = state.label
  if (state.checked !== undefined) props['aria-checked'] = state.checked
  if (state.selected !== undefined) props['aria-selected'] = state.selected
  if (state.disabled !== undefined) props['aria-disabled'] = state.disabled
  return props
}
