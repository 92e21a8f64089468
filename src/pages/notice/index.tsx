import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { InboxNotice, NoticeLinkKind } from '../../../types'
import StateView from '../../components/state-view'
import { formatTime } from '../../features/activity/labels'
import { readNotice } from '../../features/notice/api'
import NoticeBody from '../../features/notice/components/notice-body'
import { refreshUnread } from '../../features/notice/unread'
import { useLoad } from '../../hooks/use-load'
import { ApiCallError } from '../../services/api'
import './index.scss'

/** Where each kind of notice link opens (every kind has one: tsc checks). */
const LINKS: Record<NoticeLinkKind, { text: string; url: (id: string) => string }> = {
  activity: { text: '查看活动', url: (id: string) => `/pages/activity/index?id=${encodeURIComponent(id)}` },
  policy: { text: '查看政策', url: (id: string) => `/pages/policy/index?id=${encodeURIComponent(id)}` },
  survey: { text: '去填写问卷', url: (id: string) => `/packages/survey/pages/answer/index?id=${encodeURIComponent(id)}` },
  honour: { text: '查看我的提名', url: (id: string) => `/packages/honour/pages/index/index?nomination=${encodeURIComponent(id)}` },
}

/** One notice of my inbox: opening it marks it read. */
export default function NoticePage() {
  const id = useRouter().params.id ?? ''
  // Opening it marks it read, and the badge follows.
  const load = useLoad(
    id
      ? () =>
          readNotice(id).then((notice) => {
            void refreshUnread(true)
            return notice
          })
      : async (): Promise<InboxNotice> => {
          throw new ApiCallError('NOT_FOUND', '没有找到这条通知')
        },
    id,
  )

  if (load.status === 'loading') return <StateView kind='loading' />
  if (load.status === 'error' || !load.data) {
    return load.errorCode === 'NOT_FOUND' ? (
      <StateView kind='empty' title='这条通知已不存在' description='它可能已被发送方撤回' />
    ) : (
      <StateView kind='error' description={load.error ?? ''} actionText='重试' onAction={() => void load.reload()} />
    )
  }
  const notice = load.data
  const link = notice.link ? LINKS[notice.link.kind] : null
  return (
    <View className='page notice-page' id='notice-page'>
      <View className='card'>
        <Text className='notice-page__title' id='notice-title'>
          {notice.title}
        </Text>
        <View className='notice-page__meta'>
          <Text className='notice-page__sender'>{notice.senderLabel}</Text>
          <Text className='hint'>{formatTime(notice.sendAt)}</Text>
        </View>
        <NoticeBody body={notice.body} />
      </View>
      {link && notice.link ? (
        <Button id='notice-link' className='btn btn-primary' onClick={() => Taro.navigateTo({ url: link.url(notice.link?.id ?? '') })}>
          {link.text}
        </Button>
      ) : null}
    </View>
  )
}
