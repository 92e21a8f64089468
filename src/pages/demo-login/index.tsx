import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import StateView from '../../components/state-view'
import { fetchDemoAccounts, type DemoAccount } from '../../features/demo/api'
import { newVisitorOpenid, signInAs } from '../../features/demo/session'
import { getDemoSession } from '../../services/demo-session'
import { useLoad } from '../../hooks/use-load'
import './index.scss'

const GROUPS: { role: DemoAccount['role']; title: string; hint: string }[] = [
  { role: 'student', title: '学生成员', hint: '已加入联盟的示例学生' },
  { role: 'station_head', title: '驿站站长', hint: '管理本校翼展驿站' },
  { role: 'staff', title: '团市委工作人员', hint: '发布活动、管理驿站、查看数据' },
]

/** Local mode only: act as a seeded demo account or as a brand-new WeChat user. */
export default function DemoLoginPage() {
  // null: the server has demo sign-in off.
  const load = useLoad(fetchDemoAccounts, 'demo-accounts')
  const current = getDemoSession()

  const choose = (openid: string, label: string) => {
    signInAs(openid, label)
    void Taro.showToast({ title: `已切换为${label}`, icon: 'none' })
    void Taro.switchTab({ url: '/pages/index/index' })
  }

  if (load.status === 'loading') return <StateView kind='loading' title='正在读取示例账号…' />
  if (load.status === 'error') return <StateView kind='error' description={load.error ?? ''} actionText='重试' onAction={() => void load.reload()} />
  const accounts = load.data
  if (!accounts) return <StateView kind='empty' title='示例登录未开启' description='当前服务没有开启本地示例模式' />

  return (
    <View className='page demo-login'>
      <View className='card'>
        <Text className='section-title'>以新访客身份体验</Text>
        <Text className='hint demo-login__hint'>就像第一次打开小程序的同学：还没有加入联盟，可以从头走一遍加入流程。</Text>
        <Button id='demo-new-visitor' className='btn btn-primary' onClick={() => choose(newVisitorOpenid(), '新访客')}>
          以新访客身份体验
        </Button>
      </View>
      {GROUPS.map((group) => {
        const ofGroup = accounts.filter((a) => a.role === group.role)
        if (ofGroup.length === 0) return null
        return (
          <View className='card demo-login__group' key={group.role}>
            <Text className='section-title'>{group.title}</Text>
            <Text className='hint'>{group.hint}</Text>
            {ofGroup.map((account) => (
              <Pressable
                key={account.openid}
                id={`demo-${account.openid}`}
                className={`demo-login__account${current?.openid === account.openid ? ' demo-login__account--current' : ''}`}
                onPress={() => choose(account.openid, account.label)}
              >
                <Text className='demo-login__label'>{account.label}</Text>
                <Text className='demo-login__mark'>{current?.openid === account.openid ? '当前' : '›'}</Text>
              </Pressable>
            ))}
          </View>
        )
      })}
      <Text className='hint demo-login__footnote'>示例数据均为虚构，标有“示例”。示例登录只在本地模式中出现，正式小程序使用微信身份。</Text>
    </View>
  )
}
