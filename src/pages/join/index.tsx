import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import { PRIVACY_VERSION, registerMemberInput, toFieldErrors } from '../../../types'
import StateView from '../../components/state-view'
import { useDemo } from '../../features/demo/hooks/use-demo'
import { openDemoLogin } from '../../features/demo/session'
import { registerMember } from '../../features/member/api'
import PrivacyStatement from '../../features/member/components/privacy-statement'
import ProfileForm from '../../features/member/components/profile-form'
import { acceptPrivacy, forgetPrivacyAcceptance, hasAcceptedPrivacy } from '../../features/member/consent'
import { useMe } from '@/hooks/use-me'
import { useRequestId } from '@/hooks/use-request-id'
import { draftToCandidate, emptyDraft, errorsByInput, type ProfileDraft } from '../../features/member/profile-draft'
import { refreshMe, setMe } from '@/services/app-store'
import { ApiCallError, errorMessage } from '../../services/api'
import { leavePage, pause } from '../../utils/navigation'
import './index.scss'

type Step = 'privacy' | 'form'

export default function JoinPage() {
  const me = useMe()
  const demo = useDemo()
  const [step, setStep] = useState<Step>(() => (hasAcceptedPrivacy() ? 'form' : 'privacy'))
  const request = useRequestId()

  const agree = () => {
    acceptPrivacy()
    setStep('form')
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
  }

  const decline = () => {
    void Taro.showToast({ title: '你仍可以继续浏览', icon: 'none' })
    leavePage()
  }

  const submit = async (draft: ProfileDraft): Promise<Record<string, string>> => {
    const candidate = { ...draftToCandidate(draft), consentVersion: PRIVACY_VERSION }
    const parsed = registerMemberInput.safeParse(candidate)
    if (!parsed.success) {
      const { message, fields } = toFieldErrors(parsed.error)
      void Taro.showToast({ title: message, icon: 'none' })
      return errorsByInput(fields)
    }
    try {
      const member = await registerMember(parsed.data, request.idFor(parsed.data))
      request.done()
      setMe(member)
      void Taro.showToast({ title: '加入成功', icon: 'success' })
      await pause(600)
      void Taro.switchTab({ url: '/pages/mine/index' })
      return {}
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
      if (!(error instanceof ApiCallError)) return {}
      if (error.code === 'CONFLICT') {
        // Joined already (perhaps on another device): show what is stored.
        await refreshMe()
        void Taro.switchTab({ url: '/pages/mine/index' })
        return {}
      }
      if (error.fields.consentVersion) {
        // The statement changed since this device agreed: read the new one first.
        forgetPrivacyAcceptance()
        setStep('privacy')
        return {}
      }
      return errorsByInput(error.fields)
    }
  }

  const renderBody = () => {
    if (process.env.TARO_ENV === 'h5' && demo.enabled && !demo.session) {
      return (
        <StateView
          kind='empty'
          title='先选择一个示例账号'
          description='本地示例模式下，请以新访客身份或示例账号体验加入流程'
          actionText='去选择'
          onAction={openDemoLogin}
        />
      )
    }
    if (me.member) {
      return (
        <StateView
          kind='empty'
          title='你已经是翼展联盟成员'
          description='可以在“我的”里查看和修改资料'
          actionText='去我的'
          onAction={() => void Taro.switchTab({ url: '/pages/mine/index' })}
        />
      )
    }
    if (me.loading) return <StateView kind='loading' />
    if (step === 'privacy') {
      return (
        <View>
          <View className='card'>
            <Text className='join-step'>第 1 步 / 共 2 步 · 阅读隐私保护指引</Text>
            <PrivacyStatement />
          </View>
          <View className='join-privacy-actions'>
            <Button id='privacy-agree' className='btn btn-primary' onClick={agree}>
              同意并继续
            </Button>
            <Button id='privacy-decline' className='btn btn-plain' onClick={decline}>
              暂不同意
            </Button>
          </View>
        </View>
      )
    }
    return (
      <View>
        <Text className='join-step join-step--form'>第 2 步 / 共 2 步 · 填写资料（只有你本人能看到完整信息）</Text>
        <ProfileForm
          initial={emptyDraft}
          submitLabel='加入翼展联盟'
          onSubmit={submit}
          footer={
            <Pressable inline className='hint join-reread' onPress={() => setStep('privacy')}>
              重新阅读隐私保护指引
            </Pressable>
          }
        />
      </View>
    )
  }

  return <View className='page join'>{renderBody()}</View>
}
