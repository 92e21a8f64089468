import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { FormField } from '../../../../../types'
import type { AnswerDraft } from '../../answers'
import './index.scss'

export interface SignUpFormProps {
  form: FormField[]
  draft: AnswerDraft
  errors: Record<string, string>
  onChange: (id: string, value: string | string[]) => void
}

/** The activity's own questions, rendered from its `form` definition. */
export default function SignUpForm({ form, draft, errors, onChange }: SignUpFormProps) {
  const renderInput = (field: FormField) => {
    const value = draft[field.id] ?? (field.kind === 'multiple' ? [] : '')
    switch (field.kind) {
      case 'single':
      case 'multiple': {
        const selected = Array.isArray(value) ? value : value ? [value] : []
        return (
          <View className='suf-options'>
            {(field.options ?? []).map((option, i) => {
              const on = selected.includes(option)
              const toggle = () => {
                if (field.kind === 'single') onChange(field.id, on ? '' : option)
                else onChange(field.id, on ? selected.filter((s) => s !== option) : [...selected, option])
              }
              return (
                <Pressable
                  key={option}
                  id={`answer-${field.id}-${i}`}
                  className={`suf-option${on ? ' suf-option--on' : ''}`}
                  role={field.kind === 'single' ? 'radio' : 'checkbox'}
                  checked={on}
                  onPress={toggle}
                >
                  <View className={`suf-option__mark suf-option__mark--${field.kind}`}>{on ? '✓' : ''}</View>
                  <Text className='suf-option__text'>{option}</Text>
                </Pressable>
              )
            })}
          </View>
        )
      }
      case 'textarea':
        return (
          <Textarea
            className='suf-textarea'
            value={String(value)}
            maxlength={1000}
            autoHeight
            placeholder='请填写'
            placeholderClass='suf-placeholder'
            onInput={(e) => onChange(field.id, e.detail.value)}
          />
        )
      case 'date':
        return (
          <Picker mode='date' value={String(value)} onChange={(e) => onChange(field.id, String(e.detail.value))}>
            <View className={`suf-picker${value ? '' : ' suf-placeholder'}`}>{value ? String(value) : '请选择日期'}</View>
          </Picker>
        )
      default:
        return (
          <Input
            className='suf-input'
            type={field.kind === 'number' ? 'digit' : 'text'}
            value={String(value)}
            maxlength={field.kind === 'number' ? 12 : 100}
            placeholder='请填写'
            placeholderClass='suf-placeholder'
            onInput={(e) => onChange(field.id, e.detail.value)}
          />
        )
    }
  }

  return (
    <View className='sign-up-form'>
      {form.map((field) => (
        <View key={field.id} id={`answer-${field.id}`} className={`suf-field${errors[field.id] ? ' suf-field--invalid' : ''}`}>
          <View className='suf-label'>
            <Text>{field.label}</Text>
            {field.required ? <Text className='suf-required'>必填</Text> : <Text className='suf-optional'>选填</Text>}
            {field.kind === 'multiple' ? <Text className='suf-optional'>可多选</Text> : null}
          </View>
          {renderInput(field)}
          {errors[field.id] ? (
            <Text className='field-error' id={`answer-error-${field.id}`}>
              {errors[field.id]}
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  )
}
