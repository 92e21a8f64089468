import { View } from '@tarojs/components'
import StateView from '../../components/state-view'
import ConsentControl from '../../features/member/components/consent-control'
import PrivacyStatement from '../../features/member/components/privacy-statement'
import { useMe } from '@/hooks/use-me'

export default function PrivacyPage() {
  const me = useMe()
  return (
    <View className='page privacy'>
      <View className='card'>
        <PrivacyStatement />
        {/* Consent can be withdrawn (and given again) here, by members only. */}
        {me.member ? <ConsentControl member={me.member} /> : null}
        {!me.member && me.status === 'error' ? (
          <StateView kind='error' title='暂时无法读取你的同意状态' description={me.error ?? undefined} actionText='重试' onAction={() => void me.refresh()} />
        ) : null}
      </View>
    </View>
  )
}
