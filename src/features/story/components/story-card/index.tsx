import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { PublicStory, Story } from '../../../../../types'
import { coverUrl } from '@/services/upload'
import { personLine, STORY_STATUS_NAMES, storyUrl } from '../../format'
import './index.scss'

export interface StoryCardProps {
  story: PublicStory | Story
  /** Show the state (my stories, the review queue) and the machine's label (staff). */
  status?: boolean
}

/** A story in a list: cover, title, the person's county and university, tags. */
export default function StoryCard({ story, status }: StoryCardProps) {
  const photo = coverUrl(story.photo)
  const full = 'status' in story ? story : null
  return (
    <Pressable className='story-card' id={`story-${story.id}`} role='link' onPress={() => void Taro.navigateTo({ url: storyUrl(story.id) })}>
      {photo ? <Image className='story-card__cover' src={photo} mode='aspectFill' nativeProps={{ alt: story.title }} /> : null}
      <View className='story-card__body'>
        <View className='story-card__head'>
          {story.featured ? <Text className='story-card__badge'>置顶</Text> : null}
          {status && full ? <Text className={`story-card__state story-card__state--${full.status}`}>{STORY_STATUS_NAMES[full.status]}</Text> : null}
        </View>
        <Text className='story-card__title'>{story.title}</Text>
        <Text className='story-card__person'>{personLine(story.person)}</Text>
        {story.tags.length > 0 ? (
          <View className='story-card__tags'>
            {story.tags.map((t) => (
              <Text className='story-card__tag' key={t}>
                #{t}
              </Text>
            ))}
          </View>
        ) : null}
        {status && full?.textCheck ? (
          <Text className='story-card__check'>
            机器检测：{full.textCheck.suggest === 'pass' ? '通过' : full.textCheck.suggest === 'review' ? '需人工复核' : '风险'}（{full.textCheck.labelName}）
            {full.mediaCheck ? `；图片：${full.mediaCheck.labelName}` : full.mediaTimedOut ? '；图片30分钟未返回结果' : ''}
          </Text>
        ) : null}
        {status && full?.returnReason ? <Text className='story-card__reason'>退回原因：{full.returnReason}</Text> : null}
      </View>
    </Pressable>
  )
}
