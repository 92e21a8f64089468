import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MyDestinations } from '../../../types'
import { CONSIDER_RETURN, DESTINATION_STATUSES, NOT_RETURNING_REASONS, nameOf } from '../../../types'
import StateView from '@/components/state-view'
import { useLoad } from '@/hooks/use-load'
import { useMe } from '@/hooks/use-me'
import { myDestinations } from '../../features/pipeline/api'
import DestinationForm from '../../features/pipeline/components/destination-form'
import { workPlaceText } from '../../features/pipeline/place'
import './index.scss'

/** 去向登记: where I went after graduating, kept as history; prompted around graduation. */
export default function DestinationPage() {
  const me = useMe()
  const mine = useLoad<MyDestinations>(me.member ? () => myDestinations() : null, me.member?.openid ?? '')
  usePullDownRefresh(() => {
    void mine.reload(true).finally(() => Taro.stopPullDownRefresh())
  })

  if (me.loading || (me.member && mine.status === 'loading')) {
    return (
      <View className='page'>
        <StateView kind='loading' />
      </View>
    )
  }
  if (!me.member) {
    return (
      <View className='page'>
        <StateView kind='empty' title='加入翼展联盟后可以登记毕业去向' />
      </View>
    )
  }
  if (mine.status === 'error' || !mine.data) {
    return (
      <View className='page'>
        <StateView kind='error' description={mine.error ?? undefined} actionText='重试' onAction={() => void mine.reload()} />
      </View>
    )
  }
  const { records, prompt } = mine.data
  return (
    <View className='page destination' id='destination-page'>
      <View className='card destination__intro'>
        <Text className='destination__title'>毕业去向登记</Text>
        <Text className='hint'>
          {prompt
            ? `你是${me.member.graduationYear}届毕业生，请登记你的最新去向：无论在哪里，都帮助家乡了解我们的同学。`
            : '去向有变化时随时可以再登记一次。'}
        </Text>
      </View>
      <DestinationForm onSaved={() => void mine.reload(true)} />
      <View className='card'>
        <Text className='destination__title'>我的登记记录</Text>
        {records.length === 0 ? <Text className='hint'>还没有登记</Text> : null}
        {records.map((r, i) => (
          <View className='destination-record' key={r.id} id={i === 0 ? 'destination-latest' : undefined}>
            <Text className='destination-record__main'>
              {nameOf(DESTINATION_STATUSES, r.status)} · {workPlaceText(r)}
            </Text>
            {r.employer ? <Text className='destination-record__meta'>{r.employer}</Text> : null}
            {r.reasons.length > 0 ? (
              <Text className='destination-record__meta'>未回驻原因：{r.reasons.map((x) => nameOf(NOT_RETURNING_REASONS, x)).join('、')}</Text>
            ) : null}
            {r.considerReturn ? <Text className='destination-record__meta'>{nameOf(CONSIDER_RETURN, r.considerReturn)}</Text> : null}
            <Text className='destination-record__meta'>
              {r.reportedAt.slice(0, 10)} 登记 · {r.verification ? '已由团市委核实' : '本人填报'}
              {i === 0 ? ' · 当前使用' : ''}
            </Text>
          </View>
        ))}
      </View>
    </View>
  )
}
