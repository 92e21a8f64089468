import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

export interface SfFieldProps {
  /** `field-<name>` for tests and scrolling to the first error. */
  name: string
  label: string
  optional?: boolean
  hint?: string
  error?: string
  children: ReactNode
}

/** A labelled row of a staff form (the `.sf-*` styles of staff.scss) with its error beneath. */
export default function SfField({ name, label, optional, hint, error, children }: SfFieldProps) {
  return (
    <View className='sf-field' id={`field-${name}`}>
      <Text className='sf-label'>
        {label}
        {optional ? '（选填）' : ''}
      </Text>
      {children}
      {hint ? <Text className='hint'>{hint}</Text> : null}
      {error ? (
        <Text className='sf-error' id={`error-${name}`}>
          {error}
        </Text>
      ) : null}
    </View>
  )
}
