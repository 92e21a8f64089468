import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Switch, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import ListPage from '@/components/list-page'
import SearchBar from '@/components/search-bar'
import StateView from '@/components/state-view'
import { useListPageEvents } from '@/hooks/use-list-page-events'
import { usePagedList } from '@/hooks/use-paged-list'
import { listPlatforms } from '../../../../features/platform/api'
import PlatformCard from '../../../../features/platform/components/platform-card'
import { platformEditUrl, platformImportUrl, platformUrl } from '../../../../features/platform/urls'
import { useIsStaff } from '../../use-staff'
import '../../platform.scss'

export default function PlatformManagePage() {
  const staff = useIsStaff()
  if (staff.loading) return <View className='page'><StateView kind='loading' /></View>
  if (!staff.isStaff) return <View className='page'><StateView kind='error' title='仅团市委工作人员可以使用' /></View>
  return <PlatformAdmin />
}

/** Staff: every platform (archived on request), new, import; a platform's page shows who came. */
function PlatformAdmin() {
  const [q, setQ] = useState('')
  const [includeArchived, setIncludeArchived] = useState(false)
  const list = usePagedList((cursor) => listPlatforms({ q: q || undefined, includeArchived, cursor, limit: 20 }), `${q}|${includeArchived}`)
  useListPageEvents(list, { reloadOnShow: true })

  return (
    <View className='page platforms'>
      <SearchBar id='platform-manage-search' placeholder='搜索平台、依托单位' onSearch={setQ} />
      <View className='platforms__filters'>
        <View>
          <Switch checked={includeArchived} nativeProps={{ 'aria-label': '显示已归档的平台' }} color='#C8161D' onChange={(e) => setIncludeArchived(e.detail.value)} />
          <Pressable inline onPress={() => setIncludeArchived((v) => !v)}> 显示已归档</Pressable>
        </View>
        <Button id='platform-new' className='btn btn-primary' onClick={() => void Taro.navigateTo({ url: platformEditUrl() })}>
          新建平台
        </Button>
        <Button id='platform-import' className='btn btn-ghost' onClick={() => void Taro.navigateTo({ url: platformImportUrl() })}>
          从表格批量导入
        </Button>
      </View>
      <ListPage
        list={list}
        id='platform-manage-list'
        keyOf={(p) => p.id}
        empty={{ title: q ? `没有找到“${q}”相关的平台` : '还没有创新平台', description: '可以新建，或从表格批量导入' }}
        renderItem={(p) => <PlatformCard platform={p} onOpen={() => void Taro.navigateTo({ url: platformUrl(p.id) })} />}
      />
    </View>
  )
}
