import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { StationMember, StationView } from '../../../../../types'
import StateView from '../../../../components/state-view'
import { appointLeader, removeLeader, stationMembers } from '../../../../features/station/api'
import ListFooter from '@/components/list-footer'
import { usePagedList } from '@/hooks/use-paged-list'
import { errorMessage } from '../../../../services/api'

const ROLE_NAMES: Record<StationMember['role'], string> = { head: '站长', deputy: '副站长', member: '成员' }

export interface LeaderPickerProps {
  station: StationView
  onChanged: () => void
}

/** Appoint the head or deputies from the station's own members, or relieve them. */
export default function LeaderPicker({ station, onChanged }: LeaderPickerProps) {
  const [draft, setDraft] = useState('')
  const [q, setQ] = useState('')
  const [busy, setBusy] = useState<string | null>(null)
  const list = usePagedList<StationMember>((cursor) => stationMembers(station.id, { q }, cursor), `${station.id}|${q}`)

  const run = async (who: StationMember, confirmText: { title: string; content: string }, action: () => Promise<unknown>, done: string) => {
    if (busy) return
    const { confirm } = await Taro.showModal({ ...confirmText, confirmText: '确定', confirmColor: '#C8161D', cancelText: '取消' })
    if (!confirm) return
    setBusy(who.openid)
    try {
      await action()
      void Taro.showToast({ title: done, icon: 'success' })
      onChanged()
      await list.reload(true)
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  const appointHead = (m: StationMember) => {
    const replacing = station.headOpenid && station.headOpenid !== m.openid ? station.headName : null
    void run(
      m,
      {
        title: '任命站长',
        content: replacing
          ? `由${m.name}接任${station.name}站长，${replacing}将不再担任站长，立即失去站长权限。`
          : `任命${m.name}为${station.name}站长？`,
      },
      () => appointLeader(station.id, m.openid, 'head'),
      '已任命站长',
    )
  }
  const appointDeputy = (m: StationMember) =>
    void run(m, { title: '任命副站长', content: `任命${m.name}为${station.name}副站长？` }, () => appointLeader(station.id, m.openid, 'deputy'), '已任命副站长')
  const relieve = (m: StationMember) =>
    void run(
      m,
      { title: `免去${ROLE_NAMES[m.role]}`, content: `免去${m.name}的${ROLE_NAMES[m.role]}职务？对方仍是本站成员，但立即失去管理权限。` },
      () => removeLeader(station.id, m.openid),
      '已免去职务',
    )

  const renderRows = () => {
    if (list.status === 'loading') return <StateView kind='loading' />
    if (list.status === 'error') return <StateView kind='error' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
    if (list.items.length === 0) {
      return <StateView kind='empty' title={q ? `没有找到“${q}”` : '本站还没有成员'} description='站长和副站长须从本站成员中任命' />
    }
    return (
      <View>
        {list.items.map((m) => (
          <View className='leaders__row' key={m.openid} id={`leader-${m.openid}`}>
            <View>
              <Text className='leaders__name'>{m.name}</Text>
              {m.role !== 'member' ? <Text className='tag tag-role'>{ROLE_NAMES[m.role]}</Text> : null}
            </View>
            <Text className='hint'>
              {m.major} · {m.graduationYear}年毕业 · {m.phoneMasked}
            </Text>
            <View className='staff-row-actions'>
              {m.role !== 'head' ? (
                <Button className='btn btn-ghost appoint-head' loading={busy === m.openid} disabled={busy !== null || undefined} onClick={() => appointHead(m)}>
                  设为站长
                </Button>
              ) : null}
              {m.role === 'member' ? (
                <Button className='btn btn-ghost appoint-deputy' disabled={busy !== null || undefined} onClick={() => appointDeputy(m)}>
                  设为副站长
                </Button>
              ) : null}
              {m.role !== 'member' ? (
                <Button className='btn btn-plain remove-leader' disabled={busy !== null || undefined} onClick={() => relieve(m)}>
                  免去职务
                </Button>
              ) : null}
            </View>
          </View>
        ))}
        <ListFooter list={list} />
      </View>
    )
  }

  return (
    <View className='card leaders' id='station-leaders'>
      <Text className='section-title'>站长与副站长</Text>
      <View className='leaders__current'>
        <Text id='current-head'>站长：{station.headName ?? '暂无'}</Text>
        <Text> · 副站长 {station.deputyOpenids.length} 人</Text>
      </View>
      <View className='leaders__search'>
        <Input
          id='leader-search'
          className='leaders__input'
          value={draft}
          maxlength={40}
          confirmType='search'
          placeholder='在本站成员中搜索姓名'
          placeholderClass='sf-placeholder'
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={(e) => setQ(e.detail.value.trim())}
        />
        <Pressable inline className='leaders__go' id='leader-search-go' onPress={() => setQ(draft.trim())}>
          搜索
        </Pressable>
      </View>
      {renderRows()}
    </View>
  )
}
