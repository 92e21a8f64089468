import Taro from '@tarojs/taro'
import { HONOUR_FILE_EXTENSIONS, HONOUR_MATERIAL_LIMITS, type Attachment } from '../../../types'
import { ApiCallError } from '@/services/api'
import { chooseLocalFile, postToLocalUploads } from '@/services/local-upload.h5'

/**
 * Honour materials, browser side (local / self-hosted mode): the bytes go to
 * `POST /api/upload?kind=material`, which checks them against their name and answers the
 * `/uploads/m-…` path the nomination keeps. Local storage takes files up to 2MB.
 */

const LOCAL_MAX_BYTES = 2 * 1024 * 1024
const refused = (field: string, message: string) => new ApiCallError('INVALID_INPUT', message, { [field]: message })

const toStorage = (body: Blob, filename: string): Promise<string> =>
  postToLocalUploads(`kind=material&filename=${encodeURIComponent(filename)}`, body, '上传失败，请重试')

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

export async function pickAndUploadFile(): Promise<Attachment | null> {
  const file = await chooseLocalFile(HONOUR_FILE_EXTENSIONS, 'honour-file-input')
  if (!file) return null
  if (file.size > LOCAL_MAX_BYTES) throw refused('materials.files', '本地模式下附件不能超过2MB')
  return { name: file.name, fileId: await toStorage(file, file.name), size: file.size }
}

/** The local server serves `/uploads/…` from the same origin. */
export async function openMaterialFile(fileId: string): Promise<void> {
  window.open(fileId, '_blank', 'noopener')
}
