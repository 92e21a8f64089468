import Taro from '@tarojs/taro'
import { HONOUR_FILE_EXTENSIONS, HONOUR_MATERIAL_LIMITS, type Attachment } from '../../../types'
import { ApiCallError, NETWORK_MESSAGE } from '@/services/api'

/**
 * Honour materials, mini-program side: photos from the album or camera (chooseMedia), files from a
 * chat (chooseMessageFile: a mini-program reaches files only through one; 文件传输助手 is the usual
 * way), each into this environment's storage under `honour-materials/`. The server checks count,
 * type, size and origin again (core/honour/materials.ts). The H5 build uses material-upload.h5.ts.
 */

const tooBig = (field: string, message: string) => new ApiCallError('INVALID_INPUT', message, { [field]: message })

async function toStorage(filePath: string, ext: string): Promise<string> {
  const random = Math.random().toString(36).slice(2, 10)
  try {
    return (await Taro.cloud.uploadFile({ cloudPath: `honour-materials/${Date.now()}-${random}.${ext}`, filePath })).fileID
  } catch {
    throw new ApiCallError('NETWORK', NETWORK_MESSAGE)
  }
}

/** Up to `max` photos, uploaded; [] when the person backs out. */
export async function pickAndUploadPhotos(max: number): Promise<string[]> {
  let picked: Taro.chooseMedia.SuccessCallbackResult
  try {
    picked = await Taro.chooseMedia({ count: max, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  } catch {
    return []
  }
  if (picked.tempFiles.some((f) => f.size > HONOUR_MATERIAL_LIMITS.photoBytes)) throw tooBig('materials.photos', '照片不能超过2MB')
  const out: string[] = []
  for (const file of picked.tempFiles) {
    const ext = (file.tempFilePath.match(/\.(png|jpe?g|webp)$/i)?.[1] ?? 'jpg').toLowerCase()
    out.push(await toStorage(file.tempFilePath, ext))
  }
  return out
}

/** One file from a chat, uploaded; null when the person backs out. */
export async function pickAndUploadFile(): Promise<Attachment | null> {
  let picked: Taro.chooseMessageFile.SuccessCallbackResult
  try {
    picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [...HONOUR_FILE_EXTENSIONS] })
  } catch {
    return null
  }
  const file = picked.tempFiles[0]
  if (!file) return null
  if (file.size > HONOUR_MATERIAL_LIMITS.fileBytes) throw tooBig('materials.files', '附件不能超过10MB')
  const ext = file.name.split('.').pop()?.toLowerCase() ?? ''
  return { name: file.name, fileId: await toStorage(file.path, ext), size: file.size }
}

/** Opens a stored file with the system viewer. */
export async function openMaterialFile(fileId: string): Promise<void> {
  try {
    const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: fileId })
    await Taro.openDocument({ filePath: tempFilePath, showMenu: true })
  } catch {
    throw new ApiCallError('NETWORK', '文件打开失败，请稍后再试')
  }
}
