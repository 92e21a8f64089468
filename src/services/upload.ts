import Taro from '@tarojs/taro'
import { ApiCallError, NETWORK_MESSAGE } from './api'

/**
 * Cover images, mini-program side: the picked file goes to CloudBase storage and its `cloud://`
 * fileID is what the activity stores (an Image shows it directly). The H5 build uses
 * upload.h5.ts, which sends the bytes to the local server instead.
 */

export interface PickedImage {
  /** What an <Image> can show before the upload finishes. */
  preview: string
  path: string
  extension: string
}

export async function pickImage(): Promise<PickedImage | null> {
  let result: Taro.chooseImage.SuccessCallbackResult
  try {
    result = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  } catch {
    return null // the person closed the picker
  }
  const path = result.tempFilePaths[0]
  if (!path) return null
  const extension = (path.match(/\.(png|jpe?g|webp)$/i)?.[1] ?? 'jpg').toLowerCase()
  return { preview: path, path, extension }
}

export async function uploadCover(image: PickedImage): Promise<string> {
  const random = Math.random().toString(36).slice(2, 10)
  try {
    const { fileID } = await Taro.cloud.uploadFile({ cloudPath: `activity-covers/${Date.now()}-${random}.${image.extension}`, filePath: image.path })
    return fileID
  } catch {
    throw new ApiCallError('NETWORK', NETWORK_MESSAGE)
  }
}

/** An <Image> src for a stored cover: a cloud fileID is shown as is. */
export function coverUrl(stored: string | null | undefined): string | null {
  return stored || null
}
