import { Text, View } from '@tarojs/components'
import { PRIVACY_STATEMENT } from '../../../../../types'
import './index.scss'

/** The privacy statement in force, as the person agrees to it. */
export default function PrivacyStatement() {
  return (
    <View className='privacy-statement' id='privacy-statement'>
      <Text className='privacy-statement__title'>{PRIVACY_STATEMENT.title}</Text>
      <Text className='privacy-statement__meta'>
        更新日期：{PRIVACY_STATEMENT.updatedOn} · 版本 {PRIVACY_STATEMENT.version}
      </Text>
      {PRIVACY_STATEMENT.sections.map((section) => (
        <View className='privacy-statement__section' key={section.heading}>
          <Text className='privacy-statement__heading'>{section.heading}</Text>
          <Text className='privacy-statement__body'>{section.body}</Text>
        </View>
      ))}
    </View>
  )
}
