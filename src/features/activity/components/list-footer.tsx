import { Text } from '@tarojs/components'

export interface ListFooterProps {
  more: 'idle' | 'loading' | 'error' | 'end'
  onRetry: () => void
  count: number
}

/** Under a paginated list: loading the next page, a retry, or the end. */
export default function ListFooter({ more, onRetry, count }: ListFooterProps) {
  if (more === 'loading') return <Text className='hint list-footer'>正在加载更多…</Text>
  if (more === 'error')
    return (
      <Text className='hint list-footer list-footer--retry' onClick={onRetry}>
        没加载出来，点此重试
      </Text>
    )
  if (more === 'end' && count > 5) return <Text className='hint list-footer'>没有更多了</Text>
  if (more === 'idle') return <Text className='hint list-footer' onClick={onRetry}>上拉加载更多</Text>
  return null
}
