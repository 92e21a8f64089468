import dayjs from 'dayjs'
import { View } from '@tarojs/components'
import type { DateTimeFieldProps } from './index'
import './index.scss'

/** Date and time in the browser: its own datetime-local input (a native picker on phones). */
export default function DateTimeField({ value, onChange, invalid, label }: DateTimeFieldProps) {
  const local = value && dayjs(value).isValid() ? dayjs(value).format('YYYY-MM-DDTHH:mm') : ''
  return (
    <View className={`datetime-field${invalid ? ' datetime-field--invalid' : ''}`}>
      <input
        className='datetime-field__native'
        type='datetime-local'
        aria-label={label}
        value={local}
        onChange={(e) => {
          const d = dayjs(e.currentTarget.value)
          onChange(e.currentTarget.value && d.isValid() ? d.format() : '')
        }}
      />
    </View>
  )
}
