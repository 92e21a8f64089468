import Taro from '@tarojs/taro'
import { ApiCallError, NETWORK_MESSAGE } from './api'
import { getDemoSession } from './demo-session'

/**
 * Cover images, browser side (local / self-hosted mode): the bytes go to `POST /api/upload`,
 * which stores them under DATA_DIR and answers the `/uploads/…` path the activity keeps.
 */

export interface PickedImage {
  preview: string
  path: string
  extension: string
}

export async function pickImage(): Promise<PickedImage | null> {
  let result: Taro.chooseImage.SuccessCallbackResult
  try {
    result = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album'] })
  } catch {
    return null
  }
  const path = result.tempFilePaths[0]
  if (!path) return null
  const file = result.tempFiles[0]?.originalFileObj
  const fromType = file?.type.match(/image\/(png|jpe?g|webp)/)?.[1]
  const fromName = file?.name.match(/\.(png|jpe?g|webp)$/i)?.[1]
  const extension = (fromType ?? fromName ?? 'jpg').toLowerCase()
  return { preview: path, path, extension }
}

export async function uploadCover(image: PickedImage): Promise<string> {
  let reply: unknown
  try {
    const bytes = await (await fetch(image.path)).blob()
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream' }
    const demo = getDemoSession()
    if (demo) headers['X-Demo-Openid'] = demo.openid
    const response = await fetch(`/api/upload?filename=cover.${image.extension}`, { method: 'POST', headers, body: bytes })
    reply = await response.json()
  } catch {
    throw new ApiCallError('NETWORK', NETWORK_MESSAGE)
  }
  const r = reply as { ok?: boolean; data?: { path?: unknown }; error?: { code?: string; message?: string } }
  if (r.ok && typeof r.data?.path === 'string') return r.data.path
  throw new ApiCallError('INVALID_INPUT', r.error?.message || '图片上传失败，请换一张再试')
}

/** The local server serves `/uploads/…` from the same origin as the app. */
export function coverUrl(stored: string | null | undefined): string | null {
  return stored || null
}
