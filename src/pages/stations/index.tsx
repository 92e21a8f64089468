import { useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { Station } from '../../../types'
import StateView from '../../components/state-view'
import { useIdentityKey, useMe } from '@/hooks/use-me'
import { listStations } from '../../features/station/api'
import ListFooter from '@/components/list-footer'
import StationCard from '../../features/station/components/station-card'
import { usePagedList } from '@/hooks/use-paged-list'
import { stationUrl } from '../../features/station/urls'
import './index.scss'

/** 翼展驿站 directory: my university's station first, then every open station, searchable. */
export default function StationsPage() {
  const me = useMe()
  const [draft, setDraft] = useState('')
  const [q, setQ] = useState('')
  const [suggested, setSuggested] = useState<Station | null>(null)

  // Asked alongside the profile, not after it: the server finds "your university's station" from who is
  // asking, so on a slow network the list costs one round trip, not two.
  const identity = useIdentityKey(me)
  const list = usePagedList<Station>(
    async (cursor) => {
      const page = await listStations({ q: q || undefined, cursor, limit: 20 })
      if (!cursor) setSuggested(page.suggested)
      return page
    },
    `${q}|${identity}`,
  )

  usePullDownRefresh(() => {
    void list.reload(true).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })

  const search = (value: string) => setQ(value.trim())
  const clear = () => {
    setDraft('')
    setQ('')
  }
  const open = (station: Station) => void Taro.navigateTo({ url: stationUrl(station.id) })

  // The suggestion is shown on its own card; don't list it twice.
  const shownSuggestion = !q && suggested ? suggested : null
  const items = shownSuggestion ? list.items.filter((s) => s.id !== shownSuggestion.id) : list.items

  const renderList = () => {
    if (list.status === 'loading') return <StateView kind='loading' title='正在查找驿站…' />
    if (list.status === 'error') {
      return <StateView kind='error' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
    }
    if (items.length === 0 && !shownSuggestion) {
      return (
        <StateView
          kind='empty'
          title={q ? `没有找到“${q}”相关的驿站` : '还没有开放的驿站'}
          description={q ? '换个学校简称或城市试试；你的学校还没有驿站时，可以联系团市委筹建' : '团市委正在各高校筹建翼展驿站'}
          actionText={q ? '查看全部驿站' : undefined}
          onAction={q ? clear : undefined}
        />
      )
    }
    return (
      <View>
        {items.length > 0 ? <Text className='stations__heading'>{q ? `“${q}”的搜索结果` : '全部驿站'}</Text> : null}
        {items.map((station) => (
          <StationCard key={station.id} station={station} onOpen={open} />
        ))}
        <ListFooter list={list} />
      </View>
    )
  }

  return (
    <View className='page stations'>
      <View className='stations__search'>
        <Input
          id='stations-search'
          className='stations__input'
          value={draft}
          maxlength={40}
          confirmType='search'
          placeholder='搜索学校或城市，如 郑州大学、武汉'
          placeholderClass='stations__placeholder'
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={(e) => search(e.detail.value)}
        />
        {draft ? (
          <Pressable inline className='stations__clear' id='stations-search-clear' label='清除搜索词' onPress={clear}>
            ✕
          </Pressable>
        ) : null}
        <Pressable inline className='stations__go' id='stations-search-go' onPress={() => search(draft)}>
          搜索
        </Pressable>
      </View>

      {shownSuggestion ? (
        <View className='stations__suggested' id='stations-suggested'>
          <StationCard station={shownSuggestion} badge='你学校的驿站' onOpen={open} />
        </View>
      ) : null}
      {!q && me.status === 'ready' && !me.member && list.status === 'ready' ? (
        <Text className='hint stations__tip'>加入翼展联盟后，这里会优先推荐你学校的驿站</Text>
      ) : null}

      {renderList()}
    </View>
  )
}
