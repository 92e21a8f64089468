import { SUBMISSION_EXTENSIONS } from '../../../types'

/**
 * Whether a submission file's bytes are what its name says (local mode's storage checks it before
 * keeping the file, as it does for cover images): HTML or an EXE named `.pdf` is refused.
 */
export type SubmissionExtension = (typeof SUBMISSION_EXTENSIONS)[number]

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b)
const ZIP = [0x50, 0x4b, 0x03, 0x04]
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

export function submissionExtensionOf(filename: string): SubmissionExtension | null {
  const ext = filename.toLowerCase().split('.').pop() ?? ''
  return (SUBMISSION_EXTENSIONS as readonly string[]).includes(ext) ? (ext as SubmissionExtension) : null
}

export function bytesMatchExtension(ext: SubmissionExtension, bytes: Uint8Array): boolean {
  switch (ext) {
    case 'pdf':
      return startsWith(bytes, [0x25, 0x50, 0x44, 0x46])
    case 'docx':
    case 'pptx':
    case 'zip':
      return startsWith(bytes, ZIP)
    case 'doc':
    case 'ppt':
      return startsWith(bytes, OLE)
    case 'mp4':
      return startsWith(bytes, [0x66, 0x74, 0x79, 0x70], 4)
  }
}
