import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { pressProps, type PressRole } from './press-props'

export interface PressableProps {
  onPress: () => void
  children: ReactNode
  id?: string
  className?: string
  /** 'link' for rows that open another page, 'button' (default) for rows that do something here. */
  role?: PressRole
  /** Read out instead of the children's text (an icon such as × needs one). */
  label?: string
  /** Busy or unavailable: announced, and neither a tap nor a key runs it. */
  disabled?: boolean
  /** A checkbox's or a radio's state. */
  checked?: boolean
  /** A tab's state. */
  selected?: boolean
  /** A control inside text (a link in a sentence, a small action after a label): a Text, not a block View. */
  inline?: boolean
  /** Inside another tappable area (a tag on a card): the tap stops here. */
  stopPropagation?: boolean
}

/**
 * A tappable View (or Text) that is also a control for keyboards and screen readers: a role everywhere, and in
 * the browser a tab stop activated by Enter / Space (press-props.h5.ts). Use it for any custom row or card that
 * acts on a tap, instead of a bare `<View onClick>`. Its `pressable` class gives it the focus ring and, as a
 * block, the touch-target height (app.scss).
 */
export default function Pressable(props: PressableProps) {
  const { onPress, children, id, className, role = 'button', label, disabled, checked, selected, inline, stopPropagation } = props
  const press = () => {
    if (!disabled) onPress()
  }
  const onClick = (event: { stopPropagation: () => void }) => {
    if (stopPropagation) event.stopPropagation()
    press()
  }
  const shared = {
    id,
    className: `${inline ? 'pressable pressable--inline' : 'pressable'}${className ? ` ${className}` : ''}`,
    onClick,
    ...pressProps(press, role, { label, disabled, checked, selected }),
  }
  return inline ? <Text {...shared}>{children}</Text> : <View {...shared}>{children}</View>
}
