import { useState, type ReactNode } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Switch, Text, View } from '@tarojs/components'
import { COMPETITION_KINDS, DEGREES, saveCompetitionInput, toFieldErrors, type CompetitionKindId, type CompetitionStatus, type DegreeId, type RuleBreak } from '../../../../../types'
import StateView from '../../../../components/state-view'
import ChoiceChips from '../../../../components/choice-chips'
import FormField, { FormText } from '../../../../components/form-field'
import StaffGate from '../../../staff/staff-gate'
import { useEditDraft } from '@/hooks/use-edit-draft'
import { ApiCallError, errorMessage } from '../../../../services/api'
import DateTimeField from '../../../../features/activity/components/datetime-field'
import { checkRules, getCompetition, saveCompetition } from '../../../../features/competition/api'
import { draftFromCompetition, draftToCandidate, emptyCompetitionDraft, errorsByRow, type CompetitionDraft, type CriterionDraft } from '../../../../features/competition/competition-draft'
import { STATUS_NAMES } from '../../../../features/competition/labels'
import { leavePage, pause } from '../../../../utils/navigation'
import { scrollToElement } from '../../../../utils/scroll'
import '../../competition.scss'

type NumberKey = 'membersMin' | 'membersMax' | 'advisorsMax' | 'maxTeamsPerPerson' | 'maxLeadPerPerson' | 'judgesPerProject' | 'minScoredForNormalising' | 'shortlistQuota'
type TimeKey = 'registrationOpensAt' | 'registrationClosesAt' | 'submissionClosesAt'

const KINDS = COMPETITION_KINDS.map((k) => ({ id: k.id, name: k.name }))
const STATUSES = (Object.keys(STATUS_NAMES) as CompetitionStatus[]).map((id) => ({ id, name: STATUS_NAMES[id] }))
const TIMES: { key: TimeKey; label: string }[] = [
  { key: 'registrationOpensAt', label: '报名开始' },
  { key: 'registrationClosesAt', label: '报名截止（之后只能移除成员）' },
  { key: 'submissionClosesAt', label: '作品提交截止' },
]
const TEAM_NUMBERS: { key: NumberKey; label: string; hint?: string }[] = [
  { key: 'membersMin', label: '最少人数（含负责人）' },
  { key: 'membersMax', label: '最多人数（含负责人）' },
  { key: 'advisorsMax', label: '指导老师最多（位）', hint: '0 表示不设指导老师' },
  { key: 'maxTeamsPerPerson', label: '每人最多参加团队数' },
  { key: 'maxLeadPerPerson', label: '每人最多担任负责人数' },
]
const JUDGING_NUMBERS: { key: NumberKey; label: string; hint?: string }[] = [
  { key: 'judgesPerProject', label: '每个项目评委人数' },
  { key: 'minScoredForNormalising', label: '标准化所需每位评委最少评分数', hint: '有评委评分少于此数时，只给出原始平均分' },
  { key: 'shortlistQuota', label: '晋级名额' },
]

/** Staff: create or edit a competition — its rules, stages, deadlines, team size, limits and rubric. */
export default function CompetitionEditPage() {
  return <StaffGate>{() => <EditForm />}</StaffGate>
}

