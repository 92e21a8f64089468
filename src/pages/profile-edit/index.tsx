import { useMemo } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { toFieldErrors, updateMemberInput, type Member } from '../../../types'
import StateView from '../../components/state-view'
import { updateMember } from '../../features/member/api'
import ProfileForm from '../../features/member/components/profile-form'
import { useMe } from '@/hooks/use-me'
import { useRequestId } from '@/hooks/use-request-id'
import { changedFields, draftFromMember, errorsByInput, type ProfileDraft } from '../../features/member/profile-draft'
import { setMe } from '@/services/app-store'
import { ApiCallError, errorMessage } from '../../services/api'
import { leavePage, pause } from '../../utils/navigation'

function EditForm({ member }: { member: Member }) {
  const request = useRequestId()
  // The form keeps what the person types even if the member reloads underneath it.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- per person, not per reload of the same member
  const initial = useMemo(() => draftFromMember(member), [member.openid])

  const submit = async (draft: ProfileDraft): Promise<Record<string, string>> => {
    const changes = changedFields(initial, draft)
    if (Object.keys(changes).length === 0) {
      void Taro.showToast({ title: '没有需要保存的修改', icon: 'none' })
      return {}
    }
    const parsed = updateMemberInput.safeParse(changes)
    if (!parsed.success) {
      const { message, fields } = toFieldErrors(parsed.error)
      void Taro.showToast({ title: message, icon: 'none' })
      return errorsByInput(fields)
    }
    try {
      const updated = await updateMember(parsed.data, request.idFor(parsed.data))
      request.done()
      setMe(updated)
      void Taro.showToast({ title: '已保存', icon: 'success' })
      await pause(500)
      leavePage()
      return {}
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
      return error instanceof ApiCallError ? errorsByInput(error.fields) : {}
    }
  }

  return <ProfileForm initial={initial} submitLabel='保存修改' onSubmit={submit} />
}

export default function ProfileEditPage() {
  const me = useMe()
  const body = me.member ? (
    <EditForm member={me.member} />
  ) : me.loading ? (
    <StateView kind='loading' />
  ) : me.status === 'error' ? (
    <StateView kind='error' description={me.error ?? undefined} actionText='重试' onAction={() => void me.refresh()} />
  ) : (
    <StateView kind='empty' title='你还没有加入翼展联盟' actionText='去加入' onAction={() => void Taro.redirectTo({ url: '/pages/join/index' })} />
  )
  return <View className='page profile-edit'>{body}</View>
}
