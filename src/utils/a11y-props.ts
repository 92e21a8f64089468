/**
 * Accessibility props for a plain View/Text acting as a control. WeChat reads `aria-role` (not `role`)
 * and the build passes it through (config/weapp-aria.js); the browser twin, a11y-props.h5.ts, writes
 * `role`, because `aria-role` is not valid ARIA in HTML.
 */
export type A11yRole = 'button' | 'link' | 'checkbox' | 'radio' | 'tab' | 'tablist' | 'group' | 'radiogroup' | 'img'

export interface A11yState {
  label?: string
  checked?: boolean
  selected?: boolean
  disabled?: boolean
}

export function a11yProps(role: A11yRole, state: A11yState = {}): Record<string, string | boolean> {
  const props: Record<string, string | boolean> = { 'aria-role': role }
  if (state.label) props['aria-label'] = state.label
  if (state.checked !== undefined) props['aria-checked'] = state.checked
  if (state.selected !== undefined) props['aria-selected'] = state.selected
  if (state.disabled !== undefined) props['aria-disabled'] = state.disabled
  return props
}
