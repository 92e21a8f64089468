import Taro from '@tarojs/taro'
import type { ExportFile } from '../../types'

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(new ArrayBuffer(binary.length))
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** The browser's download of `url` (a blob URL, released after a while) under `filename`. */
export function downloadInBrowser(url: string, filename: string): void {
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  document.body.removeChild(link)
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A file name the mini-program's file system accepts (names come from titles staff typed). */
const safeFileName = (name: string) => name.replace(/[\\/:*?"<>|]/g, '_')

/**
 * Hands an exported list (roster, registrations, interests) to the person: a download in the
 * browser; in the mini-program a file in the user folder opened with the system viewer (from
 * there it can be forwarded or saved).
 */
export async function openSpreadsheet(file: ExportFile): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    // Taro.env is wx.env in the mini-program.
    const filePath = `${Taro.env.USER_DATA_PATH ?? ''}/${safeFileName(file.filename)}`
    Taro.getFileSystemManager().writeFileSync(filePath, file.contentBase64, 'base64')
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
    return
  }
  downloadInBrowser(URL.createObjectURL(new Blob([base64ToBytes(file.contentBase64)], { type: XLSX_MIME })), file.filename)
}

export interface PickedFile {
  filename: string
  contentBase64: string
}

/** Larger than the api accepts (1 MB); refused here before a slow upload. */
export const MAX_IMPORT_BYTES = 1024 * 1024

/** Lets staff choose a station spreadsheet; null when they back out. */
export async function pickSpreadsheet(): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'weapp') {
    let picked: Taro.chooseMessageFile.SuccessCallbackResult
    try {
      // A mini-program reaches files only through a chat: 文件传输助手 is the usual way.
      picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] })
    } catch {
      return null
    }
    const file = picked.tempFiles[0]
    if (!file) return null
    if (file.size > MAX_IMPORT_BYTES) throw new Error('文件不能超过1MB')
    const content = Taro.getFileSystemManager().readFileSync(file.path, 'base64')
    return { filename: file.name, contentBase64: String(content) }
  }
  return pickInBrowser()
}

function pickInBrowser(): Promise<PickedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,.csv,text/csv,' + XLSX_MIME
    input.style.display = 'none'
    input.id = 'import-file-input'
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      input.remove()
      if (!file) return resolve(null)
      if (file.size > MAX_IMPORT_BYTES) return reject(new Error('文件不能超过1MB'))
      const reader = new FileReader()
      reader.onload = () => {
        const dataUrl = String(reader.result ?? '')
        resolve({ filename: file.name, contentBase64: dataUrl.slice(dataUrl.indexOf(',') + 1) })
      }
      reader.onerror = () => reject(new Error('读取文件失败，请重试'))
      reader.readAsDataURL(file)
    })
    input.addEventListener('cancel', () => {
      input.remove()
      resolve(null)
    })
    // Backing out of the dialog fires no event in every browser; the page stays usable either way.
    document.body.appendChild(input)
    input.click()
  })
}
