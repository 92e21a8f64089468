import Taro from '@tarojs/taro'
import { HONOUR_FILE_EXTENSIONS, HONOUR_MATERIAL_LIMITS, type Attachment } from '../../../types'
import { ApiCallError, NETWORK_MESSAGE } from '@/services/api'
import { getDemoSession } from '@/services/demo-session'

/**
 * Honour materials, browser side (local / self-hosted mode): the bytes go to
 * `POST /api/upload?kind=material`, which checks them against their name and answers the
 * `/uploads/m-…` path the nomination keeps. Local storage takes files up to 2MB.
 */

const LOCAL_MAX_BYTES = 2 * 1024 * 1024
const refused = (field: string, message: string) => new ApiCallError('INVALID_INPUT', message, { [field]: message })

async function toStorage(body: Blob, filename: string): Promise<string> {
  let reply: unknown
  try {
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream' }
    const demo = getDemoSession()
    if (demo) headers['X-Demo-Openid'] = demo.openid
    reply = await (await fetch(`/api/upload?kind=material&filename=${encodeURIComponent(filename)}`, { method: 'POST', headers, body })).json()
  } catch {
    throw new ApiCallError('NETWORK', NETWORK_MESSAGE)
  }
  const r = reply as { ok?: boolean; data?: { path?: unknown }; error?: { message?: string } }
  if (r.ok && typeof r.data?.path === 'string') return r.data.path
  throw new ApiCallError('INVALID_INPUT', r.error?.message || '上传失败，请重试')
}

export async function pickAndUploadPhotos(max: number): Promise<string[]> {
  let picked: Taro.chooseImage.SuccessCallbackResult
  try {
    picked = await Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['album'] })
  } catch {
    return []
  }
  const files = picked.tempFiles.map((f) => f.originalFileObj).filter((f): f is File => Boolean(f))
  if (files.some((f) => f.size > Math.min(LOCAL_MAX_BYTES, HONOUR_MATERIAL_LIMITS.photoBytes))) throw refused('materials.photos', '照片不能超过2MB')
  const out: string[] = []
  for (const file of files) out.push(await toStorage(file, file.name || 'photo.jpg'))
  return out
}

function chooseInBrowser(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = HONOUR_FILE_EXTENSIONS.map((e) => `.${e}`).join(',')
    input.style.display = 'none'
    input.id = 'honour-file-input'
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null)
      input.remove()
    })
    document.body.appendChild(input)
    input.click()
  })
}

export async function pickAndUploadFile(): Promise<Attachment | null> {
  const file = await chooseInBrowser()
  if (!file) return null
  if (file.size > LOCAL_MAX_BYTES) throw refused('materials.files', '本地模式下附件不能超过2MB')
  return { name: file.name, fileId: await toStorage(file, file.name), size: file.size }
}

/** The local server serves `/uploads/…` from the same origin. */
export async function openMaterialFile(fileId: string): Promise<void> {
  window.open(fileId, '_blank', 'noopener')
}
