import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { useLoad, type UseLoad } from './use-load'

export interface UseEditDraft<T, D> {
  draft: D
  setDraft: React.Dispatch<React.SetStateAction<D>>
  /** The record being edited (null while creating), with its load state and a retry. */
  load: UseLoad<T | null>
}

/**
 * An editor's draft: empty for a new record; for `id`, the record read once and turned into the
 * draft (then the form owns it, so a refresh never wipes what was typed). `title` names the page
 * while editing an existing record.
 */
export function useEditDraft<T, D>(id: string | undefined, read: (id: string) => Promise<T>, toDraft: (record: T) => D, empty: D, title: string): UseEditDraft<T, D> {
  const [draft, setDraft] = useState<D>(empty)
  const load = useLoad<T | null>(
    id
      ? () =>
          read(id).then((record) => {
            setDraft(toDraft(record))
            return record
          })
      : async () => null,
    id ?? '',
  )
  useEffect(() => {
    if (id) void Taro.setNavigationBarTitle({ title })
  }, [id, title])
  return { draft, setDraft, load }
}
