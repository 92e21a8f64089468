import { ScrollView, Text, View } from '@tarojs/components'
import { a11yProps } from '@/utils/a11y-props'
import Pressable from '@/components/pressable'
import './index.scss'

export interface FilterOption {
  id: string
  name: string
}

export interface FilterChipsProps {
  idPrefix: string
  options: readonly FilterOption[]
  value: string
  onChange: (id: string) => void
}

/** One choice out of many, in a row that scrolls sideways: a filter, not a form input. */
export default function FilterChips({ idPrefix, options, value, onChange }: FilterChipsProps) {
  return (
    <ScrollView scrollX className='filter-chips' enableFlex>
      <View className='filter-chips__row' {...a11yProps('radiogroup')}>
        {options.map((o) => (
          <Pressable
            key={o.id}
            id={`${idPrefix}-${o.id}`}
            className={`filter-chip${o.id === value ? ' filter-chip--on' : ''}`}
            role='radio'
            checked={o.id === value}
            onPress={() => onChange(o.id)}
          >
            <Text>{o.name}</Text>
          </Pressable>
        ))}
      </View>
    </ScrollView>
  )
}
