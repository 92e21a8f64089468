import { useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom, useShareAppMessage } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import StateView from '../../components/state-view'
import { listDemands } from '../../features/policy/api'
import DemandCard from '../../features/policy/components/demand-card'
import FilterPanel, { type Filters } from '../../features/policy/components/filter-panel'
import { demandUrl } from '../../features/policy/urls'
import ListFooter from '@/components/list-footer'
import { usePagedList } from '@/hooks/use-paged-list'
import '../policies/index.scss'

/** 岗位需求: jobs in Zhumadian that the league brokers, searchable, by field and degree. */
export default function DemandsPage() {
  const [draft, setDraft] = useState('')
  const [q, setQ] = useState('')
  const [filters, setFilters] = useState<Filters>({})

  const params = { q: q || undefined, field: filters.field, degree: filters.degree }
  const key = JSON.stringify(params)
  // usePagedList reads the fetcher through a ref and refetches when `key` changes.
  const fetchPage = (cursor?: string) => listDemands({ ...params, cursor, limit: 20 })
  const list = usePagedList(fetchPage, key)

  usePullDownRefresh(() => {
    void list.reload(true).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void list.loadMore())
  useShareAppMessage(() => ({ title: '驻马店岗位需求', path: '/pages/demands/index' }))

  const renderList = () => {
    if (list.status === 'loading') return <StateView kind='loading' />
    if (list.status === 'error') {
      return <StateView kind='error' title='岗位加载失败' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
    }
    if (list.items.length === 0) {
      return <StateView kind='empty' title={q ? `没有找到与“${q}”相关的岗位` : '暂时没有开放的岗位'} description='换个条件试试，新的岗位发布后会出现在这里' />
    }
    return (
      <View id='demand-list'>
        {list.items.map((d) => (
          <DemandCard key={d.id} demand={d} onOpen={(id) => void Taro.navigateTo({ url: demandUrl(id) })} />
        ))}
        <ListFooter list={list} />
      </View>
    )
  }

  return (
    <View className='page policies'>
      <View className='policies__search'>
        <Input
          id='demand-search'
          className='policies__input'
          type='text'
          confirmType='search'
          placeholder='搜索单位或岗位'
          placeholderClass='policies__placeholder'
          value={draft}
          maxlength={40}
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={(e) => setQ(e.detail.value.trim())}
        />
        {draft ? (
          <Text
            className='policies__clear'
            onClick={() => {
              setDraft('')
              setQ('')
            }}
          >
            ×
          </Text>
        ) : null}
        <Text className='policies__go' id='demand-search-go' onClick={() => setQ(draft.trim())}>
          搜索
        </Text>
      </View>
      <FilterPanel value={filters} onChange={setFilters} />
      <Text className='hint policies__count'>感兴趣的岗位点“我感兴趣”，由团市委与用人单位对接，不公开你的联系方式。</Text>
      {renderList()}
    </View>
  )
}
