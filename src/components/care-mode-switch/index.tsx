import { useState } from 'react'
import { Switch, Text, View } from '@tarojs/components'
import { isCareMode, setCareMode } from '@/services/care-mode'
import './index.scss'

/** 关怀模式: larger text and larger buttons, for readers who find the default size hard going. */
export default function CareModeSwitch() {
  const [on, setOn] = useState(isCareMode)
  const toggle = (next: boolean) => {
    setOn(next)
    setCareMode(next)
  }
  return (
    <View className='card care-mode' id='care-mode'>
      <View className='care-mode__text'>
        <Text className='care-mode__title'>关怀模式</Text>
        <Text className='hint care-mode__hint'>放大文字和按钮，看得清、点得准</Text>
      </View>
      <Switch
        id='care-mode-switch'
        checked={on}
        color='#C8161D'
        nativeProps={{ 'aria-label': '关怀模式：放大文字和按钮' }}
        onChange={(e) => toggle(e.detail.value)}
      />
    </View>
  )
}
