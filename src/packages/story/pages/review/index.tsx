import { useCallback } from 'react'
import { useDidShow, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Story } from '../../../../../types'
import ListPage from '@/components/list-page'
import StateView from '@/components/state-view'
import { useMe } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { fetchReviewQueue } from '@/features/story/api'
import StoryCard from '@/features/story/components/story-card'
import './index.scss'

/** Staff: stories awaiting the machine's image answer or a human, the machine's label on each. */
export default function StoryReviewPage() {
  const me = useMe()
  const staff = me.member?.role === 'staff'
  const fetchPage = useCallback((cursor?: string) => fetchReviewQueue(cursor), [])
  const list = usePagedList<Story>(staff ? fetchPage : null, staff ? 'staff' : '')
  useDidShow(() => void list.reload(true))
  useReachBottom(() => list.loadMore())

  if (me.loading) return <View className='page'><StateView kind='loading' /></View>
  if (!staff) return <View className='page' id='story-review-forbidden'><StateView kind='empty' title='仅团市委工作人员可以审核故事' /></View>
  return (
    <View className='page story-review'>
      <Text className='hint story-review__hint'>机器检测只是参考：每个故事都要人工审核后才会发布；标为“风险”的内容不会出现在这里。</Text>
      <ListPage list={list} id='story-queue' keyOf={(s) => s.id} renderItem={(s) => <StoryCard story={s} status />} empty={{ title: '没有待审核的故事' }} />
    </View>
  )
}
