import { useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { CountyId, DegreeId, RosterFilters, StationMember } from '../../../../../types'
import StateView from '../../../../components/state-view'
import ChoiceChips from '@/components/choice-chips'
import { useTaxonomy } from '@/hooks/use-taxonomy'
import { exportStationMembers, removeStationMember, stationMembers } from '../../../../features/station/api'
import ListFooter from '@/components/list-footer'
import NoPermission from '../../../../features/station/components/no-permission'
import ReasonSheet from '../../../../features/station/components/reason-sheet'
import { openSpreadsheet } from '@/services/files'
import { useManagedStation } from '../../../../features/station/hooks/use-managed-station'
import { usePagedList } from '@/hooks/use-paged-list'
import { ApiCallError, errorMessage } from '../../../../services/api'
import './index.scss'
import '../../head.scss'

const ROLE_TAGS: Record<StationMember['role'], string | null> = { head: '站长', deputy: '副站长', member: null }

interface Filters {
  q: string
  degree: DegreeId | ''
  graduationYear: string
  county: CountyId | ''
  field: string
}
const NO_FILTERS: Filters = { q: '', degree: '', graduationYear: '', county: '', field: '' }

function toRoster(f: Filters): RosterFilters {
  const year = Number(f.graduationYear)
  return {
    q: f.q,
    degree: f.degree || undefined,
    graduationYear: /^\d{4}$/.test(f.graduationYear) ? year : undefined,
    county: f.county || undefined,
    field: f.field || undefined,
  }
}

/** The roster: search and filter, masked phones, remove with a reason, export to Excel. */
export default function HeadMembersPage() {
  const { stationId, ready } = useManagedStation()
  const taxonomy = useTaxonomy()
  const [draft, setDraft] = useState<Filters>(NO_FILTERS)
  const [applied, setApplied] = useState<Filters>(NO_FILTERS)
  const [showFilters, setShowFilters] = useState(false)
  const [removing, setRemoving] = useState<StationMember | null>(null)
  const [busy, setBusy] = useState<'remove' | 'export' | null>(null)

  const list = usePagedList<StationMember>(
    ready && stationId ? (cursor) => stationMembers(stationId, toRoster(applied), cursor) : null,
    `${stationId}|${JSON.stringify(applied)}`,
  )
  usePullDownRefresh(() => {
    void list.reload(true).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setDraft((d) => ({ ...d, [key]: value }))
  const toggle = <K extends 'degree' | 'county' | 'field'>(key: K, id: Filters[K]) => set(key, (draft[key] === id ? '' : id) as Filters[K])
  const apply = () => {
    if (draft.graduationYear && !/^\d{4}$/.test(draft.graduationYear)) {
      void Taro.showToast({ title: '毕业年份应为4位年份', icon: 'none' })
      return
    }
    setApplied({ ...draft, q: draft.q.trim() })
    setShowFilters(false)
  }
  const reset = () => {
    setDraft(NO_FILTERS)
    setApplied(NO_FILTERS)
  }
  const filterCount = (['degree', 'graduationYear', 'county', 'field'] as const).filter((k) => applied[k]).length

  const remove = async (reason: string) => {
    if (!removing || !stationId || busy) return
    setBusy('remove')
    try {
      await removeStationMember(stationId, removing.openid, reason)
      list.remove((m) => m.openid === removing.openid)
      setRemoving(null)
      void Taro.showToast({ title: '已移除', icon: 'success' })
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  const exportRoster = async () => {
    if (!stationId || busy) return
    setBusy('export')
    try {
      const file = await exportStationMembers(stationId, toRoster(applied))
      await openSpreadsheet(file)
      void Taro.showToast({ title: `已导出${file.rows}人`, icon: 'success' })
    } catch (error) {
      const message = error instanceof ApiCallError ? errorMessage(error) : '没有打开名单，请重试'
      void Taro.showToast({ title: message, icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  if (!ready || (stationId && list.status === 'loading' && list.items.length === 0 && !list.error)) {
    return (
      <View className='page'>
        <StateView kind='loading' />
      </View>
    )
  }
  if (!stationId || list.errorCode === 'FORBIDDEN') {
    return (
      <View className='page' id='head-forbidden'>
        <NoPermission />
      </View>
    )
  }

  const renderList = () => {
    if (list.status === 'loading') return <StateView kind='loading' />
    if (list.status === 'error') {
      return <StateView kind='error' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
    }
    if (list.items.length === 0) {
      const filtered = applied.q || filterCount > 0
      return (
        <StateView
          kind='empty'
          title={filtered ? '没有符合条件的成员' : '本站还没有成员'}
          description={filtered ? '换个关键词或减少筛选条件试试' : '通过入站申请后，成员会出现在这里'}
          actionText={filtered ? '清除筛选' : undefined}
          onAction={filtered ? reset : undefined}
        />
      )
    }
    return (
      <View>
        {list.items.map((m) => (
          <View className='person' key={m.openid} id={`member-${m.openid}`}>
            <View className='person__top'>
              <Text className='person__name'>{m.name}</Text>
              {ROLE_TAGS[m.role] ? <Text className='tag tag-role'>{ROLE_TAGS[m.role]}</Text> : null}
              <Text className='person__phone'>{m.phoneMasked}</Text>
            </View>
            <Text className='person__line'>
              {[m.college, m.major, taxonomy.degreeName(m.degree)].filter(Boolean).join(' · ')}
            </Text>
            <Text className='person__line'>
              {m.graduationYear}年毕业 · 驻马店{taxonomy.countyName(m.hometownCounty)}
            </Text>
            {m.fields.length ? (
              <View className='person__fields'>
                {m.fields.map((id) => (
                  <Text className='person__field' key={id}>
                    {taxonomy.fieldName(id)}
                  </Text>
                ))}
              </View>
            ) : null}
            {m.role === 'member' ? (
              <Pressable inline className='roster__remove' onPress={() => !busy && setRemoving(m)}>
                移除
              </Pressable>
            ) : null}
          </View>
        ))}
        <ListFooter list={list} />
      </View>
    )
  }

  return (
    <View className='page roster' id='head-members-page'>
      <View className='roster__bar'>
        <Input
          id='roster-search'
          className='roster__input'
          value={draft.q}
          maxlength={40}
          confirmType='search'
          placeholder='搜索姓名、专业或学院'
          placeholderClass='roster__placeholder'
          onInput={(e) => set('q', e.detail.value)}
          onConfirm={apply}
        />
        <Pressable inline className='roster__go' onPress={apply}>
          搜索
        </Pressable>
      </View>
      <View className='roster__tools'>
        <Pressable inline className={`roster__tool${filterCount ? ' roster__tool--on' : ''}`} id='roster-filter' onPress={() => setShowFilters((v) => !v)}>
          筛选{filterCount ? `（${filterCount}）` : ''} {showFilters ? '▲' : '▼'}
        </Pressable>
        <Button id='roster-export' className='btn btn-ghost roster__export' loading={busy === 'export'} disabled={busy !== null || undefined} onClick={() => void exportRoster()}>
          <Text>{busy === 'export' ? '正在导出…' : '导出名单'}</Text>
        </Button>
      </View>

      {showFilters ? (
        <View className='card roster__filters'>
          <Text className='roster__label'>学历</Text>
          <ChoiceChips idPrefix='f-degree' items={taxonomy.degrees} selected={[draft.degree]} onToggle={(id) => toggle('degree', id as DegreeId)} />
          <Text className='roster__label'>毕业年份</Text>
          <Input
            className='roster__year'
            type='number'
            maxlength={4}
            value={draft.graduationYear}
            placeholder='如 2027，不填为全部'
            placeholderClass='roster__placeholder'
            onInput={(e) => set('graduationYear', e.detail.value)}
          />
          <Text className='roster__label'>家乡县区</Text>
          <ChoiceChips idPrefix='f-county' items={taxonomy.counties} selected={[draft.county]} onToggle={(id) => toggle('county', id as CountyId)} />
          <Text className='roster__label'>重点产业领域</Text>
          <ChoiceChips idPrefix='f-field' items={taxonomy.fields} selected={[draft.field]} onToggle={(id) => toggle('field', id)} />
          <View className='person__actions'>
            <Button className='btn btn-plain' onClick={reset}>
              清除
            </Button>
            <Button className='btn btn-primary' onClick={apply}>
              查看结果
            </Button>
          </View>
        </View>
      ) : null}

      {renderList()}

      <ReasonSheet
        open={removing !== null}
        title={`将${removing?.name ?? ''}移出本站`}
        description='移除后对方不再是本站成员，理由会记入操作日志'
        placeholder='例如：已毕业离校，本人申请退出'
        confirmText='确认移除'
        required
        busy={busy === 'remove'}
        onCancel={() => setRemoving(null)}
        onConfirm={(reason) => void remove(reason)}
      />
    </View>
  )
}
