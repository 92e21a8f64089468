import { SUBMISSION_EXTENSIONS, type SubmissionFile } from '../../../types'
import { chooseLocalFile, postToLocalUploads } from '../../services/local-upload.h5'

/**
 * A submission file, browser side (local / self-hosted mode): a file input limited to the allowed
 * extensions, the bytes to `POST /api/upload?kind=submission`, which checks them and answers the
 * `/uploads/…` path the version keeps.
 */
export async function pickAndUploadSubmission(): Promise<SubmissionFile | null> {
  const file = await chooseLocalFile(SUBMISSION_EXTENSIONS, 'submission-file-input')
  if (!file) return null
  const query = `kind=submission&filename=${encodeURIComponent(file.name)}`
  return { name: file.name, fileId: await postToLocalUploads(query, file, '文件上传失败，请重试') }
}
