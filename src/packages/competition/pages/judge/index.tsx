import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { BlindProject, Competition, Judge } from '../../../../../types'
import StateView from '../../../../components/state-view'
import FormField, { FormText } from '../../../../components/form-field'
import { useLoad } from '@/hooks/use-load'
import { errorMessage } from '../../../../services/api'
import { judgeProjects, redeemJudge, scoreProject } from '../../../../features/competition/api'
import '../../competition.scss'

const SEAT_KEY = 'competition-judge-seat'

/**
 * External judges: no member profile; the invite code binds the seat to this WeChat identity — typed
 * in, or filled in from the invite link staff send (`?code=` on this page). They
 * see the blind copy only (names, members and universities masked) and score by rubric levels.
 */
export default function JudgePage() {
  const [seat, setSeat] = useState<string>(() => String(Taro.getStorageSync(SEAT_KEY) || ''))
  const invited = useRouter().params.code ?? ''
  const [code, setCode] = useState(() => (/^\d{6}$/.test(invited) ? invited : ''))
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)
  const load = useLoad<{ competition: Competition; projects: BlindProject[] }>(seat ? () => judgeProjects(seat) : null, seat)

  const redeem = async () => {
    setBusy(true)
    setMessage('')
    try {
      const judge: Judge = await redeemJudge(code.trim())
      Taro.setStorageSync(SEAT_KEY, judge.id)
      setSeat(judge.id)
    } catch (e) {
      setMessage(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  if (!seat) {
    return (
      <View className='page' id='judge-redeem'>
        <View className='card'>
          <Text className='section-title'>评委入口</Text>
          <FormField name='judge-code' label='评委邀请码' hint='由团市委工作人员发给你' error={message || undefined}>
            <FormText id='judge-code-input' value={code} onChange={setCode} maxlength={6} placeholder='6位数字' type='number' />
          </FormField>
          <Button className='btn btn-primary' id='judge-redeem-button' disabled={busy || code.trim().length !== 6} loading={busy} onClick={() => void redeem()}>
            进入评审
          </Button>
        </View>
      </View>
    )
  }
  if (load.status === 'error') {
    return (
      <StateView
        kind='error'
        description={load.error ?? undefined}
        actionText='换一个邀请码'
        onAction={() => {
          Taro.removeStorageSync(SEAT_KEY)
          setSeat('')
        }}
      />
    )
  }
  if (!load.data) return <StateView kind='loading' />
  const { competition, projects } = load.data
  return (
    <View className='page' id='judge-page'>
      <View className='cp-hero'>
        <Text className='cp-hero__title'>{competition.title}</Text>
        <Text className='cp-hero__sub'>盲评：团队名称、成员和学校已隐去。共{projects.length}个项目。</Text>
      </View>
      {projects.length === 0 ? <StateView kind='empty' title='还没有分配给你的项目' /> : null}
      {projects.map((p) => (
        <ProjectCard key={p.teamId} project={p} competition={competition} judgeId={seat} onScored={() => void load.reload(true)} />
      ))}
    </View>
  )
}

function ProjectCard({ project, competition, judgeId, onScored }: { project: BlindProject; competition: Competition; judgeId: string; onScored: () => void }) {
  const [levels, setLevels] = useState<Record<string, number>>(project.myScore?.levels ?? {})
  const [comment, setComment] = useState(project.myScore?.comment ?? '')
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)
  const save = async () => {
    setBusy(true)
    setMessage('')
    try {
      await scoreProject({ judgeId, teamId: project.teamId, levels, comment })
      setMessage('已保存评分')
      onScored()
    } catch (e) {
      setMessage(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card' id={`project-${project.code}`}>
      <Text className='section-title'>
        {project.code} · {project.projectTitle}
        {project.calibration ? '（校准项目，不计入结果，请先评）' : ''}
      </Text>
      <Text className='hint' id={`project-abstract-${project.code}`}>
        {project.abstract}
      </Text>
      <Text className='hint'>材料：{project.files.map((f) => f.name).join('、')}</Text>
      {competition.judging.rubric.map((criterion) => (
        <View key={criterion.id}>
          <Text className='cp-row__title'>{criterion.name}</Text>
          {criterion.levels.map((level) => (
            <Pressable
              key={level.score}
              id={`level-${project.code}-${criterion.id}-${level.score}`}
              className={`cp-level${levels[criterion.id] === level.score ? ' cp-level--on' : ''}`}
              onPress={() => setLevels({ ...levels, [criterion.id]: level.score })}
            >
              <Text>
                {level.score}分：{level.description}
              </Text>
            </Pressable>
          ))}
        </View>
      ))}
      <FormField name={`comment-${project.code}`} label='评语' optional>
        <FormText value={comment} onChange={setComment} maxlength={300} placeholder='给团队的建议' multiline />
      </FormField>
      {message ? <Text className={message === '已保存评分' ? 'cp-ok' : 'cp-reason'}>{message}</Text> : null}
      <Button className='btn btn-primary' id={`score-${project.code}`} disabled={busy} loading={busy} onClick={() => void save()}>
        <Text>{project.myScore ? '更新评分' : '提交评分'}</Text>
      </Button>
    </View>
  )
}
