import { useState, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { MAX_FIELDS_PER_MEMBER } from '../../../../../types'
import StateView from '../../../../components/state-view'
import { scrollToElement } from '../../../../utils/scroll'
import { useTaxonomy } from '@/hooks/use-taxonomy'
import type { ProfileDraft } from '../../profile-draft'
import UniversitySuggestions from '@/components/university-suggestions'
import ChoiceChips from '@/components/choice-chips'
import './index.scss'

export interface ProfileFormProps {
  initial: ProfileDraft
  submitLabel: string
  /**
   * Validates (with the shared schema) and sends. Resolves to the errors to show by input
   * (`phone`, `fields`, `_` for the form as a whole); an empty object means it worked.
   */
  onSubmit: (draft: ProfileDraft) => Promise<Record<string, string>>
  footer?: ReactNode
}

type TextKey = 'name' | 'phone' | 'university' | 'college' | 'major' | 'enrollmentYear' | 'graduationYear'

interface TextFieldSpec {
  key: TextKey
  label: string
  placeholder: string
  type?: 'text' | 'number'
  maxlength: number
  optional?: boolean
}

const IDENTITY: TextFieldSpec[] = [
  { key: 'name', label: '姓名', placeholder: '你的真实姓名', maxlength: 20 },
  { key: 'phone', label: '手机号', placeholder: '11位手机号，只用于联系你', type: 'number', maxlength: 11 },
]

const STUDY: TextFieldSpec[] = [
  { key: 'university', label: '学校', placeholder: '学校全称、简称或拼音首字母，如 郑大', maxlength: 40 },
  { key: 'college', label: '学院', placeholder: '可不填', maxlength: 40, optional: true },
  { key: 'major', label: '专业', placeholder: '例如：电子信息工程', maxlength: 40 },
]

const YEARS: TextFieldSpec[] = [
  { key: 'enrollmentYear', label: '入学年份', placeholder: '如 2023', type: 'number', maxlength: 4 },
  { key: 'graduationYear', label: '毕业年份', placeholder: '如 2027', type: 'number', maxlength: 4 },
]

function FieldError({ name, errors }: { name: string; errors: Record<string, string> }) {
  const message = errors[name]
  return message ? (
    <Text className='pf-error' id={`error-${name}`}>
      {message}
    </Text>
  ) : null
}

/** The profile form used to join and to edit; the page decides which schema and action apply. */
export default function ProfileForm({ initial, submitLabel, onSubmit, footer }: ProfileFormProps) {
  const taxonomy = useTaxonomy()
  const [draft, setDraft] = useState<ProfileDraft>(initial)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [submitting, setSubmitting] = useState(false)

  const change = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    if (errors[key] || errors._) {
      setErrors((prev) => {
        const rest = { ...prev }
        delete rest[key]
        delete rest._
        return rest
      })
    }
  }

  const toggleField = (id: string) => {
    const on = draft.fields.includes(id)
    if (!on && draft.fields.length >= MAX_FIELDS_PER_MEMBER) {
      void Taro.showToast({ title: `最多选${MAX_FIELDS_PER_MEMBER}个领域`, icon: 'none' })
      return
    }
    change('fields', on ? draft.fields.filter((f) => f !== id) : [...draft.fields, id])
  }

  const submit = async () => {
    if (submitting) return
    setSubmitting(true)
    try {
      const next = await onSubmit(draft)
      setErrors(next)
      const first = Object.keys(next)[0]
      if (first && first !== '_') {
        scrollToElement(`field-${first}`)
      }
    } finally {
      setSubmitting(false)
    }
  }

  const renderText = (spec: TextFieldSpec) => (
    <View key={spec.key} id={`field-${spec.key}`} className={`pf-field${errors[spec.key] ? ' pf-field--invalid' : ''}`}>
      <View className='pf-label'>
        <Text>{spec.label}</Text>
        {spec.optional ? <Text className='pf-optional'>选填</Text> : null}
      </View>
      <Input
        className='pf-input'
        type={spec.type ?? 'text'}
        value={draft[spec.key]}
        maxlength={spec.maxlength}
        placeholder={spec.placeholder}
        placeholderClass='pf-placeholder'
        onInput={(e) => change(spec.key, e.detail.value)}
      />
      {spec.key === 'university' ? <UniversitySuggestions value={draft.university} onPick={(name) => change('university', name)} /> : null}
      <FieldError name={spec.key} errors={errors} />
    </View>
  )

  return (
    <View className='profile-form'>
      <View className='card'>
        <Text className='section-title'>基本信息</Text>
        {IDENTITY.map(renderText)}
        <View id='field-hometownCounty' className='pf-field'>
          <View className='pf-label'>
            <Text>家乡县区</Text>
          </View>
          <ChoiceChips
            idPrefix='county'
            items={taxonomy.counties}
            selected={draft.hometownCounty ? [draft.hometownCounty] : []}
            onToggle={(id) => change('hometownCounty', id === draft.hometownCounty ? '' : id)}
            invalid={Boolean(errors.hometownCounty)}
          />
          <FieldError name='hometownCounty' errors={errors} />
        </View>
      </View>

      <View className='card'>
        <Text className='section-title'>学业信息</Text>
        {STUDY.map(renderText)}
        <View id='field-degree' className='pf-field'>
          <View className='pf-label'>
            <Text>学历</Text>
          </View>
          <ChoiceChips
            idPrefix='degree'
            items={taxonomy.degrees}
            selected={draft.degree ? [draft.degree] : []}
            onToggle={(id) => change('degree', id === draft.degree ? '' : id)}
            invalid={Boolean(errors.degree)}
          />
          <FieldError name='degree' errors={errors} />
        </View>
        <View className='pf-row'>{YEARS.map(renderText)}</View>
      </View>

      <View className='card'>
        <Text className='section-title'>关注的重点产业领域</Text>
        <Text className='hint'>选 1 到 {MAX_FIELDS_PER_MEMBER} 个，我们据此为你推荐实践、实习和政策</Text>
        <View id='field-fields' className='pf-field pf-field--chips'>
          {taxonomy.fields.length > 0 ? (
            <ChoiceChips
              idPrefix='industry'
              items={taxonomy.fields}
              selected={draft.fields}
              onToggle={toggleField}
              invalid={Boolean(errors.fields)}
            />
          ) : taxonomy.error ? (
            <StateView kind='error' title='领域列表没加载出来' description={taxonomy.error} actionText='重新加载' onAction={taxonomy.retry} />
          ) : (
            <StateView kind='loading' title='正在加载领域列表…' />
          )}
          <FieldError name='fields' errors={errors} />
        </View>
      </View>

      {errors._ ? (
        <Text className='pf-error pf-error--form' id='error-form'>
          {errors._}
        </Text>
      ) : null}

      <View className='pf-actions'>
        <Button id='profile-submit' className='btn btn-primary' loading={submitting} disabled={submitting || undefined} onClick={submit}>
          <Text>{submitting ? '正在提交…' : submitLabel}</Text>
        </Button>
        {footer}
      </View>
    </View>
  )
}
