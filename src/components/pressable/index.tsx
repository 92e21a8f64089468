import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { pressProps, type PressRole } from './press-props'

export interface PressableProps {
  onPress: () => void
  children: ReactNode
  id?: string
  className?: string
  /** 'link' for rows that open another page, 'button' (default) for rows that do something here. */
  role?: PressRole
  /** Read out instead of the children's text. */
  label?: string
  /** Busy or unavailable: announced, and neither a tap nor a key runs it. */
  disabled?: boolean
  /** A checkbox's state. */
  checked?: boolean
  /** A tab's state. */
  selected?: boolean
}

/**
 * A tappable View that is also a control for keyboards and screen readers: a role everywhere, and in the
 * browser a tab stop activated by Enter / Space (press-props.h5.ts). Use it for any custom row or card that
 * acts on a tap, instead of a bare `<View onClick>`.
 */
export default function Pressable({ onPress, children, id, className, role = 'button', label, disabled, checked, selected }: PressableProps) {
  const press = () => {
    if (!disabled) onPress()
  }
  return (
    <View id={id} className={className} onClick={press} {...pressProps(press, role, { label, disabled, checked, selected })}>
      {children}
    </View>
  )
}
