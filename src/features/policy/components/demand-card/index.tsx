import { Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { Demand } from '../../../../../types'
import { useTaxonomy } from '@/hooks/use-taxonomy'
import { dayText, salaryText, todayInChina } from '../../format'
import WhyTags from '../why-tags'
import './index.scss'

export interface DemandCardProps {
  demand: Demand
  why?: readonly string[]
  /** Staff lists say how many registered interest. */
  showInterest?: boolean
  /** Prefix of the card's id (`<idPrefix>-<id>`): one id per page, even when a policy shows twice. */
  idPrefix?: string
  onOpen: (id: string) => void
}

/** One job in the demand list: employer, position, pay, and what it asks for. */
export default function DemandCard({ demand, why, showInterest, idPrefix = 'demand', onOpen }: DemandCardProps) {
  const tax = useTaxonomy()
  const over = demand.deadline < todayInChina()
  return (
    <Pressable className='demand-card' id={`${idPrefix}-${demand.id}`} onPress={() => onOpen(demand.id)}>
      <View className='demand-card__top'>
        <Text className='demand-card__position'>{demand.position}</Text>
        <Text className='demand-card__salary'>{salaryText(demand)}</Text>
      </View>
      <Text className='demand-card__employer'>{demand.employer}</Text>
      <View className='demand-card__facts'>
        <Text className='demand-card__fact'>{tax.fieldName(demand.field)}</Text>
        <Text className='demand-card__fact'>{tax.degreeName(demand.degree)}</Text>
        <Text className='demand-card__fact'>招 {demand.headcount} 人</Text>
        <Text className='demand-card__fact'>{demand.place}</Text>
      </View>
      {why && why.length > 0 ? <WhyTags why={why} /> : null}
      <View className='demand-card__meta'>
        <Text>
          {demand.status === 'closed' ? '已关闭' : over ? '已过截止日期' : `截止 ${dayText(demand.deadline)}`}
        </Text>
        {showInterest ? <Text>{demand.interestCount} 人感兴趣</Text> : null}
      </View>
    </Pressable>
  )
}
