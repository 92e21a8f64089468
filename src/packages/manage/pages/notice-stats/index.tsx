import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { Notice, NoticeStats } from '../../../../../types'
import StateView from '../../../../components/state-view'
import { formatTime } from '../../../../features/activity/labels'
import { useLoad } from '@/hooks/use-load'
import { useMe } from '@/hooks/use-me'
import { fetchNoticeStats, withdrawNotice } from '../../../../features/notice/api'
import NoticeBody from '../../../../features/notice/components/notice-body'
import { NOTICE_STATUS_NAMES, NOTICE_STATUS_TONES, pushErrorText } from '../../../../features/notice/labels'
import { rememberNotices, rememberedNotice } from '../../../../features/notice/store'
import { ApiCallError, errorMessage } from '../../../../services/api'
import '../../../../features/activity/activity.scss'
import './index.scss'

/** One notice's delivery: 送达, 已读, pushes and their failures; withdraw it. */
export default function NoticeStatsPage() {
  const id = useRouter().params.id ?? ''
  const me = useMe()
  const [notice, setNotice] = useState<Notice | null>(() => rememberedNotice(id))
  const [busy, setBusy] = useState(false)

  const load = useLoad<NoticeStats>(async () => {
    if (!id) throw new ApiCallError('NOT_FOUND', '没有找到这条通知')
    const stats = await fetchNoticeStats(id)
    setNotice(stats.notice)
    return stats
  }, id)
  usePullDownRefresh(() => {
    void load.reload(true).finally(() => Taro.stopPullDownRefresh())
  })

  const withdraw = async () => {
    if (busy) return
    const { confirm } = await Taro.showModal({
      title: '撤回通知',
      content: '撤回后，这条通知会从所有收件人的通知公告消失，无法恢复。已推送的微信提醒无法收回。',
      confirmText: '撤回',
      confirmColor: '#C8161D',
      cancelText: '不撤回',
    })
    if (!confirm) return
    setBusy(true)
    try {
      const next = await withdrawNotice(id)
      rememberNotices([next])
      setNotice(next)
      void Taro.showToast({ title: '已撤回', icon: 'success' })
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 2500 })
    } finally {
      setBusy(false)
    }
  }

  if (load.status === 'error') return <StateView kind='error' description={load.error ?? undefined} actionText='重试' onAction={() => void load.reload()} />
  const stats = load.data
  if (me.loading || !stats) return <StateView kind='loading' />
  const failed = stats.pushFailures.reduce((sum, f) => sum + f.count, 0)
  const figures = [
    { key: 'recipients', label: '送达', value: stats.recipients },
    { key: 'read', label: '已读', value: stats.read },
    { key: 'pushed', label: '推送成功', value: stats.pushed },
    { key: 'failed', label: '推送失败', value: failed },
  ]
  const readRate = stats.recipients > 0 ? Math.round((stats.read / stats.recipients) * 100) : 0

  return (
    <View className='page notice-stats'>
      {notice ? (
        <View className='card'>
          <View className='ns-head'>
            <Text className='ns-head__title' id='ns-title'>
              {notice.title}
            </Text>
            <Text className={`badge badge--${NOTICE_STATUS_TONES[notice.status]}`} id='ns-status'>
              {NOTICE_STATUS_NAMES[notice.status]}
            </Text>
          </View>
          <Text className='hint ns-head__meta'>
            {notice.status === 'scheduled' ? `定时 ${formatTime(notice.sendAt)} 发送` : formatTime(notice.sendAt)} · {notice.senderLabel}
          </Text>
          <NoticeBody body={notice.body} />
        </View>
      ) : null}

      <View className='card'>
        <Text className='section-title'>送达情况</Text>
        <View className='ns-figures' id='ns-figures'>
          {figures.map((f) => (
            <View key={f.key} className='ns-figure' id={`ns-${f.key}`}>
              <Text className='ns-figure__value'>{f.value}</Text>
              <Text className='ns-figure__label'>{f.label}</Text>
            </View>
          ))}
        </View>
        <Text className='hint ns-note'>
          {stats.recipients > 0 ? `已读率 ${readRate}%。` : ''}送达指发送时符合条件的成员人数；推送是成员订阅后收到的微信提醒。
        </Text>
      </View>

      {stats.pushFailures.length > 0 ? (
        <View className='card' id='ns-failures'>
          <Text className='section-title'>推送失败原因</Text>
          {stats.pushFailures.map((f) => (
            <View className='kv' key={f.errcode}>
              <Text className='kv__k'>错误码 {f.errcode}</Text>
              <Text className='kv__v'>
                {pushErrorText(f.errcode)} · {f.count} 人
              </Text>
            </View>
          ))}
          <Text className='hint'>推送失败不影响送达：通知仍在成员的通知公告里。</Text>
        </View>
      ) : null}

      {notice && notice.status !== 'withdrawn' ? (
        <Button id='ns-withdraw' className='btn btn-plain ns-withdraw' loading={busy} disabled={busy || undefined} onClick={withdraw}>
          撤回通知
        </Button>
      ) : null}
      {notice?.withdrawnAt ? <Text className='hint ns-withdrawn'>已于 {formatTime(notice.withdrawnAt)} 撤回</Text> : null}
    </View>
  )
}
