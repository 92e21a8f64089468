import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Picker, RichText, Text, Textarea, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import {
  createPolicyInput,
  htmlToMarkup,
  insertMarkup,
  markupToHtml,
  POLICY_CATEGORIES,
  updatePolicyInput,
  type MarkupTool,
  type Policy,
  type PolicyCategoryId,
} from '../../../../../types'
import { styledBody } from '../../../../features/policy/rich-body'
import StateView from '../../../../components/state-view'
import ChoiceChips from '@/components/choice-chips'
import { useTaxonomy } from '@/hooks/use-taxonomy'
import { createPolicy, getPolicy, setPolicyPublished, updatePolicy } from '../../../../features/policy/api'
import { policyHitOf } from '../../../../features/policy/hit'
import { rememberSaved } from '@/services/just-saved'
import FormField from '@/components/form-field'
import { useStaffForm } from '../../../../features/policy/hooks/use-staff-form'
import { errorMessage } from '../../../../services/api'
import { leavePage } from '../../../../utils/navigation'
import StaffGate from '../../staff-gate'
import { useEditDraft } from '@/hooks/use-edit-draft'
import '../../staff.scss'
import './index.scss'

export default function PolicyEditPage() {
  return <StaffGate>{() => <PolicyEditor />}</StaffGate>
}

interface Draft {
  title: string
  category: PolicyCategoryId | ''
  summary: string
  body: string
  issuer: string
  docNumber: string
  fields: string[]
  degrees: string[]
  counties: string[]
  effectiveFrom: string
  effectiveUntil: string
  sourceUrl: string
  tags: string
}

const EMPTY: Draft = {
  title: '',
  category: '',
  summary: '',
  body: '',
  issuer: '',
  docNumber: '',
  fields: [],
  degrees: [],
  counties: [],
  effectiveFrom: '',
  effectiveUntil: '',
  sourceUrl: '',
  tags: '',
}

/** The stored body is sanitised HTML (also for policies saved before the markup existed): opened as markup. */
const fromPolicy = (p: Policy): Draft => ({
  ...p,
  body: htmlToMarkup(p.body),
  effectiveFrom: p.effectiveFrom ?? '',
  effectiveUntil: p.effectiveUntil ?? '',
  sourceUrl: p.sourceUrl ?? '',
  tags: p.tags.join(' '),
})

/** What the contract takes: blanks become null, tags split on spaces and commas. */
const toInput = (d: Draft) => ({
  ...d,
  category: d.category || undefined,
  effectiveFrom: d.effectiveFrom || null,
  effectiveUntil: d.effectiveUntil || null,
  sourceUrl: d.sourceUrl.trim() || null,
  tags: d.tags.split(/[\s,，、]+/).filter(Boolean),
})

const TOOLS: { tool: MarkupTool; label: string }[] = [
  { tool: 'heading', label: '标题' },
  { tool: 'list', label: '列表' },
  { tool: 'bold', label: '加粗' },
  { tool: 'link', label: '链接' },
]

const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id])

