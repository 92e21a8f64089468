import { useState } from 'react'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import { a11yProps } from '@/utils/a11y-props'
import { POLICY_CATEGORIES, type PolicyCategoryId } from '../../../types'
import ListPage from '@/components/list-page'
import SearchBar from '@/components/search-bar'
import { useMe } from '@/hooks/use-me'
import { searchPolicies } from '../../features/policy/api'
import FilterPanel, { type Filters } from '../../features/policy/components/filter-panel'
import MatchSection from '../../features/policy/components/match-section'
import PolicyCard from '../../features/policy/components/policy-card'
import { demandsUrl, policyUrl } from '../../features/policy/urls'
import { useListPageEvents } from '@/hooks/use-list-page-events'
import { usePagedList } from '@/hooks/use-paged-list'
import './index.scss'

type Tab = 'all' | PolicyCategoryId
const TABS: { id: Tab; name: string }[] = [{ id: 'all', name: '全部' }, ...POLICY_CATEGORIES]

/** 政策 tab: Zhumadian's talent policies by category, searchable in Chinese, open to everyone. */
export default function PoliciesPage() {
  const me = useMe()
  const [tab, setTab] = useState<Tab>('all')
  const [q, setQ] = useState('')
  const [filters, setFilters] = useState<Filters>({})
  const [tag, setTag] = useState('')

  const params = { q: q || undefined, category: tab === 'all' ? undefined : tab, tag: tag || undefined, ...filters }
  const key = JSON.stringify(params)
  // usePagedList reads the fetcher through a ref and refetches when `key` changes.
  const fetchPage = (cursor?: string) => searchPolicies({ ...params, cursor, limit: 20 })
  const list = usePagedList(fetchPage, key)

  useListPageEvents(list, { alsoRefresh: me.refresh })
  useShareAppMessage(() => ({ title: '驻马店招才引智政策', path: '/pages/policies/index' }))

  const search = (text: string) => setQ(text.trim())
  const open = (id: string) => void Taro.navigateTo({ url: policyUrl(id) })
  const browsing = !q && !tag && tab === 'all' && Object.keys(filters).every((k) => !filters[k as keyof Filters])

  const renderList = () => (
    <ListPage
      list={list}
      id='policy-list'
      keyOf={(hit) => hit.id}
      errorTitle='政策加载失败'
      empty={{
        title: q ? `没有找到与“${q}”相关的政策` : '这里还没有政策',
        description: q ? '换个说法试试，比如“安家费”“博士 补贴”“生物医药”' : '团市委发布后会出现在这里',
      }}
      renderItem={(hit) => <PolicyCard hit={hit} onOpen={open} onTag={setTag} />}
    />
  )

  return (
    <View className='page policies'>
      <SearchBar id='policy-search' placeholder='搜索政策，如 安家费、博士 补贴' onSearch={search} />

      <View className='policies__tabs' {...a11yProps('tablist')}>
        {TABS.map((t) => (
          <Pressable
            key={t.id}
            id={`policy-tab-${t.id}`}
            role='tab'
            selected={tab === t.id}
            className={`policies__tab${tab === t.id ? ' policies__tab--on' : ''}`}
            onPress={() => setTab(t.id)}
          >
            {t.name}
          </Pressable>
        ))}
      </View>

      <FilterPanel value={filters} onChange={setFilters} withCounty withInEffect />

      {tag ? (
        <View className='policies__tag-filter' id='policy-tag-filter'>
          <Text>只看标签 #{tag}</Text>
          <Pressable inline className='policies__tag-clear' id='policy-tag-clear' label='清除标签筛选' onPress={() => setTag('')}>
            清除
          </Pressable>
        </View>
      ) : null}

      {browsing ? (
        <Pressable role='link' className='policies__demands' id='open-demands' onPress={() => void Taro.navigateTo({ url: demandsUrl() })}>
          <View className='policies__demands-body'>
            <Text className='policies__demands-title'>岗位需求</Text>
            <Text className='policies__demands-text'>驻马店企事业单位正在招人，登记意向由团市委帮你对接</Text>
          </View>
          <Text className='policies__demands-go'>去看看 ›</Text>
        </Pressable>
      ) : null}

      {browsing && me.member ? <MatchSection refreshKey={me.member.updatedAt} /> : null}

      {browsing ? <Text className='section-title'>全部政策</Text> : q ? <Text className='hint policies__count'>“{q}”的搜索结果</Text> : null}
      {renderList()}
    </View>
  )
}
