import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import StateView from '@/components/state-view'
import FigureMembers from '../../../../features/pipeline/components/figure-members'
import { figureFromParams } from '../../../../../types'
import StaffGate from '../../staff-gate'
import '../../staff.scss'

/** The members behind one figure of the dashboard (staff: names, exact). */
export default function StaffFigureMembersPage() {
  const { params } = useRouter()
  const figure = figureFromParams(params)
  return (
    <StaffGate>
      {() =>
        figure ? (
          <FigureMembers figure={figure} staff />
        ) : (
          <View className='page'>
            <StateView kind='error' title='没有找到这个数字' />
          </View>
        )
      }
    </StaffGate>
  )
}
