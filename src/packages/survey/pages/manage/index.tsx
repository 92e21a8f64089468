import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import StateView from '@/components/state-view'
import ListFooter from '@/components/list-footer'
import { usePagedList } from '@/hooks/use-paged-list'
import { useMe } from '@/hooks/use-me'
import { IDENTITY_MODE_LABELS, PUBLIC_LINK_LABEL, SURVEY_STATUS_LABELS, SURVEY_TEMPLATES, type Survey } from '../../../../../types'
import { approveSurvey, closeSurvey, listSurveys, publishSurvey } from '../../../../features/survey/api'
import { SURVEY_STATUS_TONES } from '../../../../features/survey/labels'
import { surveyEditUrl, surveyLinkPath, surveyRespondentsUrl, surveyResultsUrl } from '../../../../features/survey/urls'
import { errorMessage } from '../../../../services/api'
import '../../../../features/activity/activity.scss'
import '../../../../features/survey/survey.scss'

/** 问卷管理: staff (all) and heads (their station's): build, approve (another staff member), publish, follow up, close. */
export default function SurveyManagePage() {
  const me = useMe()
  const role = me.member?.role
  const allowed = role === 'staff' || role === 'station_head'
  const [busy, setBusy] = useState('')
  const list = usePagedList(allowed ? (cursor) => listSurveys(cursor) : null, me.member?.openid ?? '')
  useDidShow(() => {
    if (list.status === 'ready') void list.reload(true)
  })
  usePullDownRefresh(() => {
    void list.reload(true).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => list.loadMore())
  const go = (url: string) => void Taro.navigateTo({ url })

  const act = async (s: Survey, verb: 'approve' | 'publish' | 'close') => {
    const words = { approve: ['审核通过', '确认题目、对象和身份模式无误？通过后创建者即可发布。'], publish: ['发布', '发布后题目和身份模式不能再改，名单将按当前条件固定。'], close: ['结束', '结束后成员不能再提交。'] }[verb]
    const { confirm } = await Taro.showModal({ title: `${words[0]}「${s.title}」`, content: words[1], confirmText: words[0], confirmColor: '#C8161D' })
    if (!confirm) return
    setBusy(`${verb}-${s.id}`)
    try {
      const next = await (verb === 'approve' ? approveSurvey(s.id) : verb === 'publish' ? publishSurvey(s.id) : closeSurvey(s.id))
      list.update((x) => x.id === s.id, next)
      void Taro.showToast({ title: verb !== 'publish' ? '已完成' : next.publicLink ? '已发布，复制链接分享给同学' : `已发给 ${next.recipients} 人`, icon: 'none' })
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusy('')
    }
  }

  /** The public link's page path: pasted into a WeChat message, a menu or a QR code generator. */
  const copyLink = (s: Survey) => {
    if (!s.linkToken) return
    void Taro.setClipboardData({ data: surveyLinkPath(s.id, s.linkToken) })
  }

  if (me.loading) return <StateView kind='loading' />
  if (!allowed) return <StateView kind='empty' title='只有团市委工作人员和站长可以管理问卷' />

  const small = (id: string, text: string, onClick: () => void, primary = false) => (
    <Button key={id} id={id} className={`btn ${primary ? 'btn-primary' : 'btn-plain'} sv-small-btn`} disabled={busy !== '' || undefined} onClick={(e) => { e.stopPropagation(); onClick() }}>
      {text}
    </Button>
  )

  const renderList = () => {
    if (list.status === 'loading') return <StateView kind='loading' title='正在加载问卷…' />
    if (list.status === 'error') return <StateView kind='error' description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
    if (list.items.length === 0) return <StateView kind='empty' title='还没有问卷' description='新建一份，或从模板开始' />
    return (
      <View id='survey-list'>
        {list.items.map((s) => (
          <View key={s.id} id={`survey-${s.id}`} className='card sv-item'>
            <View className='sv-item__top'>
              <Text className='sv-item__title'>{s.title}</Text>
              <Text className={`badge badge--${SURVEY_STATUS_TONES[s.status]}`}>
                {s.status === 'published' && s.responseCap !== null && s.responses >= s.responseCap ? '已收满' : SURVEY_STATUS_LABELS[s.status]}
              </Text>
            </View>
            <Text className='hint sv-item__meta'>
              {s.publicLink ? PUBLIC_LINK_LABEL : IDENTITY_MODE_LABELS[s.identityMode]}
              {s.status === 'published' || s.status === 'closed' ? ` · 已收 ${s.responses}${s.publicLink ? '' : ` / ${s.recipients}`} 份` : ''}
              {s.status === 'draft' && s.creatorOpenid === me.member?.openid ? ' · 等待另一位工作人员审核' : ''}
            </Text>
            {s.status === 'published' && s.linkToken ? (
              <Text className='hint sv-item__meta' id={`survey-link-${s.id}`} userSelect>
                公开链接：{surveyLinkPath(s.id, s.linkToken)}（没有未填写名单，也不能提醒）
              </Text>
            ) : null}
            <View className='sv-item__actions'>
              {s.status === 'draft' || s.status === 'approved' ? small(`survey-edit-${s.id}`, '编辑', () => go(surveyEditUrl(s.id))) : null}
              {s.status === 'draft' && role === 'staff' && s.creatorOpenid !== me.member?.openid ? small(`survey-approve-${s.id}`, '审核通过', () => void act(s, 'approve'), true) : null}
              {s.status === 'approved' ? small(`survey-publish-${s.id}`, '发布', () => void act(s, 'publish'), true) : null}
              {s.status === 'published' && s.linkToken ? small(`survey-copy-link-${s.id}`, '复制公开链接', () => copyLink(s), true) : null}
              {s.status === 'published' && s.identityMode !== 'anonymous' && !s.publicLink ? small(`survey-respondents-${s.id}`, '未填写名单', () => go(surveyRespondentsUrl(s.id))) : null}
              {s.status === 'published' || s.status === 'closed' ? small(`survey-results-${s.id}`, '结果', () => go(surveyResultsUrl(s.id))) : null}
              {s.status === 'published' ? small(`survey-close-${s.id}`, '结束', () => void act(s, 'close')) : null}
            </View>
          </View>
        ))}
        <ListFooter list={list} />
      </View>
    )
  }

  return (
    <View className='page survey-page'>
      <Button id='survey-new' className='btn btn-primary' onClick={() => go(surveyEditUrl())}>
        + 新建问卷
      </Button>
      <View className='card'>
        <Text className='hint'>从模板开始：</Text>
        <View className='sv-item__actions'>
          {SURVEY_TEMPLATES.map((t) => small(`survey-template-${t.id}`, t.name, () => go(surveyEditUrl(undefined, t.id))))}
        </View>
      </View>
      {renderList()}
    </View>
  )
}
