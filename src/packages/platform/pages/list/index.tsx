import { useState } from 'react'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import { PLATFORM_KINDS, type CountyId, type PlatformKindId } from '../../../../../types'
import ChoiceChips from '@/components/choice-chips'
import ListPage from '@/components/list-page'
import SearchBar from '@/components/search-bar'
import { useListPageEvents } from '@/hooks/use-list-page-events'
import { useMe } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { useTaxonomy } from '@/hooks/use-taxonomy'
import { listPlatforms } from '../../../../features/platform/api'
import PlatformCard from '../../../../features/platform/components/platform-card'
import { platformContactUrl, platformUrl } from '../../../../features/platform/urls'
import '../../platform.scss'

interface Filters {
  kind?: PlatformKindId
  county?: CountyId
  field?: string
  mine?: boolean
}

const MINE = [{ id: 'mine', name: '与我相关' }]

/** 家乡创新平台: the labs, centres, bases and studios of Zhumadian, searchable and filtered. */
export default function PlatformsPage() {
  const me = useMe()
  const tax = useTaxonomy()
  const [q, setQ] = useState('')
  const [filters, setFilters] = useState<Filters>({})
  const params = { q: q || undefined, ...filters }
  const list = usePagedList((cursor) => listPlatforms({ ...params, cursor, limit: 20 }), JSON.stringify(params))

  useListPageEvents(list)
  useShareAppMessage(() => ({ title: '驻马店家乡创新平台', path: '/packages/platform/pages/list/index' }))

  const toggle = <K extends keyof Filters>(key: K) => (id: string) =>
    setFilters((f) => ({ ...f, [key]: f[key] === id ? undefined : id }))
  const any = Object.values(filters).some(Boolean) || q

  return (
    <View className='page platforms'>
      <SearchBar id='platform-search' placeholder='搜索平台、依托单位' onSearch={setQ} />
      <View className='platforms__filters'>
        {me.member ? (
          <View className='platforms__mine'>
            <ChoiceChips
              idPrefix='platform-filter'
              items={MINE}
              selected={filters.mine ? ['mine'] : []}
              onToggle={() => setFilters((f) => ({ ...f, mine: f.mine ? undefined : true }))}
            />
          </View>
        ) : null}
        <Text className='platforms__label'>重点产业领域</Text>
        <ChoiceChips idPrefix='platform-field' items={tax.fields} selected={filters.field ? [filters.field] : []} onToggle={toggle('field')} />
        <Text className='platforms__label'>县区</Text>
        <ChoiceChips idPrefix='platform-county' items={tax.counties} selected={filters.county ? [filters.county] : []} onToggle={toggle('county')} />
        <Text className='platforms__label'>平台类型</Text>
        <ChoiceChips idPrefix='platform-kind' items={PLATFORM_KINDS} selected={filters.kind ? [filters.kind] : []} onToggle={toggle('kind')} />
      </View>
      <ListPage
        list={list}
        id='platform-list'
        keyOf={(p) => p.id}
        errorTitle='创新平台加载失败'
        empty={{
          title: any ? '没有符合条件的平台' : '还没有收录创新平台',
          description: any ? '换个领域、县区或类型试试' : '团市委正在整理家乡的重点实验室、创新中心和实践基地',
        }}
        renderItem={(p) => <PlatformCard platform={p} onOpen={() => void Taro.navigateTo({ url: platformUrl(p.id) })} />}
      />
      <Pressable inline role='link' className='hint platforms__contact' id='platform-contact-entry' onPress={() => void Taro.navigateTo({ url: platformContactUrl() })}>
        我是平台联系人：提交本平台的活动和岗位 ›
      </Pressable>
    </View>
  )
}
