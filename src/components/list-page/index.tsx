import { Fragment, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import ListFooter from '@/components/list-footer'
import StateView from '@/components/state-view'
import type { PagedList } from '@/hooks/use-paged-list'

export interface ListPageProps<T> {
  list: PagedList<T>
  /** The list's element id (for tests). */
  id: string
  keyOf: (item: T) => string
  renderItem: (item: T) => ReactNode
  /** What an empty list says: usually whether a search found nothing or there is nothing yet. */
  empty: { title: string; description?: string }
  errorTitle?: string
}

/**
 * The body of every paginated list page: a spinner on the first page, the reason and 重试 when
 * it failed, the empty state, or the items with the list footer under them.
 */
export default function ListPage<T>({ list, id, keyOf, renderItem, empty, errorTitle }: ListPageProps<T>) {
  if (list.status === 'loading') return <StateView kind='loading' />
  if (list.status === 'error') {
    return <StateView kind='error' title={errorTitle} description={list.error ?? undefined} actionText='重试' onAction={() => void list.reload()} />
  }
  if (list.items.length === 0) return <StateView kind='empty' title={empty.title} description={empty.description} />
  return (
    <View id={id}>
      {list.items.map((item) => (
        <Fragment key={keyOf(item)}>{renderItem(item)}</Fragment>
      ))}
      <ListFooter list={list} />
    </View>
  )
}
