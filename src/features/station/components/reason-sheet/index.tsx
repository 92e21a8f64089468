import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, Textarea, View } from '@tarojs/components'
import './index.scss'

export interface ReasonSheetProps {
  open: boolean
  title: string
  description?: string
  placeholder: string
  confirmText: string
  /** A rejection or a removal needs a reason; closing a station does not. */
  required?: boolean
  maxLength?: number
  busy?: boolean
  /** Text to start from (renaming something). */
  initial?: string
  onConfirm: (reason: string) => void
  onCancel: () => void
}

/** A bottom sheet asking why: the reason is shown to the person it concerns, so it is written. */
export default function ReasonSheet({
  open,
  title,
  description,
  placeholder,
  confirmText,
  required = false,
  maxLength = 200,
  busy = false,
  initial = '',
  onConfirm,
  onCancel,
}: ReasonSheetProps) {
  const [reason, setReason] = useState('')
  useEffect(() => {
    if (open) setReason(initial)
  }, [open, initial])
  if (!open) return null

  const confirm = () => {
    if (busy) return
    const text = reason.trim()
    if (required && !text) {
      void Taro.showToast({ title: `请填写${title.includes('名称') ? '名称' : '原因'}`, icon: 'none' })
      return
    }
    onConfirm(text)
  }

  return (
    <View className='reason-sheet' id='reason-sheet' catchMove>
      <View className='reason-sheet__mask' onClick={() => !busy && onCancel()} />
      <View className='reason-sheet__panel'>
        <Text className='reason-sheet__title'>{title}</Text>
        {description ? <Text className='reason-sheet__desc'>{description}</Text> : null}
        <Textarea
          id='reason-input'
          className='reason-sheet__input'
          value={reason}
          maxlength={maxLength}
          placeholder={placeholder}
          placeholderClass='reason-sheet__placeholder'
          autoHeight={false}
          onInput={(e) => setReason(e.detail.value)}
        />
        <Text className='reason-sheet__count'>
          {reason.length}/{maxLength}
          {required ? '（必填）' : '（选填）'}
        </Text>
        <View className='reason-sheet__actions'>
          <Button className='btn btn-ghost reason-sheet__btn' disabled={busy || undefined} onClick={onCancel}>
            取消
          </Button>
          <Button id='reason-confirm' className='btn btn-primary reason-sheet__btn' loading={busy} disabled={busy || undefined} onClick={confirm}>
            <Text>{confirmText}</Text>
          </Button>
        </View>
      </View>
    </View>
  )
}
