import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import type { GrowthRecord, MyCompetitionEntry } from '../../../../../types'
import StateView from '../../../../components/state-view'
import { useLoad } from '@/hooks/use-load'
import { useMe } from '@/hooks/use-me'
import { fetchGrowthRecord } from '@/features/activity/api'
import { myCompetitionRecord } from '@/features/competition/api'
import { CertificateSheet } from '@/features/story/components/poster-sheet'
import { archivePoster } from '../../archive'
import './index.scss'

/** 我的翼展档案 as a poster: the record read once, drawn on demand, saved to the album. */
export default function ArchivePosterPage() {
  const me = useMe()
  const load = useLoad<{ record: GrowthRecord; competitions: MyCompetitionEntry[] }>(
    me.member ? async () => {
      const [record, competitions] = await Promise.all([fetchGrowthRecord(), myCompetitionRecord()])
      return { record, competitions }
    } : null,
    me.member?.openid ?? '',
  )
  if (me.loading) return <StateView kind='loading' />
  if (!me.member) return <StateView kind='empty' title='加入翼展联盟后才有翼展档案' />
  if (load.status === 'error') return <StateView kind='error' description={load.error ?? undefined} actionText='重试' onAction={() => void load.reload()} />
  if (!load.data) return <StateView kind='loading' title='正在整理你的档案…' />
  const poster = archivePoster(me.member.name, load.data.record, load.data.competitions, dayjs().format('YYYY-MM-DD'))
  return (
    <View className='page archive-poster' id='archive-poster'>
      <View className='card'>
        <Text className='section-title'>海报会写上</Text>
        {poster.entries.map((entry) => (
          <Text className='archive-poster__entry' key={entry}>
            {entry}
          </Text>
        ))}
        <Text className='hint'>海报在你的手机上生成，保存到相册后可以分享。</Text>
      </View>
      <CertificateSheet makeText='生成档案海报' alt='我的翼展档案海报' fetch={async () => ({ ...poster, code: null })} />
    </View>
  )
}
