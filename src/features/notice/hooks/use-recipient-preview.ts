import { useEffect, useRef, useState } from 'react'
import { noticeAudienceInput, type NoticeAudienceInput } from '../../../../types'
import { errorMessage } from '../../../services/api'
import { previewNotice } from '../api'

export type RecipientPreview =
  | { status: 'incomplete'; message: string }
  | { status: 'loading' }
  | { status: 'ready'; recipients: number }
  | { status: 'error'; message: string }

const DEBOUNCE_MS = 400

/** 预计送达 N 人, asked again a moment after the audience stops changing; stale replies dropped. */
export function useRecipientPreview(audience: NoticeAudienceInput, enabled: boolean): RecipientPreview {
  const [state, setState] = useState<RecipientPreview>({ status: 'loading' })
  const key = JSON.stringify(audience)
  const generation = useRef(0)

  useEffect(() => {
    if (!enabled) return
    const mine = ++generation.current
    const parsed = noticeAudienceInput.safeParse(audience)
    if (!parsed.success) {
      setState({ status: 'incomplete', message: parsed.error.issues[0]?.message ?? '请选择通知对象' })
      return
    }
    setState({ status: 'loading' })
    const timer = setTimeout(() => {
      previewNotice(audience)
        .then((r) => mine === generation.current && setState({ status: 'ready', recipients: r.recipients }))
        .catch((error: unknown) => mine === generation.current && setState({ status: 'error', message: errorMessage(error) }))
    }, DEBOUNCE_MS)
    return () => clearTimeout(timer)
    // The key stands for the audience's content: a new object with the same choices asks nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` is the audience, serialised
  }, [key, enabled])

  return state
}
