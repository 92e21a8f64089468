import { Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { PolicyHit } from '../../../../../types'
import { categoryName, dayText, isExpired } from '../../format'
import Highlighted from '../highlighted'
import WhyTags from '../why-tags'
import './index.scss'

export interface PolicyCardProps {
  hit: PolicyHit
  /** Small tags saying why it was matched to me (与我相关). */
  why?: readonly string[]
  /** Staff lists show drafts as such. */
  showStatus?: boolean
  /** Prefix of the card's id (`<idPrefix>-<id>`): one id per page, even when a policy shows twice. */
  idPrefix?: string
  onOpen: (id: string) => void
  /** Tapping a tag lists the policies with that tag; without it tags are plain text. */
  onTag?: (tag: string) => void
}

/** One policy in a list: its category, the title and the snippet with the search hits marked. */
export default function PolicyCard({ hit, why, showStatus, idPrefix = 'policy', onOpen, onTag }: PolicyCardProps) {
  const snippet = hit.snippet.length > 0 ? hit.snippet : [{ text: hit.summary, hit: false }]
  return (
    <View className='policy-card' id={`${idPrefix}-${hit.id}`}>
      {/* The card opens the policy; its tags (below, outside it) filter the list: no control inside another. */}
      <Pressable role='link' className='policy-card__main' id={`${idPrefix}-${hit.id}-open`} onPress={() => onOpen(hit.id)}>
        <View className='policy-card__head'>
          <Text className={`policy-card__cat policy-card__cat--${hit.category}`}>{categoryName(hit.category)}</Text>
          {showStatus ? (
            <Text className={`policy-card__status policy-card__status--${hit.status}`}>{hit.status === 'published' ? '已发布' : '草稿'}</Text>
          ) : null}
          {isExpired(hit.effectiveUntil) ? <Text className='policy-card__status'>已失效</Text> : null}
        </View>
        <Highlighted className='policy-card__title' parts={hit.titleParts.length > 0 ? hit.titleParts : [{ text: hit.title, hit: false }]} />
        <Highlighted className='policy-card__snippet' parts={snippet} />
        {why && why.length > 0 ? <WhyTags why={why} /> : null}
      </Pressable>
      {hit.tags.length > 0 ? (
        <View className='policy-card__tags'>
          {hit.tags.map((tag) =>
            onTag ? (
              <Pressable
                inline
                key={tag}
                className='policy-card__tag policy-card__tag--link'
                id={`${idPrefix}-${hit.id}-tag-${tag}`}
                label={`只看标签：${tag}`}
                onPress={() => onTag(tag)}
              >
                #{tag}
              </Pressable>
            ) : (
              <Text key={tag} className='policy-card__tag' id={`${idPrefix}-${hit.id}-tag-${tag}`}>
                #{tag}
              </Text>
            ),
          )}
        </View>
      ) : null}
      <View className='policy-card__meta'>
        {hit.issuer ? <Text className='policy-card__issuer'>{hit.issuer}</Text> : null}
        {hit.effectiveUntil ? <Text>有效期至 {dayText(hit.effectiveUntil)}</Text> : null}
      </View>
    </View>
  )
}
