import { useMemo, useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import StateView from '@/components/state-view'
import { useLoad } from '@/hooks/use-load'
import { useRequestId } from '@/hooks/use-request-id'
import { checkSurveyAnswers, IDENTITY_MODE_LABELS, PUBLIC_LINK_LABEL, quotaFullRule, quotaKeysUsed, surveyPath, type SurveyAnswer, type SurveyAnswers, type SurveyForMember } from '../../../../../types'
import QuestionInput from '../../../../features/survey/components/question-input'
import { fetchSurvey, fetchSurveyLink, saveSurveyDraft, submitSurvey, submitSurveyLink } from '../../../../features/survey/api'
import { surveyLinkPath } from '../../../../features/survey/urls'
import { errorMessage } from '../../../../services/api'
import { scrollToElement } from '../../../../utils/scroll'
import '../../../../features/activity/activity.scss'
import '../../../../features/survey/survey.scss'
import './index.scss'

/**
 * A member answers a survey page by page: each page is saved on the server, so they can leave and
 * 继续上次填写. Opened from a public link (`token`), anyone signed in answers, member or not; the
 * pages are then kept on the phone only (nothing of theirs is stored before they submit).
 */
export default function SurveyAnswerPage() {
  const { id = '', token = '' } = useRouter().params
  const load = useLoad(id ? () => (token ? fetchSurveyLink(id, token).then((answer) => ({ manage: null, answer })) : fetchSurvey(id)) : null, `${id}:${token}`)
  const survey = load.data?.answer ?? null
  // A public link may be passed on: the share card carries the same link.
  useShareAppMessage(() => ({ title: survey?.title ?? '填写问卷', path: token ? `/${surveyLinkPath(id, token)}` : '/pages/index/index' }))
  if (!id) return <StateView kind='empty' title='没有指定问卷' />
  if (load.status === 'loading') return <StateView kind='loading' title='正在打开问卷…' />
  if (load.status === 'error') return <StateView kind='error' description={load.error ?? undefined} actionText='重试' onAction={() => void load.reload()} />
  if (!survey) return <StateView kind='empty' title='这份问卷不是发给你的' />
  return <Answering key={survey.id} survey={survey} token={token} />
}

function Answering({ survey, token }: { survey: SurveyForMember; token: string }) {
  // A saved draft wins; otherwise the answers the author prefilled from the member's profile.
  const [answers, setAnswers] = useState<SurveyAnswers>(survey.draft?.answers ?? survey.prefill)
  const [stage, setStage] = useState<'intro' | 'pages' | 'done'>(survey.status === 'submitted' ? 'done' : 'intro')
  const [index, setIndex] = useState(0)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [ended, setEnded] = useState<string | null>(null)
  const request = useRequestId()
  const path = useMemo(() => surveyPath(survey.definition, answers), [survey.definition, answers])
  const page = path.pages[Math.min(index, path.pages.length - 1)]
  const last = index >= path.pages.length - 1

  const begin = () => {
    const resume = survey.draft ? path.pages.findIndex((p) => p.id === survey.draft?.pageId) : 0
    setIndex(Math.max(0, resume))
    setStage('pages')
  }

  const change = (questionId: string, value: SurveyAnswer | undefined) => {
    setAnswers(({ [questionId]: _old, ...rest }) => (value === undefined ? rest : { ...rest, [questionId]: value }))
    if (errors[questionId]) setErrors(({ [questionId]: _drop, ...rest }) => rest)
  }

  const next = async () => {
    if (!page || busy) return
    const check = checkSurveyAnswers(survey.definition, answers, { pageIds: [page.id] })
    const mine = Object.fromEntries(Object.entries(check.errors).filter(([q]) => (path.questions[page.id] ?? []).some((x) => x.id === q)))
    if (Object.keys(mine).length) {
      setErrors(mine)
      void Taro.showToast({ title: Object.values(mine)[0]!, icon: 'none', duration: 2500 })
      scrollToElement(`question-${Object.keys(mine)[0]}`)
      return
    }
    // A full option whose question ends such answers: the server ends the member politely now.
    const ending = quotaKeysUsed(survey.definition, check.answers).some(
      (k) => survey.fullOptions.includes(k) && quotaFullRule(survey.definition, k).mode === 'end',
    )
    setBusy(true)
    try {
      if (last || ending) {
        const requestId = request.idFor(check.answers)
        const result = token ? await submitSurveyLink(survey.id, token, check.answers, requestId) : await submitSurvey(survey.id, check.answers, requestId)
        request.done()
        if (!result.submitted) setEnded(result.ended)
        setStage('done')
      } else {
        const nextPage = path.pages[index + 1]!
        if (!survey.publicLink) await saveSurveyDraft(survey.id, nextPage.id, check.answers)
        setIndex(index + 1)
        void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
      }
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }

  if (stage === 'done') {
    if (ended) return <StateView kind='empty' title='问卷到此结束' description={ended} />
    return <StateView kind='empty' title='已提交，感谢你的参与' description='你的回答已保存。' />
  }
  if (!survey.open) return <StateView kind='empty' title='问卷现在不能填写' description='问卷还没有开始、已经结束，或已收满答卷。感谢你的关注！' />

  if (stage === 'intro') {
    return (
      <View className='page survey-page survey-answer'>
        <View className='card'>
          <Text className='sa-title'>{survey.title}</Text>
          <Text className='badge badge--done' id='identity-mode'>
            {survey.publicLink ? PUBLIC_LINK_LABEL : IDENTITY_MODE_LABELS[survey.identityMode]}
          </Text>
          <Text className='sv-statement' id='identity-statement'>
            {survey.identityStatement}
          </Text>
          {survey.intro ? <Text className='sa-intro'>{survey.intro}</Text> : null}
          {survey.closeAt ? <Text className='hint'>截止：{survey.closeAt.slice(0, 16).replace('T', ' ')}</Text> : null}
        </View>
        <Button id='survey-begin' className='btn btn-primary' onClick={begin}>
          {survey.draft ? '继续上次填写' : '开始填写'}
        </Button>
      </View>
    )
  }

  return (
    <View className='page survey-page survey-answer'>
      <Text className='hint sa-progress' id='survey-progress'>
        第 {index + 1} / {path.pages.length} 页{page?.title ? ` · ${page.title}` : ''}
      </Text>
      <View className='card'>
        {(page ? (path.questions[page.id] ?? []) : []).map((q, i) => (
          <View key={q.id} className='sv-question' id={`question-${q.id}`}>
            <Text className='sv-question__title'>
              {i + 1}. {q.title}
              {q.required ? <Text className='sv-question__required'> *</Text> : null}
            </Text>
            {q.description ? <Text className='hint'>{q.description}</Text> : null}
            {q.id in survey.prefill && answers[q.id] === survey.prefill[q.id] ? (
              <Text className='hint' id={`prefilled-${q.id}`}>
                已按你的资料预填，如有变化可直接修改
              </Text>
            ) : null}
            <QuestionInput question={q} value={answers[q.id]} onChange={(v) => change(q.id, v)} fullOptions={survey.fullOptions} />
            {errors[q.id] ? <Text className='field-error'>{errors[q.id]}</Text> : null}
          </View>
        ))}
      </View>
      <View className='action-bar-spacer' />
      <View className='action-bar sv-bar'>
        {index > 0 ? (
          <Button id='survey-prev' className='btn btn-plain' disabled={busy || undefined} onClick={() => setIndex(index - 1)}>
            上一页
          </Button>
        ) : null}
        <Button id='survey-next' className='btn btn-primary' loading={busy} disabled={busy || undefined} onClick={() => void next()}>
          <Text>{busy ? '正在保存…' : last ? '提交' : '保存并下一页'}</Text>
        </Button>
      </View>
    </View>
  )
}
