import { useState } from 'react'
import Taro from '@tarojs/taro'
import { errorMessage } from '../services/api'

export interface RowAction {
  /** The row whose action is on its way (its button spins; the others wait). */
  busyId: string | null
  /**
   * Asks first (the modal says what will happen), then acts, says `done`, and calls `after`
   * (usually a quiet reload); a failure is shown as a toast and changes nothing.
   */
  run: (id: string, ask: { title: string; content: string; confirmText: string }, act: () => Promise<unknown>, done: string) => Promise<void>
}

/** One confirmed action at a time on the rows of a list (close a demand, publish a policy…). */
export function useRowAction(after: () => Promise<void>): RowAction {
  const [busyId, setBusyId] = useState<string | null>(null)
  const run: RowAction['run'] = async (id, ask, act, done) => {
    if (busyId) return
    const { confirm } = await Taro.showModal({ ...ask, confirmColor: '#C8161D' })
    if (!confirm) return
    setBusyId(id)
    try {
      await act()
      void Taro.showToast({ title: done, icon: 'success' })
      await after()
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusyId(null)
    }
  }
  return { busyId, run }
}
