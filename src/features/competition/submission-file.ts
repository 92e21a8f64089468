import Taro from '@tarojs/taro'
import { SUBMISSION_EXTENSIONS, type SubmissionFile } from '../../../types'
import { ApiCallError, NETWORK_MESSAGE } from '../../services/api'

/**
 * A submission file, mini-program side: picked from a chat (a mini-program reaches files only
 * through one; 文件传输助手 is the usual way) with the extension filter, then into CloudBase
 * storage; its `cloud://` fileID is what the version keeps. The H5 build uses submission-file.h5.ts.
 */
export async function pickAndUploadSubmission(): Promise<SubmissionFile | null> {
  let picked: Taro.chooseMessageFile.SuccessCallbackResult
  try {
    picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [...SUBMISSION_EXTENSIONS] })
  } catch {
    return null
  }
  const file = picked.tempFiles[0]
  if (!file) return null
  const ext = file.name.split('.').pop()?.toLowerCase() ?? ''
  const random = Math.random().toString(36).slice(2, 10)
  try {
    const { fileID } = await Taro.cloud.uploadFile({ cloudPath: `competition-submissions/${Date.now()}-${random}.${ext}`, filePath: file.path })
    return { name: file.name, fileId: fileID }
  } catch {
    throw new ApiCallError('NETWORK', NETWORK_MESSAGE)
  }
}