/** New or existing policy; validated with the contract's schema, the body cleaned by the server. */
function PolicyEditor() {
  const id = useRouter().params.id
  const tax = useTaxonomy()
  const form = useStaffForm()
  const { draft, setDraft, load: loaded } = useEditDraft(id, getPolicy, fromPolicy, EMPTY, '编辑政策')
  // Where the body's cursor was last (typing or leaving the box); unknown → the toolbar adds at the end.
  const bodyCursor = useRef<number | null>(null)
  const [preview, setPreview] = useState(false)

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    form.clearError(key)
  }

  const save = async (publish: boolean) => {
    const input = toInput(draft)
    const saved = id
      ? await form.submit(updatePolicyInput, { id, ...input }, (requestId) => updatePolicy(updatePolicyInput.parse({ id, ...input }), requestId))
      : await form.submit(createPolicyInput, input, (requestId) => createPolicy(createPolicyInput.parse(input), requestId))
    if (!saved) return
    if (publish && saved.status !== 'published') {
      try {
        await setPolicyPublished(saved.id, true)
      } catch (error) {
        void Taro.showToast({ title: `已保存为草稿，发布失败：${errorMessage(error)}`, icon: 'none' })
        return
      }
    }
    // A new one leads the staff list on return (that list sorts by date, not by creation).
    if (!id) rememberSaved('policy', policyHitOf({ ...saved, status: publish ? 'published' : saved.status }))
    void Taro.showToast({ title: publish ? '已保存并发布' : '已保存', icon: 'success' })
    setTimeout(leavePage, 600)
  }

  if (loaded.status === 'loading') return <View className='page'><StateView kind='loading' /></View>
  if (loaded.status === 'error') {
    return (
      <View className='page'>
        <StateView kind='error' description={loaded.error ?? ''} actionText='重试' onAction={() => void loaded.reload()} />
      </View>
    )
  }

  const e = form.errors
  const insert = (tool: MarkupTool) => {
    const next = insertMarkup(draft.body, bodyCursor.current, tool)
    bodyCursor.current = next.cursor
    set('body', next.text)
  }
  const dateField = (key: 'effectiveFrom' | 'effectiveUntil', label: string) => (
    <FormField name={key} label={label} optional error={e[key]}>
      <View className='policy-edit__date'>
        <Picker mode='date' value={draft[key] || ''} onChange={(ev) => set(key, String(ev.detail.value))}>
          <Text className={draft[key] ? '' : 'sf-placeholder'}>{draft[key] || '选择日期'}</Text>
        </Picker>
        {draft[key] ? (
          <Pressable inline className='policy-edit__clear' onPress={() => set(key, '')}>
            清除
          </Pressable>
        ) : null}
      </View>
    </FormField>
  )
  const published = loaded.data?.status === 'published'

  return (
    <View className='page staff policy-edit'>
      <View className='card'>
        <FormField name='title' label='标题' error={e.title}>
          <Input className='sf-input' placeholder='如：驻马店市高层次人才安家补贴办法' placeholderClass='sf-placeholder' maxlength={80} value={draft.title} onInput={(ev) => set('title', ev.detail.value)} />
        </FormField>
        <FormField name='category' label='类别' error={e.category}>
          <ChoiceChips idPrefix='category' items={POLICY_CATEGORIES} selected={draft.category ? [draft.category] : []} onToggle={(c) => set('category', c as PolicyCategoryId)} invalid={Boolean(e.category)} />
        </FormField>
        <FormField name='summary' label='摘要' hint='一两句话说清楚：给谁、有什么、怎么办（列表和搜索结果里显示）' error={e.summary}>
          <Textarea className='sf-textarea' maxlength={300} placeholder='如：博士来驻马店工作，给予 20 万元安家费……' placeholderClass='sf-placeholder' value={draft.summary} onInput={(ev) => set('summary', ev.detail.value)} />
        </FormField>
        <FormField
          name='body'
          label='正文'
          hint='直接输入文字，空一行另起一段。“## ”开头是小标题，“- ”开头是列表，**文字** 加粗，[文字](https://网址) 是链接；也可以点上面的按钮插入。'
          error={e.body}
        >
          <View className='policy-edit__tools' id='policy-body-tools'>
            {TOOLS.map(({ tool, label }) => (
              <Button key={tool} id={`policy-tool-${tool}`} className='policy-edit__tool' size='mini' onClick={() => insert(tool)}>
                {label}
              </Button>
            ))}
            <Button id='policy-body-preview' className='policy-edit__tool policy-edit__tool--end' size='mini' onClick={() => setPreview((v) => !v)}>
              {preview ? '继续编辑' : '预览'}
            </Button>
          </View>
          {preview ? (
            <View className='policy-edit__preview' id='policy-body-preview-view'>
              {draft.body.trim() ? <RichText nodes={styledBody(markupToHtml(draft.body))} /> : <Text className='hint'>还没有正文</Text>}
            </View>
          ) : (
            <Textarea
              id='policy-body-input'
              className='sf-textarea policy-edit__body'
              maxlength={50000}
              placeholder={'## 补贴标准\n\n全职引进的博士给予安家费 **20 万元**……'}
              placeholderClass='sf-placeholder'
              value={draft.body}
              onInput={(ev) => {
                bodyCursor.current = ev.detail.cursor ?? null
                set('body', ev.detail.value)
              }}
              onBlur={(ev) => {
                if (typeof ev.detail.cursor === 'number') bodyCursor.current = ev.detail.cursor
              }}
            />
          )}
        </FormField>
        <FormField name='issuer' label='发文单位' optional error={e.issuer}>
          <Input className='sf-input' placeholder='如：驻马店市人民政府' placeholderClass='sf-placeholder' maxlength={60} value={draft.issuer} onInput={(ev) => set('issuer', ev.detail.value)} />
        </FormField>
        <FormField name='docNumber' label='文号' optional error={e.docNumber}>
          <Input className='sf-input' placeholder='如：驻政〔2022〕12号' placeholderClass='sf-placeholder' maxlength={60} value={draft.docNumber} onInput={(ev) => set('docNumber', ev.detail.value)} />
        </FormField>
      </View>

      <View className='card'>
        <Text className='section-title'>适用对象</Text>
        <Text className='hint'>不选表示不限；选了的，“与我相关”会优先推荐给相符的同学。</Text>
        <FormField name='degrees' label='学历' optional error={e.degrees}>
          <ChoiceChips idPrefix='degree' items={tax.degrees} selected={draft.degrees} onToggle={(d) => set('degrees', toggle(draft.degrees, d))} />
        </FormField>
        <FormField name='fields' label='重点产业领域' optional error={e.fields}>
          <ChoiceChips idPrefix='field' items={tax.fields} selected={draft.fields} onToggle={(f) => set('fields', toggle(draft.fields, f))} />
        </FormField>
        <FormField name='counties' label='县区' optional error={e.counties}>
          <ChoiceChips idPrefix='county' items={tax.counties} selected={draft.counties} onToggle={(c) => set('counties', toggle(draft.counties, c))} />
        </FormField>
      </View>

      <View className='card'>
        {dateField('effectiveFrom', '生效日期')}
        {dateField('effectiveUntil', '失效日期')}
        <FormField name='sourceUrl' label='来源链接' optional error={e.sourceUrl}>
          <Input className='sf-input' placeholder='https://' placeholderClass='sf-placeholder' maxlength={500} value={draft.sourceUrl} onInput={(ev) => set('sourceUrl', ev.detail.value)} />
        </FormField>
        <FormField name='tags' label='标签' optional hint='用空格或逗号分隔，每个不超过12个字，最多10个' error={e.tags ?? e['tags.0']}>
          <Input className='sf-input' placeholder='如：安家费 博士 补贴' placeholderClass='sf-placeholder' value={draft.tags} onInput={(ev) => set('tags', ev.detail.value)} />
        </FormField>
      </View>

      <View className='policy-edit__actions'>
        {published ? null : (
          <Button id='policy-save-publish' className='btn btn-primary' loading={form.busy} disabled={form.busy || undefined} onClick={() => void save(true)}>
            保存并发布
          </Button>
        )}
        <Button id='policy-save' className={`btn ${published ? 'btn-primary' : 'btn-ghost'}`} loading={form.busy} disabled={form.busy || undefined} onClick={() => void save(false)}>
          <Text>{published ? '保存修改' : '保存为草稿'}</Text>
        </Button>
      </View>
    </View>
  )
}
