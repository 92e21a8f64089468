import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import './index.scss'

export interface SearchBarProps {
  /** `<id>` on the input, `<id>-go` on 搜索, `<id>-clear` on ×: for tests. */
  id: string
  placeholder: string
  /** The trimmed text, on 搜索 or the keyboard's search key; '' when cleared. */
  onSearch: (q: string) => void
}

/** The rounded search bar of the public lists: type, then search; × clears the search too. */
export default function SearchBar({ id, placeholder, onSearch }: SearchBarProps) {
  const [draft, setDraft] = useState('')
  return (
    <View className='search-bar'>
      <Input
        id={id}
        className='search-bar__input'
        type='text'
        confirmType='search'
        placeholder={placeholder}
        placeholderClass='search-bar__placeholder'
        value={draft}
        maxlength={40}
        onInput={(e) => setDraft(e.detail.value)}
        onConfirm={(e) => onSearch(e.detail.value.trim())}
      />
      {draft ? (
        <Pressable
          className='search-bar__clear'
          id={`${id}-clear`}
          label='清除搜索词'
          onPress={() => {
            setDraft('')
            onSearch('')
          }}
        >
          <Text>×</Text>
        </Pressable>
      ) : null}
      <Pressable className='search-bar__go' id={`${id}-go`} label='搜索' onPress={() => onSearch(draft.trim())}>
        <Text>搜索</Text>
      </Pressable>
    </View>
  )
}
