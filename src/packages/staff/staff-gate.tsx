import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import StateView from '../../components/state-view'
import { useMe } from '@/hooks/use-me'
import NoPermission from '../../features/station/components/no-permission'

/**
 * Staff pages show themselves only to staff. The api enforces it anyway; this spares anyone else
 * a page of failing requests.
 */
export default function StaffGate({ children }: { children: () => ReactNode }) {
  const me = useMe()
  if (me.loading) {
    return (
      <View className='page'>
        <StateView kind='loading' />
      </View>
    )
  }
  if (me.member?.role !== 'staff') {
    return (
      <View className='page' id='staff-forbidden'>
        <NoPermission title='仅团市委工作人员可以使用' description='如果你是工作人员，请联系管理员开通权限。' />
      </View>
    )
  }
  return <>{children()}</>
}
