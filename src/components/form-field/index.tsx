import type { ReactNode } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import './index.scss'

export interface FormFieldProps {
  /** `field-<name>` and `error-<name>`: for tests and for scrolling to the first error. */
  name: string
  label: string
  optional?: boolean
  hint?: string
  error?: string
  children: ReactNode
}

/**
 * The one labelled row of every form (profile, station, activity, notice, policy, demand), with
 * its hint and its error beneath. Inputs inside use `.form-input` / `.form-textarea` unless the
 * page has its own look.
 */
export default function FormField({ name, label, optional, hint, error, children }: FormFieldProps) {
  return (
    <View className={`form-field${error ? ' form-field--invalid' : ''}`} id={`field-${name}`}>
      <Text className='form-field__label'>
        {label}
        {optional ? '（选填）' : ''}
      </Text>
      {children}
      {hint ? <Text className='hint form-field__hint'>{hint}</Text> : null}
      {error ? (
        <Text className='form-field__error' id={`error-${name}`}>
          {error}
        </Text>
      ) : null}
    </View>
  )
}

export interface FormTextProps {
  value: string
  onChange: (value: string) => void
  maxlength: number
  placeholder: string
  /** For tests (`#notice-title-input`). */
  id?: string
  /** A paragraph instead of one line. */
  multiline?: boolean
  type?: 'text' | 'number'
}

/** The filled text input (or textarea) of a form row, its placeholder styled alike everywhere. */
export function FormText({ value, onChange, maxlength, placeholder, id, multiline, type = 'text' }: FormTextProps) {
  const shared = { id, value, maxlength, placeholder, placeholderClass: 'form-placeholder' }
  return multiline ? (
    <Textarea {...shared} className='form-input form-textarea' onInput={(e) => onChange(e.detail.value)} />
  ) : (
    <Input {...shared} type={type} className='form-input' onInput={(e) => onChange(e.detail.value)} />
  )
}
