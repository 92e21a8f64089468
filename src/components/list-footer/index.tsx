import { Button, Text, View } from '@tarojs/components'
import type { PagedList } from '@/hooks/use-paged-list'
import './index.scss'

export interface ListFooterProps {
  list: Pick<PagedList<unknown>, 'items' | 'more' | 'error' | 'loadMore'>
}

/**
 * The end of a paginated list: 加载更多 (also triggered by reaching the bottom), a retry with the
 * reason when the next page failed, or 没有更多了 under a list long enough to scroll.
 */
export default function ListFooter({ list }: ListFooterProps) {
  if (list.more === 'end') return list.items.length > 5 ? <Text className='list-footer list-footer--end'>没有更多了</Text> : null
  const loading = list.more === 'loading'
  const failed = list.more === 'error'
  return (
    <View className='list-footer'>
      {failed && list.error ? <Text className='list-footer__error'>{list.error}</Text> : null}
      <Button className='btn btn-plain list-footer__more' id='list-more' loading={loading} disabled={loading || undefined} onClick={list.loadMore}>
        <Text>{loading ? '正在加载…' : failed ? '重试' : '加载更多'}</Text>
      </Button>
    </View>
  )
}
