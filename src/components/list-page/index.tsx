import { Fragment, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import ListFooter from '@/components/list-footer'
import StateView from '@/components/state-view'
import type { PagedList } from '@/hooks/use-paged-list'
import './index.scss'

export interface ListPageProps<T> {
  list: PagedList<T>
  /** The list's element id (for tests). */
  id: string
  keyOf: (item: T) => string
  renderItem: (item: T) => ReactNode
  /** What an empty list says: usually whether a search found nothing or there is nothing yet. */
  empty: { title: string; description?: string }
  errorTitle?: string
  /** Just created on an edit page: shown first, marked 刚保存, wherever the list sorts it. */
  pinned?: T | null
}

/**
 * The body of every paginated list page: a spinner on the first page, the reason and 重试 when
 * it failed, the empty state, or the items with the list footer under them.
 */
export default function ListPage<T>({ list, id, keyOf, renderItem, empty, errorTitle, pinned }: ListPageProps<T>) {
  if (list.status === 'loading') return <StateView kind='loading' />
  if (list.status === 'error') {
    return <StateView kind='error' title={errorTitle} description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
  }
  const pinnedKey = pinned ? keyOf(pinned) : null
  const items = pinnedKey ? list.items.filter((item) => keyOf(item) !== pinnedKey) : list.items
  if (items.length === 0 && !pinned) return <StateView kind='empty' title={empty.title} description={empty.description} />
  return (
    <View id={id}>
      {pinned ? (
        <View className='list-page__pinned' id={`${id}-pinned`}>
          <Text className='list-page__pinned-tag'>刚保存</Text>
          {renderItem(pinned)}
        </View>
      ) : null}
      {items.map((item) => (
        <Fragment key={keyOf(item)}>{renderItem(item)}</Fragment>
      ))}
      <ListFooter list={list} />
    </View>
  )
}
