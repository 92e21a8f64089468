import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import ChoiceChips from '@/components/choice-chips'
import SearchBar from '@/components/search-bar'
import StateView from '@/components/state-view'
import { useLoad } from '@/hooks/use-load'
import { getPlatform, listPlatforms } from '../../api'
import './index.scss'

export interface PlatformPickerProps {
  /** Prefix of ids (`<idPrefix>-search`, chips `<idPrefix>-<platform id>`). */
  idPrefix: string
  value: string | null
  onChange: (platformId: string | null) => void
}

/**
 * Picks the innovation platform an activity or a demand belongs to: search by name, tap one (tap
 * again to clear). Optional: without one, the free-text host and place say where it is.
 */
export default function PlatformPicker({ idPrefix, value, onChange }: PlatformPickerProps) {
  const [q, setQ] = useState('')
  const list = useLoad(() => listPlatforms({ q: q || undefined, limit: 12 }), q)
  const current = useLoad(value ? () => getPlatform(value) : null, value ?? '')
  const items = (list.data?.items ?? []).map((p) => ({ id: p.id, name: p.name }))
  const chosenName = value ? (items.find((i) => i.id === value)?.name ?? current.data?.name ?? '') : ''
  const shown = value && chosenName && !items.some((i) => i.id === value) ? [{ id: value, name: chosenName }, ...items] : items

  return (
    <View className='platform-picker'>
      <Text className='hint platform-picker__chosen' id={`${idPrefix}-chosen`}>
        {value ? `已选：${chosenName || '加载中…'}` : '未关联创新平台（可只填写主办单位和地点）'}
      </Text>
      <SearchBar id={`${idPrefix}-search`} placeholder='搜索平台名称' onSearch={setQ} />
      {list.status === 'loading' ? <StateView kind='loading' /> : null}
      {list.status === 'error' ? <StateView kind='error' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} /> : null}
      {list.status === 'ready' && shown.length === 0 ? <Text className='hint'>没有找到平台</Text> : null}
      {shown.length > 0 ? (
        <ChoiceChips idPrefix={idPrefix} items={shown} selected={value ? [value] : []} onToggle={(id) => onChange(id === value ? null : id)} />
      ) : null}
    </View>
  )
}
