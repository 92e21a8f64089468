import { View } from '@tarojs/components'
import PrivacyStatement from '../../features/member/components/privacy-statement'

export default function PrivacyPage() {
  return (
    <View className='page privacy'>
      <View className='card'>
        <PrivacyStatement />
      </View>
    </View>
  )
}
