import { useCallback } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import StateView from '@/components/state-view'
import { useLoad } from '@/hooks/use-load'
import { fetchStoryFeed } from '../../api'
import { storyFeedUrl } from '../../format'
import StoryCard from '../story-card'
import './index.scss'

/** 首页 card: the first stories of the feed (featured first), and the way to all of them. */
export default function HomeStories() {
  const load = useCallback(() => fetchStoryFeed(undefined, 3), [])
  const state = useLoad(load, 'home-stories')
  const open = () => void Taro.navigateTo({ url: storyFeedUrl() })
  return (
    <View className='home-stories' id='home-stories'>
      <View className='home-stories__head'>
        <Text className='section-title home-stories__title'>青年人才故事</Text>
        <Pressable inline className='home-stories__more' id='home-stories-more' onPress={open}>
          全部故事 ›
        </Pressable>
      </View>
      {state.status === 'loading' ? <StateView kind='loading' /> : null}
      {state.status === 'error' ? <StateView kind='error' description={state.error ?? undefined} actionText='重试' onAction={() => void state.reload()} /> : null}
      {state.data && state.data.items.length === 0 ? <StateView kind='empty' title='还没有故事' description='身边返乡、扎根驻马店的青年，等你来讲述' /> : null}
      {state.data?.items.map((story) => <StoryCard key={story.id} story={story} />)}
    </View>
  )
}
