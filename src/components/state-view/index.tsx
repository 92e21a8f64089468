import { Button, Text, View } from '@tarojs/components'
import './index.scss'

export type StateKind = 'loading' | 'empty' | 'error'

export interface StateViewProps {
  kind: StateKind
  title?: string
  description?: string
  actionText?: string
  onAction?: () => void
}

const DEFAULT_TITLES: Record<StateKind, string> = {
  loading: '加载中…',
  empty: '这里还没有内容',
  error: '加载失败',
}

/** Loading, empty and error states look the same everywhere. */
export default function StateView({ kind, title, description, actionText, onAction }: StateViewProps) {
  return (
    <View className={`state-view state-view--${kind}`}>
      {kind === 'loading' ? <View className='state-view__spinner' /> : <View className='state-view__icon'>{kind === 'error' ? '!' : '翼'}</View>}
      <Text className='state-view__title'>{title ?? DEFAULT_TITLES[kind]}</Text>
      {description ? <Text className='state-view__desc'>{description}</Text> : null}
      {actionText && onAction ? (
        <Button className='btn btn-ghost state-view__action' onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
    </View>
  )
}
