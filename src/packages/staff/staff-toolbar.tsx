import Taro from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import Pressable from '@/components/pressable'

export interface StaffToolbarProps {
  /** The import page for this list's kind. */
  importUrl: string
  /** The button that starts a new item: its id (for tests), label and edit page. */
  create: { id: string; label: string; url: string }
}

/** Above a staff list: 批量导入 on the left, the button that writes a new one on the right. */
export default function StaffToolbar({ importUrl, create }: StaffToolbarProps) {
  const go = (url: string) => void Taro.navigateTo({ url })
  return (
    <View className='staff-toolbar'>
      <Pressable inline role='link' className='staff-toolbar__toggle' onPress={() => go(importUrl)}>
        批量导入 ›
      </Pressable>
      <Button className='btn btn-primary' id={create.id} onClick={() => go(create.url)}>
        {create.label}
      </Button>
    </View>
  )
}
