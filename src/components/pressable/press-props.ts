import { a11yProps, type A11yState } from '@/utils/a11y-props'

export type PressRole = 'button' | 'link' | 'checkbox' | 'radio' | 'tab'

/** A key event as much as activation needs (the DOM's KeyboardEvent and React's both fit). */
export interface PressKey {
  key: string
  repeat?: boolean
  preventDefault: () => void
}

/**
 * Props that make a plain View act as a control. In the mini-program a tap is the only way in, so only the
 * role travels (`aria-role`, read by WeChat's screen reader); the browser twin, press-props.h5.ts, also makes it
 * focusable and activated by Enter / Space.
 */
export function pressProps(_onPress: () => void, role: PressRole = 'button', state: A11yState = {}): Record<string, unknown> {
  return a11yProps(role, state)
}
