import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import StateView from '../../../../components/state-view'
import { useLoad } from '@/hooks/use-load'
import { matchMine } from '../../api'
import { demandUrl, policyUrl } from '../../urls'
import DemandCard from '../demand-card'
import PolicyCard from '../policy-card'
import './index.scss'

const SHOWN = 3

/**
 * 与我相关: policies and jobs whose fields, degree and county fit my profile, best first, each
 * with why. `refreshKey` changes (the page shows again, the profile changed) load it again.
 */
export default function MatchSection({ refreshKey }: { refreshKey: string }) {
  const state = useLoad(matchMine, refreshKey)
  const data = state.data

  const body = () => {
    if (state.status === 'loading' && !data) return <StateView kind='loading' title='正在为你匹配…' />
    if (state.status === 'error' && !data) {
      return <StateView kind='error' title='没能加载与你相关的内容' description={state.error ?? undefined} actionText='重试' onAction={() => void state.reload()} />
    }
    if (!data || (data.policies.length === 0 && data.demands.length === 0)) {
      return <Text className='match-section__empty'>暂时没有与你的学历、领域、家乡匹配的政策或岗位，可以在下面浏览全部。</Text>
    }
    return (
      <View>
        {data.policies.slice(0, SHOWN).map((m) => (
          <PolicyCard key={m.item.id} idPrefix='match-policy' hit={m.item} why={m.why} onOpen={(id) => void Taro.navigateTo({ url: policyUrl(id) })} />
        ))}
        {data.demands.slice(0, SHOWN).map((m) => (
          <DemandCard key={m.item.id} idPrefix='match-demand' demand={m.item} why={m.why} onOpen={(id) => void Taro.navigateTo({ url: demandUrl(id) })} />
        ))}
      </View>
    )
  }

  return (
    <View className='match-section' id='match-section'>
      <View className='match-section__head'>
        <Text className='section-title'>与我相关</Text>
        <Text className='hint'>按你的学历、重点产业领域和家乡匹配</Text>
      </View>
      {body()}
    </View>
  )
}
