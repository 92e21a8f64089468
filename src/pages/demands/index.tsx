import { useState } from 'react'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import ListPage from '@/components/list-page'
import SearchBar from '@/components/search-bar'
import { listDemands } from '../../features/policy/api'
import DemandCard from '../../features/policy/components/demand-card'
import FilterPanel, { type Filters } from '../../features/policy/components/filter-panel'
import { demandUrl } from '../../features/policy/urls'
import { useListPageEvents } from '@/hooks/use-list-page-events'
import { usePagedList } from '@/hooks/use-paged-list'
import '../policies/index.scss'

/** 岗位需求: jobs in Zhumadian that the league brokers, searchable, by field and degree. */
export default function DemandsPage() {
  const [q, setQ] = useState('')
  const [filters, setFilters] = useState<Filters>({})

  const params = { q: q || undefined, field: filters.field, degree: filters.degree }
  const key = JSON.stringify(params)
  // usePagedList reads the fetcher through a ref and refetches when `key` changes.
  const fetchPage = (cursor?: string) => listDemands({ ...params, cursor, limit: 20 })
  const list = usePagedList(fetchPage, key)

  useListPageEvents(list)
  useShareAppMessage(() => ({ title: '驻马店岗位需求', path: '/pages/demands/index' }))

  const renderList = () => (
    <ListPage
      list={list}
      id='demand-list'
      keyOf={(d) => d.id}
      errorTitle='岗位加载失败'
      empty={{ title: q ? `没有找到与“${q}”相关的岗位` : '暂时没有开放的岗位', description: '换个条件试试，新的岗位发布后会出现在这里' }}
      renderItem={(d) => <DemandCard demand={d} onOpen={(id) => void Taro.navigateTo({ url: demandUrl(id) })} />}
    />
  )

  return (
    <View className='page policies'>
      <SearchBar id='demand-search' placeholder='搜索单位或岗位' onSearch={setQ} />
      <FilterPanel value={filters} onChange={setFilters} />
      <Text className='hint policies__count'>感兴趣的岗位点“我感兴趣”，由团市委与用人单位对接，不公开你的联系方式。</Text>
      {renderList()}
    </View>
  )
}
