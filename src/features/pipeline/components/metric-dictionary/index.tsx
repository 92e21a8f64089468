import { Text, View } from '@tarojs/components'
import { METRICS, RATE_DEFINITIONS } from '../../../../../types'
import './index.scss'

/** The written definitions behind every figure: the same text as the first sheet of every export. */
export default function MetricDictionary() {
  return (
    <View className='card metric-dictionary' id='metric-dictionary'>
      <Text className='pipeline-section__title'>指标说明</Text>
      {[...METRICS.map((m) => ({ id: m.id, name: m.stage > 0 ? `第${m.stage}阶段 · ${m.name}` : m.name, definition: m.definition })), ...RATE_DEFINITIONS].map(
        (item) => (
          <View className='metric-dictionary__item' key={item.id}>
            <Text className='metric-dictionary__name'>{item.name}</Text>
            <Text className='metric-dictionary__text'>{item.definition}</Text>
          </View>
        ),
      )}
    </View>
  )
}
