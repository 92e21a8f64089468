import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { takeSaved, type SavedItems } from '@/services/just-saved'

/** What the edit page just created, picked up when this list shows again (null until then). */
export function useJustSaved<K extends keyof SavedItems>(kind: K): [SavedItems[K] | null, (next: SavedItems[K] | null) => void] {
  const [item, setItem] = useState<SavedItems[K] | null>(null)
  useDidShow(() => {
    const saved = takeSaved(kind)
    if (saved) setItem(saved)
  })
  return [item, setItem]
}
