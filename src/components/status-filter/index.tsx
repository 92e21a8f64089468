import { Text, View } from '@tarojs/components'
import { a11yProps } from '@/utils/a11y-props'
import Pressable from '@/components/pressable'
import './index.scss'

export interface StatusFilterProps<S extends string> {
  /** `<idPrefix>-<status>` on each choice, `<idPrefix>-all` on 全部: for tests. */
  idPrefix: string
  /** The statuses in order, with their short names. */
  names: Record<S, string>
  order: readonly S[]
  /** '' is 全部. */
  value: S | ''
  onChange: (next: S | '') => void
}

/** A staff list's status row: 全部 and one choice per status, announced as a radio group. */
export default function StatusFilter<S extends string>({ idPrefix, names, order, value, onChange }: StatusFilterProps<S>) {
  const choices: Array<S | ''> = ['', ...order]
  return (
    <View className='status-filter' {...a11yProps('radiogroup', { label: '按状态筛选' })}>
      {choices.map((s) => (
        <Pressable
          key={s || 'all'}
          id={`${idPrefix}-${s || 'all'}`}
          className={`status-filter__item${value === s ? ' status-filter__item--on' : ''}`}
          role='radio'
          checked={value === s}
          onPress={() => onChange(s)}
        >
          <Text>{s ? names[s] : '全部'}</Text>
        </Pressable>
      ))}
    </View>
  )
}
