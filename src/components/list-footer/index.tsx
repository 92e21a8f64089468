import { Button, Text, View } from '@tarojs/components'
import './index.scss'

export interface ListFooterProps {
  hasMore: boolean
  loadingMore: boolean
  /** A failed "more" keeps the list and offers to try again. */
  error?: string | null
  onMore: () => void
}

/** The end of a paginated list: 加载更多 (also triggered by reaching the bottom) or 没有更多了. */
export default function ListFooter({ hasMore, loadingMore, error, onMore }: ListFooterProps) {
  if (!hasMore) return <Text className='list-footer list-footer--end'>没有更多了</Text>
  return (
    <View className='list-footer'>
      {error ? <Text className='list-footer__error'>{error}</Text> : null}
      <Button className='btn btn-plain list-footer__more' id='list-more' loading={loadingMore} disabled={loadingMore || undefined} onClick={onMore}>
        {loadingMore ? '正在加载…' : error ? '重试' : '加载更多'}
      </Button>
    </View>
  )
}
