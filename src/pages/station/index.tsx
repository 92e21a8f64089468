import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, Text, Textarea, View } from '@tarojs/components'
import type { StationView } from '../../../types'
import StateView from '../../components/state-view'
import DemoBanner from '../../features/demo/components/demo-banner'
import { useDemo } from '../../features/demo/hooks/use-demo'
import { openDemoLogin } from '../../features/demo/session'
import { useMe } from '@/hooks/use-me'
import { useRequestId } from '@/hooks/use-request-id'
import { refreshMe } from '@/services/app-store'
import { cancelJoinRequest, getStation, leaveStation, requestToJoin } from '../../features/station/api'
import InvitePanel from '../../features/station/components/invite-panel'
import { useLoad } from '@/hooks/use-load'
import { stationIdFromParams } from '../../features/station/scene'
import { headHomeUrl, stationsUrl } from '../../features/station/urls'
import { errorMessage } from '../../services/api'
import { formatDate } from '../../utils/format'
import './index.scss'

const NOTE_MAX = 200
type Busy = 'join' | 'cancel' | 'leave' | null

/** A station: what it is, who runs it, and my way in (or out). Opened from lists and invites. */
export default function StationPage() {
  const { params } = useRouter()
  const stationId = stationIdFromParams(params)
  const me = useMe()
  const demo = useDemo()
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState<Busy>(null)
  const joinRequest = useRequestId()

  const station = useLoad<StationView>(stationId ? () => getStation(stationId) : null, `${stationId}|${me.member?.openid ?? ''}`)

  useDidShow(() => {
    if (stationId && station.status === 'ready') void station.reload(true)
  })
  usePullDownRefresh(() => {
    void Promise.all([station.reload(true), me.refresh()]).finally(() => Taro.stopPullDownRefresh())
  })

  const act = async (kind: Exclude<Busy, null>, run: () => Promise<unknown>, done: string) => {
    if (busy) return
    setBusy(kind)
    try {
      await run()
      void Taro.showToast({ title: done, icon: 'success' })
      await Promise.all([station.reload(true), refreshMe()])
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
      void station.reload(true)
    } finally {
      setBusy(null)
    }
  }

  const join = (s: StationView) => {
    const payload = { stationId: s.id, note: note.trim() }
    void act(
      'join',
      async () => {
        await requestToJoin(payload.stationId, payload.note, joinRequest.idFor(payload))
        joinRequest.done()
        setNote('')
      },
      '已提交申请',
    )
  }

  const cancel = (requestId: string) => void act('cancel', () => cancelJoinRequest(requestId), '已取消申请')

  const leave = async (s: StationView) => {
    if (busy) return
    const { confirm } = await Taro.showModal({
      title: '退出驿站',
      content: `确定退出${s.name}吗？退出后需要重新申请才能加入。`,
      confirmText: '退出',
      confirmColor: '#C8161D',
      cancelText: '再想想',
    })
    if (confirm) void act('leave', leaveStation, '已退出驿站')
  }

  const joinAlliance = () => {
    if (demo.enabled && !demo.session) openDemoLogin()
    else void Taro.navigateTo({ url: '/pages/join/index' })
  }

  if (!stationId) {
    return (
      <View className='page'>
        <StateView kind='empty' title='没有找到这个驿站' description='链接可能不完整，去驿站列表找一找吧' actionText='去找驿站' onAction={() => void Taro.redirectTo({ url: stationsUrl() })} />
      </View>
    )
  }
  if (station.status === 'loading' && !station.data) {
    return (
      <View className='page'>
        <StateView kind='loading' />
      </View>
    )
  }
  if (!station.data) {
    const missing = station.errorCode === 'NOT_FOUND'
    return (
      <View className='page'>
        <StateView
          kind={missing ? 'empty' : 'error'}
          title={missing ? '没有找到这个驿站' : '加载失败'}
          description={missing ? '它可能已被撤销，去驿站列表找一找吧' : station.error ?? undefined}
          actionText={missing ? '去找驿站' : '重试'}
          onAction={missing ? () => void Taro.redirectTo({ url: stationsUrl() }) : () => void station.reload()}
        />
      </View>
    )
  }

  const s = station.data
  const member = me.member
  const closed = s.status === 'closed'
  const request = s.myRequest

  const renderMyState = () => {
    if (me.loading) return <StateView kind='loading' title='正在确认你的身份…' />
    if (!member) {
      return (
        <View id='station-not-member'>
          <Text className='station-action__text'>驿站面向翼展联盟成员。先花 1 分钟加入联盟，再回来申请加入本站。</Text>
          <Button id='station-join-alliance' className='btn btn-primary' onClick={joinAlliance}>
            先加入翼展联盟
          </Button>
        </View>
      )
    }
    if (s.isMine) {
      return (
        <View id='station-mine'>
          <View className='station-action__status station-action__status--ok'>
            <Text>✓ 已加入本站</Text>
            {member.stationJoinedAt ? <Text className='station-action__since'>{formatDate(member.stationJoinedAt)}加入</Text> : null}
          </View>
          {member.role === 'station_head' ? (
            <Text className='hint' id='station-head-note'>
              你是本站站长。如需卸任或退出，请联系团市委。
            </Text>
          ) : (
            <Button id='station-leave' className='btn btn-plain' loading={busy === 'leave'} disabled={busy !== null || undefined} onClick={() => void leave(s)}>
              退出驿站
            </Button>
          )}
        </View>
      )
    }
    if (closed) {
      return (
        <View className='station-action__status' id='station-closed'>
          <Text>本驿站已关闭，暂不接受申请</Text>
        </View>
      )
    }
    if (request?.status === 'pending') {
      return (
        <View id='station-pending'>
          <View className='station-action__status station-action__status--wait'>
            <Text>申请已提交，等待站长审核</Text>
            <Text className='station-action__since'>{formatDate(request.createdAt)}提交</Text>
          </View>
          {request.note ? <Text className='station-action__note'>我的留言：{request.note}</Text> : null}
          <Button id='station-cancel' className='btn btn-ghost' loading={busy === 'cancel'} disabled={busy !== null || undefined} onClick={() => cancel(request.id)}>
            取消申请
          </Button>
        </View>
      )
    }
    if (member.stationId) {
      return (
        <View className='station-action__status' id='station-elsewhere'>
          <Text>你已加入其他驿站。一次只能加入一个驿站，如需更换请先在原驿站页面退出。</Text>
        </View>
      )
    }
    return (
      <View id='station-apply'>
        {request?.status === 'rejected' ? (
          <View className='station-action__status station-action__status--bad' id='station-rejected'>
            <Text>上次的申请未通过{request.reason ? `：${request.reason}` : ''}</Text>
            <Text className='station-action__since'>你可以补充说明后再次申请</Text>
          </View>
        ) : null}
        <Text className='station-action__label'>给站长留言（选填）</Text>
        <Textarea
          id='station-note'
          className='station-action__input'
          value={note}
          maxlength={NOTE_MAX}
          placeholder='例如：我是驿城区人，大二计算机专业'
          placeholderClass='station-action__placeholder'
          onInput={(e) => setNote(e.detail.value)}
        />
        <Text className='station-action__count'>
          {note.length}/{NOTE_MAX}
        </Text>
        <Button id='station-apply-submit' className='btn btn-primary' loading={busy === 'join'} disabled={busy !== null || undefined} onClick={() => join(s)}>
          <Text>{busy === 'join' ? '正在提交…' : '申请加入'}</Text>
        </Button>
      </View>
    )
  }

  return (
    <View className='page station'>
      <View className='station-hero'>
        <View>
          <Text className='station-hero__name' id='station-name'>
            {s.name}
          </Text>
          {closed ? <Text className='tag station-hero__tag'>已关闭</Text> : null}
          {s.isDemo ? <Text className='tag station-hero__tag'>示例</Text> : null}
        </View>
        <Text className='station-hero__where'>
          {s.university} · {s.city}
        </Text>
        <View className='station-hero__facts'>
          <View className='station-hero__fact'>
            <Text className='station-hero__num' id='station-member-count'>
              {s.memberCount}
            </Text>
            <Text className='station-hero__label'>成员</Text>
          </View>
          <View className='station-hero__fact'>
            <Text className='station-hero__num station-hero__num--text' id='station-head'>
              {s.headName ?? '暂无'}
            </Text>
            <Text className='station-hero__label'>站长</Text>
          </View>
        </View>
      </View>

      <DemoBanner />
      <View className='card station-action' id='station-action'>
        {renderMyState()}
      </View>

      {s.canManage ? (
        <Button id='station-workbench' className='btn btn-primary station-workbench' onClick={() => void Taro.navigateTo({ url: headHomeUrl(s.id) })}>
          进入站长工作台
        </Button>
      ) : null}

      {s.isMine || s.canManage ? (
        <View className='card'>
          <InvitePanel stationId={s.id} />
        </View>
      ) : null}

      <View className='card'>
        <Text className='section-title'>驿站简介</Text>
        <Text className='station-intro'>{s.intro || '站长还没有填写简介。'}</Text>
      </View>

      <View className='card'>
        <Text className='section-title'>驿站通知</Text>
        {s.recentNotices.length === 0 ? (
          <StateView kind='empty' title='暂无驿站通知' description='站长发布的通知会显示在这里' />
        ) : (
          s.recentNotices.map((n) => (
            <View className='station-notice' key={n.id}>
              <Text className='station-notice__title'>{n.title}</Text>
              <Text className='hint'>{formatDate(n.sentAt)}</Text>
            </View>
          ))
        )}
      </View>
    </View>
  )
}
