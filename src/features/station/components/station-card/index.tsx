import { Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { Station } from '../../../../../types'
import './index.scss'

export interface StationCardProps {
  station: Station
  /** A ribbon above the name, e.g. 你学校的驿站. */
  badge?: string
  /** Staff see pending requests on each card. */
  pendingCount?: number
  onOpen: (station: Station) => void
}

/** One station in a list: name, where it is, how many, who runs it (name only, never a phone). */
export default function StationCard({ station, badge, pendingCount, onOpen }: StationCardProps) {
  const closed = station.status === 'closed'
  return (
    <Pressable className={`station-card${closed ? ' station-card--closed' : ''}`} id={`station-${station.id}`} onPress={() => onOpen(station)}>
      {badge ? <Text className='station-card__badge'>{badge}</Text> : null}
      <View className='station-card__top'>
        <Text className='station-card__name'>{station.name}</Text>
        {closed ? <Text className='tag tag-demo'>已关闭</Text> : null}
        {station.isDemo ? <Text className='tag tag-demo'>示例</Text> : null}
      </View>
      <Text className='station-card__where'>
        {station.university} · {station.city}
      </Text>
      <View className='station-card__facts'>
        <Text className='station-card__fact'>
          <Text className='station-card__num'>{station.memberCount}</Text> 名成员
        </Text>
        <Text className='station-card__fact'>站长：{station.headName ?? '暂无'}</Text>
        {pendingCount !== undefined ? (
          <Text className={`station-card__fact${pendingCount > 0 ? ' station-card__fact--alert' : ''}`}>待审核 {pendingCount}</Text>
        ) : null}
      </View>
    </Pressable>
  )
}
