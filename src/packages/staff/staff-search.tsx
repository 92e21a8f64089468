import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import Pressable from '@/components/pressable'

/** The staff lists' search bar: type, then 搜索 or the keyboard's search key sends the trimmed text. */
export default function StaffSearch({ id, placeholder, onSearch }: { id?: string; placeholder: string; onSearch: (q: string) => void }) {
  const [draft, setDraft] = useState('')
  return (
    <View className='staff-search'>
      <Input
        id={id}
        className='staff-search__input'
        value={draft}
        maxlength={40}
        confirmType='search'
        placeholder={placeholder}
        placeholderClass='sf-placeholder'
        onInput={(e) => setDraft(e.detail.value)}
        onConfirm={(e) => onSearch(e.detail.value.trim())}
      />
      <Pressable inline className='staff-search__go' onPress={() => onSearch(draft.trim())}>
        搜索
      </Pressable>
    </View>
  )
}
