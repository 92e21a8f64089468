import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import StateView from '../../components/state-view'
import DemoBanner from '../../features/demo/components/demo-banner'
import { useDemo } from '../../features/demo/hooks/use-demo'
import { openDemoLogin } from '../../features/demo/session'
import { useMe } from '@/hooks/use-me'
import { refreshUnread, useUnreadCount } from '../../features/notice/unread'
import { stationsUrl } from '../../features/station/urls'
import { setTabIntent } from '@/services/tab-intent'
import HomeStories from '@/features/story/components/home-stories'
import HomeWorkbench from '@/features/station/components/home-workbench'
import HomeNext from '@/features/home/components/home-next'
import { useHomeNext } from '@/features/home/use-home-next'
import { OPEN_SHOWN, POLICIES_SHOWN } from '@/features/home/next'
import { listActivities, listMyRegistrations } from '@/features/activity/api'
import { searchPolicies } from '@/features/policy/api'
import './index.scss'

/** What the alliance offers, in the words of the 2022 work plan (驻青办字〔2022〕7号). */
/** Each card opens what it describes: the stations, the activities of that kind, or the policies. */
const OFFERS: { id: string; title: string; text: string; to: 'stations' | 'policies' | 'platforms' | 'competitions' | { activityType: string } }[] = [
  { id: 'platforms', title: '家乡创新平台', text: '家乡的重点实验室、创新中心、中试基地和实践基地：看它们做什么、能带你做什么', to: 'platforms' },
  { id: 'stations', title: '翼展驿站', text: '在你就读的高校找到驻马店老乡，驿站是服务家乡学子的“微枢纽”', to: 'stations' },
  { id: 'summer', title: '暑期社会实践', text: '“翼展计划”社会实践，假期回家乡看发展、做调研', to: { activityType: 'summer_practice' } },
  { id: 'lab', title: '走进重点实验室', text: '走进家乡的重点实验室、技术创新中心、中试基地', to: { activityType: 'lab_visit' } },
  { id: 'internship', title: '实习与就业创业', text: '青年就业创业实验室提供实习实践和就业创业服务', to: { activityType: 'internship' } },
  { id: 'competition', title: '科创赛事', text: '“挑战杯”“创青春”“振兴杯”，组队报名、提交作品，以赛育人、以赛荐才', to: 'competitions' },
  { id: 'policies', title: '人才政策', text: '家乡招才引智的标准条件、现实需求和政策措施', to: 'policies' },
]

export default function IndexPage() {
  const me = useMe()
  const demo = useDemo()
  const unread = useUnreadCount()
  // 接下来 is asked for together with the profile (one round trip), and shown once both are back.
  const next = useHomeNext(me, {
    myRegistrations: () => listMyRegistrations(),
    openForMe: () => listActivities({ phase: 'open', eligibleOnly: true, limit: OPEN_SHOWN }),
    newestPolicies: () => searchPolicies({ limit: POLICIES_SHOWN }),
  })

  useDidShow(() => {
    void refreshUnread()
  })
  usePullDownRefresh(() => {
    void Promise.all([me.refresh(), next.reload(true), refreshUnread(true)]).finally(() => Taro.stopPullDownRefresh())
  })

  const join = () => {
    // Local mode acts as a demo account: choose one (or a new visitor) before joining.
    if (demo.enabled && !demo.session) openDemoLogin()
    else void Taro.navigateTo({ url: '/pages/join/index' })
  }

  const openStations = () => void Taro.navigateTo({ url: stationsUrl() })
  const openOffer = (to: (typeof OFFERS)[number]['to']) => {
    if (to === 'stations') return openStations()
    if (to === 'policies') return void Taro.switchTab({ url: '/pages/policies/index' })
    if (to === 'platforms') return void Taro.navigateTo({ url: '/packages/platform/pages/list/index' })
    if (to === 'competitions') return void Taro.navigateTo({ url: '/packages/competition/pages/list/index' })
    setTabIntent('activities', to.activityType)
    void Taro.switchTab({ url: '/pages/activities/index' })
  }

  const renderCall = () => {
    if (me.member) {
      return (
        <View className='home-welcome' id='home-welcome'>
          <Text className='home-welcome__title'>欢迎回来，{me.member.name}</Text>
          <Text className='home-welcome__text'>你已是翼展联盟成员。家乡的实践、实习和政策消息会第一时间送到你这里。</Text>
          <Button className='btn btn-ghost' onClick={() => Taro.switchTab({ url: '/pages/mine/index' })}>
            查看我的资料
          </Button>
          <HomeWorkbench member={me.member} />
        </View>
      )
    }
    if (me.loading) return <StateView kind='loading' title='正在确认你的身份…' />
    if (me.status === 'error') {
      return <StateView kind='error' title='暂时连不上服务' description={me.error ?? undefined} actionText='重试' onAction={() => void me.refresh()} />
    }
    return (
      <View className='home-join'>
        <Text className='home-join__text'>在外求学，家乡一直在。加入联盟，与全国各地的驻马店学子、与家乡保持联系。</Text>
        <Button id='home-join' className='btn btn-primary' onClick={join}>
          加入翼展联盟
        </Button>
        <Text className='hint home-join__hint'>只需 1 分钟，填写学校、专业和家乡县区</Text>
      </View>
    )
  }

  return (
    <View className='page home'>
      <View className='home-hero'>
        {me.member ? (
          <Pressable role='link' className='home-bell' id='home-bell' onPress={() => void Taro.navigateTo({ url: '/pages/inbox/index' })}>
            <View className='home-bell__icon' />
            <Text className='home-bell__label'>消息</Text>
            {unread > 0 ? (
              <Text className='home-bell__count' id='home-bell-count'>
                {unread > 99 ? '99+' : unread}
              </Text>
            ) : null}
          </Pressable>
        ) : null}
        <Text className='home-hero__eyebrow'>共青团驻马店市委</Text>
        <Text className='home-hero__title'>翼展联盟</Text>
        <Text className='home-hero__subtitle'>驻马店籍大学生的家乡联盟：无论你在哪所高校，都能和家乡连在一起。</Text>
      </View>

      <DemoBanner />
      <View className='card home-call'>{renderCall()}</View>
      {me.member ? <HomeNext next={next} unread={unread} /> : null}

      <Pressable role='link' className='home-stations' id='home-stations' onPress={openStations}>
        <View className='home-stations__body'>
          <Text className='home-stations__title'>翼展驿站</Text>
          <Text className='home-stations__text'>找到你学校的驿站，认识身边的驻马店老乡</Text>
        </View>
        <Text className='home-stations__go'>去看看 ›</Text>
      </Pressable>

      <Text className='section-title home-offers__title'>联盟能为你做什么</Text>
      <View className='home-offers'>
        {OFFERS.map((offer) => (
          <Pressable role='link' className='home-offer' key={offer.id} id={`home-offer-${offer.id}`} onPress={() => openOffer(offer.to)}>
            <Text className='home-offer__title'>{offer.title} ›</Text>
            <Text className='home-offer__text'>{offer.text}</Text>
          </Pressable>
        ))}
      </View>

      <HomeStories />

      <Pressable role='link' className='home-footnote' id='home-privacy' onPress={() => void Taro.navigateTo({ url: '/pages/privacy/index' })}>
        <Text className='hint'>我们如何保护你的信息：隐私保护指引</Text>
      </Pressable>
    </View>
  )
}
