import type { ReactNode } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { Activity } from '../../../../../types'
import { coverUrl } from '../../../../services/upload'
import { formatRange, phaseOf, placesText, TYPE_COLORS, TYPE_SHORT_NAMES, typeName } from '../../labels'
import './index.scss'

export interface ActivityCardProps {
  activity: Activity
  onClick: () => void
  /** Extra line under the card body (management actions, my status). */
  children?: ReactNode
}

export default function ActivityCard({ activity, onClick, children }: ActivityCardProps) {
  const phase = phaseOf(activity)
  const cover = coverUrl(activity.coverImage)
  return (
    <View className='activity-card' id={`activity-${activity.id}`}>
      <Pressable className='activity-card__main' onPress={onClick}>
        {cover ? (
          <Image className='activity-card__cover' src={cover} mode='aspectFill' lazyLoad nativeProps={{ alt: '' }} />
        ) : (
          <View className='activity-card__cover activity-card__cover--placeholder' style={{ background: TYPE_COLORS[activity.type] }}>
            <Text className='activity-card__cover-text'>{TYPE_SHORT_NAMES[activity.type] ?? typeName(activity.type)}</Text>
          </View>
        )}
        <View className='activity-card__body'>
          <Text className='activity-card__title'>{activity.title}</Text>
          <View className='activity-card__meta'>
            <Text className='activity-card__type' style={{ color: TYPE_COLORS[activity.type] }}>
              {typeName(activity.type)}
            </Text>
            <Text className={`activity-card__phase activity-card__phase--${phase === '报名中' ? 'open' : 'other'}`}>{phase}</Text>
          </View>
          <Text className='activity-card__line'>{formatRange(activity.startAt, activity.endAt)}</Text>
          <Text className='activity-card__line'>{activity.place}</Text>
          {phase === '已结束' || phase === '已取消' ? null : <Text className='activity-card__places'>{placesText(activity)}</Text>}
        </View>
      </Pressable>
      {children}
    </View>
  )
}
