import { Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { Platform } from '../../../../../types'
import { useTaxonomy } from '@/hooks/use-taxonomy'
import { kindName, offerNames } from '../../labels'
import './index.scss'

export interface PlatformCardProps {
  platform: Platform
  onOpen: (platform: Platform) => void
}

/** One platform in the directory: what kind, where, which fields, what it offers. */
export default function PlatformCard({ platform, onOpen }: PlatformCardProps) {
  const tax = useTaxonomy()
  const archived = platform.status === 'archived'
  return (
    <Pressable className={`platform-card${archived ? ' platform-card--archived' : ''}`} id={`platform-${platform.id}`} role='link' onPress={() => onOpen(platform)}>
      <View className='platform-card__top'>
        <Text className='platform-card__kind'>{kindName(platform.kind)}</Text>
        {archived ? <Text className='tag tag-demo'>已归档</Text> : null}
        {platform.isDemo ? <Text className='tag tag-demo'>示例</Text> : null}
      </View>
      <Text className='platform-card__name'>{platform.name}</Text>
      <Text className='platform-card__where'>
        {tax.countyName(platform.county)} · {platform.hostOrg}
      </Text>
      <View className='platform-card__facts'>
        <Text className='platform-card__fact'>{platform.fields.map((f) => tax.fieldName(f)).join('、')}</Text>
        {platform.offers.length > 0 ? <Text className='platform-card__fact'>提供：{offerNames(platform.offers).join('、')}</Text> : null}
      </View>
    </Pressable>
  )
}
