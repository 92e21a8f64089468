import { useCallback, useRef } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import StateView from '../../components/state-view'
import { useMe } from '@/hooks/use-me'
import { myFavorites } from '../../features/policy/api'
import PolicyCard from '../../features/policy/components/policy-card'
import { policiesUrl, policyUrl } from '../../features/policy/urls'
import ListFooter from '@/components/list-footer'
import { usePagedList } from '@/hooks/use-paged-list'

/** 我的收藏: the policies I saved, newest first; unfavourited ones drop out when I come back. */
export default function FavoritesPage() {
  const me = useMe()
  const fetchPage = useCallback((cursor?: string) => myFavorites(cursor), [])
  const list = usePagedList(me.member ? fetchPage : null, me.member?.openid ?? '')

  // Coming back from a policy page: it may have been unfavourited there.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && me.member) void list.reload(true)
    shown.current = true
  })
  usePullDownRefresh(() => {
    void list.reload(true).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void list.loadMore())

  const body = () => {
    if (me.loading && !me.member) return <StateView kind='loading' />
    if (!me.member) return <StateView kind='empty' title='加入翼展联盟后可以收藏政策' actionText='去看看政策' onAction={() => void Taro.switchTab({ url: policiesUrl() })} />
    if (list.status === 'loading') return <StateView kind='loading' />
    if (list.status === 'error') {
      return <StateView kind='error' title='收藏加载失败' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
    }
    if (list.items.length === 0) {
      return (
        <StateView
          kind='empty'
          title='还没有收藏的政策'
          description='在政策详情页点“☆ 收藏”，就能在这里随时查看'
          actionText='去看看政策'
          onAction={() => void Taro.switchTab({ url: policiesUrl() })}
        />
      )
    }
    return (
      <View id='favorite-list'>
        {list.items.map((hit) => (
          <PolicyCard key={hit.id} hit={hit} onOpen={(id) => void Taro.navigateTo({ url: policyUrl(id) })} />
        ))}
        <ListFooter list={list} />
      </View>
    )
  }

  return <View className='page'>{body()}</View>
}
