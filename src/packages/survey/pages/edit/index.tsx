import { useEffect, useState, type ReactNode } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import ChoiceChips from '@/components/choice-chips'
import FormField, { FormText } from '@/components/form-field'
import StateView from '@/components/state-view'
import { useMe } from '@/hooks/use-me'
import { useRequestId } from '@/hooks/use-request-id'
import { useTaxonomy } from '@/hooks/use-taxonomy'
import {
  createSurveyInput,
  DEFAULT_QUOTA_END_MESSAGE,
  IDENTITY_MODE_LABELS,
  IDENTITY_MODE_STATEMENTS,
  IDENTITY_MODES,
  PIPELINE_FEED_NOTE,
  PUBLIC_LINK_BUILDER_NOTE,
  QUESTION_KIND_LABELS,
  PREFILL_KINDS,
  PREFILL_LABELS,
  PREFILL_SOURCES,
  QUESTION_KINDS,
  QUOTA_FULL_LABELS,
  QUOTA_FULL_MODES,
  SURVEY_TEMPLATES,
  toFieldErrors,
  type QuestionKind,
} from '../../../../../types'
import DateTimeField from '../../../../features/activity/components/datetime-field'
import ShowIfEditor from '../../../../features/survey/components/show-if-editor'
import { createSurvey, fetchSurvey, updateSurvey } from '../../../../features/survey/api'
import { CHOICE_KINDS, draftOf, draftToInput, emptySurveyDraft, freshId, newQuestion, type QuestionDraft, type SurveyDraft } from '../../../../features/survey/survey-draft'
import { errorMessage } from '../../../../services/api'
import { leavePage, pause } from '../../../../utils/navigation'
import '../../../../features/activity/activity.scss'
import '../../../../features/survey/survey.scss'
import './index.scss'

const KIND_ITEMS = QUESTION_KINDS.map((k) => ({ id: k, name: QUESTION_KIND_LABELS[k] }))
const MODE_ITEMS = IDENTITY_MODES.map((m) => ({ id: m, name: IDENTITY_MODE_LABELS[m] }))

