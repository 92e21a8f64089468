import { Text } from '@tarojs/components'
import Pressable from '@/components/pressable'
import { useDemo } from '../../hooks/use-demo'
import { openDemoLogin } from '../../session'
import './index.scss'

/** Local mode only: who the demo acts as, and a way to switch. Hidden when demo is off. */
export default function DemoBanner() {
  const { enabled, session } = useDemo()
  if (process.env.TARO_ENV !== 'h5' || !enabled) return null
  return (
    <Pressable className='demo-banner' id='demo-banner' onPress={openDemoLogin}>
      {/* Demo sign-in lets anyone act as any account: the banner says so on every page that has it. */}
      <Text className='demo-banner__text'>
        {session ? `示例登录：${session.label}（演示环境，数据均为示例）` : '本地示例模式（演示环境，数据均为示例）：选择一个示例账号来体验'}
      </Text>
      <Text className='demo-banner__action'>{session ? '切换' : '去选择'}</Text>
    </Pressable>
  )
}
