import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { UniversityOption } from '../../../types'
import { call } from '@/services/api'
import { a11yProps } from '@/utils/a11y-props'
import Pressable from '@/components/pressable'
import './index.scss'

/** Typing pauses this long before the list is asked for: one request per pause, not per key. */
const PAUSE_MS = 250
const SHOWN = 6

interface Props {
  /** What is typed in the university field. */
  value: string
  onPick: (name: string) => void
  idPrefix?: string
}

type Lookup = { q: string; items: UniversityOption[] } | null

/**
 * Names from the Ministry of Education's list under a university field, found by full name, 简称
 * (郑大) or pinyin initials (zzdx); tapping one fills the field in. A name not on the list is still
 * accepted (renamed and new schools), with a note asking for the full name.
 */
export default function UniversitySuggestions({ value, onPick, idPrefix = 'university' }: Props) {
  const q = value.trim()
  const [lookup, setLookup] = useState<Lookup>(null)

  useEffect(() => {
    if (!q) {
      setLookup(null)
      return
    }
    let live = true
    const timer = setTimeout(() => {
      call('taxonomy.universities', { q, limit: SHOWN })
        .then((items) => live && setLookup({ q, items }))
        // Suggestions are a help: without them the field still takes what is typed.
        .catch(() => live && setLookup({ q, items: [] }))
    }, PAUSE_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [q])

  if (!lookup || lookup.q !== q) return null
  const exact = lookup.items.some((u) => u.name === q)
  if (exact) return null
  if (lookup.items.length === 0) {
    return (
      <Text className='uni-note' id={`${idPrefix}-unlisted`}>
        没有在教育部高校名单中找到，请确认填写的是学校全称
      </Text>
    )
  }
  return (
    <View className='uni-list' id={`${idPrefix}-suggestions`} {...a11yProps('group', { label: '学校候选' })}>
      {lookup.items.map((u, i) => (
        <Pressable key={u.name} id={`${idPrefix}-option-${i}`} className='uni-option' label={`选择${u.name}，${u.city}`} onPress={() => onPick(u.name)}>
          <Text className='uni-option__name'>{u.name}</Text>
          <Text className='uni-option__place'>
            {u.province === u.city ? u.city : `${u.province} ${u.city}`}
            {u.level === 'associate' ? ' · 专科' : ''}
          </Text>
        </Pressable>
      ))}
    </View>
  )
}