function EditForm() {
  const { params } = useRouter()
  const id = params.id || undefined
  const { draft, setDraft, load } = useEditDraft(id, getCompetition, draftFromCompetition, emptyCompetitionDraft, '编辑赛事')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  /** The teams the edited rules would break, shown before saving; null until checked. */
  const [breaks, setBreaks] = useState<RuleBreak[] | null>(null)

  const change = <K extends keyof CompetitionDraft>(key: K, value: CompetitionDraft[K], row: string = key) => {
    setDraft((d) => ({ ...d, [key]: value }))
    setBreaks(null)
    if (errors[row]) setErrors(({ [row]: _drop, ...rest }) => rest)
  }
  const changeCriterion = (index: number, patch: Partial<CriterionDraft>) =>
    change(
      'rubric',
      draft.rubric.map((r, i) => (i === index ? { ...r, ...patch } : r)),
      `rubric-${index}`,
    )

  const showErrors = (fields: Record<string, string>) => {
    const rows = errorsByRow(fields)
    setErrors(rows)
    const first = Object.keys(rows)[0]
    if (first && first !== '_') scrollToElement(`field-${first}`)
  }

  /**
   * An edit is first checked against the teams formed: if the new rules break any, they are listed
   * and staff save again with 仍然保存 (the server refuses without it, and tells those teams).
   */
  const save = async (confirmBreaking = false) => {
    if (saving) return
    const parsed = saveCompetitionInput.safeParse(draftToCandidate(draft, id))
    if (!parsed.success) {
      const { message, fields } = toFieldErrors(parsed.error)
      void Taro.showToast({ title: message, icon: 'none', duration: 2500 })
      showErrors(fields)
      return
    }
    setSaving(true)
    try {
      if (id && !confirmBreaking) {
        const found = await checkRules(draftToCandidate(draft, id))
        if (found.length > 0) {
          setBreaks(found)
          void Taro.showToast({ title: `新规则与${found.length}个团队冲突`, icon: 'none', duration: 2500 })
          scrollToElement('cp-breaks')
          return
        }
      }
      await saveCompetition({ ...draftToCandidate(draft, id), ...(confirmBreaking ? { confirmBreaking: true } : {}) })
      void Taro.showToast({ title: draft.status === 'draft' ? '已保存为草稿' : '已保存并发布', icon: 'success' })
      await pause(600)
      leavePage()
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 2500 })
      if (error instanceof ApiCallError && Object.keys(error.fields).length) showErrors(error.fields)
    } finally {
      setSaving(false)
    }
  }

  if (load.status === 'loading') return <StateView kind='loading' />
  if (load.status === 'error') return <StateView kind='error' description={load.error ?? undefined} actionText='重试' onAction={() => void load.reload()} />

  const field = (row: string, label: string, body: ReactNode, hint?: string) => (
    <FormField key={row} name={row} label={label} hint={hint} error={errors[row]}>
      {body}
    </FormField>
  )
  const numberField = (n: { key: NumberKey; label: string; hint?: string }) =>
    field(n.key, n.label, <FormText id={`cp-${n.key}-input`} type='number' value={draft[n.key]} maxlength={4} placeholder='数字' onChange={(v) => change(n.key, v)} />, n.hint)

  return (
    <View className='page' id='competition-edit'>
      <View className='card'>
        <Text className='section-title'>基本信息</Text>
        {field(
          'kind',
          '赛事类型',
          <ChoiceChips idPrefix='cp-kind' items={KINDS} selected={draft.kind ? [draft.kind] : []} onToggle={(k) => change('kind', k === draft.kind ? '' : (k as CompetitionKindId))} invalid={Boolean(errors.kind)} />,
        )}
        {field('title', '赛事名称', <FormText id='cp-title-input' value={draft.title} maxlength={60} placeholder='例如：“挑战杯”创业计划竞赛驻马店市赛' onChange={(v) => change('title', v)} />)}
        {field(
          'description',
          '赛事说明（选填）',
          <FormText id='cp-description-input' multiline value={draft.description} maxlength={2000} placeholder='参赛对象、作品要求、奖项设置' onChange={(v) => change('description', v)} />,
        )}
        {field('tracks', '赛道', <FormText id='cp-tracks-input' multiline value={draft.tracks} maxlength={400} placeholder='每行一个赛道' onChange={(v) => change('tracks', v)} />, '每行一个；已有团队的赛道请勿改名')}
      </View>

      <View className='card'>
        <Text className='section-title'>时间节点</Text>
        {TIMES.map((t) => field(t.key, t.label, <DateTimeField label={t.label} value={draft[t.key]} invalid={Boolean(errors[t.key])} onChange={(v) => change(t.key, v)} />))}
        <Text className='hint'>截止时间以服务器时间为准，到点即不再接受新版本</Text>
      </View>

      <View className='card'>
        <Text className='section-title'>组队规则</Text>
        {TEAM_NUMBERS.map(numberField)}
        {field(
          'leaderDegrees',
          '可担任负责人的学历',
          <ChoiceChips
            idPrefix='cp-leader-degree'
            items={DEGREES}
            selected={draft.leaderDegrees}
            onToggle={(v) => change('leaderDegrees', draft.leaderDegrees.includes(v as DegreeId) ? draft.leaderDegrees.filter((x) => x !== v) : [...draft.leaderDegrees, v as DegreeId])}
            invalid={Boolean(errors.leaderDegrees)}
          />,
        )}
        <View className='cp-switch' id='field-phdLimited'>
          <View className='cp-row__main'>
            <Text className='form-field__label'>限制博士研究生占比</Text>
            <Text className='hint'>开启后博士研究生不能担任负责人</Text>
          </View>
          <Switch id='cp-phd-switch' nativeProps={{ 'aria-label': '限制博士研究生占比' }} checked={draft.phdLimited} color='#C8161D' onChange={(e) => change('phdLimited', e.detail.value, 'phdMaxShare')} />
        </View>
        {draft.phdLimited
          ? field(
              'phdMaxShare',
              '博士研究生最多占团队人数（%）',
              <FormText id='cp-phd-input' type='number' value={draft.phdMaxPercent} maxlength={3} placeholder='例如 30' onChange={(v) => change('phdMaxPercent', v, 'phdMaxShare')} />,
            )
          : null}
        {field(
          'checklist',
          '参赛资格承诺（负责人逐条确认）',
          <FormText id='cp-checklist-input' multiline value={draft.checklist} maxlength={900} placeholder='每行一条，最多10条' onChange={(v) => change('checklist', v)} />,
        )}
      </View>

      <View className='card'>
        <Text className='section-title'>评审</Text>
        {JUDGING_NUMBERS.map(numberField)}
        <Text className='form-field__label'>评分标准</Text>
        <Text className='hint'>每个维度至少两个档位，每行一个档位：分值 + 说明，例如“5 有突破性创新”</Text>
        {draft.rubric.map((r, i) => (
          <View className='cp-criterion' key={`criterion-${i}`} id={`field-rubric-${i}`}>
            <FormField name={`rubric-name-${i}`} label={`维度${i + 1}名称`}>
              <FormText id={`cp-rubric-name-${i}`} value={r.name} maxlength={20} placeholder='例如：创新性' onChange={(v) => changeCriterion(i, { name: v })} />
            </FormField>
            <FormField name={`rubric-levels-${i}`} label='档位' error={errors[`rubric-${i}`]}>
              <FormText id={`cp-rubric-levels-${i}`} multiline value={r.levels} maxlength={500} placeholder={'1 一般\n3 较好\n5 突出'} onChange={(v) => changeCriterion(i, { levels: v })} />
            </FormField>
            {draft.rubric.length > 1 ? (
              <Button className='btn btn-plain' size='mini' id={`cp-rubric-remove-${i}`} onClick={() => change('rubric', draft.rubric.filter((_, k) => k !== i), 'rubric')}>
                删除这个维度
              </Button>
            ) : null}
          </View>
        ))}
        {errors.rubric ? <Text className='cp-error'>{errors.rubric}</Text> : null}
        <Button className='btn btn-ghost' id='cp-rubric-add' disabled={draft.rubric.length >= 10} onClick={() => change('rubric', [...draft.rubric, { id: '', name: '', levels: '' }], 'rubric')}>
          添加评分维度
        </Button>
      </View>

      <View className='card'>
        <Text className='section-title'>发布</Text>
        {field(
          'status',
          '赛事状态',
          <ChoiceChips idPrefix='cp-status' items={STATUSES} selected={[draft.status]} onToggle={(s) => change('status', s as CompetitionStatus)} />,
          '草稿只有工作人员能看到；选“报名中”即向学生发布',
        )}
      </View>

      {breaks && breaks.length > 0 ? (
        <View className='card' id='cp-breaks'>
          <Text className='section-title'>新规则与{breaks.length}个已报名团队冲突</Text>
          <Text className='hint'>保存后这些团队须按新规则调整才能提交作品，系统会通知团队负责人和已确认的成员。</Text>
          {breaks.map((b) => (
            <View className='cp-row' key={b.teamId}>
              <View className='cp-row__main'>
                <Text className='cp-row__title'>{b.teamName}</Text>
                {b.reasons.map((r) => (
                  <Text className='cp-reason' key={r}>
                    {r}
                  </Text>
                ))}
              </View>
            </View>
          ))}
          <View className='cp-actions'>
            <Button className='btn btn-ghost' id='cp-breaks-back' disabled={saving} onClick={() => setBreaks(null)}>
              返回修改
            </Button>
            <Button className='btn btn-primary' id='cp-save-confirm' disabled={saving} onClick={() => void save(true)}>
              仍然保存并通知这些团队
            </Button>
          </View>
        </View>
      ) : null}
      {errors._ ? <Text className='cp-error'>{errors._}</Text> : null}
      <View className='cp-bar-spacer' />
      <View className='cp-bar'>
        <Button id='cp-save' className='btn btn-primary' loading={saving} disabled={saving} onClick={() => void save()}>
          <Text>{saving ? '正在保存…' : draft.status === 'draft' ? '保存为草稿' : '保存并发布'}</Text>
        </Button>
      </View>
    </View>
  )
}
