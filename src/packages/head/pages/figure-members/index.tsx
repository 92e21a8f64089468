import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import StateView from '@/components/state-view'
import FigureMembers from '../../../../features/pipeline/components/figure-members'
import { figureFromParams } from '../../../../../types'
import '../../head.scss'

/** The members behind one figure of the head's dashboard (own station; the api refuses the rest). */
export default function HeadFigureMembersPage() {
  const { params } = useRouter()
  const figure = figureFromParams(params)
  if (!figure) {
    return (
      <View className='page'>
        <StateView kind='error' title='没有找到这个数字' />
      </View>
    )
  }
  return <FigureMembers figure={figure} staff={false} />
}
