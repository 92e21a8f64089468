import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import { SHAREABLE_LABELS, SHAREABLE_PROFILE_FIELDS, type ShareableField } from '../../../../../types'
import './index.scss'

export interface InterestSheetProps {
  open: boolean
  employer: string
  /** What each field would pass on, from my profile (so nothing is shared blind). */
  values: Partial<Record<ShareableField, string>>
  busy: boolean
  onConfirm: (share: ShareableField[]) => void
  onClose: () => void
}

/**
 * 我感兴趣: the student chooses what the league passes to the employer. The name is required (the
 * employer must know who it is) and preselected; everything else is opt-in.
 */
export default function InterestSheet({ open, employer, values, busy, onConfirm, onClose }: InterestSheetProps) {
  const [share, setShare] = useState<ShareableField[]>(['name'])
  useEffect(() => {
    if (open) setShare(['name'])
  }, [open])
  if (!open) return null

  const toggle = (field: ShareableField) => {
    if (field === 'name') return
    setShare((prev) => (prev.includes(field) ? prev.filter((f) => f !== field) : [...prev, field]))
  }
  // Keep the contract's order, whatever order they were ticked in.
  const ordered = () => SHAREABLE_PROFILE_FIELDS.filter((f) => share.includes(f))

  return (
    <View className='interest-sheet' id='interest-sheet' catchMove>
      <View className='interest-sheet__mask' onClick={busy ? undefined : onClose} />
      <View className='interest-sheet__panel'>
        <Text className='interest-sheet__title'>登记意向</Text>
        <Text className='interest-sheet__notice' id='interest-notice'>
          共青团驻马店市委会把你勾选的信息转交给「{employer}」，用于和你联系；没有勾选的不会提供。登记后可以随时撤回。
        </Text>
        <View className='interest-sheet__list'>
          {SHAREABLE_PROFILE_FIELDS.map((field) => {
            const on = share.includes(field)
            const locked = field === 'name'
            return (
              <Pressable
                key={field}
                id={`share-${field}`}
                className={`interest-sheet__item${on ? ' interest-sheet__item--on' : ''}${locked ? ' interest-sheet__item--locked' : ''}`}
                role='checkbox'
                checked={on}
                disabled={locked}
                onPress={() => toggle(field)}
              >
                <Text className='interest-sheet__box'>{on ? '✓' : ''}</Text>
                <Text className='interest-sheet__label'>{SHAREABLE_LABELS[field]}</Text>
                <Text className='interest-sheet__value'>{locked ? `${values[field] ?? ''}（必选）` : (values[field] ?? '')}</Text>
              </Pressable>
            )
          })}
        </View>
        <Button id='interest-confirm' className='btn btn-primary' loading={busy} disabled={busy || undefined} onClick={() => onConfirm(ordered())}>
          <Text>{busy ? '正在登记…' : `同意提供以上 ${share.length} 项并登记`}</Text>
        </Button>
        <Button className='btn btn-plain' disabled={busy || undefined} onClick={onClose}>
          取消
        </Button>
      </View>
    </View>
  )
}