/** The survey builder: questions of every kind, options with quotas, a show-if rule, pages; saved as a draft for approval. */
export default function SurveyEditPage() {
  const { id, template } = useRouter().params
  const me = useMe()
  const taxonomy = useTaxonomy()
  const role = me.member?.role
  const allowed = role === 'staff' || role === 'station_head'
  const [draft, setDraft] = useState<SurveyDraft | null>(id ? null : emptySurveyDraft())
  const [loadError, setLoadError] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const request = useRequestId()

  useEffect(() => {
    const chosen = SURVEY_TEMPLATES.find((t) => t.id === template)
    if (chosen) setDraft(draftOf(chosen))
    if (!id || !allowed) return
    fetchSurvey(id)
      .then((view) => (view.manage ? setDraft(draftOf(view.manage)) : setLoadError('不能编辑这份问卷')))
      .catch((error: unknown) => setLoadError(errorMessage(error)))
  }, [id, template, allowed])

  if (me.loading) return <StateView kind='loading' />
  if (!allowed) return <StateView kind='empty' title='只有团市委工作人员和站长可以编辑问卷' />
  if (loadError) return <StateView kind='error' description={loadError} />
  if (!draft) return <StateView kind='loading' title='正在打开问卷…' />

  const set = (patch: Partial<SurveyDraft>) => setDraft({ ...draft, ...patch })
  const setQuestion = (index: number, patch: Partial<QuestionDraft>) =>
    set({ questions: draft.questions.map((q, i) => (i === index ? { ...q, ...patch } : q)) })
  const addQuestion = (kind: QuestionKind) =>
    set({ questions: [...draft.questions, newQuestion(kind, draft.questions.map((q) => q.id), draft.questions.length === 0)] })

  const save = async () => {
    if (saving) return
    const input = draftToInput(draft, role === 'station_head')
    const parsed = createSurveyInput.safeParse(input)
    if (!parsed.success) {
      const { message, fields } = toFieldErrors(parsed.error)
      setErrors(fields)
      void Taro.showToast({ title: message, icon: 'none', duration: 3000 })
      return
    }
    setSaving(true)
    try {
      if (id) await updateSurvey({ id, ...input }, request.idFor(input))
      else await createSurvey(input, request.idFor(input))
      request.done()
      void Taro.showToast({ title: '已保存，等待另一位工作人员审核', icon: 'none', duration: 2500 })
      await pause(800)
      leavePage()
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setSaving(false)
    }
  }

  const field = (name: string, label: string, body: ReactNode, hint?: string) => (
    <FormField name={name} label={label} hint={hint} error={errors[name]}>
      {body}
    </FormField>
  )

  const renderQuestion = (q: QuestionDraft, index: number) => {
    const earlier = draft.questions.slice(0, index).filter((x) => x.kind === 'single' || x.kind === 'multiple')
    const choice = CHOICE_KINDS.includes(q.kind)
    return (
      <View key={q.id} className='card se-question' id={`builder-${q.id}`}>
        <View className='sv-item__top'>
          <Text className='sv-item__title'>
            {index + 1}. {QUESTION_KIND_LABELS[q.kind]}
          </Text>
          <Pressable inline className='se-remove' id={`builder-${q.id}-remove`} onPress={() => set({ questions: draft.questions.filter((x) => x.id !== q.id) })}>
            删除
          </Pressable>
        </View>
        <FormText id={`builder-${q.id}-title`} value={q.title} maxlength={100} placeholder='题目' onChange={(v) => setQuestion(index, { title: v })} />
        <ChoiceChips
          idPrefix={`builder-${q.id}-flags`}
          items={[
            { id: 'required', name: '必答' },
            ...(index > 0 ? [{ id: 'page', name: '从这题起新的一页' }] : []),
            ...(q.kind === 'text' ? [{ id: 'long', name: '多行' }] : []),
          ]}
          selected={[...(q.required ? ['required'] : []), ...(q.page && index > 0 ? ['page'] : []), ...(q.long ? ['long'] : [])]}
          onToggle={(flag) =>
            setQuestion(
              index,
              flag === 'required'
                ? { required: !q.required }
                : flag === 'long'
                  ? { long: !q.long }
                  : { page: q.page ? null : { id: freshId('p', draft.questions.flatMap((x) => (x.page ? [x.page.id] : []))), title: '', jumps: [] } },
            )
          }
        />
        {PREFILL_SOURCES.some((p) => PREFILL_KINDS[p].includes(q.kind)) && draft.identityMode !== 'anonymous' ? (
          <View id={`builder-${q.id}-prefill`}>
            <Text className='form-field__label se-sub'>用成员资料预填（成员可修改）</Text>
            <ChoiceChips
              idPrefix={`builder-${q.id}-prefill`}
              items={PREFILL_SOURCES.filter((p) => PREFILL_KINDS[p].includes(q.kind)).map((p) => ({ id: p, name: PREFILL_LABELS[p] }))}
              selected={q.prefill ? [q.prefill] : []}
              onToggle={(p) => setQuestion(index, { prefill: q.prefill === p ? null : (p as QuestionDraft['prefill']) })}
            />
          </View>
        ) : null}
        {q.kind === 'text' ? (
          <ChoiceChips
            idPrefix={`builder-${q.id}-format`}
            items={[{ id: 'plain', name: '文字' }, { id: 'phone', name: '手机号' }, { id: 'number', name: '数字' }]}
            selected={[q.format]}
            onToggle={(f) => setQuestion(index, { format: f as QuestionDraft['format'] })}
          />
        ) : null}
        {choice ? (
          <View>
            <Text className='form-field__label se-sub'>选项{q.kind === 'single' || q.kind === 'multiple' ? '（名额可不填）' : ''}</Text>
            {q.options.map((o, oi) => (
              <View key={o.id} className='se-option'>
                <View className='se-option__label'>
                  <FormText
                    id={`builder-${q.id}-option-${oi}`}
                    value={o.label}
                    maxlength={60}
                    placeholder={`选项${oi + 1}`}
                    onChange={(v) => setQuestion(index, { options: q.options.map((x, xi) => (xi === oi ? { ...x, label: v } : x)) })}
                  />
                </View>
                {q.kind === 'single' || q.kind === 'multiple' ? (
                  <View className='se-option__quota'>
                    <FormText
                      id={`builder-${q.id}-quota-${oi}`}
                      type='number'
                      value={o.quota}
                      maxlength={6}
                      placeholder='名额'
                      onChange={(v) => setQuestion(index, { options: q.options.map((x, xi) => (xi === oi ? { ...x, quota: v } : x)) })}
                    />
                  </View>
                ) : null}
              </View>
            ))}
            {(q.kind === 'single' || q.kind === 'multiple') && q.options.some((o) => o.quota.trim() !== '') ? (
              <View id={`builder-${q.id}-when-full`}>
                <Text className='form-field__label se-sub'>名额满后</Text>
                <ChoiceChips
                  idPrefix={`builder-${q.id}-full`}
                  items={QUOTA_FULL_MODES.map((m) => ({ id: m, name: QUOTA_FULL_LABELS[m] }))}
                  selected={[q.whenFull]}
                  onToggle={(m) => setQuestion(index, { whenFull: m as QuestionDraft['whenFull'] })}
                />
                {q.whenFull === 'end' ? (
                  <FormText
                    id={`builder-${q.id}-full-message`}
                    value={q.fullMessage}
                    maxlength={100}
                    placeholder={DEFAULT_QUOTA_END_MESSAGE}
                    onChange={(v) => setQuestion(index, { fullMessage: v })}
                  />
                ) : null}
              </View>
            ) : null}
            <Pressable inline
              className='se-add'
              id={`builder-${q.id}-add-option`}
              onPress={() => setQuestion(index, { options: [...q.options, { id: freshId('o', q.options.map((o) => o.id)), label: '', quota: '', exclusive: false }] })}
            >
              + 添加选项
            </Pressable>
          </View>
        ) : null}
        {q.kind === 'matrix' ? (
          <View>
            <Text className='form-field__label se-sub'>矩阵的行</Text>
            {q.rows.map((r, ri) => (
              <FormText
                key={r.id}
                id={`builder-${q.id}-row-${ri}`}
                value={r.label}
                maxlength={60}
                placeholder={`第${ri + 1}行`}
                onChange={(v) => setQuestion(index, { rows: q.rows.map((x, xi) => (xi === ri ? { ...x, label: v } : x)) })}
              />
            ))}
            <Pressable inline className='se-add' onPress={() => setQuestion(index, { rows: [...q.rows, { id: freshId('r', q.rows.map((r) => r.id)), label: '' }] })}>
              + 添加一行
            </Pressable>
          </View>
        ) : null}
        {earlier.length ? (
          <ShowIfEditor
            questionId={q.id}
            earlier={earlier}
            rule={q.showIf}
            keptFromTemplate={Boolean(q.rawShowIf)}
            onChange={(showIf) => setQuestion(index, { showIf, rawShowIf: undefined })}
          />
        ) : null}
      </View>
    )
  }

  const isHead = role === 'station_head'
  return (
    <View className='page survey-page survey-edit'>
      <View className='card'>
        {field('title', '问卷标题', <FormText id='survey-title-input' value={draft.title} maxlength={40} placeholder='例如：2026年青年人才政策需求调研' onChange={(v) => set({ title: v })} />)}
        {field('intro', '说明（选填）', <FormText multiline id='survey-intro-input' value={draft.intro} maxlength={500} placeholder='告诉同学为什么填写、结果怎么用' onChange={(v) => set({ intro: v })} />)}
        {field(
          'identityMode',
          '身份模式（发布后不能更改）',
          <View>
            <ChoiceChips
              idPrefix='survey-mode'
              items={draft.audienceKind === 'link' ? MODE_ITEMS.filter((m) => m.id === 'anonymous_tracked') : MODE_ITEMS}
              selected={[draft.identityMode]}
              onToggle={(m) => set({ identityMode: m as SurveyDraft['identityMode'] })}
            />
            <Text className='hint'>{IDENTITY_MODE_STATEMENTS[draft.identityMode]}</Text>
            {draft.questions.some((q) => q.feeds) ? (
              <Text className='hint' id='survey-pipeline-note'>
                {PIPELINE_FEED_NOTE}
              </Text>
            ) : null}
          </View>,
        )}
        {field(
          'audience',
          '发给谁（发布时固定名单）',
          isHead ? (
            <Text className='hint' id='survey-audience-own'>本站成员（站长只能向本驿站成员发问卷）</Text>
          ) : (
            <View>
              <ChoiceChips
                idPrefix='survey-audience'
                items={[{ id: 'county', name: '按家乡县区' }, { id: 'all', name: '全部成员' }, ...(role === 'staff' ? [{ id: 'link', name: '公开链接' }] : [])]}
                selected={[draft.audienceKind]}
                onToggle={(k) =>
                  // A public link is never 实名: switching to it takes 匿名可催办.
                  set(k === 'link' ? { audienceKind: 'link', identityMode: 'anonymous_tracked' } : { audienceKind: k as SurveyDraft['audienceKind'] })
                }
              />
              {draft.audienceKind === 'link' ? (
                <Text className='hint' id='survey-link-note'>
                  {PUBLIC_LINK_BUILDER_NOTE}
                </Text>
              ) : null}
              {draft.audienceKind === 'county' ? (
                <ChoiceChips
                  idPrefix='survey-county'
                  items={taxonomy.counties}
                  selected={draft.countyIds}
                  onToggle={(c) => set({ countyIds: draft.countyIds.includes(c) ? draft.countyIds.filter((x) => x !== c) : [...draft.countyIds, c] })}
                />
              ) : null}
            </View>
          ),
        )}
        {field('responseCap', '答卷上限（选填）', <FormText id='survey-cap-input' type='number' value={draft.responseCap} maxlength={7} placeholder='不填则不限' onChange={(v) => set({ responseCap: v })} />)}
        {field('closeAt', '截止时间（选填）', <DateTimeField label='截止时间' value={draft.closeAt} invalid={Boolean(errors.closeAt)} onChange={(v) => set({ closeAt: v })} />)}
      </View>

      {draft.questions.map(renderQuestion)}
      {errors['definition.pages'] || Object.keys(errors).some((k) => k.startsWith('definition')) ? (
        <Text className='field-error' id='survey-definition-error'>
          {Object.entries(errors).find(([k]) => k.startsWith('definition'))?.[1]}
        </Text>
      ) : null}

      <View className='card'>
        <Text className='form-field__label'>添加题目</Text>
        <ChoiceChips idPrefix='survey-add' items={KIND_ITEMS} selected={[]} onToggle={(k) => addQuestion(k as QuestionKind)} />
      </View>

      <View className='action-bar-spacer' />
      <View className='action-bar'>
        <Button id='survey-save' className='btn btn-primary' loading={saving} disabled={saving || undefined} onClick={() => void save()}>
          <Text>{saving ? '正在保存…' : '保存并提交审核'}</Text>
        </Button>
      </View>
    </View>
  )
}
