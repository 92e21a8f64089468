import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { MyCompetitionEntry } from '../../../../types'
import { useLoad } from '@/hooks/use-load'
import { myCompetitionRecord } from '../api'
import { COMPETITION_PAGES, shortTime } from '../labels'

/** 翼展档案: my competition entries (submitted, shortlisted, awarded). Nothing shows while there are none. */
export default function CompetitionEntries({ openid }: { openid: string }) {
  const load = useLoad<MyCompetitionEntry[]>(myCompetitionRecord, openid)
  if (!load.data || load.data.length === 0) return null
  return (
    <View className='card' id='growth-competitions'>
      <Text className='section-title'>竞赛经历</Text>
      {load.data.map((e) => (
        <Pressable role='link' className='growth-item' key={e.teamId} id={`growth-competition-${e.teamId}`} onPress={() => void Taro.navigateTo({ url: COMPETITION_PAGES.team(e.teamId) })}>
          <Text className='growth-item__title'>
            {e.competitionTitle} · {e.result}
          </Text>
          <Text className='hint'>
            {e.teamName}（{e.role === 'leader' ? '负责人' : '成员'}）· {e.projectTitle} · {shortTime(e.at)}
          </Text>
        </Pressable>
      ))}
    </View>
  )
}
