import { useState } from 'react'
import Taro, { useReachBottom } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import type { Figure, PipelineMemberRow } from '../../../../../types'
import { COUNTIES, DESTINATION_STATUSES, nameOf } from '../../../../../types'
import StateView from '@/components/state-view'
import ListFooter from '@/components/list-footer'
import { usePagedList } from '@/hooks/use-paged-list'
import { useTaxonomy } from '@/hooks/use-taxonomy'
import { ApiCallError, errorMessage, newRequestId } from '@/services/api'
import { openSpreadsheet } from '@/services/files'
import { exportFigure, figureMembers, verifyDestination } from '../../api'
import { describeFigure } from '../../labels'
import './index.scss'

export interface FigureMembersProps {
  figure: Figure
  /** Staff: may also export the figure alone, small counts hidden (对外), and verify reports. */
  staff: boolean
}

/** The members behind one figure, paged, and the same rows as a spreadsheet. */
export default function FigureMembers({ figure, staff }: FigureMembersProps) {
  const canExportExternal = staff
  const taxonomy = useTaxonomy()
  const [busy, setBusy] = useState<string | null>(null)
  const [total, setTotal] = useState<number | null>(null)
  const list = usePagedList<PipelineMemberRow>(async (cursor) => {
    const page = await figureMembers(figure, cursor)
    setTotal(page.total)
    return page
  }, JSON.stringify(figure))
  useReachBottom(() => {
    list.loadMore()
  })

  const exportRows = async (external: boolean) => {
    if (busy) return
    setBusy(external ? 'external' : 'rows')
    try {
      const file = await exportFigure(figure, external)
      await openSpreadsheet(file)
      void Taro.showToast({ title: external ? '已导出对外数字' : `已导出${file.rows}人`, icon: 'success' })
    } catch (error) {
      const message = error instanceof ApiCallError ? errorMessage(error) : '没有打开文件，请重试'
      void Taro.showToast({ title: message, icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  // Staff confirm a self-reported destination with the employer or a document, and say how.
  const [verifying, setVerifying] = useState<{ openid: string; note: string } | null>(null)
  const verify = async (member: PipelineMemberRow) => {
    const note = verifying?.note.trim() ?? ''
    if (busy || !member.destinationId) return
    if (!note) {
      void Taro.showToast({ title: '请填写核实说明', icon: 'none' })
      return
    }
    setBusy(member.openid)
    try {
      await verifyDestination(member.destinationId, note, newRequestId())
      list.update((m) => m.openid === member.openid, { ...member, verified: true })
      setVerifying(null)
      void Taro.showToast({ title: '已核实', icon: 'success' })
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  const body = () => {
    if (list.status === 'loading') return <StateView kind='loading' />
    if (list.status === 'error') return <StateView kind='error' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
    if (list.items.length === 0) return <StateView kind='empty' title='这个数字背后没有成员' />
    return (
      <View>
        {list.items.map((m) => (
          <View className='figure-member' key={m.openid}>
            <View className='figure-member__top'>
              <Text className='figure-member__name'>{m.name}</Text>
              {m.isDemo ? <Text className='tag'>示例</Text> : null}
              {m.verified ? <Text className='tag tag-ok'>已核实</Text> : null}
            </View>
            <Text className='figure-member__meta'>
              {m.university} · {m.cohort}届 · {nameOf(COUNTIES, m.county)}
            </Text>
            {m.destinationStatus ? (
              <Text className='figure-member__meta'>
                最新去向：{nameOf(DESTINATION_STATUSES, m.destinationStatus)}
                {m.workPlace ? ` · ${m.workPlace}` : ''}
              </Text>
            ) : null}
            {staff && m.destinationId && !m.verified && verifying?.openid !== m.openid ? (
              <Button className='btn btn-plain figure-member__verify' disabled={busy !== null || undefined} onClick={() => setVerifying({ openid: m.openid, note: '' })}>
                核实去向
              </Button>
            ) : null}
            {verifying?.openid === m.openid ? (
              <View className='figure-member__verify-form'>
                <Input
                  className='form-input'
                  value={verifying.note}
                  maxlength={200}
                  placeholder='核实方式，如：已与单位人事电话核实'
                  onInput={(e) => setVerifying({ openid: m.openid, note: e.detail.value })}
                />
                <View className='figure-members__actions'>
                  <Button className='btn btn-plain' disabled={busy !== null || undefined} onClick={() => setVerifying(null)}>
                    取消
                  </Button>
                  <Button className='btn btn-primary' loading={busy === m.openid} disabled={busy !== null || undefined} onClick={() => void verify(m)}>
                    <Text>{busy === m.openid ? '正在核实…' : '确认核实'}</Text>
                  </Button>
                </View>
              </View>
            ) : null}
          </View>
        ))}
        <ListFooter list={list} />
      </View>
    )
  }

  return (
    <View className='page figure-members' id='figure-members'>
      <View className='card'>
        <Text className='figure-members__title'>{describeFigure(figure, taxonomy.fieldName)}</Text>
        <Text className='figure-members__total' id='figure-members-total'>
          {total === null ? '…' : `共 ${total} 人`}
        </Text>
        <View className='figure-members__actions'>
          <Button className='btn btn-primary' id='figure-export' loading={busy === 'rows'} disabled={busy !== null || undefined} onClick={() => void exportRows(false)}>
            <Text>{busy === 'rows' ? '正在导出…' : '导出名单（.xlsx）'}</Text>
          </Button>
          {canExportExternal ? (
            <Button className='btn btn-plain' loading={busy === 'external'} disabled={busy !== null || undefined} onClick={() => void exportRows(true)}>
              <Text>{busy === 'external' ? '正在导出…' : '导出对外数字'}</Text>
            </Button>
          ) : null}
        </View>
        <Text className='hint'>导出文件的第一页是指标说明；查看和导出名单都会记入操作日志。</Text>
      </View>
      {body()}
    </View>
  )
}
