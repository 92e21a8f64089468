import { Text, View } from '@tarojs/components'
import './index.scss'

/** Why something was matched to me (学历：博士 / 领域：生物医药), as small tags. */
export default function WhyTags({ why }: { why: readonly string[] }) {
  return (
    <View className='why-tags'>
      {why.map((w) => (
        <Text className='why-tags__tag' key={w}>
          {w}
        </Text>
      ))}
    </View>
  )
}
