import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import ChoiceChips from '@/components/choice-chips'
import StateView from '@/components/state-view'
import { useLoad } from '@/hooks/use-load'
import { IDENTITY_MODE_LABELS, PUBLIC_LINK_LABEL, QUESTION_KIND_LABELS } from '../../../../../types'
import { exportSurvey, fetchSurveyResults } from '../../../../features/survey/api'
import { errorMessage } from '../../../../services/api'
import { openSpreadsheet } from '../../../../services/files'
import '../../../../features/activity/activity.scss'
import '../../../../features/survey/survey.scss'

const NAMED_DIMENSIONS = [
  { id: 'county', name: '家乡县区' },
  { id: 'degree', name: '学历' },
  { id: 'graduationYear', name: '毕业年份' },
]

/** Per-question figures and one cross-tab, computed on the server; small cells "<5" in anonymous surveys; free text never shown. */
export default function SurveyResultsPage() {
  const id = useRouter().params.id ?? ''
  const [by, setBy] = useState('')
  const load = useLoad(id ? () => fetchSurveyResults(id, by || undefined) : null, `${id}:${by}`)
  const [exporting, setExporting] = useState(false)

  const download = async () => {
    setExporting(true)
    try {
      await openSpreadsheet(await exportSurvey(id))
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setExporting(false)
    }
  }

  if (!id) return <StateView kind='empty' title='没有指定问卷' />
  if (load.status === 'loading' && !load.data) return <StateView kind='loading' title='正在统计…' />
  if (load.status === 'error' || !load.data) return <StateView kind='error' description={load.error ?? undefined} actionText='重试' onAction={() => void load.reload()} />
  const r = load.data
  const questionDims = r.questions.filter((q) => q.kind === 'single' || q.kind === 'county').map((q) => ({ id: q.questionId, name: `按「${q.title}」` }))
  const dims = [{ id: '', name: '不交叉' }, ...(r.survey.identityMode === 'named' ? NAMED_DIMENSIONS : []), ...questionDims]
  return (
    <View className='page survey-page' id='survey-results'>
      <View className='card'>
        <Text className='sv-item__title'>{r.survey.title}</Text>
        <Text className='hint sv-item__meta' id='results-summary'>
          {r.survey.publicLink ? PUBLIC_LINK_LABEL : IDENTITY_MODE_LABELS[r.survey.identityMode]} · 已收 {r.survey.responses}{r.survey.publicLink ? '' : ` / ${r.survey.recipients}`} 份
          {r.survey.identityMode !== 'named' ? ' · 少于5的数字显示为“<5”' : ''}
        </Text>
        <Text className='form-field__label'>交叉分析</Text>
        <ChoiceChips idPrefix='results-by' items={dims} selected={[by]} onToggle={setBy} />
      </View>
      {r.questions.map((q, i) => (
        <View key={q.questionId} className='card' id={`result-${q.questionId}`}>
          <Text className='sv-question__title'>
            {i + 1}. {q.title}（{QUESTION_KIND_LABELS[q.kind]}）
          </Text>
          <Text className='hint'>
            回答 {q.answered} 人{q.mean !== null ? ` · 平均 ${q.mean}` : ''}
          </Text>
          {q.counts.length === 0 ? <Text className='hint'>文字回答不在汇总中显示，请导出查看</Text> : null}
          {q.counts.map((c) => (
            <View key={c.id} className='sv-count'>
              <Text>{c.label}</Text>
              <Text id={`count-${q.questionId}-${c.id}`}>{c.count}</Text>
            </View>
          ))}
          {q.cross?.map((row) => (
            <Text key={row.value} className='sv-cross'>
              {row.label}：{q.counts.map((c) => `${c.label} ${row.counts[c.id] ?? 0}`).join('，')}
            </Text>
          ))}
        </View>
      ))}
      <View className='action-bar-spacer' />
      <View className='action-bar'>
        <Button id='survey-export' className='btn btn-primary' loading={exporting} disabled={exporting || undefined} onClick={() => void download()}>
          <Text>{exporting ? '正在导出…' : '导出 Excel（含编码和文字）'}</Text>
        </Button>
      </View>
    </View>
  )
}
