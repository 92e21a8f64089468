import { useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom, useShareAppMessage } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { POLICY_CATEGORIES, type PolicyCategoryId } from '../../../types'
import StateView from '../../components/state-view'
import { useMe } from '@/hooks/use-me'
import { searchPolicies } from '../../features/policy/api'
import FilterPanel, { type Filters } from '../../features/policy/components/filter-panel'
import MatchSection from '../../features/policy/components/match-section'
import PolicyCard from '../../features/policy/components/policy-card'
import { demandsUrl, policyUrl } from '../../features/policy/urls'
import ListFooter from '@/components/list-footer'
import { usePagedList } from '@/hooks/use-paged-list'
import './index.scss'

type Tab = 'all' | PolicyCategoryId
const TABS: { id: Tab; name: string }[] = [{ id: 'all', name: '全部' }, ...POLICY_CATEGORIES]

/** 政策 tab: Zhumadian's talent policies by category, searchable in Chinese, open to everyone. */
export default function PoliciesPage() {
  const me = useMe()
  const [tab, setTab] = useState<Tab>('all')
  const [draft, setDraft] = useState('')
  const [q, setQ] = useState('')
  const [filters, setFilters] = useState<Filters>({})

  const params = { q: q || undefined, category: tab === 'all' ? undefined : tab, ...filters }
  const key = JSON.stringify(params)
  // usePagedList reads the fetcher through a ref and refetches when `key` changes.
  const fetchPage = (cursor?: string) => searchPolicies({ ...params, cursor, limit: 20 })
  const list = usePagedList(fetchPage, key)

  usePullDownRefresh(() => {
    void Promise.all([list.reload(true), me.refresh()]).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void list.loadMore())
  useShareAppMessage(() => ({ title: '驻马店招才引智政策', path: '/pages/policies/index' }))

  const search = (text: string) => setQ(text.trim())
  const open = (id: string) => void Taro.navigateTo({ url: policyUrl(id) })
  const browsing = !q && tab === 'all' && Object.keys(filters).every((k) => !filters[k as keyof Filters])

  const renderList = () => {
    if (list.status === 'loading') return <StateView kind='loading' />
    if (list.status === 'error') {
      return <StateView kind='error' title='政策加载失败' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
    }
    if (list.items.length === 0) {
      return (
        <StateView
          kind='empty'
          title={q ? `没有找到与“${q}”相关的政策` : '这里还没有政策'}
          description={q ? '换个说法试试，比如“安家费”“博士 补贴”“生物医药”' : '团市委发布后会出现在这里'}
        />
      )
    }
    return (
      <View id='policy-list'>
        {list.items.map((hit) => (
          <PolicyCard key={hit.id} hit={hit} onOpen={open} />
        ))}
        <ListFooter list={list} />
      </View>
    )
  }

  return (
    <View className='page policies'>
      <View className='policies__search'>
        <Input
          id='policy-search'
          className='policies__input'
          type='text'
          confirmType='search'
          placeholder='搜索政策，如 安家费、博士 补贴'
          placeholderClass='policies__placeholder'
          value={draft}
          maxlength={40}
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={(e) => search(e.detail.value)}
        />
        {draft ? (
          <Text
            className='policies__clear'
            id='policy-search-clear'
            onClick={() => {
              setDraft('')
              setQ('')
            }}
          >
            ×
          </Text>
        ) : null}
        <Text className='policies__go' id='policy-search-go' onClick={() => search(draft)}>
          搜索
        </Text>
      </View>

      <View className='policies__tabs'>
        {TABS.map((t) => (
          <Text
            key={t.id}
            id={`policy-tab-${t.id}`}
            aria-selected={tab === t.id}
            className={`policies__tab${tab === t.id ? ' policies__tab--on' : ''}`}
            onClick={() => setTab(t.id)}
          >
            {t.name}
          </Text>
        ))}
      </View>

      <FilterPanel value={filters} onChange={setFilters} withCounty withInEffect />

      {browsing ? (
        <View className='policies__demands' id='open-demands' onClick={() => void Taro.navigateTo({ url: demandsUrl() })}>
          <View className='policies__demands-body'>
            <Text className='policies__demands-title'>岗位需求</Text>
            <Text className='policies__demands-text'>驻马店企事业单位正在招人，登记意向由团市委帮你对接</Text>
          </View>
          <Text className='policies__demands-go'>去看看 ›</Text>
        </View>
      ) : null}

      {browsing && me.member ? <MatchSection refreshKey={me.member.updatedAt} /> : null}

      {browsing ? <Text className='section-title'>全部政策</Text> : q ? <Text className='hint policies__count'>“{q}”的搜索结果</Text> : null}
      {renderList()}
    </View>
  )
}
