import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { InboxNotice } from '../../../types'
import StateView from '../../components/state-view'
import { formatTime } from '../../features/activity/labels'
import { readNotice } from '../../features/notice/api'
import NoticeBody from '../../features/notice/components/notice-body'
import { refreshUnread } from '../../features/notice/unread'
import { ApiCallError, errorMessage } from '../../services/api'
import './index.scss'

type Load = { status: 'loading' } | { status: 'error'; message: string; gone: boolean } | { status: 'ready'; notice: InboxNotice }

const LINKS = {
  activity: { text: '查看活动', url: (id: string) => `/pages/activity/index?id=${encodeURIComponent(id)}` },
  policy: { text: '查看政策', url: (id: string) => `/pages/policy/index?id=${encodeURIComponent(id)}` },
} as const

/** One notice of my inbox: opening it marks it read. */
export default function NoticePage() {
  const id = useRouter().params.id ?? ''
  const [load, setLoad] = useState<Load>({ status: 'loading' })

  const open = () => {
    if (!id) {
      setLoad({ status: 'error', message: '没有找到这条通知', gone: true })
      return
    }
    setLoad({ status: 'loading' })
    readNotice(id)
      .then((notice) => {
        setLoad({ status: 'ready', notice })
        void refreshUnread(true)
      })
      .catch((error: unknown) => {
        const gone = error instanceof ApiCallError && error.code === 'NOT_FOUND'
        setLoad({ status: 'error', message: gone ? '它可能已被发送方撤回' : errorMessage(error), gone })
      })
  }
  useEffect(open, [id])

  if (load.status === 'loading') return <StateView kind='loading' />
  if (load.status === 'error') {
    return load.gone ? (
      <StateView kind='empty' title='这条通知已不存在' description={load.message} />
    ) : (
      <StateView kind='error' description={load.message} actionText='重试' onAction={open} />
    )
  }
  const { notice } = load
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
