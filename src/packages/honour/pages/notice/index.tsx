import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { NoticeEntry } from '../../../../../types'
import StateView from '../../../../components/state-view'
import { ObjectionForm } from '../../../../components/objection-filer'
import { useLoad } from '@/hooks/use-load'
import { fetchNoticeList, objectTo } from '@/features/honour/api'
import { honourNoticeUrl } from '@/features/honour/urls'
import '@/features/honour/honour.scss'
import CompetitionNotices from './competition-notices'

/**
 * 公示 (public, shareable): the shortlist with deeds summaries and dates, and the objection form.
 * Objections carry a real name and phone, or a unit name and a photo of its seal; anonymous ones
 * are not accepted (团中央 practice). They are handled privately; the outcome is recorded.
 */
export default function HonourNoticePage() {
  const awardId = useRouter().params.awardId ?? ''
  const list = useLoad<NoticeEntry[]>(() => fetchNoticeList(awardId || undefined), awardId)
  const [target, setTarget] = useState<NoticeEntry | null>(null)
  useShareAppMessage(() => ({ title: '评优评先公示', path: honourNoticeUrl(awardId) }))

  if (list.status === 'loading') return <StateView kind='loading' />
  if (list.status === 'error') return <StateView kind='error' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
  const entries = list.data ?? []

  return (
    <View className='page honour-notice' id='honour-notice'>
      <View className='card'>
        <Text className='section-title'>公示</Text>
        <Text className='hint'>
          对下列人选如有异议，请在公示期内实名反映：个人须留真实姓名和联系电话，单位须提供单位名称并上传加盖公章的材料照片。不受理匿名异议。
        </Text>
      </View>
      {entries.length === 0 ? <StateView kind='empty' title='目前没有公示中的名单' /> : null}
      {entries.map((e) => (
        <View className='card honour-card' key={e.nominationId} id={`notice-${e.nominationId}`}>
          <Text className='honour-row__title'>
            {e.name} · {e.university}
          </Text>
          <Text className='hint'>{e.awardName}</Text>
          <Text className='honour-deeds'>{e.summary}</Text>
          <Text className='hint'>
            公示期：{e.start} 至 {e.end}
          </Text>
          <View className='honour-actions'>
            <Button className='btn btn-ghost' id={`object-${e.nominationId}`} onClick={() => setTarget(e)}>
              提出异议
            </Button>
          </View>
          {target?.nominationId === e.nominationId ? (
            <ObjectionForm idPrefix='objection' send={async (objection) => void (await objectTo({ id: e.nominationId, ...objection }))} onDone={() => setTarget(null)} />
          ) : null}
        </View>
      ))}
      <CompetitionNotices />
    </View>
  )
}
