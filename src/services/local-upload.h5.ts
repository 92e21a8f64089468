import { ApiCallError, NETWORK_MESSAGE } from './api'
import { getDemoSession } from './demo-session'

/**
 * The browser side of uploads in local / self-hosted mode, shared by covers, honour materials and
 * competition submissions: the bytes go to `POST /api/upload?…`, which checks them against their
 * name and answers the `/uploads/…` path the record keeps. Only the H5 build imports this.
 */

/** POSTs the bytes; answers the stored path, or throws the server's Chinese reason (or `failMessage`). */
export async function postToLocalUploads(query: string, body: Blob, failMessage: string): Promise<string> {
  let reply: unknown
  try {
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream' }
    const demo = getDemoSession()
    if (demo) headers['X-Demo-Openid'] = demo.openid
    reply = await (await fetch(`/api/upload?${query}`, { method: 'POST', headers, body })).json()
  } catch {
    throw new ApiCallError('NETWORK', NETWORK_MESSAGE)
  }
  const r = reply as { ok?: boolean; data?: { path?: unknown }; error?: { message?: string } }
  if (r.ok && typeof r.data?.path === 'string') return r.data.path
  throw new ApiCallError('INVALID_INPUT', r.error?.message || failMessage)
}

/** A hidden file input limited to `extensions`; answers the chosen file, or null. */
export function chooseLocalFile(extensions: readonly string[], inputId: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = extensions.map((e) => `.${e}`).join(',')
    input.style.display = 'none'
    input.id = inputId
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null)
      input.remove()
    })
    document.body.appendChild(input)
    input.click()
  })
}
