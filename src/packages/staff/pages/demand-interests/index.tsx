import { useCallback, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { SHAREABLE_LABELS, SHAREABLE_PROFILE_FIELDS, type Interest } from '../../../../../types'
import StateView from '../../../../components/state-view'
import { useTaxonomy, type UseTaxonomy } from '@/hooks/use-taxonomy'
import { demandInterests, exportInterests, getDemand } from '../../../../features/policy/api'
import { dayText } from '../../../../features/policy/format'
import ListFooter from '@/components/list-footer'
import { openSpreadsheet } from '@/services/files'
import { useLoad } from '@/hooks/use-load'
import { usePagedList } from '@/hooks/use-paged-list'
import { errorMessage } from '../../../../services/api'
import { formatDate } from '../../../../utils/format'
import StaffGate from '../../staff-gate'
import '../../staff.scss'
import './index.scss'

export default function DemandInterestsPage() {
  return <StaffGate>{() => <Interests />}</StaffGate>
}

/** A shared value as people read it: ids of degrees and counties become their names. */
function shownValue(field: string, value: string | number, tax: UseTaxonomy): string {
  if (field === 'degree') return tax.degreeName(String(value))
  if (field === 'hometownCounty') return tax.countyName(String(value))
  if (field === 'graduationYear') return `${value}年毕业`
  return String(value)
}

/** Who registered interest in one demand, with only what each agreed to share; export to .xlsx. */
function Interests() {
  const id = useRouter().params.id ?? ''
  const tax = useTaxonomy()
  const loadDemand = useCallback(() => getDemand(id), [id])
  const demand = useLoad(id ? loadDemand : null, id)
  const fetchPage = useCallback((cursor?: string) => demandInterests(id, cursor), [id])
  const list = usePagedList<Interest>(id ? fetchPage : null, id)
  const [exporting, setExporting] = useState(false)

  usePullDownRefresh(() => void Promise.all([list.reload(true), demand.reload(true)]).finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => void list.loadMore())

  const download = async () => {
    if (exporting) return
    setExporting(true)
    try {
      const file = await exportInterests(id)
      await openSpreadsheet(file)
      void Taro.showToast({ title: `已导出 ${file.rows} 人`, icon: 'success' })
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setExporting(false)
    }
  }

  const body = () => {
    if (list.status === 'loading') return <StateView kind='loading' />
    if (list.status === 'error') return <StateView kind='error' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
    if (list.items.length === 0) return <StateView kind='empty' title='还没有同学登记意向' description='同学在岗位页点“我感兴趣”后会出现在这里' />
    return (
      <View className='card' id='interest-list'>
        {list.items.map((it) => (
          <View className='interests__item' key={it.openid} id={`interest-${it.openid}`}>
            <Text className='interests__at'>{formatDate(it.at)}</Text>
            <Text className='interests__name'>{String(it.shared.name ?? '（未提供姓名）')}</Text>
            <View className='interests__fields'>
              {SHAREABLE_PROFILE_FIELDS.filter((f) => f !== 'name' && it.shared[f] != null && it.shared[f] !== '').map((f) => (
                <Text className='interests__field' key={f} id={`interest-${it.openid}-${f}`}>
                  {SHAREABLE_LABELS[f]}：{shownValue(f, it.shared[f]!, tax)}
                </Text>
              ))}
            </View>
          </View>
        ))}
        <ListFooter list={list} />
      </View>
    )
  }

  const d = demand.data
  return (
    <View className='page staff interests'>
      <View className='card'>
        {d ? (
          <>
            <Text className='interests__title'>{d.position}</Text>
            <Text className='interests__sub'>
              {d.employer} · {d.status === 'closed' ? '已关闭' : `截止 ${dayText(d.deadline)}`} · {d.interestCount} 人感兴趣
            </Text>
          </>
        ) : (
          <Text className='interests__sub'>{demand.status === 'error' ? demand.error : '正在加载岗位…'}</Text>
        )}
        <Text className='hint interests__note'>只显示同学同意提供的信息。名单仅用于与用人单位对接，导出会记入操作日志。</Text>
        <Button id='interests-export' className='btn btn-primary' loading={exporting} disabled={exporting || list.items.length === 0 || undefined} onClick={() => void download()}>
          <Text>{exporting ? '正在导出…' : '导出 Excel'}</Text>
        </Button>
      </View>
      {body()}
    </View>
  )
}
