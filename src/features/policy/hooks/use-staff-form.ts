import { useState } from 'react'
import Taro from '@tarojs/taro'
import type * as z from 'zod'
import { toFieldErrors } from '../../../../types'
import { useRequestId } from '@/hooks/use-request-id'
import { ApiCallError, errorMessage } from '../../../services/api'
import { scrollToElement } from '../../../utils/scroll'

/**
 * A staff form's submit: validate with the contract's schema first (same messages as the server),
 * then send once per distinct content, and show field errors from either side under the field.
 */
export function useStaffForm() {
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const requestIds = useRequestId()

  async function submit<S extends z.ZodType, R>(schema: S, draft: unknown, send: (requestId: string) => Promise<R>): Promise<R | null> {
    if (busy) return null
    const parsed = schema.safeParse(draft)
    if (!parsed.success) {
      const { fields } = toFieldErrors(parsed.error)
      setErrors(fields)
      const first = Object.keys(fields)[0]
      if (first) scrollToElement(`field-${first.split('.')[0]}`)
      void Taro.showToast({ title: '请按提示修改', icon: 'none' })
      return null
    }
    setErrors({})
    setBusy(true)
    try {
      const result = await send(requestIds.idFor(draft))
      requestIds.done()
      return result
    } catch (error) {
      if (error instanceof ApiCallError && Object.keys(error.fields).length > 0) setErrors(error.fields)
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
      return null
    } finally {
      setBusy(false)
    }
  }

  return { errors, busy, submit, clearError: (name: string) => setErrors(({ [name]: _drop, ...rest }) => rest) }
}
