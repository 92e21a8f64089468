import { Picker, Text, View } from '@tarojs/components'

interface Props {
  /** '' for figures as of now, or the month (YYYY-MM) of the frozen snapshot shown. */
  month: string
  /** Months with a snapshot in this scope, newest first. */
  snapshots: string[]
  onChange: (month: string) => void
}

/** 当前数字 or a month's frozen snapshot (staff: the whole alliance; a head: their station). */
export default function SnapshotPicker({ month, snapshots, onChange }: Props) {
  const options = ['', ...snapshots]
  return (
    <Picker
      mode='selector'
      range={options.map((m) => (m ? `${m} 月度快照` : '当前数字'))}
      value={Math.max(0, options.indexOf(month))}
      onChange={(e) => onChange(options[Number(e.detail.value)] ?? '')}
    >
      <View className='card' id='dashboard-snapshot'>
        <View>
          <Text>{month ? `${month} 月度快照` : '当前数字'} ▾</Text>
        </View>
        <Text className='hint'>{snapshots.length > 0 ? '可切换到每月冻结的快照' : '每月第一次定时任务会冻结一份快照'}</Text>
      </View>
    </Picker>
  )
}
