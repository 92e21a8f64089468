import Taro from '@tarojs/taro'
import { ApiCallError, NETWORK_MESSAGE } from './api'
import { postToLocalUploads } from './local-upload.h5'

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
  let bytes: Blob
  try {
    bytes = await (await fetch(image.path)).blob()
  } catch {
    throw new ApiCallError('NETWORK', NETWORK_MESSAGE)
  }
  return postToLocalUploads(`filename=cover.${image.extension}`, bytes, '图片上传失败，请换一张再试')
}

/** The local server serves `/uploads/…` from the same origin as the app. */
export function coverUrl(stored: string | null | undefined): string | null {
  return stored || null
}
