import { a11yProps, type A11yState } from '../../utils/a11y-props.h5'
import type { PressKey, PressRole } from './press-props'

export type { PressKey, PressRole } from './press-props'

/** Enter or Space (held keys fire once), the keys a native button answers to. */
export function isActivationKey(event: PressKey): boolean {
  return !event.repeat && (event.key === 'Enter' || event.key === ' ' || event.key === 'Spacebar')
}

/**
 * The browser side of press-props.ts: `role`, in the tab order (tabIndex 0), and Enter / Space do what a click
 * does, so a keyboard reaches every tappable row. A disabled control stays focusable (readable) but does nothing.
 */
export function pressProps(onPress: () => void, role: PressRole = 'button', state: A11yState = {}): Record<string, unknown> {
  return {
    ...a11yProps(role, state),
    tabIndex: 0,
    onKeyDown: (event: PressKey) => {
      if (!isActivationKey(event)) return
      // Space would scroll the page; Enter on a link-like row would not submit anything anyway.
      event.preventDefault()
      if (!state.disabled) onPress()
    },
  }
}
