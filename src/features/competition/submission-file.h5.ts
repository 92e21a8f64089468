import { SUBMISSION_EXTENSIONS, type SubmissionFile } from '../../../types'
import { ApiCallError, NETWORK_MESSAGE } from '../../services/api'
import { getDemoSession } from '../../services/demo-session'

/**
 * A submission file, browser side (local / self-hosted mode): a file input limited to the allowed
 * extensions, the bytes to `POST /api/upload?kind=submission`, which checks them and answers the
 * `/uploads/…` path the version keeps.
 */
function chooseInBrowser(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = SUBMISSION_EXTENSIONS.map((e) => `.${e}`).join(',')
    input.style.display = 'none'
    input.id = 'submission-file-input'
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null)
      input.remove()
    })
    document.body.appendChild(input)
    input.click()
  })
}

export async function pickAndUploadSubmission(): Promise<SubmissionFile | null> {
  const file = await chooseInBrowser()
  if (!file) return null
  let reply: unknown
  try {
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream' }
    const demo = getDemoSession()
    if (demo) headers['X-Demo-Openid'] = demo.openid
    const response = await fetch(`/api/upload?kind=submission&filename=${encodeURIComponent(file.name)}`, { method: 'POST', headers, body: file })
    reply = await response.json()
  } catch {
    throw new ApiCallError('NETWORK', NETWORK_MESSAGE)
  }
  const r = reply as { ok?: boolean; data?: { path?: unknown }; error?: { message?: string } }
  if (r.ok && typeof r.data?.path === 'string') return { name: file.name, fileId: r.data.path }
  throw new ApiCallError('INVALID_INPUT', r.error?.message || '文件上传失败，请重试')
}
