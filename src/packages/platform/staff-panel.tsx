import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { PlatformInvite, PlatformView } from '../../../types'
import FormField, { FormText } from '@/components/form-field'
import { useLoad } from '@/hooks/use-load'
import { errorMessage } from '@/services/api'
import {
  approveActivityDraft,
  invitePlatformContact,
  pendingDemandDrafts,
  platformContacts,
  rejectActivityDraft,
  reviewDemandDraft,
} from '../../features/platform/api'
import { whenOf } from '../../features/platform/labels'
import ContactPicker from './contact-picker'

const REJECT_REASON = '信息不完整，请补充后重新提交'

/** Staff on a platform's page: its contacts and invites, and what the contacts submitted for review. */
export default function StaffPanel({ platform, reload }: { platform: PlatformView; reload: () => Promise<void> }) {
  const contacts = useLoad(() => platformContacts(platform.id), platform.id)
  const demands = useLoad(() => pendingDemandDrafts(platform.id), platform.id)
  const [name, setName] = useState('')
  const [invite, setInvite] = useState<PlatformInvite | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (work: () => Promise<unknown>, done: string) => {
    if (busy) return
    setBusy(true)
    try {
      await work()
      void Taro.showToast({ title: done, icon: 'success' })
      await Promise.all([reload(), demands.reload(true), contacts.reload(true)])
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View>
      <Text className='section-title'>待审核（联系人提交）</Text>
      {(platform.drafts ?? []).length === 0 && (demands.data ?? []).length === 0 ? <Text className='hint'>没有待审核的活动或岗位</Text> : null}
      {(platform.drafts ?? []).map((a) => (
        <View className='platform-page__line' key={a.id} id={`staff-draft-${a.id}`}>
          <Text className='platform-page__line-title'>活动：{a.title}</Text>
          <Text className='platform-page__line-meta'>
            {whenOf(a.startAt)} · {a.place} · 名额 {a.capacity}
          </Text>
          <View className='platform-page__line-actions'>
            <Button className='btn btn-primary' id={`staff-approve-${a.id}`} disabled={busy || undefined} onClick={() => void run(() => approveActivityDraft(a.id), '已发布')}>
              通过并发布
            </Button>
            <Button className='btn btn-ghost' disabled={busy || undefined} onClick={() => void run(() => rejectActivityDraft(a.id, REJECT_REASON), '已退回')}>
              退回
            </Button>
          </View>
        </View>
      ))}
      {(demands.data ?? []).map((d) => (
        <View className='platform-page__line' key={d.id} id={`staff-demand-draft-${d.id}`}>
          <Text className='platform-page__line-title'>岗位：{d.demand.position}</Text>
          <Text className='platform-page__line-meta'>
            招 {d.demand.headcount} 人 · {d.demand.place} · 截止 {d.demand.deadline}
          </Text>
          <View className='platform-page__line-actions'>
            <Button className='btn btn-primary' disabled={busy || undefined} onClick={() => void run(() => reviewDemandDraft({ id: d.id, decision: 'approve' }), '已发布')}>
              通过并发布
            </Button>
            <Button className='btn btn-ghost' disabled={busy || undefined} onClick={() => void run(() => reviewDemandDraft({ id: d.id, decision: 'reject', reason: REJECT_REASON }), '已退回')}>
              退回
            </Button>
          </View>
        </View>
      ))}

      <ContactPicker platformId={platform.id} contacts={contacts.data ?? []} busy={busy} changed={() => contacts.reload(true)} />
      <FormField name='invite-name' label='邀请联盟外的联系人' hint='生成8位邀请码（14天有效），对方在“平台联系人”页面输入后即可为本平台提交活动和岗位'>
        <FormText id='staff-invite-name' value={name} onChange={setName} maxlength={20} placeholder='联系人姓名' />
      </FormField>
      <Button
        className='btn btn-ghost'
        id='staff-invite'
        disabled={busy || name.trim().length === 0 || undefined}
        onClick={() => void run(async () => setInvite(await invitePlatformContact(platform.id, name)), '已生成邀请码')}
      >
        生成邀请码
      </Button>
      {invite ? (
        <Text className='platform-page__fact' id='staff-invite-code' userSelect>
          邀请码：{invite.code}（给 {invite.name}，{invite.expiresAt.slice(0, 10)} 前有效）
        </Text>
      ) : null}
    </View>
  )
}
