import { COUNTIES, type StoryPerson, type StoryStatus } from '../../../types'

export const STORY_STATUS_NAMES: Record<StoryStatus, string> = {
  draft: '草稿',
  submitted: '检测中',
  machine_check: '图片检测中',
  human_review: '待审核',
  published: '已发布',
  retracted: '已撤下',
}

export const countyName = (id: string) => COUNTIES.find((c) => c.id === id)?.name ?? id

/** `李明 · 遂平县 · 郑州大学` */
export const personLine = (p: StoryPerson) => [p.name, countyName(p.county), p.university].filter(Boolean).join(' · ')

export const storyUrl = (id: string) => `/packages/story/pages/story/index?id=${encodeURIComponent(id)}`
export const storyFeedUrl = () => '/packages/story/pages/feed/index'
export const storyEditUrl = (id?: string) => `/packages/story/pages/edit/index${id ? `?id=${encodeURIComponent(id)}` : ''}`
export const storyReviewUrl = () => '/packages/story/pages/review/index'

/** The id of a story page's link: `?id=…`, or the mini-program code's `scene=s=<id>`. */
export function storyIdFrom(params: Record<string, string | undefined>): string {
  if (params.id) return params.id
  const scene = params.scene ? decodeURIComponent(params.scene) : ''
  return scene.startsWith('s=') ? scene.slice(2) : ''
}
