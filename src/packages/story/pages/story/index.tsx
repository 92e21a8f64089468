import { useCallback, useState } from 'react'
import Taro, { useDidShow, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import type { PublicStory, Story, StoryView } from '../../../../../types'
import StateView from '@/components/state-view'
import { FormText } from '@/components/form-field'
import { useLoad } from '@/hooks/use-load'
import { useRequestId } from '@/hooks/use-request-id'
import { errorMessage } from '@/services/api'
import { coverUrl } from '@/services/upload'
import { consentToStory, featureStory, getStory, retractStory, reviewStory, submitStory } from '@/features/story/api'
import PosterSheet from '@/features/story/components/poster-sheet'
import { personLine, STORY_STATUS_NAMES, storyEditUrl, storyIdFrom } from '@/features/story/format'
import { inSinglePageMode } from '@/features/story/single-page'
import './index.scss'

const isFull = (s: PublicStory | Story): s is Story => 'status' in s

const SUGGESTION_NAMES = { pass: '通过', review: '需人工复核', risky: '风险' } as const

/** One story: read and share by anyone once published; its author, subject and reviewers act on it here. */
export default function StoryPage() {
  const id = storyIdFrom(useRouter().params)
  const single = inSinglePageMode()
  const load = useCallback(() => getStory(id), [id])
  const state = useLoad<StoryView>(id ? load : null, id)
  const [busy, setBusy] = useState(false)
  const [reason, setReason] = useState('')
  const submitId = useRequestId()
  const view = state.data
  const story = view?.story

  useDidShow(() => void state.reload(true))
  useShareAppMessage(() => ({ title: story?.title ?? '青年人才故事', path: `/packages/story/pages/story/index?id=${encodeURIComponent(id)}` }))
  useShareTimeline(() => ({ title: story?.title ?? '青年人才故事', query: `id=${encodeURIComponent(id)}` }))

  const act = async (run: () => Promise<Story>, done: string) => {
    if (busy) return
    setBusy(true)
    try {
      const next = await run()
      if (view) state.setData({ ...view, story: next, canEdit: next.status === 'draft' && view.canEdit, canConsent: false, canReview: false })
      void Taro.showToast({ title: done, icon: 'none' })
      void state.reload(true)
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  if (!id) return <View className='page'><StateView kind='empty' title='没有找到这个故事' description='链接不完整，请从故事列表进入' /></View>
  if (state.status === 'loading' && !view) return <View className='page'><StateView kind='loading' /></View>
  if (!view || !story) {
    return (
      <View className='page'>
        {state.errorCode === 'NOT_FOUND' ? (
          <StateView kind='empty' title='这个故事已撤下或不存在' />
        ) : (
          <StateView kind='error' title='故事加载失败' description={state.error ?? undefined} actionText='重试' onAction={() => void state.reload()} />
        )}
      </View>
    )
  }

  const full = isFull(story) ? story : null
  const photo = coverUrl(story.photo)
  const published = full ? full.status === 'published' : true

  return (
    <View className='page story-page' id='story-page'>
      <View className='card story-page__head'>
        {full ? (
          <Text className={`story-page__state story-page__state--${full.status}`} id='story-status'>
            {STORY_STATUS_NAMES[full.status]}
          </Text>
        ) : null}
        <Text className='story-page__title' id='story-title'>
          {story.title}
        </Text>
        <Text className='story-page__person'>{personLine(story.person)}</Text>
        {story.tags.length > 0 ? (
          <View className='story-page__tags'>
            {story.tags.map((t) => (
              <Text className='story-page__tag' key={t}>
                #{t}
              </Text>
            ))}
          </View>
        ) : null}
      </View>

      {full && (full.returnReason || full.textCheck || full.subjectConsent !== 'not_needed') ? (
        <View className='card story-page__review' id='story-checks'>
          {full.returnReason ? <Text className='story-page__reason' id='story-return-reason'>退回原因：{full.returnReason}</Text> : null}
          {full.textCheck ? (
            <Text className='story-page__check' id='story-text-check'>
              文字检测：{SUGGESTION_NAMES[full.textCheck.suggest]}（{full.textCheck.labelName}）
            </Text>
          ) : null}
          {full.photo && full.status !== 'draft' ? (
            <Text className='story-page__check' id='story-media-check'>
              图片检测：{full.mediaCheck ? `${SUGGESTION_NAMES[full.mediaCheck.suggest]}（${full.mediaCheck.labelName}）` : full.mediaTimedOut ? '30分钟未返回结果，请人工判断' : '等待结果'}
            </Text>
          ) : null}
          {full.subjectConsent !== 'not_needed' ? (
            <Text className='story-page__check' id='story-consent'>
              本人同意：{{ pending: '等待本人确认', given: '已同意', declined: '不同意', not_needed: '' }[full.subjectConsent]}
            </Text>
          ) : null}
        </View>
      ) : null}

      <View className='card'>
        {photo ? <Image className='story-page__photo' src={photo} mode='widthFix' nativeProps={{ alt: story.title }} /> : null}
        <Text className='story-page__body' id='story-body' userSelect>
          {story.body}
        </Text>
      </View>

      {single ? <Text className='hint story-page__single'>在小程序中打开“翼展联盟”，阅读更多青年人才故事。</Text> : null}

      {!single && view.canConsent ? (
        <View className='card story-page__actions'>
          <Text className='story-page__ask'>这篇故事写的是你。同意后，经团市委审核即可发布。</Text>
          <Button id='story-consent-agree' className='btn btn-primary' disabled={busy} onClick={() => void act(() => consentToStory(id, true), '已同意发布')}>
            同意发布
          </Button>
          <Button id='story-consent-decline' className='btn btn-plain' disabled={busy} onClick={() => void act(() => consentToStory(id, false), '已告知作者')}>
            不同意
          </Button>
        </View>
      ) : null}

      {!single && view.canEdit ? (
        <View className='card story-page__actions'>
          <Button id='story-submit' className='btn btn-primary' disabled={busy} onClick={() => void act(() => submitStory(id, submitId.idFor({ id })), '已提交，等待审核')}>
            {busy ? '正在检测…' : '提交审核'}
          </Button>
          <Button id='story-edit' className='btn btn-ghost' onClick={() => void Taro.navigateTo({ url: storyEditUrl(id) })}>
            修改
          </Button>
        </View>
      ) : null}

      {!single && view.canReview ? (
        <View className='card story-page__actions'>
          <Button id='story-approve' className='btn btn-primary' disabled={busy} onClick={() => void act(() => reviewStory({ id, decision: 'approve' }), '已发布')}>
            审核通过并发布
          </Button>
          <FormText id='story-reject-reason' value={reason} onChange={setReason} maxlength={200} placeholder='退回原因（退回时必填）' />
          <Button id='story-reject' className='btn btn-ghost' disabled={busy || reason.trim() === ''} onClick={() => void act(() => reviewStory({ id, decision: 'reject', reason }), '已退回作者')}>
            退回修改
          </Button>
        </View>
      ) : null}

      {!single && full && full.status === 'published' ? (
        <View className='card story-page__actions'>
          <FormText id='story-retract-reason' value={reason} onChange={setReason} maxlength={200} placeholder='撤下原因（选填）' />
          {view.canFeature ? (
            <Button id='story-feature' className='btn btn-ghost' disabled={busy} onClick={() => void act(() => featureStory(id, !full.featured, full.featured ? 0 : 1), full.featured ? '已取消置顶' : '已置顶')}>
              {full.featured ? '取消置顶（工作人员）' : '置顶（工作人员）'}
            </Button>
          ) : null}
          <Button id='story-retract' className='btn btn-plain' disabled={busy} onClick={() => void act(() => retractStory(id, reason.trim() || '作者或工作人员撤下'), '已撤下')}>
            撤下故事
          </Button>
        </View>
      ) : null}

      {!single && published && story ? <PosterSheet story={story} /> : null}
    </View>
  )
}
