import { Text, View } from '@tarojs/components'
import { a11yProps } from '@/utils/a11y-props'
import Pressable from '@/components/pressable'
import type { TaxonomyItem } from '../../../types'
import './index.scss'

export interface ChoiceChipsProps {
  /** Prefix of each chip's id (`<idPrefix>-<item id>`), stable for tests and scrolling. */
  idPrefix: string
  items: readonly TaxonomyItem[]
  selected: readonly string[]
  onToggle: (id: string) => void
  invalid?: boolean
}

/** Tappable choices: easier on a phone than a picker, and every option stays visible. */
export default function ChoiceChips({ idPrefix, items, selected, onToggle, invalid }: ChoiceChipsProps) {
  return (
    // Each chip is a toggle: announced as a checkbox with its state, inside a group.
    <View className={`chips${invalid ? ' chips--invalid' : ''}`} {...a11yProps('group')}>
      {items.map((item) => {
        const on = selected.includes(item.id)
        return (
          <Pressable key={item.id} id={`${idPrefix}-${item.id}`} className={`chip${on ? ' chip--on' : ''}`} role='checkbox' checked={on} onPress={() => onToggle(item.id)}>
            <Text>{item.name}</Text>
          </Pressable>
        )
      })}
    </View>
  )
}
