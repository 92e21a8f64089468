import { useMemo, useState, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import FormField, { FormText } from '@/components/form-field'
import { NOTICE_ACTIVITY_STATUSES, sendNoticeInput, toFieldErrors, type TaxonomyItem } from '../../../../../types'
import StateView from '../../../../components/state-view'
import DateTimeField from '../../../../features/activity/components/datetime-field'
import { useStationList } from '../../../../features/activity/hooks/use-station-names'
import ChoiceChips from '@/components/choice-chips'
import { useMe } from '@/hooks/use-me'
import { useRequestId } from '@/hooks/use-request-id'
import { useTaxonomy } from '@/hooks/use-taxonomy'
import { sendNotice } from '../../../../features/notice/api'
import { useLinkChoices } from '../../../../features/notice/hooks/use-link-choices'
import { useRecipientPreview } from '../../../../features/notice/hooks/use-recipient-preview'
import { ACTIVITY_AUDIENCE_NAMES } from '../../../../features/notice/labels'
import {
  audienceOf,
  draftToCandidate,
  emptyNoticeDraft,
  errorsByBlock,
  type AudienceKind,
  type LinkKind,
  type NoticeDraft,
} from '../../../../features/notice/notice-draft'
import { rememberNotices } from '../../../../features/notice/store'
import { ApiCallError, errorMessage } from '../../../../services/api'
import { leavePage, pause } from '../../../../utils/navigation'
import { scrollToElement } from '../../../../utils/scroll'
import '../../../../features/activity/activity.scss'
import './index.scss'

const AUDIENCE_KINDS: { id: AudienceKind; name: string }[] = [
  { id: 'all', name: '全部成员' },
  { id: 'filter', name: '按条件' },
  { id: 'activity', name: '活动报名者' },
]
const LINK_KINDS: { id: LinkKind; name: string }[] = [
  { id: 'none', name: '不附链接' },
  { id: 'activity', name: '活动' },
  { id: 'policy', name: '政策' },
]
const ACTIVITY_STATUS_CHOICES: TaxonomyItem[] = NOTICE_ACTIVITY_STATUSES.map((s) => ({ id: s, name: `只发${ACTIVITY_AUDIENCE_NAMES[s]}` }))

/** Graduation years worth choosing: recent graduates to this year's freshmen. */
function graduationYears(): TaxonomyItem[] {
  const now = new Date().getFullYear()
  return Array.from({ length: 9 }, (_, i) => now - 3 + i).map((y) => ({ id: String(y), name: `${y}届` }))
}

type ListKey = 'stationIds' | 'countyIds' | 'fieldIds' | 'degreeIds' | 'graduationYears'

/** Compose and send (or schedule) a notice: staff to any audience, a head to their own station. */
export default function NoticeComposePage() {
  const me = useMe()
  const taxonomy = useTaxonomy()
  const role = me.member?.role
  const allowed = role === 'staff' || role === 'station_head'
  const isStaff = role === 'staff'
  const headStationId = role === 'station_head' ? (me.member?.stationId ?? '') : null
  const stations = useStationList(isStaff)
  const [draft, setDraft] = useState<NoticeDraft>(emptyNoticeDraft)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [sending, setSending] = useState(false)
  const request = useRequestId()
  const years = useMemo(graduationYears, [])
  const activities = useLinkChoices('activity', allowed && (draft.linkKind === 'activity' || draft.audienceKind === 'activity'))
  const policies = useLinkChoices('policy', allowed && draft.linkKind === 'policy')
  const audience = audienceOf(draft, headStationId)
  const preview = useRecipientPreview(audience, allowed)

  const change = <K extends keyof NoticeDraft>(key: K, value: NoticeDraft[K], block: string = key) => {
    setDraft((d) => ({ ...d, [key]: value }))
    if (errors[block]) setErrors(({ [block]: _drop, ...rest }) => rest)
  }
  const toggle = (key: ListKey, value: string) =>
    change(key, draft[key].includes(value) ? draft[key].filter((v) => v !== value) : [...draft[key], value], 'audience')

  const send = async () => {
    if (sending) return
    const parsed = sendNoticeInput.safeParse(draftToCandidate(draft, headStationId))
    if (!parsed.success) {
      const { message, fields } = toFieldErrors(parsed.error)
      const byBlock = errorsByBlock(fields)
      setErrors(byBlock)
      void Taro.showToast({ title: message, icon: 'none', duration: 2500 })
      const first = Object.keys(byBlock)[0]
      if (first && first !== '_') scrollToElement(`field-${first}`)
      return
    }
    const count = preview.status === 'ready' ? `约 ${preview.recipients} 人` : '符合条件的成员'
    const { confirm } = await Taro.showModal({
      title: draft.scheduled ? '定时发送' : '发送通知',
      content: draft.scheduled ? `到时将发给${count}，发送前可以撤回。` : `现在发给${count}？发出后可以撤回，但已推送的微信提醒无法收回。`,
      confirmText: draft.scheduled ? '定时发送' : '发送',
      confirmColor: '#C8161D',
    })
    if (!confirm) return
    setSending(true)
    const input = draftToCandidate(draft, headStationId)
    try {
      const notice = await sendNotice(input, request.idFor(input))
      request.done()
      rememberNotices([notice])
      void Taro.showToast({ title: notice.status === 'scheduled' ? '已定时' : `已发送给 ${notice.recipients} 人`, icon: 'none' })
      await pause(800)
      leavePage()
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 2500 })
      if (error instanceof ApiCallError && Object.keys(error.fields).length) setErrors(errorsByBlock(error.fields))
    } finally {
      setSending(false)
    }
  }

  if (me.loading) return <StateView kind='loading' />
  if (!allowed) return <StateView kind='empty' title='只有团市委工作人员和站长可以发送通知' />
  if (headStationId === '') return <StateView kind='empty' title='你还没有负责的驿站' description='站长只能给本驿站成员发通知' />

  const field = (key: string, label: string, body: ReactNode, hint?: string) => (
    <FormField name={key} label={label} hint={hint} error={errors[key]}>
      {body}
    </FormField>
  )
  const single = (idPrefix: string, items: readonly TaxonomyItem[], selected: string, onPick: (id: string) => void) => (
    <ChoiceChips idPrefix={idPrefix} items={items} selected={selected ? [selected] : []} onToggle={onPick} />
  )

  const renderAudience = () => {
    if (headStationId !== null) {
      return <Text className='nc-fixed' id='audience-own-station'>本站成员（站长只能给本驿站成员发通知）</Text>
    }
    return (
      <View>
        {single('audience-kind', AUDIENCE_KINDS, draft.audienceKind, (k) => change('audienceKind', k as AudienceKind, 'audience'))}
        {draft.audienceKind === 'filter' ? (
          <View>
            <Text className='hint'>每一类里选中任意一项即可；不同类之间需同时满足</Text>
            <Text className='form-field__label nc-sub'>翼展驿站</Text>
            {stations.length ? (
              <ChoiceChips idPrefix='audience-station' items={stations} selected={draft.stationIds} onToggle={(v) => toggle('stationIds', v)} />
            ) : (
              <Text className='hint'>正在加载驿站…</Text>
            )}
            <Text className='form-field__label nc-sub'>家乡县区</Text>
            <ChoiceChips idPrefix='audience-county' items={taxonomy.counties} selected={draft.countyIds} onToggle={(v) => toggle('countyIds', v)} />
            <Text className='form-field__label nc-sub'>重点产业领域</Text>
            <ChoiceChips idPrefix='audience-field' items={taxonomy.fields} selected={draft.fieldIds} onToggle={(v) => toggle('fieldIds', v)} />
            <Text className='form-field__label nc-sub'>学历</Text>
            <ChoiceChips idPrefix='audience-degree' items={taxonomy.degrees} selected={draft.degreeIds} onToggle={(v) => toggle('degreeIds', v)} />
            <Text className='form-field__label nc-sub'>毕业年份</Text>
            <ChoiceChips idPrefix='audience-year' items={years} selected={draft.graduationYears} onToggle={(v) => toggle('graduationYears', v)} />
          </View>
        ) : null}
        {draft.audienceKind === 'activity' ? (
          <View>
            <Text className='form-field__label nc-sub'>活动</Text>
            {activities.status === 'ready' ? (
              activities.items.length ? (
                single('audience-activity', activities.items, draft.activityId, (v) => change('activityId', v === draft.activityId ? '' : v, 'audience'))
              ) : (
                <Text className='hint'>还没有可选的活动</Text>
              )
            ) : (
              <Text className='hint'>{activities.status === 'error' ? activities.message : '正在加载活动…'}</Text>
            )}
            <Text className='form-field__label nc-sub'>报名状态</Text>
            <Text className='hint form-field__hint'>都不选：报名成功和候补中的都发</Text>
            {single('audience-activity-status', ACTIVITY_STATUS_CHOICES, draft.activityStatus, (v) =>
              change('activityStatus', v === draft.activityStatus ? '' : (v as NoticeDraft['activityStatus']), 'audience'),
            )}
          </View>
        ) : null}
      </View>
    )
  }

  const renderLink = () => {
    const choices = draft.linkKind === 'activity' ? activities : draft.linkKind === 'policy' ? policies : null
    return (
      <View>
        {single('link-kind', LINK_KINDS, draft.linkKind, (k) => {
          change('linkKind', k as LinkKind, 'link')
          change('linkId', '', 'link')
        })}
        {choices ? (
          choices.status === 'ready' ? (
            choices.items.length ? (
              single(`link-${draft.linkKind}`, choices.items, draft.linkId, (v) => change('linkId', v === draft.linkId ? '' : v, 'link'))
            ) : (
              <Text className='hint'>{draft.linkKind === 'activity' ? '还没有可选的活动' : '还没有已发布的政策'}</Text>
            )
          ) : (
            <Text className='hint'>{choices.status === 'error' ? choices.message : '正在加载…'}</Text>
          )
        ) : null}
      </View>
    )
  }

  const renderPreview = () => {
    if (preview.status === 'ready') {
      return (
        <Text className='nc-preview' id='notice-preview'>
          预计送达 <Text className='nc-preview__n'>{preview.recipients}</Text> 人
        </Text>
      )
    }
    if (preview.status === 'loading') return <Text className='nc-preview nc-preview--muted'>正在计算送达人数…</Text>
    return <Text className='nc-preview nc-preview--muted'>{preview.message}</Text>
  }

  return (
    <View className='page notice-compose'>
      <View className='card'>
        {field(
          'title',
          '标题',
          <FormText
            id='notice-title-input'
            value={draft.title}
            maxlength={40}
            placeholder='例如：“翼展计划”暑期社会实践报名开始'
            onChange={(v) => change('title', v)}
          />,
        )}
        {field(
          'body',
          '正文',
          <FormText
            multiline
            id='notice-body-input'
            value={draft.body}
            maxlength={2000}
            placeholder='纯文字，换行和网址会原样显示'
            onChange={(v) => change('body', v)}
          />,
          `${draft.body.length}/2000`,
        )}
        {field('link', '附带链接（可选）', renderLink(), '成员读通知时可一键打开')}
      </View>

      <View className='card'>
        {field('audience', '发给谁', renderAudience())}
      </View>

      <View className='card'>
        {field(
          'sendAt',
          '发送时间',
          <View>
            {single('send-when', [
              { id: 'now', name: '立即发送' },
              { id: 'later', name: '定时发送' },
            ], draft.scheduled ? 'later' : 'now', (v) => change('scheduled', v === 'later', 'sendAt'))}
            {draft.scheduled ? (
              <DateTimeField label='定时发送时间' value={draft.sendAt} invalid={Boolean(errors.sendAt)} onChange={(v) => change('sendAt', v)} />
            ) : null}
          </View>,
        )}
      </View>

      {errors._ ? <Text className='field-error nc-form-error'>{errors._}</Text> : null}
      <View className='action-bar-spacer' />
      <View className='action-bar nc-bar'>
        {renderPreview()}
        <Button id='notice-send' className='btn btn-primary' loading={sending} disabled={sending || undefined} onClick={send}>
          <Text>{sending ? '正在发送…' : draft.scheduled ? '定时发送' : '发送'}</Text>
        </Button>
      </View>
    </View>
  )
}
