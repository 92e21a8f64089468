import { useCallback, useState } from 'react'
import Taro, { useDidShow, useReachBottom, useShareAppMessage } from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { PublicStory, Story } from '../../../../../types'
import ListPage from '@/components/list-page'
import { useMe } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { a11yProps } from '@/utils/a11y-props'
import { fetchMyStories, fetchStoryFeed } from '@/features/story/api'
import StoryCard from '@/features/story/components/story-card'
import { storyEditUrl } from '@/features/story/format'
import './index.scss'

type Tab = 'all' | 'mine'

/** 故事: every published story (featured first), and for members the ones they wrote or are about. */
export default function StoryFeedPage() {
  const me = useMe()
  const [tab, setTab] = useState<Tab>('all')
  const signedIn = Boolean(me.member)
  const fetchPage = useCallback((cursor?: string): Promise<{ items: (PublicStory | Story)[]; nextCursor: string | null }> => (tab === 'mine' ? fetchMyStories(cursor) : fetchStoryFeed(cursor)), [tab])
  const list = usePagedList<PublicStory | Story>(tab === 'mine' && !signedIn ? null : fetchPage, `${tab}:${me.member?.openid ?? ''}`)

  useDidShow(() => void list.reload(true))
  useReachBottom(() => list.loadMore())
  useShareAppMessage(() => ({ title: '翼展联盟 · 青年人才故事', path: '/packages/story/pages/feed/index' }))

  return (
    <View className='page story-feed'>
      {signedIn ? (
        <View className='story-feed__bar'>
          <View className='story-feed__tabs' {...a11yProps('group')}>
            {(['all', 'mine'] as const).map((t) => (
              <Pressable inline key={t} id={`story-tab-${t}`} className={`story-feed__tab${tab === t ? ' story-feed__tab--on' : ''}`} role='checkbox' checked={tab === t} onPress={() => setTab(t)}>
                {t === 'all' ? '全部故事' : '我的故事'}
              </Pressable>
            ))}
          </View>
          <Button id='story-write' className='btn btn-primary story-feed__write' onClick={() => void Taro.navigateTo({ url: storyEditUrl() })}>
            写故事
          </Button>
        </View>
      ) : null}
      <ListPage
        list={list}
        id='story-list'
        keyOf={(s) => s.id}
        renderItem={(s) => <StoryCard story={s} status={tab === 'mine'} />}
        empty={tab === 'mine' ? { title: '你还没有故事', description: '写一写自己，或站长为你写的故事会出现在这里' } : { title: '还没有发布的故事' }}
      />
    </View>
  )
}
