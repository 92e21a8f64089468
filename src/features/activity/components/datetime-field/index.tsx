import dayjs from 'dayjs'
import { Picker, Text, View } from '@tarojs/components'
import './index.scss'

export interface DateTimeFieldProps {
  /** ISO 8601 with offset, or '' when not chosen yet. */
  value: string
  onChange: (iso: string) => void
  invalid?: boolean
  /** What the field is, for screen readers (the visible label sits outside the control). */
  label: string
}

/**
 * Date and time, mini-program side: WeChat has no date-time picker, so a date Picker and a time
 * Picker side by side. The H5 build uses index.h5.tsx (the browser's own datetime-local input).
 */
export default function DateTimeField({ value, onChange, invalid }: DateTimeFieldProps) {
  const current = value ? dayjs(value) : null
  const date = current?.format('YYYY-MM-DD') ?? ''
  const time = current?.format('HH:mm') ?? ''
  const emit = (nextDate: string, nextTime: string) => {
    const d = dayjs(`${nextDate}T${nextTime || '09:00'}`)
    if (d.isValid()) onChange(d.format())
  }
  return (
    <View className={`datetime-field${invalid ? ' datetime-field--invalid' : ''}`}>
      <Picker mode='date' value={date} onChange={(e) => emit(String(e.detail.value), time)}>
        <View className='datetime-field__part'>
          <Text className={date ? '' : 'datetime-field__placeholder'}>{date || '选择日期'}</Text>
        </View>
      </Picker>
      <Picker mode='time' value={time} onChange={(e) => emit(date || dayjs().format('YYYY-MM-DD'), String(e.detail.value))}>
        <View className='datetime-field__part datetime-field__part--time'>
          <Text className={time ? '' : 'datetime-field__placeholder'}>{time || '选择时间'}</Text>
        </View>
      </Picker>
    </View>
  )
}
